import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../..', import.meta.url));
export const binPath = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the BUILT binary (`node dist/bin.js`) as users do: a process, argv, stdin, env. */
export function runCli(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  if (!existsSync(binPath)) throw new Error(`${binPath} is missing: run "npm run build" first (turbo's test task does)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: packageDir,
      // A clean colour environment: tests opt into colour explicitly.
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export async function runJson(args: readonly string[], options?: { input?: string }): Promise<{ code: number | null; json: Record<string, unknown> }> {
  const result = await runCli([...args, '--json'], options);
  if (result.stderr !== '') throw new Error(`unexpected stderr: ${result.stderr}`);
  return { code: result.code, json: JSON.parse(result.stdout) as Record<string, unknown> };
}
