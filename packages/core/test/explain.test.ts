import { describe, expect, it } from 'vitest';
import { explain, graphErrorResponse, InvalidArgumentError, scenarios, tokenErrorResponse, type Evidence, type ScenarioId } from '../src/index.js';
import { appToken, delegatedToken, now } from './tokens.js';

const graph = 'https://graph.microsoft.com/v1.0';

function field(evidence: readonly Evidence[], name: string): string | undefined {
  return evidence.find((item) => item.field === name)?.value;
}

describe('explain recognises every payload of the catalog by itself', () => {
  // Without context, these Graph scenarios are told apart by their payload alone.
  const selfEvident: ScenarioId[] = [
    'missing-token', 'malformed-token', 'invalid-token', 'expired-token', 'wrong-audience',
    'personal-account-not-supported', 'app-only-password-reset', 'delegated-only-endpoint', 'claims-challenge',
  ];

  it.each(selfEvident)('%s (body object, headers record)', (id) => {
    const response = graphErrorResponse(id, id === 'app-only-password-reset' ? { variant: 'change-password' } : {});
    const explanation = explain(response);
    expect(explanation.scenario).toBe(id);
    expect(explanation.fix).toBe(scenarios.find((scenario) => scenario.id === id)?.fix);
    expect(explanation.docs.length).toBeGreaterThan(0);
    expect(field(explanation.evidence, 'error.code')).toBe(response.body.error.code);
  });

  it.each(scenarios.filter((scenario) => scenario.side === 'token-endpoint').flatMap((scenario) =>
    scenario.variants.map((variant) => [scenario.id, variant.aadsts] as const)))('%s from AADSTS%i (JSON text body)', (id, code) => {
    const response = tokenErrorResponse(code);
    const explanation = explain({ status: response.status, headers: new Headers(response.headers), body: JSON.stringify(response.body) });
    expect(explanation.scenario).toBe(id);
    expect(field(explanation.evidence, 'error_codes')).toBe(`AADSTS${String(code)}`);
    expect(explanation.summary).toContain(explanation.title);
  });

  it('reads the AADSTS code from the description when error_codes is missing', () => {
    const body = { error: 'invalid_scope', error_description: 'AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.' };
    expect(explain({ status: 400, body }).scenario).toBe('multiple-resources');
    expect(explain({ status: 400, body: { error: 'invalid_grant', suberror: 'consent_required' } }).scenario).toBe('consent-required');
  });

  it('decodes the claims of a CAE challenge from WWW-Authenticate (Headers object)', () => {
    const response = graphErrorResponse('claims-challenge', { date: new Date('2024-01-01T00:00:00Z') });
    const explanation = explain({ status: 401, headers: new Headers(response.headers), body: response.body });
    expect(explanation.scenario).toBe('claims-challenge');
    expect(field(explanation.evidence, 'www-authenticate claims')).toBe('{"access_token":{"nbf":{"essential":true,"value":"1704067200"}}}');
    // The header alone is enough, whatever the body says.
    expect(explain({ status: 401, headers: { 'WWW-Authenticate': response.headers['www-authenticate'] } }).scenario).toBe('claims-challenge');
  });

  it('recognises the observed variants: legacy IDX14100 wording, CompactToken, OneNote 40001', () => {
    for (const variant of ['no-dots-legacy', 'compact-token']) {
      expect(explain(graphErrorResponse('malformed-token', { variant })).scenario).toBe('malformed-token');
    }
    expect(explain(graphErrorResponse('personal-account-not-supported', { variant: 'onenote' })).scenario).toBe('personal-account-not-supported');
  });
});

describe('explain says plainly when it cannot tell', () => {
  it('a 500', () => {
    const explanation = explain({ status: 500, body: { error: { code: 'generalException', message: 'General exception while processing' } } });
    expect(explanation.scenario).toBeUndefined();
    expect(explanation.fix).toBeUndefined();
    expect(explanation.summary).toMatch(/^Cannot tell/);
  });

  it('a 403 without token or request', () => {
    const explanation = explain(graphErrorResponse('insufficient-permissions', { workload: 'outlook' }));
    expect(explanation.scenario).toBeUndefined();
    expect(explanation.summary).toContain('pass the token and the request');
  });

  it('a 403 with only the token still shows what the token carries', async () => {
    const explanation = explain(graphErrorResponse('insufficient-permissions'), { token: await appToken(['Mail.Send']) });
    expect(explanation.scenario).toBeUndefined();
    expect(field(explanation.evidence, 'roles')).toBe('Mail.Send');
  });

  it('a response without an integer status is a typed error', () => {
    expect(() => explain({ status: '401' } as unknown as { status: number })).toThrow(InvalidArgumentError);
    expect(() => explain(null as unknown as { status: number })).toThrow(/integer status/);
  });

  it('an empty or non-JSON body', () => {
    expect(explain({ status: 401, body: 'Unauthorized' }).scenario).toBeUndefined();
    expect(explain({ status: 401 }).scenario).toBeUndefined();
  });

  it('a token-endpoint error outside the scenarios, with a fix still', () => {
    const explanation = explain(tokenErrorResponse(7000215));
    expect(explanation.scenario).toBeUndefined();
    expect(explanation.title).toContain('AADSTS7000215');
    expect(explanation.fix).toContain('Value');
  });
});

