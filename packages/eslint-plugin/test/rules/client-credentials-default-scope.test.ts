import rule from '../../src/rules/client-credentials-default-scope.js';
import { ruleTester } from '../rule-tester.js';
import { cca, identity, importForms, importOf, msalNode, tcapModule } from './forms.js';

const graphDefault = "['https://graph.microsoft.com/.default']";

function ccaCall(scopes: string, form: Parameters<typeof cca>[0] = 'named'): string {
  return `${cca(form)}\nawait cca.acquireTokenByClientCredential({ scopes: ${scopes} });`;
}

function credential(className: string, call: string): string {
  return `import { ${className} } from '${identity}';\nconst credential = new ${className}(tenantId, clientId, secret);\n${call}`;
}

const invalidError = (suggestion: string | undefined, output: string) => ({
  messageId: 'notDefault' as const,
  suggestions: suggestion === undefined ? [] : [{ messageId: 'useDefault' as const, data: { suggestion }, output }],
});

ruleTester.run('client-credentials-default-scope', rule, {
  valid: [
    ...importForms.map((form) => ccaCall(graphDefault, form)),
    credential('ClientSecretCredential', "await credential.getToken('https://graph.microsoft.com/.default');"),
    credential('ManagedIdentityCredential', "await credential.getToken(['https://vault.azure.net/.default']);"),
    // delegated flows take named scopes
    `${cca()}\nawait cca.acquireTokenOnBehalfOf({ oboAssertion, scopes: ['User.Read'] });`,
    `${cca()}\nawait cca.acquireTokenByCode({ code, redirectUri, scopes: ['Mail.Read'] });`,
    // unknown values: silent
    ccaCall('[process.env.GRAPH_SCOPE]'),
    `${cca()}\nexport async function token(scopes) { return cca.acquireTokenByClientCredential({ scopes }); }`,
    `${cca()}\nlet scopes = ['User.Read'];\nscopes = ['https://graph.microsoft.com/.default'];\nawait cca.acquireTokenByClientCredential({ scopes });`,
    `${cca()}\nawait cca.acquireTokenByClientCredential({ ...options });`,
    // DefaultAzureCredential decides its flow at run time
    credential('DefaultAzureCredential', "await credential.getToken('User.Read');"),
    // folded constants
    `const GRAPH = 'https://graph.microsoft.com';\n${ccaCall('[`${GRAPH}/.default`]')}`,
    `const BASE = ${graphDefault};\n${ccaCall('[...BASE]')}`,
    `${cca()}\nconst request = { scopes: ${graphDefault} };\nawait cca.acquireTokenByClientCredential(request);`,
    // a local class with MSAL's name is not MSAL
    `class ConfidentialClientApplication { acquireTokenByClientCredential() {} }\nconst cca = new ConfidentialClientApplication();\ncca.acquireTokenByClientCredential({ scopes: ['User.Read'] });`,
    `import { ClientSecretCredential } from '${identity}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nnew TokenCredentialAuthenticationProvider(new ClientSecretCredential(t, c, s), { scopes: ${graphDefault} });`,
    // several resources is another rule's finding
    ccaCall("['https://graph.microsoft.com/.default', 'https://vault.azure.net/.default']"),
  ],
  invalid: [
    ...importForms.map((form) => ({
      code: ccaCall("['User.Read']", form),
      errors: [invalidError('https://graph.microsoft.com/.default', ccaCall(graphDefault, form))],
    })),
    {
      code: `const SCOPES = ['Mail.Read'];\n${ccaCall('SCOPES')}`,
      errors: [invalidError('https://graph.microsoft.com/.default', `const SCOPES = ${graphDefault};\n${ccaCall('SCOPES')}`)],
    },
    {
      code: `const BASE = ['Mail.Read'];\n${ccaCall('[...BASE]')}`,
      errors: [invalidError('https://graph.microsoft.com/.default', `const BASE = ['Mail.Read'];\n${ccaCall(graphDefault)}`)],
    },
    {
      code: `const ARM = 'https://management.azure.com';\n${ccaCall('[`${ARM}/user_impersonation`]')}`,
      errors: [invalidError('https://management.azure.com/.default', `const ARM = 'https://management.azure.com';\n${ccaCall("['https://management.azure.com/.default']")}`)],
    },
    {
      code: credential('ClientSecretCredential', "await credential.getToken('User.Read');"),
      errors: [invalidError('https://graph.microsoft.com/.default', credential('ClientSecretCredential', "await credential.getToken('https://graph.microsoft.com/.default');"))],
    },
    {
      code: credential('ManagedIdentityCredential', 'await credential.getToken(["https://graph.microsoft.com"]);'),
      errors: [invalidError(undefined, '')],
    },
    {
      code: ccaCall('[]'),
      errors: [invalidError('https://graph.microsoft.com/.default', ccaCall("['https://graph.microsoft.com/.default']"))],
    },
    {
      code: `import { ClientCertificateCredential } from '${identity}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst c = new ClientCertificateCredential(t, id, path);\nnew TokenCredentialAuthenticationProvider(c, { scopes: ["User.Read.All"] });`,
      errors: [
        invalidError(
          'https://graph.microsoft.com/.default',
          `import { ClientCertificateCredential } from '${identity}';\nimport { TokenCredentialAuthenticationProvider } from '${tcapModule}';\nconst c = new ClientCertificateCredential(t, id, path);\nnew TokenCredentialAuthenticationProvider(c, { scopes: ["https://graph.microsoft.com/.default"] });`,
        ),
      ],
    },
    {
      code: `import { ConfidentialClientApplication } from '${msalNode}';\nlet app;\napp = new ConfidentialClientApplication(config);\nawait app.acquireTokenByClientCredential({ scopes: ['Mail.Send'] });`,
      errors: [invalidError('https://graph.microsoft.com/.default', `import { ConfidentialClientApplication } from '${msalNode}';\nlet app;\napp = new ConfidentialClientApplication(config);\nawait app.acquireTokenByClientCredential({ scopes: ${graphDefault} });`)],
    },
    {
      code: `import { ConfidentialClientApplication } from '${msalNode}';\nclass Service {\n  cca = new ConfidentialClientApplication(config);\n  token() { return this.cca.acquireTokenByClientCredential({ scopes: ['User.Read'] }); }\n}`,
      errors: [invalidError('https://graph.microsoft.com/.default', `import { ConfidentialClientApplication } from '${msalNode}';\nclass Service {\n  cca = new ConfidentialClientApplication(config);\n  token() { return this.cca.acquireTokenByClientCredential({ scopes: ${graphDefault} }); }\n}`)],
    },
    {
      code: `${cca()}\nconst request = { scopes: ['User.Read'] };\nawait cca.acquireTokenByClientCredential(request);`,
      errors: [invalidError('https://graph.microsoft.com/.default', `${cca()}\nconst request = { scopes: ${graphDefault} };\nawait cca.acquireTokenByClientCredential(request);`)],
    },
    {
      code: (() => {
        const { prelude, ref } = importOf(identity, 'ManagedIdentityCredential', 'require');
        return `${prelude}\nconst mi = new ${ref}();\nawait mi.getToken('https://vault.azure.net/secrets');`;
      })(),
      errors: [
        invalidError(
          'https://vault.azure.net/.default',
          `const { ManagedIdentityCredential } = require('${identity}');\nconst mi = new ManagedIdentityCredential();\nawait mi.getToken('https://vault.azure.net/.default');`,
        ),
      ],
    },
  ],
});
