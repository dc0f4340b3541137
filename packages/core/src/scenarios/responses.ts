/**
 * The exact responses Graph and the token endpoint send for each scenario. These builders are
 * the single source the MSW handlers, the CLI and the playground reuse.
 */
import { InvalidArgumentError } from '../errors.js';
import type { ScenarioId, Workload } from '../types.js';
import { aadstsErrors, getScenario, type GraphErrorVariant, type GraphScenario } from './catalog.js';

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export interface TokenErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

export interface ErrorResponseSpec<B> {
  status: number;
  headers: Record<string, string>;
  body: B;
}

export interface GraphErrorOptions {
  /** A variant key of the scenario (e.g. `outlook`); wins over `workload`. */
  variant?: string;
  /** Picks the 403 flavour of that workload. */
  workload?: Workload;
  requestId?: string;
  clientRequestId?: string;
  date?: Date;
  /** The claims request JSON of a claims challenge; default: an nbf challenge at `date`. */
  claims?: string;
  /** Overrides the message (keeps code and status). */
  message?: string;
}

export interface TokenErrorOptions {
  traceId?: string;
  correlationId?: string;
  timestamp?: Date;
  /** Claims the client must request next (a Conditional Access challenge). */
  claims?: string;
  suberror?: string;
  /** Replaces the whole description text after `AADSTSnnnn: `. */
  detail?: string;
  tenantId?: string;
  /** Values for the `{resource}`, `{scope}`, `{appId}`, `{appName}`, `{tenant}` slots of the description. */
  values?: Readonly<Record<string, string>>;
}

const graphAppId = '00000003-0000-0000-c000-000000000000';
const authorizationUri = 'https://login.microsoftonline.com/common/oauth2/authorize';

/** The WWW-Authenticate header every Graph 401 carries. */
export const graphBearerChallenge = `Bearer realm="", authorization_uri="${authorizationUri}", client_id="${graphAppId}"`;

/** The WWW-Authenticate header of a CAE claims challenge; `claims` is the JSON claims request. */
export function claimsChallengeHeader(claims: string): string {
  return `Bearer realm="", authorization_uri="${authorizationUri}", error="insufficient_claims", claims="${base64OfUtf8(claims)}"`;
}

/** Standard base64 (with padding, as Graph sends it) of UTF-8 text; no Buffer so browsers can run it. */
function base64OfUtf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The claims request Graph sends after a revocation: a token issued after `date` is needed. */
export function revocationClaims(date: Date): string {
  const epoch = String(Math.floor(date.getTime() / 1000));
  return JSON.stringify({ access_token: { nbf: { essential: true, value: epoch } } });
}

/** Graph's innerError date: ISO 8601 in UTC without milliseconds or zone. */
function graphDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** The token endpoint's timestamp: `2024-01-01 00:00:00Z`. */
function stsTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 19)}Z`;
}

function graphScenarioOf(id: ScenarioId): GraphScenario {
  const scenario = getScenario(id);
  if (scenario.side !== 'graph') {
    throw new InvalidArgumentError('id', `Scenario "${id}" happens at the token endpoint; build it with tokenErrorResponse.`);
  }
  return scenario;
}

function defaultVariant(scenario: GraphScenario): GraphErrorVariant {
  return scenario.variants[0] ?? { key: 'default', status: scenario.status, code: scenario.code, message: scenario.message };
}

function pickVariant(scenario: GraphScenario, options: GraphErrorOptions): GraphErrorVariant {
  const key = options.variant ?? options.workload;
  if (key === undefined) return defaultVariant(scenario);
  const found = scenario.variants.find((variant) => variant.key === key);
  if (found !== undefined) return found;
  // A workload only matters for the 403 flavours; other scenarios have one shape for every workload.
  if (options.variant === undefined) return defaultVariant(scenario);
  const keys = scenario.variants.map((variant) => variant.key).join(', ');
  throw new InvalidArgumentError('variant', `Scenario "${scenario.id}" has no variant "${key}" (known: ${keys}).`);
}

/**
 * A fresh v4 GUID for request-id, trace_id and correlation_id. Built on getRandomValues rather than
 * randomUUID, which browsers offer only in secure contexts (the playground may be served over http).
 */
function newGuid(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function graphErrorResponse(id: ScenarioId, options: GraphErrorOptions = {}): ErrorResponseSpec<GraphErrorBody> {
  const scenario = graphScenarioOf(id);
  const variant = pickVariant(scenario, options);
  const date = options.date ?? new Date();
  const requestId = options.requestId ?? newGuid();
  // Graph echoes the caller's client-request-id, and uses its request-id when none was sent.
  const clientRequestId = options.clientRequestId ?? requestId;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': requestId,
    'client-request-id': clientRequestId,
  };
  if (scenario.wwwAuthenticate === 'claims-challenge') {
    headers['www-authenticate'] = claimsChallengeHeader(options.claims ?? revocationClaims(date));
  } else if (variant.status === 401) {
    headers['www-authenticate'] = graphBearerChallenge;
  }
  const innerError = { date: graphDate(date), 'request-id': requestId, 'client-request-id': clientRequestId };
  return {
    status: variant.status,
    headers,
    body: { error: { code: variant.code, message: options.message ?? variant.message, innerError } },
  };
}

interface TokenErrorShape {
  aadsts: number;
  error: string;
  status: 400 | 401;
  description: string;
  suberror: string | undefined;
}

function tokenShapeOf(idOrAadsts: ScenarioId | number): TokenErrorShape {
  if (typeof idOrAadsts === 'number') {
    const known = aadstsErrors[idOrAadsts];
    if (known === undefined) {
      const codes = Object.keys(aadstsErrors).join(', ');
      throw new InvalidArgumentError('idOrAadsts', `AADSTS${String(idOrAadsts)} is not in the catalog (known: ${codes}).`);
    }
    return { aadsts: idOrAadsts, ...known };
  }
  const scenario = getScenario(idOrAadsts);
  if (scenario.side !== 'token-endpoint') {
    throw new InvalidArgumentError('idOrAadsts', `Scenario "${idOrAadsts}" happens on a Graph call; build it with graphErrorResponse.`);
  }
  return scenario;
}

/** Fills `{name}` slots; a slot without a value stays a readable placeholder. */
function fillSlots(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

export function tokenErrorResponse(idOrAadsts: ScenarioId | number, options: TokenErrorOptions = {}): ErrorResponseSpec<TokenErrorBody> {
  const shape = tokenShapeOf(idOrAadsts);
  const traceId = options.traceId ?? newGuid();
  const correlationId = options.correlationId ?? newGuid();
  const timestamp = stsTimestamp(options.timestamp ?? new Date());
  const values = { resource: graphAppId, tenant: options.tenantId ?? 'common', ...options.values };
  const text = options.detail ?? fillSlots(shape.description, values);
  const aadsts = String(shape.aadsts);
  const body: TokenErrorBody = {
    error: shape.error,
    error_description: `AADSTS${aadsts}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [shape.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
  };
  const suberror = options.suberror ?? shape.suberror;
  if (suberror !== undefined) body.suberror = suberror;
  if (options.claims !== undefined) body.claims = options.claims;
  return {
    status: shape.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    body,
  };
}
