/**
 * The real ESLint class with the plugin's `recommended` preset over fixture files written the way
 * apps are (TypeScript, ESM, CommonJS): the exact findings, nothing more, nothing less.
 */
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { isScenarioId } from '@graph-authz/core';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const cwd = fileURLToPath(new URL('fixtures/app/', import.meta.url));

type Preset = (typeof plugin.configs)[keyof typeof plugin.configs];

/** The fixtures' config, alone (no config file): TypeScript parsed by typescript-eslint, then the preset. */
function options(preset: Preset) {
  return { cwd, overrideConfigFile: true as const, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, preset] };
}

async function lint(preset: Preset): Promise<ESLint.LintResult[]> {
  return new ESLint(options(preset)).lintFiles(['.']);
}

function findings(results: readonly ESLint.LintResult[]): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${result.filePath.slice(cwd.length)}:${String(message.line)} ${message.ruleId ?? 'fatal'} ${message.severity === 2 ? 'error' : 'warn'}`),
    )
    .sort();
}

/** The same run under ESLint 9 (installed as `eslint-v9`): the plugin supports both majors. */
async function lintWithEslint9(preset: Preset): Promise<ESLint.LintResult[]> {
  return new ESLint9(options(preset)).lintFiles(['.']);
}

describe('recommended preset over fixture files', () => {
  it('reports the same findings under ESLint 9', async () => {
    expect(ESLint9.version).toMatch(/^9\./);
    expect(findings(await lintWithEslint9(plugin.configs.recommended))).toEqual(EXPECTED);
  });

  it('reports exactly the expected findings', async () => {
    expect(findings(await lint(plugin.configs.recommended))).toEqual(EXPECTED);
  });

  it('names a core scenario id in every message', async () => {
    const messages = (await lint(plugin.configs.all)).flatMap((result) => result.messages);
    expect(messages.length).toBeGreaterThan(EXPECTED.length);
    for (const message of messages) {
      const ids = [...message.message.matchAll(/\(([a-z]+(?:-[a-z]+)+)\)/gu)].map((match) => match[1]);
      expect(ids.some((id) => isScenarioId(id)), message.message).toBe(true);
    }
  });
});

const EXPECTED = [
  'daemon.ts:12 @graph-authz/client-credentials-default-scope error', // ['User.Read.All'] for client credentials
  'daemon.ts:23 @graph-authz/no-me-with-app-only error',
  'daemon.ts:25 @graph-authz/no-app-only-password-reset error', // resetPassword
  'daemon.ts:26 @graph-authz/no-app-only-password-reset error', // PATCH with passwordProfile
  'legacy.cjs:14 @graph-authz/no-azure-ad-graph error',
  'legacy.cjs:17 @graph-authz/no-ropc warn', // UsernamePasswordCredential
  'legacy.cjs:9 @graph-authz/no-ropc warn', // grant_type=password
  'legacy.cjs:9 @graph-authz/prefer-msal warn',
  'sdk.mjs:12 @graph-authz/no-app-only-password-reset error', // me.changePassword app-only
  'sdk.mjs:12 @graph-authz/no-me-with-app-only error',
  'sdk.mjs:17 @graph-authz/token-audience-match error', // ARM token sent to Graph
  'spa.js:16 @graph-authz/no-personal-account-work-only-api warn', // consumers + /me/joinedTeams
  'spa.js:16 @graph-authz/scopes-cover-calls error', // User.Read does not grant /me/joinedTeams
  'spa.js:8 @graph-authz/no-mixed-resource-scopes error',
  'spa.js:8 @graph-authz/valid-permission-name error', // User.Raed
];
