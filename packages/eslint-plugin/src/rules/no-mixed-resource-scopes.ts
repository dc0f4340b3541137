import { checkScopesForFlow } from '@graph-authz/core';
import { scopeTargets } from '../analysis/graph.js';
import { moduleModel } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'no-mixed-resource-scopes',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow scopes of several resources in one token request', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      mixed:
        'One token is for one resource, but this request asks for {{groups}}: the token endpoint answers AADSTS{{aadsts}} ({{scenario}}). Request a token per resource (`extraScopesToConsent` may name the others).',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const request of moduleModel(context).tokenRequests) {
          if (request.scopes === undefined || request.scopesNode === undefined) continue;
          // Each scope as its resource's `.default`: the core's multi-resource check alone then
          // decides (no format or `.default`-mixing verdict can come first).
          const asDefaults = scopeTargets(request.scopes).map(({ target }) =>
            target.kind === 'resource' ? `${target.audience}/.default` : target.scope,
          );
          const problem = checkScopesForFlow('authorization-code', asDefaults);
          if (problem?.scenario !== 'multiple-resources') continue;
          const groups = groupsOf(request.scopes.map((scope) => scope.value));
          context.report({
            node: request.scopesNode,
            messageId: 'mixed',
            data: { groups, aadsts: problem.aadsts, scenario: problem.scenario },
          });
        }
      },
    };
  },
});

function groupsOf(scopes: readonly string[]): string {
  return scopes.map((scope) => `'${scope}'`).join(', ');
}
