import type { RequiredPermissions } from '@graph-authz/core';
import { callsWithToken } from '../analysis/grants.js';
import { namedGraphPermissions, permissionsFor, privilegeLevel } from '../analysis/graph.js';
import { moduleModel, type TokenRequest } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';
import { quoteOf, quoted } from '../util/fix.js';

export default createRule({
  name: 'least-privilege-scopes',
  meta: {
    type: 'suggestion',
    docs: { description: 'Prefer the least-privileged scope that still grants every call the module makes', strict: true },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      overPrivileged:
        "'{{scope}}' (privilege level {{level}}) is more than the calls made with this token need: '{{least}}' (level {{leastLevel}}) grants them all. Broader scopes need more consent ({{scenario}}).",
      useLeast: "Request '{{least}}' instead.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    function check(request: TokenRequest, requirements: readonly RequiredPermissions[]): void {
      const requested = namedGraphPermissions(request.scopes ?? []);
      const requestedNames = new Set(requested.map(({ target }) => (target.kind === 'resource' ? target.permission.toLowerCase() : '')));
      for (const { scope, target } of requested) {
        if (target.kind !== 'resource') continue;
        const level = privilegeLevel(target.permission, 'DelegatedWork');
        const least = level === undefined ? undefined : lessPrivileged(target.permission, level, requirements);
        if (level === undefined || least === undefined || requestedNames.has(least.name.toLowerCase())) continue;
        const replacement = scope.value.slice(0, scope.value.length - target.permission.length) + least.name;
        context.report({
          node: scope.node,
          messageId: 'overPrivileged',
          data: { scope: target.permission, level, least: least.name, leastLevel: least.level, scenario: 'consent-required' },
          suggest: scope.replaceable
            ? [{ messageId: 'useLeast', data: { least: least.name }, fix: (fixer) => fixer.replaceText(scope.node, quoted(replacement, quoteOf(sourceCode, scope.node))) }]
            : [],
        });
      }
    }
    return {
      'Program:exit'() {
        const model = moduleModel(context);
        for (const request of model.tokenRequests) {
          if (request.kind !== 'delegated' || request.scopes === undefined) continue;
          const calls = callsWithToken(model.httpCalls, request);
          const requirements = calls.map((call) => permissionsFor(call.method, call.url));
          // Every call must be known: one unknown call might be the one needing the broader scope.
          if (calls.length === 0 || requirements.some((requirement) => requirement?.schemes.DelegatedWork === undefined)) continue;
          check(request, requirements.filter((requirement) => requirement !== undefined));
        }
      },
    };
  },
});

/**
 * The lowest-level permission, among the catalog's least-privileged picks for those calls, that
 * grants every call `permission` grants and is less privileged than it. Undefined when `permission`
 * grants no call: then it is requested for something the module does not show.
 */
function lessPrivileged(permission: string, level: number, requirements: readonly RequiredPermissions[]): { name: string; level: number } | undefined {
  const lower = permission.toLowerCase();
  const granted = requirements.filter((requirement) => requirement.schemes.DelegatedWork?.all.some((name) => name.toLowerCase() === lower));
  if (granted.length === 0) return undefined;
  // Only the catalog's least-privileged picks are offered: `all` holds niche permissions
  // (AgentIdUser.*, DeviceManagement*) that grant the call but are no sensible replacement.
  const recommended = new Set(granted.flatMap((requirement) => requirement.schemes.DelegatedWork?.leastPrivileged ?? []));
  const candidates = [...recommended].filter((name) => granted.every((requirement) => requirement.schemes.DelegatedWork?.all.includes(name)));
  let best: { name: string; level: number } | undefined;
  for (const name of candidates) {
    const candidateLevel = privilegeLevel(name, 'DelegatedWork');
    if (candidateLevel === undefined || candidateLevel >= level) continue;
    if (best === undefined || candidateLevel < best.level) best = { name, level: candidateLevel };
  }
  return best;
}
