import type { Resource } from '@graph-authz/core';
import { resourceOfUrlSafe, scopeTargets } from '../analysis/graph.js';
import { moduleModel, type HttpCall } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'token-audience-match',
  meta: {
    type: 'problem',
    docs: { description: 'Require the token sent to an API to be acquired for that API', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      wrongAudience:
        'This token is acquired for {{tokenFor}} but sent to {{api}}: it answers 401 "Invalid audience" ({{scenario}}). Request {{expected}} for this call.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const call of moduleModel(context).httpCalls) {
          const api = resourceOfUrlSafe(call.urlPattern);
          const audience = api === undefined ? undefined : tokenAudience(call);
          if (api === undefined || audience === undefined || audience.resourceId === api.id) continue;
          context.report({
            node: call.node,
            messageId: 'wrongAudience',
            data: { tokenFor: audience.name, api: api.name, expected: `'${api.identifiers[0] ?? api.name}/.default'`, scenario: 'wrong-audience' },
          });
        }
      },
    };
  },
});

/** The one audience every token the call may carry is for; undefined when unknown or several. */
function tokenAudience(call: HttpCall): { resourceId: string; name: string } | undefined {
  if (call.tokens.length === 0) return undefined;
  const audiences = new Map<string, string>();
  for (const request of call.tokens) {
    if (request.scopes === undefined) return undefined;
    for (const { target } of scopeTargets(request.scopes)) {
      if (target.kind === 'resource') audiences.set(target.resource?.id ?? target.audience, nameOf(target.resource, target.audience));
    }
  }
  if (audiences.size !== 1) return undefined;
  const [[resourceId, name] = ['', '']] = audiences;
  return { resourceId, name };
}

function nameOf(resource: Resource | undefined, audience: string): string {
  return resource?.name ?? audience;
}
