import { decodeAccessToken, requiredPermissions } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { permissionsView, type PermissionsView, type SchemeView } from '../src/permissions.js';
import { unsignedJwt } from '../src/unsigned-jwt.js';

const request = { method: 'GET', url: 'https://graph.microsoft.com/v1.0/users?$top=5' };

function scheme(view: PermissionsView, name: SchemeView['scheme']): SchemeView | undefined {
  return view.kind === 'known' ? view.schemes.find((s) => s.scheme === name) : undefined;
}

describe('permissionsView', () => {
  it('lists, per scheme, the permissions the core catalog gives, least privileged marked', () => {
    const view = permissionsView(request, undefined);
    const required = requiredPermissions('GET', request.url);
    expect(view.kind).toBe('known');
    expect(view.kind === 'known' && view.template).toBe(required?.template);
    const delegated = scheme(view, 'DelegatedWork');
    expect(delegated?.permissions.map((p) => p.name)).toEqual(required?.schemes.DelegatedWork?.all);
    expect(delegated?.permissions.filter((p) => p.leastPrivileged).map((p) => p.name)).toEqual(required?.schemes.DelegatedWork?.leastPrivileged);
    expect(delegated?.permissions.every((p) => p.holding === 'unknown')).toBe(true);
  });

  it('marks what a delegated token has and lacks, matching names case-insensitively', () => {
    const token = decodeAccessToken(unsignedJwt({ scp: 'user.read.all Mail.Read' }));
    const view = permissionsView(request, token);
    const delegated = scheme(view, 'DelegatedWork');
    expect(delegated?.permissions.find((p) => p.name === 'User.Read.All')?.holding).toBe('has');
    expect(delegated?.permissions.find((p) => p.name === 'Directory.Read.All')?.holding).toBe('lacks');
    expect(delegated?.tokenNote).toBeUndefined();
    // Delegated scopes never count as application permissions.
    const application = scheme(view, 'Application');
    expect(application?.permissions.every((p) => p.holding === 'lacks')).toBe(true);
    expect(application?.tokenNote).toMatch(/not app-only/);
  });

  it('judges an app-only token by its roles', () => {
    const token = decodeAccessToken(unsignedJwt({ roles: ['User.Read.All'], idtyp: 'app' }));
    const view = permissionsView(request, token);
    expect(scheme(view, 'Application')?.permissions.find((p) => p.name === 'User.Read.All')?.holding).toBe('has');
    expect(scheme(view, 'DelegatedWork')?.permissions.find((p) => p.name === 'User.Read.All')?.holding).toBe('lacks');
  });

  it('says when there is no request, an unknown operation, or a URL that is not Graph', () => {
    expect(permissionsView(undefined, undefined)).toEqual({ kind: 'none' });
    expect(permissionsView({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/noSuchThing' }, undefined).kind).toBe('unknown-operation');
    const notGraph = permissionsView({ method: 'GET', url: 'https://example.com/users' }, undefined);
    expect(notGraph.kind).toBe('problem');
    const badMethod = permissionsView({ method: 'FETCH', url: '/users' }, undefined);
    expect(badMethod).toMatchObject({ kind: 'problem', message: expect.stringMatching(/FETCH/) as unknown });
  });
});
