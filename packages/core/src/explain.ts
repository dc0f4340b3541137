/**
 * Explaining an error response someone received: recognise the payload, then use the token and
 * the request (when known) to say which scenario it is and what the evidence is. When neither
 * payload nor context decides, it says so instead of guessing.
 */
import { requiredPermissions } from './catalog.js';
import { GraphAuthzError, InvalidArgumentError } from './errors.js';
import { evaluate, type EvaluationContext, type GraphRequest } from './evaluate.js';
import { permissionsOf } from './evaluate/permissions.js';
import {
  graphScenarioOf, payloadOf, tokenScenarioOf,
  type GraphErrorPayload, type Payload, type ReceivedResponse, type TokenErrorPayload,
} from './explain/recognise.js';
import { getScenario, type DocLink } from './scenarios/catalog.js';
import { docs } from './scenarios/docs.js';
import { decodeAccessToken, type AccessToken } from './token.js';
import type { ScenarioId } from './types.js';

export type { ReceivedResponse } from './explain/recognise.js';

/** The token and request when known, plus the facts `evaluate` judges by (the user's roles and licences, CAE state). */
export interface ExplainContext extends EvaluationContext {
  token?: string | AccessToken;
  request?: GraphRequest;
}

export interface Evidence {
  source: 'status' | 'body' | 'header' | 'token' | 'request';
  field: string;
  value: string;
  note: string;
}

export interface Explanation {
  scenario: ScenarioId | undefined;
  title: string;
  evidence: readonly Evidence[];
  fix: string | undefined;
  docs: readonly DocLink[];
  summary: string;
}

/** Scenarios whose status the payload's status must match for context to override the payload. */
const forbiddenScenarios: readonly ScenarioId[] = [
  'insufficient-permissions', 'permission-type-mismatch', 'app-only-password-reset', 'user-not-authorized',
];

export function explain(response: ReceivedResponse, context: ExplainContext = {}): Explanation {
  assertResponse(response);
  const payload = payloadOf(response);
  const evidence: Evidence[] = [{ source: 'status', field: 'status', value: String(response.status), note: statusNote(response.status) }];
  evidence.push(...payloadEvidence(payload));
  const { request } = context;
  if (request !== undefined) {
    evidence.push({ source: 'request', field: 'request', value: `${request.method.toUpperCase()} ${request.url}`, note: 'The request that got this response.' });
  }
  const token = tokenOf(context.token, evidence);
  if (payload.side === 'token-endpoint') return explainTokenEndpoint(payload, evidence);
  const byPayload = graphScenarioOf(response.status, payload);
  const judged = judgeWithContext(response.status, context, token);
  const scenario = sharpen(response.status, byPayload, judged);
  addTokenEvidence(scenario ?? (response.status === 403 ? 'insufficient-permissions' : undefined), token, context.request, evidence);
  if (scenario === undefined) return unknownGraph(response.status, payload, evidence);
  // The judgement's reason and fix name this very call; use them when they are about this scenario.
  const fromJudgement = judged?.scenario === scenario ? judged : undefined;
  return known(scenario, evidence, fromJudgement?.reason, fromJudgement?.fix);
}

function assertResponse(response: unknown): asserts response is ReceivedResponse {
  const status = typeof response === 'object' && response !== null ? (response as { status?: unknown }).status : undefined;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    throw new InvalidArgumentError('response.status', 'explain needs a response with an integer status.');
  }
}

function statusNote(status: number): string {
  if (status === 401) return 'Graph did not accept the token (authentication).';
  if (status === 403) return 'Graph accepted the token but refused the operation (authorization).';
  if (status === 400) return 'The request was refused as malformed or invalid.';
  return 'Not a status the authorization scenarios produce.';
}

function payloadEvidence(payload: Payload): Evidence[] {
  if (payload.side === 'token-endpoint') return tokenPayloadEvidence(payload);
  const items: Evidence[] = [];
  if (payload.code !== undefined) items.push({ source: 'body', field: 'error.code', value: payload.code, note: 'The error code Graph sent.' });
  if (payload.message !== undefined) items.push({ source: 'body', field: 'error.message', value: payload.message, note: 'The message Graph sent.' });
  if (payload.wwwAuthenticate !== undefined) {
    items.push({ source: 'header', field: 'www-authenticate', value: payload.wwwAuthenticate, note: 'The challenge Graph sent with the 401.' });
  }
  if (payload.challengeClaims !== undefined) {
    items.push({ source: 'header', field: 'www-authenticate claims', value: payload.challengeClaims, note: 'The decoded claims to request in the next token (pass them as MSAL claims).' });
  }
  return items;
}

