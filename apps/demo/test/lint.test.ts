import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The demo as @graph-authz/eslint-plugin users see it: real ESLint runs with the demo's own config
 * files (eslint.config.js: the repo's rules + `recommended`; eslint.misuse.config.js: `all`), in a
 * child process so ESLint loads the built plugin as a user's project does.
 */
const script = fileURLToPath(new URL('../scripts/lint-findings.mjs', import.meta.url));

interface Finding {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warn';
  readonly message: string;
}

async function lint(...args: string[]): Promise<unknown> {
  // A plain node: without the test runner's source conditions, the plugin resolves to its dist/.
  const { stdout } = await promisify(execFile)(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '' }, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
}

const brief = (findings: readonly Finding[]): [string, string, number, number, string][] =>
  findings.map(({ file, rule, line, column, severity }) => [file, rule, line, column, severity]);

describe("misuse/: one file per rule, linted with the plugin's `all` preset", () => {
  it('reports exactly the mistake each file shows, and nothing else', async () => {
    const findings = (await lint('misuse')) as Finding[];
    expect(brief(findings)).toEqual([
      ['client-credentials-default-scope.ts', '@graph-authz/client-credentials-default-scope', 10, 70, 'error'],
      ['handle-claims-challenge.ts', '@graph-authz/handle-claims-challenge', 11, 25, 'warn'],
      ['least-privilege-scopes.ts', '@graph-authz/least-privilege-scopes', 7, 87, 'warn'],
      ['no-app-only-password-reset.ts', '@graph-authz/no-app-only-password-reset', 12, 9, 'error'],
      ['no-azure-ad-graph.ts', '@graph-authz/no-azure-ad-graph', 7, 43, 'error'],
      ['no-azure-ad-graph.ts', '@graph-authz/no-azure-ad-graph', 8, 32, 'error'],
      ['no-me-with-app-only.ts', '@graph-authz/no-me-with-app-only', 12, 10, 'error'],
      ['no-mixed-resource-scopes.ts', '@graph-authz/no-mixed-resource-scopes', 8, 13, 'error'],
      ['no-personal-account-work-only-api.ts', '@graph-authz/no-personal-account-work-only-api', 11, 10, 'warn'],
      ['no-ropc.ts', '@graph-authz/no-ropc', 8, 24, 'warn'],
      ['permission-type-mismatch.ts', '@graph-authz/permission-type-mismatch', 9, 14, 'error'],
      ['prefer-msal.ts', '@graph-authz/prefer-msal', 3, 26, 'warn'],
      ['scopes-cover-calls.ts', '@graph-authz/scopes-cover-calls', 11, 10, 'error'],
      ['token-audience-match.ts', '@graph-authz/token-audience-match', 8, 26, 'error'],
      ['valid-permission-name.ts', '@graph-authz/valid-permission-name', 8, 27, 'error'],
    ]);
    // Every finding names the Graph or token-endpoint error it prevents.
    expect(findings.find((finding) => finding.rule === '@graph-authz/client-credentials-default-scope')?.message).toContain('AADSTS1002012');
  });

  it('has one file for every rule of the plugin, named after it', async () => {
    const { rules } = (await import('@graph-authz/eslint-plugin')).default;
    const findings = (await lint('misuse')) as Finding[];
    const files = new Set(findings.map((finding) => finding.file.replace(/\.ts$/, '')));
    expect([...files].sort()).toEqual(Object.keys(rules).sort());
  });
});

describe('src/: clean under the repo rules and the recommended preset', () => {
  it('has no findings at all', async () => {
    expect(await lint('source')).toEqual([]);
  });

  // Clean, but not because the plugin cannot read it: one mistake put into the same files is found.
  it('finds a mistake put into the same files', async () => {
    const variants = [
      { file: 'daemon.ts', original: "const appOnlyScopes = ['https://graph.microsoft.com/.default'];", mistake: "const appOnlyScopes = ['User.Read.All'];" },
      { file: 'daemon.ts', original: "client.api('/users')", mistake: "client.api('/me')" },
      { file: 'signed-in-user.ts', original: "const delegatedScopes = ['User.Read', 'User-PasswordProfile.ReadWrite.All'];", mistake: "const delegatedScopes = ['User.Read'];" },
      {
        file: 'signed-in-user.ts',
        original: "'User.Read', 'User-PasswordProfile.ReadWrite.All'];",
        mistake: "'User.Read', 'User-PasswordProfile.ReadWrite.All', 'https://storage.azure.com/user_impersonation'];",
      },
      // The daemon's app-only passwordProfile PATCH is allowed by a justified disable comment; without it, the rule flags it.
      {
        file: 'daemon.ts',
        original: '// eslint-disable-next-line @graph-authz/no-app-only-password-reset',
        mistake: '// (no disable comment)',
      },
    ];
    const answers = (await lint('variants', JSON.stringify(variants))) as Finding[][];
    expect(answers.map((findings) => findings.map((finding) => finding.rule))).toEqual([
      ['@graph-authz/client-credentials-default-scope'],
      ['@graph-authz/no-me-with-app-only'],
      // Without the password scope, both password calls (changePassword, a colleague's passwordProfile) are uncovered.
      ['@graph-authz/scopes-cover-calls', '@graph-authz/scopes-cover-calls'],
      ['@graph-authz/no-mixed-resource-scopes'],
      ['@graph-authz/no-app-only-password-reset'],
    ]);
  });
});
