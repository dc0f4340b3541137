/**
 * The tenant every integration test signs in to: a daemon (secret and certificate), a web API
 * (confidential, on-behalf-of, authorization code), a public client (device code, ROPC), and users
 * covering the scenarios: a plain member, an administrator, a personal account, an MFA-policy
 * user and a blocked one.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTenant, type Tenant, type TenantConfig } from '../../src/index.js';

export const ids = {
  tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  daemon: '11111111-1111-4111-8111-111111111111',
  web: '22222222-2222-4222-8222-222222222222',
  publicClient: '33333333-3333-4333-8333-333333333333',
  frontend: '44444444-4444-4444-8444-444444444444',
  unknownApp: '99999999-9999-4999-8999-999999999999',
  alice: 'aaaaaaaa-0000-4000-8000-00000000000a',
  admin: 'bbbbbbbb-0000-4000-8000-00000000000b',
  carol: 'cccccccc-0000-4000-8000-00000000000c',
  dave: 'dddddddd-0000-4000-8000-00000000000d',
  eve: 'eeeeeeee-0000-4000-8000-00000000000e',
} as const;

export const secrets = { daemon: 'daemon-secret-value', web: 'web-secret-value' } as const;
export const password = 'correct horse battery staple';
export const redirectUri = 'http://localhost:3000/auth/callback';

/**
 * The daemon's certificate: a self-signed X.509 certificate (registered on the app) and its private
 * key (MSAL and identity sign client assertions with it). Generated once with openssl, kept as a fixture.
 */
export const certificate = (() => {
  const certificatePem = readFileSync(new URL('../fixtures/daemon-cert.pem', import.meta.url), 'utf8');
  const privateKeyPem = readFileSync(new URL('../fixtures/daemon-key.pem', import.meta.url), 'utf8');
  return {
    certificatePem,
    privateKeyPem,
    thumbprintSha256: new X509Certificate(certificatePem).fingerprint256.replaceAll(':', ''),
  };
})();

export const userAdministrator = 'fe930be7-5e62-47db-91af-98c3a49a38b1';

export function tenantConfig(overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    tenantId: ids.tenant,
    domains: ['contoso.onmicrosoft.com'],
    apps: [
      {
        clientId: ids.daemon,
        displayName: 'Contoso Daemon',
        clientSecret: secrets.daemon,
        certificates: [certificate.certificatePem],
        applicationPermissions: ['User.Read.All'],
      },
      {
        clientId: ids.web,
        displayName: 'Contoso Web API',
        clientSecret: secrets.web,
        delegatedPermissions: ['User.Read', 'User.ReadBasic.All', 'User.ReadWrite.All', 'Mail.Read', 'offline_access'],
        identifierUris: [`api://${ids.web}`],
        redirectUris: [redirectUri],
      },
      {
        clientId: ids.publicClient,
        displayName: 'Contoso CLI',
        publicClient: true,
        delegatedPermissions: ['User.Read', 'User.ReadBasic.All', 'User.ReadWrite.All', 'Mail.Read'],
        caeCapable: true,
      },
      { clientId: ids.frontend, displayName: 'Contoso SPA', publicClient: true, delegatedPermissions: [`api://${ids.web}/access_as_user`] }, // its own API's scope, named in full
    ],
    users: [
      { id: ids.alice, userPrincipalName: 'alice@contoso.onmicrosoft.com', displayName: 'Alice Smith', password, directoryRoles: [], licenses: ['SPE_E3'], hasMailbox: true, mfaRegistered: true },
      { id: ids.admin, userPrincipalName: 'admin@contoso.onmicrosoft.com', displayName: 'Ada Admin', password, directoryRoles: [userAdministrator], licenses: ['SPE_E5'], hasMailbox: true },
      { id: ids.carol, userPrincipalName: 'carol@outlook.com', displayName: 'Carol Personal', personalAccount: true, password },
      { id: ids.dave, userPrincipalName: 'dave@contoso.onmicrosoft.com', displayName: 'Dave Remote', password, licenses: ['SPE_E3'], hasMailbox: true },
      { id: ids.eve, userPrincipalName: 'eve@contoso.onmicrosoft.com', displayName: 'Eve Blocked', password },
    ],
    policies: [
      { kind: 'require-mfa', userIds: [ids.dave], id: '0b7a1c3e-7d0c-4a4b-9a53-5b1b0c0c0c01' },
      { kind: 'block', userIds: [ids.eve], id: '0b7a1c3e-7d0c-4a4b-9a53-5b1b0c0c0c02' },
    ],
    ...overrides,
  };
}

/**
 * One MSW server and one tenant per test file; handlers added with `server.use` are reset after
 * each test. Unhandled requests fail the test: nothing may reach a real Microsoft host.
 */
export function useTenant(overrides: Partial<TenantConfig> = {}): { tenant: Tenant; server: ReturnType<typeof setupServer> } {
  const tenant = createTenant(tenantConfig(overrides));
  const server = setupServer(...tenant.handlers);
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
  });
  afterAll(() => {
    server.close();
  });
  return { tenant, server };
}

export const graph = 'https://graph.microsoft.com/v1.0';
export const tokenUrl = `https://login.microsoftonline.com/${ids.tenant}/oauth2/v2.0/token`;

/** A token endpoint call as a raw client would make it. */
export async function postToken(form: Record<string, string>, url = tokenUrl): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function getGraph(path: string, token?: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(`${graph}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
}
