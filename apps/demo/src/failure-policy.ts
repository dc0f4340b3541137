import { AppError, type FailureKind, type ReceivedFailure } from './app-error.js';
import { receivedFrom } from './received.js';

/**
 * The service's own error handling: which failures are worth one retry, and what to tell the
 * user about the rest. Written from what Graph and the token endpoint send, not from a library.
 */

/** What one retry should do differently: a token fresh from the token endpoint, or one with the claims Graph asked for. */
export type Recovery = { readonly kind: 'fresh-token' } | { readonly kind: 'claims'; readonly claims: string };

/** A 401 may heal with a new token; a claims challenge names the claims the new token needs. */
export function recoveryFor(received: ReceivedFailure): Recovery | undefined {
  if (received.from !== 'graph' || received.status !== 401) return undefined;
  const claims = challengeClaims(received.headers['www-authenticate']);
  return claims === undefined ? { kind: 'fresh-token' } : { kind: 'claims', claims };
}

/** The `claims` a retry's token request carries (spread first, so the scopes stay readable to linters). */
export function claimsOf(recovery: Recovery | undefined): { claims?: string } {
  return recovery?.kind === 'claims' ? { claims: recovery.claims } : {};
}

/**
 * `WWW-Authenticate: Bearer ..., error="insufficient_claims", claims="<base64>"` (continuous access
 * evaluation): the claims to pass to the next token request, decoded.
 */
export function challengeClaims(header: string | undefined): string | undefined {
  if (header?.includes('error="insufficient_claims"') !== true) return undefined;
  const encoded = /claims="([^"]+)"/.exec(header)?.[1];
  return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
}

/** Turns whatever a client threw into the AppError the caller gets. */
export function toAppError(operation: string, error: unknown, retried: boolean): AppError {
  if (error instanceof AppError) return error;
  const received = receivedFrom(error);
  const { kind, message } = classify(operation, received);
  const claims = claimsToForward(received);
  return new AppError(kind, message, received, { operation, retried, ...(claims === undefined ? {} : { claims }) }, { cause: error });
}

function classify(operation: string, received: ReceivedFailure): { kind: FailureKind; message: string } {
  return received.from === 'token-endpoint' ? classifyTokenError(received) : classifyGraphError(operation, received);
}

function classifyGraphError(operation: string, received: ReceivedFailure): { kind: FailureKind; message: string } {
  switch (received.status) {
    case 401:
      return { kind: 'token-rejected', message: `Microsoft Graph rejected the access token (${received.message}). Check the app's tenant and registration.` };
    case 403:
      return {
        kind: 'missing-permission',
        message: `You are not allowed to ${operation}: Graph refused it (${received.code ?? '403'}: ${received.message}). Ask your administrator for the permission or role it needs.`,
      };
    case 400:
      return { kind: 'configuration', message: `Graph refused the request as invalid (${received.message}). This is a bug in the app.` };
    default:
      return { kind: 'unexpected', message: `Could not ${operation}: ${received.message}` };
  }
}

/** The token endpoint's OAuth errors, with the AADSTS codes users meet most. */
function classifyTokenError(received: ReceivedFailure): { kind: FailureKind; message: string } {
  const aadsts = aadstsOf(received.body);
  if (received.code === 'interaction_required' || aadsts === 50076 || aadsts === 53003) {
    return { kind: 'sign-in-required', message: 'Your organisation requires you to sign in again (multi-factor authentication or a sign-in policy). Sign in and retry.' };
  }
  if (aadsts === 65001 || received.code === 'consent_required') {
    return { kind: 'missing-permission', message: 'The app has not been granted consent for what it asked. An administrator must grant consent in the Entra admin center.' };
  }
  if (received.code === 'invalid_client') return { kind: 'configuration', message: "The app's credentials were refused: check the client secret or certificate." };
  if (received.code === 'invalid_scope') return { kind: 'configuration', message: `The app asked for scopes the sign-in does not accept (${aadstsSentence(received.message)}).` };
  if (received.code === 'invalid_grant') return { kind: 'sign-in-required', message: 'Your sign-in is no longer valid. Sign in again.' };
  return { kind: 'unexpected', message: `Sign-in failed: ${received.message}` };
}

/**
 * MSAL wraps the token endpoint's description ("Error(s): 28000 - Timestamp: ... - Description:
 * AADSTS28000: ... Trace ID: ..."); users need only the AADSTS sentence.
 */
function aadstsSentence(message: string): string {
  return /AADSTS\d+:[\s\S]*?(?=\s*(?:Trace ID:|Correlation ID:|Timestamp:|$))/.exec(message)?.[0] ?? message;
}

function aadstsOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('error_codes' in body) || !Array.isArray(body.error_codes)) return undefined;
  const [first] = body.error_codes as unknown[];
  return typeof first === 'number' ? first : undefined;
}

/** Claims the client must bring to its next interactive sign-in (conditional access, CAE). */
function claimsToForward(received: ReceivedFailure): string | undefined {
  if (received.from === 'graph') return challengeClaims(received.headers['www-authenticate']);
  const body = received.body;
  return typeof body === 'object' && body !== null && 'claims' in body && typeof body.claims === 'string' ? body.claims : undefined;
}
