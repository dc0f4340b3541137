/**
 * The permission catalog: which permissions Graph accepts for an operation, and the facts of each
 * permission, from Graph's own permission data (compiled in ./catalog/data.generated.ts).
 */
import { InvalidArgumentError } from './errors.js';
import { compiled, permissionFacts, permissionName, privilegeLevel } from './catalog/compiled.js';
import { dataSource } from './catalog/data.generated.js';
import { methodBit, schemeBit } from './catalog/encoding.js';
import { rankAll, rankLeast, type RankedCandidate } from './catalog/ranking.js';
import { suggestNames } from './catalog/suggest.js';
import { matchSegments } from './catalog/trie.js';
import { normalisedPath, parseGraphUrl, type GraphPath, type GraphVersion } from './catalog/url.js';
import { parseSegment, type Segment } from './catalog/segments.js';
import {
  httpMethods,
  permissionSchemes,
  type HttpMethod,
  type PermissionInfo,
  type PermissionScheme,
  type RequiredPermissions,
  type SchemeRequirement,
} from './types.js';

export type { GraphVersion } from './catalog/url.js';

export interface GraphPathMatch {
  readonly template: string;
  readonly version: GraphVersion | undefined;
  readonly path: string;
}

/** Where the catalog's data comes from, and its licence (see LICENSE-DATA.md). */
export const catalogSource: { readonly repository: string; readonly commit: string; readonly license: string } =
  Object.freeze({ repository: dataSource.repository, commit: dataSource.commit, license: dataSource.license });

const anyId = parseSegment('{id}');

/** `/me/x` as `/users/{id}/x` and the reverse: the catalog often lists only one of the two. */
function alternateForm(segments: readonly Segment[]): Segment[] | undefined {
  const [first, second] = segments;
  if (first?.lower === 'me') return [parseSegment('users'), anyId, ...segments.slice(1)];
  if (first?.call?.name === 'users' && first.call.isKey) return [parseSegment('me'), ...segments.slice(1)];
  if (first?.lower === 'users' && second !== undefined) return [parseSegment('me'), ...segments.slice(2)];
  return undefined;
}

/** The template group the path means as written, else in its /me <-> /users form. */
function groupOf(segments: readonly Segment[], form: 'written' | 'alternate'): number | undefined {
  const path = form === 'written' ? segments : alternateForm(segments);
  const [first] = path ?? [];
  if (path === undefined || first === undefined) return undefined;
  const catalog = compiled();
  catalog.ensureRoot(first.call?.name ?? first.lower);
  return matchSegments(catalog.trie, path);
}

function templateOf(group: number): string {
  return compiled().groups[group]?.template ?? '';
}

/**
 * The catalog template a Graph URL means (method-independent), its API version and normalised path;
 * `undefined` when the catalog has no such path. Not a Graph URL -> InvalidUrlError.
 */
export function matchGraphPath(url: string): GraphPathMatch | undefined {
  const parsed: GraphPath = parseGraphUrl(url);
  const group = groupOf(parsed.segments, 'written') ?? groupOf(parsed.segments, 'alternate');
  if (group === undefined) return undefined;
  return { template: templateOf(group), version: parsed.version, path: normalisedPath(parsed.segments) };
}

function toMethod(method: unknown): HttpMethod {
  const upper = typeof method === 'string' ? method.trim().toUpperCase() : '';
  const found = httpMethods.find((known) => known === upper);
  if (found === undefined) {
    throw new InvalidArgumentError('method', `unknown HTTP method ${JSON.stringify(method)}; expected one of ${httpMethods.join(', ')}`);
  }
  return found;
}

function schemeRequirement(method: HttpMethod, scheme: PermissionScheme, group: number): SchemeRequirement | undefined {
  const schemeIndex = permissionSchemes.indexOf(scheme);
  const byName = new Map<string, RankedCandidate>();
  const alsoRequires: Record<string, readonly string[]> = {};
  for (const grant of compiled().groups[group]?.grants ?? []) {
    if ((grant.methodMask & methodBit(method)) === 0 || (grant.schemeMask & schemeBit(scheme)) === 0) continue;
    const name = permissionName(grant.permission);
    const level = privilegeLevel(grant.permission, schemeIndex);
    const least = (grant.leastMask & schemeBit(scheme)) !== 0 || byName.get(name)?.least === true;
    byName.set(name, { name, privilegeLevel: level, least });
    if (grant.alsoRequires) alsoRequires[name] = Object.freeze([...grant.alsoRequires]);
  }
  if (byName.size === 0) return undefined;
  const candidates = [...byName.values()];
  const leastPrivileged = rankLeast(method, candidates);
  const all = rankAll(method, candidates, leastPrivileged);
  return Object.freeze({ all: Object.freeze(all), leastPrivileged: Object.freeze(leastPrivileged), alsoRequires: Object.freeze(alsoRequires) });
}

// null: looked up, nothing grants it. Keyed by group * 8 + method index (a number key is cheaper).
const answers = new Map<number, RequiredPermissions | null>();

/** What one template group needs for one method; memoised, the answers are frozen. */
function requirementsOf(method: HttpMethod, group: number): RequiredPermissions | undefined {
  const key = group * 8 + httpMethods.indexOf(method);
  let answer = answers.get(key);
  if (answer === undefined) {
    const schemes: Partial<Record<PermissionScheme, SchemeRequirement>> = {};
    for (const scheme of permissionSchemes) {
      const requirement = schemeRequirement(method, scheme, group);
      if (requirement) schemes[scheme] = requirement;
    }
    answer = Object.keys(schemes).length === 0 ? null : Object.freeze({ method, template: templateOf(group), schemes: Object.freeze(schemes) });
    answers.set(key, answer);
  }
  return answer ?? undefined;
}

/**
 * What Graph requires for `method url`, per permission scheme, least-privileged first;
 * `undefined` for an operation the catalog does not know.
 */
export function requiredPermissions(method: string, url: string): RequiredPermissions | undefined {
  const known = toMethod(method);
  const { segments } = parseGraphUrl(url);
  for (const form of ['written', 'alternate'] as const) {
    const group = groupOf(segments, form);
    const answer = group === undefined ? undefined : requirementsOf(known, group);
    if (answer) return answer;
  }
  return undefined;
}

/** The facts of a permission (schemes, GUIDs, privilege level, admin consent), by case-insensitive name. */
export function getPermission(name: string): PermissionInfo | undefined {
  if (typeof name !== 'string') return undefined;
  return permissionFacts().byName.get(name.trim().toLowerCase());
}

/** "Did you mean": the closest oAuth2 permission names, best first. */
export function suggestPermissions(name: string, limit = 3): string[] {
  if (typeof name !== 'string') return [];
  return suggestNames(name, permissionFacts().oauth2Names, limit);
}

/** Every oAuth2 permission, canonical spelling (Teams RSC permissions are not listed). */
export function permissionNames(): readonly string[] {
  return permissionFacts().oauth2Names;
}
