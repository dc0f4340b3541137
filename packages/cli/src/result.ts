import { GraphAuthzError } from '@graph-authz/core';
import { InputError } from './errors.js';

/** 0: answered; 1: the input was fine but there is no answer (or problems were found); 2: bad input. */
export type ExitCode = 0 | 1 | 2;

/** What a command produces. Commands are pure: text in, this out; the binary does the writing. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: ExitCode;
}

export function success(stdout: string, exitCode: ExitCode = 0): CommandResult {
  return { stdout, stderr: '', exitCode };
}

/**
 * Turns bad input (the CLI's own InputError, the core's typed errors) into one line and exit 2.
 * Anything else is a bug and propagates, so it is not mistaken for the user's fault.
 */
export function guard<T extends unknown[]>(command: string, run: (...args: T) => CommandResult): (...args: T) => CommandResult {
  return (...args) => {
    try {
      return run(...args);
    } catch (error) {
      if (error instanceof InputError || error instanceof GraphAuthzError) return badInput(command, error.message);
      throw error;
    }
  };
}

export function badInput(command: string, message: string): CommandResult {
  return { stdout: '', stderr: `graph-authz ${command}: ${message}\n`, exitCode: 2 };
}
