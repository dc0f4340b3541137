import { checkScopesForFlow, flows } from '@graph-authz/core';
import { moduleModel, type TokenRequest } from '../analysis/model.js';
import { resolveExpression } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';
import { scopesText } from '../util/fix.js';

export default createRule({
  name: 'client-credentials-default-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require exactly one `{resource}/.default` scope in client-credentials and managed-identity token requests',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      notDefault:
        'The {{flow}} flow takes exactly one `{resource}/.default` scope, not {{scopes}}: the token endpoint answers AADSTS{{aadsts}} ({{scenario}}).',
      useDefault: 'Request {{suggestion}} instead.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    function check(request: TokenRequest): void {
      const { flow, scopes, scopesNode } = request;
      if ((flow !== 'client-credentials' && flow !== 'managed-identity') || scopes === undefined || scopesNode === undefined) return;
      const problem = checkScopesForFlow(flow, scopes.map((scope) => scope.value));
      if (problem?.scenario !== 'invalid-scope-for-flow') return;
      const target = resolveExpression(sourceCode, scopesNode);
      const suggestion = problem.suggestion?.length === 1 ? problem.suggestion : undefined;
      context.report({
        node: scopesNode,
        messageId: 'notDefault',
        data: {
          flow: flows[flow].name,
          scopes: problem.scopes.length === 0 ? 'no scope' : problem.scopes.map((scope) => `'${scope}'`).join(', '),
          aadsts: problem.aadsts,
          scenario: problem.scenario,
        },
        suggest:
          suggestion === undefined
            ? []
            : [
                {
                  messageId: 'useDefault',
                  data: { suggestion: suggestion.join(' ') },
                  fix: (fixer) => fixer.replaceText(target, scopesText(sourceCode, target, suggestion)),
                },
              ],
      });
    }
    return {
      'Program:exit'() {
        for (const request of moduleModel(context).tokenRequests) check(request);
      },
    };
  },
});
