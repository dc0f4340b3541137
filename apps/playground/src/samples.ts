/**
 * One sample per scenario of the core's catalog: the error response comes from the core
 * (graphErrorResponse / tokenErrorResponse), the token is built here as an unsigned JWT whose claims
 * fit the scenario, and the request is one that scenario typically happens on.
 */
import {
  consumersTenantId,
  getScenario,
  graphErrorResponse,
  tokenErrorResponse,
  type ErrorResponseSpec,
  type HttpMethod,
  type ScenarioId,
  type Workload,
} from '@graph-authz/core';
import { emptyState, type PageState } from './state.js';
import { unsignedJwt } from './unsigned-jwt.js';

/** Made-up ids in the style of Microsoft's docs: no real tenant, app or user. */
export const sampleIds = {
  tenant: 'aaaabbbb-0000-cccc-1111-dddd2222eeee',
  app: '00001111-aaaa-2222-bbbb-3333cccc4444',
  user: 'bbbbcccc-1111-dddd-2222-eeee3333ffff',
  servicePrincipal: 'cccc4444-dddd-5555-eeee-6666ffff7777',
} as const;

const graphAudience = 'https://graph.microsoft.com';
const graphBase = 'https://graph.microsoft.com/v1.0';

type TokenMaker = (now: Date) => string | undefined;

interface SampleSetup {
  readonly token: TokenMaker;
  readonly method: HttpMethod;
  readonly url: string;
  /** Which flavour of 403 Graph answers for this request's workload. */
  readonly workload?: Workload;
  /** The scope slot of a token-endpoint description: what the app asked for. */
  readonly scope?: string;
}

/** The directory role template every member user holds (shows up in wids of plain users). */
const memberRoleTemplateId = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

function baseClaims(now: Date): Record<string, unknown> {
  const seconds = Math.floor(now.getTime() / 1000);
  return {
    aud: graphAudience,
    iss: `https://sts.windows.net/${sampleIds.tenant}/`,
    iat: seconds - 300,
    nbf: seconds - 300,
    exp: seconds + 3600,
    appid: sampleIds.app,
    app_displayname: 'Contoso sample app',
    tid: sampleIds.tenant,
    ver: '1.0',
  };
}

/** A delegated token (scp) of a work account, with `extra` claims overriding the defaults. */
export function delegatedToken(scopes: string, extra: Record<string, unknown> = {}): TokenMaker {
  return (now) =>
    unsignedJwt({
      ...baseClaims(now),
      idtyp: 'user',
      oid: sampleIds.user,
      upn: 'adele@contoso.example',
      name: 'Adele Vance',
      scp: scopes,
      ...extra,
    });
}

/** An app-only token (roles), with `extra` claims overriding the defaults. */
export function appToken(roles: readonly string[], extra: Record<string, unknown> = {}): TokenMaker {
  return (now) => unsignedJwt({ ...baseClaims(now), idtyp: 'app', oid: sampleIds.servicePrincipal, roles, ...extra });
}

const noToken: TokenMaker = () => undefined;
const hourAgo = (now: Date) => Math.floor(now.getTime() / 1000) - 3600;

/** Every scenario has a setup (the Record type makes a missing one a compile error). */
const setups: Readonly<Record<ScenarioId, SampleSetup>> = {
  'missing-token': { token: noToken, method: 'GET', url: `${graphBase}/me` },
  'malformed-token': { token: () => 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0', method: 'GET', url: `${graphBase}/me` },
  'invalid-token': { token: (now) => unsignedJwt({ ...baseClaims(now), idtyp: 'app' }), method: 'GET', url: `${graphBase}/users` },
  'expired-token': {
    token: (now) => delegatedToken('User.Read', { exp: hourAgo(now), iat: hourAgo(now) - 3600, nbf: hourAgo(now) - 3600 })(now),
    method: 'GET',
    url: `${graphBase}/me`,
  },
  'wrong-audience': { token: delegatedToken('User.Read', { aud: 'https://graph.windows.net' }), method: 'GET', url: `${graphBase}/me` },
  'personal-account-not-supported': {
    token: delegatedToken('User.Read Group.Read.All', {
      tid: consumersTenantId,
      iss: `https://sts.windows.net/${consumersTenantId}/`,
      upn: undefined,
      email: 'adele@outlook.example',
    }),
    method: 'GET',
    url: `${graphBase}/groups`,
  },
  'insufficient-permissions': { token: delegatedToken('User.Read'), method: 'GET', url: `${graphBase}/users` },
  // findMeetingTimes has no application permission: an app-only token cannot call it at all.
  'permission-type-mismatch': {
    token: appToken(['Calendars.ReadWrite']),
    method: 'POST',
    url: `${graphBase}/users/${sampleIds.user}/findMeetingTimes`,
    workload: 'outlook',
  },
  'app-only-password-reset': {
    token: appToken(['UserAuthenticationMethod.ReadWrite.All']),
    method: 'POST',
    url: `${graphBase}/users/${sampleIds.user}/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword`,
  },
  'delegated-only-endpoint': { token: appToken(['User.Read.All']), method: 'GET', url: `${graphBase}/me` },
  'user-not-authorized': {
    // wids holds only the "member" role template: the user is no User Administrator.
    token: delegatedToken('User.ReadWrite.All', { wids: [memberRoleTemplateId] }),
    method: 'PATCH',
    url: `${graphBase}/users/${sampleIds.user}`,
  },
  'claims-challenge': { token: delegatedToken('User.Read', { xms_cc: ['CP1'] }), method: 'GET', url: `${graphBase}/me` },
  'interaction-required': { token: noToken, method: 'GET', url: `${graphBase}/me` },
  'consent-required': { token: noToken, method: 'GET', url: `${graphBase}/me/messages` },
  'invalid-scope-for-flow': { token: noToken, method: 'GET', url: `${graphBase}/users`, scope: 'User.Read.All' },
  'multiple-resources': {
    token: noToken,
    method: 'GET',
    url: `${graphBase}/me`,
    scope: 'https://graph.microsoft.com/User.Read https://management.azure.com/user_impersonation',
  },
};

/** The page state that shows `scenario`: its response made by the core, a fitting token and request. */
export function buildSample(scenario: ScenarioId, now: Date): PageState {
  const setup = setups[scenario];
  const response = responseOf(scenario, setup, now);
  return {
    ...emptyState,
    status: String(response.status),
    headers: Object.entries(response.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    body: JSON.stringify(response.body, null, 2),
    token: setup.token(now) ?? '',
    method: setup.method,
    url: setup.url,
  };
}

function responseOf(scenario: ScenarioId, setup: SampleSetup, now: Date): ErrorResponseSpec<unknown> {
  // Ids passed in: left to the core they come from crypto.randomUUID, which browsers offer only
  // on https and localhost, and the page must also work from a plain-http share.
  if (getScenario(scenario).side === 'graph') {
    const ids = { date: now, requestId: randomUuid(), clientRequestId: randomUuid() };
    return graphErrorResponse(scenario, setup.workload === undefined ? ids : { ...ids, workload: setup.workload });
  }
  const values = { appId: sampleIds.app, appName: 'Contoso sample app', scope: setup.scope ?? 'User.Read' };
  return tokenErrorResponse(scenario, { timestamp: now, tenantId: sampleIds.tenant, traceId: randomUuid(), correlationId: randomUuid(), values });
}

/** A random version-4 UUID from getRandomValues, which (unlike randomUUID) works in any context. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
