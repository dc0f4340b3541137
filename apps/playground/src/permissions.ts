/**
 * For the request: which permissions grant it under each scheme (from the core's catalog), and
 * which of them the token holds. A delegated token is judged by scp, an app-only token by roles.
 */
import {
  GraphAuthzError,
  requiredPermissions,
  type AccessToken,
  type GraphRequest,
  type PermissionScheme,
  type SchemeRequirement,
} from '@graph-authz/core';

export type Holding = 'has' | 'lacks' | 'unknown';

export interface PermissionRow {
  readonly name: string;
  readonly leastPrivileged: boolean;
  readonly holding: Holding;
  /** Companions one of which must also be held (AlsoRequires in Graph's data). */
  readonly alsoRequires: readonly string[];
}

export interface SchemeView {
  readonly scheme: PermissionScheme;
  readonly label: string;
  /** Why the token's permissions don't count under this scheme, when they don't. */
  readonly tokenNote: string | undefined;
  readonly permissions: readonly PermissionRow[];
}

export type PermissionsView =
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'unknown-operation'; readonly method: string; readonly url: string }
  | { readonly kind: 'known'; readonly method: string; readonly template: string; readonly schemes: readonly SchemeView[] };

const schemeLabels: Readonly<Record<PermissionScheme, string>> = {
  DelegatedWork: 'Delegated (work or school account)',
  DelegatedPersonal: 'Delegated (personal Microsoft account)',
  Application: 'Application',
};

export function permissionsView(request: GraphRequest | undefined, token: AccessToken | undefined): PermissionsView {
  if (request === undefined) return { kind: 'none' };
  let required;
  try {
    required = requiredPermissions(request.method, request.url);
  } catch (error) {
    if (error instanceof GraphAuthzError) return { kind: 'problem', message: error.message };
    throw error;
  }
  if (required === undefined) return { kind: 'unknown-operation', method: request.method, url: request.url };
  const schemes = (Object.keys(schemeLabels) as PermissionScheme[]).flatMap((scheme) => {
    const requirement = required.schemes[scheme];
    return requirement === undefined ? [] : [schemeView(scheme, requirement, token)];
  });
  return { kind: 'known', method: required.method, template: required.template, schemes };
}

function schemeView(scheme: PermissionScheme, requirement: SchemeRequirement, token: AccessToken | undefined): SchemeView {
  const held = heldPermissions(scheme, token);
  const least = new Set(requirement.leastPrivileged.map((name) => name.toLowerCase()));
  return {
    scheme,
    label: schemeLabels[scheme],
    tokenNote: tokenNote(scheme, token),
    permissions: requirement.all.map((name) => ({
      name,
      leastPrivileged: least.has(name.toLowerCase()),
      holding: held === undefined ? 'unknown' : held.has(name.toLowerCase()) ? 'has' : 'lacks',
      alsoRequires: requirement.alsoRequires[name] ?? [],
    })),
  };
}

/** The token's permissions that count under `scheme` (lower-cased), or undefined without a token. */
function heldPermissions(scheme: PermissionScheme, token: AccessToken | undefined): Set<string> | undefined {
  if (token === undefined) return undefined;
  const names = scheme === 'Application' ? appPermissions(token) : delegatedPermissions(scheme, token);
  return new Set(names.map((name) => name.toLowerCase()));
}

function appPermissions(token: AccessToken): readonly string[] {
  return token.kind === 'app' ? token.roles : [];
}

function delegatedPermissions(scheme: PermissionScheme, token: AccessToken): readonly string[] {
  if (token.kind !== 'delegated') return [];
  const personalScheme = scheme === 'DelegatedPersonal';
  return token.isPersonalAccount === personalScheme ? token.scopes : [];
}

function tokenNote(scheme: PermissionScheme, token: AccessToken | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (scheme === 'Application') return token.kind === 'app' ? undefined : 'The token is not app-only: its permissions do not count here.';
  if (token.kind !== 'delegated') return 'The token is not delegated: its permissions do not count here.';
  if (scheme === 'DelegatedPersonal' && !token.isPersonalAccount) return 'The token is of a work or school account.';
  if (scheme === 'DelegatedWork' && token.isPersonalAccount) return 'The token is of a personal Microsoft account.';
  return undefined;
}
