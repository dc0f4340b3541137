/**
 * Thin, non-throwing views of the core for static analysis: the core throws typed errors on URLs
 * and methods it cannot judge, and a linter must treat those as "unknown", never crash.
 */
import {
  GraphAuthzError,
  getPermission,
  isGraphUrl,
  matchGraphPath,
  requiredPermissions,
  resourceOfScope,
  resourceOfUrl,
  type PermissionScheme,
  type RequiredPermissions,
  type Resource,
  type ScopeTarget,
  type TokenKind,
} from '@graph-authz/core';
import type { StaticString } from './values.js';

function orUndefined<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GraphAuthzError) return undefined;
    throw error;
  }
}

/** The catalog's answer for a Graph call, undefined for non-Graph URLs and unknown operations. */
export function permissionsFor(method: string, url: string | undefined): RequiredPermissions | undefined {
  if (url === undefined || !isGraphUrlSafe(url)) return undefined;
  return orUndefined(() => requiredPermissions(method, url));
}

export function isGraphUrlSafe(url: string): boolean {
  return orUndefined(() => isGraphUrl(url)) === true;
}

/** The Graph path (version stripped, `/me/...` kept) of a Graph URL. */
export function graphPath(url: string | undefined): string | undefined {
  if (url === undefined || !isGraphUrlSafe(url)) return undefined;
  return orUndefined(() => matchGraphPath(url))?.path ?? orUndefined(() => new URL(url).pathname.replace(/^\/(v1\.0|beta)(?=\/|$)/u, ''));
}

export function resourceOfUrlSafe(url: string): Resource | undefined {
  return orUndefined(() => resourceOfUrl(url));
}

/** A scope's target, undefined for malformed scopes (other rules report those). */
export function targetOf(scope: string): ScopeTarget | undefined {
  return orUndefined(() => resourceOfScope(scope));
}

export interface ScopeWithTarget {
  readonly scope: StaticString;
  readonly target: ScopeTarget;
}

/** Splits space-separated entries the way the token endpoint does, and keeps each one's node. */
export function scopeTargets(scopes: readonly StaticString[]): ScopeWithTarget[] {
  const result: ScopeWithTarget[] = [];
  for (const scope of scopes) {
    const parts = scope.value.split(/\s+/u).filter((part) => part !== '');
    for (const part of parts) {
      const target = targetOf(part);
      if (target !== undefined) result.push({ scope: parts.length === 1 ? scope : { ...scope, value: part, replaceable: false }, target });
    }
  }
  return result;
}

/** The Graph permissions (not OIDC, not `.default`) a scope list names. */
export function namedGraphPermissions(scopes: readonly StaticString[]): ScopeWithTarget[] {
  return scopeTargets(scopes).filter(
    ({ target }) => target.kind === 'resource' && target.resource?.id === 'microsoft-graph' && !target.isDefault,
  );
}

/** The permission scheme a token kind is judged by. */
export function schemeOf(kind: TokenKind): PermissionScheme {
  return kind === 'app' ? 'Application' : 'DelegatedWork';
}

/** 1..5, or undefined when the catalog does not know the permission for the scheme. */
export function privilegeLevel(name: string, scheme: PermissionScheme): number | undefined {
  return getPermission(name)?.schemes[scheme]?.privilegeLevel;
}
