// Crash sweep: every rule of the plugin (the `all` preset) over every .js/.ts/.mjs/.cjs file under the
// repository's node_modules. A file neither parser can read is "unparseable, skipped"; an exception
// thrown while linting a parsed file is a rule crash and fails the run. Needs `npm run build` first.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../dist/index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const root = join(repoRoot, 'node_modules');
const extensions = /\.(js|ts|mjs|cjs)$/u;

/** Every matching file, symlinks not followed (workspace links point back into the repo). */
async function collect(directory, files) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await collect(path, files);
    else if (entry.isFile() && extensions.test(entry.name)) files.push(path);
  }
  return files;
}

const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [
    // ESLint skips node_modules by default, even for files named explicitly.
    { ignores: ['!**/node_modules/'] },
    // The packages' own eslint-disable comments name rules this config does not have.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.js', '**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { ...plugin.configs.all, files: ['**/*.js', '**/*.ts', '**/*.mjs', '**/*.cjs'] },
  ],
});

const started = performance.now();
const files = (await collect(root, [])).sort();
const counts = { files: files.length, linted: 0, unparseable: 0, crashes: 0, findings: 0, bytes: 0 };
const crashes = [];
const unparseable = [];
const findingsByRule = new Map();
const samples = [];

for (const file of files) {
  const stat = await lstat(file);
  counts.bytes += stat.size;
  const code = await readFile(file, 'utf8');
  try {
    const [result] = await eslint.lintText(code, { filePath: file });
    const fatal = result.messages.find((message) => message.fatal);
    if (fatal !== undefined) {
      counts.unparseable += 1;
      unparseable.push(`${relative(root, file)}: ${fatal.message}`);
      continue;
    }
    // A file ESLint skipped would pass silently: make the sweep itself fail instead.
    const skipped = result.messages.find((message) => message.ruleId === null && message.message.startsWith('File ignored'));
    if (skipped !== undefined) throw new Error(`not linted: ${skipped.message}`);
    counts.linted += 1;
    // Notices about the packages' own inline directives (ruleId null) are not findings.
    for (const message of result.messages.filter((entry) => entry.ruleId?.startsWith('@graph-authz/'))) {
      counts.findings += 1;
      findingsByRule.set(message.ruleId, (findingsByRule.get(message.ruleId) ?? 0) + 1);
      if (samples.length < 40) samples.push(`${relative(root, file)}:${message.line} ${message.ruleId}: ${message.message.slice(0, 140)}`);
    }
  } catch (error) {
    counts.crashes += 1;
    crashes.push(`${relative(root, file)}: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' | ') : String(error)}`);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`files: ${counts.files} (${(counts.bytes / 1e6).toFixed(1)} MB) under ${root}`);
console.log(`linted: ${counts.linted}, unparseable (skipped): ${counts.unparseable}, rule crashes: ${counts.crashes}, in ${seconds} s`);
console.log(`findings: ${counts.findings}`, Object.fromEntries(findingsByRule));
for (const sample of samples) console.log(`  ${sample}`);
for (const file of unparseable) console.log(`unparseable, skipped: ${file}`);
for (const crash of crashes) console.error(`CRASH ${crash}`);
process.exitCode = counts.crashes === 0 ? 0 : 1;
