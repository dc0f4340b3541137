/**
 * The vocabulary every module of the core (and every package built on it) shares.
 * Kept in one place so that a scenario id, a scheme or a method means the same thing everywhere.
 */

/** Permission schemes as Graph's permission data names them. */
export const permissionSchemes = ['DelegatedWork', 'DelegatedPersonal', 'Application'] as const;
export type PermissionScheme = (typeof permissionSchemes)[number];

/** The HTTP methods Graph's permission data knows. */
export const httpMethods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** What a token stands for: an app on its own (`roles`) or an app acting for a user (`scp`). */
export type TokenKind = 'app' | 'delegated';

/** The ids of the scenario catalog, exactly. Every other package names scenarios by these. */
export const scenarioIds = [
  'missing-token',
  'malformed-token',
  'invalid-token',
  'expired-token',
  'wrong-audience',
  'personal-account-not-supported',
  'insufficient-permissions',
  'permission-type-mismatch',
  'app-only-password-reset',
  'delegated-only-endpoint',
  'user-not-authorized',
  'claims-challenge',
  'interaction-required',
  'consent-required',
  'invalid-scope-for-flow',
  'multiple-resources',
] as const;
export type ScenarioId = (typeof scenarioIds)[number];

/** Where a scenario happens: on a call to Graph, or when acquiring a token. */
export type ScenarioSide = 'graph' | 'token-endpoint';

/** The workload whose flavour of 403 Graph answers with. */
export type Workload = 'directory' | 'outlook' | 'files';

/** What one scheme needs for one Graph operation. */
export interface SchemeRequirement {
  /** Every permission that grants the operation under this scheme, least privileged first. */
  readonly all: readonly string[];
  /**
   * The least-privileged choices, best first: the data's `least=` markers re-ranked by privilege
   * level and by read vs write for the method (so `GET /users` answers `User.ReadBasic.All`).
   */
  readonly leastPrivileged: readonly string[];
  /**
   * For each granting permission that needs a companion (`AlsoRequires=` in the data), the
   * permissions one of which must also be in the token.
   */
  readonly alsoRequires: Readonly<Record<string, readonly string[]>>;
}

/** What `requiredPermissions(method, url)` answers for a known Graph operation. */
export interface RequiredPermissions {
  readonly method: HttpMethod;
  /** The catalog's path template the URL matched, e.g. `/users/{id}/messages`. */
  readonly template: string;
  /** Only the schemes under which the operation can be called at all. */
  readonly schemes: Readonly<Partial<Record<PermissionScheme, SchemeRequirement>>>;
}

/** One scheme of one permission. */
export interface PermissionSchemeInfo {
  /** The permission's GUID for this scheme (the id in an app registration), when the data has it. */
  readonly id: string | undefined;
  readonly requiresAdminConsent: boolean;
  /** 1 (least privileged) to 5 (most). */
  readonly privilegeLevel: number;
  readonly displayName: string;
}

/** What `getPermission(name)` answers. */
export interface PermissionInfo {
  /** The canonical spelling, e.g. `User.Read.All` even when asked for `user.read.all`. */
  readonly name: string;
  readonly schemes: Readonly<Partial<Record<PermissionScheme, PermissionSchemeInfo>>>;
}
