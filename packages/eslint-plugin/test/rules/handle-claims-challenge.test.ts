import rule from '../../src/rules/handle-claims-challenge.js';
import { ruleTester } from '../rule-tester.js';
import { identity, importForms, importOf, msalNode } from './forms.js';

const never = [{ messageId: 'neverPassesClaims' as const }];
const notCapable = [{ messageId: 'notCapable' as const }];

function app(form: (typeof importForms)[number], auth: string, body: string): string {
  const { prelude, ref } = importOf(msalNode, 'PublicClientApplication', form);
  return `${prelude}\nconst pca = new ${ref}({ auth: ${auth} });\n${body}`;
}

const cp1 = "{ clientId, clientCapabilities: ['CP1'] }";
const silent = "await pca.acquireTokenSilent({ scopes: ['User.Read'], account });";
const withClaims = "await pca.acquireTokenSilent({ scopes: ['User.Read'], account, claims: challenge.claims });";

ruleTester.run('handle-claims-challenge', rule, {
  valid: [
    ...importForms.map((form) => app(form, cp1, withClaims)),
    app('named', cp1, `${silent}\nawait pca.acquireTokenInteractive({ scopes: ['User.Read'], claims });`),
    app('named', "{ clientId }", silent),
    app('named', '{ clientId, clientCapabilities: process.env.CAPS }', silent),
    app('named', "{ clientId, clientCapabilities: ['other'] }", silent),
    `import { PublicClientApplication } from '${msalNode}';\nconst pca = new PublicClientApplication(msalConfig);\n${withClaims}`,
    `import { PublicClientApplication } from '${msalNode}';\nconst pca = new PublicClientApplication({ auth: { ...baseAuth } });\n${withClaims}`,
    `import { InteractiveBrowserCredential } from '${identity}';\nconst c = new InteractiveBrowserCredential({ clientId });\nawait c.getToken('User.Read', { enableCae: true, claims });`,
    `import { InteractiveBrowserCredential } from '${identity}';\nconst c = new InteractiveBrowserCredential({ clientId });\nawait c.getToken('User.Read');`,
    `import { InteractiveBrowserCredential } from '${identity}';\nconst c = new InteractiveBrowserCredential({ clientId });\nawait c.getToken('User.Read', { enableCae: flag });`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: app(form, cp1, silent), errors: never })),
    { code: `const CAPABILITIES = ['CP1'];\n${app('named', '{ clientId, clientCapabilities: CAPABILITIES }', silent)}`, errors: never },
    { code: `import { ConfidentialClientApplication } from '${msalNode}';\nconst config = { auth: { clientId, clientSecret, clientCapabilities: ['cp1'] } };\nconst cca = new ConfidentialClientApplication(config);\nawait cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ['User.Read'] });`, errors: never },
    { code: `import { PublicClientApplication } from '@azure/msal-browser';\nconst auth = { clientId, clientCapabilities: ['CP1'] };\nexport const msal = new PublicClientApplication({ auth, cache });`, errors: never },
    { code: `import { InteractiveBrowserCredential } from '${identity}';\nconst c = new InteractiveBrowserCredential({ clientId });\nawait c.getToken('User.Read', { enableCae: true });`, errors: never },
    { code: `import { ClientSecretCredential } from '${identity}';\nconst c = new ClientSecretCredential(t, id, s);\nconst options = { enableCae: true };\nawait c.getToken('https://graph.microsoft.com/.default', options);`, errors: never },
    { code: app('named', '{ clientId }', withClaims), errors: notCapable },
    { code: app('require', "{ clientId, authority: 'https://login.microsoftonline.com/organizations' }", withClaims), errors: notCapable },
    { code: `const auth = { clientId };\n${app('named', 'auth', "await pca.acquireTokenPopup({ scopes, claims });")}`, errors: notCapable },
    { code: `import { useMsal } from '@azure/msal-react';\nimport { PublicClientApplication } from '@azure/msal-browser';\nexport const msal = new PublicClientApplication({ auth: { clientId } });\nexport function A() { const { instance } = useMsal(); return instance.acquireTokenRedirect({ scopes, claims: window.sessionStorage.getItem('claims') }); }`, errors: notCapable },
  ],
});
