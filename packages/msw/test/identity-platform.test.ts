/**
 * The emulated identity platform over plain HTTP: discovery documents, JWKS, token shapes, and every
 * grant's validation with the AADSTS code Entra answers.
 */
import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify, createLocalJWKSet } from 'jose';
import { describe, expect, test } from 'vitest';
import { createTenant } from '../src/index.js';
import { ids, password, postToken, redirectUri, secrets, tenantConfig, tokenUrl, userAdministrator, useTenant } from './support/tenant.js';

const { tenant, server } = useTenant();
const login = `https://login.microsoftonline.com`;

describe('discovery', () => {
  test.each([ids.tenant, 'contoso.onmicrosoft.com'])('v2.0 OpenID configuration of %s names this tenant', async (segment) => {
    const config = (await (await fetch(`${login}/${segment}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(config.issuer).toBe(`${login}/${ids.tenant}/v2.0`);
    expect(config.token_endpoint).toBe(`${login}/${segment}/oauth2/v2.0/token`);
    expect(config.jwks_uri).toBe(`${login}/${segment}/discovery/v2.0/keys`);
    expect(config.device_authorization_endpoint).toBe(`${login}/${segment}/oauth2/v2.0/devicecode`);
  });

  test('v1 configuration issues sts.windows.net tokens; common publishes the {tenantid} placeholder', async () => {
    const v1 = (await (await fetch(`${login}/${ids.tenant}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(v1.issuer).toBe(`https://sts.windows.net/${ids.tenant}/`);
    expect(v1.token_endpoint).toBe(`${login}/${ids.tenant}/oauth2/token`);
    const common = (await (await fetch(`${login}/common/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(common.issuer).toBe(`${login}/{tenantid}/v2.0`);
  });

  test('instance discovery points at the tenant discovery endpoint and lists the public cloud aliases', async () => {
    const authorize = encodeURIComponent(`${login}/${ids.tenant}/oauth2/v2.0/authorize`);
    const body = (await (await fetch(`${login}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`)).json()) as {
      tenant_discovery_endpoint: string;
      metadata: { aliases: string[] }[];
    };
    expect(body.tenant_discovery_endpoint).toBe(`${login}/${ids.tenant}/v2.0/.well-known/openid-configuration`);
    expect(body.metadata[0]?.aliases).toContain('login.windows.net');
  });

  test('JWKS publishes the RSA key that verifies issued tokens, and nothing private', async () => {
    const jwks = (await (await fetch(`${login}/${ids.tenant}/discovery/v2.0/keys`)).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const token = await tenant.issueToken({ appId: ids.daemon });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks as never), { algorithms: ['RS256'] });
    expect(protectedHeader.kid).toBe(jwks.keys[0]?.kid);
    expect(payload.tid).toBe(ids.tenant);
  });

  test('another tenant is not ours: the request is left to other handlers', async () => {
    await expect(fetch(`${login}/00000000-1111-2222-3333-444444444444/v2.0/.well-known/openid-configuration`)).rejects.toThrow();
  });
});

describe('client credentials', () => {
  test('a secret yields a Graph v1 app-only token with the granted roles', async () => {
    const { status, body } = await postToken({ grant_type: 'client_credentials', client_id: ids.daemon, client_secret: secrets.daemon, scope: 'https://graph.microsoft.com/.default' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'https://graph.microsoft.com/.default', expires_in: 3600 });
    expect(body).not.toHaveProperty('refresh_token');
    const token = body.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      ver: '1.0', iss: `https://sts.windows.net/${ids.tenant}/`, aud: 'https://graph.microsoft.com', appid: ids.daemon,
      appidacr: '1', tid: ids.tenant, idtyp: 'app', roles: ['User.Read.All'],
    });
    expect(claims).not.toHaveProperty('scp');
    expect(claims).not.toHaveProperty('xms_cc');
    expect(typeof claims.uti).toBe('string');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(claims.nbf).toBe(claims.iat);
  });

  test('xms_cc is added only when the client asks for CP1 in claims', async () => {
    const { body } = await postToken({
      grant_type: 'client_credentials', client_id: ids.daemon, client_secret: secrets.daemon, scope: 'https://graph.microsoft.com/.default',
      claims: JSON.stringify({ access_token: { xms_cc: { values: ['CP1'] } } }),
    });
    expect(decodeJwt(body.access_token as string).xms_cc).toEqual(['CP1']);
  });

  test('a token for another resource gets that audience', async () => {
    const { body } = await postToken({ grant_type: 'client_credentials', client_id: ids.daemon, client_secret: secrets.daemon, scope: 'https://outlook.office.com/.default' });
    expect(decodeJwt(body.access_token as string).aud).toBe('https://outlook.office.com');
  });

  test.each([
    ['unknown app', { client_id: ids.unknownApp, client_secret: 'x', scope: 'https://graph.microsoft.com/.default' }, 400, 700016, 'unauthorized_client'],
    ['bad secret', { client_id: ids.daemon, client_secret: 'wrong', scope: 'https://graph.microsoft.com/.default' }, 401, 7000215, 'invalid_client'],
    ['no credential', { client_id: ids.daemon, scope: 'https://graph.microsoft.com/.default' }, 401, 7000216, 'invalid_client'],
    ['named scopes', { client_id: ids.daemon, client_secret: secrets.daemon, scope: 'User.Read.All' }, 400, 1002012, 'invalid_scope'],
    ['several resources', { client_id: ids.daemon, client_secret: secrets.daemon, scope: 'https://graph.microsoft.com/.default https://outlook.office.com/.default' }, 400, 28000, 'invalid_scope'],
    ['unknown resource', { client_id: ids.daemon, client_secret: secrets.daemon, scope: 'https://nothing.example.com/.default' }, 400, 500011, 'invalid_resource'],
  ])('%s: AADSTS error as Entra sends it', async (_name, form, status, aadsts, error) => {
    const response = await postToken({ grant_type: 'client_credentials', ...form });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error, error_codes: [aadsts] });
    expect(response.body.error_description).toMatch(new RegExp(`^AADSTS${String(aadsts)}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`));
    expect(response.body).toMatchObject({ trace_id: expect.any(String) as string, correlation_id: expect.any(String) as string, timestamp: expect.any(String) as string, error_uri: `https://login.microsoftonline.com/error?code=${String(aadsts)}` });
  });

  test("the correlation id is the client's client-request-id, as MSAL sends it", async () => {
    const response = await fetch(`${tokenUrl}?client-request-id=5ca1ab1e-0000-4000-8000-000000000001`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: ids.daemon, client_secret: 'wrong', scope: 'https://graph.microsoft.com/.default' }),
    });
    const body = (await response.json()) as Record<string, string>;
    expect(body.correlation_id).toBe('5ca1ab1e-0000-4000-8000-000000000001');
    expect(body.error_description).toContain('Correlation ID: 5ca1ab1e-0000-4000-8000-000000000001');
  });

  test('missing and unsupported grant types', async () => {
    expect((await postToken({ client_id: ids.daemon })).body.error_codes).toEqual([900144]);
    expect((await postToken({ grant_type: 'magic', client_id: ids.daemon })).body).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] });
  });

  test('an exception inside the emulator answers 500 with an error body, never a token-looking 200', async () => {
    // A Basic credential whose percent-encoding is broken makes decodeURIComponent throw inside the handler.
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${ids.daemon}:%E0%A4%A`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: ids.daemon, scope: 'https://graph.microsoft.com/.default' }),
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.error).toBe('server_error');
    expect(body.error_description).toMatch(/URIError/);
    expect(body).not.toHaveProperty('access_token');
  });
});

describe('user grants', () => {
  const ropc = (username: string, scope = 'User.Read openid profile offline_access', extra: Record<string, string> = {}) =>
    postToken({ grant_type: 'password', client_id: ids.publicClient, username, password, scope, client_info: '1', ...extra });

  test('password grant: delegated v1 token with scp, wids, ID token, refresh token and client_info', async () => {
    const { status, body } = await ropc('admin@contoso.onmicrosoft.com');
    expect(status).toBe(200);
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({ idtyp: 'user', oid: ids.admin, upn: 'admin@contoso.onmicrosoft.com', appid: ids.publicClient, appidacr: '0', wids: [userAdministrator, 'b79fbf4d-3ef9-4689-8143-76b194e85509'] });
    expect(claims.scp).toBe('User.Read openid profile');
    expect(claims).not.toHaveProperty('roles');
    expect(decodeJwt(body.id_token as string)).toMatchObject({ aud: ids.publicClient, oid: ids.admin, ver: '2.0', preferred_username: 'admin@contoso.onmicrosoft.com' });
    expect(JSON.parse(Buffer.from(body.client_info as string, 'base64url').toString())).toEqual({ uid: ids.admin, utid: ids.tenant });
    expect(body.refresh_token).toEqual(expect.any(String));
  });

  test.each([
    ['wrong password', () => postToken({ grant_type: 'password', client_id: ids.publicClient, username: 'alice@contoso.onmicrosoft.com', password: 'nope', scope: 'User.Read' }), 50126, 'invalid_grant'],
    ['unknown user', () => ropc('nobody@contoso.onmicrosoft.com'), 50034, 'invalid_grant'],
    ['scope not consented', () => ropc('alice@contoso.onmicrosoft.com', 'Files.Read.All'), 65001, 'invalid_grant'],
    ['several resources', () => ropc('alice@contoso.onmicrosoft.com', 'User.Read https://outlook.office.com/Mail.Read'), 28000, 'invalid_scope'],
    ['confidential app without credential', () => postToken({ grant_type: 'password', client_id: ids.web, username: 'alice@contoso.onmicrosoft.com', password, scope: 'User.Read' }), 7000218, 'invalid_client'],
  ])('%s', async (_name, call, aadsts, error) => {
    const { body } = await call();
    expect(body).toMatchObject({ error, error_codes: [aadsts] });
    if (aadsts === 65001) expect(body.suberror).toBe('consent_required');
  });

  test('an MFA policy answers 50076 interaction_required with suberror and the policy in claims', async () => {
    const { status, body } = await ropc('dave@contoso.onmicrosoft.com');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'interaction_required', error_codes: [50076], suberror: 'basic_action' });
    expect(JSON.parse(body.claims as string)).toEqual({ access_token: { capolids: { essential: true, values: ['0b7a1c3e-7d0c-4a4b-9a53-5b1b0c0c0c01'] } } });
  });

  test('a blocking policy answers 53003', async () => {
    const { body } = await ropc('eve@contoso.onmicrosoft.com');
    expect(body).toMatchObject({ error: 'interaction_required', error_codes: [53003] });
    expect(body.claims).toEqual(expect.stringContaining('capolids'));
  });

  test('interactive sign-in under an MFA policy: done when the user registered MFA, else 50079', async () => {
    const start = (await (await fetch(`${login}/${ids.tenant}/oauth2/v2.0/devicecode`, { method: 'POST', body: new URLSearchParams({ client_id: ids.publicClient, scope: 'User.Read' }) })).json()) as Record<string, string>;
    tenant.approveDeviceCode(start.user_code ?? '', ids.dave);
    const { body } = await postToken({ grant_type: 'device_code', client_id: ids.publicClient, device_code: start.device_code ?? '' });
    expect(body).toMatchObject({ error: 'interaction_required', error_codes: [50079] });
  });

  test('a policy for a workload identity blocks client credentials (53003); user policies never do', async () => {
    const blocked = createTenant(tenantConfig({ tenantId: '0e0e0e0e-1111-4222-8333-555555555555', policies: [{ kind: 'block', appIds: [ids.daemon] }, { kind: 'require-mfa' }] }));
    server.use(...blocked.handlers);
    const url = `${login}/0e0e0e0e-1111-4222-8333-555555555555/oauth2/v2.0/token`;
    const form = { grant_type: 'client_credentials', client_secret: secrets.daemon, scope: 'https://graph.microsoft.com/.default' };
    expect((await postToken({ ...form, client_id: ids.daemon }, url)).body.error_codes).toEqual([53003]);
    expect((await postToken({ ...form, client_id: ids.web, client_secret: secrets.web }, url)).status).toBe(200);
  });

  test('a personal account gets an opaque access token', async () => {
    const { body } = await postToken({ grant_type: 'password', client_id: ids.publicClient, username: 'carol@outlook.com', password, scope: 'User.Read' });
    expect(body.access_token).toMatch(/^EwA[\w-]+$/);
    expect(() => decodeJwt(body.access_token as string)).toThrow();
  });

  test('refresh token: redeemed for a new token, refused after revokeSessions (50173)', async () => {
    const first = await ropc('alice@contoso.onmicrosoft.com');
    const refreshToken = first.body.refresh_token as string;
    const refreshed = await postToken({ grant_type: 'refresh_token', client_id: ids.publicClient, refresh_token: refreshToken, scope: 'User.Read offline_access' });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body.access_token as string).oid).toBe(ids.alice);
    tenant.revokeSessions(ids.alice);
    const revoked = await postToken({ grant_type: 'refresh_token', client_id: ids.publicClient, refresh_token: refreshToken, scope: 'User.Read' });
    expect(revoked.body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
    expect((await postToken({ grant_type: 'refresh_token', client_id: ids.publicClient, refresh_token: 'garbage', scope: 'User.Read' })).body.error_codes).toEqual([9002313]);
  });

  test('device code: pending until the user signs in, then a token; scopes checked up front', async () => {
    const start = (await (await fetch(`${login}/organizations/oauth2/v2.0/devicecode`, { method: 'POST', body: new URLSearchParams({ client_id: ids.publicClient, scope: 'User.Read openid offline_access' }) })).json()) as Record<string, string | number>;
    expect(start).toMatchObject({ verification_uri: 'https://microsoft.com/devicelogin', expires_in: 900, interval: 5 });
    expect(start.message).toContain(start.user_code as string);
    const poll = () => postToken({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: ids.publicClient, device_code: start.device_code as string });
    expect((await poll()).body).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
    tenant.approveDeviceCode(start.user_code as string, 'alice@contoso.onmicrosoft.com');
    const done = await poll();
    expect(decodeJwt(done.body.access_token as string)).toMatchObject({ oid: ids.alice, amr: ['pwd', 'mfa'] });
    expect((await poll()).body.error_codes).toEqual([9002313]);
    const bad = await fetch(`${login}/organizations/oauth2/v2.0/devicecode`, { method: 'POST', body: new URLSearchParams({ client_id: ids.publicClient, scope: 'User.Read https://outlook.office.com/Mail.Read' }) });
    expect(((await bad.json()) as Record<string, unknown>).error_codes).toEqual([28000]);
  });

  test('authorization code with PKCE through /authorize, single use', async () => {
    const verifier = 'a-long-enough-code-verifier-for-pkce-0123456789';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const query = new URLSearchParams({ client_id: ids.web, redirect_uri: redirectUri, scope: 'User.Read openid', response_type: 'code', state: 's1', login_hint: 'alice@contoso.onmicrosoft.com', code_challenge: challenge, code_challenge_method: 'S256' });
    const authorize = await fetch(`${login}/${ids.tenant}/oauth2/v2.0/authorize?${query.toString()}`, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code') ?? '';
    const redeem = (codeVerifier: string) => postToken({ grant_type: 'authorization_code', client_id: ids.web, client_secret: secrets.web, code, redirect_uri: redirectUri, code_verifier: codeVerifier, scope: 'User.Read openid' });
    expect((await redeem('wrong-verifier')).body.error_codes).toEqual([50148]);
    // The failed attempt consumed the code, as Entra does.
    expect((await redeem(verifier)).body.error_codes).toEqual([70008]);
  });

  test('authorization code: a blocked user is redirected back with the error', async () => {
    const query = new URLSearchParams({ client_id: ids.web, redirect_uri: redirectUri, scope: 'User.Read', response_type: 'code', login_hint: 'eve@contoso.onmicrosoft.com' });
    const authorize = await fetch(`${login}/${ids.tenant}/oauth2/v2.0/authorize?${query.toString()}`, { redirect: 'manual' });
    const location = new URL(authorize.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('interaction_required');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS53003/);
  });

  test('on-behalf-of: the API exchanges the user token it received; wrong audience is 500131', async () => {
    const incoming = await tenant.issueToken({ appId: ids.frontend, userId: ids.alice, audience: `api://${ids.web}`, scopes: ['access_as_user'] });
    const obo = (assertion: string) => postToken({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', client_id: ids.web, client_secret: secrets.web, assertion, requested_token_use: 'on_behalf_of', scope: 'https://graph.microsoft.com/User.Read' });
    const ok = await obo(incoming);
    expect(decodeJwt(ok.body.access_token as string)).toMatchObject({ oid: ids.alice, appid: ids.web, aud: 'https://graph.microsoft.com', scp: 'User.Read' });
    const graphToken = await tenant.issueToken({ appId: ids.frontend, userId: ids.alice });
    expect((await obo(graphToken)).body.error_codes).toEqual([500131]);
    expect((await obo(`${incoming.slice(0, -4)}AAAA`)).body.error_codes).toEqual([50013]);
  });
});
