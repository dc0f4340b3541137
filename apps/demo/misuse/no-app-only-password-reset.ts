// A background job resets a user's password with app-only credentials. resetPassword works only
// for a signed-in administrator (delegated): Graph answers 403.
import { ClientSecretCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

const credential = new ClientSecretCredential(process.env.TENANT_ID ?? '', process.env.CLIENT_ID ?? '', process.env.CLIENT_SECRET ?? '');
const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] });
const client = Client.initWithMiddleware({ authProvider });

export async function resetPassword(userId: string, methodId: string): Promise<void> {
  await client.api(`/users/${userId}/authentication/methods/${methodId}/resetPassword`).post({ newPassword: 'Temp-pa55word!' });
}
