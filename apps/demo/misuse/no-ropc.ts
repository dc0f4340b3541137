// Username and password sign-in (ROPC): fails as soon as MFA or conditional access applies
// (400 interaction_required), and teaches the app to handle passwords.
import { PublicClientApplication } from '@azure/msal-node';

const msal = new PublicClientApplication({ auth: { clientId: process.env.CLIENT_ID ?? '', authority: 'https://login.microsoftonline.com/organizations' } });

export async function signIn(username: string, password: string): Promise<string | undefined> {
  const result = await msal.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username, password });
  return result?.accessToken;
}
