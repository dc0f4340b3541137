import rule from '../../src/rules/no-me-with-app-only.js';
import { ruleTester } from '../rule-tester.js';
import {
  cca,
  appOnlyClientIn,
  appOnlyGraphClient,
  appOnlyMiddlewareClient,
  appOnlySdkClient,
  delegatedGraphClient,
  graphClient,
  identity,
  importForms,
  tcapModule,
  withAppOnlyHeaders,
} from './forms.js';

const errors = [{ messageId: 'meAppOnly' as const }];

ruleTester.run('no-me-with-app-only', rule, {
  valid: [
    `${delegatedGraphClient("['User.Read']")}\nawait client.api('/me').get();`,
    `${delegatedGraphClient("['Mail.Read']")}\nawait client.api('/me/messages').top(5).get();`,
    `${appOnlyGraphClient}\nawait client.api('/users/alice@contoso.com').get();`,
    `${appOnlyGraphClient}\nawait client.api(\`/users/\${userId}/messages\`).get();`,
    `${appOnlyGraphClient}\nawait client.api('/meetingAttendanceReports').get();`,
    `${appOnlyGraphClient}\nawait client.api(path).get();`,
    `${appOnlySdkClient}\nawait graphClient.users.byUserId(id).messages.get();`,
    `import { Client } from '${graphClient}';\nexport const me = (authProvider) => Client.init({ authProvider }).api('/me').get();`,
    `import { DefaultAzureCredential } from '${identity}';\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new DefaultAzureCredential(), { scopes: ['https://graph.microsoft.com/.default'] }) });\nawait client.api('/me').get();`,
    withAppOnlyHeaders("await fetch('https://graph.microsoft.com/v1.0/users', { headers });"),
    withAppOnlyHeaders('await fetch(`${process.env.GRAPH}/me`, { headers });'),
    "await fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: `Bearer ${userToken}` } });",
    `export async function me(token) { return fetch('https://graph.microsoft.com/v1.0/me', { headers: { authorization: 'Bearer ' + token } }); }`,
    withAppOnlyHeaders("await fetch('https://management.azure.com/me', { headers });"),
    `${appOnlyGraphClient}\nlet c = client;\nc = other;\nawait c.api('/me').get();`,
    `import { Client } from '${graphClient}';\nconst client = Client.init({ authProvider: (done) => done(null, process.env.TOKEN) });\nawait client.api('/me').get();`,
    `import axios from 'axios';\nconst graph = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0', headers: { Authorization: \`Bearer \${userToken}\` } });\nawait graph.get('/me');`,
    `import axios from 'axios';\n${withAppOnlyHeaders("const graph = axios.create({ baseURL: process.env.GRAPH_URL, headers });\nawait graph.get('/me');")}`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: `${appOnlyClientIn(form)}\nawait client.api('/me').get();`, errors })),
    { code: `${appOnlyGraphClient}\nawait client.api('/me/messages').select('subject').top(10).get();`, errors },
    { code: `${appOnlyGraphClient}\nawait client.api('https://graph.microsoft.com/beta/me/events').get();`, errors },
    { code: `${appOnlyGraphClient}\nawait client.api('/me?$select=id').get();`, errors },
    { code: `${appOnlyMiddlewareClient}\nawait client.api('me/drive/root/children').get();`, errors },
    { code: `${appOnlySdkClient}\nawait graphClient.me.get();`, errors },
    { code: `${appOnlySdkClient}\nawait graphClient.me.messages.byMessageId(id).patch({ isRead: true });`, errors },
    { code: withAppOnlyHeaders("await fetch('https://graph.microsoft.com/v1.0/me', { headers });"), errors },
    { code: `import axios from 'axios';\n${withAppOnlyHeaders("await axios.get('https://graph.microsoft.com/v1.0/me/calendar/events', { headers });")}`, errors },
    { code: `const axios = require('axios');\n${withAppOnlyHeaders("await axios({ url: 'https://graph.microsoft.com/v1.0/me/sendMail', method: 'post', headers, data });")}`, errors },
    {
      code: `import { ManagedIdentityCredential } from '${identity}';\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new ManagedIdentityCredential(), { scopes: ['https://graph.microsoft.com/.default'] }) });\nawait client.api('/me/memberOf').get();`,
      errors,
    },
    {
      code: `import { ClientSecretCredential } from '${identity}';\nconst credential = new ClientSecretCredential(t, c, s);\nconst token = await credential.getToken('https://graph.microsoft.com/.default');\nawait fetch('https://graph.microsoft.com/v1.0/me', { headers: { Authorization: \`Bearer \${token.token}\` } });`,
      errors,
    },
    {
      code: `import axios from 'axios';\n${withAppOnlyHeaders("const graph = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0', headers });\nawait graph.get('/me/messages');")}`,
      errors,
    },
    {
      code: `${cca()}\nimport { Client } from '${graphClient}';\nclass AppOnlyAuth {\n  async getAccessToken() {\n    const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });\n    return result.accessToken;\n  }\n}\nconst client = Client.initWithMiddleware({ authProvider: new AppOnlyAuth() });\nawait client.api('/me').get();`,
      errors,
    },
    {
      code: `${cca()}\nimport { Client } from '${graphClient}';\nconst result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });\nconst client = Client.init({ authProvider: (done) => done(null, result.accessToken) });\nawait client.api('/me').get();`,
      errors,
    },
    {
      code: `${appOnlyGraphClient}\nclass Repo {\n  constructor() { this.graph = client; }\n  me() { return this.graph.api('/me').get(); }\n}`,
      errors,
    },
  ],
});
