// The app declares CAE capability (CP1) but never passes a challenge's claims back to MSAL: after
// a revocation Graph answers 401 insufficient_claims forever.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

const msal = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.CLIENT_ID ?? '',
    clientSecret: process.env.CLIENT_SECRET ?? '',
    authority: 'https://login.microsoftonline.com/contoso.example',
    clientCapabilities: ['CP1'],
  },
});

export async function profile(userAssertion: string): Promise<unknown> {
  const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes: ['User.Read'] });
  const client = Client.init({ authProvider: (done) => { done(null, result?.accessToken ?? null); } });
  return client.api('/me').get();
}
