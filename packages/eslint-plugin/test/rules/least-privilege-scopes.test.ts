import rule from '../../src/rules/least-privilege-scopes.js';
import { ruleTester } from '../rule-tester.js';
import { appOnlyGraphClient, delegatedGraphClient, graphClient, identity, importForms, importOf, tcapModule } from './forms.js';

function delegatedIn(form: (typeof importForms)[number], scopes: string): string {
  const { prelude, ref } = importOf(identity, 'DeviceCodeCredential', form);
  return `${prelude}\nimport { Client } from '${graphClient}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new ${ref}({ clientId }), { scopes: ${scopes} }) });`;
}

function over(code: string, scope: string, least: string) {
  return {
    code,
    errors: [{ messageId: 'overPrivileged' as const, suggestions: [{ messageId: 'useLeast' as const, data: { least }, output: code.replace(`'${scope}'`, `'${least}'`) }] }],
  };
}

const silent = (scopes: string, calls: string) =>
  `import { PublicClientApplication } from '@azure/msal-node';\nconst pca = new PublicClientApplication(config);\nconst { accessToken } = await pca.acquireTokenSilent({ scopes: ${scopes}, account });\nconst headers = { Authorization: \`Bearer \${accessToken}\` };\n${calls}`;

ruleTester.run('least-privilege-scopes', rule, {
  valid: [
    ...importForms.map((form) => `${delegatedIn(form, "['User.Read']")}\nawait client.api('/me').get();`),
    `${delegatedGraphClient("['User.ReadWrite.All']")}\nawait client.api('/users/bob').patch({ jobTitle });`,
    `${delegatedGraphClient("['User.ReadWrite.All']")}\nawait client.api('/users').get();\nawait client.api(\`/users/\${id}\`).patch({ jobTitle });`,
    `${delegatedGraphClient("['User.ReadWrite.All']")}\nawait client.api('/users').get();\nawait client.api(path).get();`,
    `${delegatedGraphClient("['User.ReadWrite.All']")}\nawait client.api('/users').get();\nawait client.api('/me/someFutureThing').get();`,
    delegatedGraphClient("['Directory.ReadWrite.All']"),
    `${delegatedGraphClient("['https://graph.microsoft.com/.default']")}\nawait client.api('/me').get();`,
    `${delegatedGraphClient("['User.Read', 'Mail.Send']")}\nawait client.api('/me').get();`,
    `${delegatedGraphClient("['User.Read', 'User.Read.All']")}\nawait client.api('/me').get();`,
    `${delegatedGraphClient("['Mail.ReadWrite']")}\nawait client.api('/me/messages').get();`,
    `${appOnlyGraphClient}\nawait client.api('/users').get();`,
    silent('[process.env.SCOPE]', "await fetch('https://graph.microsoft.com/v1.0/users', { headers });"),
  ],
  invalid: [
    ...importForms.map((form) => over(`${delegatedIn(form, "['User.ReadWrite.All']")}\nawait client.api('/users').get();`, 'User.ReadWrite.All', 'User.ReadBasic.All')),
    over(`${delegatedGraphClient("['Files.ReadWrite.All']")}\nawait client.api('/me/drive/root/children').get();`, 'Files.ReadWrite.All', 'Files.Read'),
    over(`${delegatedGraphClient("['Sites.Read.All']")}\nawait client.api('/me/drive/root/children').get();`, 'Sites.Read.All', 'Files.Read'),
    over(`${delegatedGraphClient("['User.Read.All']")}\nawait client.api('/me').get();`, 'User.Read.All', 'User.Read'),
    over(`${delegatedGraphClient("['Directory.Read.All', 'Mail.Read']")}\nawait client.api('/me').get();\nawait client.api('/me/messages').get();`, 'Directory.Read.All', 'User.Read'),
    over(silent("['User.ReadWrite.All']", "await fetch('https://graph.microsoft.com/v1.0/users', { headers });"), 'User.ReadWrite.All', 'User.ReadBasic.All'),
    over(silent("['Directory.ReadWrite.All']", "await fetch(`https://graph.microsoft.com/v1.0/users/${id}`, { headers });\nawait fetch('https://graph.microsoft.com/v1.0/users', { headers });"), 'Directory.ReadWrite.All', 'User.ReadBasic.All'),
    over(`const SCOPES = ['User.ReadWrite.All'];\n${delegatedGraphClient('SCOPES')}\nawait client.api('/users').get();`, 'User.ReadWrite.All', 'User.ReadBasic.All'),
    over(`const BASE = ['Files.ReadWrite.All'];\n${delegatedGraphClient("[...BASE, 'User.Read']")}\nawait client.api('/me/drive/root/children').get();`, 'Files.ReadWrite.All', 'Files.Read'),
    {
      code: `const area = 'Files';\n${delegatedGraphClient('[`${area}.ReadWrite.All`]')}\nawait client.api('/me/drive/root/children').get();`,
      errors: [{ messageId: 'overPrivileged' as const, suggestions: [] }],
    },
  ],
});
