#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { processIo } from './io.js';
import { run } from './program.js';

// dist/bin.js sits one level below package.json, as src/bin.ts does.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

// `graph-authz permissions GET /users | head -3`: a reader that leaves early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`graph-authz: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 3);
});

process.exitCode = await run(process.argv.slice(2), processIo(), version);
