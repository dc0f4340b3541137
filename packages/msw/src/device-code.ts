/**
 * `POST /{tenant}/oauth2/v2.0/devicecode`: starts a device code sign-in. The scopes are checked
 * here, as Entra does before showing a code. A test signs the user in with
 * `tenant.approveDeviceCode(userCode, userId)`, typically from MSAL's `deviceCodeCallback`.
 */
import { randomInt } from 'node:crypto';
import { InvalidArgumentError } from '@graph-authz/core';
import { http, type HttpHandler } from 'msw';
import { findApp, loginHost, type TenantContext } from './context.js';
import { StsFailure, fail, failureSpec } from './failure.js';
import { opaqueHandle } from './minting.js';
import { fromSpec, guard, json } from './responses.js';
import { parseScopeParameter, resolveScopes } from './scopes.js';
import { resolveTenantSegment } from './tenant-segment.js';

const verificationUri = 'https://microsoft.com/devicelogin';
const lifetimeSeconds = 900;

export function deviceCodeHandler(context: TenantContext): HttpHandler {
  return http.post(
    `https://${loginHost}/:tenant/oauth2/v2.0/devicecode`,
    guard('identity-platform', async ({ request, params }) => {
      if (resolveTenantSegment(context, params.tenant) === undefined) return undefined;
      const form = new URLSearchParams(await request.text());
      try {
        return json(startDeviceCode(context, form));
      } catch (error) {
        if (error instanceof StsFailure) return fromSpec(failureSpec(error, request, context.state.now()));
        throw error;
      }
    }),
  );
}

function startDeviceCode(context: TenantContext, form: URLSearchParams): Record<string, unknown> {
  const tenantId = context.config.tenantId;
  const clientId = form.get('client_id');
  if (clientId === null) fail(900144, { tenantId, values: { parameter: 'client_id' } });
  const app = findApp(context, clientId);
  if (app === undefined) fail(700016, { tenantId, values: { appId: clientId, tenant: tenantId } });
  const scopes = parseScopeParameter(form.get('scope'));
  resolveScopes(context, 'device-code', scopes);
  const userCode = Array.from({ length: 9 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.charAt(randomInt(32))).join('');
  const deviceCode = opaqueHandle('DAQABAAEAAA', 60);
  context.state.deviceCodes.set(deviceCode, {
    clientId: app.clientId,
    scopes,
    userCode,
    expiresAt: context.state.now().getTime() + lifetimeSeconds * 1000,
    approvedBy: undefined,
  });
  return {
    user_code: userCode,
    device_code: deviceCode,
    verification_uri: verificationUri,
    expires_in: lifetimeSeconds,
    interval: context.config.deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  };
}

/** What the user does on the verification page: enter the code and sign in. */
export function approveDeviceCode(context: TenantContext, userCode: string, userId: string): void {
  const entry = [...context.state.deviceCodes.values()].find((candidate) => candidate.userCode === userCode.toUpperCase());
  if (entry === undefined) throw new InvalidArgumentError('userCode', `No pending device code sign-in has the user code '${userCode}'.`);
  entry.approvedBy = userId;
}
