import { describe, expect, it } from 'vitest';
import {
  catalogSource,
  getPermission,
  InvalidArgumentError,
  InvalidUrlError,
  matchGraphPath,
  permissionNames,
  requiredPermissions,
  suggestPermissions,
} from '../src/index.js';

const templateOf = (url: string): string | undefined => matchGraphPath(url)?.template;

describe('matchGraphPath: URL forms users hit in real code', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0/me/messages', '/me/messages'],
    ['https://graph.microsoft.com/beta/me/messages', '/me/messages'],
    ['/v1.0/me/messages', '/me/messages'],
    ['me/messages', '/me/messages'],
    ['graph.microsoft.com/v1.0/me/messages', '/me/messages'],
    ['https://graph.microsoft.us/v1.0/me/messages', '/me/messages'],
    ['https://dod-graph.microsoft.us/v1.0/me/messages', '/me/messages'],
    ['https://microsoftgraph.chinacloudapi.cn/v1.0/me/messages', '/me/messages'],
    ['https://canary.graph.microsoft.com/beta/me/messages', '/me/messages'],
    ['HTTPS://GRAPH.MICROSOFT.COM/V1.0/ME/MESSAGES', '/me/messages'],
    ['https://graph.microsoft.com/v1.0/me/messages?$select=subject&$top=5#frag', '/me/messages'],
    ['/me/messages/', '/me/messages'],
  ])('%s -> %s', (url, template) => {
    expect(templateOf(url)).toBe(template);
  });

  it('reports the version and the normalised path', () => {
    expect(matchGraphPath('https://graph.microsoft.com/beta/users/a%40contoso.com?$select=id')).toEqual({
      template: '/users/{id}',
      version: 'beta',
      path: '/users/a@contoso.com',
    });
    expect(matchGraphPath('/users')?.version).toBeUndefined();
  });

  it.each([
    ['/users/4f1c9a2e-7d3b-4b8e-9a51-2c6d8e0f1a3b', '/users/{id}'],
    ['/users/adele.vance@contoso.onmicrosoft.com/messages', '/users/{id}/messages'],
    ['/users/adele.vance%40contoso.com/messages', '/users/{id}/messages'],
    ["/users('adele@contoso.com')/messages", '/users/{id}/messages'],
    ['/users(4f1c9a2e-7d3b-4b8e-9a51-2c6d8e0f1a3b)', '/users/{id}'],
    ["/users/o'brien@contoso.com/messages", '/users/{id}/messages'],
  ])('ids of every form: %s -> %s', (url, template) => {
    expect(templateOf(url)).toBe(template);
  });

  it('well-known folder names: literal when the catalog lists them, else the wildcard', () => {
    expect(templateOf('/me/mailFolders/Inbox/messageRules')).toBe('/me/mailfolders/inbox/messagerules');
    expect(templateOf('/me/mailFolders/sentitems/messages')).toBe(templateOf('/me/mailFolders/AAMkAGI2=/messages'));
    expect(templateOf('/me/mailFolders/sentitems/messages')).toMatch(/^\/me\/mailfolders\/\{[^}]+\}\/messages$/i);
  });

  it('a key with base64 padding is a key, not a name=value parameter', () => {
    expect(templateOf('/deviceManagement/cloudCertificationAuthority(AAMkAGI2THVSAAA==)')).toBe('/deviceManagement/cloudCertificationAuthority({id})');
    expect(templateOf("/deviceManagement/cloudCertificationAuthority('AAMkAGI2THVSAAA=')")).toBe('/deviceManagement/cloudCertificationAuthority({id})');
  });

  it('function parameters in either form', () => {
    const quoted = templateOf("/applications(appId='46e6adf4-a9cf-4b60-9390-0ba6fb00bf6b')/owners");
    expect(quoted).toBe('/applications(appid={value})/owners');
    expect(templateOf('/applications(appid={value})/owners')).toBe(quoted);
    expect(templateOf("/reports/getEmailActivityUserDetail(period='D7')")).toMatch(/getemailactivityuserdetail\(period=\{value\}\)$/i);
    expect(templateOf('/reports/getEmailActivityUserDetail(date=2024-01-31)')).toMatch(/\(date=\{value\}\)$/i);
  });

  it('type casts after a collection or an entity narrow the same operation', () => {
    expect(templateOf('/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members/microsoft.graph.user')).toBe(templateOf('/groups/x/members'));
    expect(templateOf('/servicePrincipals/microsoft.graph.agentIdentity')).toBe('/servicePrincipals/microsoft.graph.agentIdentity');
  });

  it('$count, $value and $ref', () => {
    expect(templateOf('/users/$count')).toBe('/users');
    expect(templateOf('/users/{id}/transitiveReports/$count')).toBe('/users/{id}/transitivereports/$count');
    expect(templateOf('/me/photo/$value')).toMatch(/^\/me\/photo/i);
    expect(templateOf('/serviceprincipals/sp1/sponsors/u1/$ref')).toBe('/serviceprincipals/{id}/sponsors/{id}/$ref');
    // A `$ref` the catalog does not list lands on the collection it refers into.
    expect(templateOf('/groups/g1/members/$ref')).toBe('/groups/{id}/members');
    expect(templateOf('/chats/c1/messages/m1/hostedContents/h1/$value')).toBe('/chats/{id}/messages/{id}/hostedcontents/{id}/$value');
  });

  it('function arguments keep their slashes, spaces and quotes', () => {
    expect(templateOf("/solutions/sharepoint/migrations/crossOrganizationMigrationTasks/getBySourceSiteUrl(sourceSiteUrl='https://contoso.sharepoint.com/sites/hr')")).toBe(
      '/solutions/sharepoint/migrations/crossOrganizationmigrationtasks/getbysourcesiteurl(sourcesiteurl={sourcesiteurl})',
    );
    expect(templateOf('/me/drive/items/01BYE5RZ/workbook/worksheets/Sheet1/range/resizedRange(deltaRows=1, deltaColumns=2)')).toMatch(/resizedrange\(deltarows=\{value\}, deltacolumns=\{value\}\)$/);
  });

  it('parameterless function calls, with or without the namespace', () => {
    expect(templateOf('/users/delta()')).toBe('/users/delta');
    expect(templateOf('/groups/microsoft.graph.delta()?$deltatoken=abc')).toBe('/groups/delta');
    expect(templateOf('/users/delta')).toBe('/users/delta');
  });

  it('OneDrive item paths: root:/folder/file:/content', () => {
    expect(templateOf('/me/drive/root:/Documents/Q1 report.xlsx:/content')).toBe('/me/drive/root:/{id}:/content');
    expect(templateOf('/sites/contoso.sharepoint.com,1,2/drive/root:/a/b/c.txt')).toBe('/sites/{id}/drive/root:/{id}');
    expect(templateOf('/drives/b!x/items/01BYE5RZ:/Reports/Q1.xlsx:/content')).toBe('/drives/{id}/items/{id}:/{id}:/content');
  });

  it('SharePoint sites by path: hostname:/server-relative-path: is one id', () => {
    expect(templateOf('https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com:/sites/marketing')).toBe('/sites/{id}:/{id}');
    expect(templateOf('/sites/contoso.sharepoint.com:/sites/marketing:/lists')).toBe('/sites/{id}/lists');
  });

  it('unknown operations are undefined, not errors', () => {
    expect(matchGraphPath('/thisDoesNotExist/anywhere')).toBeUndefined();
    expect(requiredPermissions('GET', '/thisDoesNotExist')).toBeUndefined();
    expect(requiredPermissions('PUT', '/me')).toBeUndefined();
  });
});

