/**
 * Every error the core throws is one of these: typed, with a stable `code` a caller can switch on
 * and a message that names what was wrong. Nothing in the core throws a bare `Error` or a string.
 */

export type GraphAuthzErrorCode =
  | 'ERR_TOKEN_FORMAT'
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_INVALID_URL'
  | 'ERR_UNKNOWN_SCENARIO';

export abstract class GraphAuthzError extends Error {
  abstract readonly code: GraphAuthzErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** What is wrong with a string that was meant to be a JWT access token. */
export type TokenDefect =
  | 'not-a-string'
  | 'empty'
  | 'no-dots'
  | 'wrong-segment-count'
  | 'bad-base64url'
  | 'bad-json'
  | 'header-not-object'
  | 'payload-not-object'
  | 'bad-claim'
  | 'too-large';

/** The token is not a well-formed JWT (Graph answers such a token with IDX14100 and friends). */
export class TokenFormatError extends GraphAuthzError {
  readonly code = 'ERR_TOKEN_FORMAT';

  constructor(
    readonly defect: TokenDefect,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A function was given an argument it cannot work with; `argument` names which. */
export class InvalidArgumentError extends GraphAuthzError {
  readonly code = 'ERR_INVALID_ARGUMENT';

  constructor(
    readonly argument: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A URL that cannot be parsed as a Graph (or other resource) URL. */
export class InvalidUrlError extends GraphAuthzError {
  readonly code = 'ERR_INVALID_URL';

  constructor(
    readonly url: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A scenario id that is not in the catalog. */
export class UnknownScenarioError extends GraphAuthzError {
  readonly code = 'ERR_UNKNOWN_SCENARIO';

  constructor(
    readonly scenarioId: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
