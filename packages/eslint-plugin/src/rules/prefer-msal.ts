import { handRolledTokenRequests } from '../analysis/token-endpoint.js';
import { moduleModel } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'prefer-msal',
  meta: {
    type: 'suggestion',
    docs: { description: 'Prefer MSAL or @azure/identity over hand-rolled token endpoint requests', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      handRolled:
        'Hand-rolled request to the token endpoint: MSAL or @azure/identity build the scope for the flow, cache and refresh tokens, and answer claims challenges; hand-rolled requests are where AADSTS errors start ({{scenario}}).',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const { calls, forms } = handRolledTokenRequests(context.sourceCode, moduleModel(context));
        const scenario = 'invalid-scope-for-flow';
        for (const call of calls) context.report({ node: call.node, messageId: 'handRolled', data: { scenario } });
        for (const form of forms) context.report({ node: form, messageId: 'handRolled', data: { scenario } });
      },
    };
  },
});