describe('explain uses the token and the request to sharpen', () => {
  it('passes the user facts to evaluate: a 403 on mail for a user without a mailbox is user-not-authorized', async () => {
    const token = await delegatedToken('Mail.Read');
    const request = { method: 'GET', url: `${graph}/me/messages` };
    const response = graphErrorResponse('insufficient-permissions', { workload: 'outlook' });
    const withoutFacts = explain(response, { token, request, now });
    const withFacts = explain(response, { token, request, now, user: { hasMailbox: false } });
    expect(withoutFacts.scenario).not.toBe('user-not-authorized');
    expect(withFacts.scenario).toBe('user-not-authorized');
  });

  it('a 403 + app token + resetPassword is an app-only password reset', async () => {
    const request = { method: 'POST', url: `${graph}/users/u1/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword` };
    const explanation = explain(graphErrorResponse('insufficient-permissions'), { token: await appToken(['UserAuthenticationMethod.ReadWrite.All']), request, now });
    expect(explanation.scenario).toBe('app-only-password-reset');
    expect(field(explanation.evidence, 'roles')).toBe('UserAuthenticationMethod.ReadWrite.All');
  });

  it('judges a 403 while its token was valid: Graph accepted it, so a token expired since is no expired-token', async () => {
    const request = { method: 'POST', url: `${graph}/users/u1/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword` };
    const token = await appToken(['UserAuthenticationMethod.ReadWrite.All']); // expired long before the real clock reads now
    expect(explain(graphErrorResponse('insufficient-permissions'), { token, request }).scenario).toBe('app-only-password-reset');
    expect(explain(graphErrorResponse('invalid-token'), { token, request }).scenario).toBe('expired-token');
  });

  it('a 403 + token lacking the scope lists what it has and what would grant it', async () => {
    const explanation = explain(graphErrorResponse('insufficient-permissions', { workload: 'outlook' }), {
      token: await delegatedToken('User.Read openid profile'), request: { method: 'GET', url: `${graph}/me/messages` }, now,
    });
    expect(explanation.scenario).toBe('insufficient-permissions');
    expect(field(explanation.evidence, 'scp')).toBe('User.Read openid profile');
    expect(field(explanation.evidence, 'would grant')).toContain('DelegatedWork: Mail.ReadBasic');
    expect(explanation.summary).toContain('least privileged: Mail.ReadBasic');
    expect(explanation.fix).toMatch(/^For this call grant Mail\.ReadBasic \(a delegated permission\)/);
  });

  it('a 401 Invalid audience names the token\'s aud', async () => {
    const token = await delegatedToken('User.Read', { aud: 'https://graph.windows.net' });
    const explanation = explain(graphErrorResponse('wrong-audience'), { token, request: { method: 'GET', url: `${graph}/me` }, now });
    expect(explanation.scenario).toBe('wrong-audience');
    expect(field(explanation.evidence, 'aud')).toBe('https://graph.windows.net');
  });

  it('a generic validation failure becomes the cause the token shows', async () => {
    const token = await delegatedToken('User.Read', { aud: 'https://management.azure.com' });
    expect(explain(graphErrorResponse('invalid-token'), { token, request: { method: 'GET', url: `${graph}/me` }, now }).scenario).toBe('wrong-audience');
  });

  it('keeps the payload\'s answer when context disagrees on the status', async () => {
    const token = await delegatedToken('User.Read');
    // evaluate would allow this call; the payload still says the token expired.
    expect(explain(graphErrorResponse('expired-token'), { token, request: { method: 'GET', url: `${graph}/me` }, now }).scenario).toBe('expired-token');
    // A 403 for a call the token grants: the catalog cannot see why (resource ACLs, ownership).
    expect(explain(graphErrorResponse('insufficient-permissions'), { token, request: { method: 'GET', url: `${graph}/me` }, now }).scenario).toBeUndefined();
  });

  it('reports a token that is not a JWT as evidence', () => {
    const explanation = explain(graphErrorResponse('malformed-token'), { token: 'not-a-jwt', request: { method: 'GET', url: `${graph}/me` } });
    expect(explanation.scenario).toBe('malformed-token');
    expect(explanation.evidence.some((item) => item.source === 'token' && item.note.startsWith('Not a JWT'))).toBe(true);
  });
});
