import { graphPath } from '../analysis/graph.js';
import { moduleModel, tokenKindOfCall } from '../analysis/model.js';
import { createRule } from '../util/create-rule.js';

export default createRule({
  name: 'no-me-with-app-only',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow `/me` calls through app-only clients', recommended: true },
    schema: [],
    defaultOptions: [],
    messages: {
      meAppOnly:
        '`/me` is the signed-in user, and an app-only token has none: Graph answers 400 BadRequest ({{scenario}}). Use `/users/{id}` or a delegated flow.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const call of moduleModel(context).httpCalls) {
          const first = graphPath(call.url)?.split(/[/?(]/u).find((segment) => segment !== '');
          if (first?.toLowerCase() !== 'me' || tokenKindOfCall(call) !== 'app') continue;
          context.report({ node: call.node, messageId: 'meAppOnly', data: { scenario: 'delegated-only-endpoint' } });
        }
      },
    };
  },
});
