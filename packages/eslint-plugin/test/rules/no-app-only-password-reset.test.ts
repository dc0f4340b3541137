import rule from '../../src/rules/no-app-only-password-reset.js';
import { ruleTester } from '../rule-tester.js';
import { appOnlyGraphClient, appOnlyMiddlewareClient, appOnlySdkClient, cca, delegatedGraphClient, importForms, importOf, graphClient } from './forms.js';

const reset = "'/users/alice@contoso.com/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword'";
const appReset = [{ messageId: 'appOnlyReset' as const }];
const profile = [{ messageId: 'passwordProfile' as const }];

/** graph-client in every import form, its token from an app-only MSAL request. */
function clientIn(form: (typeof importForms)[number]): string {
  const { prelude, ref } = importOf(graphClient, 'Client', form);
  return `${cca()}\n${prelude.replace('lib', 'graph')}\nconst client = ${ref.replace('lib', 'graph')}.init({ authProvider: async (done) => done(null, (await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).accessToken) });`;
}

const fetchWithAppToken = (call: string) =>
  `${cca()}\nconst { accessToken } = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });\nconst headers = { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'application/json' };\n${call}`;

ruleTester.run('no-app-only-password-reset', rule, {
  valid: [
    `${delegatedGraphClient("['UserAuthenticationMethod.ReadWrite.All']")}\nawait client.api(${reset}).post({ newPassword });`,
    `${delegatedGraphClient("['Directory.AccessAsUser.All']")}\nawait client.api('/me/changePassword').post({ currentPassword, newPassword });`,
    `${appOnlyGraphClient}\nawait client.api('/users/bob').patch({ displayName: 'Bob' });`,
    `${appOnlyGraphClient}\nawait client.api('/users').get();`,
    `${appOnlyGraphClient}\nawait client.api('/users/bob/authentication/methods').get();`,
    { code: `${appOnlyGraphClient}\nawait client.api('/users/bob').patch({ passwordProfile: { password } });`, options: [{ checkPasswordProfile: false }] },
    // client whose token source is unknown: silent
    `import { Client } from '${graphClient}';\nexport function reset(authProvider) { return Client.init({ authProvider }).api(${reset}).post({}); }`,
    `import { Client } from '${graphClient}';\nimport { DefaultAzureCredential } from '@azure/identity';\nimport { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';\nconst client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new DefaultAzureCredential(), { scopes: ['https://graph.microsoft.com/.default'] }) });\nawait client.api(${reset}).post({});`,
    `${appOnlyGraphClient}\nawait client.api(path).post({});`,
    `${appOnlySdkClient}\nawait graphClient.users.byUserId(id).get();`,
    `${appOnlySdkClient}\nawait graphClient.users.byUserId(id).authentication.methods.get();`,
    fetchWithAppToken("await fetch('https://graph.microsoft.com/v1.0/users/bob', { method: 'PATCH', headers, body: JSON.stringify({ accountEnabled: false }) });"),
    `const token = process.env.TOKEN;\nawait fetch('https://graph.microsoft.com/v1.0/me/changePassword', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` } });`,
    `export async function change(token) {\n  await fetch('https://graph.microsoft.com/v1.0/me/changePassword', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });\n}`,
    `${delegatedGraphClient("['User.ReadWrite.All']")}\nawait client.api('/users/bob').patch({ passwordProfile: { password } });`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: `${clientIn(form)}\nawait client.api(${reset}).post({ newPassword });`, errors: appReset })),
    { code: `${appOnlyGraphClient}\nawait client.api('/users/bob/changePassword').post({ currentPassword, newPassword });`, errors: appReset },
    { code: `${appOnlyMiddlewareClient}\nawait client.api(${reset}).version('beta').post({});`, errors: appReset },
    { code: `${appOnlyMiddlewareClient}\nconst id = 'x';\nawait client.api(\`/users/\${userId}/authentication/methods/\${id}/resetPassword\`).post({});`, errors: appReset },
    { code: `${appOnlySdkClient}\nawait graphClient.users.byUserId(userId).authentication.methods.byAuthenticationMethodId(methodId).resetPassword.post({ newPassword });`, errors: appReset },
    { code: `${appOnlySdkClient}\nawait graphClient.users.byUserId(userId).changePassword.post(body);`, errors: appReset },
    { code: fetchWithAppToken(`await fetch('https://graph.microsoft.com/v1.0/users/bob/authentication/methods/m/resetPassword', { method: 'POST', headers });`), errors: appReset },
    {
      code: `import axios from 'axios';\n${fetchWithAppToken(`await axios.post('https://graph.microsoft.com/beta/users/bob/authentication/methods/m/resetPassword', {}, { headers });`)}`,
      errors: appReset,
    },
    { code: `${appOnlyGraphClient}\nawait client.api('/users/bob').patch({ passwordProfile: { password, forceChangePasswordNextSignIn: true } });`, errors: profile },
    { code: `${appOnlyMiddlewareClient}\nconst update = { passwordProfile: { password } };\nawait client.api(\`/users/\${id}\`).update(update);`, errors: profile },
    { code: `${appOnlySdkClient}\nawait graphClient.users.byUserId(id).patch({ passwordProfile: { password } });`, errors: profile },
    { code: fetchWithAppToken("await fetch('https://graph.microsoft.com/v1.0/users/bob', { method: 'PATCH', headers, body: { passwordProfile: { password } } });"), errors: profile },
    { code: fetchWithAppToken("await fetch('https://graph.microsoft.com/v1.0/users/bob', { method: 'PATCH', headers, body: JSON.stringify({ passwordProfile: { password } }) });"), errors: profile },
  ],
});
