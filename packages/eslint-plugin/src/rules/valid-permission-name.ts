import { getPermission, suggestPermissions } from '@graph-authz/core';
import { namedGraphPermissions } from '../analysis/graph.js';
import { moduleModel } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';
import { quoteOf, quoted } from '../util/fix.js';

export default createRule({
  name: 'valid-permission-name',
  meta: {
    type: 'problem',
    docs: { description: 'Require requested Microsoft Graph scopes to name real permissions', recommended: true },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      unknown: "'{{permission}}' is no Microsoft Graph permission{{didYouMean}}: the token endpoint rejects the scope ({{scenario}}).",
      replace: "Replace with '{{replacement}}'.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<string>();
    return {
      'Program:exit'() {
        for (const request of moduleModel(context).tokenRequests) {
          for (const { scope, target } of namedGraphPermissions(request.scopes ?? [])) {
            if (target.kind !== 'resource' || getPermission(target.permission) !== undefined) continue;
            const key = `${String(scope.node.range[0])}:${scope.value}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const candidates = suggestPermissions(target.permission);
            const prefix = scope.value.slice(0, scope.value.length - target.permission.length);
            context.report({
              node: scope.node,
              messageId: 'unknown',
              data: {
                permission: target.permission,
                didYouMean: candidates.length === 0 ? '' : ` (did you mean ${candidates.map((name) => `'${name}'`).join(' or ')}?)`,
                scenario: 'invalid-scope-for-flow',
              },
              suggest: scope.replaceable
                ? candidates.map((name) => ({
                    messageId: 'replace' as const,
                    data: { replacement: prefix + name },
                    fix: (fixer) => fixer.replaceText(scope.node, quoted(prefix + name, quoteOf(sourceCode, scope.node))),
                  }))
                : [],
            });
          }
        }
      },
    };
  },
});
