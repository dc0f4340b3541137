/** What a call's token grants, as far as the code shows it. */
import type { HttpCall, TokenRequest } from './model.js';
import { scopeTargets } from './graph.js';

/**
 * The Graph permissions (lower-cased) a delegated token from these requests certainly carries at
 * most: undefined when a request's scopes are unknown or include a `.default` (whatever the tenant
 * consented), because then nothing can be said.
 */
export function delegatedGrants(requests: readonly TokenRequest[]): Set<string> | undefined {
  if (requests.length === 0) return undefined;
  const grants = new Set<string>();
  for (const request of requests) {
    if (request.scopes === undefined) return undefined;
    for (const { target } of scopeTargets(request.scopes)) {
      if (target.kind !== 'resource' || target.resource?.id !== 'microsoft-graph') continue;
      if (target.isDefault) return undefined;
      grants.add(target.permission.toLowerCase());
    }
  }
  return grants;
}

/** The calls in the module made with a token from this request. */
export function callsWithToken(calls: readonly HttpCall[], request: TokenRequest): HttpCall[] {
  return calls.filter((call) => call.tokens.includes(request));
}
