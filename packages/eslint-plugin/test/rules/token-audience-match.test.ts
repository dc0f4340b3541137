import rule from '../../src/rules/token-audience-match.js';
import { ruleTester } from '../rule-tester.js';
import { cca, graphClient, identity, importForms, tcapModule } from './forms.js';

const errors = [{ messageId: 'wrongAudience' as const }];

/** A token for `scope` from MSAL, sent with fetch to `url`. */
function send(scope: string, url: string, form: Parameters<typeof cca>[0] = 'named'): string {
  return `${cca(form)}\nconst result = await cca.acquireTokenByClientCredential({ scopes: ['${scope}'] });\nawait fetch('${url}', { headers: { Authorization: \`Bearer \${result.accessToken}\` } });`;
}

const graph = 'https://graph.microsoft.com/.default';
const arm = 'https://management.azure.com/.default';

ruleTester.run('token-audience-match', rule, {
  valid: [
    ...importForms.map((form) => send(graph, 'https://graph.microsoft.com/v1.0/users', form)),
    send(arm, 'https://management.azure.com/subscriptions?api-version=2022-12-01'),
    send('https://vault.azure.net/.default', 'https://myvault.vault.azure.net/secrets/db?api-version=7.4'),
    send('https://graph.microsoft.us/.default', 'https://graph.microsoft.us/v1.0/users'),
    send('api://my-api/.default', 'https://api.contoso.com/orders'),
    `${cca()}\nconst result = await cca.acquireTokenByClientCredential({ scopes: [process.env.SCOPE] });\nawait fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: \`Bearer \${result.accessToken}\` } });`,
    `export const call = (token) => fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: \`Bearer \${token}\` } });`,
    `${cca()}\nlet token = (await cca.acquireTokenByClientCredential({ scopes: ['${arm}'] })).accessToken;\ntoken = other;\nawait fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: \`Bearer \${token}\` } });`,
    `import { DefaultAzureCredential } from '${identity}';\nconst c = new DefaultAzureCredential();\nconst { token } = await c.getToken('${graph}');\nawait fetch('https://graph.microsoft.com/v1.0/users', { headers: { Authorization: 'Bearer ' + token } });`,
    `import { ClientSecretCredential } from '${identity}';\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new ClientSecretCredential(t, c, s), { scopes: ['${graph}'] }) });\nawait client.api('/users').get();`,
    `${cca()}\nconst result = await cca.acquireTokenByClientCredential({ scopes: ['${arm}'] });\nawait fetch(url, { headers: { Authorization: \`Bearer \${result.accessToken}\` } });`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: send(arm, 'https://graph.microsoft.com/v1.0/users', form), errors })),
    {
      code: `import axios from 'axios';\n${cca()}\nconst { accessToken } = await cca.acquireTokenByClientCredential({ scopes: ['${arm}'] });\nconst graph = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0', headers: { Authorization: \`Bearer \${accessToken}\` } });\nawait graph.get(\`/users/\${id}\`);`,
      errors,
    },
    { code: send(graph, 'https://management.azure.com/subscriptions?api-version=2022-12-01'), errors },
    { code: send('https://outlook.office.com/.default', 'https://graph.microsoft.com/v1.0/me/messages'), errors },
    { code: send(graph, 'https://outlook.office.com/api/v2.0/me/messages'), errors },
    { code: send('https://graph.windows.net/.default', 'https://graph.microsoft.com/v1.0/users'), errors },
    { code: send('api://my-api/.default', 'https://graph.microsoft.com/v1.0/users'), errors },
    {
      code: `import axios from 'axios';\n${cca()}\nconst { accessToken } = await cca.acquireTokenByClientCredential({ scopes: ['${arm}'] });\nawait axios.get(\`https://graph.microsoft.com/v1.0/users/\${id}\`, { headers: { Authorization: 'Bearer ' + accessToken } });`,
      errors,
    },
    {
      code: `${cca()}\nasync function armToken() { const r = await cca.acquireTokenByClientCredential({ scopes: ['${arm}'] }); return r.accessToken; }\nawait fetch('https://graph.microsoft.com/v1.0/groups', { headers: { Authorization: \`Bearer \${await armToken()}\` } });`,
      errors,
    },
    {
      code: `import { ClientSecretCredential } from '${identity}';\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new ClientSecretCredential(t, c, s), { scopes: ['https://vault.azure.net/.default'] }) });\nawait client.api('/users').get();`,
      errors,
    },
    {
      code: `import { ManagedIdentityCredential } from '${identity}';\nimport { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';\nimport { createGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk';\nconst adapter = new GraphRequestAdapter(new AzureIdentityAuthenticationProvider(new ManagedIdentityCredential(), ['${arm}']));\nconst graph = createGraphServiceClient(adapter);\nawait graph.users.get();`,
      errors,
    },
    {
      code: `import { ClientSecretCredential } from '${identity}';\nconst credential = new ClientSecretCredential(t, c, s);\nconst { token } = await credential.getToken('${arm}');\nconst headers = { authorization: \`Bearer \${token}\` };\nawait fetch('https://graph.microsoft.com/v1.0/applications', { method: 'GET', headers });`,
      errors,
    },
  ],
});
