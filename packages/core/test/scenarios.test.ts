import { describe, expect, it } from 'vitest';
import {
  aadstsErrors, getScenario, graphBearerChallenge, graphErrorResponse, isScenarioId, scenarioIds, scenarios,
  tokenErrorResponse, InvalidArgumentError, UnknownScenarioError,
} from '../src/index.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const date = new Date('2024-01-01T00:00:00.123Z');

describe('the scenario catalog', () => {
  it('holds exactly the scenario ids, in order, each with its text and docs on learn.microsoft.com', () => {
    expect(scenarios.map((scenario) => scenario.id)).toEqual([...scenarioIds]);
    for (const scenario of scenarios) {
      expect(scenario.title.length, scenario.id).toBeGreaterThan(5);
      expect(scenario.cause.length, scenario.id).toBeGreaterThan(40);
      expect(scenario.fix.length, scenario.id).toBeGreaterThan(40);
      expect(scenario.docs.length, scenario.id).toBeGreaterThan(0);
      for (const link of scenario.docs) expect(link.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(scenario.variants.length, scenario.id).toBeGreaterThan(0);
    }
  });

  it('puts the token-endpoint scenarios on the token endpoint with their AADSTS codes', () => {
    const sides = Object.fromEntries(scenarios.map((scenario) => [scenario.id, scenario.side]));
    expect(sides['interaction-required']).toBe('token-endpoint');
    expect(sides['multiple-resources']).toBe('token-endpoint');
    expect(sides['wrong-audience']).toBe('graph');
    const interaction = getScenario('interaction-required');
    expect(interaction.side === 'token-endpoint' && interaction.variants.map((variant) => variant.aadsts)).toEqual([50076, 50079, 53003]);
    for (const code of [50076, 53003, 65001, 1002012, 70011, 28000, 7000215, 700016]) expect(aadstsErrors[code]).toBeDefined();
    expect(aadstsErrors[7000215]?.status).toBe(401);
    expect(aadstsErrors[65001]?.suberror).toBe('consent_required');
  });

  it('answers getScenario and isScenarioId, and names unknown ids', () => {
    expect(getScenario('expired-token').side).toBe('graph');
    expect(isScenarioId('expired-token')).toBe(true);
    expect(isScenarioId('Expired-Token')).toBe(false);
    expect(isScenarioId(42)).toBe(false);
    expect(() => getScenario('token-expired')).toThrow(UnknownScenarioError);
    expect(() => getScenario('token-expired')).toThrow(/token-expired/);
  });
});

describe('graphErrorResponse', () => {
  const expected: Record<string, [number, string, string]> = {
    'missing-token': [401, 'InvalidAuthenticationToken', 'Access token is empty.'],
    'invalid-token': [401, 'InvalidAuthenticationToken', 'Access token validation failure.'],
    'expired-token': [401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'],
    'wrong-audience': [401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'],
    'insufficient-permissions': [403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
    'delegated-only-endpoint': [400, 'BadRequest', '/me request is only valid with delegated authentication flow.'],
  };

  it.each(Object.entries(expected))('builds %s exactly as Graph sends it', (id, [status, code, message]) => {
    if (!isScenarioId(id)) throw new Error(id);
    const response = graphErrorResponse(id, { date, requestId: 'r-1', clientRequestId: 'c-1' });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message, innerError: { date: '2024-01-01T00:00:00', 'request-id': 'r-1', 'client-request-id': 'c-1' } } });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['www-authenticate']).toBe(status === 401 ? graphBearerChallenge : undefined);
  });

  it('sends the IDX14100 wording for a malformed token', () => {
    const { body } = graphErrorResponse('malformed-token');
    expect(body.error.message).toBe(
      "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EncodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.",
    );
  });

  it('carries Graph\'s WWW-Authenticate on every 401', () => {
    expect(graphBearerChallenge).toBe('Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"');
    for (const scenario of scenarios) {
      if (scenario.side !== 'graph' || scenario.status !== 401) continue;
      expect(graphErrorResponse(scenario.id).headers['www-authenticate'], scenario.id).toMatch(/^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.com\/common\/oauth2\/authorize"/);
    }
  });

  it('picks the 403 flavour of the workload', () => {
    expect(graphErrorResponse('insufficient-permissions', { workload: 'outlook' }).body.error).toMatchObject({ code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
    expect(graphErrorResponse('insufficient-permissions', { workload: 'files' }).body.error).toMatchObject({ code: 'accessDenied', message: 'Access denied' });
    expect(graphErrorResponse('user-not-authorized', { variant: 'outlook' }).body.error.code).toBe('ErrorAccessDenied');
    // A workload does not change scenarios that have one shape.
    expect(graphErrorResponse('delegated-only-endpoint', { workload: 'files' }).status).toBe(400);
  });

  it('builds a CAE claims challenge whose claims decode to an nbf request', () => {
    const response = graphErrorResponse('claims-challenge', { date });
    const header = response.headers['www-authenticate'] ?? '';
    expect(response.status).toBe(401);
    expect(header).toMatch(/^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.com\/common\/oauth2\/authorize", error="insufficient_claims", claims="[A-Za-z0-9+/=]+"$/);
    const encoded = /claims="([^"]+)"/.exec(header)?.[1] ?? '';
    expect(JSON.parse(atob(encoded))).toEqual({ access_token: { nbf: { essential: true, value: '1704067200' } } });
    expect(response.body.error.message).toBe('Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp');
    const custom = graphErrorResponse('claims-challenge', { claims: '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}' });
    expect(custom.headers['www-authenticate']).toContain(`claims="${btoa('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}')}"`);
  });

  it('uses fresh GUIDs, echoes the client-request-id, and takes a message override', () => {
    const first = graphErrorResponse('expired-token');
    const second = graphErrorResponse('expired-token');
    expect(first.headers['request-id']).toMatch(uuid);
    expect(first.headers['request-id']).not.toBe(second.headers['request-id']);
    expect(first.body.error.innerError['client-request-id']).toBe(first.headers['request-id']);
    expect(graphErrorResponse('expired-token', { clientRequestId: 'mine' }).headers['client-request-id']).toBe('mine');
    expect(graphErrorResponse('expired-token', { message: 'Other.' }).body.error.message).toBe('Other.');
    expect(first.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('refuses token-endpoint scenarios and unknown variants with typed errors', () => {
    expect(() => graphErrorResponse('consent-required')).toThrow(InvalidArgumentError);
    expect(() => graphErrorResponse('expired-token', { variant: 'nope' })).toThrow(/no variant "nope"/);
    expect(() => graphErrorResponse('nope' as 'expired-token')).toThrow(UnknownScenarioError);
  });
});

describe('tokenErrorResponse', () => {
  const ids = { traceId: 't-1', correlationId: 'c-1', timestamp: date };

  it.each([
    [50076, 400, 'interaction_required', "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."],
    [53003, 400, 'interaction_required', 'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'],
    [1002012, 400, 'invalid_scope', 'AADSTS1002012: The provided value for scope {scope} is not valid.'],
    [28000, 400, 'invalid_scope', 'AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.'],
    [7000215, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.'],
    [700016, 400, 'unauthorized_client', "AADSTS700016: Application with identifier '{appId}' was not found in the directory 'common'."],
  ] as const)('builds AADSTS%i with the token endpoint\'s exact shape', (code, status, error, start) => {
    const response = tokenErrorResponse(code, ids);
    expect(response.status).toBe(status);
    expect(response.body.error).toBe(error);
    expect(response.body.error_description.startsWith(start)).toBe(true);
    expect(response.body.error_description.endsWith('\r\nTrace ID: t-1\r\nCorrelation ID: c-1\r\nTimestamp: 2024-01-01 00:00:00Z')).toBe(true);
    expect(response.body).toMatchObject({ error_codes: [code], timestamp: '2024-01-01 00:00:00Z', trace_id: 't-1', correlation_id: 'c-1', error_uri: `https://login.microsoftonline.com/error?code=${String(code)}` });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('builds a scenario by id, with suberror, claims, slot values and detail', () => {
    const consent = tokenErrorResponse('consent-required', { values: { appId, appName: 'Contoso' } });
    expect(consent.body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
    expect(consent.body.error_description).toContain(`application with ID '${appId}' named 'Contoso'`);
    expect(consent.body.trace_id).toMatch(uuid);
    const scope = tokenErrorResponse('invalid-scope-for-flow', { values: { scope: 'User.Read.All' } });
    expect(scope.body.error_description).toContain('The provided value for scope User.Read.All is not valid.');
    const mfa = tokenErrorResponse('interaction-required', { claims: '{"access_token":{"capolids":{"essential":true,"values":["x"]}}}', suberror: 'basic_action' });
    expect(mfa.body).toMatchObject({ error: 'interaction_required', suberror: 'basic_action', claims: '{"access_token":{"capolids":{"essential":true,"values":["x"]}}}' });
    expect(tokenErrorResponse(28000, { detail: 'Custom text.' }).body.error_description.startsWith('AADSTS28000: Custom text.\r\n')).toBe(true);
    expect('suberror' in tokenErrorResponse(28000).body).toBe(false);
  });

  it('refuses Graph scenarios and unknown codes with typed errors', () => {
    expect(() => tokenErrorResponse('expired-token')).toThrow(InvalidArgumentError);
    expect(() => tokenErrorResponse(12345)).toThrow(/AADSTS12345 is not in the catalog/);
  });
});

const appId = '11112222-bbbb-3333-cccc-4444dddd5555';
