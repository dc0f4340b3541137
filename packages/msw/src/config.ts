/**
 * What an emulated tenant is made of: its app registrations, its users and its conditional access
 * policies. The config is checked once in `normalizeConfig`, so every later step can trust it.
 */
import { InvalidArgumentError } from '@graph-authz/core';
import type { RouteResolver } from './routes.js';

/** An app registration together with its service principal in the tenant. */
export interface AppConfig {
  /** The application (client) id. */
  readonly clientId: string;
  readonly displayName?: string;
  /** A client secret; a token request with another secret gets AADSTS7000215. */
  readonly clientSecret?: string;
  /**
   * Certificates registered for `client_assertion` sign-in: an X.509 certificate (`-----BEGIN
   * CERTIFICATE-----`) or a public key (`-----BEGIN PUBLIC KEY-----`) in PEM.
   */
  readonly certificates?: readonly string[];
  /** Application permissions (app roles) an admin granted, e.g. `User.Read.All`: they become `roles`. */
  readonly applicationPermissions?: readonly string[];
  /** Delegated permissions consented for the tenant, e.g. `User.Read`: requesting others gets AADSTS65001. */
  readonly delegatedPermissions?: readonly string[];
  /** Directory roles (role template ids) assigned to the service principal; they become `wids`. */
  readonly directoryRoles?: readonly string[];
  /** Whether tokens minted with `issueToken` carry `xms_cc: ["CP1"]` unless told otherwise. */
  readonly caeCapable?: boolean;
  /** A public client (mobile/desktop, device code, ROPC) may redeem user grants without a credential. */
  readonly publicClient?: boolean;
  /** Application ID URIs, e.g. `api://{clientId}`, the audience of tokens for this app (on-behalf-of). */
  readonly identifierUris?: readonly string[];
  /** Redirect URIs accepted by `/authorize` and the authorization code grant. */
  readonly redirectUris?: readonly string[];
  /** The service principal's object id (the `oid` of app-only tokens); random when omitted. */
  readonly servicePrincipalId?: string;
}

/** A user of the tenant (or a personal Microsoft account signing in to it). */
export interface UserConfig {
  /** The object id (`oid`). */
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName?: string;
  /** The password the `password` grant checks; without one, ROPC fails with AADSTS50126. */
  readonly password?: string;
  /** A personal Microsoft account: its tokens are opaque and its `tid` is the consumers tenant. */
  readonly personalAccount?: boolean;
  /** Directory roles (role template ids) the user holds; they become `wids` and decide privileged calls. */
  readonly directoryRoles?: readonly string[];
  /** Licences (SKU part numbers) assigned to the user. */
  readonly licenses?: readonly string[];
  /** Whether the user has a mailbox (Outlook calls need one). */
  readonly hasMailbox?: boolean;
  /** Whether the user registered MFA: interactive sign-ins then satisfy an MFA policy. */
  readonly mfaRegistered?: boolean;
  readonly mail?: string;
  readonly jobTitle?: string;
}

/**
 * A conditional access policy. `require-mfa` makes non-interactive user grants (password, refresh
 * token, on-behalf-of) answer AADSTS50076; `block` answers AADSTS53003 to every grant it targets.
 * A policy with neither `appIds` nor `userIds` targets everyone.
 */
export interface PolicyConfig {
  readonly kind: 'require-mfa' | 'block';
  readonly appIds?: readonly string[];
  readonly userIds?: readonly string[];
  /** The policy id, reported in the `capolids` claims challenge; random when omitted. */
  readonly id?: string;
}

