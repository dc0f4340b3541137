/**
 * @microsoft/microsoft-graph-client 3, unmodified: every Graph-side scenario surfaces as a
 * GraphError with Graph's statusCode and code; a token from @azure/identity succeeds.
 */
import { ClientSecretCredential } from '@azure/identity';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { describe, expect, test } from 'vitest';
import '../src/vitest.js';
import { graphCases } from './support/graph-cases.js';
import { graph, ids, secrets, useTenant } from './support/tenant.js';

const { tenant } = useTenant();

function clientWith(token: string | undefined): Client {
  return Client.initWithMiddleware({ authProvider: { getAccessToken: () => Promise.resolve(token ?? '') }, defaultVersion: 'v1.0' });
}

describe('every Graph-side scenario as a GraphError', () => {
  test.each(graphCases)('$scenario -> GraphError $status $code', async (graphCase) => {
    const token = await graphCase.token(tenant);
    const request = clientWith(token).api(graphCase.path);
    const call = graphCase.method === 'GET' ? request.get() : graphCase.method === 'POST' ? request.post(graphCase.body) : request.patch(graphCase.body);
    const error: unknown = await call.then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: graphCase.status, code: graphCase.code });
    // With the token and the request, explain tells apart even the 403s that share one payload.
    // Opaque personal-account tokens cannot be read by anyone but Microsoft: they are no context.
    const context = token === undefined || token.startsWith('EwA') ? {} : { token, request: { method: graphCase.method, url: `${graph}${graphCase.path}`, ...(graphCase.body === undefined ? {} : { body: graphCase.body }) } };
    expect(error).toBeGraphScenario(graphCase.scenario, graphCase.scenario === 'claims-challenge' ? {} : context);
  });
});

describe('success', () => {
  test('TokenCredentialAuthenticationProvider with ClientSecretCredential lists the tenant users', async () => {
    const credential = new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, { retryOptions: { maxRetries: 0 } });
    const client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] }) });
    const users = (await client.api('/users').get()) as { value: { userPrincipalName: string }[] };
    expect(users.value.map((user) => user.userPrincipalName)).toContain('alice@contoso.onmicrosoft.com');
    const admin = (await client.api(`/users/${ids.admin}`).get()) as { displayName: string };
    expect(admin.displayName).toBe('Ada Admin');
  });
});
