/**
 * What the emulated tenant remembers between requests: the clock, the grants it handed out
 * (refresh tokens, device codes, authorization codes, opaque tokens) and the revoked sessions.
 * Everything lives in memory, per tenant, and is forgotten with it.
 */
import type { AccessToken } from '@graph-authz/core';

/** How many verified tokens to remember; a test suite rarely holds more, and the cache restarts when full. */
const verifiedCacheSize = 1000;

export interface UserGrant {
  readonly clientId: string;
  readonly userId: string;
  /** The scopes the grant may be redeemed for (what was consented and requested). */
  readonly scopes: readonly string[];
  /** When the user signed in; a revocation after this instant invalidates the grant. */
  readonly authenticatedAt: number;
  /** Whether MFA was performed during the sign-in (interactive flows of MFA-registered users). */
  readonly mfa: boolean;
}

export interface DeviceCodeEntry {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly userCode: string;
  readonly expiresAt: number;
  /** Set once someone signs in with the user code. */
  approvedBy: string | undefined;
}

export interface AuthorizationCodeEntry extends UserGrant {
  readonly redirectUri: string;
  readonly codeChallenge: string | undefined;
  readonly expiresAt: number;
}

export class TenantState {
  private fixedTime: Date | undefined;
  readonly refreshTokens = new Map<string, UserGrant>();
  readonly deviceCodes = new Map<string, DeviceCodeEntry>();
  readonly authorizationCodes = new Map<string, AuthorizationCodeEntry>();
  /** Opaque access tokens of personal accounts: the token itself is the key to its claims. */
  readonly opaqueTokens = new Map<string, Readonly<Record<string, unknown>>>();
  /** userId -> instant (ms) of the last `revokeSessions`. */
  private readonly revocations = new Map<string, number>();
  /** uti -> instant (ms) the access token was minted; seconds (`iat`) are too coarse to order it against a revocation. */
  private readonly mintedAt = new Map<string, number>();

  /** JWTs whose signature, issuer and audience jose accepted, decoded once. */
  readonly verifiedTokens = new Map<string, AccessToken>();

  constructor(private readonly clock: () => Date) {}

  rememberVerified(raw: string, token: AccessToken): void {
    if (this.verifiedTokens.size >= verifiedCacheSize) this.verifiedTokens.clear();
    this.verifiedTokens.set(raw, token);
  }

  now(): Date {
    return this.fixedTime ?? this.clock();
  }

  /** Freezes the clock at `date`; `undefined` hands it back to the configured clock. */
  setTime(date: Date | undefined): void {
    this.fixedTime = date === undefined ? undefined : new Date(date.getTime());
  }

  recordMinted(uti: string, at: number): void {
    this.mintedAt.set(uti, at);
  }

  revoke(userId: string): void {
    this.revocations.set(userId.toLowerCase(), this.now().getTime());
  }

  /** Whether a sign-in or token of `userId` made at `at` (ms) predates a revocation. */
  isRevoked(userId: string, at: number): boolean {
    const revokedAt = this.revocations.get(userId.toLowerCase());
    return revokedAt !== undefined && at <= revokedAt;
  }

  /** Whether an access token (by `uti`, else by `iat`) was issued before its user's sessions were revoked. */
  isTokenRevoked(userId: string, uti: string | undefined, iatSeconds: number | undefined): boolean {
    const minted = uti === undefined ? undefined : this.mintedAt.get(uti);
    const at = minted ?? (iatSeconds === undefined ? undefined : iatSeconds * 1000);
    return at !== undefined && this.isRevoked(userId, at);
  }
}
