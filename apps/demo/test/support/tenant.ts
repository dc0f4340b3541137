/**
 * The emulated Contoso tenant the demo service runs against: the service's two registrations
 * (the daemon and the web API), a front end whose user tokens the API receives, and users.
 * Variants of the registrations miss one grant each, to reach "missing grant" naturally.
 */
import type { AccessToken, ExplainContext } from '@graph-authz/core';
import { createTenant, type Tenant, type TenantConfig } from '@graph-authz/msw';
import { setupServer } from 'msw/node';

type SetupServerApi = ReturnType<typeof setupServer>;
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AppRegistration } from '../../src/index.js';

export const ids = {
  tenant: '5f1c2b7e-8d4a-4c39-9e61-0a7b3c2d1e00',
  daemon: '0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01',
  daemonWithoutMail: '0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02',
  daemonWithoutRole: '0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a06',
  webApi: '0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a03',
  webApiWithoutPassword: '0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a04',
  frontEnd: '0d1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a05',
  adele: 'a0000000-0000-4000-8000-00000000ade1',
  dave: 'a0000000-0000-4000-8000-00000000da7e',
  hana: 'a0000000-0000-4000-8000-0000000000a1',
} as const;

/** Directory role template ids (Entra's built-in roles). */
const userAdministrator = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const passwordAdministrator = '966707d0-3269-4727-9be2-8c3a10f19b9d';

const secret = 'demo-secret-value';

export const registrations = {
  daemon: { tenantId: ids.tenant, clientId: ids.daemon, clientSecret: secret },
  daemonWithoutMail: { tenantId: ids.tenant, clientId: ids.daemonWithoutMail, clientSecret: secret },
  daemonWithoutRole: { tenantId: ids.tenant, clientId: ids.daemonWithoutRole, clientSecret: secret },
  webApi: { tenantId: ids.tenant, clientId: ids.webApi, clientSecret: secret },
  webApiWithoutPassword: { tenantId: ids.tenant, clientId: ids.webApiWithoutPassword, clientSecret: secret },
} satisfies Record<string, AppRegistration>;

export const adelePassword = 'Old-pa55word!';

export function demoTenantConfig(clock: () => Date): TenantConfig {
  return {
    tenantId: ids.tenant,
    clock,
    domains: ['contoso.example'],
    apps: [
      {
        clientId: ids.daemon,
        displayName: 'Contoso Directory Daemon',
        clientSecret: secret,
        applicationPermissions: ['User.ReadBasic.All', 'MailboxSettings.Read', 'User-PasswordProfile.ReadWrite.All'],
        // Setting passwords app-only also needs a directory role on the service principal.
        directoryRoles: [userAdministrator],
      },
      { clientId: ids.daemonWithoutMail, displayName: 'Contoso Daemon (no mail grant)', clientSecret: secret, applicationPermissions: ['User.ReadBasic.All'] },
      {
        clientId: ids.daemonWithoutRole,
        displayName: 'Contoso Daemon (password permission, no directory role)',
        clientSecret: secret,
        applicationPermissions: ['User.ReadBasic.All', 'MailboxSettings.Read', 'User-PasswordProfile.ReadWrite.All'],
      },
      {
        clientId: ids.webApi,
        displayName: 'Contoso Account API',
        clientSecret: secret,
        identifierUris: [`api://${ids.webApi}`],
        delegatedPermissions: ['User.Read', 'User-PasswordProfile.ReadWrite.All'],
      },
      {
        clientId: ids.webApiWithoutPassword,
        displayName: 'Contoso Account API (no password consent)',
        clientSecret: secret,
        identifierUris: [`api://${ids.webApiWithoutPassword}`],
        delegatedPermissions: ['User.Read'],
      },
      { clientId: ids.frontEnd, displayName: 'Contoso Account SPA', publicClient: true, delegatedPermissions: [`api://${ids.webApi}/access_as_user`] },
    ],
    users: [
      { id: ids.adele, userPrincipalName: 'adele@contoso.example', displayName: 'Adele Vance', password: adelePassword, hasMailbox: true, licenses: ['SPE_E3'], mfaRegistered: true },
      { id: ids.dave, userPrincipalName: 'dave@contoso.example', displayName: 'Dave Remote', password: adelePassword, hasMailbox: true, licenses: ['SPE_E3'] },
      // The helpdesk: may set other users' passwords.
      {
        id: ids.hana,
        userPrincipalName: 'hana@contoso.example',
        displayName: 'Hana Helpdesk',
        password: adelePassword,
        hasMailbox: true,
        licenses: ['SPE_E3'],
        directoryRoles: [passwordAdministrator],
      },
    ],
    policies: [{ kind: 'require-mfa', userIds: [ids.dave], id: '7c0e5a1b-2d3f-4a6b-8c9d-0e1f2a3b4c5d' }],
    // What Graph returns for a mailbox's settings; /users and /me come from the users above.
    routes: ({ method, path }) =>
      method === 'GET' && /^\/users\/[^/]+\/mailboxSettings$/i.test(path)
        ? { timeZone: 'W. Europe Standard Time', language: { locale: 'en-GB', displayName: 'English (United Kingdom)' }, automaticRepliesSetting: { status: 'disabled' } }
        : undefined,
  };
}

/**
 * One tenant and one MSW server per test file. Unhandled requests fail the test: nothing reaches
 * a real Microsoft host.
 */
export function useDemoTenant(): { tenant: Tenant; server: SetupServerApi; advanceClock: (milliseconds: number) => Date } {
  // The tenant's clock runs with the real one, shifted on demand (setTime would freeze it).
  let offset = 0;
  const clock = (): Date => new Date(Date.now() + offset);
  const tenant = createTenant(demoTenantConfig(clock));
  const server = setupServer(...tenant.handlers);
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
    server.events.removeAllListeners();
    offset = 0;
  });
  afterAll(() => {
    server.close();
  });
  const advanceClock = (milliseconds: number): Date => {
    offset += milliseconds;
    return clock();
  };
  return { tenant, server, advanceClock };
}

/**
 * The token the front end sends to the service's API for a user: the on-behalf-of assertion.
 * `mfa` is whether that sign-in performed MFA (a conditional access policy looks at it).
 */
export function userAssertion(tenant: Tenant, userId: string, options: { apiId?: string; mfa?: boolean } = {}): Promise<string> {
  const apiId = options.apiId ?? ids.webApi;
  return tenant.issueToken({ appId: ids.frontEnd, userId, audience: `api://${apiId}`, scopes: ['access_as_user'], mfa: options.mfa ?? true });
}

/**
 * What the service's operators know about the caller of a request, from the tenant's directory:
 * the signed-in user's roles, licences and mailbox, or the app's directory roles. The core's
 * `explain` needs them to tell one 403 from another, as Graph did.
 */
export function directoryFactsOf(token: AccessToken): Pick<ExplainContext, 'user' | 'appDirectoryRoles'> {
  const config = demoTenantConfig(() => new Date());
  if (token.kind === 'delegated') {
    const user = config.users?.find((candidate) => candidate.id === token.userId);
    if (user === undefined) return {};
    return { user: { id: user.id, directoryRoles: user.directoryRoles ?? [], licenses: user.licenses ?? [], hasMailbox: user.hasMailbox ?? false } };
  }
  const app = config.apps.find((candidate) => candidate.clientId === token.appId);
  return { appDirectoryRoles: app?.directoryRoles ?? [] };
}
