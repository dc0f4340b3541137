// One token request for Graph and Azure Storage at once: AADSTS28000, a token has one audience.
import { PublicClientApplication } from '@azure/msal-node';

const msal = new PublicClientApplication({ auth: { clientId: process.env.CLIENT_ID ?? '', authority: 'https://login.microsoftonline.com/organizations' } });

export async function signIn(): Promise<string | undefined> {
  const result = await msal.acquireTokenByDeviceCode({
    scopes: ['User.Read', 'https://storage.azure.com/user_impersonation'],
    deviceCodeCallback: (response) => {
      console.log(response.message);
    },
  });
  return result?.accessToken;
}
