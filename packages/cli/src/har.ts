import { InputError } from './errors.js';
import type { HeaderMap } from './http-text.js';

/**
 * HAR (what a browser's dev tools or a proxy export): either a whole file `{ log: { entries } }`
 * or one entry `{ request, response }`. A file holds many requests; the one worth explaining is
 * normally the last that failed, and --entry picks another.
 */

export interface HarExchange {
  readonly index: number; // 1-based, as people count entries
  readonly total: number;
  readonly otherFailures: readonly number[];
  /** When the request was sent (`startedDateTime`): the moment to judge the token's lifetime at. */
  readonly startedAt: Date | undefined;
  readonly request: { readonly method: string; readonly url: string; readonly headers: HeaderMap; readonly body: string | undefined };
  readonly response: { readonly status: number; readonly headers: HeaderMap; readonly body: string | undefined };
}

type JsonObject = Record<string, unknown>;

export function isHar(value: unknown): boolean {
  return isObject(value) && (isObject(value.log) || (isObject(value.request) && isObject(value.response)));
}

export function selectHarExchange(har: unknown, wanted: number | undefined): HarExchange {
  const entries = harEntries(har);
  const failing = entries.flatMap((entry, index) => (isFailure(entry) ? [index + 1] : []));
  const index = wanted ?? failing.at(-1);
  if (index === undefined) {
    throw new InputError(`the HAR has ${entries.length} entries and none failed (status 400 or more); pick one with --entry N`);
  }
  const entry = entries[index - 1];
  if (entry === undefined) {
    throw new InputError(`--entry ${index}: the HAR has ${entries.length} entries (counting from 1)`);
  }
  return { index, total: entries.length, otherFailures: failing.filter((n) => n !== index), ...readEntry(entry, index) };
}

function harEntries(har: unknown): readonly unknown[] {
  if (!isObject(har)) throw new InputError('a HAR must be a JSON object');
  if (isObject(har.request)) return [har];
  const entries = isObject(har.log) ? har.log.entries : undefined;
  if (!Array.isArray(entries) || entries.length === 0) throw new InputError('the HAR has no log.entries');
  return entries;
}

function isFailure(entry: unknown): boolean {
  return isObject(entry) && isObject(entry.response) && typeof entry.response.status === 'number' && entry.response.status >= 400;
}

function readEntry(entry: unknown, index: number): Pick<HarExchange, 'request' | 'response' | 'startedAt'> {
  const where = `HAR entry ${index}`;
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) {
    throw new InputError(`${where}: expected an object with "request" and "response"`);
  }
  const { request, response } = entry;
  if (typeof response.status !== 'number') throw new InputError(`${where}: response.status is not a number`);
  if (typeof request.url !== 'string' || typeof request.method !== 'string') {
    throw new InputError(`${where}: request.method and request.url must be strings`);
  }
  return {
    startedAt: parseDate(entry.startedDateTime),
    request: {
      method: request.method,
      url: request.url,
      headers: harHeaders(request.headers, `${where}: request.headers`),
      body: isObject(request.postData) ? optionalString(request.postData.text) : undefined,
    },
    response: {
      status: response.status,
      headers: harHeaders(response.headers, `${where}: response.headers`),
      body: contentText(response.content),
    },
  };
}

function harHeaders(value: unknown, where: string): HeaderMap {
  if (value === undefined) return {};
  if (!Array.isArray(value)) throw new InputError(`${where} must be an array of { name, value }`);
  const headers: HeaderMap = {};
  for (const header of value) {
    if (!isObject(header) || typeof header.name !== 'string' || typeof header.value !== 'string') {
      throw new InputError(`${where} must be an array of { name, value }`);
    }
    (headers[header.name.toLowerCase()] ??= []).push(header.value);
  }
  return headers;
}

/** Browsers store binary or compressed bodies base64-encoded, flagged by `encoding`. */
function contentText(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const text = optionalString(content.text);
  if (text === undefined || content.encoding !== 'base64') return text;
  return Buffer.from(text, 'base64').toString('utf8');
}

function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
