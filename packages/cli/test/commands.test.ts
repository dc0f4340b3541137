import { readFileSync } from 'node:fs';
import { graphErrorResponse } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { ansiStyle, decodeCommand, explainCommand, permissionsCommand, run, type CliIo } from '../src/index.js';
import { fixture } from './helpers/run-cli.js';

// The exported commands are pure (text in, text and exit code out): usable without a process.
describe('the command functions', () => {
  it('explainCommand: a generated response in, the report and exit code out', () => {
    const response = graphErrorResponse('wrong-audience');
    const result = explainCommand(JSON.stringify(response.body), { status: response.status });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('(wrong-audience)');
  });

  it('explainCommand: bad input is a result with exit 2, not a throw', () => {
    expect(explainCommand('nonsense')).toEqual({
      stdout: '',
      stderr: expect.stringMatching(/^graph-authz explain: not a response/) as unknown,
      exitCode: 2,
    });
  });

  it('decodeCommand judges expiry against the given now', () => {
    const token = readFileSync(fixture('token-delegated-expired.jwt'), 'utf8');
    const before = decodeCommand(token, { now: new Date('2026-11-24T10:00:00Z') });
    const after = decodeCommand(token, { now: new Date('2026-11-24T12:15:00Z') });
    expect(before.exitCode).toBe(0);
    expect(before.stdout).toContain('2026-11-24 10:15:00 UTC (in 15 minutes)');
    expect(after.exitCode).toBe(1);
    expect(after.stdout).toContain('expired 2 hours ago');
  });

  it('styles are applied only when asked for', () => {
    const plain = permissionsCommand('GET', '/me');
    const coloured = permissionsCommand('GET', '/me', { style: ansiStyle });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(coloured.stdout).toContain('\u001b[1mGET /me\u001b[22m');
    expect(coloured.stdout.replaceAll(new RegExp(String.raw`\u001b\[\d+m`, 'g'), '')).toBe(plain.stdout);
  });

  it('run() drives the commands through an injected io', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      readStdin: () => Promise.resolve(readFileSync(fixture('token-aadsts65001.json'), 'utf8')),
      readFile: (path) => Promise.resolve(readFileSync(path, 'utf8')),
      stdinIsTTY: false,
      stdoutIsTTY: true,
      env: {},
      now: () => new Date('2026-11-24T09:30:00Z'),
    };
    expect(await run(['explain', '-'], io)).toBe(0);
    expect(out.join('')).toContain('\u001b['); // a TTY without NO_COLOR gets colour
    expect(out.join('')).toContain('(consent-required)');
    expect(await run(['explain'], { ...io, stdinIsTTY: true })).toBe(2);
    expect(err.join('')).toContain('graph-authz explain: no response given: pass a FILE, or pipe it in');
  });

  it('an unexpected failure is an internal error (exit 3): one message, no stack trace', async () => {
    const err: string[] = [];
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (text) => err.push(text),
      readStdin: () => Promise.reject(new Error('stdin went away')),
      readFile: () => Promise.reject(new Error('unused')),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      env: {},
      now: () => new Date(),
    };
    expect(await run(['explain', '-'], io)).toBe(3);
    expect(err.join('')).toBe('graph-authz: internal error: stdin went away\nThis is a bug in graph-authz; please report it with the input that caused it.\n');
  });
});
