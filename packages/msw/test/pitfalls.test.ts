/**
 * The client traps the README warns about, shown with the real clients, so the advice stays true:
 * MSAL's per-instance cache and 60-second throttle, identity's retries, and discovery documents
 * that any OIDC relying party (here jose) can use against the emulator.
 */
import { ClientSecretCredential } from '@azure/identity';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { simulate } from '../src/index.js';
import { ids, secrets, tokenUrl, useTenant } from './support/tenant.js';

const { tenant, server } = useTenant();
const scopes = ['https://graph.microsoft.com/.default'];
const newApp = () => new ConfidentialClientApplication({ auth: { clientId: ids.daemon, clientSecret: secrets.daemon, authority: tenant.authority } });

function countTokenRequests(): () => number {
  let count = 0;
  server.events.on('request:start', ({ request }) => {
    if (request.url.startsWith(tokenUrl)) count += 1;
  });
  return () => count;
}

describe('MSAL', () => {
  test('caches per instance: a scenario simulated after the first token is never seen, until clearCache()', async () => {
    const app = newApp();
    await app.acquireTokenByClientCredential({ scopes });
    server.use(...simulate('interaction-required'));
    await expect(app.acquireTokenByClientCredential({ scopes })).resolves.toBeTruthy();
    app.clearCache();
    await expect(app.acquireTokenByClientCredential({ scopes })).rejects.toMatchObject({ errorCode: 'interaction_required' });
  });

  test('throttles an instance after a 5xx: the next call fails without a request; a new instance is fine', async () => {
    const requests = countTokenRequests();
    try {
      const app = newApp();
      server.use(http.post(tokenUrl, () => HttpResponse.json({ error: 'server_error', error_description: 'AADSTS90033: transient' }, { status: 503, headers: { 'retry-after': '60' } }), { once: true }));
      const first: unknown = await app.acquireTokenByClientCredential({ scopes }).catch((error: unknown) => error);
      const afterFailure = requests();
      // The handler is gone, yet the same instance replays the failure from its throttling cache.
      const second: unknown = await app.acquireTokenByClientCredential({ scopes }).catch((error: unknown) => error);
      expect(second).toBeInstanceOf(Error);
      expect(first).toBeInstanceOf(Error);
      expect((second as Error).message).toContain('AADSTS90033');
      expect(requests()).toBe(afterFailure);
      await expect(newApp().acquireTokenByClientCredential({ scopes })).resolves.toBeTruthy();
    } finally {
      server.events.removeAllListeners();
    }
  });
});

describe('@azure/identity', () => {
  test('retries a 5xx by default; maxRetries: 0 sends one request', async () => {
    const requests = countTokenRequests();
    const failing = () => HttpResponse.json({ error: 'server_error', error_description: 'AADSTS90033: transient' }, { status: 500 });
    try {
      server.use(http.post(tokenUrl, failing));
      await expect(new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, { retryOptions: { maxRetries: 1, retryDelayInMs: 1 } }).getToken(scopes)).rejects.toBeTruthy();
      const withRetry = requests();
      expect(withRetry).toBeGreaterThan(1);
      await expect(new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, { retryOptions: { maxRetries: 0 } }).getToken(scopes)).rejects.toBeTruthy();
      expect(requests() - withRetry).toBe(1);
    } finally {
      server.events.removeAllListeners();
    }
  });
});

describe('discovery for any OIDC relying party', () => {
  test('an API validates tokens with jose against the discovered JWKS', async () => {
    const configuration = (await (await fetch(`${tenant.authority}/.well-known/openid-configuration`)).json()) as { jwks_uri: string; issuer: string };
    const jwks = createRemoteJWKSet(new URL(configuration.jwks_uri));
    const token = await tenant.issueToken({ appId: ids.frontend, userId: ids.alice, audience: `api://${ids.web}`, scopes: ['access_as_user'] });
    const { payload } = await jwtVerify(token, jwks, { issuer: configuration.issuer, audience: `api://${ids.web}`, algorithms: ['RS256'] });
    expect(payload.oid).toBe(ids.alice);
  });
});
