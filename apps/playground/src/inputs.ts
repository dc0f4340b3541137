/**
 * Turns the text people paste (a status, a header block, a body, a token, a request line) into the
 * values the core takes. Nothing here throws: what cannot be read becomes a note the page shows.
 */
import { bearerTokenOf, scenarios, type GraphRequest, type ReceivedResponse } from '@graph-authz/core';
import type { PageState } from './state.js';

export interface ParsedInputs {
  readonly response: ReceivedResponse | undefined;
  /** How the status was found; 'none' when there is no response at all. */
  readonly statusSource: 'field' | 'status-line' | 'body-code' | 'missing' | 'none';
  readonly hasHeaders: boolean;
  readonly token: string | undefined;
  readonly request: GraphRequest | undefined;
  /** Things in the input that could not be used as given. */
  readonly notes: readonly string[];
}

export interface ParsedHeaders {
  readonly headers: Readonly<Record<string, string>>;
  readonly statusFromLine: number | undefined;
  readonly badLines: readonly string[];
}

const statusLine = /^HTTP\/[\d.]+\s+(\d{3})\b/i;
const headerLine = /^([!#$%&'*+.^`|~\w-]+)\s*:\s*(.*)$/;

/** `Name: value` lines (names lower-cased), plus an optional `HTTP/1.1 401 ...` first line. */
export function parseHeaders(text: string): ParsedHeaders {
  const headers: Record<string, string> = {};
  const badLines: string[] = [];
  let statusFromLine: number | undefined;
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')) {
    const status = statusLine.exec(line);
    const header = headerLine.exec(line);
    if (status?.[1] !== undefined) statusFromLine = Number(status[1]);
    else if (header?.[1] !== undefined && header[2] !== undefined) headers[header[1].toLowerCase()] = header[2];
    else badLines.push(line);
  }
  return { headers, statusFromLine, badLines };
}

/** The status a field holds: a three-digit HTTP status, or undefined. */
export function parseStatus(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{3}$/.test(trimmed)) return undefined;
  const status = Number(trimmed);
  return status >= 100 && status <= 599 ? status : undefined;
}

/** A JSON body as an object; other text stays text (the core reads both). */
export function parseBody(text: string): { body: unknown; isJson: boolean } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return { body: JSON.parse(trimmed) as unknown, isJson: true };
  } catch {
    return { body: trimmed, isJson: false };
  }
}

/** The bare token from what was pasted: a token, `Bearer <token>` or `Authorization: Bearer <token>`. */
export function parseToken(text: string): string | undefined {
  const trimmed = text.trim().replace(/^authorization\s*:\s*/i, '');
  if (trimmed === '') return undefined;
  return bearerTokenOf(trimmed) ?? trimmed;
}

/** Method and URL; a URL field holding `PATCH https://...` wins over the method field. */
export function parseRequest(method: string, url: string): GraphRequest | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  const line = /^([A-Za-z]+)\s+(\S+)/.exec(trimmed);
  if (line?.[1] !== undefined && line[2] !== undefined) return { method: line[1].toUpperCase(), url: line[2] };
  return { method: method.trim().toUpperCase() || 'GET', url: trimmed };
}

export function parseInputs(state: PageState): ParsedInputs {
  const headerBlock = parseHeaders(state.headers);
  const body = parseBody(state.body);
  const fieldStatus = parseStatus(state.status);
  const given = fieldStatus ?? headerBlock.statusFromLine;
  const fromCode = given === undefined ? statusOfGraphCode(body?.body) : undefined;
  const hasHeaders = Object.keys(headerBlock.headers).length > 0;
  const hasResponse = body !== undefined || hasHeaders || given !== undefined;
  return {
    response: hasResponse ? toResponse(given ?? fromCode, headerBlock.headers, body?.body) : undefined,
    statusSource: statusSourceOf(hasResponse, fieldStatus, headerBlock.statusFromLine, fromCode),
    hasHeaders,
    token: parseToken(state.token),
    request: parseRequest(state.method, state.url),
    notes: inputNotes(state, fieldStatus, headerBlock, body),
  };
}

function toResponse(status: number | undefined, headers: Readonly<Record<string, string>>, body: unknown): ReceivedResponse {
  // The core needs a status; 0 stands for "not given" and the page asks for it (see hints).
  const response: ReceivedResponse = { status: status ?? 0, headers };
  return body === undefined ? response : { ...response, body };
}

function statusSourceOf(
  hasResponse: boolean,
  field: number | undefined,
  line: number | undefined,
  fromCode: number | undefined,
): ParsedInputs['statusSource'] {
  if (!hasResponse) return 'none';
  if (field !== undefined) return 'field';
  if (line !== undefined) return 'status-line';
  return fromCode === undefined ? 'missing' : 'body-code';
}

/**
 * The status Graph sends with a body's error code, read from the core's scenario catalog, when
 * that code comes with one status only (InvalidAuthenticationToken is always 401). People often
 * paste the body alone, and the core's explain reads messages in the light of the status.
 */
export function statusOfGraphCode(body: unknown): number | undefined {
  const code = graphErrorCodeOf(body);
  if (code === undefined) return undefined;
  const statuses = new Set(
    scenarios.flatMap((scenario) => (scenario.side === 'graph' ? scenario.variants : [])).filter((v) => v.code === code).map((v) => v.status),
  );
  const [only] = statuses;
  return statuses.size === 1 ? only : undefined;
}

function graphErrorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function inputNotes(
  state: PageState,
  fieldStatus: number | undefined,
  headers: ParsedHeaders,
  body: { isJson: boolean } | undefined,
): string[] {
  const notes: string[] = [];
  if (state.status.trim() !== '' && fieldStatus === undefined) {
    notes.push(`The status "${state.status.trim()}" is not an HTTP status code (three digits, e.g. 403).`);
  }
  for (const line of headers.badLines) notes.push(`Header line not understood (expected "Name: value"): ${line}`);
  if (body !== undefined && !body.isJson) notes.push('The body is not JSON; it was read as plain text.');
  return notes;
}
