import { passwordRoles } from '@graph-authz/core';
import { graphPath } from '../analysis/graph.js';
import { moduleModel, tokenKindOfCall } from '../analysis/model.js';
import { passwordOperation } from '../analysis/password.js';
import { createRule } from '../util/create-rule.js';

const scenario = 'app-only-password-reset';

export default createRule<[{ checkPasswordProfile: boolean }], 'appOnlyReset' | 'passwordProfile'>({
  name: 'no-app-only-password-reset',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow password resets and changes through app-only clients', recommended: true },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkPasswordProfile: {
            type: 'boolean',
            description: 'Also warn that an app-only `PATCH /users/{id}` with `passwordProfile` needs User-PasswordProfile.ReadWrite.All and a directory role.',
          },
        },
      },
    ],
    defaultOptions: [{ checkPasswordProfile: true }],
    messages: {
      appOnlyReset:
        '{{operation}} works only with a delegated token (a signed-in user{{admin}}); this client is app-only, so Graph answers 403 ({{scenario}}).',
      passwordProfile:
        'Setting passwordProfile with an app-only token needs the User-PasswordProfile.ReadWrite.All application permission and a directory role ({{roles}}) on the service principal, else Graph answers 403 ({{scenario}}).',
    },
  },
  create(context, [{ checkPasswordProfile }]) {
    return {
      'Program:exit'() {
        for (const call of moduleModel(context).httpCalls) {
          const path = graphPath(call.url);
          if (path === undefined || tokenKindOfCall(call) !== 'app') continue;
          const operation = passwordOperation(context.sourceCode, call.method, path, call.body);
          if (operation === 'passwordProfile') {
            if (checkPasswordProfile) context.report({ node: call.node, messageId: 'passwordProfile', data: { roles: passwordRoles.join(', '), scenario } });
          } else if (operation !== undefined) {
            const admin = operation === 'resetPassword' ? ' who is an authentication administrator' : '';
            context.report({ node: call.node, messageId: 'appOnlyReset', data: { operation, admin, scenario } });
          }
        }
      },
    };
  },
});
