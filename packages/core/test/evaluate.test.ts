import { describe, expect, it } from 'vitest';
import {
  consumersTenantId, decodeAccessToken, directoryRoleTemplateIds, evaluate, explain, graphErrorResponse, InvalidArgumentError, InvalidUrlError,
  type AccessToken, type EvaluationContext, type GraphRequest, type ScenarioId,
} from '../src/index.js';
import { appToken, delegatedToken, now, signToken } from './tokens.js';

const graph = 'https://graph.microsoft.com/v1.0';
const seconds = Math.floor(now.getTime() / 1000);
const resetPasswordUrl = `${graph}/users/adele@contoso.com/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword`;

interface Case {
  readonly request: GraphRequest;
  readonly token: string | undefined;
  readonly context?: EvaluationContext;
  readonly variant?: string;
}

// One realistic request + token per Graph-side scenario.
const cases: Record<Exclude<ScenarioId, 'interaction-required' | 'consent-required' | 'invalid-scope-for-flow' | 'multiple-resources'>, Case> = {
  'missing-token': { request: { method: 'GET', url: `${graph}/me`, headers: { authorization: 'Bearer ' } }, token: undefined },
  'malformed-token': { request: { method: 'GET', url: `${graph}/me` }, token: 'EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z' },
  'invalid-token': { request: { method: 'GET', url: `${graph}/me` }, token: await signToken({ aud: 'https://graph.microsoft.com', exp: seconds + 3600, tid: 't' }) },
  'expired-token': { request: { method: 'GET', url: `${graph}/me` }, token: await delegatedToken('User.Read', { exp: seconds - 3600 }) },
  'wrong-audience': { request: { method: 'GET', url: `${graph}/users` }, token: await appToken(['User.Read.All'], { aud: 'https://graph.windows.net' }) },
  'personal-account-not-supported': { request: { method: 'GET', url: `${graph}/auditLogs/signIns` }, token: await delegatedToken('AuditLog.Read.All', { tid: consumersTenantId }) },
  'insufficient-permissions': { request: { method: 'GET', url: `${graph}/me/messages` }, token: await delegatedToken('User.Read'), variant: 'outlook' },
  'permission-type-mismatch': { request: { method: 'GET', url: `${graph}/me/messages` }, token: await delegatedToken('User.Read Mail.ReadBasic.All'), variant: 'outlook' },
  'app-only-password-reset': { request: { method: 'POST', url: resetPasswordUrl, body: { newPassword: 'x' } }, token: await appToken(['UserAuthenticationMethod.ReadWrite.All']), variant: 'directory' },
  'delegated-only-endpoint': { request: { method: 'GET', url: `${graph}/me` }, token: await appToken(['User.Read.All']) },
  // wids b79fbf4d-…: the default User role every member gets; no admin role.
  'user-not-authorized': { request: { method: 'POST', url: `${graph}/users`, body: { displayName: 'x' } }, token: await delegatedToken('User.ReadWrite.All', { wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'] }), variant: 'directory' },
  'claims-challenge': { request: { method: 'GET', url: `${graph}/me` }, token: await delegatedToken('User.Read', { xms_cc: ['CP1'] }), context: { sessionRevoked: true } },
};

describe('evaluate: one realistic case per Graph scenario, round-tripped through the catalog and explain', () => {
  it.each(Object.entries(cases))('%s', (id, { request, token, context, variant }) => {
    const verdict = evaluate(request, token, { now, ...context });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.scenario).toBe(id);
    expect(verdict.variant).toBe(variant ?? verdict.variant);
    expect(verdict.reason.length).toBeGreaterThan(20);
    const response = graphErrorResponse(verdict.scenario, verdict.variant === undefined ? {} : { variant: verdict.variant });
    expect(response.status).toBe(verdict.status);
    expect(response.body.error).toMatchObject({ code: verdict.code, message: verdict.message });
    const explanation = explain(response, { request, now, ...(token === undefined ? {} : { token }) });
    expect(explanation.scenario).toBe(id);
    expect(explanation.fix).toBe(verdict.fix);
  });
});

describe('evaluate: allowed calls', () => {
  it('answers the granting permissions, the scheme and the template', async () => {
    const verdict = evaluate({ method: 'GET', url: `${graph}/users?$select=id` }, await appToken(['User.Read.All', 'Mail.Send']), { now });
    expect(verdict).toEqual({ ok: true, grantedBy: ['User.Read.All'], scheme: 'Application', template: '/users' });
  });

  it('reads the token from the Authorization header (Headers or record, any case)', async () => {
    const token = await delegatedToken('User.Read');
    expect(evaluate({ method: 'get', url: '/me', headers: new Headers({ Authorization: `Bearer ${token}` }) }, undefined, { now }).ok).toBe(true);
    expect(evaluate({ method: 'GET', url: '/me', headers: { AUTHORIZATION: `bearer ${token}` } }, undefined, { now }).ok).toBe(true);
    expect(evaluate({ method: 'GET', url: '/me' }, undefined, { now })).toMatchObject({ ok: false, scenario: 'missing-token' });
  });

  it('accepts a decoded token, national-cloud audiences and the Graph app id as aud', async () => {
    const decoded: AccessToken = decodeAccessToken(await delegatedToken('User.Read', { aud: 'https://graph.microsoft.us/' }));
    expect(evaluate({ method: 'GET', url: 'https://graph.microsoft.us/v1.0/me' }, decoded, { now }).ok).toBe(true);
    expect(evaluate({ method: 'GET', url: `${graph}/me` }, await delegatedToken('User.Read', { aud: '00000003-0000-0000-c000-000000000000' }), { now }).ok).toBe(true);
  });

  it('allows an operation the catalog does not know, with no grant', async () => {
    expect(evaluate({ method: 'GET', url: `${graph}/notARealSegment/x` }, await delegatedToken('User.Read'), { now })).toEqual({ ok: true, grantedBy: [], scheme: undefined, template: undefined });
  });

  it('throws a typed error for a URL that is not Graph', async () => {
    const token = await delegatedToken('User.Read');
    expect(() => evaluate({ method: 'GET', url: 'https://example.com/v1.0/me' }, token, { now })).toThrow(InvalidUrlError);
  });
});

describe('evaluate: lifetime', () => {
  it('tolerates 5 minutes of clock skew by default, and honours clockSkewSeconds', async () => {
    const token = await delegatedToken('User.Read', { exp: seconds - 120 });
    expect(evaluate({ method: 'GET', url: '/me' }, token, { now }).ok).toBe(true);
    expect(evaluate({ method: 'GET', url: '/me' }, token, { now, clockSkewSeconds: 60 })).toMatchObject({ scenario: 'expired-token', status: 401 });
  });

  it('refuses a token not yet valid (nbf in the future)', async () => {
    const token = await delegatedToken('User.Read', { nbf: seconds + 3600 });
    expect(evaluate({ method: 'GET', url: '/me' }, token, { now })).toMatchObject({ scenario: 'expired-token' });
  });

  it('checks the audience before the lifetime, as Graph does', async () => {
    const token = await delegatedToken('User.Read', { exp: seconds - 3600, aud: 'https://outlook.office.com' });
    expect(evaluate({ method: 'GET', url: '/me' }, token, { now })).toMatchObject({ scenario: 'wrong-audience' });
  });
});

describe('evaluate: permissions', () => {
  it('names the least-privileged permission and the workload flavour in an insufficient-permissions answer', async () => {
    const verdict = evaluate({ method: 'GET', url: `${graph}/users/x/drive/root/children` }, await appToken(['User.Read.All']), { now });
    expect(verdict).toMatchObject({ ok: false, scenario: 'insufficient-permissions', code: 'accessDenied', variant: 'files' });
    expect(!verdict.ok && verdict.reason).toContain('least privileged: Files.Read.All');
    expect(!verdict.ok && verdict.fix).toMatch(/^For this call grant Files\.Read\.All \(an application permission; needs admin consent\)/);
    const directory = evaluate({ method: 'GET', url: `${graph}/users` }, await appToken(['Mail.Send']), { now });
    expect(directory).toMatchObject({ scenario: 'insufficient-permissions', code: 'Authorization_RequestDenied' });
    const forced = evaluate({ method: 'GET', url: `${graph}/users` }, await appToken(['Mail.Send']), { now, workload: 'outlook' });
    expect(forced).toMatchObject({ code: 'ErrorAccessDenied', variant: 'outlook' });
  });

  it('calls an app token holding only delegated-only permissions a type mismatch', async () => {
    const verdict = evaluate({ method: 'GET', url: `${graph}/users/x/drive/root/children` }, await appToken(['Files.Read']), { now });
    expect(verdict).toMatchObject({ scenario: 'permission-type-mismatch', status: 403, variant: 'files' });
  });

  it('names a delegated permission held in roles once, though it grants under two delegated schemes', async () => {
    const verdict = evaluate({ method: 'GET', url: `${graph}/users/adele@contoso.com` }, await appToken(['User.Read']), { now });
    expect(verdict).toMatchObject({ scenario: 'permission-type-mismatch' });
    expect(!verdict.ok && verdict.reason).toContain('roles hold User.Read, which grant');
  });

  it('calls a delegated token on an application-only operation a type mismatch', async () => {
    const verdict = evaluate({ method: 'GET', url: `${graph}/users/x/chats/getAllMessages` }, await delegatedToken('Chat.Read Chat.ReadWrite'), { now });
    expect(verdict).toMatchObject({ scenario: 'permission-type-mismatch', variant: 'directory' });
    expect(!verdict.ok && verdict.reason).toContain('no DelegatedWork permission');
    expect(!verdict.ok && verdict.fix).toMatch(/^This operation needs an app-only flow \(client credentials\), with Chat\.Read\.All/);
  });

  it('judges a personal account under DelegatedPersonal', async () => {
    const token = await delegatedToken('Mail.Read', { tid: consumersTenantId });
    expect(evaluate({ method: 'GET', url: `${graph}/me/messages` }, token, { now })).toMatchObject({ ok: true, scheme: 'DelegatedPersonal' });
  });
});

describe('evaluate: password operations', () => {
  const patch = (body: unknown): GraphRequest => ({ method: 'PATCH', url: `${graph}/users/adele@contoso.com`, body });

  it('refuses app-only changePassword and passwordProfile without the permission and a role', async () => {
    const change = evaluate({ method: 'POST', url: `${graph}/users/x/changePassword` }, await appToken(['User.ReadWrite.All']), { now });
    expect(change).toMatchObject({ scenario: 'app-only-password-reset', variant: 'change-password', message: 'Access to change password operation is denied.' });
    const noPermission = evaluate(patch({ passwordProfile: { password: 'x' } }), await appToken(['User.ReadWrite.All']), { now, appDirectoryRoles: ['User Administrator'] });
    expect(noPermission).toMatchObject({ scenario: 'app-only-password-reset' });
    const noRole = evaluate(patch('{"PasswordProfile":{"password":"x"}}'), await appToken(['User-PasswordProfile.ReadWrite.All']), { now });
    expect(noRole).toMatchObject({ scenario: 'app-only-password-reset' });
    expect(!noRole.ok && noRole.reason).toContain('directory role');
  });

  it('allows app-only passwordProfile with User-PasswordProfile.ReadWrite.All and a role (name, template id or wids)', async () => {
    const token = await appToken(['User-PasswordProfile.ReadWrite.All']);
    expect(evaluate(patch({ passwordProfile: {} }), token, { now, appDirectoryRoles: ['user administrator'] })).toMatchObject({ ok: true, grantedBy: ['User-PasswordProfile.ReadWrite.All'] });
    expect(evaluate(patch({ passwordProfile: {} }), token, { now, appDirectoryRoles: [directoryRoleTemplateIds['Privileged Authentication Administrator']] }).ok).toBe(true);
    const withWids = await appToken(['User-PasswordProfile.ReadWrite.All'], { wids: [directoryRoleTemplateIds['User Administrator']] });
    expect(evaluate(patch({ passwordProfile: {} }), withWids, { now }).ok).toBe(true);
    // Without passwordProfile the same PATCH is an ordinary update.
    expect(evaluate(patch({ displayName: 'x' }), await appToken(['User.ReadWrite.All']), { now }).ok).toBe(true);
  });

  it('lets a delegated admin reset a password and refuses a user without the role', async () => {
    const token = await delegatedToken('UserAuthenticationMethod.ReadWrite.All');
    const request: GraphRequest = { method: 'POST', url: resetPasswordUrl, body: {} };
    expect(evaluate(request, token, { now, user: { directoryRoles: ['Authentication Administrator'] } }).ok).toBe(true);
    expect(evaluate(request, token, { now, user: { directoryRoles: ['Groups Administrator'] } })).toMatchObject({ scenario: 'user-not-authorized' });
    expect(evaluate({ method: 'POST', url: `${graph}/me/changePassword` }, await delegatedToken('User-PasswordProfile.ReadWrite.All'), { now }).ok).toBe(true);
  });
});

describe('evaluate: the signed-in user\'s privilege and licence', () => {
  it('takes the user\'s roles from context or from wids, and leaves an unknown user unjudged', async () => {
    const request: GraphRequest = { method: 'POST', url: `${graph}/groups`, body: {} };
    const token = await delegatedToken('Group.ReadWrite.All');
    expect(evaluate(request, token, { now })).toMatchObject({ ok: true });
    expect(evaluate(request, token, { now, user: { directoryRoles: ['Groups Administrator'] } }).ok).toBe(true);
    expect(evaluate(request, await delegatedToken('Group.ReadWrite.All', { wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'] }), { now })).toMatchObject({ scenario: 'user-not-authorized' });
    expect(evaluate(request, await delegatedToken('Group.ReadWrite.All', { wids: [directoryRoleTemplateIds['Global Administrator']] }), { now }).ok).toBe(true);
  });

  it('refuses Outlook calls for a user without a mailbox or licence', async () => {
    const token = await delegatedToken('Mail.Read');
    expect(evaluate({ method: 'GET', url: `${graph}/me/messages` }, token, { now, user: { hasMailbox: false } })).toMatchObject({ scenario: 'user-not-authorized', code: 'ErrorAccessDenied' });
    expect(evaluate({ method: 'GET', url: `${graph}/me/messages` }, token, { now, user: { licenses: [] } })).toMatchObject({ scenario: 'user-not-authorized' });
    expect(evaluate({ method: 'GET', url: `${graph}/me/messages` }, token, { now, user: { licenses: ['EXCHANGESTANDARD'] } }).ok).toBe(true);
  });
});

describe('evaluate: continuous access evaluation', () => {
  it('challenges only CAE-capable tokens; others work until they expire', async () => {
    expect(evaluate({ method: 'GET', url: '/me' }, await delegatedToken('User.Read'), { now, sessionRevoked: true }).ok).toBe(true);
    expect(evaluate({ method: 'GET', url: '/me' }, await delegatedToken('User.Read', { xms_cc: ['cp1'] }), { now, sessionRevoked: true })).toMatchObject({ scenario: 'claims-challenge', status: 401 });
    expect(evaluate({ method: 'GET', url: '/me' }, await delegatedToken('User.Read', { xms_cc: ['CP1'] }), { now }).ok).toBe(true);
  });

  it('challenges a CAE-capable token when a policy demands claims', async () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    const verdict = evaluate({ method: 'GET', url: '/me' }, await delegatedToken('User.Read', { xms_cc: ['CP1'] }), { now, claimsChallenge: claims });
    expect(verdict).toMatchObject({ scenario: 'claims-challenge' });
    expect(graphErrorResponse('claims-challenge', { claims }).headers['www-authenticate']).toContain(btoa(claims));
  });
});

describe('evaluate: bad input', () => {
  it('throws typed errors naming the argument', async () => {
    const token = await delegatedToken('User.Read');
    expect(() => evaluate({ method: 'FETCH', url: '/me' }, token)).toThrow(InvalidArgumentError);
    expect(() => evaluate({ method: 'GET', url: '' }, token)).toThrow(/request\.url/);
    expect(() => evaluate(null as unknown as GraphRequest, token)).toThrow(InvalidArgumentError);
  });

  it('calls a JWT with a claim of the wrong type invalid, and a junk string malformed', async () => {
    expect(evaluate({ method: 'GET', url: '/me' }, await signToken({ aud: 'https://graph.microsoft.com', ...(JSON.parse('{"exp":"soon"}') as object) }), { now })).toMatchObject({ scenario: 'invalid-token' });
    expect(evaluate({ method: 'GET', url: '/me' }, 'a.b', { now })).toMatchObject({ scenario: 'malformed-token', variant: 'no-dots' });
    expect(evaluate({ method: 'GET', url: '/me' }, '   ', { now })).toMatchObject({ scenario: 'missing-token' });
  });
});
