import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appToken, delegatedToken, kindlessToken } from './helpers/jwt.js';
import { fixture, runCli, runJson } from './helpers/run-cli.js';

interface Problem {
  scenario: string;
  message: string;
}

describe.concurrent('graph-authz decode', () => {
  it('a fresh delegated Graph token: scopes, expiry in human time, no problems, exit 0', async () => {
    const result = await runCli(['decode', delegatedToken({ scp: 'User.Read Mail.Read', lifetimeSeconds: 3000 })]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/audience +https:\/\/graph\.microsoft\.com \(Microsoft Graph\)/);
    expect(result.stdout).toMatch(/kind +delegated \(scp\)/);
    expect(result.stdout).toMatch(/scopes +User\.Read Mail\.Read/);
    expect(result.stdout).toMatch(/expires +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in (49|50) minutes\)/);
    expect(result.stdout).toMatch(/CAE +not capable/);
    expect(result.stdout).toContain('No problems visible in the token itself.');
  });

  it('an app-only token: roles, and CAE capability from xms_cc', async () => {
    const { code, json } = await runJson(['decode', appToken({ roles: ['User.Read.All', 'Mail.Read'] })]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ kind: 'app', roles: ['User.Read.All', 'Mail.Read'], scopes: [], resource: 'microsoft-graph', caeCapable: false, problems: [] });
    const cae = await runJson(['decode', delegatedToken({ xmsCc: ['CP1'] })]);
    expect(cae.json.caeCapable).toBe(true);
  });

  it('shows what Graph would reject: expired, another audience, neither scp nor roles (exit 1)', async () => {
    const expired = await runJson(['decode', delegatedToken({ lifetimeSeconds: -7200 })]);
    expect(expired.code).toBe(1);
    expect(expired.json.expiresIn).toBe('2 hours ago');
    expect((expired.json.problems as Problem[]).map((problem) => problem.scenario)).toEqual(['expired-token']);

    const outlook = await runJson(['decode', `@${fixture('token-outlook-app.jwt')}`]);
    expect((outlook.json.problems as Problem[]).map((problem) => problem.scenario)).toEqual(['expired-token', 'wrong-audience']);
    expect((outlook.json.problems as Problem[])[1]?.message).toContain('audience https://outlook.office.com is');

    const kindless = await runJson(['decode', kindlessToken()]);
    expect(kindless.json.kind).toBe('none');
    expect((kindless.json.problems as Problem[])[0]?.message).toContain('neither scp (delegated) nor roles (application)');
  });

  it('reads @file and stdin, and accepts a pasted "Bearer ..." header value', async () => {
    const raw = readFileSync(fixture('token-cae-delegated.jwt'), 'utf8');
    const [fromFile, fromStdin] = await Promise.all([
      runCli(['decode', `@${fixture('token-cae-delegated.jwt')}`]),
      runCli(['decode', '-'], { input: `Bearer ${raw}` }),
    ]);
    expect(fromFile.stdout).toMatch(/CAE +capable \(xms_cc: CP1\)/);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it.each([
    [['decode', 'not-a-jwt'], 'personal Microsoft account tokens are opaque'],
    [['decode', 'abc.def'], 'graph-authz decode: '],
    [['decode', `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.bm90IGpzb24.c2ln`], 'graph-authz decode: '],
    [['decode', '@/no/such/token.txt'], 'graph-authz decode: cannot read /no/such/token.txt: no such file'],
    [['decode'], "missing required argument 'token'"],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
