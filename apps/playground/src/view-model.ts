/**
 * Everything the page shows, computed from the input fields without touching the DOM: the
 * diagnosis (the core's explain for a received response, or its evaluate for a request), the
 * decision path, the claims table, the permissions of the request, and what input would sharpen
 * the answer. Rendering (render.ts) only turns this into elements.
 */
import {
  GraphAuthzError,
  decodeAccessToken,
  evaluate,
  explain,
  getScenario,
  type AccessToken,
  type DocLink,
  type Evidence,
  type ExplainContext,
  type ScenarioId,
} from '@graph-authz/core';
import { claimRows, tokenSummary, type ClaimRow, type TokenSummary } from './claims.js';
import { decisionPath, isTokenEndpointScenario, type DecisionStepView } from './decision-path.js';
import { parseInputs, type ParsedInputs } from './inputs.js';
import { permissionsView, type PermissionsView } from './permissions.js';
import type { PageState } from './state.js';

export type DiagnosisMode = 'explained' | 'predicted' | 'allowed' | 'undetermined' | 'token-only' | 'empty';

export interface DiagnosisView {
  readonly mode: DiagnosisMode;
  readonly scenario: ScenarioId | undefined;
  readonly title: string;
  readonly summary: string;
  readonly cause: string | undefined;
  readonly fix: string | undefined;
  readonly docs: readonly DocLink[];
  readonly evidence: readonly Evidence[];
}

export type TokenView =
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed'; readonly message: string }
  | { readonly kind: 'decoded'; readonly summary: TokenSummary; readonly rows: readonly ClaimRow[] };

export interface ViewModel {
  readonly diagnosis: DiagnosisView;
  readonly path: readonly DecisionStepView[];
  readonly token: TokenView;
  readonly permissions: PermissionsView;
  /** What more input would sharpen the answer. */
  readonly hints: readonly string[];
  /** Input that could not be read as given. */
  readonly notes: readonly string[];
}

export function buildViewModel(state: PageState, now: Date): ViewModel {
  const inputs = parseInputs(state);
  const decoded = decodeToken(inputs.token);
  const diagnosis = diagnose(inputs, now);
  return {
    diagnosis,
    path: decisionPath(diagnosis.mode === 'allowed' ? 'allowed' : diagnosis.scenario),
    token: tokenView(decoded, now),
    permissions: permissionsView(inputs.request, decoded.token),
    hints: hintsFor(inputs, diagnosis),
    notes: inputs.notes,
  };
}

interface DecodedToken {
  readonly token: AccessToken | undefined;
  readonly error: string | undefined;
}

function decodeToken(raw: string | undefined): DecodedToken {
  if (raw === undefined) return { token: undefined, error: undefined };
  try {
    return { token: decodeAccessToken(raw), error: undefined };
  } catch (error) {
    if (error instanceof GraphAuthzError) return { token: undefined, error: error.message };
    throw error;
  }
}

function tokenView(decoded: DecodedToken, now: Date): TokenView {
  if (decoded.error !== undefined) return { kind: 'malformed', message: decoded.error };
  if (decoded.token === undefined) return { kind: 'none' };
  return { kind: 'decoded', summary: tokenSummary(decoded.token), rows: claimRows(decoded.token, now) };
}

function diagnose(inputs: ParsedInputs, now: Date): DiagnosisView {
  try {
    if (inputs.response !== undefined) return explained(inputs, now);
    if (inputs.request !== undefined) return predicted(inputs, now);
  } catch (error) {
    // The core throws only typed errors, each naming what was wrong: show it rather than crash.
    if (error instanceof GraphAuthzError) return undetermined(error.message);
    throw error;
  }
  if (inputs.token !== undefined) {
    return plain('token-only', 'Token decoded', 'The claims are below. Add the error response or the request for a diagnosis.');
  }
  return plain('empty', 'Nothing to explain yet', 'Paste an error response, a token or a request, or load an example.');
}

function explained(inputs: ParsedInputs, now: Date): DiagnosisView {
  if (inputs.response === undefined) return undetermined('No response.');
  const context: ExplainContext = { now, ...optional('token', inputs.token), ...optional('request', inputs.request) };
  const explanation = explain(inputs.response, context);
  const scenario = explanation.scenario;
  return {
    mode: scenario === undefined ? 'undetermined' : 'explained',
    scenario,
    title: explanation.title,
    summary: withoutLeadingTitle(explanation.summary, explanation.title),
    cause: scenario === undefined ? undefined : getScenario(scenario).cause,
    fix: explanation.fix,
    docs: explanation.docs,
    evidence: explanation.evidence,
  };
}

function predicted(inputs: ParsedInputs, now: Date): DiagnosisView {
  if (inputs.request === undefined) return undetermined('No request.');
  const evaluation = evaluate(inputs.request, inputs.token, { now });
  if (evaluation.ok) {
    const granted = evaluation.grantedBy.length > 0 ? ` (granted by ${evaluation.grantedBy.join(', ')})` : '';
    return plain('allowed', 'This token would be allowed', `Graph would accept this call${granted}.`);
  }
  const scenario = getScenario(evaluation.scenario);
  return {
    mode: 'predicted',
    scenario: evaluation.scenario,
    title: scenario.title,
    summary: `Graph would answer ${String(evaluation.status)} ${evaluation.code}: ${evaluation.reason}`,
    cause: scenario.cause,
    fix: evaluation.fix,
    docs: scenario.docs,
    evidence: [],
  };
}

/** The summary minus a repeat of the title the card already shows as its heading. */
function withoutLeadingTitle(summary: string, title: string): string {
  return summary.startsWith(`${title}. `) ? summary.slice(title.length + 2) : summary;
}

function undetermined(summary: string): DiagnosisView {
  return plain('undetermined', 'Cannot tell the cause', summary);
}

function plain(mode: DiagnosisMode, title: string, summary: string): DiagnosisView {
  return { mode, scenario: undefined, title, summary, cause: undefined, fix: undefined, docs: [], evidence: [] };
}

/** `{ [key]: value }` when value is defined, else `{}` (exactOptionalPropertyTypes forbids `key: undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function hintsFor(inputs: ParsedInputs, diagnosis: DiagnosisView): string[] {
  const tokenEndpoint = diagnosis.scenario !== undefined && isTokenEndpointScenario(diagnosis.scenario);
  const hints: string[] = [];
  if (inputs.response === undefined) {
    hints.push('Paste the error response you received (status and body): the page then explains what Graph actually answered.');
  } else {
    if (inputs.statusSource === 'body-code') {
      hints.push(`Status assumed to be ${String(inputs.response.status)} from the body's error code; add the HTTP status to be sure.`);
    }
    if (inputs.statusSource === 'missing') hints.push('Add the HTTP status (e.g. 401 or 403): the same body can mean different things under different statuses.');
    if (!inputs.hasHeaders) hints.push('Add the response headers: WWW-Authenticate tells a claims challenge (CAE) from a plain token failure.');
  }
  if (inputs.token === undefined && !tokenEndpoint) {
    hints.push("Paste the access token (the value after 'Bearer '): its audience, lifetime, kind and permissions show where the call fails.");
  }
  if (inputs.request === undefined) {
    hints.push('Add the request method and URL: the page then lists the permissions that grant it and marks those the token has.');
  }
  return hints;
}
