/**
 * Whether a token's permissions grant an operation: which scheme applies, which of its permissions
 * grant it (with their AlsoRequires companions), and whether the miss is one of type rather than scope.
 */
import { getPermission } from '../catalog.js';
import type { AppAccessToken, DelegatedAccessToken } from '../token.js';
import type { PermissionScheme, RequiredPermissions, SchemeRequirement } from '../types.js';

export type KindedToken = AppAccessToken | DelegatedAccessToken;

/** The scheme a token is judged under: Application, or delegated work/personal by account type. */
export function schemeOf(token: KindedToken): PermissionScheme {
  if (token.kind === 'app') return 'Application';
  return token.isPersonalAccount ? 'DelegatedPersonal' : 'DelegatedWork';
}

/** The permissions a token carries for Graph: roles for app-only tokens, scp for delegated ones. */
export function permissionsOf(token: KindedToken): readonly string[] {
  return token.kind === 'app' ? token.roles : token.scopes;
}

function lowerSet(names: readonly string[]): Set<string> {
  return new Set(names.map((name) => name.toLowerCase()));
}

export interface Grant {
  /** The token's permissions that grant the call, canonical spelling. */
  readonly grantedBy: readonly string[];
  /** Granting permissions held whose required companion is missing, with the companions. */
  readonly missingCompanions: Readonly<Record<string, readonly string[]>>;
}

/** Which of `held` grant under `requirement`, honouring AlsoRequires. */
export function grantOf(requirement: SchemeRequirement, held: readonly string[]): Grant {
  const heldSet = lowerSet(held);
  const granting = requirement.all.filter((name) => heldSet.has(name.toLowerCase()));
  const grantedBy: string[] = [];
  const missingCompanions: Record<string, readonly string[]> = {};
  for (const name of granting) {
    const companions = requirement.alsoRequires[name];
    if (companions === undefined || companions.some((companion) => heldSet.has(companion.toLowerCase()))) {
      grantedBy.push(name);
    } else {
      missingCompanions[name] = companions;
    }
  }
  return { grantedBy, missingCompanions };
}

/**
 * The token's permissions that would grant the call under the other type but exist only as that
 * type (an Application-only name in scp, a delegated-only name in roles): a type mismatch, not a
 * missing scope.
 */
export function otherTypeGrants(required: RequiredPermissions, token: KindedToken): string[] {
  const otherSchemes: PermissionScheme[] = token.kind === 'app' ? ['DelegatedWork', 'DelegatedPersonal'] : ['Application'];
  const ownScheme = schemeOf(token);
  const held = lowerSet(permissionsOf(token));
  const wouldGrant = otherSchemes.flatMap((scheme) => required.schemes[scheme]?.all ?? []);
  // A permission can grant under several of the other schemes: name it once.
  return [...new Set(wouldGrant)].filter((name) => held.has(name.toLowerCase()) && getPermission(name)?.schemes[ownScheme] === undefined);
}

/** The least-privileged permissions to name in a fix, best first. */
export function suggestionOf(requirement: SchemeRequirement): readonly string[] {
  return requirement.leastPrivileged.length > 0 ? requirement.leastPrivileged : requirement.all.slice(0, 3);
}
