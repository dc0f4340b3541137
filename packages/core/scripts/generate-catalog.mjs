#!/usr/bin/env node
// Turns Graph's own permission data (../shared/data/graph-permissions, a copy of
// microsoftgraph/microsoft-graph-devx-content) into src/catalog/data.generated.ts: a compact,
// deterministic module the core ships, so the package works without ../shared.
//
//   node scripts/generate-catalog.mjs            write the module
//   node scripts/generate-catalog.mjs --check    exit 1 if the committed module is not current
//   --data <dir> / --target <file>               other input folder / output file (used by tests)
//
// The encoding is documented in src/catalog/encoding.ts, which decodes it.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultDataDir = resolve(packageRoot, '../../../shared/data/graph-permissions');
export const defaultTarget = resolve(packageRoot, 'src/catalog/data.generated.ts');

const source = {
  repository: 'https://github.com/microsoftgraph/microsoft-graph-devx-content',
  commit: '6cbd6bbd665a877560fdefbad74f3bdb5b57af88',
  license: 'MIT',
};
const schemeOrder = ['DelegatedWork', 'DelegatedPersonal', 'Application'];
const methodOrder = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

function readJson(dir, file) {
  return JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
}

function bitmask(values, order) {
  let mask = 0;
  for (const value of values) {
    const bit = order.indexOf(value);
    if (bit < 0) throw new Error(`unknown value ${value}; expected one of ${order.join(', ')}`);
    mask |= 1 << bit;
  }
  return mask;
}

/** `least=A,B;AlsoRequires=X,Y` -> { least: [...], alsoRequires: 'X,Y' | undefined } */
function parseMetadata(metadata) {
  const result = { least: [], alsoRequires: undefined };
  for (const pair of metadata.split(';')) {
    const [key, value = ''] = pair.split('=');
    if (key === 'least') result.least = value.split(',').filter(Boolean);
    else if (key === 'AlsoRequires') result.alsoRequires = value;
  }
  return result;
}

/**
 * Sorted templates, front-coded by `/`-separated part (the runtime reuses the trie nodes of the
 * shared parts), each with its grants: `<shared parts, base 36>\t<rest>\t<grants>` a line.
 */
function encodeTemplates(sorted, grantsOf) {
  let previous = [];
  return sorted
    .map((template) => {
      const parts = template.split('/');
      let shared = 0;
      while (shared < previous.length && shared < parts.length - 1 && previous[shared] === parts[shared]) shared++;
      previous = parts;
      return `${shared.toString(36)}\t${parts.slice(shared).join('/')}\t${grantsOf(template).join(',')}`;
    })
    .join('\n');
}

function displayNames(descriptions) {
  const names = new Map();
  const add = (entry, scheme) => {
    const display = entry.adminConsentDisplayName || entry.consentDisplayName;
    if (display) names.set(`${entry.value}|${scheme}`, { display, id: entry.id });
  };
  for (const entry of descriptions.delegatedScopesList ?? []) add(entry, 'Delegated');
  for (const entry of descriptions.applicationScopesList ?? []) add(entry, 'Application');
  return names;
}

function schemeFacts(name, permission, deployments, fallbacks) {
  return schemeOrder
    .filter((scheme) => permission.schemes[scheme])
    .map((scheme) => {
      const facts = permission.schemes[scheme];
      const fallback = fallbacks.get(`${name}|${scheme === 'Application' ? 'Application' : 'Delegated'}`);
      const id = deployments.find((d) => d.scheme === scheme)?.id ?? fallback?.id ?? '';
      const display = facts.adminDisplayName || facts.userDisplayName || fallback?.display || '';
      // privilegeLevel 0 = the data gives none (the runtime decides how to rank it).
      return [schemeOrder.indexOf(scheme), facts.privilegeLevel ?? 0, facts.requiresAdminConsent ? 1 : 0, id, display];
    });
}

