#!/usr/bin/env node
// Catalog benchmark (npm run bench, after npm run build): against ../dist.
//  1. Lookup throughput of the compiled trie vs a naive linear regex scan of every template,
//     measured in the same run over the same realistic URLs, reported as a ratio (goal >= 100x).
//  2. Load time: a fresh `node` importing the package and answering its first lookup (goal < 30 ms).
//  3. Memory of the loaded catalog: heapUsed after vs before, with --expose-gc, in a fresh process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
if (!existsSync(resolve(dist, 'index.js'))) {
  console.error('bench: ../dist is missing; run `npm run build` first.');
  process.exit(1);
}
const distUrl = (file) => pathToFileURL(resolve(dist, file)).href;
const core = await import(distUrl('index.js'));
const { encodedTemplates } = await import(distUrl('catalog/data.generated.js'));
const { decodeTemplates } = await import(distUrl('catalog/encoding.js'));
const templates = decodeTemplates(encodedTemplates);

// A deterministic sample: seeded choices, realistic ids and decorations.
function seeded(seed) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const random = seeded(20260807);
const pick = (list) => list[Math.floor(random() * list.length)];
const ids = [
  '4f1c9a2e-7d3b-4b8e-9a51-2c6d8e0f1a3b',
  'adele.vance@contoso.com',
  'adele.vance%40contoso.com',
  '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K',
  'AAMkAGI2THVSAAA=',
  '12345',
];
const hosts = ['https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/beta', '/v1.0', '', 'https://graph.microsoft.us/v1.0'];
const queries = ['', '?$select=id,displayName', '?$top=10&$count=true'];
const sample = Array.from({ length: 200 }, () => {
  const template = pick(templates).split('?', 1)[0];
  return `${pick(hosts)}${template.replace(/\{[^}]*\}/g, () => pick(ids))}${pick(queries)}`;
});

// The baseline a first implementation would write: one regex per template, tried in order.
const scan = templates.map((template) => {
  const body = template
    .split('?', 1)[0]
    .split(/\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return { template, pattern: new RegExp(`^${body}/?$`, 'i') };
});
function naiveMatch(url) {
  let path = url.replace(/^https?:\/\/[^/]+/i, '').split(/[?#]/, 1)[0];
  path = path.replace(/^\/(v1\.0|beta)(?=\/)/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path
  }
  return scan.find((entry) => entry.pattern.test(path))?.template;
}

const bench = new Bench({ time: 1500, warmupTime: 300 });
let sink = 0;
bench
  .add('naive regex scan (200 URLs)', () => {
    for (const url of sample) if (naiveMatch(url)) sink++;
  })
  .add('matchGraphPath, trie (200 URLs)', () => {
    for (const url of sample) if (core.matchGraphPath(url)) sink++;
  })
  .add('requiredPermissions GET (200 URLs)', () => {
    for (const url of sample) if (core.requiredPermissions('GET', url)) sink++;
  });
await bench.run();

const meanOf = (name) => bench.tasks.find((task) => task.name === name)?.result?.latency?.mean ?? Number.NaN;
const naive = meanOf('naive regex scan (200 URLs)');
const trie = meanOf('matchGraphPath, trie (200 URLs)');
const required = meanOf('requiredPermissions GET (200 URLs)');
const perLookupUs = (ms) => ((ms * 1000) / sample.length).toFixed(2);

function fresh(code, flags = []) {
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim();
}
// Wall time and CPU time: on a busy machine the CPU time is the steadier figure.
const loadCode = (file) => `const wall = performance.now(); const cpu = process.cpuUsage();
const m = await import(${JSON.stringify(distUrl('index.js'))}.replace('index.js', '${file}'));
m.requiredPermissions('GET', '/me'); const used = process.cpuUsage(cpu);
console.log(JSON.stringify([performance.now() - wall, (used.user + used.system) / 1000]));`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function loadTimes(file) {
  const runs = Array.from({ length: 7 }, () => JSON.parse(fresh(loadCode(file))));
  return { wall: median(runs.map(([wall]) => wall)), cpu: median(runs.map(([, cpu]) => cpu)) };
}
const indexLoad = loadTimes('index.js');
const catalogLoad = loadTimes('catalog.js');
// Heap after the first lookup (one root resource compiled), and after every template has been
// looked up with its permissions (the whole trie and every grant decoded).
const memoryCode = `gc(); const before = process.memoryUsage().heapUsed;
const m = await import(${JSON.stringify(distUrl('catalog.js'))}); m.requiredPermissions('GET', '/me');
gc(); const first = process.memoryUsage().heapUsed - before;
const { encodedTemplates } = await import(${JSON.stringify(distUrl('catalog/data.generated.js'))});
const { decodeTemplates } = await import(${JSON.stringify(distUrl('catalog/encoding.js'))});
for (const t of decodeTemplates(encodedTemplates)) for (const method of ['GET', 'POST']) m.requiredPermissions(method, t.split('?')[0]);
gc(); console.log(JSON.stringify([first, process.memoryUsage().heapUsed - before]));`;
const [heapFirst, heapFull] = JSON.parse(fresh(memoryCode, ['--expose-gc']));
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = ({ wall, cpu }) => `${wall.toFixed(1)} ms (CPU ${cpu.toFixed(1)} ms)`;

console.table([
  { measure: 'naive regex scan, per lookup', value: `${perLookupUs(naive)} µs` },
  { measure: 'trie matchGraphPath, per lookup', value: `${perLookupUs(trie)} µs` },
  { measure: 'requiredPermissions, per lookup', value: `${perLookupUs(required)} µs` },
  { measure: 'speed-up trie vs scan (goal >= 100x)', value: `${(naive / trie).toFixed(0)}x` },
  { measure: 'speed-up requiredPermissions vs scan', value: `${(naive / required).toFixed(0)}x` },
  { measure: 'load: import catalog + first lookup (goal < 30 ms)', value: ms(catalogLoad) },
  { measure: 'load: import whole package + first lookup', value: ms(indexLoad) },
  { measure: 'heap: catalog after first lookup', value: mib(heapFirst) },
  { measure: 'heap: catalog fully compiled', value: mib(heapFull) },
]);
if (sink < 0) console.log(sink); // keeps the loops observable
