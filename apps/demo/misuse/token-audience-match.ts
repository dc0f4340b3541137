// A token for Outlook's REST API sent to Graph: 401 "Invalid audience".
import { ClientSecretCredential } from '@azure/identity';

const credential = new ClientSecretCredential(process.env.TENANT_ID ?? '', process.env.CLIENT_ID ?? '', process.env.CLIENT_SECRET ?? '');

export async function listMessages(userId: string): Promise<unknown> {
  const token = await credential.getToken('https://outlook.office.com/.default');
  const response = await fetch(`https://graph.microsoft.com/v1.0/users/${userId}/messages`, { headers: { authorization: `Bearer ${token.token}` } });
  return response.json();
}
