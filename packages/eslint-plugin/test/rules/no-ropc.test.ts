import rule from '../../src/rules/no-ropc.js';
import { ruleTester } from '../rule-tester.js';
import { cca, identity, importForms, importOf, msalNode } from './forms.js';

const errors = [{ messageId: 'ropc' as const }];
const tokenUrl = '`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token`';

function pcaIn(form: (typeof importForms)[number], call: string): string {
  const { prelude, ref } = importOf(msalNode, 'PublicClientApplication', form);
  return `${prelude}\nconst pca = new ${ref}({ auth: { clientId } });\n${call}`;
}

ruleTester.run('no-ropc', rule, {
  valid: [
    ...importForms.map((form) => pcaIn(form, "await pca.acquireTokenByDeviceCode({ scopes: ['User.Read'], deviceCodeCallback });")),
    `${cca()}\nawait cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });`,
    `import { DeviceCodeCredential } from '${identity}';\nnew DeviceCodeCredential({ clientId });`,
    `await fetch(${tokenUrl}, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });`,
    "const body = new URLSearchParams({ grant_type: 'password', scope: 'https://www.googleapis.com/auth/drive' });",
    "const settings = { grant_type: 'password' };",
    'class Legacy { acquireTokenByUsernamePassword() {} }\nnew Legacy().acquireTokenByUsernamePassword({ username, password });',
    "await fetch('https://api.contoso.com/login', { method: 'POST', body: JSON.stringify({ username, password }) });",
    `import { ClientCertificateCredential } from '${identity}';\nawait new ClientCertificateCredential(t, c, certificatePath).getToken('https://graph.microsoft.com/.default');`,
    `await fetch(${tokenUrl}, { method: 'POST', body: new URLSearchParams({ grant_type: process.env.GRANT }) });`,
    `await fetch(${tokenUrl}, { method: 'POST', body: \`grant_type=\${grantType}&username=\${user}\` });`,
  ],
  invalid: [
    ...importForms.map((form) => ({ code: pcaIn(form, "await pca.acquireTokenByUsernamePassword({ scopes: ['User.Read'], username, password });"), errors })),
    { code: `import { UsernamePasswordCredential } from '${identity}';\nconst credential = new UsernamePasswordCredential(tenantId, clientId, username, password);\nawait credential.getToken('https://graph.microsoft.com/.default');`, errors },
    { code: `const { UsernamePasswordCredential: Ropc } = require('${identity}');\nnew Ropc(tenantId, clientId, username, password);`, errors },
    { code: `import * as azureIdentity from '${identity}';\nexport const credential = new azureIdentity.UsernamePasswordCredential(t, c, u, p);`, errors },
    { code: `import { PublicClientApplication } from '${msalNode}';\nexport function signIn(app) { return app.acquireTokenByUsernamePassword({ scopes, username, password }); }`, errors },
    { code: `await fetch(${tokenUrl}, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', username, password, scope: 'User.Read' }) });`, errors },
    { code: `const form = new URLSearchParams({ grant_type: 'password', client_id, username, password });\nawait fetch(${tokenUrl}, { method: 'POST', body: form });`, errors },
    { code: `await fetch(${tokenUrl}, { method: 'POST', body: 'grant_type=password&client_id=abc&scope=User.Read' });`, errors },
    { code: `import axios from 'axios';\nawait axios.post(${tokenUrl}, qs.stringify({ grant_type: 'password', username, password }));`, errors },
    { code: "const body = new URLSearchParams({ grant_type: 'password', scope: 'https://graph.microsoft.com/.default' });", errors },
  ],
});
