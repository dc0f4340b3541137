// A daemon asks for a named permission with client credentials. The token endpoint answers
// AADSTS1002012: app-only flows take exactly one "{resource}/.default".
import { ConfidentialClientApplication } from '@azure/msal-node';

const msal = new ConfidentialClientApplication({
  auth: { clientId: process.env.CLIENT_ID ?? '', clientSecret: process.env.CLIENT_SECRET ?? '', authority: 'https://login.microsoftonline.com/contoso.example' },
});

export async function appToken(): Promise<string | undefined> {
  const result = await msal.acquireTokenByClientCredential({ scopes: ['User.Read.All'] });
  return result?.accessToken;
}
