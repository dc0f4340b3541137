/**
 * The grants of `/oauth2/v2.0/token`, each validated as Entra validates it. A grant either returns
 * the token response or throws an `StsFailure` naming the AADSTS error Entra would answer.
 */
import { createHash } from 'node:crypto';
import { flows, type FlowId } from '@graph-authz/core';
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { authenticateClient, type ClientAuthentication, type ClientCredentials } from './client-auth.js';
import type { UserConfig } from './config.js';
import { findApp, findUser, v1Issuer, v2Issuer, type RegisteredApp, type TenantContext } from './context.js';
import { fail } from './failure.js';
import { clientInfo, mintAccessToken, mintIdToken, opaqueHandle } from './minting.js';
import { enforcePolicies, interactiveMfa } from './policies.js';
import { consentedScopes, grantedRoles, parseScopeParameter, resolveScopes, type RequestedScopes } from './scopes.js';
import type { UserGrant } from './state.js';

export interface GrantRequest {
  readonly params: URLSearchParams;
  /** The token endpoint URL as called (the audience of client assertions). */
  readonly tokenEndpoint: string;
  readonly credentials: ClientCredentials;
}

export interface TokenResponseBody {
  readonly token_type: 'Bearer';
  readonly scope: string;
  readonly expires_in: number;
  readonly ext_expires_in: number;
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly client_info?: string;
}

interface Redemption {
  readonly context: TenantContext;
  readonly request: GrantRequest;
  readonly app: RegisteredApp;
  readonly appidacr: ClientAuthentication;
  /** The client asked for `xms_cc: CP1` in `claims`: it can answer CAE challenges. */
  readonly cae: boolean;
}

type GrantHandler = (redemption: Redemption) => Promise<TokenResponseBody>;

const grantHandlers: Partial<Record<FlowId, GrantHandler>> = {
  'client-credentials': clientCredentialsGrant,
  'username-password': passwordGrant,
  'device-code': deviceCodeGrant,
  'authorization-code': authorizationCodeGrant,
  'refresh-token': refreshTokenGrant,
  'on-behalf-of': onBehalfOfGrant,
};

/** Entra accepts MSAL's short `device_code` for the RFC 8628 grant type. */
const grantTypeAliases: Readonly<Record<string, string>> = { device_code: 'urn:ietf:params:oauth:grant-type:device_code' };

export async function redeemGrant(context: TenantContext, request: GrantRequest): Promise<TokenResponseBody> {
  const tenantId = context.config.tenantId;
  const grantType = request.params.get('grant_type');
  if (grantType === null) fail(900144, { tenantId, values: { parameter: 'grant_type' } });
  const canonical = grantTypeAliases[grantType] ?? grantType;
  const flow = Object.values(flows).find((candidate) => candidate.grantType === canonical);
  const handler = flow === undefined ? undefined : grantHandlers[flow.id];
  if (handler === undefined) fail(70003, { tenantId, values: { grantType } });
  const clientId = request.params.get('client_id');
  if (clientId === null) fail(900144, { tenantId, values: { parameter: 'client_id' } });
  const app = findApp(context, clientId);
  if (app === undefined) fail(700016, { tenantId, values: { appId: clientId, tenant: tenantId } });
  const appidacr = await authenticateClient(context, app, request.credentials, {
    clientCredentials: grantType === 'client_credentials',
    tokenEndpoint: request.tokenEndpoint,
  });
  return handler({ context, request, app, appidacr, cae: requestsCae(request.params.get('claims')) });
}

/** MSAL sends `{"access_token":{"xms_cc":{"values":["CP1"]}}}` when the app declares client capabilities. */
export function requestsCae(claims: string | null): boolean {
  if (claims === null) return false;
  try {
    const parsed = JSON.parse(claims) as { access_token?: { xms_cc?: { values?: unknown } } };
    const values = parsed.access_token?.xms_cc?.values;
    return Array.isArray(values) && values.some((value) => typeof value === 'string' && value.toLowerCase() === 'cp1');
  } catch {
    return false;
  }
}

async function clientCredentialsGrant({ context, request, app, appidacr, cae }: Redemption): Promise<TokenResponseBody> {
  const requested = resolveScopes(context, 'client-credentials', parseScopeParameter(request.params.get('scope')));
  enforcePolicies(context, { app, mfa: false, interactive: false });
  const minted = await mintAccessToken(context, { app, audience: requested.audience, roles: grantedRoles(app, requested), cae, appidacr });
  return { token_type: 'Bearer', scope: `${requested.audience}/.default`, expires_in: minted.expiresIn, ext_expires_in: minted.expiresIn, access_token: minted.token };
}

