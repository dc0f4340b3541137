import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, TokenFormatError, type TokenDefect } from '../src/errors.js';
import {
  accessTokenFromClaims,
  bearerTokenOf,
  consumersTenantId,
  decodeAccessToken,
  isExpired,
  isNotYetValid,
  maxTokenLength,
} from '../src/token.js';

const tenant = 'aaaabbbb-0000-1111-2222-333344445555';
const graph = '00000003-0000-0000-c000-000000000000';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned-looking JWS with the given claims (the decoder checks no signature). */
function jwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${base64url('signature')}`;
}

const seconds = (iso: string): number => Date.parse(iso) / 1000;

const appClaims = {
  aud: 'https://graph.microsoft.com',
  iss: `https://sts.windows.net/${tenant}/`,
  tid: tenant,
  appid: '11112222-3333-4444-5555-666677778888',
  ver: '1.0',
  idtyp: 'app',
  iat: seconds('2026-01-01T10:00:00Z'),
  nbf: seconds('2026-01-01T10:00:00Z'),
  exp: seconds('2026-01-01T11:00:00Z'),
  roles: ['User.Read.All', 'Mail.Send'],
  wids: ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'],
};

const delegatedClaims = {
  aud: graph,
  iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
  tid: tenant,
  azp: '99998888-7777-6666-5555-444433332222',
  ver: '2.0',
  oid: 'ffffeeee-dddd-cccc-bbbb-aaaa99998888',
  scp: 'User.Read Mail.Read  openid',
  xms_cc: ['CP1'],
  wids: ['62e90394-69f5-4237-9190-012177145e10'],
  exp: seconds('2026-01-01T11:00:00Z'),
};

