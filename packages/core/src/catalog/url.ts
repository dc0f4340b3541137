/**
 * From whatever URL a user's code holds to the path segments the catalog is keyed by: any Graph
 * host (national clouds included), `v1.0`/`beta`, query strings and fragments dropped.
 */
import { InvalidUrlError } from '../errors.js';
import { graphHosts } from '../resources.js';
import { parseSegment, splitPath, type Segment } from './segments.js';

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphPath {
  readonly version: GraphVersion | undefined;
  readonly segments: readonly Segment[];
}

/** `/` + the decoded segments: no host, version, query or fragment. */
export function normalisedPath(segments: readonly Segment[]): string {
  return `/${segments.map((segment) => segment.raw).join('/')}`;
}

const knownHosts = new Set(graphHosts.map((host) => host.toLowerCase()));
const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i;
const hostLikePattern = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i;

function describe(url: string): string {
  return JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
}

function invalid(url: string, why: string): InvalidUrlError {
  return new InvalidUrlError(url, `${describe(url)} is not a Microsoft Graph URL: ${why}`);
}

const plainAuthority = /^([a-z0-9.-]+)(:\d+)?$/i;

/** The host of `scheme://authority`; `new URL` only for unusual authorities (it is slow). */
function hostOf(url: string, text: string, authority: string): string {
  const plain = plainAuthority.exec(authority);
  if (plain?.[1] !== undefined) return plain[1].toLowerCase();
  try {
    return new URL(text).hostname.toLowerCase();
  } catch (cause) {
    throw new InvalidUrlError(url, `${describe(url)} cannot be parsed as a URL`, { cause });
  }
}

/** The path part of an absolute URL, after checking that its host is a Graph host. */
function pathOfAbsolute(url: string, text: string): string {
  const schemeEnd = text.indexOf('://');
  const scheme = text.slice(0, schemeEnd).toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') throw invalid(url, `scheme ${scheme}: is not http(s)`);
  // The raw text after the authority, not URL.pathname: URL re-encodes quotes and braces.
  const slash = text.indexOf('/', schemeEnd + 3);
  const authority = text.slice(schemeEnd + 3, slash < 0 ? text.length : slash);
  if (authority === '') throw new InvalidUrlError(url, `${describe(url)} cannot be parsed as a URL: it has no host`);
  const host = hostOf(url, text, authority);
  if (!knownHosts.has(host)) throw invalid(url, `host ${host} is not a Graph host (${graphHosts.join(', ')})`);
  return slash < 0 ? '' : text.slice(slash);
}

/** A relative path, or a host without a scheme (`graph.microsoft.com/v1.0/me`). */
function pathOfRelative(url: string, text: string): string {
  if (text.startsWith('/')) return text;
  const first = text.split('/', 1)[0] ?? '';
  if (knownHosts.has(first.toLowerCase().replace(/:\d+$/, ''))) return text.slice(first.length);
  if (hostLikePattern.test(first) && !first.toLowerCase().startsWith('microsoft.graph.')) {
    throw invalid(url, `host ${first} is not a Graph host (${graphHosts.join(', ')})`);
  }
  return `/${text}`;
}

function checkPathCharacters(url: string, path: string): void {
  // Whitespace is allowed only inside function arguments (`resizedrange(deltarows=1, deltacolumns=1)`)
  // and OneDrive item paths (`root:/Q1 report.xlsx:`), where real names have spaces.
  if (!/[\s\\]/.test(path)) return;
  const outsideArguments = path.replace(/\([^)]*\)/g, '()').replace(/\/root:\/[^:]*:?/gi, '/root:');
  if (/\s|\\/.test(outsideArguments)) throw invalid(url, 'the path contains whitespace or a backslash');
}

export function parseGraphUrl(url: unknown): GraphPath {
  if (typeof url !== 'string') throw new InvalidUrlError(String(url), `expected a URL string, got ${typeof url}`);
  const text = url.trim();
  if (text === '') throw new InvalidUrlError(url, 'the URL is empty');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
  if (/[\u0000-\u001f\u007f]/.test(text)) throw invalid(url, 'it contains control characters');
  const withoutQuery = text.split(/[?#]/, 1)[0] ?? '';
  const rawPath = schemePattern.test(withoutQuery) ? pathOfAbsolute(url, withoutQuery) : pathOfRelative(url, withoutQuery);
  checkPathCharacters(url, rawPath);
  const parts = splitPath(rawPath);
  const first = parts[0]?.toLowerCase();
  const version = first === 'v1.0' || first === 'beta' ? first : undefined;
  const segments = (version === undefined ? parts : parts.slice(1)).map(parseSegment);
  return { version, segments };
}
