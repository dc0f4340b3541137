/**
 * `POST /{tenant}/oauth2/v2.0/token`: parses the form, redeems the grant and answers with the token
 * response or the exact AADSTS error. Requests for another tenant fall through to the next handler.
 */
import { http, type HttpHandler } from 'msw';
import { readClientCredentials } from './client-auth.js';
import { loginHost, type TenantContext } from './context.js';
import { StsFailure, failureSpec } from './failure.js';
import { redeemGrant } from './grants.js';
import { fromSpec, guard, json } from './responses.js';
import { resolveTenantSegment } from './tenant-segment.js';

export function tokenEndpointHandler(context: TenantContext): HttpHandler {
  return http.post(
    `https://${loginHost}/:tenant/oauth2/v2.0/token`,
    guard('identity-platform', async ({ request, params }) => {
      if (resolveTenantSegment(context, params.tenant) === undefined) return undefined;
      const form = new URLSearchParams(await request.text());
      const url = new URL(request.url);
      try {
        const body = await redeemGrant(context, {
          params: form,
          tokenEndpoint: `${url.origin}${url.pathname}`,
          credentials: readClientCredentials(form, request.headers.get('authorization')),
        });
        return json(body, 200, { 'client-request-id': request.headers.get('client-request-id') ?? crypto.randomUUID() });
      } catch (error) {
        if (error instanceof StsFailure) return fromSpec(failureSpec(error, request, context.state.now()));
        throw error;
      }
    }),
  );
}
