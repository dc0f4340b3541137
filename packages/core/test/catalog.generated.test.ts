import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(packageRoot, 'scripts/generate-catalog.mjs');
const generated = join(packageRoot, 'src/catalog/data.generated.ts');
// The repository's sibling ../shared (overridable, e.g. to check the skip path).
const dataDir = process.env.GRAPH_AUTHZ_PERMISSION_DATA ?? resolve(packageRoot, '../../../shared/data/graph-permissions');
const hasData = existsSync(join(dataDir, 'permissions.json'));
const scratch = mkdtempSync(join(tmpdir(), 'graph-authz-catalog-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function check(target: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [script, '--check', '--data', dataDir, '--target', target], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the committed catalog module', () => {
  it('is self-contained: the package needs no ../shared at run time', () => {
    const text = readFileSync(generated, 'utf8');
    expect(text).not.toMatch(/shared\/data|readFileSync|from 'node:/);
    expect(text).toContain('6cbd6bbd665a877560fdefbad74f3bdb5b57af88');
    expect(text).toContain('MIT License');
    expect(statSync(generated).size).toBeLessThan(700_000);
  });
});

// CI has ../shared; a clone without it still runs every other test of the catalog.
describe.skipIf(!hasData)(`generated from ${dataDir} (skipped: that folder is absent, so currency cannot be checked)`, () => {
  it('is byte-for-byte what the generator makes from the data now', () => {
    const result = check(generated);
    expect(result.output).toContain('is current');
    expect(result.status).toBe(0);
  });

  it('the check catches a stale module', () => {
    const stale = join(scratch, 'stale.ts');
    writeFileSync(stale, readFileSync(generated, 'utf8').replace('"User.Read",0', '"User.Read",1'));
    const result = check(stale);
    expect(result.status).toBe(1);
    expect(result.output).toContain('stale');
  });

  it('is deterministic: two runs write the same bytes', () => {
    const first = join(scratch, 'first.ts');
    const second = join(scratch, 'second.ts');
    execFileSync(process.execPath, [script, '--data', dataDir, '--target', first]);
    execFileSync(process.execPath, [script, '--data', dataDir, '--target', second]);
    expect(readFileSync(first, 'utf8')).toBe(readFileSync(second, 'utf8'));
  });
});

if (!hasData) {
  console.warn(`catalog currency tests skipped: ${dataDir} is absent (CI has it).`);
}
