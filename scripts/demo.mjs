// `npm run demo`: build what the demo needs (turbo, cached), then run apps/demo's report: the lint
// of misuse/ and src/, the scenario suite against the emulated tenant, and what graph-authz says
// about every error the service met. No network, no account.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(command, args, { quiet }) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`graph-authz demo: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

const started = Date.now();
console.log('graph-authz demo: building @graph-authz/demo and the packages it uses...');
run('npx', ['turbo', 'run', 'build', '--filter=@graph-authz/demo...', '--output-logs=errors-only'], { quiet: true });
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
run(process.execPath, ['apps/demo/scripts/report.mjs'], { quiet: false });
