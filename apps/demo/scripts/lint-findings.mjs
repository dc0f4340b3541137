// ESLint runs of the demo, as plain findings: misuse/ with the plugin's `all` preset, src/ with
// the demo's own config (the repo's rules + `recommended`), and src/ files with one mistake put in.
// Used by the lint test (in a child process, so ESLint loads the built plugin as users get it)
// and by the `npm run demo` report.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

export const demoDir = fileURLToPath(new URL('..', import.meta.url));

/** @param {import('eslint').ESLint.LintResult[]} results */
function findings(results) {
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: basename(result.filePath),
      rule: message.ruleId ?? '(parse error)',
      line: message.line,
      column: message.column,
      severity: message.severity === 2 ? 'error' : 'warn',
      message: message.message,
    })),
  );
}

export async function lintMisuse() {
  const eslint = new ESLint({ cwd: demoDir, overrideConfigFile: 'eslint.misuse.config.js' });
  return findings(await eslint.lintFiles(['misuse']));
}

export async function lintSource() {
  const eslint = new ESLint({ cwd: demoDir });
  return findings(await eslint.lintFiles(['src']));
}

/** @param {{ file: string; original: string; mistake: string }[]} variants */
export async function lintVariants(variants) {
  const eslint = new ESLint({ cwd: demoDir });
  const answers = [];
  for (const { file, original, mistake } of variants) {
    const path = join(demoDir, 'src', file);
    const text = await readFile(path, 'utf8');
    if (!text.includes(original)) throw new Error(`${file} no longer contains ${original}`);
    answers.push(findings(await eslint.lintText(text.replace(original, mistake), { filePath: path })));
  }
  return answers;
}

// `node scripts/lint-findings.mjs misuse|source|variants [json]`: the findings as JSON on stdout.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, argument] = process.argv.slice(2);
  const run = { misuse: lintMisuse, source: lintSource, variants: () => lintVariants(JSON.parse(argument ?? '[]')) }[mode ?? ''];
  if (run === undefined) {
    console.error('usage: lint-findings.mjs misuse|source|variants [json]');
    process.exitCode = 2;
  } else {
    process.stdout.write(JSON.stringify(await run()));
  }
}
