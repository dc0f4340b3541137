/**
 * With type information (parserServices with a program), calls on parameters typed as MSAL or
 * @azure/identity objects are recognised even where scope analysis cannot follow the value; the
 * same code without type information stays silent.
 */
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import clientCredentialsDefaultScope from '../src/rules/client-credentials-default-scope.js';
import validPermissionName from '../src/rules/valid-permission-name.js';
import { ruleTester } from './rule-tester.js';

const tsconfigRootDir = fileURLToPath(new URL('fixtures/typed/', import.meta.url));
const typed = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
});
const filename = `${tsconfigRootDir}file.ts`;

const credentialParameter = "import type { TokenCredential } from '@azure/core-auth';\nexport async function token(credential: TokenCredential) {\n  return credential.getToken(['User.Raed']);\n}";
const msalParameter =
  "export function token(app: import('@azure/msal-node').ConfidentialClientApplication) {\n  return app.acquireTokenByClientCredential({ scopes: ['User.Read'] });\n}";

typed.run('valid-permission-name (typed)', validPermissionName, {
  valid: [{ code: "export async function token(credential: { getToken(s: string[]): Promise<unknown> }) { return credential.getToken(['User.Raed']); }", filename }],
  invalid: [
    {
      code: credentialParameter,
      filename,
      errors: [{ messageId: 'unknown', suggestions: [{ messageId: 'replace', data: { replacement: 'User.Read' }, output: credentialParameter.replace('User.Raed', 'User.Read') }] }],
    },
  ],
});

typed.run('client-credentials-default-scope (typed)', clientCredentialsDefaultScope, {
  valid: [],
  invalid: [
    {
      code: msalParameter,
      filename,
      errors: [
        {
          messageId: 'notDefault',
          suggestions: [{ messageId: 'useDefault', data: { suggestion: 'https://graph.microsoft.com/.default' }, output: msalParameter.replace("['User.Read']", "['https://graph.microsoft.com/.default']") }],
        },
      ],
    },
  ],
});

ruleTester.run('valid-permission-name (untyped)', validPermissionName, { valid: [credentialParameter], invalid: [] });
ruleTester.run('client-credentials-default-scope (untyped)', clientCredentialsDefaultScope, { valid: [msalParameter], invalid: [] });
