import { consumersTenantId } from '@graph-authz/core';
import { permissionsFor } from '../analysis/graph.js';
import { moduleModel, tokenKindOfCall, type HttpCall } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'no-personal-account-work-only-api',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow work-or-school-only Graph calls in apps that sign in personal Microsoft accounts only', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      workOnly:
        '{{method}} {{template}} has no permission for personal Microsoft accounts, and this app signs in only personal accounts (`consumers`): Graph answers 401 ({{scenario}}).',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const call of moduleModel(context).httpCalls) {
          if (!signsInPersonalAccountsOnly(call)) continue;
          const required = permissionsFor(call.method, call.url);
          if (required?.schemes.DelegatedWork === undefined || required.schemes.DelegatedPersonal !== undefined) continue;
          context.report({
            node: call.node,
            messageId: 'workOnly',
            data: { method: required.method, template: required.template, scenario: 'personal-account-not-supported' },
          });
        }
      },
    };
  },
});

function signsInPersonalAccountsOnly(call: HttpCall): boolean {
  if (tokenKindOfCall(call) !== 'delegated') return false;
  return call.tokens.every((request) => {
    const tenant = request.source?.tenant?.toLowerCase();
    return tenant === 'consumers' || tenant === consumersTenantId;
  });
}
