import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { claimsOf, type Recovery } from './failure-policy.js';
import { authorityHost, type AppRegistration } from './registration.js';
import { TokenAttempts, type ServiceLog } from './token-attempts.js';

/**
 * The part of the service that acts for a signed-in user: the service's own API receives the
 * user's token and exchanges it on-behalf-of the user for a Graph token (delegated, `scp`).
 */

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
}
