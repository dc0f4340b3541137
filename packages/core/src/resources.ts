/**
 * The resources (APIs) whose tokens and scopes people mix up with Microsoft Graph's. A token is
 * for exactly one resource (its `aud`), so knowing which resource a scope, URL or audience names is
 * how a wrong-audience 401 or a multiple-resources AADSTS28000 is explained.
 */
import { InvalidArgumentError, InvalidUrlError } from './errors.js';

export type ResourceId =
  | 'microsoft-graph'
  | 'azure-ad-graph'
  | 'outlook'
  | 'sharepoint'
  | 'azure-resource-manager'
  | 'azure-key-vault'
  | 'azure-storage'
  | 'azure-devops'
  | 'power-bi'
  | 'dynamics-crm'
  | 'azure-sql';

export interface Resource {
  readonly id: ResourceId;
  readonly name: string;
  /** The resource's well-known application id (also accepted as audience and scope prefix). */
  readonly appId: string;
  /**
   * Audience URIs in every cloud, without trailing slash. `{tenant}`/`{org}` stands for one host
   * label (SharePoint and Dynamics audiences are per tenant).
   */
  readonly identifiers: readonly string[];
  /** Host names its API is served from; a leading `*.` stands for one host label. */
  readonly hosts: readonly string[];
  readonly retired: boolean;
  readonly note?: string;
}

export const graphHosts: readonly string[] = [
  'graph.microsoft.com',
  'canary.graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
];

export const resources: Readonly<Record<ResourceId, Resource>> = {
  'microsoft-graph': {
    id: 'microsoft-graph',
    name: 'Microsoft Graph',
    appId: '00000003-0000-0000-c000-000000000000',
    identifiers: graphHosts.map((host) => `https://${host}`),
    hosts: graphHosts,
    retired: false,
  },
  'azure-ad-graph': {
    id: 'azure-ad-graph',
    name: 'Azure AD Graph',
    appId: '00000002-0000-0000-c000-000000000000',
    identifiers: ['https://graph.windows.net', 'https://graph.chinacloudapi.cn'],
    hosts: ['graph.windows.net', 'graph.chinacloudapi.cn'],
    retired: true,
    note: 'Retired: its tokens (aud https://graph.windows.net) are rejected by Microsoft Graph. Request Microsoft Graph scopes instead.',
  },
  outlook: {
    id: 'outlook',
    name: 'Office 365 Exchange Online (Outlook REST)',
    appId: '00000002-0000-0ff1-ce00-000000000000',
    identifiers: ['https://outlook.office.com', 'https://outlook.office365.com'],
    hosts: ['outlook.office.com', 'outlook.office365.com'],
    retired: false,
    note: 'The Outlook REST API is retired; its tokens are not valid for Microsoft Graph mail, calendar or contacts calls.',
  },
  sharepoint: {
    id: 'sharepoint',
    name: 'SharePoint Online',
    appId: '00000003-0000-0ff1-ce00-000000000000',
    identifiers: ['https://{tenant}.sharepoint.com'],
    hosts: ['*.sharepoint.com'],
    retired: false,
    note: 'SharePoint REST tokens (aud https://{tenant}.sharepoint.com) are not valid for Microsoft Graph /sites or /drives.',
  },
  'azure-resource-manager': {
    id: 'azure-resource-manager',
    name: 'Azure Resource Manager',
    appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    identifiers: [
      'https://management.azure.com',
      'https://management.core.windows.net',
      'https://management.usgovcloudapi.net',
      'https://management.chinacloudapi.cn',
    ],
    hosts: ['management.azure.com', 'management.core.windows.net', 'management.usgovcloudapi.net', 'management.chinacloudapi.cn'],
    retired: false,
  },
  'azure-key-vault': {
    id: 'azure-key-vault',
    name: 'Azure Key Vault',
    appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093',
    identifiers: ['https://vault.azure.net', 'https://vault.usgovcloudapi.net', 'https://vault.azure.cn'],
    hosts: ['*.vault.azure.net', '*.vault.usgovcloudapi.net', '*.vault.azure.cn'],
    retired: false,
  },
  'azure-storage': {
    id: 'azure-storage',
    name: 'Azure Storage',
    appId: 'e406a681-f3d4-42a8-90b6-c2b029497af1',
    identifiers: ['https://storage.azure.com'],
    hosts: ['*.blob.core.windows.net', '*.queue.core.windows.net', '*.table.core.windows.net', '*.file.core.windows.net', '*.dfs.core.windows.net'],
    retired: false,
  },
  'azure-devops': {
    id: 'azure-devops',
    name: 'Azure DevOps',
    appId: '499b84ac-1321-427f-aa17-267ca6975798',
    identifiers: ['https://app.vssps.visualstudio.com'],
    hosts: ['dev.azure.com', '*.visualstudio.com'],
    retired: false,
    note: 'Tokens for Azure DevOps carry the application id as audience.',
  },
  'power-bi': {
    id: 'power-bi',
    name: 'Power BI Service',
    appId: '00000009-0000-0000-c000-000000000000',
    identifiers: ['https://analysis.windows.net/powerbi/api'],
    hosts: ['api.powerbi.com'],
    retired: false,
  },
  'dynamics-crm': {
    id: 'dynamics-crm',
    name: 'Dynamics 365 / Dataverse',
    appId: '00000007-0000-0000-c000-000000000000',
    identifiers: ['https://{org}.crm.dynamics.com', 'https://{org}.crm4.dynamics.com'],
    hosts: ['*.crm.dynamics.com', '*.crm4.dynamics.com', '*.api.crm.dynamics.com', '*.api.crm4.dynamics.com'],
    retired: false,
  },
  'azure-sql': {
    id: 'azure-sql',
    name: 'Azure SQL Database',
    appId: '022907d3-0f1b-48f7-badc-1ba6abab6d66',
    identifiers: ['https://database.windows.net'],
    hosts: ['*.database.windows.net'],
    retired: false,
  },
};

