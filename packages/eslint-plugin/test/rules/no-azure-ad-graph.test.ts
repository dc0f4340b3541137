import rule from '../../src/rules/no-azure-ad-graph.js';
import { ruleTester } from '../rule-tester.js';
import { cca, graphClient, identity, importForms } from './forms.js';

const request = (scopes: string, form: Parameters<typeof cca>[0] = 'named') => `${cca(form)}\nawait cca.acquireTokenByClientCredential({ scopes: ${scopes} });`;
const aad = "['https://graph.windows.net/.default']";
const graph = "['https://graph.microsoft.com/.default']";
const scopeError = (output: string) => [
  { messageId: 'retiredScope' as const, suggestions: [{ messageId: 'useGraph' as const, data: { replacement: 'https://graph.microsoft.com/.default' }, output }] },
];
const callError = [{ messageId: 'retiredCall' as const }];

ruleTester.run('no-azure-ad-graph', rule, {
  valid: [
    ...importForms.map((form) => request(graph, form)),
    request("['https://management.azure.com/.default']"),
    request('[process.env.LEGACY_SCOPE]'),
    "const legacyHost = 'https://graph.windows.net'; // kept for the migration notes",
    "await fetch('https://graph.microsoft.com/v1.0/users');",
    'await fetch(`${process.env.DIRECTORY_URL}/users?api-version=1.6`);',
    `export const get = (url) => fetch(url);`,
    `import { Client } from '${graphClient}';\nconst client = Client.init({ authProvider });\nawait client.api('/users').get();`,
    `import { DefaultAzureCredential } from '${identity}';\nawait new DefaultAzureCredential().getToken('https://graph.microsoft.com/.default');`,
    "await fetch('https://windows.net/graph');",
  ],
  invalid: [
    ...importForms.map((form) => ({ code: request(aad, form), errors: scopeError(request(graph, form)) })),
    { code: `const SCOPES = ${aad};\n${request('SCOPES')}`, errors: scopeError(`const SCOPES = ${graph};\n${request('SCOPES')}`) },
    { code: `const LEGACY = ${aad};\n${request('[...LEGACY]')}`, errors: scopeError(`const LEGACY = ${graph};\n${request('[...LEGACY]')}`) },
    { code: request("['https://graph.windows.net/Directory.Read.All']"), errors: [{ messageId: 'retiredScope' as const, suggestions: [] }] },
    { code: request('[`${AAD}/.default`]').replace('import', "const AAD = 'https://graph.windows.net';\nimport"), errors: [{ messageId: 'retiredScope' as const, suggestions: [] }] },
    {
      code: `import { ClientSecretCredential } from '${identity}';\nawait new ClientSecretCredential(t, c, s).getToken('https://graph.windows.net/.default');`,
      errors: scopeError(`import { ClientSecretCredential } from '${identity}';\nawait new ClientSecretCredential(t, c, s).getToken('https://graph.microsoft.com/.default');`),
    },
    { code: "await fetch('https://graph.windows.net/contoso.onmicrosoft.com/users?api-version=1.6');", errors: callError },
    { code: 'await fetch(`https://graph.windows.net/${tenant}/users?api-version=1.6`, { headers });', errors: callError },
    { code: "import axios from 'axios';\nawait axios.get('https://graph.windows.net/me?api-version=1.6', { headers });", errors: callError },
    { code: "const axios = require('axios');\nawait axios.post('https://graph.chinacloudapi.cn/contoso/users?api-version=1.6', user);", errors: callError },
    { code: `import { Client } from '${graphClient}';\nconst client = Client.init({ authProvider });\nawait client.api('https://graph.windows.net/contoso/users').get();`, errors: callError },
    { code: "const AAD_GRAPH = 'https://graph.windows.net';\nawait fetch(AAD_GRAPH + '/contoso/groups?api-version=1.6');", errors: callError },
  ],
});
