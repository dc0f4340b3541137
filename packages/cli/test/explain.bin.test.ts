import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { delegatedToken } from './helpers/jwt.js';
import { fixture, runCli, runJson } from './helpers/run-cli.js';

// Payloads as users paste them (fixtures/: literal captures of Graph and the token endpoint).
describe('graph-authz explain on real payload shapes', () => {
  it('curl -i of an expired token, with the token: expired-token, judged at the Date header', async () => {
    const { code, json } = await runJson(['explain', fixture('graph-401-expired.http'), '--token', `@${fixture('token-delegated-expired.jwt')}`]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ identified: true, scenario: 'expired-token', received: { format: 'http', status: 401, statusSource: 'input' } });
    expect(json.evidence).toContainEqual(expect.objectContaining({ source: 'token', field: 'exp', value: '2026-11-24T10:15:00.000Z' }));
  });

  it('a bare 403 body cannot be told apart: exit 1 and the reason, status from the catalog', async () => {
    const result = await runCli(['explain', fixture('graph-403-insufficient-privileges.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Could not identify the scenario');
    expect(result.stdout).toContain('pass the token and the request to tell which');
    expect(result.stdout).toContain('status 403 taken from the catalog');
  });

  it('the same 403 body with --token and --request: insufficient-permissions, least privileged named', async () => {
    // A bare body carries no time, so the token is judged now: a fresh one, as when the user is debugging live.
    const token = delegatedToken({ scp: 'User.Read' });
    const result = await runCli(['explain', fixture('graph-403-insufficient-privileges.json'), '--token', `Bearer ${token}`, '--request', 'GET https://graph.microsoft.com/v1.0/users']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(insufficient-permissions)');
    expect(result.stdout).toContain('User.ReadBasic.All');
  });

  it('a 403 body pasted later with the token it used: judged at its issue time, not "expired"', async () => {
    const result = await runCli(['explain', fixture('graph-403-insufficient-privileges.json'), '--token', `@${fixture('token-delegated-expired.jwt')}`, '--request', 'GET /v1.0/users']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(insufficient-permissions)');
    expect(result.stdout).toContain('token judged at 2026-11-24 09:00:00 UTC, its issue time: Graph answered 403, so it had accepted the token');
  });

  it('a bare 401 body with an old token: judged now, so expired', async () => {
    const body = readFileSync(fixture('graph-401-expired.http'), 'utf8').split(/\r?\n\r?\n/)[1] ?? '';
    const { code, json } = await runJson(['explain', '-', '--token', `@${fixture('token-delegated-expired.jwt')}`], { input: body });
    expect(code).toBe(0);
    expect(json).toMatchObject({ scenario: 'expired-token', received: { format: 'json', statusSource: 'catalog', status: 401 } });
  });

  it('an app-only /me 400: delegated-only-endpoint with its fix', async () => {
    const result = await runCli(['explain', fixture('graph-400-me-app-only.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(delegated-only-endpoint)');
    expect(result.stdout).toMatch(/Fix\n {2}With app-only tokens use \/users\//);
  });

  it('curl -v of a CAE challenge: claims-challenge, using the request and token curl printed', async () => {
    const { code, json } = await runJson(['explain', fixture('graph-401-claims-challenge.curl-v.txt')]);
    expect(code).toBe(0);
    expect(json.scenario).toBe('claims-challenge');
    expect(json.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'www-authenticate claims', value: '{"access_token":{"nbf":{"essential":true, "value":"1795968000"}}}' }),
        expect.objectContaining({ source: 'token', field: 'xms_cc', value: 'CP1' }),
        expect.objectContaining({ source: 'request', value: 'GET https://graph.microsoft.com/v1.0/me/messages?$top=5' }),
      ]),
    );
  });

  it.each([
    ['token-aadsts1002012.json', 'invalid-scope-for-flow', 'AADSTS1002012'],
    ['token-aadsts50076.http', 'interaction-required', 'AADSTS50076'],
    ['token-aadsts65001.json', 'consent-required', 'AADSTS65001'],
  ])('token endpoint %s: %s', async (file, scenario, aadsts) => {
    const { code, json } = await runJson(['explain', fixture(file)]);
    expect(code).toBe(0);
    expect(json.scenario).toBe(scenario);
    expect(json.evidence).toContainEqual(expect.objectContaining({ field: 'error_codes', value: aadsts }));
  });

  it('a browser HAR: the last failing entry, its bearer token and its time', async () => {
    const result = await runCli(['explain', fixture('browser-capture.har')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(insufficient-permissions)');
    expect(result.stdout).toContain("The token's scp (openid profile User.Read email) grant nothing for GET /users");
    expect(result.stdout).toContain('HAR entry 3 of 3');
    expect(result.stdout).toContain('token judged at 2026-11-24 09:31:02 UTC');
  });

  it('a HAR entry that succeeded: exit 1, nothing to explain', async () => {
    const { code, json } = await runJson(['explain', fixture('browser-capture.har'), '--entry', '2']);
    expect(code).toBe(1);
    expect(json).toMatchObject({ identified: false, received: { status: 200, harEntry: 2, harEntries: 3 } });
  });

  it('reads stdin when given - or no file', async () => {
    const input = readFileSync(fixture('graph-401-expired.http'), 'utf8');
    const [dash, none] = await Promise.all([runCli(['explain', '-'], { input }), runCli(['explain'], { input })]);
    expect(dash.code).toBe(0);
    expect(dash.stdout).toContain('(expired-token)');
    expect(none.stdout).toBe(dash.stdout);
  });

  it('a proxy-captured HAR entry of a token request: explained, and its client secret never printed', async () => {
    const [text, json] = await Promise.all([
      runCli(['explain', fixture('token-endpoint-entry.har.json')]),
      runCli(['explain', fixture('token-endpoint-entry.har.json'), '--json']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('(invalid-scope-for-flow)');
    for (const output of [text.stdout, json.stdout]) expect(output).not.toContain('s3cr3t');
  });
});
