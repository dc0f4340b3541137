/**
 * The emulated Graph over plain fetch: every Graph-side scenario with the catalog's exact answer,
 * realistic successes, CAE after revokeSessions, the tenant clock, and failures that stay failures.
 */
import { getScenario, graphErrorResponse, type GraphScenario } from '@graph-authz/core';
import { HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { createTenant } from '../src/index.js';
import { graphCases } from './support/graph-cases.js';
import { getGraph, ids, tenantConfig, useTenant } from './support/tenant.js';

const { tenant, server } = useTenant({
  routes: ({ path, method }) => {
    if (method === 'GET' && path === `/users/${ids.alice}/messages`) return { value: [{ id: 'm1', subject: 'Hello' }] };
    if (path === '/teapot') return new HttpResponse('short and stout', { status: 418 });
    if (path === '/boom') throw new Error('resolver exploded');
    return undefined;
  },
});

describe('every Graph-side scenario through fetch', () => {
  test.each(graphCases)('$scenario: $method $path -> $status $code', async (graphCase) => {
    const token = await graphCase.token(tenant);
    const init: RequestInit = { method: graphCase.method, headers: { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001', 'content-type': 'application/json' } };
    if (graphCase.body !== undefined) init.body = JSON.stringify(graphCase.body);
    const response = await getGraph(graphCase.path, token, init);
    const scenario = getScenario(graphCase.scenario) as GraphScenario;
    expect(response.status).toBe(graphCase.status);
    const error = response.body.error as { code: string; message: string; innerError: Record<string, string> };
    expect(error.code).toBe(graphCase.code);
    expect(scenario.variants.map((variant) => variant.message)).toContain(error.message);
    expect(error.innerError['client-request-id']).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(response.headers.get('request-id')).toBe(error.innerError['request-id']);
    const expectedHeader = graphErrorResponse(graphCase.scenario).headers['www-authenticate'];
    if (graphCase.scenario === 'claims-challenge') {
      expect(response.headers.get('www-authenticate')).toMatch(/error="insufficient_claims", claims="[A-Za-z0-9+/=]+"/);
    } else {
      expect(response.headers.get('www-authenticate') ?? undefined).toBe(expectedHeader);
    }
  });
});

describe('successful calls', () => {
  test('/users lists the tenant (work accounts), /users/{upn} and /me return the user', async () => {
    const appToken = await tenant.issueToken({ appId: ids.daemon });
    const users = await getGraph('/users', appToken);
    expect(users.status).toBe(200);
    expect(users.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users');
    const value = users.body.value as { id: string; userPrincipalName: string }[];
    expect(value.map((user) => user.id)).toEqual([ids.alice, ids.admin, ids.dave, ids.eve]);
    expect((await getGraph('/users/admin@contoso.onmicrosoft.com', appToken)).body).toMatchObject({ id: ids.admin, displayName: 'Ada Admin', givenName: 'Ada', surname: 'Admin' });
    expect((await getGraph(`/users/${ids.unknownApp}`, appToken)).status).toBe(404);
    const aliceToken = await tenant.issueToken({ appId: ids.publicClient, userId: ids.alice, scopes: ['User.Read'] });
    expect((await getGraph('/me', aliceToken)).body).toMatchObject({ id: ids.alice, userPrincipalName: 'alice@contoso.onmicrosoft.com', mail: 'alice@contoso.onmicrosoft.com' });
  });

  test('routes resolver answers other calls; unknown reads are an empty OData collection, writes 204', async () => {
    const token = await tenant.issueToken({ appId: ids.daemon, roles: ['Mail.Read', 'User.ReadWrite.All'] });
    expect((await getGraph(`/users/${ids.alice}/messages`, token)).body).toEqual({ value: [{ id: 'm1', subject: 'Hello' }] });
    expect((await getGraph(`/users/${ids.admin}/messages`, token)).body).toEqual({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value: [] });
    const patch = await fetch(`https://graph.microsoft.com/v1.0/users/${ids.alice}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ jobTitle: 'x' }) });
    expect(patch.status).toBe(204);
    const teapot = await fetch('https://graph.microsoft.com/beta/teapot', { headers: { authorization: `Bearer ${token}` } });
    expect(teapot.status).toBe(418);
  });

  test('a resolver exception answers 500 with an error body', async () => {
    const token = await tenant.issueToken({ appId: ids.daemon });
    const response = await getGraph('/boom', token);
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({ code: 'InternalServerError', message: expect.stringContaining('resolver exploded') as string });
  });

  test.each(['https://graph.microsoft.us/v1.0/users', 'https://microsoftgraph.chinacloudapi.cn/beta/users', 'https://canary.graph.microsoft.com/v1.0/users'])(
    'national cloud and beta hosts are Graph too: %s',
    async (url) => {
      expect((await fetch(url)).status).toBe(401);
    },
  );

  test('a personal account is fine where personal accounts are supported', async () => {
    const token = await tenant.issueToken({ appId: ids.publicClient, userId: ids.carol, scopes: ['User.Read'] });
    expect((await getGraph('/me', token)).status).toBe(200);
  });
});

describe('continuous access evaluation', () => {
  test('after revokeSessions a CAE token is challenged, a non-CAE token keeps working until it expires', async () => {
    const cae = await tenant.issueToken({ appId: ids.publicClient, userId: ids.admin, scopes: ['User.Read'], cae: true });
    const plain = await tenant.issueToken({ appId: ids.publicClient, userId: ids.admin, scopes: ['User.Read'], cae: false });
    expect((await getGraph('/me', cae)).status).toBe(200);
    tenant.revokeSessions(ids.admin);
    const challenged = await getGraph('/me', cae);
    expect(challenged.status).toBe(401);
    const header = challenged.headers.get('www-authenticate') ?? '';
    const claims = JSON.parse(Buffer.from(/claims="([^"]+)"/.exec(header)?.[1] ?? '', 'base64').toString()) as { access_token: { nbf: { essential: boolean; value: string } } };
    expect(claims.access_token.nbf.essential).toBe(true);
    expect((await getGraph('/me', plain)).status).toBe(200);
    const fresh = await tenant.issueToken({ appId: ids.publicClient, userId: ids.admin, scopes: ['User.Read'], cae: true });
    expect((await getGraph('/me', fresh)).status).toBe(200);
  });
});

describe('the tenant clock', () => {
  test('setTime moves token lifetimes: valid within the skew, expired after it', async () => {
    const clocked = createTenant(tenantConfig({ clockSkewSeconds: 300 }));
    server.use(...clocked.handlers);
    const start = new Date('2030-01-01T00:00:00Z');
    clocked.setTime(start);
    const token = await clocked.issueToken({ appId: ids.daemon });
    clocked.setTime(new Date(start.getTime() + 3600_000 + 299_000));
    expect((await getGraph('/users', token)).status).toBe(200);
    clocked.setTime(new Date(start.getTime() + 3600_000 + 301_000));
    const expired = await getGraph('/users', token);
    expect(expired.status).toBe(401);
    expect((expired.body.error as { message: string }).message).toMatch(/Lifetime validation failed/);
    clocked.setTime(new Date(start.getTime() - 301_000));
    expect((await getGraph('/users', token)).status).toBe(401);
  });

  test('setTime(undefined) gives the clock back: a token minted now is valid again', async () => {
    const clocked = createTenant(tenantConfig());
    server.use(...clocked.handlers);
    const token = await clocked.issueToken({ appId: ids.daemon });
    clocked.setTime(new Date(Date.now() + 2 * 3600_000));
    expect((await getGraph('/users', token)).status).toBe(401);
    clocked.setTime(undefined);
    expect((await getGraph('/users', token)).status).toBe(200);
  });
});
