import { scenarioIds } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { decisionPath, decisionSteps } from '../src/decision-path.js';

const states = (outcome: Parameters<typeof decisionPath>[0]) => decisionPath(outcome).map((step) => `${step.id}:${step.state}`);

describe('decisionPath', () => {
  it('follows the order token present, well formed, audience, lifetime, kind, permission, user', () => {
    expect(decisionSteps.map((step) => step.id)).toEqual(['present', 'well-formed', 'audience', 'lifetime', 'kind', 'permission', 'user']);
  });

  it('marks the steps before the failing one passed and the ones after it not reached', () => {
    expect(states('expired-token')).toEqual([
      'present:passed', 'well-formed:passed', 'audience:passed', 'lifetime:failed', 'kind:not-reached', 'permission:not-reached', 'user:not-reached',
    ]);
    expect(decisionPath('insufficient-permissions').find((step) => step.state === 'failed')?.note).toBe('no permission grants the call');
  });

  it('fails exactly one step for every scenario', () => {
    for (const id of scenarioIds) expect(decisionPath(id).filter((step) => step.state === 'failed')).toHaveLength(1);
  });

  it('passes every step for an allowed call and knows none without a verdict', () => {
    expect(decisionPath('allowed').every((step) => step.state === 'passed')).toBe(true);
    expect(decisionPath(undefined).every((step) => step.state === 'unknown')).toBe(true);
  });
});
