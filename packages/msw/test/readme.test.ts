/** The README's scenario table is the core catalog's, regenerated: docs cannot drift from the facts. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { scenarioTable } from '../scripts/scenario-table.mjs';

test('README scenario table matches the catalog', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = /<!-- scenarios:start -->\n([\s\S]*?)\n<!-- scenarios:end -->/.exec(readme)?.[1];
  expect(table).toBe(scenarioTable());
});
