import { readFile } from 'node:fs/promises';
import { text as readStream } from 'node:stream/consumers';
import { InputError } from './errors.js';

/**
 * Everything the CLI touches outside itself. The commands take it as a parameter so tests can run
 * them in-process with fake input, and the binary passes the real process.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readStream(process.stdin),
    readFile: (path) => readFile(path, 'utf8'),
    stdinIsTTY: process.stdin.isTTY,
    stdoutIsTTY: process.stdout.isTTY,
    env: process.env,
    now: () => new Date(),
  };
}

/** Reads FILE, or stdin for `-` or no argument (refusing an interactive terminal, which would hang). */
export async function readInput(io: CliIo, file: string | undefined, what: string): Promise<string> {
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY) {
      throw new InputError(`no ${what} given: pass a FILE, or pipe it in (use - for stdin)`);
    }
    return io.readStdin();
  }
  return readFileOrExplain(io, file);
}

/** A value given inline, as `@file`, or as `-` for stdin (the forms --token and decode accept). */
export async function readValue(io: CliIo, value: string, what: string): Promise<string> {
  if (value === '-') return readInput(io, value, what);
  if (value.startsWith('@')) return readFileOrExplain(io, value.slice(1));
  return value;
}

async function readFileOrExplain(io: CliIo, path: string): Promise<string> {
  if (path === '') throw new InputError('empty file name after @');
  try {
    return await io.readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${fileErrorReason(error)}`, { cause: error });
  }
}

function fileErrorReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
