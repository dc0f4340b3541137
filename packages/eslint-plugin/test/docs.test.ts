/**
 * The docs are part of the package: each rule has a doc with the error it prevents and examples,
 * its meta points at it, every option is described, and the generated parts (README rules table,
 * rule headers, options lists) match the built plugin (eslint-doc-generator --check).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isScenarioId } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { docsBaseUrl } from '../src/util/create-rule.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe.each(Object.entries(plugin.rules))('%s', (name, rule) => {
  const docPath = `${packageDir}docs/rules/${name}.md`;

  it('has a doc with the error it prevents and valid/invalid examples', () => {
    expect(existsSync(docPath)).toBe(true);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc).toContain('### Invalid');
    expect(doc).toContain('### Valid');
    const scenario = /Core\s+scenario:\s+`([a-z-]+)`/u.exec(doc)?.[1];
    expect(isScenarioId(scenario)).toBe(true);
  });

  it('links its doc, declares default options and describes every option', () => {
    expect(rule.meta.docs?.url).toBe(`${docsBaseUrl}/${name}.md`);
    expect(rule.meta.defaultOptions).toBeDefined();
    for (const schema of rule.meta.schema as unknown as readonly { properties?: Record<string, { description?: string }> }[]) {
      for (const option of Object.values(schema.properties ?? {})) expect(option.description).toMatch(/\w/u);
    }
  });

  it('puts the scenario id in every message', () => {
    const messages = Object.entries(rule.meta.messages).filter(([id]) => !/^(use|replace|add)/u.test(id));
    for (const [, message] of messages) expect(message).toContain('{{scenario}}');
  });
});

describe('generated docs', () => {
  it('match the built plugin (eslint-doc-generator --check)', () => {
    // Needs dist/ (the `test` task depends on `build`); throws with the diff when the docs drift.
    expect(() => execFileSync('npx', ['eslint-doc-generator', '--check'], { cwd: packageDir, stdio: 'pipe' })).not.toThrow();
  });
});
