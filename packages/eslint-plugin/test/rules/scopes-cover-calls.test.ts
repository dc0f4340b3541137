import rule from '../../src/rules/scopes-cover-calls.js';
import { ruleTester } from '../rule-tester.js';
import { appOnlyGraphClient, appOnlySdkClient, cca, delegatedGraphClient, graphClient, identity, importForms, importOf, tcapModule } from './forms.js';

/** A delegated client over an InteractiveBrowserCredential imported in `form`. */
function delegatedIn(form: (typeof importForms)[number], scopes: string): string {
  const { prelude, ref } = importOf(identity, 'InteractiveBrowserCredential', form);
  return `${prelude}\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst credential = new ${ref}({ clientId });\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ${scopes} }) });`;
}

/** A finding whose suggestion turns `before` into `after` in the code. */
function missing(code: string, permission: string, before: string, after: string) {
  return { code, errors: [{ messageId: 'notCovered' as const, suggestions: [{ messageId: 'addScope' as const, data: { permission }, output: code.replace(before, after) }] }] };
}

const silentMsal = (scopes: string, call: string) =>
  `import { PublicClientApplication } from '@azure/msal-browser';\nconst pca = new PublicClientApplication(config);\nconst { accessToken } = await pca.acquireTokenSilent({ scopes: ${scopes}, account });\n${call}`;
const bearer = '{ headers: { Authorization: `Bearer ${accessToken}` } }';

ruleTester.run('scopes-cover-calls', rule, {
  valid: [
    ...importForms.map((form) => `${delegatedIn(form, "['User.Read']")}\nawait client.api('/me').get();`),
    `${delegatedGraphClient("['Mail.Read']")}\nawait client.api('/me/messages').get();`,
    `${delegatedGraphClient("['mail.read']")}\nawait client.api('/me/mailFolders').get();`,
    `${delegatedGraphClient("['Mail.Send']")}\nawait client.api('/me/sendMail').post({ message });`,
    `${delegatedGraphClient("['Calendars.ReadWrite', 'User.Read']")}\nawait client.api('/me/events').get();\nawait client.api('/me/memberOf').get();`,
    `${delegatedGraphClient("['https://graph.microsoft.com/.default']")}\nawait client.api('/me/messages').get();`,
    `${delegatedGraphClient('[process.env.SCOPE]')}\nawait client.api('/me/messages').get();`,
    `${delegatedGraphClient("['User.Read']")}\nawait client.api('/me/someFutureThing').get();`,
    `${appOnlyGraphClient}\nawait client.api('/groups').get();`,
    { code: `${appOnlyGraphClient}\nawait client.api('/groups').get();`, options: [{ applicationPermissions: ['Group.Read.All'] }] },
    silentMsal("['Mail.Read']", `await fetch('https://graph.microsoft.com/v1.0/me/messages', ${bearer});`),
    `export const list = (token) => fetch('https://graph.microsoft.com/v1.0/me/messages', { headers: { Authorization: \`Bearer \${token}\` } });`,
    `import { DefaultAzureCredential } from '${identity}';\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new DefaultAzureCredential(), { scopes: ['User.Read'] }) });\nawait client.api('/me/messages').get();`,
  ],
  invalid: [
    ...importForms.map((form) => missing(`${delegatedIn(form, "['User.Read']")}\nawait client.api('/me/messages').get();`, 'Mail.ReadBasic', "['User.Read']", "['User.Read', 'Mail.ReadBasic']")),
    missing(`${delegatedGraphClient("['User.Read']")}\nawait client.api('/me/sendMail').post({ message });`, 'Mail.Send', "['User.Read']", "['User.Read', 'Mail.Send']"),
    missing(`${delegatedGraphClient("['Mail.Read']")}\nawait client.api('/users').select('displayName').get();`, 'User.ReadBasic.All', "['Mail.Read']", "['Mail.Read', 'User.ReadBasic.All']"),
    missing(`${delegatedGraphClient('["User.Read"]')}\nawait client.api('/me/events').get();`, 'Calendars.ReadBasic', '["User.Read"]', '["User.Read", "Calendars.ReadBasic"]'),
    missing(`${delegatedGraphClient("['User.Read']")}\nawait client.api('/me/drive/root/children').get();`, 'Files.Read', "['User.Read']", "['User.Read', 'Files.Read']"),
    missing(`${delegatedGraphClient("['User.Read']")}\nawait client.api('/me/joinedTeams').get();`, 'Team.ReadBasic.All', "['User.Read']", "['User.Read', 'Team.ReadBasic.All']"),
    missing(`const SCOPES = ['User.Read'];\n${delegatedGraphClient('SCOPES')}\nawait client.api('/me/presence').get();`, 'Presence.Read', "['User.Read']", "['User.Read', 'Presence.Read']"),
    missing(`const BASE = ['User.Read'];\n${delegatedGraphClient('[...BASE]')}\nawait client.api('/me/contacts').get();`, 'Contacts.Read', '[...BASE]', "[...BASE, 'Contacts.Read']"),
    missing(silentMsal("['User.Read']", `await fetch('https://graph.microsoft.com/v1.0/me/messages', ${bearer});`), 'Mail.ReadBasic', "['User.Read']", "['User.Read', 'Mail.ReadBasic']"),
    missing(
      `import { DeviceCodeCredential } from '${identity}';\nimport { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';\nimport { createGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk';\nconst graph = createGraphServiceClient(new GraphRequestAdapter(new AzureIdentityAuthenticationProvider(new DeviceCodeCredential({ clientId }), ['User.Read'])));\nawait graph.me.todo.lists.get();`,
      'Tasks.Read',
      "['User.Read']",
      "['User.Read', 'Tasks.Read']",
    ),
    { code: `${appOnlyGraphClient}\nawait client.api('/groups').get();`, options: [{ applicationPermissions: ['User.Read.All'] }], errors: [{ messageId: 'notCovered' as const, suggestions: [] }] },
    { code: `${appOnlySdkClient}\nawait graphClient.users.byUserId(id).messages.get();`, options: [{ applicationPermissions: ['Mail.Send'] }], errors: [{ messageId: 'notCovered' as const, suggestions: [] }] },
    {
      code: `${cca()}\nconst { accessToken } = await cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ['User.Read'] });\nawait fetch(\`https://graph.microsoft.com/v1.0/users/\${id}/messages\`, ${bearer});`,
      errors: [{ messageId: 'notCovered' as const, suggestions: [{ messageId: 'addScope' as const, data: { permission: 'Mail.ReadBasic' }, output: `${cca()}\nconst { accessToken } = await cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ['User.Read', 'Mail.ReadBasic'] });\nawait fetch(\`https://graph.microsoft.com/v1.0/users/\${id}/messages\`, ${bearer});` }] }],
    },
  ],
});
