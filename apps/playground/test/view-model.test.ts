import { getScenario } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { buildSample } from '../src/samples.js';
import { emptyState } from '../src/state.js';
import { unsignedJwt } from '../src/unsigned-jwt.js';
import { buildViewModel } from '../src/view-model.js';

const now = new Date('2026-03-01T12:00:00Z');
const seconds = now.getTime() / 1000;
const graphToken = (claims: Record<string, unknown>) =>
  unsignedJwt({ aud: 'https://graph.microsoft.com', exp: seconds + 3600, ...claims });

describe('buildViewModel', () => {
  it('asks for input when there is none, with a hint for each missing part', () => {
    const view = buildViewModel(emptyState, now);
    expect(view.diagnosis.mode).toBe('empty');
    expect(view.path.every((step) => step.state === 'unknown')).toBe(true);
    expect(view.token).toEqual({ kind: 'none' });
    expect(view.permissions).toEqual({ kind: 'none' });
    expect(view.hints).toHaveLength(3);
    expect(view.hints.join(' ')).toMatch(/error response.*access token.*method and URL/s);
  });

  it('predicts what Graph would answer from a token and a request alone', () => {
    const state = { ...emptyState, token: graphToken({ scp: 'User.Read' }), url: 'https://graph.microsoft.com/v1.0/users' };
    const view = buildViewModel(state, now);
    expect(view.diagnosis).toMatchObject({ mode: 'predicted', scenario: 'insufficient-permissions' });
    expect(view.diagnosis.summary).toMatch(/^Graph would answer 403 Authorization_RequestDenied: /);
    expect(view.path.find((step) => step.state === 'failed')?.id).toBe('permission');
    expect(view.hints).toEqual([expect.stringMatching(/^Paste the error response/) as unknown]);
  });

  it('says a call would be allowed, and by which permission', () => {
    const state = { ...emptyState, token: graphToken({ scp: 'User.Read' }), url: '/me' };
    const view = buildViewModel(state, now);
    expect(view.diagnosis).toMatchObject({ mode: 'allowed', scenario: undefined, title: 'This token would be allowed' });
    expect(view.diagnosis.summary).toContain('User.Read');
    expect(view.path.every((step) => step.state === 'passed')).toBe(true);
  });

  it('decodes a token given alone and shows its claims', () => {
    const view = buildViewModel({ ...emptyState, token: `Bearer ${graphToken({ roles: ['Mail.Read'] })}` }, now);
    expect(view.diagnosis.mode).toBe('token-only');
    expect(view.token.kind === 'decoded' && view.token.rows.map((row) => row.name)).toEqual(['aud', 'roles', 'exp']);
  });

  it('shows why a token is not a JWT', () => {
    const view = buildViewModel({ ...emptyState, token: 'not-a-token' }, now);
    expect(view.token).toEqual({ kind: 'malformed', message: expect.stringMatching(/^IDX14100/) as unknown });
  });

  it('says plainly when it cannot tell, and asks for what would decide', () => {
    const body = JSON.stringify({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } });
    const view = buildViewModel({ ...emptyState, body }, now);
    expect(view.diagnosis.mode).toBe('undetermined');
    expect(view.diagnosis.scenario).toBeUndefined();
    expect(view.hints.join(' ')).toMatch(/HTTP status.*response headers.*access token.*method and URL/s);
  });

  it('explains a received response with the scenario of the core catalog', () => {
    const sample = buildSample('wrong-audience', now);
    const view = buildViewModel(sample, now);
    expect(view.diagnosis).toMatchObject({ mode: 'explained', scenario: 'wrong-audience' });
    expect(view.diagnosis.fix).toContain(getScenario('wrong-audience').fix);
    expect(view.diagnosis.evidence.some((item) => item.source === 'token' && item.field === 'aud')).toBe(true);
    expect(view.path.find((step) => step.state === 'failed')?.id).toBe('audience');
    expect(view.hints).toEqual([]);
  });

  it('does not ask for a token when the token endpoint refused to issue one', () => {
    const view = buildViewModel(buildSample('consent-required', now), now);
    expect(view.diagnosis.scenario).toBe('consent-required');
    expect(view.hints).toEqual([]);
  });
});

describe('buildViewModel with a body alone', () => {
  it('explains an expired-token body pasted without status or headers', () => {
    const body = '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}';
    const view = buildViewModel({ ...emptyState, body }, now);
    expect(view.diagnosis.scenario).toBe('expired-token');
    expect(view.hints[0]).toBe("Status assumed to be 401 from the body's error code; add the HTTP status to be sure.");
  });
});
