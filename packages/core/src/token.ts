/**
 * A typed view of a Microsoft Graph access token. Decoding only: the signature is not checked here
 * (the emulator does that), because the point is to tell what a token says, not whether to trust it.
 */
import { InvalidArgumentError, TokenFormatError } from './errors.js';
import { base64urlToText, isBase64url } from './token/base64url.js';

/** The tenant of personal Microsoft accounts (outlook.com, live.com): tokens from it are "personal". */
export const consumersTenantId = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** Longer than any real access token (even with a groups claim), short enough to refuse junk fast. */
export const maxTokenLength = 16 * 1024;

export interface AccessTokenBase {
  readonly raw: string;
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly audience: string | undefined;
  readonly issuer: string | undefined;
  readonly tenantId: string | undefined;
  /** `appid` (v1 tokens) or `azp` (v2 tokens). */
  readonly appId: string | undefined;
  readonly version: '1.0' | '2.0' | undefined;
  readonly issuedAt: Date | undefined;
  readonly notBefore: Date | undefined;
  readonly expiresAt: Date | undefined;
  /** `xms_cc`, e.g. `['CP1']` when the client can handle CAE claims challenges. */
  readonly clientCapabilities: readonly string[];
  /** `wids`: the directory role template ids of the signed-in user (or the app). */
  readonly directoryRoleIds: readonly string[];
}

/** An app acting on its own: roles (application permissions) and no scp. */
export interface AppAccessToken extends AccessTokenBase {
  readonly kind: 'app';
  readonly roles: readonly string[];
}

/** An app acting for a signed-in user: scp (delegated permissions). */
export interface DelegatedAccessToken extends AccessTokenBase {
  readonly kind: 'delegated';
  readonly scopes: readonly string[];
  /** App roles assigned to the user, when the API defines any. */
  readonly roles: readonly string[];
  /** `oid`. */
  readonly userId: string | undefined;
  /** The token was issued in the consumers tenant (a personal Microsoft account). */
  readonly isPersonalAccount: boolean;
}

/** Neither scp nor roles: Graph grants such a token nothing. */
export interface KindlessAccessToken extends AccessTokenBase {
  readonly kind: 'none';
}

export type AccessToken = AppAccessToken | DelegatedAccessToken | KindlessAccessToken;

/**
 * Decodes a compact JWS access token (header and payload; the signature is only checked to be
 * base64url). Anything that is not one throws a `TokenFormatError` whose `defect` says what is wrong.
 */
export function decodeAccessToken(jwt: string): AccessToken {
  const [headerPart, payloadPart] = splitJws(jwt);
  const header = decodeSegment(headerPart, 'header');
  const claims = decodeSegment(payloadPart, 'payload');
  return toAccessToken(header, claims, jwt);
}

/** For callers that already hold the claims (opaque personal-account tokens in the emulator). */
export function accessTokenFromClaims(claims: Record<string, unknown>, raw = ''): AccessToken {
  return toAccessToken({}, claims, raw);
}

/** Whether the token's `exp` lies more than `skewSeconds` in the past; no `exp` means not expired. */
export function isExpired(token: AccessToken, now: Date = new Date(), skewSeconds = 300): boolean {
  assertClockArguments(now, skewSeconds);
  if (token.expiresAt === undefined) return false;
  return now.getTime() > token.expiresAt.getTime() + skewSeconds * 1000;
}

/** Whether the token's `nbf` lies more than `skewSeconds` in the future. */
export function isNotYetValid(token: AccessToken, now: Date = new Date(), skewSeconds = 300): boolean {
  assertClockArguments(now, skewSeconds);
  if (token.notBefore === undefined) return false;
  return now.getTime() < token.notBefore.getTime() - skewSeconds * 1000;
}

/**
 * The token of an `Authorization: Bearer <token>` header value (scheme case-insensitive), or
 * undefined when there is no header, another scheme, or no token after the scheme.
 */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

function assertClockArguments(now: Date, skewSeconds: number): void {
  if (Number.isNaN(now.getTime())) throw new InvalidArgumentError('now', 'now is an invalid Date.');
  if (!Number.isFinite(skewSeconds) || skewSeconds < 0) {
    throw new InvalidArgumentError('skewSeconds', `skewSeconds must be a finite number >= 0, got ${String(skewSeconds)}.`);
  }
}

