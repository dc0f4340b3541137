/**
 * Verifying a bearer token as Graph does, with jose: RS256 only, signature against the tenant's
 * JWKS, issuer of this tenant, Graph audience, `exp`/`nbf` with the clock skew. A token that fails a
 * cryptographic or issuer check is `invalid-token` right here; one that only fails a claim the core
 * judges (audience, lifetime) goes on to `evaluate`, which names the scenario Graph would answer.
 */
import { accessTokenFromClaims, decodeAccessToken, resources, TokenFormatError, type AccessToken } from '@graph-authz/core';
import { errors as joseErrors, jwtVerify } from 'jose';
import { v1Issuer, v2Issuer, type TenantContext } from './context.js';

export type Verification =
  /** Signature and issuer hold; `claimsFailure` is the claim jose rejected (audience, lifetime), if any. */
  | { readonly kind: 'verified'; readonly token: AccessToken; readonly claimsFailure: string | undefined }
  /** No token, or not a JWT at all: `evaluate` answers missing-token / malformed-token from the raw text. */
  | { readonly kind: 'unparsed'; readonly raw: string | undefined }
  /** Forged, foreign or tampered: Graph's "Access token validation failure". */
  | { readonly kind: 'rejected'; readonly reason: string };

const graphAudiences = [
  ...resources['microsoft-graph'].identifiers.flatMap((identifier) => [identifier, `${identifier}/`]),
  resources['microsoft-graph'].appId,
];

export async function verifyBearer(context: TenantContext, raw: string | undefined): Promise<Verification> {
  if (raw === undefined || raw.trim() === '') return { kind: 'unparsed', raw };
  const known = context.state.verifiedTokens.get(raw);
  // Signature, algorithm, issuer and audience are facts of the token string: checked once, remembered.
  // Its lifetime changes with the clock, so `evaluate` still judges exp/nbf on every request.
  if (known !== undefined) return { kind: 'verified', token: known, claimsFailure: undefined };
  const opaque = context.state.opaqueTokens.get(raw);
  // Personal accounts' opaque tokens are looked up, as only Microsoft can read them.
  if (opaque !== undefined) return { kind: 'verified', token: accessTokenFromClaims({ ...opaque }, raw), claimsFailure: undefined };
  let decoded: AccessToken;
  try {
    decoded = decodeAccessToken(raw);
  } catch (error) {
    if (error instanceof TokenFormatError) return { kind: 'unparsed', raw };
    throw error;
  }
  const tenantId = context.config.tenantId;
  try {
    const { payload } = await jwtVerify(raw, context.key.keyResolver, {
      algorithms: ['RS256'],
      issuer: [v1Issuer(tenantId), v2Issuer(tenantId)],
      audience: graphAudiences,
      currentDate: context.state.now(),
      clockTolerance: context.config.clockSkewSeconds,
    });
    if (payload.tid !== tenantId) return { kind: 'rejected', reason: `The token's tid (${String(payload.tid)}) is not this tenant (${tenantId}).` };
    context.state.rememberVerified(raw, decoded);
    return { kind: 'verified', token: decoded, claimsFailure: undefined };
  } catch (error) {
    return classify(error, decoded);
  }
}

function classify(error: unknown, decoded: AccessToken): Verification {
  // jose checks the signature before the claims, so a claim failure means the signature held.
  if (error instanceof joseErrors.JWTExpired) return { kind: 'verified', token: decoded, claimsFailure: 'exp' };
  if (error instanceof joseErrors.JWTClaimValidationFailed && (error.claim === 'nbf' || error.claim === 'aud')) {
    return { kind: 'verified', token: decoded, claimsFailure: error.claim };
  }
  if (error instanceof joseErrors.JOSEError) return { kind: 'rejected', reason: `${error.code}: ${error.message}` };
  throw error;
}
