import { consumersTenantId, decodeAccessToken } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { claimRows, tokenSummary } from '../src/claims.js';
import { unsignedJwt } from '../src/unsigned-jwt.js';

const now = new Date('2026-03-01T12:00:00Z');
const seconds = now.getTime() / 1000;

describe('claimRows', () => {
  const token = decodeAccessToken(
    unsignedJwt({ tid: 't', name: 'Adele', aud: 'https://graph.windows.net', exp: seconds - 7200, idtyp: 'user', scp: 'User.Read Mail.Read', xms_cc: ['CP1'] }),
  );
  const rows = claimRows(token, now);

  it('puts the relevant claims first, highlighted, then the others in token order', () => {
    expect(rows.map((row) => [row.name, row.relevant])).toEqual([
      ['aud', true], ['scp', true], ['exp', true], ['xms_cc', true], ['idtyp', true], ['tid', false], ['name', false],
    ]);
  });

  it('says what the audience is, when the token expired, and what CP1 means', () => {
    const note = (name: string) => rows.find((row) => row.name === name)?.note;
    expect(note('aud')).toBe('Azure AD Graph, not Microsoft Graph');
    expect(note('exp')).toBe('expired 2 h ago');
    expect(note('scp')).toBe('2 delegated permission(s)');
    expect(note('xms_cc')).toMatch(/^CP1: /);
    expect(note('idtyp')).toBe('issued for a signed-in user');
    expect(rows.find((row) => row.name === 'exp')?.value).toBe(`${String(seconds - 7200)} (2026-03-01T10:00:00.000Z)`);
    expect(rows.find((row) => row.name === 'xms_cc')?.value).toBe('["CP1"]');
  });

  it('reads a live token, an app token and a personal account', () => {
    const live = decodeAccessToken(unsignedJwt({ aud: 'https://graph.microsoft.com', exp: seconds + 1800, roles: ['User.Read.All'], idtyp: 'app' }));
    const liveRows = claimRows(live, now);
    expect(liveRows.find((row) => row.name === 'aud')?.note).toBe('Microsoft Graph');
    expect(liveRows.find((row) => row.name === 'exp')?.note).toBe('valid for 30 min more');
    expect(liveRows.find((row) => row.name === 'roles')?.note).toBe('1 application permission(s)');
    const admin = decodeAccessToken(unsignedJwt({ scp: 'User.ReadWrite.All', wids: ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'b79fbf4d-3ef9-4689-8143-76b194e85509'] }));
    expect(claimRows(admin, now).find((row) => row.name === 'wids')?.note).toBe('directory roles: User Administrator');
    const member = decodeAccessToken(unsignedJwt({ scp: 'User.Read', wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'] }));
    expect(claimRows(member, now).find((row) => row.name === 'wids')?.note).toBe('directory roles: no administrator role');
    const personal = decodeAccessToken(unsignedJwt({ tid: consumersTenantId, scp: 'User.Read' }));
    expect(claimRows(personal, now).find((row) => row.name === 'tid')?.note).toMatch(/personal Microsoft account/);
  });
});

describe('tokenSummary', () => {
  it('tells an unsigned token from a signed one and names the kind', () => {
    expect(tokenSummary(decodeAccessToken(unsignedJwt({ scp: 'User.Read' })))).toEqual({
      kind: 'Delegated token (scopes in scp) of a work or school account', signed: false, algorithm: 'none',
    });
    const signed = decodeAccessToken(`${unsignedJwt({ roles: ['X'] }).replace('eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9')}c2ln`);
    expect(tokenSummary(signed)).toEqual({ kind: 'App-only token (application permissions in roles)', signed: true, algorithm: 'RS256' });
  });
});
