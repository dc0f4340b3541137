/**
 * The one error the service's callers see. Clients throw four different shapes (MSAL's ServerError,
 * InteractionRequiredAuthError, the Graph client's GraphError, plain network errors); callers need
 * only to know what to do next and what to tell the user.
 */

/** What the caller should do about the failure. */
export type FailureKind =
  /** The app's own registration or code is wrong (bad secret, wrong scopes): an operator must fix it. */
  | 'configuration'
  /** Permissions or consent are missing: an administrator must grant them. */
  | 'missing-permission'
  /** The signed-in user may not do this (role, licence, account type). */
  | 'not-allowed'
  /** The user must sign in again, interactively; `claims` goes back to the client. */
  | 'sign-in-required'
  /** Graph kept rejecting the token, even a fresh one. */
  | 'token-rejected'
  /** Anything else: report it as is. */
  | 'unexpected';

/** What the app received, kept as it came so it can be logged and diagnosed later. */
export interface ReceivedFailure {
  readonly from: 'graph' | 'token-endpoint' | 'network';
  readonly status: number | undefined;
  /** Graph's error.code, or the token endpoint's OAuth error. */
  readonly code: string | undefined;
  readonly message: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export class AppError extends Error {
  constructor(
    readonly kind: FailureKind,
    /** The sentence shown to the user (or the operator, for configuration failures). */
    readonly userMessage: string,
    readonly received: ReceivedFailure,
    readonly details: { readonly operation: string; readonly retried: boolean; readonly claims?: string | undefined },
    options?: ErrorOptions,
  ) {
    super(`${details.operation}: ${userMessage}`, options);
    this.name = 'AppError';
  }
}