function tokenPayloadEvidence(payload: TokenErrorPayload): Evidence[] {
  const items: Evidence[] = [{ source: 'body', field: 'error', value: payload.error, note: 'The OAuth error the token endpoint sent.' }];
  if (payload.aadsts !== undefined) items.push({ source: 'body', field: 'error_codes', value: `AADSTS${String(payload.aadsts)}`, note: 'The Entra ID error code.' });
  if (payload.suberror !== undefined) items.push({ source: 'body', field: 'suberror', value: payload.suberror, note: 'What the user must do next.' });
  if (payload.claims !== undefined) items.push({ source: 'body', field: 'claims', value: payload.claims, note: 'Claims to pass to the next interactive token request.' });
  if (payload.description !== undefined) items.push({ source: 'body', field: 'error_description', value: payload.description, note: 'The token endpoint\'s explanation.' });
  return items;
}

function tokenOf(token: string | AccessToken | undefined, evidence: Evidence[]): AccessToken | undefined {
  if (token === undefined || typeof token !== 'string') return token;
  try {
    return decodeAccessToken(token);
  } catch (error) {
    if (!(error instanceof GraphAuthzError)) throw error;
    evidence.push({ source: 'token', field: 'token', value: `${token.slice(0, 16)}…`, note: `Not a JWT: ${error.message}` });
    return undefined;
  }
}

interface Judgement {
  readonly scenario: ScenarioId | undefined;
  readonly reason: string | undefined;
  readonly fix?: string;
}

/** What evaluate says of the request and token, when both are known; undefined otherwise. */
function judgeWithContext(status: number, context: ExplainContext, token: AccessToken | undefined): Judgement | undefined {
  const { request } = context;
  if (request === undefined || context.token === undefined) return undefined;
  if (token === undefined) return { scenario: status === 401 ? 'malformed-token' : undefined, reason: 'The token is not a JWT.' };
  try {
    const now = judgementTime(status, context, token);
    const verdict = evaluate(request, token, now === undefined ? context : { ...context, now });
    return verdict.ok ? { scenario: undefined, reason: undefined } : { scenario: verdict.scenario, reason: verdict.reason, fix: verdict.fix };
  } catch (error) {
    if (error instanceof GraphAuthzError) return undefined;
    throw error;
  }
}

/**
 * When to judge the token's lifetime. A 401 may be about it, so at `now`. Past a 400 or 403, Graph had
 * accepted the token, so it was valid when sent, whenever the caller asks: judge it while it was
 * valid (from its nbf or iat), or an old token would read as expired-token instead of the real cause.
 */
function judgementTime(status: number, context: ExplainContext, token: AccessToken): Date | undefined {
  if (context.now !== undefined || status === 401) return context.now;
  return token.notBefore ?? token.issuedAt ?? context.now;
}

/**
 * Payload first, context to sharpen: a generic 401 or any 403 takes the scenario evaluate finds
 * when its status agrees; a specific payload (expired, audience, /me, CAE) stands on its own.
 */
function sharpen(status: number, byPayload: ScenarioId | undefined, judged: Judgement | undefined): ScenarioId | undefined {
  const judgedScenario = judged?.scenario;
  // A context-derived scenario only explains a response of its own status.
  if (judgedScenario === undefined || getScenario(judgedScenario).status !== status) return byPayload;
  const generic: readonly (ScenarioId | undefined)[] = [undefined, 'invalid-token', 'app-only-password-reset'];
  return generic.includes(byPayload) ? judgedScenario : byPayload;
}

