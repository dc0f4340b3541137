// The published build under node's own test runner (no vitest, no TypeScript): the package resolves
// to dist/ through its exports, as it does for users. Run after `npm run build`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { setupServer } from 'msw/node';
import { createTenant, matchGraphScenario, simulate } from '@graph-authz/msw';

const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const clientId = '11111111-1111-4111-8111-111111111111';
const tenant = createTenant({ tenantId, apps: [{ clientId, clientSecret: 'secret', applicationPermissions: ['User.Read.All'] }], users: [] });
const server = setupServer(...tenant.handlers);

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

test('MSAL client credentials against the emulated tenant, then Graph', async () => {
  const app = new ConfidentialClientApplication({ auth: { clientId, clientSecret: 'secret', authority: `https://login.microsoftonline.com/${tenantId}` } });
  const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
  assert.ok(result);
  const users = await fetch('https://graph.microsoft.com/v1.0/users', { headers: { authorization: `Bearer ${result.accessToken}` } });
  assert.equal(users.status, 200);
  const me = await fetch('https://graph.microsoft.com/v1.0/me', { headers: { authorization: `Bearer ${result.accessToken}` } });
  assert.equal((await matchGraphScenario(me, 'delegated-only-endpoint')).pass, true);
});

test('simulate and the plain matcher', async () => {
  server.use(...simulate('expired-token', { once: true }));
  const response = await fetch('https://graph.microsoft.com/v1.0/users');
  const match = await matchGraphScenario(response, 'wrong-audience');
  assert.equal(match.pass, false);
  assert.equal(match.seen, 'expired-token');
  assert.match(match.message, /Evidence:/);
});