/** Adds each path of each path set to `grants` (template -> encoded entries). */
function collectGrants(permissionIndex, pathSets, grants, alsoRequiresIndex) {
  for (const pathSet of pathSets) {
    const head = bitmask(pathSet.schemeKeys, schemeOrder) * 32 + bitmask(pathSet.methods, methodOrder);
    for (const [template, metadata] of Object.entries(pathSet.paths)) {
      const { least, alsoRequires } = parseMetadata(metadata);
      let entry = `${permissionIndex.toString(36)}.${head.toString(36)}`;
      if (least.length > 0 || alsoRequires !== undefined) entry += `.${bitmask(least, schemeOrder)}`;
      if (alsoRequires !== undefined) entry += `.${alsoRequiresIndex(alsoRequires).toString(36)}`;
      if (!grants.has(template)) grants.set(template, []);
      grants.get(template).push(entry);
    }
  }
}

/** The whole module text, from the three data files (pure apart from reading `dataDir`). */
export function generateCatalogModule(dataDir = defaultDataDir) {
  const permissions = readJson(dataDir, 'permissions.json').permissions;
  const deployments = readJson(dataDir, 'provisioningInfo.json').permissionDeployments;
  const fallbacks = displayNames(readJson(dataDir, 'permissions-descriptions.json'));
  const licenseText = readFileSync(resolve(dataDir, 'LICENSE'), 'utf8').trim();
  const names = Object.keys(permissions).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const alsoRequiresTable = [];
  const alsoRequiresIndex = (value) => {
    let index = alsoRequiresTable.indexOf(value);
    if (index < 0) index = alsoRequiresTable.push(value) - 1;
    return index;
  };
  const grants = new Map();
  const records = names.map((name, index) => {
    const permission = permissions[name];
    collectGrants(index, permission.pathSets, grants, alsoRequiresIndex);
    const kind = permission.authorizationType === 'oAuth2' ? 0 : 1;
    return [name, kind, schemeFacts(name, permission, deployments[name] ?? [], fallbacks)];
  });
  const templates = [...grants.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const lines = [
    '// Generated by scripts/generate-catalog.mjs (npm run generate). Do not edit by hand.',
    `// Source: ${source.repository} at commit ${source.commit}`,
    '// (permissions/new/permissions.json, permissions/new/provisioningInfo.json,',
    '// permissions/permissions-descriptions.json). The data is under this licence:',
    '//',
    ...licenseText.split('\n').map((line) => `// ${line}`.trimEnd()),
    '//',
    '// Encoding: see ./encoding.ts.',
    "import type { EncodedPermission } from './encoding.js';",
    '',
    `export const dataSource = ${JSON.stringify({ ...source, license: `${source.license} (${licenseText.split('\n')[2]})` })} as const;`,
    '',
    `export const encodedTemplates = ${JSON.stringify(encodeTemplates(templates, (template) => grants.get(template)))};`,
    '',
    `export const alsoRequiresTable: readonly string[] = ${JSON.stringify(alsoRequiresTable)};`,
    '',
    'export const encodedPermissions: readonly EncodedPermission[] = [',
    ...records.map((record) => `  ${JSON.stringify(record)},`),
    '];',
    '',
  ];
  return lines.join('\n');
}

function main(argv) {
  const option = (flag) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dataDir = option('--data') ?? defaultDataDir;
  const target = option('--target') ?? defaultTarget;
  if (!existsSync(resolve(dataDir, 'permissions.json'))) {
    console.error(`generate-catalog: no permission data in ${dataDir}`);
    return 2;
  }
  const text = generateCatalogModule(dataDir);
  if (argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current === text) {
      console.log(`generate-catalog: ${target} is current`);
      return 0;
    }
    console.error(`generate-catalog: ${target} is stale; run npm run generate`);
    return 1;
  }
  writeFileSync(target, text);
  console.log(`generate-catalog: wrote ${target} (${text.length} characters)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
