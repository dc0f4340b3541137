/**
 * "Is this the scenario I expect?" for any test runner: recover the response behind what a client
 * threw (`received.ts`), let the core's `explain` name its scenario, and say which scenario it was
 * instead, with the evidence, when it is not the expected one.
 */
import { explain, getScenario, type ExplainContext, type Explanation, type ScenarioId } from '@graph-authz/core';
import { recoverFetchResponse, recoverResponse, type Recovered } from './received.js';

export interface ScenarioMatch {
  readonly pass: boolean;
  readonly expected: ScenarioId;
  /** The scenario `explain` recognised; undefined when it cannot tell or nothing was recognised. */
  readonly seen: ScenarioId | undefined;
  readonly explanation: Explanation | undefined;
  /** Why it passed or failed, with the evidence: what a test runner prints. */
  readonly message: string;
}

/**
 * Matches an error thrown by MSAL, @azure/identity, the Graph client or Kiota, a fetch `Response`
 * or a `{ status, headers, body }` object against a scenario. Always async, because reading a
 * `Response` body is; `context` (the token and request) lets `explain` tell the 403s apart.
 */
export async function matchGraphScenario(received: unknown, expected: ScenarioId, context?: ExplainContext): Promise<ScenarioMatch> {
  const recovered = received instanceof Response ? await recoverFetchResponse(received) : recoverResponse(received);
  return judge(recovered, expected, context, received);
}

/** The synchronous core of the matcher, for everything but a fetch `Response`. */
export function matchRecovered(received: unknown, expected: ScenarioId, context?: ExplainContext): ScenarioMatch {
  return judge(recoverResponse(received), expected, context, received);
}

export function judge(recovered: Recovered | undefined, expected: ScenarioId, context: ExplainContext | undefined, received: unknown): ScenarioMatch {
  if (recovered === undefined) {
    return { pass: false, expected, seen: undefined, explanation: undefined, message: `expected ${describe(expected)}, but ${preview(received)} is no error response any supported client produces (MSAL, @azure/identity, Graph client, Kiota, fetch Response).` };
  }
  const explanation = explain(recovered.response, context);
  const seen = explanation.scenario;
  // Some payloads are shared by several scenarios (every 403 looks alike); without the token and
  // the request `explain` cannot pick one, so an identical payload counts as a match.
  const ambiguousButSame = seen === undefined && sharesPayload(expected, recovered);
  const pass = seen === expected || ambiguousButSame;
  const evidence = explanation.evidence.map((item) => `  - ${item.field}: ${item.value} (${item.note})`).join('\n');
  const verdict = pass
    ? `${recovered.source} is ${describe(expected)}${ambiguousButSame ? ' (its payload is that scenario\'s; pass the token and request to tell it from the other 403s)' : ''}`
    : `expected ${recovered.source} to be ${describe(expected)}, but it is ${seen === undefined ? 'no scenario explain can name' : describe(seen)}`;
  return { pass, expected, seen, explanation, message: `${verdict}.\n${explanation.summary}\nEvidence:\n${evidence}` };
}

function describe(id: ScenarioId): string {
  return `'${id}' (${getScenario(id).title})`;
}

/** Whether the recovered payload is exactly one of the expected scenario's payloads (status, code and message). */
function sharesPayload(expected: ScenarioId, recovered: Recovered): boolean {
  const scenario = getScenario(expected);
  if (scenario.side !== 'graph') return false;
  const body = typeof recovered.response.body === 'string' ? safeJson(recovered.response.body) : recovered.response.body;
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  return scenario.variants.some((variant) => variant.status === recovered.response.status && variant.code === error.code && variant.message === error.message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function preview(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? String(value) : json.slice(0, 200);
  } catch {
    return String(value);
  }
}
