import type { TSESTree } from '@typescript-eslint/utils';
import { moduleModel } from '../analysis/model.js';
import { isTokenEndpointUrl } from '@graph-authz/core';
import { formField, handRolledTokenRequests, searchParamsField } from '../analysis/token-endpoint.js';
import { createRule } from '../util/create-rule.js';

const scenario = 'interaction-required';

export default createRule({
  name: 'no-ropc',
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow the username/password (ROPC) flow', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      ropc: 'The username/password flow ({{how}}) cannot satisfy MFA or conditional access: the token endpoint answers 400 interaction_required ({{scenario}}). Use an interactive, device-code or app-only flow.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const report = (node: TSESTree.Node, how: string): void => {
      context.report({ node, messageId: 'ropc', data: { how, scenario } });
    };
    return {
      'Program:exit'() {
        const model = moduleModel(context);
        for (const source of model.sources) {
          if (source.className === 'UsernamePasswordCredential') report(source.node, 'UsernamePasswordCredential');
        }
        for (const request of model.tokenRequests) {
          if (request.flow === 'username-password' && request.source?.library !== 'identity') report(request.node, 'acquireTokenByUsernamePassword');
        }
        const { forms } = handRolledTokenRequests(sourceCode, model);
        for (const form of forms) {
          if (searchParamsField(sourceCode, form, 'grant_type')?.value === 'password') report(form, 'grant_type=password');
        }
        for (const call of model.httpCalls) {
          if (isTokenEndpointUrl(call.urlPattern) && formField(sourceCode, call.body, 'grant_type')?.value === 'password') report(call.node, 'grant_type=password');
        }
      },
    };
  },
});
