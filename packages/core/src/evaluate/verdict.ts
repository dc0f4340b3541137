/** The shapes `evaluate` answers with, and how a failure is built from the scenario catalog. */
import { InvalidArgumentError } from '../errors.js';
import { getScenario } from '../scenarios/catalog.js';
import type { PermissionScheme, ScenarioId } from '../types.js';

export interface Allowed {
  readonly ok: true;
  /** The token's permissions that grant the call (empty when the operation is not in the catalog). */
  readonly grantedBy: readonly string[];
  readonly scheme: PermissionScheme | undefined;
  readonly template: string | undefined;
}

export interface Denied {
  readonly ok: false;
  readonly scenario: ScenarioId;
  readonly status: 400 | 401 | 403;
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  /** The variant of the scenario Graph answers with (e.g. the workload flavour of a 403). */
  readonly variant: string | undefined;
  /** One sentence naming the evidence. */
  readonly reason: string;
}

export type Evaluation = Allowed | Denied;

/**
 * A denial built from the catalog, so the status, code and message are exactly the catalog's.
 * `specificFix` (naming the permission or flow for this very call) goes before the general fix.
 */
export function deny(scenario: ScenarioId, reason: string, variantKey?: string, specificFix?: string): Denied {
  const entry = getScenario(scenario);
  if (entry.side !== 'graph') throw new InvalidArgumentError('scenario', `${scenario} happens at the token endpoint, not on a Graph call.`);
  const variant = entry.variants.find((candidate) => candidate.key === variantKey) ?? entry.variants[0] ?? entry;
  const key = 'key' in variant ? variant.key : undefined;
  return {
    ok: false, scenario, status: variant.status, code: variant.code, message: variant.message,
    fix: specificFix === undefined ? entry.fix : `${specificFix} ${entry.fix}`, variant: key, reason,
  };
}
