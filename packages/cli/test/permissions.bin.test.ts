import { getPermission, requiredPermissions } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/run-cli.js';

interface Granting {
  name: string;
  adminConsent: boolean;
  leastPrivileged: boolean;
  alsoRequires: string[];
}

describe.concurrent('graph-authz permissions', () => {
  it('lists least privileged first, then every other granting permission, per scheme, with consent flags', async () => {
    const { code, json } = await runJson(['permissions', 'GET', '/users']);
    expect(code).toBe(0);
    const required = requiredPermissions('GET', '/users');
    const schemes = json.schemes as Record<string, Granting[]>;
    expect(Object.keys(schemes).sort()).toEqual(Object.keys(required?.schemes ?? {}).sort());
    const delegated = schemes.DelegatedWork ?? [];
    expect(delegated[0]).toEqual({ name: 'User.ReadBasic.All', adminConsent: false, leastPrivileged: true, alsoRequires: [] });
    expect(delegated.map((permission) => permission.name).sort()).toEqual([...(required?.schemes.DelegatedWork?.all ?? [])].sort());
    expect(delegated.find((permission) => permission.name === 'User.Read.All')).toMatchObject({ adminConsent: true, leastPrivileged: false });
    for (const permission of schemes.Application ?? []) expect(permission.adminConsent).toBe(getPermission(permission.name)?.schemes.Application?.requiresAdminConsent);
  });

  it('prints a readable table and what the operation cannot be called with', async () => {
    const result = await runCli(['permissions', 'post', 'https://graph.microsoft.com/v1.0/me/changePassword']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^POST \/me\/changePassword\n\nDelegated \(work or school account\)\n {2}least privileged {2}\S+/);
    expect(result.stdout).toContain('Not callable with: Delegated (personal Microsoft account); Application');
  });

  it('--scheme narrows to one permission type, and exits 1 when the operation has none of it', async () => {
    const personal = await runCli(['permissions', 'GET', '/users/{id}/mailboxSettings', '--scheme', 'personal']);
    expect(personal.code).toBe(0);
    expect(personal.stdout).toContain('Delegated (personal Microsoft account)\n  least privileged  MailboxSettings.Read');
    expect(personal.stdout).not.toContain('Application');
    const none = await runCli(['permissions', 'POST', '/me/changePassword', '--scheme', 'application']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Not callable with: Application');
  });

  it('shows AlsoRequires companions, as the catalog has them', async () => {
    const url = '/agentRegistry/agentInstances';
    const companions = requiredPermissions('GET', url)?.schemes.DelegatedWork?.alsoRequires ?? {};
    const [granting, needed] = Object.entries(companions)[0] ?? ['', []];
    expect(needed.length).toBeGreaterThan(0);
    const { json } = await runJson(['permissions', 'GET', url, '--scheme', 'delegated']);
    const delegated = (json.schemes as Record<string, Granting[]>).DelegatedWork ?? [];
    expect(delegated.find((permission) => permission.name === granting)?.alsoRequires).toEqual(needed);
    const text = await runCli(['permissions', 'GET', url, '--scheme', 'delegated']);
    expect(text.stdout).toContain(`also requires one of: ${needed.join(', ')}`);
  });

  it('exits 1 for an operation the catalog does not know', async () => {
    const result = await runCli(['permissions', 'GET', '/nothing/here']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No permission data for GET /nothing/here');
  });

  it.each([
    [['permissions', 'FETCH', '/users'], 'graph-authz permissions: unknown HTTP method "FETCH"'],
    [['permissions', 'GET', 'https://example.com/v1.0/users'], 'is not a Microsoft Graph URL'],
    [['permissions', 'GET', '/users', '--scheme', 'robot'], "argument 'robot' is invalid. Allowed choices are delegated, application, personal"],
    [['permissions', 'GET'], "missing required argument 'url'"],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
