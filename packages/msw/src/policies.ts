/**
 * Conditional access, as far as a token request can tell: a `block` policy answers AADSTS53003; a
 * `require-mfa` policy answers AADSTS50076 to grants that cannot prompt (password, refresh token,
 * on-behalf-of) unless MFA was done, and AADSTS50079 to interactive sign-ins of users who never
 * registered MFA. Both are `interaction_required` with a `claims` naming the policy, as Entra sends.
 */
import type { UserConfig } from './config.js';
import type { NormalizedPolicy } from './config.js';
import type { RegisteredApp, TenantContext } from './context.js';
import { fail } from './failure.js';

export interface SignIn {
  readonly app: RegisteredApp;
  /** Absent for app-only grants (client credentials). */
  readonly user?: UserConfig | undefined;
  /** Whether MFA was performed (or can be, for interactive flows of registered users). */
  readonly mfa: boolean;
  readonly interactive: boolean;
}

function targets(policy: NormalizedPolicy, signIn: SignIn): boolean {
  const appMatches = policy.appIds === undefined || policy.appIds.includes(signIn.app.clientId);
  if (signIn.user === undefined) {
    // Policies for workload identities name the app explicitly; user policies never block a daemon.
    return policy.appIds !== undefined && policy.userIds === undefined && appMatches;
  }
  const userMatches = policy.userIds === undefined || policy.userIds.includes(signIn.user.id.toLowerCase());
  return appMatches && userMatches;
}

export function enforcePolicies(context: TenantContext, signIn: SignIn): void {
  const applicable = context.config.policies.filter((policy) => targets(policy, signIn));
  const tenantId = context.config.tenantId;
  const block = applicable.find((policy) => policy.kind === 'block');
  if (block !== undefined) fail(53003, { tenantId, suberror: 'message_only', claims: capolids(block.id) });
  const mfa = applicable.find((policy) => policy.kind === 'require-mfa');
  if (mfa === undefined || signIn.user === undefined || signIn.mfa) return;
  if (signIn.interactive) {
    if (signIn.user.mfaRegistered !== true) fail(50079, { tenantId, suberror: 'basic_action', claims: capolids(mfa.id) });
    return;
  }
  fail(50076, { tenantId, suberror: 'basic_action', claims: capolids(mfa.id) });
}

/** Whether an interactive sign-in of `user` performs MFA (only registered users can). */
export function interactiveMfa(user: UserConfig): boolean {
  return user.mfaRegistered === true;
}

/** The claims request that names the conditional access policy to satisfy. */
export function capolids(policyId: string): string {
  return JSON.stringify({ access_token: { capolids: { essential: true, values: [policyId] } } });
}
