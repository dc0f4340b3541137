import rule from '../../src/rules/valid-permission-name.js';
import { ruleTester } from '../rule-tester.js';
import { cca, identity, importForms, tcapModule } from './forms.js';

const obo = (scopes: string, form: Parameters<typeof cca>[0] = 'named') => `${cca(form)}\nawait cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ${scopes} });`;

/** One finding whose suggestions replace `typo` (as written in `code`) with each candidate. */
function unknown(code: string, typo: string, candidates: readonly string[]) {
  return {
    code,
    errors: [
      {
        messageId: 'unknown' as const,
        suggestions: candidates.map((replacement) => ({
          messageId: 'replace' as const,
          data: { replacement },
          output: code.replace(typo, replacement),
        })),
      },
    ],
  };
}

ruleTester.run('valid-permission-name', rule, {
  valid: [
    ...importForms.map((form) => obo("['User.Read', 'Mail.Read']", form)),
    obo("['user.read', 'MAIL.READ']"),
    obo("['openid', 'profile', 'offline_access', 'email']"),
    obo("['https://graph.microsoft.com/.default']"),
    obo("['https://graph.microsoft.com/Calendars.ReadWrite']"),
    obo("['https://management.azure.com/user_impersonation']"),
    obo("['api://my-api/Orders.Read.Everything']"),
    obo('[process.env.SCOPE]'),
    `${cca()}\nexport const get = (scope) => cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: [scope] });`,
    "const notARequest = { scopes: ['User.Raed'] };",
    `import { DefaultAzureCredential } from '${identity}';\nawait new DefaultAzureCredential().getToken(['Files.Read.All']);`,
  ],
  invalid: [
    ...importForms.map((form) => unknown(obo("['User.Raed']", form), 'User.Raed', ['User.Read'])),
    unknown(obo("['Mail.Reed', 'User.Read']"), 'Mail.Reed', ['Mail.Read', 'Mail.Send']),
    unknown(obo('["Calendar.Read"]'), 'Calendar.Read', ['Calendars.Read']),
    unknown(obo("['https://graph.microsoft.com/Directory.Read']"), 'https://graph.microsoft.com/Directory.Read', ['https://graph.microsoft.com/Directory.Read.All']),
    unknown(`const SCOPES = ['Grup.Read.All'];\n${obo('SCOPES')}`, 'Grup.Read.All', ['Group.Read.All', 'QnA.Read.All', 'Chat.Read.All']),
    unknown(`const BASE = ['Chat.Reed'];\n${obo("[...BASE, 'User.Read']")}`, 'Chat.Reed', ['Chat.Read']),
    unknown(`${cca()}\nconst request = { scopes: ['Mail.Sent'] };\nawait cca.acquireTokenSilent({ ...request, account });`, 'Mail.Sent', ['Mail.Send', 'Mail.Read']),
    // a folded value cannot be rewritten in place: no suggestion
    { code: `const area = 'Files';\n${obo('[`${area}.ReadAll`]')}`, errors: [{ messageId: 'unknown' as const, suggestions: [] }] },
    { code: obo("['Foo.Bar']"), errors: [{ messageId: 'unknown' as const, suggestions: [] }] },
    unknown(
      `import { InteractiveBrowserCredential } from '${identity}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nnew TokenCredentialAuthenticationProvider(new InteractiveBrowserCredential({ clientId }), { scopes: ['Sites.Read'] });`,
      'Sites.Read',
      ['Sites.Read.All', 'Files.Read', 'Notes.Read'],
    ),
    unknown(`import { useMsal } from '@azure/msal-react';\nexport function A() { const { instance } = useMsal(); return instance.acquireTokenPopup({ scopes: ['Tasks.Read.Write'] }); }`, 'Tasks.Read.Write', ['Tasks.ReadWrite', 'Tasks.Read', 'Mail.ReadWrite']),
  ],
});
