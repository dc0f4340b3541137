import { GraphError } from '@microsoft/microsoft-graph-client';
import { recoveryFor, toAppError, type Recovery } from './failure-policy.js';
import { receivedFrom } from './received.js';

/** What the service reports while it works; production wires it to its logger. */
export interface ServiceEvent {
  readonly type: 'retry';
  readonly operation: string;
  readonly recovery: Recovery['kind'];
}
export type ServiceLog = (event: ServiceEvent) => void;

/**
 * One operation's attempts at Graph: the first, and one retry when a 401 may heal with a new
 * token (a fresh one, or one carrying the claims a CAE challenge asked for). The Graph client's
 * authProvider gets its token through `token()`, so the retry's token request knows what to change.
 */
export class TokenAttempts {
  private recovery: Recovery | undefined;
  private tokenFailure: unknown;

  constructor(
    private readonly operation: string,
    private readonly log: ServiceLog,
  ) {}

  /** For the authProvider: acquires with the pending recovery and keeps a failure for `run`. */
  async token(acquire: (recovery: Recovery | undefined) => Promise<string>): Promise<string> {
    const recovery = this.recovery;
    this.recovery = undefined;
    try {
      return await acquire(recovery);
    } catch (error) {
      this.tokenFailure = error;
      throw error;
    }
  }

  /** Sends, retries once if the failure allows, and turns what remains into an AppError. */
  async run<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      const cause = this.original(error);
      const recovery = recoveryFor(receivedFrom(cause));
      if (recovery === undefined) throw toAppError(this.operation, cause, false);
      this.log({ type: 'retry', operation: this.operation, recovery: recovery.kind });
      this.recovery = recovery;
      try {
        return await send();
      } catch (retryError) {
        throw toAppError(this.operation, this.original(retryError), true);
      }
    }
  }

  /**
   * The Graph client turns an authProvider's error into a GraphError with status -1, dropping
   * MSAL's error code, suberror and claims: the original error is the one to judge.
   */
  private original(error: unknown): unknown {
    if (error instanceof GraphError && error.statusCode === -1 && this.tokenFailure !== undefined) return this.tokenFailure;
    return error;
  }
}
