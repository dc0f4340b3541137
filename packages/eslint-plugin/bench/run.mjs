// What the plugin adds to a real lint run: ESLint over a large real tree (sources from the repo's
// node_modules) with typescript-eslint's recommended config, with and without the plugin's `all`
// preset, in the same run. Rounds interleave the two configs (baseline, plugin, baseline, ...)
// because each run takes many seconds on a shared machine: drift hits both sides alike. Reports the
// added time as a ratio of medians and the slowest rules from ESLint's own `stats`.
// Needs `npm run build` first. Usage: npm run bench [-- <fileCount> <rounds>]
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../dist/index.js';

const fileCount = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 5);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const root = join(repoRoot, 'node_modules');

/**
 * Hand-written-sized source files (no declaration files, no minified or single-file bundles over
 * 256 kB, which would measure the parser rather than the rules), in a stable order.
 */
async function collect(directory, files) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await collect(path, files);
    else if (entry.isFile() && /\.(js|mjs|cjs|ts)$/u.test(entry.name) && !/\.(d|min)\.\w+$/u.test(entry.name) && (await stat(path)).size <= 256_000) {
      files.push(path);
    }
  }
  return files;
}

const all = (await collect(root, [])).sort();
// Every n-th file, so the sample spans all packages rather than the first few alphabetically.
const step = Math.max(1, Math.floor(all.length / fileCount));
const files = all.filter((_, index) => index % step === 0).slice(0, fileCount);

// ESLint skips node_modules by default, even for files named explicitly.
// The packages' own eslint-disable comments name rules this config does not have.
const baseline = [
  { ignores: ['!**/node_modules/'] },
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
  ...tseslint.configs.recommended,
];
const withPlugin = [...baseline, { ...plugin.configs.all, files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts'] }];

function engine(config, stats = false) {
  return new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config, stats });
}

async function timed(config) {
  const started = performance.now();
  await engine(config).lintFiles(files);
  return performance.now() - started;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`${files.length} files of ${all.length} under ${root}; ${rounds} interleaved rounds`);
await timed(baseline); // warm-up: module loading, JIT, the core's catalog
await timed(withPlugin);
const times = { baseline: [], withPlugin: [] };
for (let round = 0; round < rounds; round += 1) {
  times.baseline.push(await timed(baseline));
  times.withPlugin.push(await timed(withPlugin));
  console.log(`round ${round + 1}: baseline ${(times.baseline[round] / 1000).toFixed(2)} s, with plugin ${(times.withPlugin[round] / 1000).toFixed(2)} s`);
}
const base = median(times.baseline);
const plus = median(times.withPlugin);
const fastest = (values) => Math.min(...values);
console.log(`median: baseline ${(base / 1000).toFixed(2)} s, with plugin ${(plus / 1000).toFixed(2)} s, added ${(((plus - base) / base) * 100).toFixed(2)} % (goal <= 5 %)`);
console.log(`fastest: baseline ${(fastest(times.baseline) / 1000).toFixed(2)} s, with plugin ${(fastest(times.withPlugin) / 1000).toFixed(2)} s, added ${(((fastest(times.withPlugin) - fastest(times.baseline)) / fastest(times.baseline)) * 100).toFixed(2)} %`);

// Per-rule times from ESLint's stats (the TIMING numbers), summed over files.
const ruleTimes = new Map();
let statsTotal = 0;
for (const result of await engine(withPlugin, true).lintFiles(files)) {
  for (const pass of result.stats?.times.passes ?? []) {
    statsTotal += pass.total;
    for (const [rule, { total }] of Object.entries(pass.rules ?? {})) ruleTimes.set(rule, (ruleTimes.get(rule) ?? 0) + total);
  }
}
const ranked = [...ruleTimes].sort((a, b) => b[1] - a[1]);
const pluginTotal = ranked.filter(([rule]) => rule.startsWith('@graph-authz/')).reduce((sum, [, ms]) => sum + ms, 0);
// Noise-free second measure: the plugin rules' time as a share of ESLint's own per-file total.
console.log(`plugin rules (stats): ${pluginTotal.toFixed(0)} ms of ${statsTotal.toFixed(0)} ms linting = ${((pluginTotal / statsTotal) * 100).toFixed(2)} %`);
console.log('slowest rules:');
for (const [rule, ms] of ranked.slice(0, 8)) console.log(`  ${rule.padEnd(48)} ${ms.toFixed(0)} ms`);
console.log('slowest plugin rules:');
for (const [rule, ms] of ranked.filter(([name]) => name.startsWith('@graph-authz/')).slice(0, 5)) console.log(`  ${rule.padEnd(48)} ${ms.toFixed(0)} ms`);