describe('decodeAccessToken: kinds', () => {
  it('reads an app-only token (roles, no scp)', () => {
    const token = decodeAccessToken(jwt(appClaims));
    expect(token.kind).toBe('app');
    if (token.kind !== 'app') return;
    expect(token.roles).toEqual(['User.Read.All', 'Mail.Send']);
    expect(token).toMatchObject({
      audience: 'https://graph.microsoft.com',
      issuer: `https://sts.windows.net/${tenant}/`,
      tenantId: tenant,
      appId: appClaims.appid,
      version: '1.0',
      clientCapabilities: [],
      directoryRoleIds: ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'],
    });
    expect(token.issuedAt?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(token.notBefore?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(token.expiresAt?.toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(token.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(token.claims).toEqual(appClaims);
  });

  it('reads a delegated token (scp), with azp as app id, oid as user, xms_cc as capabilities', () => {
    const raw = jwt(delegatedClaims);
    const token = decodeAccessToken(raw);
    expect(token.kind).toBe('delegated');
    if (token.kind !== 'delegated') return;
    expect(token.scopes).toEqual(['User.Read', 'Mail.Read', 'openid']);
    expect(token.roles).toEqual([]);
    expect(token.userId).toBe(delegatedClaims.oid);
    expect(token.appId).toBe(delegatedClaims.azp);
    expect(token.version).toBe('2.0');
    expect(token.isPersonalAccount).toBe(false);
    expect(token.clientCapabilities).toEqual(['CP1']);
    expect(token.raw).toBe(raw);
    expect(token.issuedAt).toBeUndefined();
  });

  it('prefers scp over roles: a delegated token can carry the user’s app roles too', () => {
    const token = decodeAccessToken(jwt({ ...delegatedClaims, roles: ['Approver'] }));
    expect(token.kind).toBe('delegated');
    if (token.kind === 'delegated') expect(token.roles).toEqual(['Approver']);
  });

  it("is 'app' when idtyp is app even without roles (no permission granted yet)", () => {
    const token = decodeAccessToken(jwt({ aud: graph, idtyp: 'app' }));
    expect(token.kind).toBe('app');
    if (token.kind === 'app') expect(token.roles).toEqual([]);
  });

  it("is 'none' with neither scp nor roles", () => {
    const token = decodeAccessToken(jwt({ aud: graph, tid: tenant }));
    expect(token.kind).toBe('none');
    expect(token.version).toBeUndefined();
    expect(token.appId).toBeUndefined();
  });

  it('flags personal accounts (consumers tenant), whatever the GUID case', () => {
    const personal = decodeAccessToken(jwt({ ...delegatedClaims, tid: consumersTenantId.toUpperCase() }));
    expect(personal.kind === 'delegated' && personal.isPersonalAccount).toBe(true);
    expect(consumersTenantId).toBe('9188040d-6c67-4c5b-b112-36a304b66dad');
  });

  it('keeps an unknown ver as undefined and takes the first entry of an array aud', () => {
    const token = decodeAccessToken(jwt({ aud: ['https://graph.microsoft.com', 'other'], ver: '3.0' }));
    expect(token.audience).toBe('https://graph.microsoft.com');
    expect(token.version).toBeUndefined();
  });

  it('decodes non-ASCII claims (UTF-8) and URL-safe base64 characters', () => {
    const token = decodeAccessToken(jwt({ name: 'Zoë Ünal ✓', scp: 'User.Read', blob: '???>>>' }));
    expect(token.claims.name).toBe('Zoë Ünal ✓');
    expect(token.raw).toMatch(/[-_]/);
  });

  it('decodes a real RS256 token signed with jose', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const raw = await new SignJWT({ scp: 'User.Read', tid: tenant, azp: delegatedClaims.azp, oid: delegatedClaims.oid, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setAudience(graph)
      .setIssuer(`https://login.microsoftonline.com/${tenant}/v2.0`)
      .setIssuedAt(seconds('2026-01-01T10:00:00Z'))
      .setExpirationTime(seconds('2026-01-01T11:00:00Z'))
      .sign(privateKey);
    const token = decodeAccessToken(raw);
    expect(token.header).toEqual({ alg: 'RS256', kid: 'test-key' });
    expect(token.kind).toBe('delegated');
    expect(token.audience).toBe(graph);
    expect(token.expiresAt?.toISOString()).toBe('2026-01-01T11:00:00.000Z');
  });
});

describe('decodeAccessToken: TokenFormatError defects', () => {
  const header = base64url('{"alg":"RS256"}');
  const payload = base64url('{"scp":"User.Read"}');

  const cases: [string, unknown, TokenDefect, RegExp][] = [
    ['a number', 42, 'not-a-string', /must be a string, got a number/],
    ['undefined', undefined, 'not-a-string', /got a undefined/],
    ['an empty string', '', 'empty', /^Access token is empty\.$/],
    ['blanks', '   ', 'empty', /empty/],
    ['a string without dots', 'abcdef', 'no-dots', /^IDX14100: JWT is not well formed, there are no dots \(\.\)\./],
    ['two segments', `${header}.${payload}`, 'wrong-segment-count', /has 2\./],
    ['four segments', `${header}.${payload}.x.y`, 'wrong-segment-count', /has 4\./],
    ['a JWE (five segments)', 'a.b.c.d.e', 'wrong-segment-count', /encrypted token \(JWE\)/],
    ['bad base64url in the header', `${header}!.${payload}.sig`, 'bad-base64url', /header segment/],
    ['padding in the payload', `${header}.${payload}==.sig`, 'bad-base64url', /payload segment/],
    ['an impossible length', `${header}.${payload}.abcde`, 'bad-base64url', /signature segment/],
    ['a Bearer prefix', `Bearer ${header}.${payload}.sig`, 'bad-base64url', /without the 'Bearer ' prefix/],
    ['a header that is not JSON', `${base64url('{alg')}.${payload}.sig`, 'bad-json', /header segment of the token is not JSON/],
    ['an empty payload', `${header}..sig`, 'bad-json', /payload segment of the token is not JSON/],
    ['a payload that is not UTF-8', `${header}.${btoa('\xff\xfe').replace(/=+$/, '').replace(/\//g, '_')}.sig`, 'bad-json', /not UTF-8/],
    ['a header that is an array', `${base64url('[1]')}.${payload}.sig`, 'header-not-object', /header of the token must be a JSON object, got an array/],
    ['a payload that is a string', `${header}.${base64url('"x"')}.sig`, 'payload-not-object', /got a string/],
    ['a null payload', `${header}.${base64url('null')}.sig`, 'payload-not-object', /got null/],
    ['exp as a string', jwt({ exp: '1700000000' }), 'bad-claim', /'exp' claim must be a number/],
    ['nbf as NaN-ish', jwt({ nbf: null }), 'bad-claim', /'nbf' claim/],
    ['scp as an array', jwt({ scp: ['User.Read'] }), 'bad-claim', /'scp' claim must be a string, got an array/],
    ['roles as a string', jwt({ roles: 'User.Read.All' }), 'bad-claim', /'roles' claim must be an array of strings/],
    ['roles with a number', jwt({ roles: ['User.Read.All', 1] }), 'bad-claim', /'roles'/],
    ['tid as a number', jwt({ tid: 5 }), 'bad-claim', /'tid'/],
    ['aud as an object', jwt({ aud: {} }), 'bad-claim', /'aud' claim must be a string, got an object/],
    ['xms_cc as a string', jwt({ xms_cc: 'CP1' }), 'bad-claim', /'xms_cc'/],
    ['wids as an object', jwt({ wids: { a: 1 } }), 'bad-claim', /'wids'/],
    ['a token over the size cap', `${header}.${'a'.repeat(maxTokenLength)}.sig`, 'too-large', /more than the 16384/],
  ];

  it.each(cases)('rejects %s', (_name, input, defect, message) => {
    let caught: unknown;
    try {
      decodeAccessToken(input as string);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TokenFormatError);
    const error = caught as TokenFormatError;
    expect(error.defect).toBe(defect);
    expect(error.code).toBe('ERR_TOKEN_FORMAT');
    expect(error.name).toBe('TokenFormatError');
    expect(error.message).toMatch(message);
  });

  it('accepts a token of exactly the size cap', () => {
    const prefix = `${header}.${payload}.`;
    expect(() => decodeAccessToken(prefix + 'a'.repeat(maxTokenLength - prefix.length - 1) + 'A')).not.toThrow();
  });
});

describe('accessTokenFromClaims', () => {
  it('builds the same view as decoding, without a header', () => {
    const token = accessTokenFromClaims({ ...delegatedClaims, tid: consumersTenantId }, 'EwB4A8l6BAAU-opaque');
    expect(token.kind).toBe('delegated');
    expect(token.raw).toBe('EwB4A8l6BAAU-opaque');
    expect(token.header).toEqual({});
    expect(token.kind === 'delegated' && token.isPersonalAccount).toBe(true);
  });

  it('defaults raw to empty and still checks claim types', () => {
    expect(accessTokenFromClaims({ roles: ['A'] }).raw).toBe('');
    expect(() => accessTokenFromClaims({ exp: 'soon' })).toThrow(TokenFormatError);
  });
});

describe('isExpired / isNotYetValid', () => {
  const token = decodeAccessToken(jwt(appClaims));
  const exp = new Date('2026-01-01T11:00:00Z').getTime();

  it('allows 5 minutes of clock skew by default', () => {
    expect(isExpired(token, new Date(exp - 1000))).toBe(false);
    expect(isExpired(token, new Date(exp + 300_000))).toBe(false);
    expect(isExpired(token, new Date(exp + 300_001))).toBe(true);
  });

  it('takes an explicit skew', () => {
    expect(isExpired(token, new Date(exp + 1000), 0)).toBe(true);
    expect(isExpired(token, new Date(exp + 1000), 2)).toBe(false);
  });

  it('treats a token without exp as not expired, and uses the current time by default', () => {
    expect(isExpired(decodeAccessToken(jwt({ scp: 'x' })))).toBe(false);
    expect(isExpired(token)).toBe(true);
  });

  it('checks nbf with the same skew', () => {
    const nbf = new Date('2026-01-01T10:00:00Z').getTime();
    expect(isNotYetValid(token, new Date(nbf - 300_000))).toBe(false);
    expect(isNotYetValid(token, new Date(nbf - 300_001))).toBe(true);
    expect(isNotYetValid(decodeAccessToken(jwt({ scp: 'x' })), new Date(0))).toBe(false);
  });

  it('rejects an invalid date or skew with InvalidArgumentError', () => {
    expect(() => isExpired(token, new Date('nope'))).toThrow(InvalidArgumentError);
    expect(() => isExpired(token, new Date(), -1)).toThrow(/skewSeconds/);
    expect(() => isNotYetValid(token, new Date(), Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('bearerTokenOf', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['BEARER   abc  ', 'abc'],
    ['  Bearer abc', 'abc'],
  ])('extracts the token from %j', (header, expected) => {
    expect(bearerTokenOf(header)).toBe(expected);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearerabc', 'Bearer a b', 'abc.def.ghi'])(
    'answers undefined for %j',
    (header) => {
      expect(bearerTokenOf(header)).toBeUndefined();
    },
  );
});
