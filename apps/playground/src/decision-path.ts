/**
 * The order in which a call is judged (the core's evaluate follows it too): token present, well
 * formed, audience, lifetime, kind, permission, user. A scenario fails at one step; the steps
 * before it passed, the ones after it were never reached.
 */
import { getScenario, type ScenarioId } from '@graph-authz/core';

export const decisionSteps = [
  { id: 'present', label: 'Token present' },
  { id: 'well-formed', label: 'Well formed' },
  { id: 'audience', label: 'Audience' },
  { id: 'lifetime', label: 'Lifetime' },
  { id: 'kind', label: 'Kind' },
  { id: 'permission', label: 'Permission' },
  { id: 'user', label: 'User' },
] as const;

export type DecisionStepId = (typeof decisionSteps)[number]['id'];
export type StepState = 'passed' | 'failed' | 'not-reached' | 'unknown';

export interface DecisionStepView {
  readonly id: DecisionStepId;
  readonly label: string;
  readonly state: StepState;
  /** Why the step failed, for the failing step only. */
  readonly note: string | undefined;
}

/** Where each scenario stops the call, and why in a few words. */
const failingStep: Readonly<Record<ScenarioId, { step: DecisionStepId; note: string }>> = {
  'missing-token': { step: 'present', note: 'no bearer token was sent' },
  'malformed-token': { step: 'well-formed', note: 'the token is not a JWT' },
  'invalid-token': { step: 'well-formed', note: 'the token failed validation' },
  'wrong-audience': { step: 'audience', note: 'the token is for another resource' },
  'expired-token': { step: 'lifetime', note: 'the token has expired' },
  'delegated-only-endpoint': { step: 'kind', note: 'app-only token on /me' },
  'personal-account-not-supported': { step: 'kind', note: 'personal account on a work-only API' },
  'permission-type-mismatch': { step: 'kind', note: 'permission of the other type' },
  'app-only-password-reset': { step: 'kind', note: 'password reset needs a signed-in user' },
  'insufficient-permissions': { step: 'permission', note: 'no permission grants the call' },
  // The token endpoint refused to issue a token, so the call never had one to judge.
  'consent-required': { step: 'present', note: 'no token issued: consent not granted' },
  'invalid-scope-for-flow': { step: 'present', note: 'no token issued: scopes the flow refuses' },
  'multiple-resources': { step: 'present', note: 'no token issued: scopes of several resources' },
  'interaction-required': { step: 'present', note: 'no token issued: Conditional Access needs the user' },
  'user-not-authorized': { step: 'user', note: 'the user lacks the role or licence' },
  'claims-challenge': { step: 'user', note: "the user's session changed (CAE)" },
};

/** The path for a diagnosed scenario, an allowed call ('allowed'), or no verdict (undefined). */
export function decisionPath(outcome: ScenarioId | 'allowed' | undefined): DecisionStepView[] {
  if (outcome === undefined) return decisionSteps.map((step) => ({ ...step, state: 'unknown', note: undefined }));
  if (outcome === 'allowed') return decisionSteps.map((step) => ({ ...step, state: 'passed', note: undefined }));
  const failing = failingStep[outcome];
  const failingIndex = decisionSteps.findIndex((step) => step.id === failing.step);
  return decisionSteps.map((step, index) => ({
    ...step,
    state: index < failingIndex ? 'passed' : index === failingIndex ? 'failed' : 'not-reached',
    note: index === failingIndex ? failing.note : undefined,
  }));
}

/** Whether the scenario happened while acquiring the token rather than on the call to Graph. */
export function isTokenEndpointScenario(scenario: ScenarioId): boolean {
  return getScenario(scenario).side === 'token-endpoint';
}
