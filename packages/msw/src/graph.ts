/**
 * The emulated Graph: every request to a Graph host is verified (`verify.ts`), judged by the core's
 * `evaluate` with what the tenant knows (the user's roles and licences, the app's directory roles,
 * revoked sessions), and answered with the catalog's exact error or a realistic success.
 */
import { bearerTokenOf, evaluate, graphErrorResponse, type AccessToken, type EvaluationContext } from '@graph-authz/core';
import { http, type HttpHandler } from 'msw';
import { findApp, findUser, type TenantContext } from './context.js';
import { graphPathOf, graphUrlPattern } from './graph-hosts.js';
import { clientRequestId, fromSpec, guard } from './responses.js';
import { succeed } from './routes.js';
import { verifyBearer } from './verify.js';

export function graphHandler(context: TenantContext): HttpHandler {
  return http.all(graphUrlPattern, guard('graph', ({ request }) => answerGraph(context, request)));
}

async function answerGraph(context: TenantContext, request: Request): Promise<Response> {
  const now = context.state.now();
  const respond = (scenario: Parameters<typeof graphErrorResponse>[0], variant: string | undefined): Response =>
    fromSpec(graphErrorResponse(scenario, { ...(variant === undefined ? {} : { variant }), ...withClientRequestId(request), date: now }));
  const verification = await verifyBearer(context, bearerTokenOf(request.headers.get('authorization') ?? undefined));
  if (verification.kind === 'rejected') return respond('invalid-token', undefined);
  const body = await bodyOf(request);
  const graphRequest = { method: request.method, url: request.url, headers: request.headers, body };
  if (verification.kind === 'unparsed') {
    const verdict = evaluate(graphRequest, verification.raw ?? '', { now });
    // evaluate cannot accept what is not a JWT; the guard below keeps "never accept" explicit.
    return verdict.ok ? respond('malformed-token', undefined) : respond(verdict.scenario, verdict.variant);
  }
  const token = verification.token;
  const verdict = evaluate(graphRequest, token, evaluationContext(context, token, now));
  if (!verdict.ok) return respond(verdict.scenario, verdict.variant);
  // jose rejected a claim the core accepted (they disagree only at the edges): never let it through.
  if (verification.claimsFailure !== undefined) return respond('invalid-token', undefined);
  const url = new URL(request.url);
  const { version, path } = graphPathOf(url);
  const user = token.kind === 'delegated' && token.userId !== undefined ? findUser(context, token.userId) : undefined;
  return succeed(context.config.routes, context.config.users, { request, method: request.method.toUpperCase(), url, version, path, token, user });
}

function evaluationContext(context: TenantContext, token: AccessToken, now: Date): EvaluationContext {
  const app = token.appId === undefined ? undefined : findApp(context, token.appId);
  const userId = token.kind === 'delegated' ? token.userId : undefined;
  const user = userId === undefined ? undefined : findUser(context, userId);
  const uti = typeof token.claims.uti === 'string' ? token.claims.uti : undefined;
  const iat = typeof token.claims.iat === 'number' ? token.claims.iat : undefined;
  return {
    now,
    clockSkewSeconds: context.config.clockSkewSeconds,
    ...(app?.directoryRoles === undefined ? {} : { appDirectoryRoles: app.directoryRoles }),
    ...(user === undefined
      ? {}
      : {
          user: {
            id: user.id,
            ...(user.directoryRoles === undefined ? {} : { directoryRoles: user.directoryRoles }),
            ...(user.licenses === undefined ? {} : { licenses: user.licenses }),
            ...(user.hasMailbox === undefined ? {} : { hasMailbox: user.hasMailbox }),
          },
        }),
    sessionRevoked: userId !== undefined && context.state.isTokenRevoked(userId, uti, iat),
  };
}

function withClientRequestId(request: Request): { clientRequestId?: string } {
  const id = clientRequestId(request);
  return id === undefined ? {} : { clientRequestId: id };
}

/** The JSON body of a write (resetPassword and PATCH passwordProfile are judged on it). */
async function bodyOf(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const text = await request.clone().text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
