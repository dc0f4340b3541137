import { resources } from '@graph-authz/core';
import { resourceOfUrlSafe, scopeTargets } from '../analysis/graph.js';
import { moduleModel } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';
import { quoteOf, quoted } from '../util/fix.js';

const graphDefaultScope = `${resources['microsoft-graph'].identifiers[0] ?? 'https://graph.microsoft.com'}/.default`;

export default createRule({
  name: 'no-azure-ad-graph',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow scopes and calls for the retired Azure AD Graph', recommended: true },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      retiredScope: 'The scope {{scope}} is for {{name}}. {{note}} ({{scenario}})',
      retiredCall: 'This call goes to {{name}}. {{note}} ({{scenario}})',
      useGraph: 'Request {{replacement}} instead.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<unknown>();
    return {
      'Program:exit'() {
        const model = moduleModel(context);
        for (const request of model.tokenRequests) {
          for (const { scope, target } of scopeTargets(request.scopes ?? [])) {
            if (target.kind !== 'resource' || target.resource?.retired !== true || reported.has(scope.node)) continue;
            reported.add(scope.node);
            const canReplace = scope.replaceable && target.isDefault;
            context.report({
              node: scope.node,
              messageId: 'retiredScope',
              data: { scope: `'${scope.value}'`, name: target.resource.name, note: target.resource.note ?? '', scenario: 'wrong-audience' },
              suggest: canReplace
                ? [
                    {
                      messageId: 'useGraph',
                      data: { replacement: graphDefaultScope },
                      fix: (fixer) => fixer.replaceText(scope.node, quoted(graphDefaultScope, quoteOf(sourceCode, scope.node))),
                    },
                  ]
                : [],
            });
          }
        }
        for (const call of model.httpCalls) {
          const resource = resourceOfUrlSafe(call.urlPattern);
          if (resource?.retired !== true) continue;
          context.report({ node: call.urlNode, messageId: 'retiredCall', data: { name: resource.name, note: resource.note ?? '', scenario: 'wrong-audience' } });
        }
      },
    };
  },
});
