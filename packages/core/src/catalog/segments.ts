/**
 * Path segments, parsed the same way for the catalog's templates and for users' URLs, so that a
 * template filled with real ids lands on the same trie keys as the template itself.
 */

/** `name(args)rest`: an OData key, function call or parameterised navigation. */
export interface CallSegment {
  /** Lower-cased name before `(`, without a `microsoft.graph.` namespace. */
  readonly name: string;
  /** The values removed: `range(address=)`, `users(@)` for one positional key, `delta()`. */
  readonly shape: string;
  /** One positional argument: `users('id')` or `users(id)`, OData key syntax. */
  readonly isKey: boolean;
  readonly hasArguments: boolean;
}

export interface Segment {
  /** Percent-decoded, original case. */
  readonly raw: string;
  readonly lower: string;
  readonly call: CallSegment | undefined;
}

const castPrefix = 'microsoft.graph.';
const namedArgument = /^[a-z_][a-z0-9_]*\s*=\s*[^\s=]/;

/**
 * A segment: runs of anything but `/` and `(`, and parenthesised arguments (where `/` and quoted
 * text are data: function arguments may hold URLs). Outside arguments a quote is data too:
 * `o'brien@contoso.com`. One native regex, because this runs for every template on first use.
 */
const segmentPattern = /(?:[^/(]+|\((?:[^)']|'[^']*')*\)?)+/g;

/** Splits a path into segments, keeping arguments whole and OneDrive item paths as one segment. */
export function splitPath(path: string): string[] {
  const parts = path.includes('(') ? (path.match(segmentPattern) ?? []) : path.split('/').filter((part) => part !== '');
  return parts.some((part) => part.endsWith(':')) ? joinItemPaths(parts) : parts;
}

function isItemPathRoot(part: string): boolean {
  return part.length === 5 && part.toLowerCase() === 'root:';
}

/** Where a path-addressed part ends: the next part closing with `:`, else the last part. */
function addressEnd(parts: readonly string[], from: number): number {
  let end = from;
  while (end < parts.length - 1 && !(parts[end] ?? '').endsWith(':')) end++;
  return end;
}

/**
 * Path-based addressing makes one id out of several parts. OneDrive: `root:/folder/file.txt:/content`,
 * the item path one segment after `root:` (the catalog writes it `{id}:` or `{id}`). SharePoint and
 * items under a folder: `sites/contoso.sharepoint.com:/sites/hr:/lists`, the whole address one id.
 */
function joinItemPaths(parts: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i + 1 >= parts.length || !part.endsWith(':')) {
      joined.push(part);
    } else if (isItemPathRoot(part)) {
      const end = addressEnd(parts, i + 1);
      joined.push(part, parts.slice(i + 1, end + 1).join('/'));
      i = end;
    } else {
      const end = addressEnd(parts, i + 1);
      joined.push(parts.slice(i, end + 1).join('/'));
      i = end;
    }
  }
  return joined;
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a lone `%` is data, not an escape
  }
}

/** Splits `a='x,y',b=2` on top-level commas. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return args.map((arg) => arg.trim()).filter((arg) => arg !== '');
}

function parseCall(lower: string): CallSegment | undefined {
  const open = lower.indexOf('(');
  const close = lower.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  let name = lower.slice(0, open);
  if (name.startsWith(castPrefix)) name = name.slice(castPrefix.length);
  const args = splitArguments(lower.slice(open + 1, close));
  // `name=value` names a parameter; a base64 key's `=` padding (`AAMk...=`) does not.
  const named = args.filter((arg) => namedArgument.test(arg)).map((arg) => arg.slice(0, arg.indexOf('=')).trim());
  const isKey = args.length === 1 && named.length === 0;
  const inside = isKey ? '@' : named.sort().map((key) => `${key}=`).join(',');
  return { name, shape: `${name}(${inside})${lower.slice(close + 1)}`, isKey, hasArguments: args.length > 0 };
}

export function parseSegment(text: string): Segment {
  const raw = safeDecode(text);
  const lower = raw.toLowerCase();
  return { raw, lower, call: parseCall(lower) };
}

export function isCast(segment: Segment): boolean {
  return segment.call === undefined && segment.lower.startsWith(castPrefix);
}

export function castTarget(segment: Segment): string {
  return segment.lower.slice(castPrefix.length);
}

/** `$count`, `$value`, `$ref`: system segments that refine, not change, the operation. */
export function isSystemSegment(segment: Segment): boolean {
  return segment.lower.startsWith('$');
}

/** A template segment that is exactly one placeholder, `{id}`. */
export function isPlaceholder(segment: Segment): boolean {
  return segment.raw.startsWith('{') && segment.raw.indexOf('}') === segment.raw.length - 1;
}

/** A template segment with a placeholder among literal text outside parentheses (`{id}:`). */
export function embeddedPlaceholderPattern(segment: Segment): RegExp | undefined {
  const outside = segment.call === undefined ? segment.lower : segment.call.shape;
  if (!outside.includes('{') || !/\{[^}]*\}/.test(outside) || isPlaceholder(segment)) return undefined;
  const parts = outside.split(/\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}
