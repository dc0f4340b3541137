import rule from '../../src/rules/prefer-msal.js';
import { ruleTester } from '../rule-tester.js';
import { cca } from './forms.js';

const errors = [{ messageId: 'handRolled' as const }];
const tokenUrl = 'https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/token';

ruleTester.run('prefer-msal', rule, {
  valid: [
    `${cca()}\nawait cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });`,
    "await fetch('https://graph.microsoft.com/v1.0/users', { headers });",
    "await fetch('https://oauth2.googleapis.com/token', { method: 'POST', body });",
    "await fetch('https://accounts.google.com/o/oauth2/token', { method: 'POST', body });",
    'await fetch(`https://login.microsoftonline.com/${tenantId}/oauth2/v2.0/authorize?client_id=${id}`);',
    "await fetch('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration');",
    'await fetch(process.env.TOKEN_URL, { method: \'POST\', body });',
    `const url = \`${tokenUrl}\`; // documented for operators`,
    "const form = new URLSearchParams({ client_id: id, redirect_uri: uri });",
    "const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://www.googleapis.com/auth/drive' });",
    "const form = new URLSearchParams({ grant_type: 'client_credentials', scope });",
    'export const post = (url, body) => fetch(url, { method: "POST", body });',
    "import axios from 'axios';\nawait axios.post('https://api.contoso.com/oauth2/v2.0/token', form);",
    "const form = new URLSearchParams();\nform.append('grant_type', 'authorization_code');\nform.append('scope', 'read write');",
    "import got from 'got';\nawait got.post('https://example.com/token', { form: { grant_type: 'password' } });",
  ],
  invalid: [
    { code: `await fetch(\`${tokenUrl}\`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id, client_secret, scope: 'https://graph.microsoft.com/.default' }) });`, errors },
    { code: "await fetch('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token', { method: 'POST', body });", errors },
    { code: "await fetch('https://login.microsoftonline.com/' + tenant + '/oauth2/token', { method: 'POST', body });", errors },
    { code: `const TOKEN_URL = \`${tokenUrl}\`;\nawait fetch(TOKEN_URL, { method: 'POST', body });`, errors },
    { code: `import axios from 'axios';\nawait axios.post(\`${tokenUrl}\`, qs.stringify({ grant_type: 'client_credentials' }));`, errors },
    { code: `const axios = require('axios');\nawait axios({ url: \`${tokenUrl}\`, method: 'post', data: form });`, errors },
    { code: `import * as http from 'axios';\nawait http.request({ url: \`${tokenUrl}\`, method: 'POST', data });`, errors },
    { code: `import got from 'got';\nawait got.post(\`${tokenUrl}\`, { form: { grant_type: 'client_credentials' } }).json();`, errors },
    { code: `import { request } from 'undici';\nawait request(\`${tokenUrl}\`, { method: 'POST', body });`, errors },
    { code: `import fetch from 'node-fetch';\nawait fetch(\`${tokenUrl}\`, { method: 'POST', body });`, errors },
    { code: "await fetch(`https://login.microsoftonline.us/${tenant}/oauth2/v2.0/token`, { method: 'POST', body });", errors },
    { code: "await fetch(`https://contoso.b2clogin.com/contoso.onmicrosoft.com/${policy}/oauth2/v2.0/token`, { method: 'POST', body });", errors },
    { code: "const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });\nawait send(body);", errors },
    { code: "const body = new URLSearchParams();\nbody.append('grant_type', 'refresh_token');\nbody.append('scope', 'https://graph.microsoft.com/User.Read offline_access');", errors },
    { code: "const body = new URLSearchParams({ grant_type: 'client_credentials', resource: 'https://management.azure.com/' });", errors },
  ],
});
