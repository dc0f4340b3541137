// Directory.ReadWrite.All to read one's own profile: far more than GET /me needs (User.Read).
import { DeviceCodeCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

const credential = new DeviceCodeCredential({ tenantId: 'organizations', clientId: process.env.CLIENT_ID ?? '' });
const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['Directory.ReadWrite.All'] });
const client = Client.initWithMiddleware({ authProvider });

export async function profile(): Promise<unknown> {
  return client.api('/me').get();
}
