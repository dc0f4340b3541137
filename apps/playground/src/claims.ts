/**
 * The claims table: every claim of the token, the ones that decide authorization first and
 * highlighted, each with a note in plain words (what resource the aud is, whether exp has passed).
 */
import { directoryRoleTemplateIds, isExpired, resourceOfAudience, type AccessToken } from '@graph-authz/core';

/** The claims Graph's decision turns on, in the order the table shows them. */
export const relevantClaims = ['aud', 'scp', 'roles', 'exp', 'xms_cc', 'idtyp'] as const;

export interface ClaimRow {
  readonly name: string;
  readonly value: string;
  readonly note: string | undefined;
  readonly relevant: boolean;
}

export interface TokenSummary {
  readonly kind: string;
  readonly signed: boolean;
  readonly algorithm: string;
}

const timeClaims = new Set(['exp', 'iat', 'nbf', 'auth_time']);

export function claimRows(token: AccessToken, now: Date): ClaimRow[] {
  const relevant: readonly string[] = relevantClaims;
  const present = Object.keys(token.claims);
  const ordered = [...relevantClaims.filter((name) => name in token.claims), ...present.filter((name) => !relevant.includes(name))];
  return ordered.map((name) => ({
    name,
    value: formatClaim(name, token.claims[name]),
    note: claimNote(name, token, now),
    relevant: relevant.includes(name),
  }));
}

export function tokenSummary(token: AccessToken): TokenSummary {
  const algorithm = typeof token.header.alg === 'string' ? token.header.alg : 'unknown';
  return { kind: kindLabel(token), signed: algorithm.toLowerCase() !== 'none' && !token.raw.endsWith('.'), algorithm };
}

function kindLabel(token: AccessToken): string {
  if (token.kind === 'app') return 'App-only token (application permissions in roles)';
  if (token.kind === 'none') return 'Token with neither scp nor roles: it grants nothing';
  const account = token.isPersonalAccount ? 'a personal Microsoft account' : 'a work or school account';
  return `Delegated token (scopes in scp) of ${account}`;
}

function formatClaim(name: string, value: unknown): string {
  if (timeClaims.has(name) && typeof value === 'number') return `${String(value)} (${new Date(value * 1000).toISOString()})`;
  if (typeof value === 'string') return value;
  // Claims come from JSON, so every value has a JSON form.
  return JSON.stringify(value);
}

function claimNote(name: string, token: AccessToken, now: Date): string | undefined {
  switch (name) {
    case 'aud':
      return audienceNote(token.audience);
    case 'exp':
      return lifetimeNote(token, now);
    case 'scp':
      return token.kind === 'delegated' ? `${String(token.scopes.length)} delegated permission(s)` : undefined;
    case 'roles':
      return token.kind === 'app' ? `${String(token.roles.length)} application permission(s)` : 'app roles of the user';
    case 'xms_cc':
      return token.clientCapabilities.includes('CP1')
        ? 'CP1: the client handles claims challenges (continuous access evaluation)'
        : undefined;
    case 'idtyp':
      return token.claims.idtyp === 'app' ? 'issued to an app, no signed-in user' : 'issued for a signed-in user';
    case 'wids':
      return rolesNote(token.directoryRoleIds);
    case 'tid':
      return token.kind === 'delegated' && token.isPersonalAccount ? 'the consumers tenant: a personal Microsoft account' : undefined;
    default:
      return undefined;
  }
}

/** Names the administrator roles among `wids`, the ones Graph checks for admin operations. */
function rolesNote(templateIds: readonly string[]): string {
  const names = Object.entries(directoryRoleTemplateIds)
    .filter(([, id]) => templateIds.includes(id))
    .map(([name]) => name);
  return names.length === 0 ? 'directory roles: no administrator role' : `directory roles: ${names.join(', ')}`;
}

function audienceNote(audience: string | undefined): string {
  if (audience === undefined) return 'no audience';
  const resource = resourceOfAudience(audience);
  if (resource === undefined) return 'not a resource the catalog knows: not Microsoft Graph';
  return resource.id === 'microsoft-graph' ? 'Microsoft Graph' : `${resource.name}, not Microsoft Graph`;
}

function lifetimeNote(token: AccessToken, now: Date): string | undefined {
  if (token.expiresAt === undefined) return undefined;
  const minutes = Math.round((token.expiresAt.getTime() - now.getTime()) / 60_000);
  if (isExpired(token, now)) return `expired ${describeMinutes(-minutes)} ago`;
  return minutes >= 0 ? `valid for ${describeMinutes(minutes)} more` : `past exp by ${describeMinutes(-minutes)}, within the 5 min clock skew`;
}

function describeMinutes(minutes: number): string {
  if (minutes < 120) return `${String(minutes)} min`;
  return `${String(Math.round(minutes / 60))} h`;
}
