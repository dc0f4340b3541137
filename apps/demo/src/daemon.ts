import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { claimsOf, type Recovery } from './failure-policy.js';
import { authorityHost, type AppRegistration } from './registration.js';
import { TokenAttempts, type ServiceLog } from './token-attempts.js';

/**
 * The background part of the service: no user signs in, the app acts as itself with client
 * credentials (application permissions User.ReadBasic.All and MailboxSettings.Read, admin-consented).
 */

export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string | null;
}

export interface MailboxSettings {
  readonly timeZone?: string;
  readonly language?: { readonly locale?: string; readonly displayName?: string };
  readonly automaticRepliesSetting?: { readonly status?: string };
}

// Client credentials take exactly one `{resource}/.default`: the token carries every granted role.
const appOnlyScopes = ['https://graph.microsoft.com/.default'];

/** MSAL serves its cached token unless told otherwise; a retry must not get the rejected one back. */
async function acquireAppToken(msal: ConfidentialClientApplication, recovery: Recovery | undefined): Promise<string> {
  const result = await msal.acquireTokenByClientCredential({
    ...claimsOf(recovery),
    scopes: appOnlyScopes,
    skipCache: recovery !== undefined,
  });
  if (result === null) throw new Error('MSAL returned no token for the client credentials request');
  return result.accessToken;
}

export class DirectoryDaemon {
  private readonly msal: ConfidentialClientApplication;

  constructor(
    registration: AppRegistration,
    private readonly log: ServiceLog = () => undefined,
  ) {
    this.msal = new ConfidentialClientApplication({
      auth: { clientId: registration.clientId, clientSecret: registration.clientSecret, authority: `${authorityHost}/${registration.tenantId}` },
    });
  }

  async listUsers(): Promise<DirectoryUser[]> {
    const attempts = new TokenAttempts('list the directory users', this.log);
    const client = Client.initWithMiddleware({ authProvider: { getAccessToken: () => attempts.token((recovery) => acquireAppToken(this.msal, recovery)) } });
    const page = await attempts.run(async () => (await client.api('/users').select(['id', 'displayName', 'mail']).get()) as { value: DirectoryUser[] });
    return page.value;
  }

  readMailSettings(userId: string): Promise<MailboxSettings> {
    const attempts = new TokenAttempts(`read the mail settings of ${userId}`, this.log);
    const client = Client.initWithMiddleware({ authProvider: { getAccessToken: () => attempts.token((recovery) => acquireAppToken(this.msal, recovery)) } });
    return attempts.run(async () => (await client.api(`/users/${encodeURIComponent(userId)}/mailboxSettings`).get()) as MailboxSettings);
  }

  /**
   * Onboarding: sets a temporary password the user must change at next sign-in. App-only, this
   * needs User-PasswordProfile.ReadWrite.All and a directory role (User Administrator) on the
   * service principal; resetPassword and changePassword would never work app-only.
   */
  async setTemporaryPassword(userId: string, temporaryPassword: string): Promise<void> {
    const attempts = new TokenAttempts(`set a temporary password for ${userId}`, this.log);
    const client = Client.initWithMiddleware({ authProvider: { getAccessToken: () => attempts.token((recovery) => acquireAppToken(this.msal, recovery)) } });
    const passwordProfile = { password: temporaryPassword, forceChangePasswordNextSignIn: true };
    await attempts.run(async () => {
      // The registration holds both (README); the rule cannot see the role, so it asks to check it.
      // eslint-disable-next-line @graph-authz/no-app-only-password-reset -- granted User-PasswordProfile.ReadWrite.All + User Administrator
      await client.api(`/users/${encodeURIComponent(userId)}`).patch({ passwordProfile });
    });
  }
}
