import { decodeAccessToken, getScenario, scenarioIds } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { buildSample, randomUuid } from '../src/samples.js';
import { buildViewModel } from '../src/view-model.js';

const now = new Date('2026-03-01T12:00:00Z');

describe('samples', () => {
  it.each(scenarioIds)('the %s sample is diagnosed as its own scenario', (id) => {
    const view = buildViewModel(buildSample(id, now), now);
    expect(view.diagnosis.scenario).toBe(id);
    expect(view.diagnosis.mode).toBe('explained');
    expect(view.diagnosis.title).toBe(getScenario(id).title);
    expect(view.diagnosis.cause).toBe(getScenario(id).cause);
    // explain may put a request-specific sentence before the catalog's fix.
    expect(view.diagnosis.fix).toContain(getScenario(id).fix);
  });

  it.each(scenarioIds)('the %s sample carries the status and code the core catalog gives', (id) => {
    const sample = buildSample(id, now);
    const scenario = getScenario(id);
    const body = JSON.parse(sample.body) as { error: unknown };
    const codes = scenario.side === 'graph' ? scenario.variants.map((v) => v.code) : scenario.variants.map((v) => v.error);
    const code = typeof body.error === 'string' ? body.error : (body.error as { code: string }).code;
    expect(codes).toContain(code);
    expect(sample.status).toBe(String(scenario.side === 'graph' ? scenario.variants.find((v) => v.code === code)?.status : scenario.status));
    expect(sample.headers).toMatch(/^content-type: application\/json/im);
  });

  it('builds sample tokens that decode, unsigned (alg none, empty signature)', () => {
    const raw = buildSample('insufficient-permissions', now).token;
    const token = decodeAccessToken(raw);
    expect(token.header).toEqual({ typ: 'JWT', alg: 'none' });
    expect(raw.endsWith('.')).toBe(true);
    expect(token.kind).toBe('delegated');
    expect(token.audience).toBe('https://graph.microsoft.com');
  });

  it('gives the expired sample a token whose exp is before now, and the others a live one', () => {
    const expired = decodeAccessToken(buildSample('expired-token', now).token);
    const live = decodeAccessToken(buildSample('claims-challenge', now).token);
    expect(expired.expiresAt?.getTime()).toBeLessThan(now.getTime());
    expect(live.expiresAt?.getTime()).toBeGreaterThan(now.getTime());
    expect(live.clientCapabilities).toEqual(['CP1']);
  });

  it('sends no token in the samples of a missing token or a refused token request', () => {
    for (const id of ['missing-token', 'interaction-required', 'consent-required', 'invalid-scope-for-flow', 'multiple-resources'] as const) {
      expect(buildSample(id, now).token).toBe('');
    }
  });

  it('puts the challenge of the CAE sample in WWW-Authenticate', () => {
    expect(buildSample('claims-challenge', now).headers).toMatch(/^www-authenticate: Bearer .*error="insufficient_claims"/im);
  });
});

describe('sample token-endpoint responses', () => {
  it('fill every slot of the description with sample values', () => {
    for (const id of ['interaction-required', 'consent-required', 'invalid-scope-for-flow', 'multiple-resources'] as const) {
      const body = JSON.parse(buildSample(id, now).body) as { error_description: string };
      expect(body.error_description).not.toMatch(/\{\w+\}/);
    }
    expect(buildSample('consent-required', now).body).toContain("named 'Contoso sample app'");
  });
});

describe('randomUuid', () => {
  it('makes distinct version-4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 50 }, randomUuid));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
