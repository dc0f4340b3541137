/**
 * The tenant's token signing key. One RSA key pair per tenant, so a token signed by another
 * tenant's key fails verification exactly as it would against Entra's JWKS.
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';

export interface SigningKey {
  /** The key id tokens name in their `kid` (and `x5t`) header. */
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The public half as the JWKS endpoint publishes it. */
  readonly jwks: JSONWebKeySet;
  /** Resolves a token's key from the JWKS only, as a relying party does. */
  readonly keyResolver: JWTVerifyGetKey;
}

/**
 * Generated synchronously so that `createTenant` can stay synchronous; a 2048-bit key takes tens
 * of milliseconds, once per tenant.
 */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (n === undefined || e === undefined) throw new TypeError('node:crypto exported an RSA public key without n or e');
  const kid = thumbprint(n, e);
  const jwk: JWK = { kty: 'RSA', use: 'sig', kid, x5t: kid, n, e };
  const jwks: JSONWebKeySet = { keys: [jwk] };
  return { kid, privateKey, jwks, keyResolver: createLocalJWKSet(jwks) };
}

/** RFC 7638 JWK thumbprint: SHA-256 over the required members in lexical order. */
function thumbprint(n: string, e: string): string {
  return createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
}
