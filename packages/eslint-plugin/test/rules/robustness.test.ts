/**
 * Names from user code that collide with Object.prototype members (found by the crash sweep in
 * msal-node's own sources) must not be mistaken for known methods, and odd shapes must not crash.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from '../../src/index.js';
import { ruleTester } from '../rule-tester.js';

const odd = [
  "import { ConfidentialClientApplication } from '@azure/msal-node';\nconst app = new ConfidentialClientApplication(config);\napp.constructor({ scopes: ['User.Read'] });\napp.toString();\napp.hasOwnProperty('x');",
  "import { Client } from '@microsoft/microsoft-graph-client';\nconst c = Client.init({ authProvider });\nc.api('/me').constructor();\nc.api('/me').valueOf();",
  "import axios from 'axios';\naxios.constructor('https://graph.microsoft.com/v1.0/me');\naxios['toString']();",
  "import { createGraphServiceClient } from '@microsoft/msgraph-sdk';\nconst g = createGraphServiceClient(adapter);\ng.users.constructor();\ng.me.toString();\ng[key].get();",
  "const fetch = (u) => u;\nfetch('https://graph.microsoft.com/v1.0/me');",
  "fetch();\nfetch(...args);\nnew URLSearchParams();\nnew URLSearchParams(...rest);",
  "import { DefaultAzureCredential } from '@azure/identity';\nconst c = new DefaultAzureCredential();\nc.getToken();\nc.getToken(...scopes);",
];

// Each rule has its own message ids and options; here they are only run, so one loose type fits all.
const rules = plugin.rules as unknown as Record<string, TSESLint.RuleModule<string, unknown[]>>;

for (const [name, rule] of Object.entries(rules)) {
  ruleTester.run(`${name} (odd shapes)`, rule, { valid: odd, invalid: [] });
}
