/**
 * Minting tokens shaped as Entra ID issues them: v1 access tokens (what Graph receives, even from
 * the v2 endpoint), v2 ID tokens, opaque access tokens for personal Microsoft accounts, and the
 * opaque handles (refresh tokens, codes) that only this tenant can redeem.
 */
import { randomBytes } from 'node:crypto';
import { consumersTenantId } from '@graph-authz/core';
import { SignJWT, type JWTPayload } from 'jose';
import type { UserConfig } from './config.js';
import { v1Issuer, v2Issuer, type RegisteredApp, type TenantContext } from './context.js';

/** The "User" (default member) role template every work account holds. */
const memberRoleTemplateId = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

export interface AccessTokenSpec {
  readonly app: RegisteredApp;
  /** The `aud` claim: the resource's identifier URI (or app id). */
  readonly audience: string;
  /** Present for delegated tokens. */
  readonly user?: UserConfig | undefined;
  /** Delegated permissions (`scp`); only for delegated tokens. */
  readonly scopes?: readonly string[];
  /** Application permissions (`roles`); only for app-only tokens. */
  readonly roles?: readonly string[];
  /** `xms_cc: ["CP1"]`: the client declared it handles claims challenges (CAE). */
  readonly cae?: boolean;
  /** How the client authenticated: 0 public client, 1 secret, 2 certificate. */
  readonly appidacr?: '0' | '1' | '2';
  /** Authentication methods of the sign-in, e.g. `['pwd', 'mfa']`. */
  readonly amr?: readonly string[];
  readonly lifetimeSeconds?: number;
  /** Extra or overriding claims (tests build unusual tokens this way). */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface MintedToken {
  readonly token: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly expiresIn: number;
}

/** A v1 access token (or an opaque one for a personal account), remembered for CAE revocation. */
export async function mintAccessToken(context: TenantContext, spec: AccessTokenSpec): Promise<MintedToken> {
  const now = context.state.now().getTime();
  const iat = Math.floor(now / 1000);
  const expiresIn = spec.lifetimeSeconds ?? context.config.tokenLifetimeSeconds;
  const claims = { ...accessTokenClaims(context, spec, iat, expiresIn), ...spec.claims };
  const uti = typeof claims.uti === 'string' ? claims.uti : undefined;
  if (uti !== undefined) context.state.recordMinted(uti, now);
  if (spec.user?.personalAccount === true) {
    // Microsoft accounts get tokens no one but Microsoft can read; Graph looks them up.
    const token = `EwA${randomBytes(900).toString('base64url')}`;
    context.state.opaqueTokens.set(token, claims);
    return { token, claims, expiresIn };
  }
  return { token: await sign(context, claims), claims, expiresIn };
}

function accessTokenClaims(context: TenantContext, spec: AccessTokenSpec, iat: number, lifetime: number): Record<string, unknown> {
  const { app, user } = spec;
  const tenantId = user?.personalAccount === true ? consumersTenantId : context.config.tenantId;
  const common: Record<string, unknown> = {
    aud: spec.audience,
    iss: v1Issuer(tenantId),
    iat,
    nbf: iat,
    exp: iat + lifetime,
    aio: randomBytes(40).toString('base64url'),
    app_displayname: app.displayName ?? app.clientId,
    appid: app.clientId,
    appidacr: spec.appidacr ?? (app.clientSecret === undefined ? '2' : '1'),
    idp: v1Issuer(tenantId),
    rh: `0.${randomBytes(24).toString('base64url')}.`,
    tid: tenantId,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
    xms_tcdt: 1_600_000_000,
  };
  if (spec.cae === true) common.xms_cc = ['CP1'];
  if (user === undefined) {
    return {
      ...common,
      idtyp: 'app',
      oid: app.servicePrincipalId,
      sub: app.servicePrincipalId,
      ...(spec.roles !== undefined && spec.roles.length > 0 ? { roles: [...spec.roles] } : {}),
      ...(app.directoryRoles !== undefined && app.directoryRoles.length > 0 ? { wids: [...app.directoryRoles] } : {}),
    };
  }
  const [givenName, ...rest] = (user.displayName ?? user.userPrincipalName).split(' ');
  return {
    ...common,
    acr: '1',
    amr: [...(spec.amr ?? ['pwd'])],
    family_name: rest.join(' '),
    given_name: givenName,
    idtyp: 'user',
    ipaddr: '203.0.113.7',
    name: user.displayName ?? user.userPrincipalName,
    oid: user.id,
    platf: '3',
    puid: randomBytes(8).toString('hex').toUpperCase(),
    sub: randomBytes(32).toString('base64url'),
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    ...(spec.scopes !== undefined && spec.scopes.length > 0 ? { scp: spec.scopes.join(' ') } : {}),
    // Entra lists every directory role of a work account in wids, the default member role included.
    ...(user.personalAccount === true ? {} : { wids: [...(user.directoryRoles ?? []), memberRoleTemplateId] }),
  };
}

/** A v2 ID token for the client, which MSAL reads (without verifying) to build the account. */
export async function mintIdToken(context: TenantContext, app: RegisteredApp, user: UserConfig, nonce?: string): Promise<string> {
  const iat = Math.floor(context.state.now().getTime() / 1000);
  const tenantId = user.personalAccount === true ? consumersTenantId : context.config.tenantId;
  return sign(context, {
    aud: app.clientId,
    iss: v2Issuer(tenantId),
    iat,
    nbf: iat,
    exp: iat + 3600,
    name: user.displayName ?? user.userPrincipalName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    sub: randomBytes(32).toString('base64url'),
    tid: tenantId,
    ver: '2.0',
    ...(nonce === undefined ? {} : { nonce }),
  });
}

/** `client_info`: how MSAL keys its cache by home account (uid.utid). */
export function clientInfo(context: TenantContext, user: UserConfig): string {
  const utid = user.personalAccount === true ? consumersTenantId : context.config.tenantId;
  return Buffer.from(JSON.stringify({ uid: user.id, utid })).toString('base64url');
}

/** An opaque, unguessable handle (refresh token, device code, authorization code). */
export function opaqueHandle(prefix: string, bytes = 48): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

async function sign(context: TenantContext, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: context.key.kid, x5t: context.key.kid })
    .sign(context.key.privateKey);
}
