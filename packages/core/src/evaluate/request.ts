/** What the evaluator needs to read off a Graph request: headers, path, workload, password writes. */
import { InvalidUrlError } from '../errors.js';
import type { Workload } from '../types.js';

export type HeaderBag = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface GraphRequest {
  method: string;
  url: string;
  headers?: HeaderBag;
  body?: unknown;
}

/** A header's value, case-insensitively; several values are joined as HTTP joins them. */
export function headerOf(headers: HeaderBag | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted);
  const value = entry?.[1];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(', ');
}

/**
 * The request path, lower-cased, without host, version and query: `/me/messages`. Relative URLs
 * are read against graph.microsoft.com, as the SDKs do.
 */
export function graphPathOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://graph.microsoft.com/');
  } catch (error) {
    throw new InvalidUrlError(url, `'${url}' is not a URL.`, { cause: error });
  }
  const path = safeDecode(parsed.pathname).toLowerCase().replace(/\/+$/, '');
  return path.replace(/^\/(v1\.0|beta)(?=\/|$)/, '') || '/';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** `/me` and everything under it: the signed-in user, which app-only tokens do not have. */
export function isMePath(path: string): boolean {
  return segmentsOf(path)[0] === 'me';
}

const outlookSegments = new Set([
  'messages', 'mailfolders', 'events', 'calendar', 'calendars', 'calendarview', 'calendargroups',
  'contacts', 'contactfolders', 'mailboxsettings', 'sendmail', 'inferenceclassification',
]);
const filesSegments = new Set(['drive', 'drives', 'shares']);

/** Which 403 flavour Graph answers with for this path: the workload that serves it. */
export function workloadOfPath(path: string): Workload {
  const segments = segmentsOf(path).map((segment) => segment.replace(/\(.*$/, ''));
  if (segments.some((segment) => outlookSegments.has(segment))) return 'outlook';
  if (segments.some((segment) => filesSegments.has(segment))) return 'files';
  return 'directory';
}

export type PasswordOperation = 'resetPassword' | 'changePassword' | 'passwordProfile';

/** Whether the request sets a password: the two actions, or a user PATCH whose body has passwordProfile. */
export function passwordOperationOfPath(method: string, path: string, body: unknown): PasswordOperation | undefined {
  const last = segmentsOf(path).at(-1)?.replace(/^microsoft\.graph\./, '');
  if (last === 'resetpassword') return 'resetPassword';
  if (last === 'changepassword') return 'changePassword';
  const segments = segmentsOf(path);
  const isUser = segments.length === 2 && segments[0] === 'users';
  if (method.toUpperCase() === 'PATCH' && (isUser || path === '/me') && hasPasswordProfile(body)) return 'passwordProfile';
  return undefined;
}

function hasPasswordProfile(body: unknown): boolean {
  const value = typeof body === 'string' ? parseJson(body) : body;
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((key) => key.toLowerCase() === 'passwordprofile');
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
