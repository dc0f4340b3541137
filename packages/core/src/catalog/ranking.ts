/**
 * Ranking the permissions that grant one operation. The data's `least=` marker sits on a path for
 * every method of its path set, so `GET /users` marks both `User.ReadBasic.All` and
 * `User.ReadWrite.All` as least privileged; we re-rank by what the method does (a read wants a read
 * permission) and by the data's privilegeLevel.
 */
import type { HttpMethod } from '../types.js';

export interface RankedCandidate {
  readonly name: string;
  readonly privilegeLevel: number;
  readonly least: boolean;
}

type AccessKind = 'read-basic' | 'read' | 'other' | 'write';

const writeWords = /write|manage|send|fullcontrol|accessasuser|create|delete|update|migrate|invite|enabledisable|initiate|restore|submit/i;

export function accessKind(permission: string): AccessKind {
  const verbs = permission.split('.').slice(1).join('.');
  if (writeWords.test(verbs)) return 'write';
  if (/readbasic/i.test(verbs)) return 'read-basic';
  if (/read/i.test(verbs)) return 'read';
  return 'other';
}

const readOrder: Record<AccessKind, number> = { 'read-basic': 0, read: 1, other: 2, write: 3 };
const writeOrder: Record<AccessKind, number> = { write: 0, other: 0, read: 1, 'read-basic': 1 };

function fitFor(method: HttpMethod): (name: string) => number {
  const order = method === 'GET' ? readOrder : writeOrder;
  return (name) => order[accessKind(name)];
}

function compareBy(method: HttpMethod): (a: RankedCandidate, b: RankedCandidate) => number {
  const fit = fitFor(method);
  return (a, b) =>
    fit(a.name) - fit(b.name) || a.privilegeLevel - b.privilegeLevel || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The least-privileged choices, best first. */
export function rankLeast(method: HttpMethod, candidates: readonly RankedCandidate[]): string[] {
  const compare = compareBy(method);
  const marked = candidates.filter((candidate) => candidate.least).sort(compare);
  // Without any marker for this scheme, the best-ranked grant is the least-privileged answer.
  if (marked.length === 0) return [...candidates].sort(compare).slice(0, 1).map((candidate) => candidate.name);
  if (method !== 'GET') return marked.map((candidate) => candidate.name);
  // A read never needs a write permission when a read one is marked for it too.
  const reads = marked.filter((candidate) => accessKind(candidate.name) !== 'write');
  return (reads.length > 0 ? reads : marked).map((candidate) => candidate.name);
}

/** Every grant: the least-privileged choices first, then the rest by fit and privilege level. */
export function rankAll(method: HttpMethod, candidates: readonly RankedCandidate[], least: readonly string[]): string[] {
  const rest = candidates.filter((candidate) => !least.includes(candidate.name)).sort(compareBy(method));
  return [...least, ...rest.map((candidate) => candidate.name)];
}
