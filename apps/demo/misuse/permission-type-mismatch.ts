// Application.ReadWrite.OwnedBy exists only as an application permission; a delegated sign-in
// cannot carry it, and Graph answers the call 403.
import { PublicClientApplication } from '@azure/msal-node';

const msal = new PublicClientApplication({ auth: { clientId: process.env.CLIENT_ID ?? '', authority: 'https://login.microsoftonline.com/organizations' } });

export async function signIn(): Promise<string | undefined> {
  const result = await msal.acquireTokenByDeviceCode({
    scopes: ['Application.ReadWrite.OwnedBy'],
    deviceCodeCallback: (response) => {
      console.log(response.message);
    },
  });
  return result?.accessToken;
}