describe('bad input gives typed errors that name it', () => {
  it.each([
    'https://example.com/v1.0/me',
    'https://graph.windows.net/contoso.onmicrosoft.com/users',
    'contoso.sharepoint.com/_api/web',
    'ftp://graph.microsoft.com/v1.0/me',
    'https://',
    '',
    '   ',
    'not a url at all',
    '/me/mess\u0000ages',
  ])('%j -> InvalidUrlError', (url) => {
    expect(() => requiredPermissions('GET', url)).toThrow(InvalidUrlError);
    try {
      matchGraphPath(url);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidUrlError);
      expect((error as InvalidUrlError).url).toBe(url);
      if (url.trim() !== '') expect((error as Error).message).toContain(JSON.stringify(url).slice(1, 12));
    }
  });

  it('an unknown method -> InvalidArgumentError naming the method', () => {
    expect(() => requiredPermissions('FETCH', '/me')).toThrow(InvalidArgumentError);
    expect(() => requiredPermissions('FETCH', '/me')).toThrow(/FETCH/);
    expect(requiredPermissions(' get ', '/me')?.method).toBe('GET');
  });
});

describe('requiredPermissions on real operations', () => {
  it('GET /me -> User.Read (work and personal accounts), no Application scheme', () => {
    const answer = requiredPermissions('GET', 'https://graph.microsoft.com/v1.0/me');
    expect(answer?.template).toBe('/me');
    expect(answer?.schemes.DelegatedWork?.leastPrivileged).toEqual(['User.Read']);
    expect(answer?.schemes.DelegatedPersonal?.leastPrivileged).toEqual(['User.Read']);
    expect(answer?.schemes.DelegatedWork?.all).toContain('Directory.ReadWrite.All');
    expect(answer?.schemes.Application).toBeUndefined();
  });

  it('GET /users -> User.ReadBasic.All first, not the write permission the data also marks least', () => {
    const answer = requiredPermissions('get', '/users?$top=10');
    expect(answer?.schemes.DelegatedWork?.leastPrivileged[0]).toBe('User.ReadBasic.All');
    expect(answer?.schemes.Application?.leastPrivileged[0]).toBe('User.ReadBasic.All');
    expect(answer?.schemes.DelegatedWork?.leastPrivileged).not.toContain('User.ReadWrite.All');
    expect(answer?.schemes.DelegatedWork?.all).toContain('User.ReadWrite.All');
    expect(answer?.schemes.DelegatedWork?.all[0]).toBe('User.ReadBasic.All');
  });

  it('PATCH /users/{id} -> User.ReadWrite.All; User-PasswordProfile.ReadWrite.All grants but is not least', () => {
    const answer = requiredPermissions('PATCH', '/users/adele@contoso.com');
    expect(answer?.schemes.DelegatedWork?.leastPrivileged).toEqual(['User.ReadWrite.All']);
    expect(answer?.schemes.Application?.leastPrivileged).toEqual(['User.ReadWrite.All']);
    expect(answer?.schemes.Application?.all).toContain('User-PasswordProfile.ReadWrite.All');
    expect(answer?.schemes.DelegatedPersonal?.leastPrivileged).toEqual(['User.ReadWrite']);
  });

  it('GET /me/messages -> Mail.ReadBasic (delegated, personal too), Mail.ReadBasic.All (app)', () => {
    const answer = requiredPermissions('GET', '/me/messages');
    expect(answer?.schemes.DelegatedWork?.leastPrivileged).toEqual(['Mail.ReadBasic']);
    expect(answer?.schemes.DelegatedPersonal?.leastPrivileged).toEqual(['Mail.ReadBasic']);
    expect(answer?.schemes.DelegatedWork?.all).toEqual(expect.arrayContaining(['Mail.Read', 'Mail.ReadWrite']));
    const forUser = requiredPermissions('GET', '/users/adele@contoso.com/messages');
    expect(forUser?.schemes.Application?.leastPrivileged[0]).toBe('Mail.ReadBasic.All');
  });

  it('POST /users/{id}/sendMail -> Mail.Send under every scheme', () => {
    const answer = requiredPermissions('POST', 'https://graph.microsoft.com/v1.0/users/adele@contoso.com/sendMail');
    for (const scheme of ['DelegatedWork', 'DelegatedPersonal', 'Application'] as const) {
      expect(answer?.schemes[scheme]?.leastPrivileged).toEqual(['Mail.Send']);
    }
  });

  it('GET /sites/{id} -> Sites.Read.All', () => {
    const answer = requiredPermissions('GET', '/sites/contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE');
    expect(answer?.template).toBe('/sites/{id}');
    expect(answer?.schemes.Application?.leastPrivileged).toEqual(['Sites.Read.All']);
  });

  it('DELETE /groups/{id} -> Group.ReadWrite.All', () => {
    expect(requiredPermissions('DELETE', '/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315')?.schemes.Application?.leastPrivileged).toEqual([
      'Group.ReadWrite.All',
    ]);
  });

  it('password operations are delegated only', () => {
    const change = requiredPermissions('POST', '/me/changePassword');
    expect(change?.schemes.DelegatedWork?.leastPrivileged).toEqual(['User-PasswordProfile.ReadWrite.All']);
    expect(change?.schemes.Application).toBeUndefined();
    const reset = requiredPermissions('POST', '/users/adele@contoso.com/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword');
    expect(reset?.template.toLowerCase()).toBe('/users/{id}/authentication/methods/{id}/resetpassword');
    expect(reset?.schemes.DelegatedWork?.leastPrivileged).toEqual(['UserAuthenticationMethod.ReadWrite.All']);
    expect(reset?.schemes.Application).toBeUndefined();
  });

  it('/me and /users/{id} fall back to each other when the catalog lists one form only', () => {
    const meOnly = requiredPermissions('POST', '/users/adele@contoso.com/changePassword');
    expect(meOnly?.template).toBe('/me/changePassword');
    expect(templateOf('/users/adele@contoso.com/changePassword')).toBe('/me/changePassword');
  });

  it('alsoRequires maps the granting permission to its companions, per scheme', () => {
    const answer = requiredPermissions('GET', '/agentRegistry/agentInstances/7d1c/agentCardManifest');
    expect(answer?.schemes.DelegatedWork?.alsoRequires['AgentCardManifest.Read.All']).toEqual(['AgentInstance.Read.All', 'AgentInstance.ReadWrite.All']);
    expect(answer?.schemes.Application?.alsoRequires['AgentCardManifest.Read.All']).toEqual([
      'AgentInstance.Read.All',
      'AgentInstance.ReadWrite.All',
      'AgentInstance.ReadWrite.ManagedBy',
    ]);
    expect(requiredPermissions('GET', '/me')?.schemes.DelegatedWork?.alsoRequires).toEqual({});
  });

  it('answers are frozen and stable', () => {
    const first = requiredPermissions('GET', '/me');
    expect(requiredPermissions('GET', '/ME')).toBe(first);
    expect(Object.isFrozen(first?.schemes.DelegatedWork?.all)).toBe(true);
  });
});