export interface TenantConfig {
  /** The directory (tenant) id; a random GUID when omitted. */
  readonly tenantId?: string;
  /** Verified domains, usable as the authority segment (`https://login.microsoftonline.com/contoso.com`). */
  readonly domains?: readonly string[];
  readonly apps: readonly AppConfig[];
  readonly users?: readonly UserConfig[];
  readonly policies?: readonly PolicyConfig[];
  /** Where "now" comes from; `setTime` overrides it. Defaults to the system clock. */
  readonly clock?: () => Date;
  /** Access token lifetime in seconds (Entra issues 60 to 90 minutes; CAE tokens up to 28 hours). */
  readonly tokenLifetimeSeconds?: number;
  /** Clock skew tolerated on `exp`/`nbf`, as Graph does (5 minutes). */
  readonly clockSkewSeconds?: number;
  /** Answers successful Graph calls other than `/users` and `/me`; else an empty OData collection. */
  readonly routes?: RouteResolver;
  /** The polling interval `/devicecode` announces, in seconds. */
  readonly deviceCodeIntervalSeconds?: number;
}

export interface NormalizedPolicy {
  readonly kind: 'require-mfa' | 'block';
  readonly appIds: readonly string[] | undefined;
  readonly userIds: readonly string[] | undefined;
  readonly id: string;
}

export interface NormalizedConfig {
  readonly tenantId: string;
  readonly domains: readonly string[];
  readonly apps: ReadonlyMap<string, AppConfig & { readonly servicePrincipalId: string }>;
  readonly users: readonly UserConfig[];
  readonly policies: readonly NormalizedPolicy[];
  readonly tokenLifetimeSeconds: number;
  readonly clockSkewSeconds: number;
  readonly routes: RouteResolver | undefined;
  readonly deviceCodeIntervalSeconds: number;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return guidPattern.test(value);
}

/** Checks the config and fills in defaults; every mistake is an `InvalidArgumentError` naming the field. */
export function normalizeConfig(config: TenantConfig): NormalizedConfig {
  const tenantId = (config.tenantId ?? crypto.randomUUID()).toLowerCase();
  if (!isGuid(tenantId)) throw new InvalidArgumentError('tenantId', `tenantId must be a GUID, got '${tenantId}'.`);
  const apps = new Map<string, AppConfig & { readonly servicePrincipalId: string }>();
  for (const [index, app] of config.apps.entries()) {
    if (!isGuid(app.clientId)) throw new InvalidArgumentError(`apps[${index}].clientId`, `clientId must be a GUID, got '${app.clientId}'.`);
    const key = app.clientId.toLowerCase();
    if (apps.has(key)) throw new InvalidArgumentError(`apps[${index}].clientId`, `The app ${app.clientId} is registered twice.`);
    apps.set(key, { ...app, clientId: key, servicePrincipalId: app.servicePrincipalId ?? crypto.randomUUID() });
  }
  const users = config.users ?? [];
  const seen = new Set<string>();
  for (const [index, user] of users.entries()) {
    if (!isGuid(user.id)) throw new InvalidArgumentError(`users[${index}].id`, `A user id must be a GUID (the object id), got '${user.id}'.`);
    const upn = user.userPrincipalName.toLowerCase();
    if (seen.has(upn)) throw new InvalidArgumentError(`users[${index}].userPrincipalName`, `The user ${user.userPrincipalName} is listed twice.`);
    seen.add(upn);
  }
  return {
    tenantId,
    domains: (config.domains ?? []).map((domain) => domain.toLowerCase()),
    apps,
    users,
    policies: (config.policies ?? []).map((policy) => ({
      kind: policy.kind,
      appIds: policy.appIds?.map((id) => id.toLowerCase()),
      userIds: policy.userIds?.map((id) => id.toLowerCase()),
      id: policy.id ?? crypto.randomUUID(),
    })),
    tokenLifetimeSeconds: positive('tokenLifetimeSeconds', config.tokenLifetimeSeconds, 3600),
    clockSkewSeconds: positive('clockSkewSeconds', config.clockSkewSeconds, 300),
    routes: config.routes,
    deviceCodeIntervalSeconds: positive('deviceCodeIntervalSeconds', config.deviceCodeIntervalSeconds, 5),
  };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new InvalidArgumentError(name, `${name} must be a non-negative number, got ${value}.`);
  return value;
}
