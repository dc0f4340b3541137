import { aadstsErrors, scenarios, type GraphRequest, type ReceivedResponse } from '@graph-authz/core';
import { InputError } from './errors.js';
import { isHar, selectHarExchange } from './har.js';
import { looksLikeHttp, parseHttpTranscript, type HeaderMap } from './http-text.js';

/** What `explain` was given, whatever form it came in, in the shapes the core's `explain` takes. */
export interface ReceivedInput {
  readonly format: 'json' | 'http' | 'har';
  readonly response: ReceivedResponse;
  /** Where the status came from: the input itself, --status, or the catalog (a bare body). */
  readonly statusSource: 'input' | 'option' | 'catalog';
  readonly request: GraphRequest | undefined;
  /** The bearer token the captured request carried, when the capture has it (HAR, curl -v). */
  readonly bearerToken: string | undefined;
  /**
   * When the response was received, if the input says (HAR `startedDateTime`, the `Date` header):
   * a captured token must be judged at that moment, not now, or every old capture reads "expired".
   */
  readonly observedAt: Date | undefined;
  /** Which HAR entry was read, for the report. */
  readonly entry: { readonly index: number; readonly total: number; readonly otherFailures: readonly number[] } | undefined;
}

export interface ReceivedOptions {
  readonly status?: number | undefined;
  readonly entry?: number | undefined;
}

export function parseReceived(text: string, options: ReceivedOptions = {}): ReceivedInput {
  const input = text.replace(/^\uFEFF/, '').trim();
  if (input === '') throw new InputError('the input is empty: paste the response body, curl -i output or a HAR');
  if (looksLikeHttp(input)) return fromHttp(input, options);
  if (input.startsWith('{') || input.startsWith('[')) return fromJson(parseJson(input), options);
  throw new InputError(
    `not a response: expected a JSON body, "curl -i" output (starting "HTTP/") or a HAR file; got "${input.slice(0, 40)}"`,
  );
}

function fromHttp(text: string, options: ReceivedOptions): ReceivedInput {
  const { response, request } = parseHttpTranscript(text);
  return {
    format: 'http',
    response: { status: options.status ?? response.status, headers: flatten(response.headers), body: bodyValue(response.body) },
    statusSource: options.status === undefined ? 'input' : 'option',
    request: request && { method: request.method, url: request.url, headers: flatten(request.headers) },
    bearerToken: bearerOf(request?.headers),
    observedAt: parseHttpDate(response.headers.date?.[0]),
    entry: undefined,
  };
}

function fromJson(json: unknown, options: ReceivedOptions): ReceivedInput {
  if (isHar(json)) return fromHar(json, options);
  const inferred = options.status ?? statusFromCatalog(json);
  if (inferred === undefined) {
    throw new InputError(
      'the body alone does not tell the HTTP status and its error code is not in the catalog: pass --status, or paste it with the status line (curl -i)',
    );
  }
  return {
    format: 'json',
    response: { status: inferred, body: json },
    statusSource: options.status === undefined ? 'catalog' : 'option',
    request: undefined,
    bearerToken: undefined,
    observedAt: undefined,
    entry: undefined,
  };
}

function fromHar(har: unknown, options: ReceivedOptions): ReceivedInput {
  const { request, response, startedAt, ...entry } = selectHarExchange(har, options.entry);
  return {
    format: 'har',
    response: { status: options.status ?? response.status, headers: flatten(response.headers), body: bodyValue(response.body) },
    statusSource: options.status === undefined ? 'input' : 'option',
    request: { method: request.method, url: request.url, headers: flatten(request.headers), ...(request.body === undefined ? {} : { body: request.body }) },
    bearerToken: bearerOf(request.headers),
    observedAt: startedAt,
    entry,
  };
}

/**
 * A pasted body has no status line. The catalog knows which status each Graph code and each
 * AADSTS code comes with; when it names exactly one, that is the status Graph sent.
 */
export function statusFromCatalog(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.error === 'string') return tokenEndpointStatus(body, body.error);
  if (isRecord(body.error) && typeof body.error.code === 'string') return graphStatus(body.error.code);
  return undefined;
}

function graphStatus(code: string): number | undefined {
  const statuses = new Set<number>();
  for (const scenario of scenarios) {
    if (scenario.side !== 'graph') continue;
    if (scenario.code === code) statuses.add(scenario.status);
    for (const variant of scenario.variants) if (variant.code === code) statuses.add(variant.status);
  }
  return onlyOne(statuses);
}

function tokenEndpointStatus(body: Record<string, unknown>, error: string): number | undefined {
  const aadsts = firstAadsts(body);
  const known = aadsts === undefined ? undefined : aadstsErrors[aadsts];
  if (known) return known.status;
  const statuses = new Set<number>();
  for (const scenario of scenarios) if (scenario.side === 'token-endpoint' && scenario.error === error) statuses.add(scenario.status);
  // OAuth 2.0 (RFC 6749 §5.2) answers every token error with 400, bar invalid_client's 401.
  return onlyOne(statuses) ?? (error === 'invalid_client' ? 401 : 400);
}

function firstAadsts(body: Record<string, unknown>): number | undefined {
  const codes = body.error_codes;
  if (Array.isArray(codes) && typeof codes[0] === 'number') return codes[0];
  const match = typeof body.error_description === 'string' ? /AADSTS(\d+)/.exec(body.error_description) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function onlyOne(values: ReadonlySet<number>): number | undefined {
  return values.size === 1 ? [...values][0] : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`the input is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** JSON bodies are handed over parsed; anything else (an HTML error page) as the text it is. */
function bodyValue(body: string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function flatten(headers: HeaderMap): Record<string, string | readonly string[]> {
  return Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.length === 1 ? (values[0] ?? '') : values]));
}

function parseHttpDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function bearerOf(headers: HeaderMap | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)/i.exec(headers?.authorization?.[0] ?? '');
  return match?.[1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
