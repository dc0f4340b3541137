// Real signed JWTs (RS256, jose) shaped like Entra ID's Graph access tokens, for the scenario tests.
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const now = new Date('2026-01-15T10:00:00Z');
export const tenantId = 'aaaabbbb-0000-1111-2222-333344445555';
export const appId = '11112222-bbbb-3333-cccc-4444dddd5555';
export const graphAudience = 'https://graph.microsoft.com';

const { privateKey } = await generateKeyPair('RS256');
const seconds = Math.floor(now.getTime() / 1000);

function baseClaims(): JWTPayload {
  return {
    aud: graphAudience,
    iss: `https://sts.windows.net/${tenantId}/`,
    tid: tenantId,
    appid: appId,
    ver: '1.0',
    iat: seconds - 300,
    nbf: seconds - 300,
    exp: seconds + 3600,
  };
}

export async function signToken(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test' }).sign(privateKey);
}

/** A delegated (scp) token of a work account; `extra` overrides any claim. */
export function delegatedToken(scp: string, extra: JWTPayload = {}): Promise<string> {
  return signToken({ ...baseClaims(), scp, oid: 'user-oid-1', upn: 'adele@contoso.com', ...extra });
}

/** An app-only (roles) token; `extra` overrides any claim. */
export function appToken(roles: string[], extra: JWTPayload = {}): Promise<string> {
  return signToken({ ...baseClaims(), roles, idtyp: 'app', oid: 'sp-oid-1', ...extra });
}
