/* eslint-disable @typescript-eslint/no-deprecated -- ROPC (username/password) is deprecated, yet the issue asks for it and many test suites still sign in that way. */
/**
 * @azure/msal-node 7, unmodified, against the emulated tenant: every confidential and public client
 * flow, and every token-side scenario as MSAL surfaces it (ServerError / InteractionRequiredAuthError
 * with errorCode, errorNo, subError, claims). A new application per test: MSAL caches tokens and
 * throttles per instance.
 */
import { ConfidentialClientApplication, InteractionRequiredAuthError, PublicClientApplication, ServerError, type Configuration } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { describe, expect, test } from 'vitest';
import '../src/vitest.js';
import { certificate, getGraph, ids, password, postToken, redirectUri, secrets, useTenant } from './support/tenant.js';

const { tenant } = useTenant();
const authority = `https://login.microsoftonline.com/${ids.tenant}`;
const graphDefault = ['https://graph.microsoft.com/.default'];

function confidential(auth: Partial<Configuration['auth']> = {}): ConfidentialClientApplication {
  return new ConfidentialClientApplication({ auth: { clientId: ids.daemon, authority, clientSecret: secrets.daemon, ...auth } });
}

/** The daemon signing client assertions with a certificate key instead of a secret. */
function withCertificate(privateKey: string): ConfidentialClientApplication {
  return new ConfidentialClientApplication({ auth: { clientId: ids.daemon, authority, clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey } } });
}