function addTokenEvidence(scenario: ScenarioId | undefined, token: AccessToken | undefined, request: GraphRequest | undefined, evidence: Evidence[]): void {
  if (token === undefined || scenario === undefined) return;
  const add = (field: string, value: string, note: string) => evidence.push({ source: 'token', field, value, note });
  if (scenario === 'wrong-audience') add('aud', token.audience ?? '(missing)', 'Graph accepts only its own audience (https://graph.microsoft.com or 00000003-0000-0000-c000-000000000000).');
  if (scenario === 'expired-token') add('exp', token.expiresAt?.toISOString() ?? '(missing)', 'The token expired at this time.');
  if (scenario === 'personal-account-not-supported') add('tid', token.tenantId ?? '(missing)', 'The consumers tenant: a personal Microsoft account.');
  if (scenario === 'claims-challenge') add('xms_cc', token.clientCapabilities.join(' ') || '(none)', 'CP1 means the client declared it can answer claims challenges.');
  if (token.kind === 'none') return;
  if (forbiddenScenarios.includes(scenario) || scenario === 'delegated-only-endpoint') {
    const claim = token.kind === 'app' ? 'roles' : 'scp';
    add(claim, permissionsOf(token).join(' ') || '(none)', `The permissions this ${token.kind === 'app' ? 'app-only' : 'delegated'} token carries.`);
    const wouldGrant = wouldGrantOf(request);
    if (wouldGrant !== undefined) evidence.push({ source: 'request', field: 'would grant', value: wouldGrant, note: 'Permissions that grant this operation, by type (least privileged first).' });
  }
}

function wouldGrantOf(request: GraphRequest | undefined): string | undefined {
  if (request === undefined) return undefined;
  try {
    const required = requiredPermissions(request.method, request.url);
    if (required === undefined) return undefined;
    return Object.entries(required.schemes)
      .map(([scheme, requirement]) => `${scheme}: ${requirement.leastPrivileged.join(', ') || requirement.all.slice(0, 3).join(', ')}`)
      .join('; ');
  } catch (error) {
    if (error instanceof GraphAuthzError) return undefined;
    throw error;
  }
}

function known(id: ScenarioId, evidence: readonly Evidence[], reason: string | undefined, fix?: string): Explanation {
  const scenario = getScenario(id);
  return { scenario: id, title: scenario.title, evidence, fix: fix ?? scenario.fix, docs: scenario.docs, summary: `${scenario.title}. ${reason ?? scenario.cause}` };
}

/** Token-endpoint errors outside the scenarios, still worth a plain fix. */
const otherAadstsFixes: Readonly<Record<number, string>> = {
  7000215: 'Send the client secret\'s Value (shown once when created), not its Secret ID; create a new secret if it expired.',
  700016: 'Check the client id and the tenant in the authority: the app must be registered in (or consented to by) that tenant.',
};

function explainTokenEndpoint(payload: TokenErrorPayload, evidence: readonly Evidence[]): Explanation {
  const scenario = tokenScenarioOf(payload);
  if (scenario !== undefined) return known(scenario, evidence, payload.description?.split('\r\n')[0]);
  const code = payload.aadsts === undefined ? payload.error : `AADSTS${String(payload.aadsts)}`;
  const fix = payload.aadsts === undefined ? undefined : otherAadstsFixes[payload.aadsts];
  return {
    scenario: undefined,
    title: `Token endpoint error ${code}`,
    evidence,
    fix,
    docs: [docs.aadstsCodes],
    summary: `The token endpoint refused the request (${code}): ${payload.description?.split('\r\n')[0] ?? payload.error}. It is not one of the authorization scenarios of the catalog.`,
  };
}

function unknownGraph(status: number, payload: GraphErrorPayload, evidence: readonly Evidence[]): Explanation {
  const what = payload.code === undefined ? `HTTP ${String(status)}` : `HTTP ${String(status)} ${payload.code}`;
  const hint = status === 403
    ? ' A 403 can be a missing permission, a permission of the wrong type, a password operation or the user\'s missing role; pass the token and the request to tell which.'
    : '';
  return {
    scenario: undefined,
    title: `Cannot tell: ${what}`,
    evidence,
    fix: undefined,
    docs: [docs.graphErrors, docs.resolveAuthErrors],
    summary: `Cannot tell which scenario this ${what} is${payload.message === undefined ? '' : ` ("${payload.message}")`}.${hint}`,
  };
}
