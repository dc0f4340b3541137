/**
 * Turning the core's response specs into MSW responses, and the one guard every resolver runs in:
 * an exception inside the emulator must never reach the client as a 200, because MSAL takes any JSON
 * without an `error` member for a token, even on a 500.
 */
import type { ErrorResponseSpec } from '@graph-authz/core';
import { HttpResponse, type HttpResponseResolver } from 'msw';

export function fromSpec(spec: ErrorResponseSpec<unknown>): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(spec.body), { status: spec.status, headers: spec.headers });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', ...headers },
  });
}

/** Where a failing resolver sits decides the shape of its 500: OAuth error or Graph error. */
export type Surface = 'identity-platform' | 'graph';

/** The 500 an emulator bug answers with; it names the bug so the test output explains itself. */
export function internalError(surface: Surface, error: unknown): HttpResponse<string> {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message = `The graph-authz emulator failed while answering this request (${detail}).`;
  return surface === 'identity-platform'
    ? json({ error: 'server_error', error_description: message, error_codes: [], timestamp: new Date().toISOString() }, 500)
    : json({ error: { code: 'InternalServerError', message, innerError: { date: new Date().toISOString() } } }, 500);
}

/** What MSW hands a resolver of an `http.*` handler. */
export type ResolverInfo = Parameters<HttpResponseResolver>[0];

/** Runs a resolver and turns anything it throws into the 500 above. */
export function guard(
  surface: Surface,
  resolver: (info: ResolverInfo) => Promise<Response | undefined> | Response | undefined,
): HttpResponseResolver {
  return async (info) => {
    try {
      return await resolver(info);
    } catch (error) {
      return internalError(surface, error);
    }
  };
}

/** The `client-request-id` the client sent, which Graph and Entra echo back. */
export function clientRequestId(request: Request): string | undefined {
  return request.headers.get('client-request-id') ?? undefined;
}
