/**
 * A grant that fails names its AADSTS code and the details of the description. Throwing it lets
 * each validation step read as one line (`if (bad) fail(...)`); the endpoint that catches it adds
 * what belongs to the request (correlation id, timestamp) and builds the response.
 */
import { tokenErrorResponse, type ErrorResponseSpec, type TokenErrorBody, type TokenErrorOptions } from '@graph-authz/core';

export class StsFailure extends Error {
  constructor(
    readonly aadsts: number,
    readonly options: TokenErrorOptions,
  ) {
    super(`AADSTS${String(aadsts)}`);
    this.name = 'StsFailure';
  }
}

export function fail(aadsts: number, options: TokenErrorOptions = {}): never {
  throw new StsFailure(aadsts, options);
}

/** The response to a failure: Entra's correlation id is the client's `client-request-id` when it sent one. */
export function failureSpec(failure: StsFailure, request: Request, now: Date): ErrorResponseSpec<TokenErrorBody> {
  const correlationId = request.headers.get('client-request-id') ?? new URL(request.url).searchParams.get('client-request-id') ?? undefined;
  return tokenErrorResponse(failure.aadsts, { ...failure.options, timestamp: now, ...(correlationId === undefined ? {} : { correlationId }) });
}
