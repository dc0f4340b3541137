import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';

/**
 * Real RS256 JWTs signed with a key made for the test run (node:crypto, no dependency). The CLI
 * never checks signatures, but a token that is a real JWT keeps the tests honest about the format.
 */
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

export const graphAudience = 'https://graph.microsoft.com';
export const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const appId = '2d4d3d8e-2ab0-4f4c-9a34-1f1b6b8a9c11';

export function signJwt(claims: Record<string, unknown>): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: 'test-key' };
  const input = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url');
  return `${input}.${signature}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Claims shaped as Entra ID v1 access tokens for Graph, lifetime relative to now. */
function baseClaims(lifetimeSeconds: number): Record<string, unknown> {
  const iat = nowSeconds() - 600;
  return {
    aud: graphAudience,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat,
    nbf: iat,
    exp: nowSeconds() + lifetimeSeconds,
    appid: appId,
    appidacr: '1',
    tid: tenantId,
    ver: '1.0',
    uti: randomUUID().replaceAll('-', '').slice(0, 22),
  };
}

export function delegatedToken(options: { scp?: string; lifetimeSeconds?: number; aud?: string; xmsCc?: string[] } = {}): string {
  return signJwt({
    ...baseClaims(options.lifetimeSeconds ?? 3600),
    ...(options.aud === undefined ? {} : { aud: options.aud }),
    oid: 'b6e2c9f4-0a47-4c38-a6f3-3c3e2b6c1d10',
    upn: 'adele@contoso.example',
    idtyp: 'user',
    scp: options.scp ?? 'User.Read',
    ...(options.xmsCc === undefined ? {} : { xms_cc: options.xmsCc }),
  });
}

export function appToken(options: { roles?: string[]; lifetimeSeconds?: number; aud?: string } = {}): string {
  return signJwt({
    ...baseClaims(options.lifetimeSeconds ?? 3600),
    ...(options.aud === undefined ? {} : { aud: options.aud }),
    oid: '5c1f9b3a-7e0d-4a2b-9c8e-6f4d3b2a1e09',
    idtyp: 'app',
    roles: options.roles ?? ['User.Read.All'],
  });
}

export function kindlessToken(): string {
  return signJwt({ ...baseClaims(3600), oid: '5c1f9b3a-7e0d-4a2b-9c8e-6f4d3b2a1e09' });
}