async function passwordGrant(redemption: Redemption): Promise<TokenResponseBody> {
  const { context, request } = redemption;
  const tenantId = context.config.tenantId;
  const username = request.params.get('username');
  if (username === null) fail(900144, { tenantId, values: { parameter: 'username' } });
  const user = findUser(context, username);
  if (user === undefined) fail(50034, { tenantId, values: { identifier: username, tenant: tenantId } });
  if (user.password === undefined || user.password !== request.params.get('password')) fail(50126, { tenantId });
  const requested = resolveScopes(context, 'username-password', parseScopeParameter(request.params.get('scope')));
  return userTokens(redemption, user, requested, { interactive: false, mfa: false, authenticatedAt: context.state.now().getTime() });
}

async function deviceCodeGrant(redemption: Redemption): Promise<TokenResponseBody> {
  const { context, request, app } = redemption;
  const tenantId = context.config.tenantId;
  const code = request.params.get('device_code');
  if (code === null) fail(900144, { tenantId, values: { parameter: 'device_code' } });
  const entry = context.state.deviceCodes.get(code);
  if (entry?.clientId !== app.clientId) fail(9002313, { tenantId });
  if (context.state.now().getTime() > entry.expiresAt) fail(70019, { tenantId });
  if (entry.approvedBy === undefined) fail(70016, { tenantId });
  context.state.deviceCodes.delete(code);
  const user = findUser(context, entry.approvedBy);
  if (user === undefined) fail(50034, { tenantId, values: { identifier: entry.approvedBy, tenant: tenantId } });
  const requested = resolveScopes(context, 'device-code', entry.scopes);
  return userTokens(redemption, user, requested, { interactive: true, mfa: interactiveMfa(user), authenticatedAt: context.state.now().getTime() });
}

async function authorizationCodeGrant(redemption: Redemption): Promise<TokenResponseBody> {
  const { context, request, app } = redemption;
  const tenantId = context.config.tenantId;
  const code = request.params.get('code');
  if (code === null) fail(900144, { tenantId, values: { parameter: 'code' } });
  const entry = context.state.authorizationCodes.get(code);
  if (entry?.clientId !== app.clientId) fail(70008, { tenantId });
  context.state.authorizationCodes.delete(code);
  if (context.state.now().getTime() > entry.expiresAt) fail(70008, { tenantId });
  const redirectUri = request.params.get('redirect_uri') ?? '';
  if (redirectUri !== entry.redirectUri) fail(50011, { tenantId, values: { redirectUri, appId: app.clientId } });
  if (entry.codeChallenge !== undefined) {
    const verifier = request.params.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== entry.codeChallenge) fail(50148, { tenantId });
  }
  const user = findUser(context, entry.userId);
  if (user === undefined) fail(50034, { tenantId, values: { identifier: entry.userId, tenant: tenantId } });
  const requested = resolveScopes(context, 'authorization-code', entry.scopes);
  return userTokens(redemption, user, requested, { interactive: true, mfa: entry.mfa, authenticatedAt: entry.authenticatedAt });
}

async function refreshTokenGrant(redemption: Redemption): Promise<TokenResponseBody> {
  const { context, request, app } = redemption;
  const tenantId = context.config.tenantId;
  const token = request.params.get('refresh_token');
  if (token === null) fail(900144, { tenantId, values: { parameter: 'refresh_token' } });
  const grant = context.state.refreshTokens.get(token);
  if (grant?.clientId !== app.clientId) fail(9002313, { tenantId });
  if (context.state.isRevoked(grant.userId, grant.authenticatedAt)) {
    fail(50173, { tenantId, values: { issued: new Date(grant.authenticatedAt).toISOString(), validFrom: context.state.now().toISOString() } });
  }
  const user = findUser(context, grant.userId);
  if (user === undefined) fail(50034, { tenantId, values: { identifier: grant.userId, tenant: tenantId } });
  const scopes = parseScopeParameter(request.params.get('scope'));
  const requested = resolveScopes(context, 'refresh-token', scopes.length > 0 ? scopes : grant.scopes);
  return userTokens(redemption, user, requested, { interactive: false, mfa: grant.mfa, authenticatedAt: grant.authenticatedAt });
}

