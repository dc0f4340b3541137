import rule from '../../src/rules/no-personal-account-work-only-api.js';
import { ruleTester } from '../rule-tester.js';
import { delegatedGraphClient, graphClient, identity, importForms, importOf, tcapModule } from './forms.js';

const errors = [{ messageId: 'workOnly' as const }];
const consumers = (call: string) => `${delegatedGraphClient("['User.Read']", 'consumers')}\n${call}`;

function consumersIn(form: (typeof importForms)[number], call: string): string {
  const { prelude, ref } = importOf(identity, 'DeviceCodeCredential', form);
  return `${prelude}\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst credential = new ${ref}({ tenantId: 'consumers', clientId });\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ['User.Read'] }) });\n${call}`;
}

const msalApp = (authority: string, call: string) =>
  `import { PublicClientApplication } from '@azure/msal-browser';\nconst pca = new PublicClientApplication({ auth: { clientId, authority: '${authority}' } });\nconst { accessToken } = await pca.acquireTokenSilent({ scopes: ['User.Read'], account });\n${call}`;
const bearer = '{ headers: { Authorization: `Bearer ${accessToken}` } }';

ruleTester.run('no-personal-account-work-only-api', rule, {
  valid: [
    ...importForms.map((form) => consumersIn(form, "await client.api('/me').get();")),
    consumers("await client.api('/me/messages').get();"),
    consumers("await client.api('/me/drive/root/children').get();"),
    consumers("await client.api('/me/events').get();"),
    consumers("await client.api('/me/todo/lists').get();"),
    consumers('await client.api(path).get();'),
    `${delegatedGraphClient("['User.ReadBasic.All']", 'common')}\nawait client.api('/users').get();`,
    `${delegatedGraphClient("['User.ReadBasic.All']", 'organizations')}\nawait client.api('/users').get();`,
    msalApp('https://login.microsoftonline.com/common', `await fetch('https://graph.microsoft.com/v1.0/users', ${bearer});`),
    `import { PublicClientApplication } from '@azure/msal-browser';\nconst pca = new PublicClientApplication({ auth: { clientId, authority: process.env.AUTHORITY } });\nconst { accessToken } = await pca.acquireTokenSilent({ scopes: ['User.Read'], account });\nawait fetch('https://graph.microsoft.com/v1.0/users', ${bearer});`,
    `import { InteractiveBrowserCredential } from '${identity}';\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst credential = new InteractiveBrowserCredential({ tenantId, clientId });\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ['User.Read'] }) });\nawait client.api('/users').get();`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: consumersIn(form, "await client.api('/users').get();"), errors })),
    { code: consumers("await client.api('/groups').get();"), errors },
    { code: consumers("await client.api('/me/joinedTeams').get();"), errors },
    { code: consumers("await client.api('/me/presence').get();"), errors },
    { code: consumers("await client.api('/me/memberOf').get();"), errors },
    { code: consumers("await client.api('/me/chats').get();"), errors },
    { code: consumers("await client.api('/auditLogs/signIns').get();"), errors },
    { code: msalApp('https://login.microsoftonline.com/consumers', `await fetch('https://graph.microsoft.com/v1.0/users', ${bearer});`), errors },
    { code: msalApp('https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/', `await fetch('https://graph.microsoft.com/v1.0/me/insights/trending', ${bearer});`), errors },
    {
      code: `import axios from 'axios';\n${msalApp('https://login.microsoftonline.com/consumers/v2.0', `await axios.get('https://graph.microsoft.com/v1.0/me/joinedTeams', ${bearer});`)}`,
      errors,
    },
  ],
});
