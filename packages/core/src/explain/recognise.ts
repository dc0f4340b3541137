/**
 * Reading a received error response: which catalog payload it is, by body shape, code, message and
 * WWW-Authenticate, before any context is used.
 */
import { aadstsErrors } from '../scenarios/catalog.js';
import type { ScenarioId } from '../types.js';
import { headerOf, parseJson, type HeaderBag } from '../evaluate/request.js';

export interface ReceivedResponse {
  status: number;
  headers?: HeaderBag;
  /** The body as an object or as JSON text. */
  body?: unknown;
}

export interface GraphErrorPayload {
  readonly side: 'graph';
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly wwwAuthenticate: string | undefined;
  /** The decoded claims of an insufficient_claims challenge. */
  readonly challengeClaims: string | undefined;
}

export interface TokenErrorPayload {
  readonly side: 'token-endpoint';
  readonly error: string;
  readonly aadsts: number | undefined;
  readonly description: string | undefined;
  readonly suberror: string | undefined;
  readonly claims: string | undefined;
}

export type Payload = GraphErrorPayload | TokenErrorPayload;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

export function bodyObjectOf(body: unknown): Record<string, unknown> | undefined {
  const value = typeof body === 'string' ? parseJson(body) : body;
  return isRecord(value) ? value : undefined;
}

/** The payload of a response: a token-endpoint body (`error` string), else Graph's (`error` object). */
export function payloadOf(response: ReceivedResponse): Payload {
  const body = bodyObjectOf(response.body);
  const error = body?.error;
  if (body !== undefined && typeof error === 'string') return tokenPayloadOf(body, error);
  const inner = isRecord(error) ? error : {};
  const wwwAuthenticate = headerOf(response.headers, 'www-authenticate');
  return {
    side: 'graph',
    code: stringField(inner, 'code'),
    message: stringField(inner, 'message'),
    wwwAuthenticate,
    challengeClaims: challengeClaimsOf(wwwAuthenticate),
  };
}

function tokenPayloadOf(body: Record<string, unknown>, error: string): TokenErrorPayload {
  const description = stringField(body, 'error_description');
  const codes = body.error_codes;
  const first: unknown = Array.isArray(codes) ? codes[0] : undefined;
  const fromDescription = description === undefined ? undefined : /AADSTS(\d+)/.exec(description)?.[1];
  const aadsts = typeof first === 'number' ? first : fromDescription === undefined ? undefined : Number(fromDescription);
  return { side: 'token-endpoint', error, aadsts, description, suberror: stringField(body, 'suberror'), claims: stringField(body, 'claims') };
}

/** The JSON claims request of an `error="insufficient_claims"` challenge, base64-decoded. */
export function challengeClaimsOf(header: string | undefined): string | undefined {
  if (header === undefined || !/error\s*=\s*"?insufficient_claims/i.test(header)) return undefined;
  const encoded = /claims\s*=\s*"([^"]*)"/i.exec(header)?.[1];
  if (encoded === undefined) return '';
  try {
    const binary = atob(encoded);
    return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return encoded;
  }
}

/** The scenario a token-endpoint payload names: by AADSTS code, else by OAuth error and suberror. */
export function tokenScenarioOf(payload: TokenErrorPayload): ScenarioId | undefined {
  const known = payload.aadsts === undefined ? undefined : aadstsErrors[payload.aadsts];
  if (known !== undefined) return known.scenario;
  if (payload.suberror === 'consent_required' || payload.error === 'consent_required') return 'consent-required';
  if (payload.error === 'interaction_required') return 'interaction-required';
  return undefined;
}

const malformedPattern = /IDX14100|IDX14120|IDX12709|IDX12741|JWT is not well formed|CompactToken parsing failed/i;

/** The scenario a Graph payload names by itself, without context; undefined when it is ambiguous. */
export function graphScenarioOf(status: number, payload: GraphErrorPayload): ScenarioId | undefined {
  const message = payload.message ?? '';
  if (payload.challengeClaims !== undefined || /continuous access evaluation/i.test(message)) return 'claims-challenge';
  if (status === 400 && /\/me request is only valid with delegated/i.test(message)) return 'delegated-only-endpoint';
  if (status === 403 && /access to change password operation is denied/i.test(message)) return 'app-only-password-reset';
  if (status !== 401) return undefined;
  if (/access token is empty/i.test(message)) return 'missing-token';
  if (malformedPattern.test(message)) return 'malformed-token';
  if (/lifetime validation failed|token is expired/i.test(message)) return 'expired-token';
  if (/invalid audience/i.test(message)) return 'wrong-audience';
  if (/personal microsoft account|\bmsa\b/i.test(message) || payload.code === '40001') return 'personal-account-not-supported';
  if (/access token validation failure/i.test(message)) return 'invalid-token';
  return undefined;
}
