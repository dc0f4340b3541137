/**
 * What a `scope` parameter asks for: which resource the token is for, and which permissions. The
 * scope rules of each flow (1002012, 28000, 70011) are the core's `checkScopesForFlow`; this module
 * only adds what needs the tenant: the resource must exist, delegated scopes must be consented.
 * Consented permissions are named bare for Graph (`User.Read`) and as full scopes for any other
 * resource (`api://{clientId}/access_as_user`).
 */
import { checkScopesForFlow, resourceOfScope, type FlowId, type ScopeTarget } from '@graph-authz/core';
import type { RegisteredApp, TenantContext } from './context.js';
import { fail } from './failure.js';

type ResourceTarget = Extract<ScopeTarget, { kind: 'resource' }>;

export interface RequestedScopes {
  /** `openid`, `profile`, `email`, `offline_access`, lower-cased. */
  readonly oidc: readonly string[];
  /** The token's `aud`. */
  readonly audience: string;
  /** Graph's permissions are named bare (`User.Read`); other resources' by full scope. */
  readonly isGraph: boolean;
  /** The permission names requested, `.default` included. */
  readonly permissions: readonly string[];
}

const graphAudience = 'https://graph.microsoft.com';

export function parseScopeParameter(value: string | null): string[] {
  return (value ?? '').split(/\s+/).filter((scope) => scope !== '');
}

/** Validates scopes as the token endpoint does for `flow`, then resolves their resource in the tenant. */
export function resolveScopes(context: TenantContext, flow: FlowId, scopes: readonly string[]): RequestedScopes {
  const problem = checkScopesForFlow(flow, scopes);
  if (problem !== undefined) fail(problem.aadsts, { tenantId: context.config.tenantId, values: { scope: problem.scopes.join(' ') } });
  const targets = scopes.map((scope) => resourceOfScope(scope));
  const oidc = targets.filter((target) => target.kind === 'oidc').map((target) => target.scope.toLowerCase());
  const resourceTargets = targets.filter((target): target is ResourceTarget => target.kind === 'resource');
  const first = resourceTargets[0];
  // Only OIDC scopes: Entra issues a Graph token (for the userinfo endpoint).
  if (first === undefined) return { oidc, audience: graphAudience, isGraph: true, permissions: [] };
  const isGraph = first.resource?.id === 'microsoft-graph';
  if (first.resource === undefined && ownApiOf(context, first.audience) === undefined) {
    fail(500011, { tenantId: context.config.tenantId, values: { resource: first.audience, tenant: context.config.tenantId } });
  }
  return { oidc, audience: first.audience, isGraph, permissions: resourceTargets.map((target) => target.permission) };
}

/** An app of this tenant exposing an API under `audience` (its client id or an identifier URI). */
function ownApiOf(context: TenantContext, audience: string): RegisteredApp | undefined {
  const wanted = audience.toLowerCase();
  return [...context.config.apps.values()].find(
    (app) => app.clientId === wanted || (app.identifierUris ?? []).some((uri) => uri.toLowerCase().replace(/\/$/, '') === wanted),
  );
}

/** The app's granted entries that belong to the requested resource, named as the token names them. */
function entriesFor(entries: readonly string[], requested: RequestedScopes): string[] {
  if (requested.isGraph) return entries.filter((entry) => !entry.includes('/'));
  const prefix = `${requested.audience.toLowerCase()}/`;
  return entries.filter((entry) => entry.toLowerCase().startsWith(prefix)).map((entry) => entry.slice(prefix.length));
}

/** `roles` of an app-only token: every application permission granted on the resource. */
export function grantedRoles(app: RegisteredApp, requested: RequestedScopes): string[] {
  return entriesFor(app.applicationPermissions ?? [], requested);
}

/**
 * `scp` of a delegated token. `.default` means everything consented on the resource; a named
 * permission that is not consented fails with AADSTS65001, as a sign-in that cannot prompt does.
 */
export function consentedScopes(context: TenantContext, app: RegisteredApp, requested: RequestedScopes): string[] {
  const consented = entriesFor(app.delegatedPermissions ?? [], requested);
  const named = requested.permissions.filter((permission) => permission !== '.default');
  const wantsDefault = named.length < requested.permissions.length;
  const missing = named.filter((permission) => !consented.some((entry) => entry.toLowerCase() === permission.toLowerCase()));
  if (missing.length > 0) {
    fail(65001, { tenantId: context.config.tenantId, values: { appId: app.clientId, appName: app.displayName ?? app.clientId, scope: missing.join(' ') } });
  }
  const granted = wantsDefault ? consented : named.map((permission) => consented.find((entry) => entry.toLowerCase() === permission.toLowerCase()) ?? permission);
  const profile = requested.isGraph ? requested.oidc.filter((scope) => scope !== 'offline_access') : [];
  return [...new Set([...granted, ...profile])];
}
