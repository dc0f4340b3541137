// Personal Microsoft accounts (the "consumers" tenant) calling a work-or-school-only API: 401.
import { DeviceCodeCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

const credential = new DeviceCodeCredential({ tenantId: 'consumers', clientId: process.env.CLIENT_ID ?? '' });
const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['Team.ReadBasic.All'] });
const client = Client.initWithMiddleware({ authProvider });

export async function myTeams(): Promise<unknown> {
  return client.api('/me/joinedTeams').get();
}
