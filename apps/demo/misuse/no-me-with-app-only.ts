// /me is "the signed-in user"; an app-only token has none. Graph answers 400 BadRequest.
import { ClientSecretCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

const credential = new ClientSecretCredential(process.env.TENANT_ID ?? '', process.env.CLIENT_ID ?? '', process.env.CLIENT_SECRET ?? '');
const client = Client.initWithMiddleware({
  authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] }),
});

export async function whoAmI(): Promise<unknown> {
  return client.api('/me').get();
}
