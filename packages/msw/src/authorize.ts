/**
 * `GET /{tenant}/oauth2/v2.0/authorize`: the browser leg of the authorization code flow, answered
 * without a browser. The user named by `login_hint` signs in at once and the response is the
 * redirect a browser would follow (`302` to `redirect_uri?code=…&state=…`, or `?error=…`).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { findApp, findUser, loginHost, type TenantContext } from './context.js';
import { StsFailure, fail, failureSpec } from './failure.js';
import { opaqueHandle } from './minting.js';
import { enforcePolicies, interactiveMfa } from './policies.js';
import { fromSpec, guard } from './responses.js';
import { parseScopeParameter, resolveScopes } from './scopes.js';
import { tokenErrorResponse } from '@graph-authz/core';
import { resolveTenantSegment } from './tenant-segment.js';

const codeLifetimeMs = 10 * 60 * 1000;

export function authorizeHandler(context: TenantContext): HttpHandler {
  return http.get(
    `https://${loginHost}/:tenant/oauth2/v2.0/authorize`,
    guard('identity-platform', ({ request, params }) => {
      if (resolveTenantSegment(context, params.tenant) === undefined) return undefined;
      const query = new URL(request.url).searchParams;
      const clientId = query.get('client_id') ?? '';
      const app = findApp(context, clientId);
      const redirectUri = query.get('redirect_uri') ?? '';
      // Entra shows an error page, never redirects, when the app or redirect URI is unknown.
      if (app === undefined) return fromSpec(tokenErrorResponse(700016, { tenantId: context.config.tenantId, values: { appId: clientId } }));
      if (!(app.redirectUris ?? []).includes(redirectUri)) {
        return fromSpec(tokenErrorResponse(50011, { tenantId: context.config.tenantId, values: { redirectUri, appId: clientId } }));
      }
      const target = new URL(redirectUri);
      const state = query.get('state');
      if (state !== null) target.searchParams.set('state', state);
      try {
        target.searchParams.set('code', issueCode(context, app.clientId, query, redirectUri));
      } catch (error) {
        if (!(error instanceof StsFailure)) throw error;
        const { body } = failureSpec(error, request, context.state.now());
        target.searchParams.set('error', body.error);
        target.searchParams.set('error_description', body.error_description);
        if (body.suberror !== undefined) target.searchParams.set('error_subcode', body.suberror);
      }
      return new HttpResponse(null, { status: 302, headers: { location: target.toString() } });
    }),
  );
}

function issueCode(context: TenantContext, clientId: string, query: URLSearchParams, redirectUri: string): string {
  const tenantId = context.config.tenantId;
  const hint = query.get('login_hint');
  if (hint === null) fail(900144, { tenantId, values: { parameter: 'login_hint' } });
  const user = findUser(context, hint);
  if (user === undefined) fail(50034, { tenantId, values: { identifier: hint, tenant: tenantId } });
  const app = findApp(context, clientId);
  if (app === undefined) fail(700016, { tenantId, values: { appId: clientId } });
  const scopes = parseScopeParameter(query.get('scope'));
  resolveScopes(context, 'authorization-code', scopes);
  const mfa = interactiveMfa(user);
  enforcePolicies(context, { app, user, mfa, interactive: true });
  const code = opaqueHandle('1.AQ', 96);
  const now = context.state.now().getTime();
  context.state.authorizationCodes.set(code, {
    clientId,
    userId: user.id,
    scopes,
    authenticatedAt: now,
    mfa,
    redirectUri,
    codeChallenge: query.get('code_challenge') ?? undefined,
    expiresAt: now + codeLifetimeMs,
  });
  return code;
}
