/** The plugin object: meta from package.json, the three presets, and their relation. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(new URL('../src/rules/', import.meta.url))
  .filter((file) => file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/u, ''));

describe('plugin', () => {
  it('takes its meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('has one rule a file, named as the file', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles.sort());
    expect(ruleFiles).toHaveLength(14);
  });

  it.each(['recommended', 'strict', 'all'] as const)('preset %s is a flat config registering the plugin', (name) => {
    const preset = plugin.configs[name];
    expect(preset.name).toBe(`@graph-authz/${name}`);
    expect(preset.plugins['@graph-authz']).toBe(plugin);
    for (const rule of Object.keys(preset.rules)) expect(Object.keys(plugin.rules)).toContain(rule.replace('@graph-authz/', ''));
  });

  it('nests the presets: recommended within strict within all, and all has every rule', () => {
    const { recommended, strict, all } = plugin.configs;
    for (const rule of Object.keys(recommended.rules)) expect(strict.rules[rule]).toBe(recommended.rules[rule]);
    for (const rule of Object.keys(strict.rules)) expect(all.rules[rule]).toBeDefined();
    expect(Object.keys(all.rules)).toHaveLength(Object.keys(plugin.rules).length);
    expect(strict.rules['@graph-authz/least-privilege-scopes']).toBe('warn');
    expect(recommended.rules['@graph-authz/least-privilege-scopes']).toBeUndefined();
  });
});
