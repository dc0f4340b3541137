/**
 * The import forms users write, as (prelude, expression) pairs, so every rule's tests cover each:
 * ESM named, renamed, namespace and default imports, CJS require with destructuring and without.
 */
export type ImportForm = 'named' | 'renamed' | 'namespace' | 'default' | 'require' | 'require-namespace';

export const importForms: readonly ImportForm[] = ['named', 'renamed', 'namespace', 'default', 'require', 'require-namespace'];

export function importOf(module: string, name: string, form: ImportForm): { prelude: string; ref: string } {
  switch (form) {
    case 'named':
      return { prelude: `import { ${name} } from '${module}';`, ref: name };
    case 'renamed':
      return { prelude: `import { ${name} as Renamed${name} } from '${module}';`, ref: `Renamed${name}` };
    case 'namespace':
      return { prelude: `import * as lib from '${module}';`, ref: `lib.${name}` };
    case 'default':
      return { prelude: `import lib from '${module}';`, ref: `lib.${name}` };
    case 'require':
      return { prelude: `const { ${name} } = require('${module}');`, ref: name };
    case 'require-namespace':
      return { prelude: `const lib = require('${module}');`, ref: `lib.${name}` };
  }
}

export const msalNode = '@azure/msal-node';
export const identity = '@azure/identity';
export const graphClient = '@microsoft/microsoft-graph-client';
export const tcapModule = '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

/** An MSAL confidential client, in the given import form, bound to `cca`. */
export function cca(form: ImportForm = 'named'): string {
  const { prelude, ref } = importOf(msalNode, 'ConfidentialClientApplication', form);
  return `${prelude}\nconst cca = new ${ref}({ auth: { clientId: 'id', clientSecret: process.env.SECRET } });`;
}

/** A graph-client Client whose auth provider takes its token from `cca` app-only. */
export const appOnlyGraphClient = `${cca()}
import { Client } from '${graphClient}';
const client = Client.init({
  authProvider: async (done) => {
    const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    done(null, result.accessToken);
  },
});`;

/** The same, through @azure/identity and TokenCredentialAuthenticationProvider. */
export const appOnlyMiddlewareClient = `import { ClientSecretCredential } from '${identity}';
import { Client } from '${graphClient}';
import { TokenCredentialAuthenticationProvider } from '${tcapModule}';
const credential = new ClientSecretCredential(tenantId, clientId, secret);
const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] });
const client = Client.initWithMiddleware({ authProvider });`;

/** msgraph-sdk with an app-only credential. */
export const appOnlySdkClient = `import { ClientCertificateCredential } from '${identity}';
import { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';
import { GraphRequestAdapter, createGraphServiceClient } from '@microsoft/msgraph-sdk';
import '@microsoft/msgraph-sdk-users';
const credential = new ClientCertificateCredential(tenantId, clientId, certificatePath);
const authProvider = new AzureIdentityAuthenticationProvider(credential, ['https://graph.microsoft.com/.default']);
const graphClient = createGraphServiceClient(new GraphRequestAdapter(authProvider));`;

/** A delegated graph-client client over an interactive credential with the given scopes. */
export function delegatedGraphClient(scopes: string, tenantId = 'organizations'): string {
  return `import { InteractiveBrowserCredential } from '${identity}';
import { Client } from '${graphClient}';
import { TokenCredentialAuthenticationProvider } from '${tcapModule}';
const credential = new InteractiveBrowserCredential({ tenantId: '${tenantId}', clientId });
const client = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(credential, { scopes: ${scopes} }) });`;
}

/** graph-client in every import form, its token from an app-only MSAL request. */
export function appOnlyClientIn(form: ImportForm): string {
  const { prelude, ref } = importOf(graphClient, 'Client', form);
  return `${cca()}\n${prelude.replace('lib', 'graph')}\nconst client = ${ref.replace('lib', 'graph')}.init({ authProvider: async (done) => done(null, (await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).accessToken) });`;
}

/** `headers` carrying an app-only MSAL token, then `call`. */
export function withAppOnlyHeaders(call: string): string {
  return `${cca()}\nconst { accessToken } = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });\nconst headers = { Authorization: \`Bearer \${accessToken}\`, 'Content-Type': 'application/json' };\n${call}`;
}
