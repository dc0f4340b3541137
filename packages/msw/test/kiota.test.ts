/* eslint-disable @typescript-eslint/no-deprecated -- ROPC (username/password) is deprecated, yet the issue asks for it and many test suites still sign in that way. */
/**
 * @microsoft/msgraph-sdk (Kiota), unmodified: every Graph-side scenario surfaces as an ODataError
 * (not an Error: responseStatusCode, errorEscaped.code), and Kiota's CAE retry works against a revoked
 * session: 401 claims challenge -> token requested with the claims -> 200.
 */
import { UsernamePasswordCredential } from '@azure/identity';
import { HttpMethod, RequestInformation, type AuthenticationProvider, type ErrorMappings } from '@microsoft/kiota-abstractions';
import { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';
import { createGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk';
import { createODataErrorFromDiscriminatorValue } from '@microsoft/msgraph-sdk/models/oDataErrors/index.js';
import '@microsoft/msgraph-sdk-users';
import { describe, expect, test } from 'vitest';
import '../src/vitest.js';
import { graphCases } from './support/graph-cases.js';
import { graph, ids, password, useTenant } from './support/tenant.js';

const { tenant, server } = useTenant();
const errorMappings: ErrorMappings = { XXX: createODataErrorFromDiscriminatorValue };

/** Sends a fixed bearer token (or none), as an app that got its token elsewhere would. */
function fixedToken(token: string | undefined): AuthenticationProvider {
  return {
    authenticateRequest: (request) => {
      if (token !== undefined) request.headers.add('Authorization', `Bearer ${token}`);
      return Promise.resolve();
    },
  };
}

describe('every Graph-side scenario as a Kiota ODataError', () => {
  test.each(graphCases)('$scenario -> ODataError $status $code', async (graphCase) => {
    const adapter = new GraphRequestAdapter(fixedToken(await graphCase.token(tenant)));
    const info = new RequestInformation(HttpMethod[graphCase.method], `${graph}${graphCase.path}`);
    if (graphCase.body !== undefined) info.setContentFromParsable(adapter, 'application/json', graphCase.body, (writer, body) => {
      for (const [key, value] of Object.entries(body ?? {})) writer.writeStringValue(key, String(value));
    });
    const error: unknown = await adapter.sendNoResponseContent(info, errorMappings).then(() => undefined, (reason: unknown) => reason);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toMatchObject({ responseStatusCode: graphCase.status, errorEscaped: { code: graphCase.code } });
    expect(error).toBeGraphScenario(graphCase.scenario);
  });

  test('the fluent API surfaces the same: client.me.get() with an app-only token', async () => {
    const client = createGraphServiceClient(new GraphRequestAdapter(fixedToken(await tenant.issueToken({ appId: ids.daemon }))));
    const error: unknown = await client.me.get().then(() => undefined, (reason: unknown) => reason);
    expect(error).toMatchObject({ responseStatusCode: 400, errorEscaped: { code: 'BadRequest' } });
    expect(error).toBeGraphScenario('delegated-only-endpoint');
  });
});

describe('continuous access evaluation with the real SDK', () => {
  test('revoked session: 401 claims challenge, Kiota re-acquires with the claims, the retry succeeds', async () => {
    // Bare 'User.Read': MSAL's cache matches the response's scope, so the second call reuses the (now revoked) token.
    const credential = new UsernamePasswordCredential(ids.tenant, ids.publicClient, 'alice@contoso.onmicrosoft.com', password, { retryOptions: { maxRetries: 0 } });
    const client = createGraphServiceClient(new GraphRequestAdapter(new AzureIdentityAuthenticationProvider(credential, ['User.Read'])));
    const meStatuses: number[] = [];
    const tokenClaims: (string | null)[] = [];
    server.events.on('response:mocked', ({ request, response }) => {
      if (request.url.endsWith('/v1.0/me')) meStatuses.push(response.status);
    });
    server.events.on('request:start', ({ request }) => {
      if (!request.url.includes('/oauth2/v2.0/token')) return;
      void request.clone().text().then((body) => tokenClaims.push(new URLSearchParams(body).get('claims')));
    });
    try {
      expect((await client.me.get())?.id).toBe(ids.alice);
      tenant.revokeSessions(ids.alice);
      const me = await client.me.get();
      expect(me?.userPrincipalName).toBe('alice@contoso.onmicrosoft.com');
    } finally {
      server.events.removeAllListeners();
    }
    expect(meStatuses).toEqual([200, 401, 200]);
    // The first token request declares CP1; a later one carries the challenge's nbf claim.
    expect(tokenClaims[0]).toContain('xms_cc');
    expect(tokenClaims.some((claims) => claims?.includes('"nbf"') === true)).toBe(true);
  });
});
