// The app asks for User.Read, then lists every user: no requested scope grants GET /users (403).
import { DeviceCodeCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

const credential = new DeviceCodeCredential({ tenantId: 'organizations', clientId: process.env.CLIENT_ID ?? '' });
const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['User.Read'] });
const client = Client.initWithMiddleware({ authProvider });

export async function listUsers(): Promise<unknown> {
  return client.api('/users').get();
}
