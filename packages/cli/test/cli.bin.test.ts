import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binPath, fixture, runCli } from './helpers/run-cli.js';

// An escape character followed by a select-graphic-rendition code.
const ansi = new RegExp(String.raw`\u001b\[\d+m`);

describe.concurrent('graph-authz as a program', () => {
  it.each(['explain', 'permissions', 'decode'])('%s --help shows usage and examples, exit 0', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: graph-authz ${command}`);
    expect(result.stdout).toContain(`Examples:\n  $ graph-authz ${command} `);
    expect(result.stdout).toContain('Exit codes:');
  });

  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.code).toBe(0);
  });

  it.each([
    [[], 'Usage: graph-authz'],
    [['frobnicate'], "error: unknown command 'frobnicate'"],
    [['explain', '--bogus'], "error: unknown option '--bogus'"],
    [['explain', fixture('graph-401-expired.http'), '--status', 'abc'], 'expected an HTTP status such as 401'],
    [['explain', fixture('graph-401-expired.http'), '--request', 'FETCH https://graph.microsoft.com/v1.0/me'], '--request: unknown method "FETCH"'],
    [['explain', fixture('graph-401-expired.http'), '--token', '@/no/such/file'], 'cannot read /no/such/file: no such file'],
    [['explain', fixture('graph-401-expired.http'), '--token', ''], 'graph-authz explain: the token is empty'],
    [['explain', '/no/such/response.json'], 'graph-authz explain: cannot read /no/such/response.json: no such file'],
    [['explain', fixture('.')], 'it is a directory'],
  ])('bad input %j: a helpful line, exit 2, no stack trace', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad payloads: exit 2 naming what is wrong', async () => {
    const notJson = await runCli(['explain', '-'], { input: '{"error": {"code": ' });
    expect(notJson.stderr).toMatch(/^graph-authz explain: the input is not valid JSON \(.+\)\n$/);
    const html = await runCli(['explain', '-'], { input: '<html><body>502 Bad Gateway</body></html>' });
    expect(html.stderr).toContain('not a response: expected a JSON body, "curl -i" output');
    expect([notJson.code, html.code]).toEqual([2, 2]);
  });

  it('pipes get no colour; FORCE_COLOR adds it; NO_COLOR and --no-color always win', async () => {
    const args = ['decode', `@${fixture('token-outlook-app.jwt')}`];
    const [piped, forced, noColor, flag] = await Promise.all([
      runCli(args),
      runCli(args, { env: { FORCE_COLOR: '1' } }),
      runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
      runCli(['--no-color', ...args], { env: { FORCE_COLOR: '1' } }),
    ]);
    expect(piped.stdout).not.toMatch(ansi);
    expect(forced.stdout).toMatch(ansi);
    expect(noColor.stdout).toBe(piped.stdout);
    expect(flag.stdout).toBe(piped.stdout);
  });

  // A real terminal through util-linux `script`, where it exists (Linux CI); elsewhere FORCE_COLOR covers the path.
  it.runIf(hasScript())('a real TTY gets colour unless NO_COLOR is set', () => {
    const command = `${process.execPath} ${binPath} decode @${fixture('token-outlook-app.jwt')}`;
    const inTerminal = (env: Record<string, string>): string =>
      spawnSync('script', ['-qc', command, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } }).stdout;
    const tty = inTerminal({});
    const ttyNoColor = inTerminal({ NO_COLOR: '1' });
    expect(tty).toMatch(ansi);
    expect(ttyNoColor).not.toMatch(ansi);
    expect(ttyNoColor).toContain('Problems');
  });
});

function hasScript(): boolean {
  return spawnSync('script', ['-qc', 'true', '/dev/null'], { stdio: 'ignore' }).status === 0;
}
