/**
 * One Graph call per Graph-side scenario, made against the emulated tenant with a genuine (or
 * deliberately broken) token. Every client's test file runs the same table, so each scenario is
 * met by every client the way production code meets it.
 */
import type { ScenarioId } from '@graph-authz/core';
import type { Tenant } from '../../src/index.js';
import { ids } from './tenant.js';

export interface GraphCase {
  readonly scenario: ScenarioId;
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path after `/v1.0`. */
  readonly path: string;
  readonly body?: Record<string, unknown>;
  readonly status: 400 | 401 | 403;
  readonly code: string;
  /** The bearer token to send (undefined: no Authorization header). Runs just before the call. */
  readonly token: (tenant: Tenant) => Promise<string | undefined>;
}

const resetPasswordPath = `/users/${ids.alice}/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword`;

/** Flips one character of the payload: the signature no longer matches. */
export function tamper(token: string): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  claims.roles = ['Directory.ReadWrite.All'];
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

const hourAgo = () => Math.floor(Date.now() / 1000) - 3600;

export const graphCases: readonly GraphCase[] = [
  { scenario: 'missing-token', method: 'GET', path: '/users', status: 401, code: 'InvalidAuthenticationToken', token: () => Promise.resolve(undefined) },
  { scenario: 'malformed-token', method: 'GET', path: '/users', status: 401, code: 'InvalidAuthenticationToken', token: () => Promise.resolve('not-a-jwt') },
  { scenario: 'invalid-token', method: 'GET', path: '/users', status: 401, code: 'InvalidAuthenticationToken', token: async (tenant) => tamper(await tenant.issueToken({ appId: ids.daemon })) },
  {
    scenario: 'expired-token', method: 'GET', path: '/users', status: 401, code: 'InvalidAuthenticationToken',
    token: (tenant) => tenant.issueToken({ appId: ids.daemon, claims: { iat: hourAgo() - 3600, nbf: hourAgo() - 3600, exp: hourAgo() } }),
  },
  { scenario: 'wrong-audience', method: 'GET', path: '/users', status: 401, code: 'InvalidAuthenticationToken', token: (tenant) => tenant.issueToken({ appId: ids.daemon, audience: 'https://outlook.office.com' }) },
  { scenario: 'personal-account-not-supported', method: 'GET', path: '/users', status: 401, code: 'InvalidAuthenticationToken', token: (tenant) => tenant.issueToken({ appId: ids.publicClient, userId: ids.carol, scopes: ['User.ReadBasic.All'] }) },
  { scenario: 'insufficient-permissions', method: 'GET', path: '/groups', status: 403, code: 'Authorization_RequestDenied', token: (tenant) => tenant.issueToken({ appId: ids.daemon }) },
  { scenario: 'permission-type-mismatch', method: 'GET', path: `/users/${ids.alice}`, status: 403, code: 'Authorization_RequestDenied', token: (tenant) => tenant.issueToken({ appId: ids.daemon, roles: ['User.Read'] }) },
  { scenario: 'app-only-password-reset', method: 'POST', path: resetPasswordPath, body: { newPassword: 'N3w-Passw0rd!' }, status: 403, code: 'Authorization_RequestDenied', token: (tenant) => tenant.issueToken({ appId: ids.daemon, roles: ['UserAuthenticationMethod.ReadWrite.All'] }) },
  { scenario: 'delegated-only-endpoint', method: 'GET', path: '/me', status: 400, code: 'BadRequest', token: (tenant) => tenant.issueToken({ appId: ids.daemon }) },
  { scenario: 'user-not-authorized', method: 'PATCH', path: `/users/${ids.admin}`, body: { jobTitle: 'Boss' }, status: 403, code: 'Authorization_RequestDenied', token: (tenant) => tenant.issueToken({ appId: ids.publicClient, userId: ids.alice, scopes: ['User.ReadWrite.All'] }) },
  {
    scenario: 'claims-challenge', method: 'GET', path: '/me', status: 401, code: 'InvalidAuthenticationToken',
    token: async (tenant) => {
      const token = await tenant.issueToken({ appId: ids.publicClient, userId: ids.dave, scopes: ['User.Read'], cae: true });
      tenant.revokeSessions(ids.dave);
      return token;
    },
  },
];