const allResources: readonly Resource[] = Object.values(resources);

/** Scopes that are about signing in (OpenID Connect), not about any resource. */
const oidcScopes: ReadonlySet<string> = new Set(['openid', 'profile', 'offline_access', 'email']);

export type ScopeTarget =
  | { readonly kind: 'oidc'; readonly scope: string }
  | {
      readonly kind: 'resource';
      readonly scope: string;
      /** Normalised: no trailing slash, lower-case scheme and host (or lower-case app id). */
      readonly audience: string;
      readonly resource: Resource | undefined;
      readonly permission: string;
      readonly isDefault: boolean;
    };

/**
 * What a scope asks for. Like Entra ID, everything before the last slash is the resource and what
 * follows is the permission; a scope without a slash is a Microsoft Graph permission.
 */
export function resourceOfScope(scope: string): ScopeTarget {
  const target = parseScope(scope);
  if (typeof target === 'string') throw new InvalidArgumentError('scope', target);
  return target;
}

/**
 * `resourceOfScope` without the throw: the reason as a string when the scope is malformed (the
 * token endpoint answers such scopes with AADSTS70011 "The scope format is invalid").
 */
export function parseScope(scope: string): ScopeTarget | string {
  const trimmed = scope.trim();
  if (trimmed === '') return 'A scope must not be empty or blank.';
  if (/\s/.test(trimmed)) return `The scope '${trimmed}' contains whitespace; pass each scope separately.`;
  if (oidcScopes.has(trimmed.toLowerCase())) return { kind: 'oidc', scope: trimmed };
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*$/i.test(trimmed)) {
    return `The scope '${trimmed}' is a resource URI without a permission; append '/.default' or a permission name.`;
  }
  const slash = trimmed.lastIndexOf('/');
  const graphAudience = 'https://graph.microsoft.com';
  const audience = slash === -1 ? graphAudience : normaliseAudience(trimmed.slice(0, slash));
  const permission = trimmed.slice(slash + 1);
  if (audience === '') return `The scope '${trimmed}' names no resource before the '/'.`;
  if (permission === '') return `The scope '${trimmed}' names no permission after the last '/'.`;
  return { kind: 'resource', scope: trimmed, audience, resource: resourceOfAudience(audience), permission, isDefault: permission === '.default' };
}

/** The resource an audience (URI with or without trailing slash, or application id) stands for. */
export function resourceOfAudience(aud: string): Resource | undefined {
  const audience = normaliseAudience(aud).toLowerCase();
  if (audience === '') return undefined;
  return allResources.find(
    (resource) => resource.appId === audience || resource.identifiers.some((identifier) => identifierMatches(identifier, audience)),
  );
}

/** The resource whose API serves an absolute URL; unparseable or relative URLs throw InvalidUrlError. */
export function resourceOfUrl(url: string): Resource | undefined {
  const host = hostOf(url);
  if (host === undefined) throw new InvalidUrlError(url, `'${url}' is not an absolute URL.`);
  return allResources.find((resource) => resource.hosts.some((pattern) => hostMatches(pattern, host)));
}

/** Whether an absolute URL points at a Microsoft Graph host (any cloud). */
export function isGraphUrl(url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && graphHosts.includes(host);
}

/**
 * Hosts of the Microsoft identity platform's sign-in and token endpoints, every cloud; a leading
 * '*.' is one label (Azure AD B2C and External ID tenants have a host of their own).
 */
export const loginHosts: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login-us.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  '*.b2clogin.com',
  '*.ciamlogin.com',
];

/** Whether an absolute URL is a token endpoint of the identity platform (`/oauth2/token` or `/oauth2/v2.0/token`). */
export function isTokenEndpointUrl(url: string): boolean {
  const host = hostOf(url);
  if (host === undefined || !loginHosts.some((pattern) => hostMatches(pattern, host))) return false;
  return /\/oauth2\/(v2\.0\/)?token\/?$/i.test(new URL(url).pathname);
}

/**
 * An audience as Entra ID compares it: no trailing slash (scopes like `https://graph.microsoft.com//.default`
 * leave one), scheme and host in lower case, GUIDs in lower case. Paths keep their case.
 */
export function normaliseAudience(aud: string): string {
  const trimmed = aud.trim().replace(/\/+$/, '');
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)(.*)$/i.exec(trimmed);
  if (match === null) return trimmed.toLowerCase();
  const [, scheme = '', host = '', path = ''] = match;
  return `${scheme.toLowerCase()}${host.toLowerCase()}${path}`;
}

function identifierMatches(identifier: string, audience: string): boolean {
  if (!identifier.includes('{')) return identifier.toLowerCase() === audience;
  const [prefix = '', suffix = ''] = identifier.split(/\{[a-z]+\}/);
  const label = audience.slice(prefix.length, audience.length - suffix.length);
  return audience.startsWith(prefix) && audience.endsWith(suffix) && /^[a-z0-9-]+$/.test(label);
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && /^[a-z0-9-]+$/.test(host.slice(0, -suffix.length));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
