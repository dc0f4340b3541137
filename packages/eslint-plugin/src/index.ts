/**
 * @graph-authz/eslint-plugin: the plugin object and its flat-config presets. The presets are flat
 * config objects that register the plugin themselves, so `plugin.configs.recommended` is all a user
 * adds to eslint.config.js (ESLint 9 and 10).
 */
import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { rules } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn';

/** Severities per preset; rules absent from a preset are off there. */
const recommendedSeverities: Partial<Record<RuleName, Severity>> = {
  'client-credentials-default-scope': 'error',
  'no-mixed-resource-scopes': 'error',
  'no-app-only-password-reset': 'error',
  'no-me-with-app-only': 'error',
  'token-audience-match': 'error',
  'no-azure-ad-graph': 'error',
  'valid-permission-name': 'error',
  'scopes-cover-calls': 'error',
  'permission-type-mismatch': 'error',
  'no-personal-account-work-only-api': 'warn',
  'prefer-msal': 'warn',
  'no-ropc': 'warn',
};

const strictSeverities: Partial<Record<RuleName, Severity>> = {
  ...recommendedSeverities,
  'least-privilege-scopes': 'warn',
  'handle-claims-challenge': 'warn',
};

const allSeverities = Object.fromEntries(
  (Object.keys(rules) as RuleName[]).map((name) => [name, strictSeverities[name] ?? 'error']),
) as Record<RuleName, Severity>;

// A scoped package `@graph-authz/eslint-plugin` is the `@graph-authz` plugin in ESLint's naming convention.
const namespace = '@graph-authz';

function ruleEntries(severities: Partial<Record<RuleName, Severity>>): Record<string, Severity> {
  return Object.fromEntries(Object.entries(severities).map(([name, severity]) => [`${namespace}/${name}`, severity]));
}

interface GraphAuthzPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'strict' | 'all', FlatPreset>;
}

type FlatPreset = Linter.Config & { name: string; plugins: Record<string, ESLint.Plugin>; rules: Record<string, Severity> };

const plugin: GraphAuthzPlugin = {
  meta: { name: packageJson.name, version: packageJson.version },
  rules,
  configs: {} as GraphAuthzPlugin['configs'],
};

function preset(name: string, severities: Partial<Record<RuleName, Severity>>): FlatPreset {
  // typescript-eslint's rule types and ESLint's own describe the same objects differently.
  return { name: `${namespace}/${name}`, plugins: { [namespace]: plugin as unknown as ESLint.Plugin }, rules: ruleEntries(severities) };
}

plugin.configs.recommended = preset('recommended', recommendedSeverities);
plugin.configs.strict = preset('strict', strictSeverities);
plugin.configs.all = preset('all', allSeverities);

export default plugin;
// `require()` of this ES module (Node 20.19+, eslint-doc-generator, CommonJS configs) gets the plugin itself.
export { plugin as 'module.exports' };
