// A typo in a scope: no such permission, the sign-in fails (AADSTS65001/70011).
import { PublicClientApplication } from '@azure/msal-node';

const msal = new PublicClientApplication({ auth: { clientId: process.env.CLIENT_ID ?? '', authority: 'https://login.microsoftonline.com/organizations' } });

export async function signIn(): Promise<string | undefined> {
  const result = await msal.acquireTokenByDeviceCode({
    scopes: ['User.Read', 'Mail.Reed'],
    deviceCodeCallback: (response) => {
      console.log(response.message);
    },
  });
  return result?.accessToken;
}
