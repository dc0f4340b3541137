// The demo report: lint misuse/ and src/, run the scenario suite against the emulated tenant, and
// print, for every scenario, what the service received, what it did, the core's diagnosis and the
// fix; then the lint findings grouped by rule. Run by `npm run demo` at the root after the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { styleText } from 'node:util';
import { getScenario, scenarioIds } from '@graph-authz/core';
import { demoDir, lintMisuse, lintSource } from './lint-findings.mjs';

const scenarioSuites = ['test/daemon.test.ts', 'test/signed-in-user.test.ts', 'test/simulated.test.ts'];
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const style = (format, text) => (colour ? styleText(format, text) : text);
// Graph's messages may span lines (IDX14100); the report keeps one line per item.
const oneLine = (text) => String(text).replace(/\s*\n\s*/g, ' ');

/** Runs the suites with GRAPH_AUTHZ_DEMO_REPORT set; each test file writes what it recorded there. */
function runScenarioSuite() {
  const directory = mkdtempSync(join(tmpdir(), 'graph-authz-demo-'));
  const vitest = spawnSync(process.execPath, [vitestBin, 'run', ...scenarioSuites], {
    cwd: demoDir,
    env: { ...process.env, GRAPH_AUTHZ_DEMO_REPORT: directory, FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  if (vitest.status !== 0) {
    process.stderr.write(`${vitest.stdout}${vitest.stderr}\nThe scenario suite failed (above).\n`);
    process.exit(1);
  }
  const records = readdirSync(directory).flatMap((file) => JSON.parse(readFileSync(join(directory, file), 'utf8')));
  rmSync(directory, { recursive: true, force: true });
  const summary = /Tests\s+(\d+ passed[^\n]*)/.exec(vitest.stdout)?.[1] ?? 'passed';
  return { records, summary };
}

function printScenario(id, records) {
  console.log(`\n${style('bold', `━━ ${id}`)} ${style('dim', `(${getScenario(id).title})`)}`);
  for (const record of records) {
    console.log(`  ${style('cyan', record.part)}, reached by ${record.reachedBy}`);
    console.log(`    received   ${record.received.status} ${oneLine(record.received.summary)}`);
    if (record.received.wwwAuthenticate) console.log(`               WWW-Authenticate: ${record.received.wwwAuthenticate}`);
    console.log(`    the app    ${oneLine(record.appBehaviour)}`);
    printDiagnosis(id, record.diagnosis);
  }
}

function printDiagnosis(id, diagnosis) {
  if (diagnosis.scenario === undefined) {
    console.log(`    diagnosis  ${style('yellow', 'cannot tell from the response alone')}: ${oneLine(diagnosis.summary)}`);
    console.log(`    fix        (${id}, from the catalog) ${getScenario(id).fix}`);
    return;
  }
  const agrees = diagnosis.scenario === id ? style('green', '✔') : style('red', `✖ expected ${id}`);
  console.log(`    diagnosis  ${agrees} ${diagnosis.title} (${diagnosis.scenario})`);
  console.log(`    fix        ${diagnosis.fix ?? '(none)'}`);
}

function printLint(misuse, source) {
  console.log(`\n${style('bold', 'Lint findings in misuse/')} ${style('dim', "(@graph-authz/eslint-plugin, `all` preset)")}`);
  const byRule = new Map();
  for (const finding of misuse) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  for (const [rule, findings] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`\n  ${style('bold', rule)} (${findings.length})`);
    for (const finding of findings) {
      const where = `misuse/${finding.file}:${finding.line}:${finding.column}`;
      console.log(`    ${finding.severity === 'error' ? style('red', 'error') : style('yellow', 'warn ')} ${where}  ${finding.message}`);
    }
  }
  const verdict = source.length === 0 ? style('green', 'no findings') : style('red', `${source.length} findings`);
  console.log(`\n${style('bold', 'src/')} (repo rules + plugin \`recommended\`): ${verdict}`);
  for (const finding of source) console.log(`    src/${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${finding.message}`);
}

const started = Date.now();
const [misuse, source] = await Promise.all([lintMisuse(), lintSource()]);
const { records, summary } = runScenarioSuite();
console.log(style('bold', 'graph-authz demo: a Graph service against the emulated tenant, diagnosed by the core'));
const covered = scenarioIds.filter((id) => records.some((record) => record.scenario === id));
for (const id of covered) printScenario(id, records.filter((record) => record.scenario === id));
const missing = scenarioIds.filter((id) => !covered.includes(id));
console.log(`\nScenarios: ${covered.length} of ${scenarioIds.length} met by the service${missing.length === 0 ? '' : ` (not met: ${missing.join(', ')})`}; suite: ${summary}.`);
printLint(misuse, source);
console.log(style('dim', `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s (after the build).`));
if (source.length > 0 || missing.length > 0) process.exitCode = 1;
