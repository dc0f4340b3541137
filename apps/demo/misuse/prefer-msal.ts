// A hand-rolled token request: no caching, no refresh, no claims challenges. MSAL does all three.
export async function appToken(): Promise<string> {
  const response = await fetch('https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: process.env.CLIENT_ID ?? '',
      client_secret: process.env.CLIENT_SECRET ?? '',
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}
