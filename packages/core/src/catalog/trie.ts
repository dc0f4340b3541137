/**
 * The compiled matcher: a trie over template segments. Each node has literal children (lower-cased
 * keys, call shapes such as `range(address=)` included), a few pattern children (placeholders
 * inside a segment, `{id}:`) and one wildcard child (`{id}`). Lookup walks the URL's segments
 * once, preferring literals and backtracking to patterns and the wildcard on a dead end.
 */
import {
  castTarget,
  embeddedPlaceholderPattern,
  isCast,
  isPlaceholder,
  isSystemSegment,
  parseSegment,
  splitPath,
  type Segment,
} from './segments.js';

// Children containers are created on first use: most of the ~15,000 nodes are leaves.
export interface TrieNode {
  literals: Map<string, TrieNode> | undefined;
  patterns: { readonly pattern: RegExp; readonly node: TrieNode }[] | undefined;
  wildcard: TrieNode | undefined;
  /** Index of the template group ending here (templates equal up to case and placeholder names). */
  group: number | undefined;
}

function newNode(): TrieNode {
  return { literals: undefined, patterns: undefined, wildcard: undefined, group: undefined };
}

export function childFor(node: TrieNode, segment: Segment): TrieNode {
  if (isPlaceholder(segment)) return (node.wildcard ??= newNode());
  const pattern = embeddedPlaceholderPattern(segment);
  if (pattern !== undefined) {
    node.patterns ??= [];
    const existing = node.patterns.find((entry) => entry.pattern.source === pattern.source);
    if (existing) return existing.node;
    const created = { pattern, node: newNode() };
    node.patterns.push(created);
    return created.node;
  }
  const key = segment.call?.shape ?? segment.lower;
  node.literals ??= new Map();
  let child = node.literals.get(key);
  if (!child) node.literals.set(key, (child = newNode()));
  return child;
}

/** The segments of a template, its query string (two templates have one) dropped. */
export function templateSegments(template: string): Segment[] {
  return splitPath(template.split('?', 1)[0] ?? '').map(parseSegment);
}

/** Adds a template; returns the node it ends at (callers group templates by that node). */
export function insertTemplate(root: TrieNode, template: string): TrieNode {
  let node = root;
  for (const segment of templateSegments(template)) node = childFor(node, segment);
  return node;
}

export function createTrie(): TrieNode {
  return newNode();
}

/** The template group the segments reach, literals first, backtracking on dead ends. */
export function matchSegments(node: TrieNode, segments: readonly Segment[], index = 0): number | undefined {
  const segment = segments[index];
  if (segment === undefined) return node.group;
  const key = segment.call?.shape ?? segment.lower;
  const literal = descend(node.literals?.get(key), segments, index + 1) ?? matchCall(node, segments, index);
  if (literal !== undefined) return literal;
  for (const { pattern, node: child } of node.patterns ?? []) {
    const found = pattern.test(key) ? matchSegments(child, segments, index + 1) : undefined;
    if (found !== undefined) return found;
  }
  // A type cast or `$count`/`$value`/`$ref` the catalog does not list narrows the same operation.
  if (isCast(segment)) return descend(node.literals?.get(castTarget(segment)), segments, index + 1) ?? matchSegments(node, segments, index + 1);
  if (isSystemSegment(segment)) return matchSegments(node, segments, index + 1);
  return descend(node.wildcard, segments, index + 1);
}

function descend(child: TrieNode | undefined, segments: readonly Segment[], index: number): number | undefined {
  return child === undefined ? undefined : matchSegments(child, segments, index);
}

/** `users('id')` as `users/{id}`; `delta()` as `delta`. */
function matchCall(node: TrieNode, segments: readonly Segment[], index: number): number | undefined {
  const call = segments[index]?.call;
  if (call === undefined) return undefined;
  const named = node.literals?.get(call.name);
  if (named === undefined) return undefined;
  if (!call.hasArguments) return matchSegments(named, segments, index + 1);
  if (!call.isKey || named.wildcard === undefined) return undefined;
  return matchSegments(named.wildcard, segments, index + 1);
}
