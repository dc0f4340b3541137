/**
 * The emulator is as strict as Graph: every forged, foreign, tampered or out-of-date token is
 * refused with the 401 Graph sends, and not one is accepted.
 */
import { generateKeyPairSync } from 'node:crypto';
import { getScenario, type ScenarioId } from '@graph-authz/core';
import { SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { createTenant } from '../src/index.js';
import { tamper } from './support/graph-cases.js';
import { getGraph, ids, tenantConfig, useTenant } from './support/tenant.js';

const { tenant } = useTenant();
const otherTenant = createTenant(tenantConfig({ tenantId: '0e0e0e0e-1111-4222-8333-444444444444' }));

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function graphClaims(): Record<string, unknown> {
  return {
    aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${ids.tenant}/`, tid: ids.tenant, appid: ids.daemon,
    idtyp: 'app', roles: ['User.Read.All'], iat: now(), nbf: now(), exp: now() + 3600, ver: '1.0', oid: ids.daemon,
  };
}

const jwk = () => tenant.jwks.keys[0] ?? {};

interface Forgery {
  readonly name: string;
  readonly scenario: ScenarioId;
  readonly token: () => Promise<string>;
}

const forgeries: readonly Forgery[] = [
  { name: 'alg none', scenario: 'invalid-token', token: () => Promise.resolve(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(graphClaims())}.`) },
  {
    name: 'HS256 signed with the public key',
    scenario: 'invalid-token',
    token: () => new SignJWT(graphClaims()).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: jwk().kid ?? '' }).sign(new TextEncoder().encode(JSON.stringify(jwk()))),
  },
  { name: 'tampered payload', scenario: 'invalid-token', token: async () => tamper(await tenant.issueToken({ appId: ids.daemon })) },
  {
    name: 'key not in the JWKS',
    scenario: 'invalid-token',
    token: () => new SignJWT(graphClaims()).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'attacker-key' }).sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
  },
  {
    name: 'another key claiming our kid',
    scenario: 'invalid-token',
    token: () => new SignJWT(graphClaims()).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: jwk().kid ?? '' }).sign(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
  },
  { name: 'expired', scenario: 'expired-token', token: () => tenant.issueToken({ appId: ids.daemon, claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 } }) },
  { name: 'nbf in the future', scenario: 'expired-token', token: () => tenant.issueToken({ appId: ids.daemon, claims: { nbf: now() + 3600, exp: now() + 7200 } }) },
  { name: 'wrong iss', scenario: 'invalid-token', token: () => tenant.issueToken({ appId: ids.daemon, claims: { iss: 'https://sts.windows.net/0e0e0e0e-1111-4222-8333-444444444444/' } }) },
  { name: 'wrong aud', scenario: 'wrong-audience', token: () => tenant.issueToken({ appId: ids.daemon, audience: 'https://graph.windows.net' }) },
  { name: 'wrong tenant (its own key)', scenario: 'invalid-token', token: () => otherTenant.issueToken({ appId: ids.daemon }) },
  { name: 'wrong tenant (tid only)', scenario: 'invalid-token', token: () => tenant.issueToken({ appId: ids.daemon, claims: { tid: '0e0e0e0e-1111-4222-8333-444444444444' } }) },
  // idtyp would make the core call it an app-only token (one without roles is a 403, not a forgery).
  { name: 'neither scp nor roles', scenario: 'invalid-token', token: () => tenant.issueToken({ appId: ids.daemon, roles: [], claims: { idtyp: undefined } }) },
  { name: 'non-JWT garbage', scenario: 'malformed-token', token: () => Promise.resolve('%%%garbage%%%') },
  { name: 'three segments of garbage', scenario: 'malformed-token', token: () => Promise.resolve('abc.def.ghi') },
  {
    name: 'oversized header',
    scenario: 'malformed-token',
    token: async () => {
      const [, payload = '', signature = ''] = (await tenant.issueToken({ appId: ids.daemon })).split('.');
      return `${b64({ alg: 'RS256', typ: 'JWT', kid: jwk().kid, x5c: ['A'.repeat(20_000)] })}.${payload}.${signature}`;
    },
  },
];

describe('forged-token matrix', () => {
  const accepted: string[] = [];

  test.each(forgeries)('$name -> 401 $scenario', async ({ name, scenario, token }) => {
    const response = await getGraph('/users', await token());
    if (response.status < 400) accepted.push(name);
    expect(response.status).toBe(401);
    const error = response.body.error as { code: string; message: string };
    const expected = getScenario(scenario);
    if (expected.side !== 'graph') throw new Error('graph scenario expected');
    expect(expected.variants.map((variant) => variant.message)).toContain(error.message);
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm=""/);
  });

  test('zero forgeries accepted, and the genuine token is', async () => {
    expect(accepted).toEqual([]);
    expect((await getGraph('/users', await tenant.issueToken({ appId: ids.daemon }))).status).toBe(200);
  });
});
