/** Bad configuration and bad arguments get a typed error naming what was wrong. */
import { InvalidArgumentError } from '@graph-authz/core';
import { describe, expect, test } from 'vitest';
import { createTenant } from '../src/index.js';
import { ids, tenantConfig } from './support/tenant.js';

describe('createTenant', () => {
  test.each([
    ['tenantId', tenantConfig({ tenantId: 'contoso' })],
    ['apps[0].clientId', tenantConfig({ apps: [{ clientId: 'my-app' }] })],
    ['apps[1].clientId', tenantConfig({ apps: [{ clientId: ids.daemon }, { clientId: ids.daemon.toUpperCase() }] })],
    ['users[0].id', tenantConfig({ users: [{ id: 'alice', userPrincipalName: 'alice@contoso.com' }] })],
    ['users[1].userPrincipalName', tenantConfig({ users: [{ id: ids.alice, userPrincipalName: 'a@contoso.com' }, { id: ids.admin, userPrincipalName: 'A@contoso.com' }] })],
    ['tokenLifetimeSeconds', tenantConfig({ tokenLifetimeSeconds: -1 })],
  ])('%s', (argument, config) => {
    expect(() => createTenant(config)).toThrow(expect.objectContaining({ argument }) as Error);
  });

  test('a tenant without tenantId gets a random GUID', () => {
    expect(createTenant({ apps: [] }).tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('tenant methods', () => {
  const tenant = createTenant(tenantConfig());

  test('unknown app, user or user code', async () => {
    await expect(tenant.issueToken({ appId: ids.unknownApp })).rejects.toThrow(InvalidArgumentError);
    await expect(tenant.issueToken({ appId: ids.daemon, userId: 'nobody@contoso.com' })).rejects.toThrow(/no user 'nobody@contoso.com'/);
    expect(() => { tenant.revokeSessions('nobody'); }).toThrow(InvalidArgumentError);
    expect(() => { tenant.approveDeviceCode('ABCDEFGHJ', ids.alice); }).toThrow(/No pending device code/);
    expect(() => { tenant.setTime(new Date('not a date')); }).toThrow(InvalidArgumentError);
  });

  test('issueToken defaults: the first app, its permissions, Graph audience', async () => {
    const { decodeJwt } = await import('jose');
    expect(decodeJwt(await tenant.issueToken())).toMatchObject({ appid: ids.daemon, roles: ['User.Read.All'], aud: 'https://graph.microsoft.com' });
    expect(decodeJwt(await tenant.issueToken({ appId: ids.publicClient, userId: ids.alice }))).toMatchObject({ scp: 'User.Read User.ReadBasic.All User.ReadWrite.All Mail.Read', xms_cc: ['CP1'] });
  });
});
