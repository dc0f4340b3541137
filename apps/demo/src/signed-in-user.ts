import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { claimsOf, type Recovery } from './failure-policy.js';
import { authorityHost, type AppRegistration } from './registration.js';
import { TokenAttempts, type ServiceLog } from './token-attempts.js';

/**
 * The part of the service that acts for a signed-in user: the service's own API receives the
 * user's token and exchanges it on-behalf-of the user for a Graph token (delegated, `scp`).
 */

export interface ChatMessage {
  readonly id: string;
  readonly createdDateTime?: string;
  readonly body?: { readonly content?: string };
}

export interface Profile {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
}

// What the API does for its users: read their profile (GET /me) and change their password (POST
// /me/changePassword, delegated-only: app-only credentials get 403 for it). One consent covers both.
const delegatedScopes = ['User.Read', 'User-PasswordProfile.ReadWrite.All'];

/** The on-behalf-of exchange; the claims of a CAE challenge go into the next request, as Graph asked. */
async function acquireUserToken(msal: ConfidentialClientApplication, userAssertion: string, recovery: Recovery | undefined): Promise<string> {
  const result = await msal.acquireTokenOnBehalfOf({
    ...claimsOf(recovery),
    oboAssertion: userAssertion,
    scopes: delegatedScopes,
    skipCache: recovery !== undefined,
  });
  if (result === null) throw new Error('MSAL returned no token for the on-behalf-of request');
  return result.accessToken;
}

export class SignedInUserService {
  private readonly msal: ConfidentialClientApplication;

  constructor(
    registration: AppRegistration,
    private readonly log: ServiceLog = () => undefined,
  ) {
    this.msal = new ConfidentialClientApplication({
      auth: {
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        authority: `${authorityHost}/${registration.tenantId}`,
        // CAE: Graph answers a revoked session with a claims challenge instead of waiting for expiry.
        clientCapabilities: ['CP1'],
      },
    });
  }

  readProfile(userAssertion: string): Promise<Profile> {
    const attempts = new TokenAttempts('read your profile', this.log);
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: () => attempts.token((recovery) => acquireUserToken(this.msal, userAssertion, recovery)) },
    });
    return attempts.run(async () => (await client.api('/me').select(['id', 'displayName', 'userPrincipalName']).get()) as Profile);
  }

  async changePassword(userAssertion: string, currentPassword: string, newPassword: string): Promise<void> {
    const attempts = new TokenAttempts('change your password', this.log);
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: () => attempts.token((recovery) => acquireUserToken(this.msal, userAssertion, recovery)) },
    });
    await attempts.run(async () => {
      await client.api('/me/changePassword').post({ currentPassword, newPassword });
    });
  }

  /**
   * Helpdesk: the signed-in user sets a colleague's temporary password (PATCH passwordProfile).
   * The scope allows it; Graph also wants the user to hold a password role (Helpdesk, Password,
   * Authentication or User Administrator): delegated access is the app's scope ∩ the user's privilege.
   */
  async setColleaguePassword(userAssertion: string, colleagueId: string, temporaryPassword: string): Promise<void> {
    const attempts = new TokenAttempts(`set the password of ${colleagueId}`, this.log);
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: () => attempts.token((recovery) => acquireUserToken(this.msal, userAssertion, recovery)) },
    });
    const passwordProfile = { password: temporaryPassword, forceChangePasswordNextSignIn: true };
    await attempts.run(async () => {
      await client.api(`/users/${encodeURIComponent(colleagueId)}`).patch({ passwordProfile });
    });
  }

  /**
   * Exports the user's Teams chat messages with getAllMessages. That operation exists only with
   * application permissions (Chat.Read.All, a protected API): with this delegated token Graph
   * answers 403, and the app says so.
   */
  exportChatMessages(userAssertion: string, userId: string): Promise<ChatMessage[]> {
    const attempts = new TokenAttempts('export your chat messages', this.log);
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: () => attempts.token((recovery) => acquireUserToken(this.msal, userAssertion, recovery)) },
    });
    return attempts.run(async () => ((await client.api(`/users/${encodeURIComponent(userId)}/chats/getAllMessages`).get()) as { value: ChatMessage[] }).value);
  }
}
