import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  graphErrorResponse,
  scenarios,
  tokenErrorResponse,
  type ErrorResponseSpec,
  type Scenario,
  type ScenarioId,
} from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { appToken, delegatedToken } from './helpers/jwt.js';
import { runJson } from './helpers/run-cli.js';

/**
 * Every scenario and every variant of the core's catalog, generated with graphErrorResponse /
 * tokenErrorResponse (so the fixtures cannot drift from what the MSW emulator sends), written as
 * `curl -i` prints it, explained by the built binary.
 */
const dir = mkdtempSync(join(tmpdir(), 'graph-authz-cli-'));

/** A 403 tells its cause only with the token and the request; these are the natural ones. */
const forbiddenContext: Partial<Record<ScenarioId, { token: () => string; request: string }>> = {
  'insufficient-permissions': { token: () => delegatedToken({ scp: 'User.Read' }), request: 'GET https://graph.microsoft.com/v1.0/users' },
  'permission-type-mismatch': {
    token: () => delegatedToken({ scp: 'Application.ReadWrite.OwnedBy' }),
    request: 'GET https://graph.microsoft.com/v1.0/applications',
  },
  'app-only-password-reset': {
    token: () => appToken({ roles: ['User.ReadWrite.All'] }),
    request: 'POST https://graph.microsoft.com/v1.0/users/42/changePassword',
  },
  'user-not-authorized': { token: () => delegatedToken({ scp: 'User.ReadWrite.All' }), request: 'PATCH https://graph.microsoft.com/v1.0/users/42' },
};

/**
 * user-not-authorized depends on the signed-in user's roles, which neither a response nor a token
 * shows: the core's explain (rightly) says it cannot tell, and the CLI exits 1.
 */
const notIdentifiable: readonly ScenarioId[] = ['user-not-authorized'];

const reasons: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' };

function curlText(response: ErrorResponseSpec<object>): string {
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${response.status} ${reasons[response.status] ?? ''}`, ...headers, '', JSON.stringify(response.body)].join('\r\n');
}

function responsesOf(scenario: Scenario): { variant: string; response: ErrorResponseSpec<object> }[] {
  if (scenario.side === 'graph') {
    return scenario.variants.map((variant) => ({ variant: variant.key, response: graphErrorResponse(scenario.id, { variant: variant.key }) }));
  }
  return scenario.variants.map((variant) => ({ variant: variant.key, response: tokenErrorResponse(variant.aadsts) }));
}

const cases = scenarios.flatMap((scenario) => responsesOf(scenario).map((entry) => ({ id: scenario.id, ...entry })));

describe.concurrent('graph-authz explain on every catalog response', () => {
  it('covers every scenario of the catalog', () => {
    expect(new Set(cases.map((entry) => entry.id))).toEqual(new Set(scenarios.map((scenario) => scenario.id)));
  });

  it.each(cases)('$id ($variant)', async ({ id, variant, response }) => {
    const file = join(dir, `${id}.${variant}.http`);
    writeFileSync(file, curlText(response));
    const context = forbiddenContext[id];
    const args = context === undefined ? [] : ['--token', context.token(), '--request', context.request];
    const { code, json } = await runJson(['explain', file, ...args]);
    if (notIdentifiable.includes(id)) {
      expect(code).toBe(1);
      expect(json.identified).toBe(false);
      return;
    }
    expect(json.scenario).toBe(id);
    expect(code).toBe(0);
    expect(json.received).toMatchObject({ format: 'http', status: response.status });
  });
});
