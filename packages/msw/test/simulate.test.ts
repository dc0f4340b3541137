/* eslint-disable @typescript-eslint/no-deprecated -- ROPC (username/password) is deprecated, yet the issue asks for it and many test suites still sign in that way. */
/**
 * `simulate(id)`: one scenario as MSW handlers, answering with the core catalog's exact response,
 * met by plain fetch and by the real clients.
 */
import { ClientSecretCredential } from '@azure/identity';
import { ConfidentialClientApplication, InteractionRequiredAuthError, PublicClientApplication, ServerError } from '@azure/msal-node';
import { getScenario, graphErrorResponse, InvalidArgumentError, scenarios, UnknownScenarioError, type GraphScenario, type ScenarioId, type TokenEndpointScenario } from '@graph-authz/core';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { simulate } from '../src/index.js';
import '../src/vitest.js';

const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const clientId = '11111111-1111-4111-8111-111111111111';
// Whatever is not simulated answers as if all were well: a fake token and an empty collection.
const server = setupServer(
  http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', () => HttpResponse.json({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'unused' })),
  http.all('https://graph.microsoft.com/*', () => HttpResponse.json({ value: [] })),
);
beforeAll(() => { server.listen({ onUnhandledRequest: 'error' }); });
afterEach(() => { server.resetHandlers(); });
afterAll(() => { server.close(); });

const graphSide = scenarios.filter((scenario): scenario is GraphScenario => scenario.side === 'graph');
const tokenSide = scenarios.filter((scenario): scenario is TokenEndpointScenario => scenario.side === 'token-endpoint');

describe('Graph-side scenarios', () => {
  test.each(graphSide.map((scenario) => [scenario.id, scenario] as const))('%s: the catalog response on any Graph URL', async (_id, scenario) => {
    server.use(...simulate(scenario.id));
    const response = await fetch('https://graph.microsoft.com/beta/users?$top=1', { headers: { 'client-request-id': 'abc-123' } });
    await expect(response).toBeGraphScenario(scenario.id);
    const expected = graphErrorResponse(scenario.id);
    expect(response.status).toBe(expected.status);
    const body = (await response.json()) as typeof expected.body;
    expect(body.error.code).toBe(expected.body.error.code);
    expect(body.error.message).toBe(expected.body.error.message);
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
    if (scenario.id === 'claims-challenge') expect(response.headers.get('www-authenticate')).toContain('error="insufficient_claims"');
    else expect(response.headers.get('www-authenticate') ?? undefined).toBe(expected.headers['www-authenticate']);
  });

  test.each(graphSide.map((scenario) => scenario.id))('%s through the Graph client', async (id) => {
    server.use(...simulate(id));
    const client = Client.initWithMiddleware({ authProvider: { getAccessToken: () => Promise.resolve('token') } });
    const error: unknown = await client.api('/users').get().then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: graphErrorResponse(id).status, code: graphErrorResponse(id).body.error.code });
    expect(error).toBeGraphScenario(id);
  });

  test('fresh request-id per response', async () => {
    server.use(...simulate('expired-token'));
    const first = await fetch('https://graph.microsoft.com/v1.0/me');
    const second = await fetch('https://graph.microsoft.com/v1.0/me');
    expect(first.headers.get('request-id')).not.toBe(second.headers.get('request-id'));
  });

  test.each([
    ['directory', 'Authorization_RequestDenied'],
    ['outlook', 'ErrorAccessDenied'],
    ['files', 'accessDenied'],
  ] as const)('workload %s flavours the 403 as %s', async (workload, code) => {
    server.use(...simulate('insufficient-permissions', { workload }));
    const body = (await (await fetch('https://graph.microsoft.com/v1.0/me/messages')).json()) as { error: { code: string } };
    expect(body.error.code).toBe(code);
  });

  test('once: the scenario answers one request, then the normal handlers do', async () => {
    server.use(...simulate('expired-token', { once: true }));
    expect((await fetch('https://graph.microsoft.com/v1.0/me')).status).toBe(401);
    expect((await fetch('https://graph.microsoft.com/v1.0/me')).status).toBe(200);
  });

  test('method and path narrow which requests fail', async () => {
    server.use(...simulate('insufficient-permissions', { method: 'POST', path: '/users/{id}/sendMail' }));
    expect((await fetch('https://graph.microsoft.com/v1.0/users/abc/sendMail', { method: 'POST' })).status).toBe(403);
    expect((await fetch('https://graph.microsoft.com/v1.0/users/abc/sendMail')).status).toBe(200);
    expect((await fetch('https://graph.microsoft.com/v1.0/users/abc/messages', { method: 'POST' })).status).toBe(200);
    server.use(...simulate('delegated-only-endpoint', { path: /^\/me\b/ }));
    expect((await fetch('https://graph.microsoft.com/v1.0/me/drive')).status).toBe(400);
  });

  test('claims: the challenge carries the given claims, base64-encoded', async () => {
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    server.use(...simulate('claims-challenge', { claims }));
    const header = (await fetch('https://graph.microsoft.com/v1.0/me')).headers.get('www-authenticate') ?? '';
    expect(Buffer.from(/claims="([^"]+)"/.exec(header)?.[1] ?? '', 'base64').toString()).toBe(claims);
  });

  test('bad input is a typed error naming it', () => {
    expect(() => simulate('no-such-scenario' as ScenarioId)).toThrow(UnknownScenarioError);
    expect(() => simulate('malformed-token', { variant: 'nope' })).toThrow(InvalidArgumentError);
  });
});

