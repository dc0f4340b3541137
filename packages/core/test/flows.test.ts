import { describe, expect, it } from 'vitest';
import { checkScopesForFlow, flows, type FlowId } from '../src/flows.js';

const allFlows = Object.keys(flows) as FlowId[];
const delegatedFlows: FlowId[] = ['authorization-code', 'on-behalf-of', 'device-code', 'refresh-token', 'username-password'];
const appFlows: FlowId[] = ['client-credentials', 'managed-identity'];

describe('flows', () => {
  it('describes every flow with its grant type, token kind, scope form and interaction', () => {
    expect(Object.fromEntries(allFlows.map((id) => [id, [flows[id].grantType, flows[id].tokenKind, flows[id].scopeForm, flows[id].interaction]]))).toEqual({
      'client-credentials': ['client_credentials', 'app', 'single-default', 'none'],
      'managed-identity': [undefined, 'app', 'single-default', 'none'],
      'authorization-code': ['authorization_code', 'delegated', 'named-or-default', 'browser'],
      'on-behalf-of': ['urn:ietf:params:oauth:grant-type:jwt-bearer', 'delegated', 'named-or-default', 'none-but-may-require'],
      'device-code': ['urn:ietf:params:oauth:grant-type:device_code', 'delegated', 'named-or-default', 'device'],
      'refresh-token': ['refresh_token', 'delegated', 'named-or-default', 'none-but-may-require'],
      'username-password': ['password', 'delegated', 'named-or-default', 'none-but-may-require'],
    });
    for (const id of allFlows) {
      expect(flows[id].id).toBe(id);
      expect(flows[id].name).not.toBe('');
      expect(flows[id].description.length).toBeGreaterThan(20);
    }
  });
});

