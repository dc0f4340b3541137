import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { ReceivedFailure } from './app-error.js';

/**
 * Reads what a client threw back into what the service received. GraphError keeps the response's
 * headers and its `error` object as JSON text; MSAL keeps the token endpoint's OAuth error, the
 * AADSTS number (errorNo), the suberror and the claims.
 */
export function receivedFrom(error: unknown): ReceivedFailure {
  if (error instanceof GraphError) return fromGraphError(error);
  if (error instanceof AuthError) return fromMsalError(error);
  const message = error instanceof Error ? error.message : String(error);
  return { from: 'network', status: undefined, code: undefined, message, headers: {}, body: undefined };
}

function fromGraphError(error: GraphError): ReceivedFailure {
  const headers: Record<string, string> = {};
  error.headers?.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    from: 'graph',
    status: error.statusCode,
    code: typeof error.code === 'string' ? error.code : undefined,
    message: error.message,
    headers,
    body: { error: parseJson(error.body) },
  };
}

function fromMsalError(error: AuthError): ReceivedFailure {
  const details = msalDetails(error);
  return {
    from: 'token-endpoint',
    // The token endpoint answers 401 only for invalid_client (RFC 6749 §5.2).
    status: details.status ?? (error.errorCode === 'invalid_client' ? 401 : 400),
    code: error.errorCode,
    message: error.errorMessage,
    headers: {},
    body: {
      error: error.errorCode,
      error_description: error.errorMessage,
      ...(details.aadsts === undefined ? {} : { error_codes: [details.aadsts] }),
      ...(error.subError === '' ? {} : { suberror: error.subError }),
      ...(details.claims === undefined ? {} : { claims: details.claims }),
    },
  };
}

function msalDetails(error: AuthError): { status: number | undefined; aadsts: number | undefined; claims: string | undefined } {
  if (error instanceof InteractionRequiredAuthError) {
    return { status: undefined, aadsts: aadstsOf(error.errorNo), claims: error.claims === '' ? undefined : error.claims };
  }
  if (error instanceof ServerError) return { status: error.status, aadsts: aadstsOf(error.errorNo), claims: undefined };
  return { status: undefined, aadsts: undefined, claims: undefined };
}

function aadstsOf(errorNo: string | undefined): number | undefined {
  const number = Number(errorNo);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