/** The three segments of a compact JWS, after the checks that need no decoding. */
function splitJws(jwt: unknown): [string, string, string] {
  if (typeof jwt !== 'string') {
    throw new TokenFormatError('not-a-string', `An access token must be a string, got ${describeType(jwt)}.`);
  }
  if (jwt.length > maxTokenLength) {
    throw new TokenFormatError('too-large', `The token is ${jwt.length} characters long, more than the ${maxTokenLength} an access token can be.`);
  }
  if (jwt.trim() === '') throw new TokenFormatError('empty', 'Access token is empty.');
  const parts = jwt.split('.');
  const [header, payload, signature] = parts;
  if (parts.length === 1) {
    // Modelled on what Graph answers (Microsoft.IdentityModel's IDX14100).
    throw new TokenFormatError(
      'no-dots',
      "IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EncodedPayload.EncodedSignature'.",
    );
  }
  if (parts.length !== 3 || header === undefined || payload === undefined || signature === undefined) {
    throw new TokenFormatError('wrong-segment-count', segmentCountMessage(parts.length));
  }
  for (const [name, part] of [['header', header], ['payload', payload], ['signature', signature]] as const) {
    if (!isBase64url(part)) throw new TokenFormatError('bad-base64url', base64urlMessage(name, jwt));
  }
  return [header, payload, signature];
}

function segmentCountMessage(count: number): string {
  const base = `A JWT access token has 3 dot-separated segments (header.payload.signature); this one has ${count}.`;
  return count === 5
    ? `${base} It looks like an encrypted token (JWE), which only its audience can read; Graph needs a signed (JWS) access token.`
    : base;
}

function base64urlMessage(segment: string, jwt: string): string {
  const hint = /^\s*bearer\s/i.test(jwt) ? " Pass the bare token without the 'Bearer ' prefix (see bearerTokenOf)." : '';
  return `The ${segment} segment of the token is not valid base64url.${hint}`;
}

function decodeSegment(part: string, segment: 'header' | 'payload'): Record<string, unknown> {
  const text = base64urlToText(part);
  if (text === undefined) {
    throw new TokenFormatError('bad-json', `The ${segment} segment of the token is not UTF-8 text.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TokenFormatError('bad-json', `The ${segment} segment of the token is not JSON.`, { cause: error });
  }
  if (!isPlainObject(value)) {
    throw new TokenFormatError(`${segment}-not-object`, `The ${segment} of the token must be a JSON object, got ${describeType(value)}.`);
  }
  return value;
}

function toAccessToken(header: Record<string, unknown>, claims: Record<string, unknown>, raw: string): AccessToken {
  if (!isPlainObject(claims)) {
    throw new TokenFormatError('payload-not-object', `The claims of a token must be an object, got ${describeType(claims)}.`);
  }
  const base = baseOf(header, claims, raw);
  const scp = stringClaim(claims, 'scp');
  const roles = stringArrayClaim(claims, 'roles');
  const idtyp = stringClaim(claims, 'idtyp');
  if (scp !== undefined) {
    const tenantId = base.tenantId?.toLowerCase();
    return {
      ...base,
      kind: 'delegated',
      scopes: scp.split(' ').filter((scope) => scope !== ''),
      roles: roles ?? [],
      userId: stringClaim(claims, 'oid'),
      isPersonalAccount: tenantId === consumersTenantId,
    };
  }
  if (roles !== undefined || idtyp === 'app') return { ...base, kind: 'app', roles: roles ?? [] };
  return { ...base, kind: 'none' };
}

function baseOf(header: Record<string, unknown>, claims: Record<string, unknown>, raw: string): AccessTokenBase {
  const version = stringClaim(claims, 'ver');
  return {
    raw,
    header,
    claims,
    audience: audienceClaim(claims),
    issuer: stringClaim(claims, 'iss'),
    tenantId: stringClaim(claims, 'tid'),
    appId: stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp'),
    version: version === '1.0' || version === '2.0' ? version : undefined,
    issuedAt: dateClaim(claims, 'iat'),
    notBefore: dateClaim(claims, 'nbf'),
    expiresAt: dateClaim(claims, 'exp'),
    clientCapabilities: stringArrayClaim(claims, 'xms_cc') ?? [],
    directoryRoleIds: stringArrayClaim(claims, 'wids') ?? [],
  };
}

/** RFC 7519 allows `aud` to be an array; Entra ID issues one string, so an array yields its first entry. */
function audienceClaim(claims: Record<string, unknown>): string | undefined {
  const aud = claims.aud;
  if (Array.isArray(aud) && aud.every((entry) => typeof entry === 'string')) return aud[0];
  return stringClaim(claims, 'aud');
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined || typeof value === 'string') return value;
  throw badClaim(name, 'a string', value);
}

function stringArrayClaim(claims: Record<string, unknown>, name: string): readonly string[] | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value;
  throw badClaim(name, 'an array of strings', value);
}

function dateClaim(claims: Record<string, unknown>, name: string): Date | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  throw badClaim(name, 'a number of seconds since 1970', value);
}

function badClaim(name: string, expected: string, value: unknown): TokenFormatError {
  return new TokenFormatError('bad-claim', `The '${name}' claim must be ${expected}, got ${describeType(value)}.`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