describe('checkScopesForFlow: client credentials and managed identity', () => {
  it.each(appFlows)('%s accepts exactly one {resource}/.default in any spelling', (flow) => {
    for (const scope of [
      'https://graph.microsoft.com/.default',
      'https://graph.microsoft.com//.default',
      '00000003-0000-0000-c000-000000000000/.default',
      'api://my-api/.default',
      'https://management.azure.com/.default',
    ]) {
      expect(checkScopesForFlow(flow, [scope])).toBeUndefined();
    }
  });

  it.each(appFlows)('%s rejects named scopes with AADSTS1002012 and suggests the .default of their resource', (flow) => {
    const problem = checkScopesForFlow(flow, ['User.Read.All', 'Mail.Send']);
    expect(problem).toEqual({
      scenario: 'invalid-scope-for-flow',
      aadsts: 1002012,
      scopes: ['User.Read.All', 'Mail.Send'],
      suggestion: ['https://graph.microsoft.com/.default'],
      message:
        'The provided value for scope User.Read.All Mail.Send is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    });
  });

  it('suggests the .default of a non-Graph resource the named scope belongs to', () => {
    expect(checkScopesForFlow('client-credentials', ['api://my-api/Orders.Read'])?.suggestion).toEqual(['api://my-api/.default']);
    expect(checkScopesForFlow('client-credentials', ['https://contoso.sharepoint.com/Sites.FullControl.All'])?.suggestion).toEqual([
      'https://contoso.sharepoint.com/.default',
    ]);
  });

  it('names only the offending scopes when a named scope sits beside a .default', () => {
    const problem = checkScopesForFlow('client-credentials', ['https://graph.microsoft.com/.default', 'User.Read.All']);
    expect(problem?.aadsts).toBe(1002012);
    expect(problem?.scopes).toEqual(['User.Read.All']);
    expect(problem?.message).toContain('scope User.Read.All is not valid');
  });

  it('counts OIDC scopes as invalid in client credentials (the endpoint answers 1002012 for openid alone)', () => {
    const problem = checkScopesForFlow('client-credentials', ['openid']);
    expect(problem).toMatchObject({ aadsts: 1002012, scopes: ['openid'], suggestion: ['https://graph.microsoft.com/.default'] });
  });

  it('answers an empty scope list with AADSTS70011 and suggests Graph’s .default', () => {
    for (const scopes of [[], [''], ['  ']]) {
      expect(checkScopesForFlow('client-credentials', scopes)).toMatchObject({
        scenario: 'invalid-scope-for-flow',
        aadsts: 70011,
        scopes: [],
        suggestion: ['https://graph.microsoft.com/.default'],
      });
    }
    expect(checkScopesForFlow('managed-identity', [])?.message).toMatch(/Managed identity flow needs a scope/);
  });

  it('rejects .default scopes of two resources with AADSTS28000', () => {
    const problem = checkScopesForFlow('client-credentials', ['https://graph.microsoft.com/.default', 'https://management.azure.com/.default']);
    expect(problem).toMatchObject({
      scenario: 'multiple-resources',
      aadsts: 28000,
      scopes: ['https://graph.microsoft.com/.default', 'https://management.azure.com/.default'],
      suggestion: ['https://graph.microsoft.com/.default', 'https://management.azure.com/.default'],
    });
  });

  it('treats the URI and the app id of one resource as the same resource', () => {
    expect(
      checkScopesForFlow('client-credentials', ['https://graph.microsoft.com/.default', '00000003-0000-0000-c000-000000000000/.default']),
    ).toBeUndefined();
  });
});

describe('checkScopesForFlow: delegated flows', () => {
  it.each(delegatedFlows)('%s accepts named scopes of one resource plus OIDC scopes', (flow) => {
    expect(checkScopesForFlow(flow, ['openid', 'profile', 'offline_access', 'email', 'User.Read', 'https://graph.microsoft.com/Mail.Read'])).toBeUndefined();
    expect(checkScopesForFlow(flow, ['https://graph.microsoft.com/.default', 'openid'])).toBeUndefined();
    expect(checkScopesForFlow(flow, ['api://my-api/access_as_user', 'offline_access'])).toBeUndefined();
    expect(checkScopesForFlow(flow, [])).toBeUndefined();
  });

  it.each(delegatedFlows)('%s rejects scopes of several resources with AADSTS28000, naming them', (flow) => {
    const problem = checkScopesForFlow(flow, ['openid', 'User.Read', 'Mail.Read', 'https://management.azure.com/user_impersonation']);
    expect(problem).toEqual({
      scenario: 'multiple-resources',
      aadsts: 28000,
      scopes: ['User.Read', 'Mail.Read', 'https://management.azure.com/user_impersonation'],
      suggestion: ['User.Read Mail.Read', 'https://management.azure.com/user_impersonation'],
      message:
        'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope openid User.Read Mail.Read https://management.azure.com/user_impersonation is not valid. Request a token per resource.',
    });
  });

  it('tells two custom APIs apart and SharePoint from Graph', () => {
    expect(checkScopesForFlow('authorization-code', ['api://a/x', 'api://b/y'])?.aadsts).toBe(28000);
    expect(checkScopesForFlow('authorization-code', ['Sites.Read.All', 'https://contoso.sharepoint.com/AllSites.Read'])?.aadsts).toBe(28000);
  });

  it('splits space-separated entries as the token endpoint does', () => {
    expect(checkScopesForFlow('device-code', ['openid profile User.Read'])).toBeUndefined();
    expect(checkScopesForFlow('device-code', ['User.Read https://vault.azure.net/user_impersonation'])?.scenario).toBe('multiple-resources');
  });

  it('rejects a .default mixed with named scopes with AADSTS70011', () => {
    const problem = checkScopesForFlow('authorization-code', ['openid', 'https://graph.microsoft.com/.default', 'User.Read']);
    expect(problem).toMatchObject({
      scenario: 'invalid-scope-for-flow',
      aadsts: 70011,
      scopes: ['https://graph.microsoft.com/.default', 'User.Read'],
      suggestion: ['https://graph.microsoft.com/.default'],
    });
    expect(problem?.message).toMatch(/\.default scope can't be combined with resource-specific scopes/);
  });
});

describe('checkScopesForFlow: malformed scopes (any flow)', () => {
  it.each(allFlows)('%s answers a scope without a resource with AADSTS70011 "scope format is invalid"', (flow) => {
    const problem = checkScopesForFlow(flow, ['/.default', 'offline_access']);
    expect(problem).toMatchObject({ scenario: 'invalid-scope-for-flow', aadsts: 70011, scopes: ['/.default'], suggestion: undefined });
    expect(problem?.message).toMatch(/The scope \/\.default offline_access is not valid\. The scope format is invalid/);
  });
});
