/**
 * The catalog compiled from the generated data, built on first use so that importing the core
 * costs nothing until a lookup needs it. Three lazy parts: the trie (first URL lookup), each
 * template group's grants (first lookup reaching it), and the permission facts (first
 * getPermission/permissionNames).
 */
import type { PermissionInfo, PermissionScheme, PermissionSchemeInfo } from '../types.js';
import { alsoRequiresTable, encodedPermissions, encodedTemplates } from './data.generated.js';
import { decodeGrants, schemeAt, splitTemplateLines, type EncodedSchemeFacts, type PathGrant } from './encoding.js';
import { parseSegment } from './segments.js';
import { childFor, createTrie, insertTemplate, type TrieNode } from './trie.js';

/** Templates equal up to case and placeholder names: one operation, one answer. */
export class TemplateGroup {
  private decoded: PathGrant[] | undefined;
  readonly encodedGrants: string[] = [];

  /** The first template of the group in the catalog's sorted order names the answer. */
  constructor(readonly template: string) {}

  get grants(): readonly PathGrant[] {
    return (this.decoded ??= this.encodedGrants.flatMap((encoded) => decodeGrants(encoded, alsoRequiresTable)));
  }
}

/** A part splits the same alone as inside its template: no arguments, quotes, query or item path. */
function isPlainPart(part: string): boolean {
  return !/[()'?:]/.test(part);
}

/** The root resource a path starts with, lower-cased, without arguments: `users` for `users('x')`. */
export function rootKey(firstPart: string): string {
  const open = firstPart.indexOf('(');
  return (open < 0 ? firstPart : firstPart.slice(0, open)).toLowerCase();
}

/**
 * The trie, compiled one root resource at a time: the first lookup of `/me/...` builds the
 * ~1,000 templates under `me`, not all 7,343. Templates are sorted, so a root's templates are a
 * few contiguous runs of lines of the table (one per spelling: `deviceManagement`, `devicemanagement`).
 */
export class CompiledTrie {
  readonly trie: TrieNode = createTrie();
  readonly groups: TemplateGroup[] = [];
  private readonly pending: Map<string, string[]>;

  constructor(encoded: string) {
    this.pending = runsByRoot(encoded);
  }

  /** Makes sure the templates under this root are in the trie. */
  ensureRoot(key: string): void {
    const runs = this.pending.get(key);
    if (runs === undefined) return;
    this.pending.delete(key);
    for (const run of runs) this.insertRun(run);
  }

  private insertRun(run: string): void {
    const parts: string[] = ['']; // a run starts after the leading `/`, which every template has
    // plainNodes[i]: the node after the first i parts of the previous template, while they are plain.
    const plainNodes: TrieNode[] = [this.trie];
    for (const line of splitTemplateLines(run)) {
      parts.length = line.sharedParts; // in place, not copies: this loop is the compile cost
      for (const part of line.rest.split('/')) parts.push(part);
      const reused = Math.min(line.sharedParts, plainNodes.length - 1);
      plainNodes.length = reused + 1;
      let node = plainNodes[reused] ?? this.trie;
      let index = reused;
      for (; index < parts.length && isPlainPart(parts[index] ?? ''); index++) {
        const part = parts[index] ?? '';
        if (part !== '') node = childFor(node, parseSegment(part));
        plainNodes.push(node);
      }
      if (index < parts.length) node = insertTemplate(node, parts.slice(index).join('/'));
      node.group ??= this.groups.push(new TemplateGroup(parts.join('/'))) - 1;
      this.groups[node.group]?.encodedGrants.push(line.grants);
    }
  }
}

/** Cuts the table into runs of lines that share their root part (a line sharing < 2 parts starts one). */
function runsByRoot(encoded: string): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  let runStart = 0;
  let root = '';
  const close = (end: number): void => {
    if (end > runStart) runs.set(root, [...(runs.get(root) ?? []), encoded.slice(runStart, end)]);
  };
  for (let start = 0; start < encoded.length; ) {
    const end = encoded.indexOf('\n', start);
    const lineEnd = end < 0 ? encoded.length : end;
    const tab = encoded.indexOf('\t', start);
    const sharedParts = parseInt(encoded.slice(start, tab), 36);
    if (sharedParts < 2) {
      close(start > 0 ? start - 1 : 0);
      runStart = start;
      const rest = encoded.slice(tab + 1, encoded.indexOf('\t', tab + 1));
      root = rootKey(rest.split('/')[1 - sharedParts] ?? '');
    }
    start = lineEnd + 1;
  }
  close(encoded.length);
  return runs;
}

let compiledTrie: CompiledTrie | undefined;

export function compiled(): CompiledTrie {
  return (compiledTrie ??= new CompiledTrie(encodedTemplates));
}

export function permissionName(index: number): string {
  return encodedPermissions[index]?.[0] ?? '';
}

/** The data has no privilegeLevel for a few schemes: take another scheme's, else the middle (3). */
function privilegeLevelOf(facts: EncodedSchemeFacts, all: readonly EncodedSchemeFacts[]): number {
  if (facts[1] > 0) return facts[1];
  return all.find((other) => other[1] > 0)?.[1] ?? 3;
}

/** Ranking needs only the level: read it from the data, without building the facts. */
export function privilegeLevel(permission: number, scheme: number): number {
  const facts = encodedPermissions[permission]?.[2] ?? [];
  const own = facts.find((entry) => entry[0] === scheme);
  return own === undefined ? 3 : privilegeLevelOf(own, facts);
}

function permissionInfo(name: string, facts: readonly EncodedSchemeFacts[]): PermissionInfo {
  const schemes: Partial<Record<PermissionScheme, PermissionSchemeInfo>> = {};
  for (const entry of facts) {
    const scheme = schemeAt(entry[0]);
    if (scheme === undefined) continue;
    schemes[scheme] = Object.freeze({
      id: entry[3] === '' ? undefined : entry[3],
      requiresAdminConsent: entry[2] === 1,
      privilegeLevel: privilegeLevelOf(entry, facts),
      displayName: entry[4] === '' ? name : entry[4],
    });
  }
  return Object.freeze({ name, schemes: Object.freeze(schemes) });
}

export interface PermissionFacts {
  /** Keyed by lower-cased name. */
  readonly byName: ReadonlyMap<string, PermissionInfo>;
  /** oAuth2 permissions only: RSC ones are granted per team or chat, not in the Graph catalog of scopes. */
  readonly oauth2Names: readonly string[];
}

let facts: PermissionFacts | undefined;

export function permissionFacts(): PermissionFacts {
  if (facts) return facts;
  const byName = new Map<string, PermissionInfo>();
  const oauth2Names: string[] = [];
  for (const [name, kind, schemeFacts] of encodedPermissions) {
    byName.set(name.toLowerCase(), permissionInfo(name, schemeFacts));
    if (kind === 0) oauth2Names.push(name);
  }
  return (facts = { byName, oauth2Names: Object.freeze(oauth2Names) });
}
