/**
 * What each client surfaces, read back into the response it came from, so the core's `explain`
 * can judge it. Clients wrap errors differently (MSAL's ServerError, @azure/identity's
 * AuthenticationError and AuthenticationRequiredError, the Graph client's GraphError, Kiota's
 * ODataError, which is not even an `Error`), so each shape is recognised by duck typing and the
 * `cause` chain is followed.
 */
import type { ReceivedResponse } from '@graph-authz/core';

type Bag = Readonly<Record<string, unknown>>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Where the response came from, for the failure message. */
export interface Recovered {
  readonly response: ReceivedResponse;
  readonly source: string;
}

const maxDepth = 6;

/** The response behind an error (or response-like object), following `cause`; undefined when none is recognised. */
export function recoverResponse(value: unknown): Recovered | undefined {
  let current: unknown = value;
  for (let depth = 0; depth < maxDepth && isBag(current); depth += 1) {
    const recovered = kiota(current) ?? graphClient(current) ?? identity(current) ?? msal(current) ?? plain(current);
    if (recovered !== undefined) return recovered;
    current = current.cause ?? current.originalError;
  }
  // An error without a recognisable shape may still quote the STS (identity's AuthenticationRequiredError does).
  return fromMessage(value);
}

/**
 * Kiota's ODataError: `responseStatusCode`, `responseHeaders`, and Graph's error object as
 * `errorEscaped` (the msgraph-sdk models rename `error`), else `error`, else additional data.
 */
function kiota(value: Bag): Recovered | undefined {
  if (typeof value.responseStatusCode !== 'number') return undefined;
  const main = isBag(value.errorEscaped) ? value.errorEscaped : isBag(value.error) ? value.error : {};
  const additional = isBag(value.additionalData) ? value.additionalData : {};
  const code = text(main.code) ?? text(additional.code);
  const message = text(main.message) ?? text(value.message);
  return {
    source: 'Kiota ODataError',
    response: {
      status: value.responseStatusCode,
      ...headersField(value.responseHeaders),
      body: { error: { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) } },
    },
  };
}

/**
 * @microsoft/microsoft-graph-client's GraphError: `statusCode`, `code`, `message`, `headers`, and
 * `body`, which holds the JSON of Graph's inner `error` object (not the whole body).
 */
function graphClient(value: Bag): Recovered | undefined {
  if (typeof value.statusCode !== 'number' || !('code' in value) || !('body' in value)) return undefined;
  const parsed = typeof value.body === 'string' ? parseJson(value.body) : value.body;
  const inner = isBag(parsed) ? (isBag(parsed.error) ? parsed.error : parsed) : {};
  const code = text(inner.code) ?? text(value.code);
  const message = text(inner.message) ?? text(value.message);
  const error = { ...inner, ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
  return { source: 'GraphError', response: { status: value.statusCode, ...headersField(value.headers), body: { error } } };
}

function parseJson(textValue: string): unknown {
  try {
    return JSON.parse(textValue) as unknown;
  } catch {
    return undefined;
  }
}

/** @azure/identity's AuthenticationError: `statusCode` and the parsed `errorResponse`. */
function identity(value: Bag): Recovered | undefined {
  if (typeof value.statusCode !== 'number' || !isBag(value.errorResponse)) return undefined;
  const error = value.errorResponse;
  return {
    source: 'AuthenticationError',
    response: {
      status: value.statusCode,
      body: {
        error: text(error.error) ?? 'unknown_error',
        error_description: text(error.errorDescription) ?? '',
        ...(Array.isArray(error.errorCodes) ? { error_codes: error.errorCodes as unknown[] } : {}),
      },
    },
  };
}

/** MSAL's ServerError / InteractionRequiredAuthError: `errorCode`, `errorMessage`, `subError`, `claims`, `errorNo`, `status`. */
function msal(value: Bag): Recovered | undefined {
  const errorCode = text(value.errorCode);
  if (errorCode === undefined || typeof value.errorMessage !== 'string') return undefined;
  // errorNo is a string in older MSAL versions, a number in MSAL 7.
  const errorNo = typeof value.errorNo === 'number' ? String(value.errorNo) : text(value.errorNo);
  const aadsts = Number(errorNo ?? /AADSTS(\d+)/.exec(value.errorMessage)?.[1] ?? Number.NaN);
  const subError = text(value.subError);
  const claims = text(value.claims);
  return {
    source: typeof value.name === 'string' ? value.name : 'MSAL error',
    response: {
      status: typeof value.status === 'number' ? value.status : 400,
      body: {
        error: errorCode,
        error_description: value.errorMessage,
        ...(Number.isNaN(aadsts) ? {} : { error_codes: [aadsts] }),
        ...(subError === undefined ? {} : { suberror: subError }),
        ...(claims === undefined ? {} : { claims }),
      },
    },
  };
}

/** An object already shaped as `{ status, headers?, body? }`. */
function plain(value: Bag): Recovered | undefined {
  if (typeof value.status !== 'number' || !('body' in value)) return undefined;
  return { source: 'response', response: { status: value.status, ...headersField(value.headers), body: value.body } };
}

/** Last resort: an `AADSTSnnnn` quoted in an error message (identity re-throws MSAL errors by message). */
function fromMessage(value: unknown): Recovered | undefined {
  const message = isBag(value) ? text(value.message) : undefined;
  const aadsts = message === undefined ? undefined : /AADSTS(\d+)/.exec(message)?.[1];
  if (message === undefined || aadsts === undefined) return undefined;
  const error = /^(\w+):/.exec(message)?.[1] ?? 'invalid_request';
  return {
    source: `${isBag(value) && typeof value.name === 'string' ? value.name : 'Error'} (message)`,
    response: { status: error === 'invalid_client' ? 401 : 400, body: { error, error_description: message, error_codes: [Number(aadsts)] } },
  };
}

function headersField(value: unknown): Pick<ReceivedResponse, 'headers'> {
  const headers = headersOf(value);
  return headers === undefined ? {} : { headers };
}

function headersOf(value: unknown): ReceivedResponse['headers'] {
  if (value instanceof Headers) return value;
  if (value instanceof Map) {
    const entries: Record<string, string> = {};
    for (const [key, item] of value as Map<unknown, unknown>) if (typeof key === 'string') entries[key] = Array.isArray(item) ? item.join(', ') : String(item);
    return entries;
  }
  if (!isBag(value)) return undefined;
  const entries: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') entries[key] = item;
    else if (Array.isArray(item)) entries[key] = item.map(String).join(', ');
    else if (item instanceof Set) entries[key] = [...(item as Set<unknown>)].map(String).join(', ');
  }
  return entries;
}

/** A fetch `Response`, read without consuming the caller's body. */
export async function recoverFetchResponse(response: Response): Promise<Recovered> {
  // A body the caller already read is gone; status and headers still tell most scenarios apart.
  if (response.bodyUsed) return { source: 'fetch Response (body already read)', response: { status: response.status, headers: response.headers } };
  const body = await response.clone().text();
  return { source: 'fetch Response', response: { status: response.status, headers: response.headers, body } };
}
