/**
 * The matchers: what each client's error looks like to `explain`, and failure messages that name
 * the scenario seen instead, with the evidence.
 */
import { graphErrorResponse, tokenErrorResponse } from '@graph-authz/core';
import { describe, expect, test } from 'vitest';
import { matchGraphScenario } from '../src/index.js';
import '../src/vitest.js';
import { ids, useTenant } from './support/tenant.js';

const { tenant } = useTenant();

function asResponse(spec: { status: number; headers: Record<string, string>; body: unknown }): Response {
  return new Response(JSON.stringify(spec.body), { status: spec.status, headers: spec.headers });
}

describe('matchGraphScenario (any runner)', () => {
  test('a fetch Response of the expected scenario passes', async () => {
    const match = await matchGraphScenario(asResponse(graphErrorResponse('expired-token')), 'expired-token');
    expect(match).toMatchObject({ pass: true, expected: 'expired-token', seen: 'expired-token' });
  });

  test('a mismatch names the scenario seen instead, with the evidence', async () => {
    const match = await matchGraphScenario(asResponse(graphErrorResponse('expired-token')), 'wrong-audience');
    expect(match.pass).toBe(false);
    expect(match.seen).toBe('expired-token');
    expect(match.message).toMatch(/expected fetch Response to be 'wrong-audience' \(.+\), but it is 'expired-token'/);
    expect(match.message).toContain('Evidence:');
    expect(match.message).toContain('Lifetime validation failed');
  });

  test('Kiota ODataError shape (not an Error; errorEscaped, responseHeaders as arrays)', async () => {
    const spec = graphErrorResponse('claims-challenge');
    const odataError = {
      responseStatusCode: 401,
      responseHeaders: Object.fromEntries(Object.entries(spec.headers).map(([key, value]) => [key, [value]])),
      errorEscaped: { code: spec.body.error.code, message: spec.body.error.message },
      additionalData: {},
    };
    expect((await matchGraphScenario(odataError, 'claims-challenge')).pass).toBe(true);
  });

  test('@azure/identity AuthenticationError shape (statusCode, errorResponse)', async () => {
    const body = tokenErrorResponse('consent-required').body;
    const error = Object.assign(new Error('consent'), { statusCode: 400, errorResponse: { error: body.error, errorDescription: body.error_description, errorCodes: body.error_codes } });
    expect((await matchGraphScenario(error, 'consent-required')).pass).toBe(true);
  });

  test('a wrapped error is found through cause', async () => {
    const inner = Object.assign(new Error('x'), { errorCode: 'invalid_scope', errorMessage: tokenErrorResponse('multiple-resources').body.error_description, errorNo: 28000 });
    const outer = new Error('CredentialUnavailableError: wrapped', { cause: inner });
    expect((await matchGraphScenario(outer, 'multiple-resources')).pass).toBe(true);
  });

  test('something no client throws is reported as such', async () => {
    const match = await matchGraphScenario(new Error('socket hang up'), 'expired-token');
    expect(match.pass).toBe(false);
    expect(match.message).toMatch(/no error response any supported client produces/);
    expect((await matchGraphScenario(42, 'expired-token')).pass).toBe(false);
  });

  test('the 403s share a payload: without context it matches any of them; with the token and request, only the right one', async () => {
    const forbidden = graphErrorResponse('insufficient-permissions');
    const plain = { status: forbidden.status, headers: forbidden.headers, body: forbidden.body };
    expect((await matchGraphScenario(plain, 'permission-type-mismatch')).pass).toBe(true);
    expect((await matchGraphScenario(plain, 'expired-token')).pass).toBe(false);
    const token = await tenant.issueToken({ appId: ids.daemon, roles: ['User.Read'] });
    const context = { token, request: { method: 'GET', url: `https://graph.microsoft.com/v1.0/users/${ids.alice}` } };
    expect((await matchGraphScenario(plain, 'permission-type-mismatch', context)).pass).toBe(true);
    const wrong = await matchGraphScenario(plain, 'insufficient-permissions', context);
    expect(wrong.pass).toBe(false);
    expect(wrong.seen).toBe('permission-type-mismatch');
  });
});

describe('toBeGraphScenario (vitest)', () => {
  test('passes, negates, and fails with the scenario seen', () => {
    const error = Object.assign(new Error(graphErrorResponse('wrong-audience').body.error.message), { statusCode: 401, code: 'InvalidAuthenticationToken', body: JSON.stringify(graphErrorResponse('wrong-audience').body.error), headers: new Headers(graphErrorResponse('wrong-audience').headers) });
    expect(error).toBeGraphScenario('wrong-audience');
    expect(error).not.toBeGraphScenario('expired-token');
    expect(() => {
      expect(error).toBeGraphScenario('expired-token');
    }).toThrow(/but it is 'wrong-audience'[\s\S]*Invalid audience/);
  });

  test('a Response is awaited', async () => {
    await expect(asResponse(graphErrorResponse('delegated-only-endpoint'))).toBeGraphScenario('delegated-only-endpoint');
    await expect(expect(asResponse(graphErrorResponse('delegated-only-endpoint'))).toBeGraphScenario('missing-token')).rejects.toThrow(/but it is 'delegated-only-endpoint'/);
  });
});