describe('permission facts', () => {
  it('getPermission is case-insensitive and answers the canonical spelling', () => {
    const info = getPermission('user.read.all');
    expect(info?.name).toBe('User.Read.All');
    expect(info?.schemes.Application).toMatchObject({ id: 'df021288-bdef-4463-88db-98f22de89214', requiresAdminConsent: true });
    expect(info?.schemes.DelegatedWork?.privilegeLevel).toBeGreaterThanOrEqual(1);
    expect(getPermission('user.read')?.name).toBe('User.Read');
    expect(getPermission('User.Read')?.schemes.DelegatedWork).toMatchObject({ requiresAdminConsent: false, privilegeLevel: 2 });
    expect(getPermission('Not.A.Permission')).toBeUndefined();
  });

  it('every scheme has a privilege level from 1 to 5 and a display name', () => {
    for (const name of permissionNames()) {
      for (const facts of Object.values(getPermission(name)?.schemes ?? {})) {
        expect(facts.privilegeLevel).toBeGreaterThanOrEqual(1);
        expect(facts.privilegeLevel).toBeLessThanOrEqual(5);
        expect(facts.displayName).not.toBe('');
      }
    }
  });

  it('permissionNames lists the oAuth2 permissions only', () => {
    const names = permissionNames();
    expect(names).toContain('User.Read');
    expect(names.length).toBeGreaterThan(800);
    expect(names).not.toContain('Calls.AccessMedia.Chat'); // resource-specific consent
    expect(getPermission('Calls.AccessMedia.Chat')?.schemes.Application).toBeDefined();
  });

  it.each([
    ['User.Reads.All', 'User.Read.All'],
    ['Mail.Send.All', 'Mail.Send'],
    ['User.Read.Al', 'User.Read.All'],
    ['Usre.Read', 'User.Read'],
    ['Group.ReadWrite', 'Group.ReadWrite.All'],
    ['sites.readall', 'Sites.Read.All'],
  ])('suggestPermissions(%s) -> %s first', (typo, expected) => {
    expect(suggestPermissions(typo)[0]).toBe(expected);
  });

  it('suggestions respect the limit and give nothing for nonsense', () => {
    expect(suggestPermissions('Mail.Reed', 2)).toEqual(['Mail.Read', 'Mail.Send']);
    expect(suggestPermissions('Mail.Reed', 1)).toEqual(['Mail.Read']);
    expect(suggestPermissions('zzzzzzzzzzzzzzzzzzzz')).toEqual([]);
    expect(suggestPermissions('')).toEqual([]);
  });

  it('catalogSource names the data repository, commit and licence', () => {
    expect(catalogSource).toEqual({
      repository: 'https://github.com/microsoftgraph/microsoft-graph-devx-content',
      commit: '6cbd6bbd665a877560fdefbad74f3bdb5b57af88',
      license: 'MIT (Copyright (c) 2020 Microsoft Graph)',
    });
  });
});
