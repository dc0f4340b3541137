import { getPermission } from '@graph-authz/core';
import { graphPath, namedGraphPermissions, permissionsFor } from '../analysis/graph.js';
import { moduleModel, tokenKindOfCall, type HttpCall } from '../analysis/model.js';
import { passwordOperation } from '../analysis/password.js';
import { createRule } from '../util/create-rule.js';

const scenario = 'permission-type-mismatch';

export default createRule({
  name: 'permission-type-mismatch',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow application permissions in delegated flows and delegated-only operations with app-only tokens', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      applicationScopeInDelegatedFlow:
        "'{{permission}}' is an application permission only; a delegated token (scp) never carries it, so the calls it should grant answer 403 ({{scenario}}).",
      delegatedOnlyCall:
        '{{method}} {{template}} accepts only delegated permissions ({{permissions}}); an app-only token carries roles, so Graph answers 403 ({{scenario}}).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    /** /me and password operations have their own, more specific rules. */
    function hasOwnRule(call: HttpCall, path: string): boolean {
      return /^\/me(\/|$|\?)/iu.test(path) || passwordOperation(sourceCode, call.method, path, call.body) !== undefined;
    }
    function checkCall(call: HttpCall): void {
      const path = graphPath(call.url);
      if (path === undefined || tokenKindOfCall(call) !== 'app' || hasOwnRule(call, path)) return;
      const required = permissionsFor(call.method, call.url);
      if (required === undefined || required.schemes.Application !== undefined) return;
      const delegated = required.schemes.DelegatedWork ?? required.schemes.DelegatedPersonal;
      if (delegated === undefined) return;
      context.report({
        node: call.node,
        messageId: 'delegatedOnlyCall',
        data: { method: required.method, template: required.template, permissions: delegated.leastPrivileged.join(', '), scenario },
      });
    }
    return {
      'Program:exit'() {
        const model = moduleModel(context);
        const reported = new Set<unknown>();
        for (const request of model.tokenRequests) {
          if (request.kind !== 'delegated') continue;
          for (const { scope, target } of namedGraphPermissions(request.scopes ?? [])) {
            if (target.kind !== 'resource' || reported.has(scope.node)) continue;
            const schemes = getPermission(target.permission)?.schemes;
            if (schemes?.Application === undefined || schemes.DelegatedWork !== undefined || schemes.DelegatedPersonal !== undefined) continue;
            reported.add(scope.node);
            context.report({ node: scope.node, messageId: 'applicationScopeInDelegatedFlow', data: { permission: target.permission, scenario } });
          }
        }
        for (const call of model.httpCalls) checkCall(call);
      },
    };
  },
});