function publicClient(clientCapabilities?: string[]): PublicClientApplication {
  return new PublicClientApplication({ auth: { clientId: ids.publicClient, authority, ...(clientCapabilities === undefined ? {} : { clientCapabilities }) } });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('ConfidentialClientApplication', () => {
  test('client credentials with a secret: a token Graph accepts', async () => {
    const result = await confidential().acquireTokenByClientCredential({ scopes: graphDefault });
    expect(result?.tokenType).toBe('Bearer');
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ appid: ids.daemon, appidacr: '1', roles: ['User.Read.All'] });
    expect((await getGraph('/users', result?.accessToken)).status).toBe(200);
  });

  test('client credentials with a certificate (client_assertion)', async () => {
    const app = withCertificate(certificate.privateKeyPem);
    const result = await app.acquireTokenByClientCredential({ scopes: graphDefault });
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ appid: ids.daemon, appidacr: '2' });
  });

  test('client credentials with a certificate the app does not have: 700027', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const error = await rejection(withCertificate(stranger).acquireTokenByClientCredential({ scopes: graphDefault }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode: 'invalid_client', errorNo: 700027 });
  });

  test('clientCapabilities CP1 yields a CAE-capable token', async () => {
    const result = await confidential({ clientCapabilities: ['CP1'] }).acquireTokenByClientCredential({ scopes: graphDefault });
    expect(decodeJwt(result?.accessToken ?? '').xms_cc).toEqual(['CP1']);
  });

  test('on-behalf-of: the web API trades the user token it received for a Graph token', async () => {
    const incoming = await tenant.issueToken({ appId: ids.frontend, userId: ids.alice, audience: `api://${ids.web}`, scopes: ['access_as_user'] });
    const app = confidential({ clientId: ids.web, clientSecret: secrets.web });
    const result = await app.acquireTokenOnBehalfOf({ oboAssertion: incoming, scopes: ['https://graph.microsoft.com/User.Read'] });
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ oid: ids.alice, appid: ids.web, scp: 'User.Read openid profile' });
    expect(result?.account?.username).toBe('alice@contoso.onmicrosoft.com');
    expect((await getGraph('/me', result?.accessToken)).body.id).toBe(ids.alice);
  });

  test('on-behalf-of for a user under an MFA policy: InteractionRequiredAuthError 50076 with claims to pass back', async () => {
    const incoming = await tenant.issueToken({ appId: ids.frontend, userId: ids.dave, audience: `api://${ids.web}`, scopes: ['access_as_user'] });
    const error = await rejection(confidential({ clientId: ids.web, clientSecret: secrets.web }).acquireTokenOnBehalfOf({ oboAssertion: incoming, scopes: ['User.Read'] }));
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(error).toMatchObject({ errorCode: 'interaction_required', subError: 'basic_action', errorNo: 50076 });
    expect(JSON.parse((error as InteractionRequiredAuthError).claims)).toHaveProperty('access_token.capolids');
    expect(error).toBeGraphScenario('interaction-required');
  });

  test('refresh token redeemed by the confidential client', async () => {
    const signIn = await postToken({ grant_type: 'password', client_id: ids.web, client_secret: secrets.web, username: 'alice@contoso.onmicrosoft.com', password, scope: 'User.Read openid profile offline_access' });
    const result = await confidential({ clientId: ids.web, clientSecret: secrets.web }).acquireTokenByRefreshToken({ refreshToken: signIn.body.refresh_token as string, scopes: ['User.Read'] });
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ oid: ids.alice, appid: ids.web });
  });

  test('authorization code: auth code URL, /authorize redirect, code redemption', async () => {
    const app = confidential({ clientId: ids.web, clientSecret: secrets.web });
    const url = await app.getAuthCodeUrl({ scopes: ['User.Read'], redirectUri, loginHint: 'alice@contoso.onmicrosoft.com', state: 'xyz' });
    const location = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('xyz');
    const result = await app.acquireTokenByCode({ code: location.searchParams.get('code') ?? '', scopes: ['User.Read'], redirectUri });
    expect(result.account?.homeAccountId).toBe(`${ids.alice}.${ids.tenant}`);
    expect(decodeJwt(result.accessToken).scp).toContain('User.Read');
  });

  test.each([
    ['unknown app', { clientId: ids.unknownApp }, graphDefault, 'unauthorized_client', 700016],
    ['bad secret', { clientSecret: 'not-the-secret' }, graphDefault, 'invalid_client', 7000215],
  ])('%s: ServerError %s', async (_name, auth, scopes, errorCode, errorNo) => {
    const error = await rejection(confidential(auth).acquireTokenByClientCredential({ scopes }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode, errorNo });
    expect((error as ServerError).errorMessage).toContain(`Description: AADSTS${String(errorNo)}: `);
  });

  test('invalid-scope-for-flow: named scopes with client credentials (1002012)', async () => {
    const error = await rejection(confidential().acquireTokenByClientCredential({ scopes: ['User.Read.All'] }));
    expect(error).toMatchObject({ errorCode: 'invalid_scope', errorNo: 1002012 });
    expect(error).toBeGraphScenario('invalid-scope-for-flow');
  });

  test('multiple-resources: scopes of two resources (28000)', async () => {
    const error = await rejection(confidential().acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default', 'https://outlook.office.com/.default'] }));
    expect(error).toMatchObject({ errorCode: 'invalid_scope', errorNo: 28000 });
    expect(error).toBeGraphScenario('multiple-resources');
  });
});

