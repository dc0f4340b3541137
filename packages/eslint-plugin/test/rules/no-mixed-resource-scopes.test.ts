import rule from '../../src/rules/no-mixed-resource-scopes.js';
import { ruleTester } from '../rule-tester.js';
import { cca, identity, importForms, tcapModule } from './forms.js';

const mixed = "['User.Read', 'https://management.azure.com/user_impersonation']";
const obo = (scopes: string, form: Parameters<typeof cca>[0] = 'named') => `${cca(form)}\nawait cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ${scopes} });`;
const browser = (call: string) => `import { PublicClientApplication } from '@azure/msal-browser';\nconst msalInstance = new PublicClientApplication(msalConfig);\n${call}`;
const react = (body: string) => `import { useMsal } from '@azure/msal-react';\nexport function Profile() {\n  const { instance, accounts } = useMsal();\n  ${body}\n}`;
const error = [{ messageId: 'mixed' as const }];

ruleTester.run('no-mixed-resource-scopes', rule, {
  valid: [
    ...importForms.map((form) => obo("['User.Read', 'Mail.Read']", form)),
    obo("['User.Read', 'openid', 'profile', 'offline_access', 'email']"),
    obo("['https://graph.microsoft.com/User.Read', 'Mail.Read']"),
    obo("['https://GRAPH.microsoft.com/User.Read', 'Calendars.Read']"),
    obo("['00000003-0000-0000-c000-000000000000/User.Read', 'Mail.Read']"),
    browser("await msalInstance.loginPopup({ scopes: ['User.Read'], extraScopesToConsent: ['https://management.azure.com/user_impersonation'] });"),
    obo("[process.env.EXTRA_SCOPE, 'https://management.azure.com/user_impersonation']"),
    `${cca()}\nexport const token = (scopes) => cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ['User.Read', ...scopes] });`,
    react("instance.acquireTokenSilent({ scopes: ['User.Read'], account: accounts[0] });"),
    `import { DefaultAzureCredential } from '${identity}';\nconst c = new DefaultAzureCredential();\nawait c.getToken(['https://vault.azure.net/.default']);\nawait c.getToken('https://graph.microsoft.com/.default');`,
    // scopes that are not in a token request are not judged
    "const config = { scopes: ['User.Read', 'https://management.azure.com/user_impersonation'] };",
  ],
  invalid: [
    ...importForms.map((form) => ({ code: obo(mixed, form), errors: error })),
    { code: `const SCOPES = ${mixed};\n${obo('SCOPES')}`, errors: error },
    { code: `const GRAPH = ['User.Read'];\nconst ARM = ['https://management.azure.com/user_impersonation'];\n${obo('[...GRAPH, ...ARM]')}`, errors: error },
    { code: `const vault = 'https://vault.azure.net';\n${obo("['Mail.Read', `${vault}/user_impersonation`]")}`, errors: error },
    { code: obo("['User.Read https://management.azure.com/user_impersonation']"), errors: error },
    { code: obo("['https://outlook.office.com/Mail.Read', 'User.Read']"), errors: error },
    {
      code: `import { DefaultAzureCredential } from '${identity}';\nconst c = new DefaultAzureCredential();\nawait c.getToken(['https://graph.microsoft.com/.default', 'https://vault.azure.net/.default']);`,
      errors: error,
    },
    {
      code: `import { InteractiveBrowserCredential } from '${identity}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst c = new InteractiveBrowserCredential({ clientId });\nnew TokenCredentialAuthenticationProvider(c, { scopes: ${mixed} });`,
      errors: error,
    },
    {
      code: `import { DeviceCodeCredential } from '${identity}';\nimport { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';\nconst c = new DeviceCodeCredential({ clientId });\nnew AzureIdentityAuthenticationProvider(c, ${mixed});`,
      errors: error,
    },
    { code: react(`instance.acquireTokenSilent({ scopes: ${mixed}, account: accounts[0] });`), errors: error },
    {
      code: `import { useMsalAuthentication } from '@azure/msal-react';\nimport { InteractionType } from '@azure/msal-browser';\nexport function App() { useMsalAuthentication(InteractionType.Redirect, { scopes: ${mixed} }); }`,
      errors: error,
    },
    { code: browser(`await msalInstance.loginPopup({ scopes: ${mixed} });`), errors: error },
    { code: `${cca()}\nconst base = { scopes: ${mixed} };\nawait cca.acquireTokenSilent({ ...base, account });`, errors: error },
  ],
});
