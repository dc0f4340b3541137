import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidUrlError } from '../src/errors.js';
import {
  graphHosts,
  isGraphUrl,
  isTokenEndpointUrl,
  normaliseAudience,
  parseScope,
  resourceOfAudience,
  resourceOfScope,
  resourceOfUrl,
  resources,
  type ResourceId,
} from '../src/resources.js';

describe('resources registry', () => {
  it('keys every resource by its own id, with a GUID app id and normalised identifiers', () => {
    for (const [key, resource] of Object.entries(resources)) {
      expect(resource.id).toBe(key);
      expect(resource.appId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      for (const identifier of resource.identifiers) expect(identifier).toBe(normaliseAudience(identifier));
    }
  });

  it('knows the well-known application ids', () => {
    expect(resources['microsoft-graph'].appId).toBe('00000003-0000-0000-c000-000000000000');
    expect(resources['azure-ad-graph'].appId).toBe('00000002-0000-0000-c000-000000000000');
    expect(resources.outlook.appId).toBe('00000002-0000-0ff1-ce00-000000000000');
    expect(resources.sharepoint.appId).toBe('00000003-0000-0ff1-ce00-000000000000');
    expect(resources['azure-resource-manager'].appId).toBe('797f4846-ba00-4fd7-ba43-dac1f8f63013');
  });

  it('marks Azure AD Graph retired and Graph not', () => {
    expect(resources['azure-ad-graph'].retired).toBe(true);
    expect(resources['azure-ad-graph'].note).toMatch(/Retired/);
    expect(resources['microsoft-graph'].retired).toBe(false);
  });

  it('lists Graph hosts of every cloud', () => {
    expect(graphHosts).toEqual(
      expect.arrayContaining(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']),
    );
  });
});

describe('resourceOfScope', () => {
  it.each(['openid', 'profile', 'offline_access', 'email', 'OpenID'])('treats %s as resource-less (OIDC)', (scope) => {
    expect(resourceOfScope(scope)).toEqual({ kind: 'oidc', scope });
  });

  it('reads a bare scope as a Microsoft Graph permission', () => {
    expect(resourceOfScope('User.Read')).toEqual({
      kind: 'resource',
      scope: 'User.Read',
      audience: 'https://graph.microsoft.com',
      resource: resources['microsoft-graph'],
      permission: 'User.Read',
      isDefault: false,
    });
  });

  it.each<[string, string, ResourceId | undefined, string, boolean]>([
    ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com', 'microsoft-graph', 'User.Read', false],
    ['https://graph.microsoft.com/.default', 'https://graph.microsoft.com', 'microsoft-graph', '.default', true],
    ['https://graph.microsoft.com//.default', 'https://graph.microsoft.com', 'microsoft-graph', '.default', true],
    ['HTTPS://Graph.Microsoft.com/Mail.Read', 'https://graph.microsoft.com', 'microsoft-graph', 'Mail.Read', false],
    ['https://graph.microsoft.us/.default', 'https://graph.microsoft.us', 'microsoft-graph', '.default', true],
    ['https://microsoftgraph.chinacloudapi.cn/.default', 'https://microsoftgraph.chinacloudapi.cn', 'microsoft-graph', '.default', true],
    ['00000003-0000-0000-C000-000000000000/.default', '00000003-0000-0000-c000-000000000000', 'microsoft-graph', '.default', true],
    ['api://my-api/access_as_user', 'api://my-api', undefined, 'access_as_user', false],
    ['api://11112222-3333-4444-5555-666677778888/.default', 'api://11112222-3333-4444-5555-666677778888', undefined, '.default', true],
    ['https://contoso.sharepoint.com/AllSites.Read', 'https://contoso.sharepoint.com', 'sharepoint', 'AllSites.Read', false],
    ['https://contoso-my.sharepoint.com/.default', 'https://contoso-my.sharepoint.com', 'sharepoint', '.default', true],
    ['https://graph.windows.net/Directory.Read.All', 'https://graph.windows.net', 'azure-ad-graph', 'Directory.Read.All', false],
    ['https://outlook.office.com/Mail.Read', 'https://outlook.office.com', 'outlook', 'Mail.Read', false],
    ['https://outlook.office365.com/.default', 'https://outlook.office365.com', 'outlook', '.default', true],
    ['https://management.azure.com/user_impersonation', 'https://management.azure.com', 'azure-resource-manager', 'user_impersonation', false],
    ['https://management.core.windows.net//.default', 'https://management.core.windows.net', 'azure-resource-manager', '.default', true],
    ['https://vault.azure.net/.default', 'https://vault.azure.net', 'azure-key-vault', '.default', true],
    ['https://storage.azure.com/user_impersonation', 'https://storage.azure.com', 'azure-storage', 'user_impersonation', false],
    ['499b84ac-1321-427f-aa17-267ca6975798/.default', '499b84ac-1321-427f-aa17-267ca6975798', 'azure-devops', '.default', true],
    ['https://analysis.windows.net/powerbi/api/Report.Read.All', 'https://analysis.windows.net/powerbi/api', 'power-bi', 'Report.Read.All', false],
    ['https://contoso.crm4.dynamics.com/user_impersonation', 'https://contoso.crm4.dynamics.com', 'dynamics-crm', 'user_impersonation', false],
    ['https://database.windows.net//.default', 'https://database.windows.net', 'azure-sql', '.default', true],
  ])('resolves %s', (scope, audience, resourceId, permission, isDefault) => {
    const target = resourceOfScope(scope);
    expect(target.kind).toBe('resource');
    if (target.kind !== 'resource') return;
    expect(target).toMatchObject({ scope, audience, permission, isDefault });
    expect(target.resource?.id).toBe(resourceId);
  });

  it('trims surrounding blanks', () => {
    expect(resourceOfScope('  User.Read ')).toMatchObject({ scope: 'User.Read' });
  });

  it.each([
    ['', /empty or blank/],
    ['   ', /empty or blank/],
    ['User.Read Mail.Read', /whitespace/],
    ['/.default', /names no resource/],
    ['https://graph.microsoft.com/', /names no permission/],
    ['https://graph.microsoft.com', /resource URI without a permission/],
    ['api://my-api', /resource URI without a permission/],
  ])('rejects %j with InvalidArgumentError', (scope, message) => {
    expect(() => resourceOfScope(scope)).toThrow(InvalidArgumentError);
    expect(() => resourceOfScope(scope)).toThrow(message);
    expect(typeof parseScope(scope)).toBe('string');
  });
});

describe('resourceOfAudience', () => {
  it.each<[string, ResourceId | undefined]>([
    ['https://graph.microsoft.com', 'microsoft-graph'],
    ['https://graph.microsoft.com/', 'microsoft-graph'],
    ['00000003-0000-0000-c000-000000000000', 'microsoft-graph'],
    ['https://dod-graph.microsoft.us', 'microsoft-graph'],
    ['https://canary.graph.microsoft.com', 'microsoft-graph'],
    ['https://graph.windows.net/', 'azure-ad-graph'],
    ['https://graph.chinacloudapi.cn', 'azure-ad-graph'],
    ['00000002-0000-0000-c000-000000000000', 'azure-ad-graph'],
    ['https://outlook.office365.com/', 'outlook'],
    ['00000002-0000-0ff1-ce00-000000000000', 'outlook'],
    ['https://contoso.sharepoint.com', 'sharepoint'],
    ['00000003-0000-0ff1-ce00-000000000000', 'sharepoint'],
    ['https://management.core.windows.net/', 'azure-resource-manager'],
    ['https://management.azure.com', 'azure-resource-manager'],
    ['https://vault.azure.net', 'azure-key-vault'],
    ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'azure-key-vault'],
    ['https://storage.azure.com/', 'azure-storage'],
    ['e406a681-f3d4-42a8-90b6-c2b029497af1', 'azure-storage'],
    ['499b84ac-1321-427f-aa17-267ca6975798', 'azure-devops'],
    ['https://analysis.windows.net/powerbi/api', 'power-bi'],
    ['https://database.windows.net/', 'azure-sql'],
    ['api://my-api', undefined],
    ['11112222-3333-4444-5555-666677778888', undefined],
    ['https://evil.sharepoint.com.example.org', undefined],
    ['https://a.b.sharepoint.com', undefined],
    ['', undefined],
    ['/', undefined],
  ])('maps %j', (aud, id) => {
    expect(resourceOfAudience(aud)?.id).toBe(id);
  });
});

describe('resourceOfUrl and isGraphUrl', () => {
  it.each<[string, ResourceId | undefined]>([
    ['https://graph.microsoft.com/v1.0/me', 'microsoft-graph'],
    ['https://GRAPH.microsoft.com/beta/users?$top=1', 'microsoft-graph'],
    ['https://graph.microsoft.us/v1.0/me', 'microsoft-graph'],
    ['https://dod-graph.microsoft.us/v1.0/me', 'microsoft-graph'],
    ['https://microsoftgraph.chinacloudapi.cn/v1.0/me', 'microsoft-graph'],
    ['https://graph.windows.net/contoso.onmicrosoft.com/users?api-version=1.6', 'azure-ad-graph'],
    ['https://outlook.office.com/api/v2.0/me/messages', 'outlook'],
    ['https://contoso.sharepoint.com/_api/web', 'sharepoint'],
    ['https://management.azure.com/subscriptions?api-version=2020-01-01', 'azure-resource-manager'],
    ['https://myvault.vault.azure.net/secrets/x', 'azure-key-vault'],
    ['https://account.blob.core.windows.net/container', 'azure-storage'],
    ['https://dev.azure.com/org/_apis/projects', 'azure-devops'],
    ['https://api.powerbi.com/v1.0/myorg/reports', 'power-bi'],
    ['https://contoso.api.crm.dynamics.com/api/data/v9.2/accounts', 'dynamics-crm'],
    ['https://server.database.windows.net', 'azure-sql'],
    ['https://example.com/v1.0/me', undefined],
    ['https://graph.microsoft.com.evil.example/v1.0/me', undefined],
  ])('maps %s', (url, id) => {
    expect(resourceOfUrl(url)?.id).toBe(id);
  });

  it.each(['/v1.0/me', 'not a url', ''])('throws InvalidUrlError for %j', (url) => {
    expect(() => resourceOfUrl(url)).toThrow(InvalidUrlError);
  });

  it('tells Graph URLs apart', () => {
    expect(isGraphUrl('https://graph.microsoft.com/v1.0/me')).toBe(true);
    expect(isGraphUrl('https://dod-graph.microsoft.us/beta/users')).toBe(true);
    expect(isGraphUrl('https://graph.windows.net/me')).toBe(false);
    expect(isGraphUrl('https://outlook.office.com/api/v2.0/me')).toBe(false);
    expect(isGraphUrl('/v1.0/me')).toBe(false);
    expect(isGraphUrl('garbage')).toBe(false);
  });
});

describe('isTokenEndpointUrl', () => {
  it.each([
    'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    'https://login.microsoftonline.com/common/oauth2/token',
    'https://login.microsoftonline.us/tenant/oauth2/v2.0/token/',
    'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/token',
    'https://LOGIN.windows.net/tenant/OAUTH2/V2.0/TOKEN',
  ])('knows %s', (url) => {
    expect(isTokenEndpointUrl(url)).toBe(true);
  });

  it.each([
    'https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize',
    'https://login.microsoftonline.com.evil.example/tenant/oauth2/v2.0/token',
    'https://evil.example/login.microsoftonline.com/oauth2/v2.0/token',
    'https://a.b.b2clogin.com/x/oauth2/v2.0/token',
    '/oauth2/v2.0/token',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isTokenEndpointUrl(url)).toBe(false);
  });
});