describe('PublicClientApplication', () => {
  test('device code: the callback shows the code, the user signs in, the token arrives', async () => {
    const messages: string[] = [];
    const result = await publicClient().acquireTokenByDeviceCode({
      scopes: ['User.Read'],
      deviceCodeCallback: (response) => {
        messages.push(response.message);
        tenant.approveDeviceCode(response.userCode, 'alice@contoso.onmicrosoft.com');
      },
    });
    expect(messages[0]).toMatch(/microsoft\.com\/devicelogin/);
    expect(result?.account?.username).toBe('alice@contoso.onmicrosoft.com');
    expect((await getGraph('/me', result?.accessToken)).body.id).toBe(ids.alice);
  });

  test('username/password, then a silent refresh from the cache', async () => {
    const app = publicClient();
    const result = await app.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: 'alice@contoso.onmicrosoft.com', password });
    expect(decodeJwt(result?.accessToken ?? '')).toMatchObject({ oid: ids.alice, appidacr: '0', scp: 'User.Read openid profile' });
    const account = result?.account;
    if (account === null || account === undefined) throw new Error('MSAL returned no account');
    const silent = await app.acquireTokenSilent({ account, scopes: ['User.Read'], forceRefresh: true });
    expect(silent.accessToken).not.toBe(result?.accessToken);
  });

  test('consent-required: a scope nobody consented to (65001)', async () => {
    const error = await rejection(publicClient().acquireTokenByUsernamePassword({ scopes: ['Files.ReadWrite.All'], username: 'alice@contoso.onmicrosoft.com', password }));
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(error).toMatchObject({ errorCode: 'invalid_grant', subError: 'consent_required', errorNo: 65001 });
    expect(error).toBeGraphScenario('consent-required');
  });

  test('interaction-required: MFA policy on ROPC (50076) and a blocking policy (53003)', async () => {
    const mfa = await rejection(publicClient().acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: 'dave@contoso.onmicrosoft.com', password }));
    expect(mfa).toMatchObject({ errorCode: 'interaction_required', errorNo: 50076, subError: 'basic_action' });
    expect(mfa).toBeGraphScenario('interaction-required');
    const blocked = await rejection(publicClient().acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: 'eve@contoso.onmicrosoft.com', password }));
    expect(blocked).toMatchObject({ errorCode: 'interaction_required', errorNo: 53003 });
    expect(blocked).toBeGraphScenario('interaction-required');
  });

  test('after revokeSessions the silent refresh fails and asks for interaction', async () => {
    const app = publicClient();
    const result = await app.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: 'admin@contoso.onmicrosoft.com', password });
    tenant.revokeSessions(ids.admin);
    const account = result?.account;
    if (account === null || account === undefined) throw new Error('MSAL returned no account');
    const error = await rejection(app.acquireTokenSilent({ account, scopes: ['User.Read'], forceRefresh: true }));
    // MSAL 7 surfaces a revoked grant as a ServerError (invalid_grant): the app must sign the user in again.
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ errorCode: 'invalid_grant', errorNo: 50173 });
  });
});

describe('matcher on a rejected promise', () => {
  test('rejects.toBeGraphScenario works on MSAL promises', async () => {
    await expect(confidential().acquireTokenByClientCredential({ scopes: ['User.Read'] })).rejects.toBeGraphScenario('invalid-scope-for-flow');
  });
});

describe('a whole chain with real clients', () => {
  test('SPA signs the user in for the web API, the API goes on-behalf-of to Graph', async () => {
    const spa = new PublicClientApplication({ auth: { clientId: ids.frontend, authority } });
    const userToken = await spa.acquireTokenByUsernamePassword({ scopes: [`api://${ids.web}/.default`], username: 'alice@contoso.onmicrosoft.com', password });
    expect(decodeJwt(userToken?.accessToken ?? '')).toMatchObject({ aud: `api://${ids.web}`, scp: 'access_as_user', appid: ids.frontend });
    const api = confidential({ clientId: ids.web, clientSecret: secrets.web });
    const graphToken = await api.acquireTokenOnBehalfOf({ oboAssertion: userToken?.accessToken ?? '', scopes: ['User.Read'] });
    expect((await getGraph('/me', graphToken?.accessToken)).body.userPrincipalName).toBe('alice@contoso.onmicrosoft.com');
  });
});

describe('personal Microsoft accounts', () => {
  test('device code at /consumers: an opaque token, fine on /me, refused on work-only APIs', async () => {
    const app = new PublicClientApplication({ auth: { clientId: ids.publicClient, authority: 'https://login.microsoftonline.com/consumers' } });
    const result = await app.acquireTokenByDeviceCode({
      scopes: ['User.Read', 'User.ReadBasic.All'],
      deviceCodeCallback: (response) => {
        tenant.approveDeviceCode(response.userCode, 'carol@outlook.com');
      },
    });
    const token = result?.accessToken ?? '';
    expect(token).toMatch(/^EwA/);
    expect(result?.account?.tenantId).toBe('9188040d-6c67-4c5b-b112-36a304b66dad');
    expect((await getGraph('/me', token)).body.id).toBe(ids.carol);
    const users = await getGraph('/users', token);
    expect(users.status).toBe(401);
    expect((users.body.error as { message: string }).message).toMatch(/Personal Microsoft accounts are not supported/);
  });
});