describe('token-side scenarios', () => {
  test.each(tokenSide.map((scenario) => [scenario.id, scenario] as const))('%s: the AADSTS body at any tenant token endpoint', async (_id, scenario) => {
    server.use(...simulate(scenario.id));
    const response = await fetch('https://login.microsoftonline.com/organizations/oauth2/v2.0/token', { method: 'POST', body: 'grant_type=client_credentials' });
    expect(response.status).toBe(scenario.status);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: scenario.error, error_codes: [scenario.aadsts], trace_id: expect.any(String) as string, correlation_id: expect.any(String) as string, timestamp: expect.any(String) as string, error_uri: expect.stringContaining(String(scenario.aadsts)) as string });
    expect(body.error_description).toMatch(new RegExp(`^AADSTS${String(scenario.aadsts)}: `));
    if (scenario.suberror !== undefined) expect(body.suberror).toBe(scenario.suberror);
    if (scenario.id === 'interaction-required') expect(JSON.parse(body.claims as string)).toHaveProperty('access_token.capolids');
  });

  test('interaction-required through MSAL: InteractionRequiredAuthError with claims', async () => {
    server.use(...simulate('interaction-required'));
    const app = new PublicClientApplication({ auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}` } });
    const error: unknown = await app.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username: 'a@b.c', password: 'x' }).then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(InteractionRequiredAuthError);
    expect(error).toMatchObject({ errorCode: 'interaction_required', errorNo: getScenario('interaction-required').side === 'token-endpoint' ? (getScenario('interaction-required') as TokenEndpointScenario).aadsts : 0 });
    expect((error as InteractionRequiredAuthError).claims).toContain('capolids');
    expect(error).toBeGraphScenario('interaction-required');
  });

  test('variant aadsts53003 through MSAL', async () => {
    server.use(...simulate('interaction-required', { variant: 'aadsts53003' }));
    const app = new ConfidentialClientApplication({ auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}`, clientSecret: 's' } });
    const error: unknown = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }).then(() => undefined, (reason: unknown) => reason);
    expect(error).toMatchObject({ errorCode: 'interaction_required', errorNo: 53003 });
  });

  test.each(['consent-required', 'invalid-scope-for-flow', 'multiple-resources'] as const)('%s through MSAL and identity', async (id) => {
    server.use(...simulate(id));
    const app = new ConfidentialClientApplication({ auth: { clientId, authority: `https://login.microsoftonline.com/${tenantId}`, clientSecret: 's' } });
    const msalError: unknown = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }).then(() => undefined, (reason: unknown) => reason);
    expect(msalError).toBeInstanceOf(id === 'consent-required' ? InteractionRequiredAuthError : ServerError);
    expect(msalError).toBeGraphScenario(id);
    const credential = new ClientSecretCredential(tenantId, clientId, 's', { retryOptions: { maxRetries: 0 } });
    const identityError: unknown = await credential.getToken('https://graph.microsoft.com/.default').then(() => undefined, (reason: unknown) => reason);
    expect(identityError).toBeGraphScenario(id);
  });
});

test('token-side: the description names the scope and client id the request sent, as Entra does', async () => {
  server.use(...simulate('invalid-scope-for-flow'));
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, scope: 'User.Read.All' });
  const scopeError = await fetch(`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
  const description = ((await scopeError.json()) as Record<string, string>).error_description;
  expect(description).toMatch(/^AADSTS1002012: The provided value for scope User\.Read\.All is not valid\./);
  expect(description).not.toMatch(/\{\w+\}/);
});

test("token-side: the correlation id is MSAL's client-request-id", async () => {
  server.use(...simulate('consent-required'));
  const response = await fetch('https://login.microsoftonline.com/common/oauth2/v2.0/token?client-request-id=5ca1ab1e-0000-4000-8000-000000000002', { method: 'POST', body: '' });
  expect(((await response.json()) as Record<string, string>).correlation_id).toBe('5ca1ab1e-0000-4000-8000-000000000002');
});
