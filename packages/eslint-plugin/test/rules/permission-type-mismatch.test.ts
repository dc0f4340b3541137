import rule from '../../src/rules/permission-type-mismatch.js';
import { ruleTester } from '../rule-tester.js';
import {
  appOnlyClientIn,
  appOnlyGraphClient,
  appOnlyMiddlewareClient,
  appOnlySdkClient,
  cca,
  delegatedGraphClient,
  identity,
  importForms,
  withAppOnlyHeaders,
} from './forms.js';

const scopeError = [{ messageId: 'applicationScopeInDelegatedFlow' as const }];
const callError = [{ messageId: 'delegatedOnlyCall' as const }];
const obo = (scopes: string) => `${cca()}\nawait cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ${scopes} });`;

ruleTester.run('permission-type-mismatch', rule, {
  valid: [
    ...importForms.map((form) => `${appOnlyClientIn(form)}\nawait client.api('/users/bob/messages').get();`),
    obo("['Mail.Read', 'User.ReadBasic.All']"),
    obo("['https://graph.microsoft.com/.default']"),
    obo('[process.env.SCOPE]'),
    // an app-only request for an application permission is right
    `${cca()}\nawait cca.acquireTokenByClientCredential({ scopes: ['Mail.ReadBasic.All'] });`,
    `${delegatedGraphClient("['Calendars.Read.Shared']")}\nawait client.api('/users/bob/findMeetingTimes').post(body);`,
    // /me and password resets have their own rules
    `${appOnlyGraphClient}\nawait client.api('/me/followedSites').get();`,
    `${appOnlyGraphClient}\nawait client.api('/users/bob/changePassword').post(body);`,
    `${appOnlyGraphClient}\nawait client.api(path).post(body);`,
    `${appOnlyGraphClient}\nawait client.api('/users/bob/someFutureThing').get();`,
    `import { DefaultAzureCredential } from '${identity}';\nawait new DefaultAzureCredential().getToken(['Group.Create']);`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: `${appOnlyClientIn(form)}\nawait client.api('/users/bob/findMeetingTimes').post(body);`, errors: callError })),
    { code: `${appOnlyMiddlewareClient}\nawait client.api(\`/users/\${id}/followedSites\`).get();`, errors: callError },
    { code: `${appOnlySdkClient}\nawait graphClient.users.byUserId(id).followedSites.get();`, errors: callError },
    { code: withAppOnlyHeaders("await fetch('https://graph.microsoft.com/v1.0/users/bob/findMeetingTimes', { method: 'POST', headers, body });"), errors: callError },
    { code: obo("['Mail.ReadBasic.All']"), errors: scopeError },
    { code: obo("['User.Read', 'Application.ReadWrite.OwnedBy']"), errors: scopeError },
    { code: obo("['https://graph.microsoft.com/Chat.ReadBasic.All']"), errors: scopeError },
    { code: `const SCOPES = ['Group.Create'];\n${obo('SCOPES')}`, errors: scopeError },
    { code: `const BASE = ['Device.ReadWrite.All'];\n${obo('[...BASE]')}`, errors: scopeError },
    { code: delegatedGraphClient("['Calendars.ReadBasic.All']"), errors: scopeError },
    { code: `import { useMsal } from '@azure/msal-react';\nexport function A() { const { instance } = useMsal(); return instance.acquireTokenSilent({ scopes: ['chat.read.all'] }); }`, errors: scopeError },
  ],
});
