/**
 * `createTenant(config)`: an emulated Entra ID tenant and the Graph that trusts it, as MSW handlers.
 * Tokens come from the real flows (MSAL, @azure/identity against the token endpoint) or straight
 * from `issueToken`; either way they are RS256 JWTs Graph-side verification accepts only if genuine.
 */
import { InvalidArgumentError } from '@graph-authz/core';
import type { JSONWebKeySet } from 'jose';
import type { HttpHandler } from 'msw';
import { authorizeHandler } from './authorize.js';
import { normalizeConfig, type TenantConfig } from './config.js';
import { findApp, findUser, loginHost, type TenantContext } from './context.js';
import { approveDeviceCode, deviceCodeHandler } from './device-code.js';
import { graphHandler } from './graph.js';
import { createSigningKey } from './keys.js';
import { metadataHandlers } from './metadata.js';
import { mintAccessToken } from './minting.js';
import { TenantState } from './state.js';
import { tokenEndpointHandler } from './token-endpoint.js';

export interface IssueTokenOptions {
  /** The client the token is issued to; defaults to the first app of the config. */
  readonly appId?: string;
  /** A user id or UPN: the token is delegated (`scp`) for that user; else app-only (`roles`). */
  readonly userId?: string;
  /** Delegated permissions (`scp`); defaults to the app's consented delegated permissions. */
  readonly scopes?: readonly string[];
  /** Application permissions (`roles`); defaults to the app's granted application permissions. */
  readonly roles?: readonly string[];
  /** The `aud`; defaults to `https://graph.microsoft.com`. */
  readonly audience?: string;
  /** `xms_cc: ["CP1"]`; defaults to the app's `caeCapable`. */
  readonly cae?: boolean;
  /** Whether the sign-in performed MFA (`amr`). */
  readonly mfa?: boolean;
  readonly lifetimeSeconds?: number;
  /** Claims added to (or replacing) the minted ones, for unusual tokens. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface Tenant {
  /** Every handler of the tenant: identity platform endpoints and Graph. `server.use(...tenant.handlers)`. */
  readonly handlers: HttpHandler[];
  readonly tenantId: string;
  /** `https://login.microsoftonline.com/{tenantId}`, the authority to configure clients with. */
  readonly authority: string;
  /** The public signing keys, as the JWKS endpoint serves them. */
  readonly jwks: JSONWebKeySet;
  /** Mints an access token as the token endpoint would (a JWT, or an opaque token for a personal account). */
  issueToken(options?: IssueTokenOptions): Promise<string>;
  /** Revokes the user's sessions: refresh tokens stop working, CAE-capable tokens get a claims challenge. */
  revokeSessions(userId: string): void;
  /** Freezes the tenant's clock (token lifetimes, expiry checks) at `date`; `undefined` lets it run again from the configured clock. */
  setTime(date: Date | undefined): void;
  /** Completes a device code sign-in as `userId` (what the user does at microsoft.com/devicelogin). */
  approveDeviceCode(userCode: string, userId: string): void;
}

export function createTenant(config: TenantConfig): Tenant {
  const normalized = normalizeConfig(config);
  const context: TenantContext = { config: normalized, key: createSigningKey(), state: new TenantState(config.clock ?? (() => new Date())) };
  return {
    // Graph first: it is the hot path, and MSW tries handlers in order.
    handlers: [graphHandler(context), tokenEndpointHandler(context), ...metadataHandlers(context), deviceCodeHandler(context), authorizeHandler(context)],
    tenantId: normalized.tenantId,
    authority: `https://${loginHost}/${normalized.tenantId}`,
    jwks: context.key.jwks,
    issueToken: (options = {}) => issueToken(context, options),
    revokeSessions: (userId) => {
      const user = findUser(context, userId);
      if (user === undefined) throw new InvalidArgumentError('userId', `revokeSessions: no user '${userId}' in tenant ${normalized.tenantId}.`);
      context.state.revoke(user.id);
    },
    setTime: (date) => {
      if (date !== undefined && Number.isNaN(date.getTime())) throw new InvalidArgumentError('date', 'setTime needs a valid Date (or undefined for the configured clock).');
      context.state.setTime(date);
    },
    approveDeviceCode: (userCode, userId) => {
      const user = findUser(context, userId);
      if (user === undefined) throw new InvalidArgumentError('userId', `approveDeviceCode: no user '${userId}' in tenant ${normalized.tenantId}.`);
      approveDeviceCode(context, userCode, user.id);
    },
  };
}

async function issueToken(context: TenantContext, options: IssueTokenOptions): Promise<string> {
  const firstApp = [...context.config.apps.values()][0];
  const app = options.appId === undefined ? firstApp : findApp(context, options.appId);
  if (app === undefined) throw new InvalidArgumentError('appId', `issueToken: no app '${options.appId ?? '(first app)'}' in tenant ${context.config.tenantId}.`);
  const user = options.userId === undefined ? undefined : findUser(context, options.userId);
  if (options.userId !== undefined && user === undefined) {
    throw new InvalidArgumentError('userId', `issueToken: no user '${options.userId}' in tenant ${context.config.tenantId}.`);
  }
  const minted = await mintAccessToken(context, {
    app,
    audience: options.audience ?? 'https://graph.microsoft.com',
    user,
    ...(user === undefined
      ? { roles: options.roles ?? (app.applicationPermissions ?? []).filter((entry) => !entry.includes('/')) }
      : { scopes: options.scopes ?? (app.delegatedPermissions ?? []).filter((entry) => !entry.includes('/')) }),
    cae: options.cae ?? app.caeCapable ?? false,
    amr: options.mfa === true ? ['pwd', 'mfa'] : ['pwd'],
    ...(options.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: options.lifetimeSeconds }),
    ...(options.claims === undefined ? {} : { claims: options.claims }),
  });
  return minted.token;
}
