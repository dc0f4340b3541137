/**
 * What the plugin knows about the client libraries (not about Graph: that is the core's job). Which
 * module exports what, which credential class runs which flow, which MSAL method is which flow.
 */
import type { FlowId } from '@graph-authz/core';

export const graphClientModule = '@microsoft/microsoft-graph-client';

/** Every module whose import makes a file worth analysing, and the HTTP clients. */
export function isRelevantModule(id: string): boolean {
  return (
    id.startsWith('@azure/msal-') ||
    id === '@azure/identity' ||
    id.startsWith(graphClientModule) ||
    id.startsWith('@microsoft/msgraph-sdk') ||
    id.startsWith('@microsoft/kiota-') ||
    httpModules.includes(id)
  );
}

export const httpModules = ['axios', 'got', 'undici', 'node-fetch', 'cross-fetch', 'isomorphic-fetch'];

/** MSAL application classes; the confidential one can run app-only flows. */
export const msalApplicationClasses = [
  'ConfidentialClientApplication',
  'PublicClientApplication',
  'ManagedIdentityApplication',
] as const;

/** MSAL factory functions that return a public client application. */
export const msalApplicationFactories = [
  'createStandardPublicClientApplication',
  'createNestablePublicClientApplication',
] as const;

/**
 * MSAL's token methods and the flow each runs. Silent, interactive and code redemption all yield
 * delegated tokens obtained the authorization-code way.
 */
export const msalMethodFlows: Readonly<Record<string, FlowId>> = {
  acquireTokenByClientCredential: 'client-credentials',
  acquireTokenOnBehalfOf: 'on-behalf-of',
  acquireTokenByCode: 'authorization-code',
  acquireTokenByDeviceCode: 'device-code',
  acquireTokenByRefreshToken: 'refresh-token',
  acquireTokenByUsernamePassword: 'username-password',
  acquireTokenSilent: 'authorization-code',
  acquireTokenPopup: 'authorization-code',
  acquireTokenRedirect: 'authorization-code',
  acquireTokenInteractive: 'authorization-code',
  ssoSilent: 'authorization-code',
  loginPopup: 'authorization-code',
  loginRedirect: 'authorization-code',
  getAuthCodeUrl: 'authorization-code',
};

/**
 * @azure/identity credentials and their flow. Chains and environment-driven credentials
 * (DefaultAzureCredential, EnvironmentCredential, the developer-tool ones) are absent on purpose:
 * which flow they run is decided at run time, so the rules stay silent about them.
 */
export const credentialFlows: Readonly<Record<string, FlowId>> = {
  ClientSecretCredential: 'client-credentials',
  ClientCertificateCredential: 'client-credentials',
  ClientAssertionCredential: 'client-credentials',
  WorkloadIdentityCredential: 'client-credentials',
  AzurePipelinesCredential: 'client-credentials',
  ManagedIdentityCredential: 'managed-identity',
  InteractiveBrowserCredential: 'authorization-code',
  AuthorizationCodeCredential: 'authorization-code',
  DeviceCodeCredential: 'device-code',
  OnBehalfOfCredential: 'on-behalf-of',
  UsernamePasswordCredential: 'username-password',
};

/** Every credential class, the ambiguous ones included (they still take scopes in getToken). */
export const credentialClasses = [
  ...Object.keys(credentialFlows),
  'DefaultAzureCredential',
  'ChainedTokenCredential',
  'EnvironmentCredential',
  'AzureCliCredential',
  'AzureDeveloperCliCredential',
  'AzurePowerShellCredential',
  'VisualStudioCodeCredential',
];

/** graph-client request methods that send the request, with their HTTP method. */
export const graphClientSenders: Readonly<Record<string, string>> = {
  get: 'GET',
  getStream: 'GET',
  post: 'POST',
  create: 'POST',
  put: 'PUT',
  putStream: 'PUT',
  patch: 'PATCH',
  update: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
};

/** Kiota request builders' send methods. */
export const sdkSenders: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

/** axios shorthands; the index of the config argument follows from whether a body comes first. */
export const axiosMethods: Readonly<Record<string, { method: string; configIndex: number }>> = {
  get: { method: 'GET', configIndex: 1 },
  delete: { method: 'DELETE', configIndex: 1 },
  head: { method: 'HEAD', configIndex: 1 },
  options: { method: 'OPTIONS', configIndex: 1 },
  post: { method: 'POST', configIndex: 2 },
  put: { method: 'PUT', configIndex: 2 },
  patch: { method: 'PATCH', configIndex: 2 },
};

/** The default Graph root the graph clients prefix relative paths with. */
export const defaultGraphRoot = 'https://graph.microsoft.com';

/** `record[key]` for keys taken from user code: `constructor` or `toString` must not hit Object.prototype. */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