async function onBehalfOfGrant(redemption: Redemption): Promise<TokenResponseBody> {
  const { context, request, app } = redemption;
  const tenantId = context.config.tenantId;
  const assertion = request.params.get('assertion');
  if (assertion === null) fail(900144, { tenantId, values: { parameter: 'assertion' } });
  if (request.params.get('requested_token_use') !== 'on_behalf_of') fail(900144, { tenantId, values: { parameter: 'requested_token_use' } });
  const claims = await verifyUserAssertion(context, assertion);
  const audiences = [app.clientId, ...(app.identifierUris ?? [])].map((value) => value.toLowerCase().replace(/\/$/, ''));
  const audience = typeof claims.aud === 'string' ? claims.aud : '';
  if (!audiences.includes(audience.toLowerCase().replace(/\/$/, ''))) fail(500131, { tenantId, values: { audience, appId: app.clientId } });
  const userId = typeof claims.oid === 'string' ? claims.oid : '';
  const user = findUser(context, userId);
  if (user === undefined) fail(50034, { tenantId, values: { identifier: userId, tenant: tenantId } });
  const mfa = Array.isArray(claims.amr) && claims.amr.includes('mfa');
  const requested = resolveScopes(context, 'on-behalf-of', parseScopeParameter(request.params.get('scope')));
  const authenticatedAt = typeof claims.iat === 'number' ? claims.iat * 1000 : context.state.now().getTime();
  return userTokens(redemption, user, requested, { interactive: false, mfa, authenticatedAt });
}

/** The token an API received, checked as the STS checks an on-behalf-of assertion. */
async function verifyUserAssertion(context: TenantContext, assertion: string): Promise<JWTPayload> {
  const tenantId = context.config.tenantId;
  try {
    const { payload } = await jwtVerify(assertion, context.key.keyResolver, {
      algorithms: ['RS256'],
      issuer: [v1Issuer(tenantId), v2Issuer(tenantId)],
      currentDate: context.state.now(),
      clockTolerance: context.config.clockSkewSeconds,
    });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) fail(500133, { tenantId });
    const reason = error instanceof Error ? error.message : 'The token could not be validated.';
    return fail(50013, { tenantId, values: { reason } });
  }
}

interface SessionFacts {
  readonly interactive: boolean;
  readonly mfa: boolean;
  readonly authenticatedAt: number;
}

/** Access token, and as the scopes ask, refresh token, ID token and client_info, for a signed-in user. */
async function userTokens(redemption: Redemption, user: UserConfig, requested: RequestedScopes, session: SessionFacts): Promise<TokenResponseBody> {
  const { context, request, app, appidacr, cae } = redemption;
  const scp = consentedScopes(context, app, requested);
  const mfa = session.mfa || (session.interactive && interactiveMfa(user));
  enforcePolicies(context, { app, user, mfa, interactive: session.interactive });
  const minted = await mintAccessToken(context, { app, audience: requested.audience, user, scopes: scp, cae, appidacr, amr: mfa ? ['pwd', 'mfa'] : ['pwd'] });
  const grant: UserGrant = { clientId: app.clientId, userId: user.id, scopes: [...requested.permissions.map((p) => scopeName(requested, p)), ...requested.oidc], authenticatedAt: session.authenticatedAt, mfa };
  let refreshToken: string | undefined;
  if (requested.oidc.includes('offline_access')) {
    refreshToken = opaqueHandle('1.AQ');
    context.state.refreshTokens.set(refreshToken, grant);
  }
  const idToken = requested.oidc.includes('openid') ? await mintIdToken(context, app, user) : undefined;
  return {
    token_type: 'Bearer',
    scope: (requested.isGraph ? scp : scp.map((permission) => scopeName(requested, permission))).join(' '),
    expires_in: minted.expiresIn,
    ext_expires_in: minted.expiresIn,
    access_token: minted.token,
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    ...(idToken === undefined ? {} : { id_token: idToken }),
    ...(request.params.get('client_info') === '1' ? { client_info: clientInfo(context, user) } : {}),
  };
}

function scopeName(requested: RequestedScopes, permission: string): string {
  return requested.isGraph && permission !== '.default' ? permission : `${requested.audience}/${permission}`;
}
