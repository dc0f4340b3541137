import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { SchemeRequirement, TokenKind } from '@graph-authz/core';
import { delegatedGrants } from '../analysis/grants.js';
import { permissionsFor, schemeOf } from '../analysis/graph.js';
import { moduleModel, tokenKindOfCall, type HttpCall } from '../analysis/model.js';
import { resolveExpression } from '../analysis/values.js';
import { createRule } from '../util/create-rule.js';
import { quoteOf, quoted } from '../util/fix.js';

export default createRule<[{ applicationPermissions: string[] }], 'notCovered' | 'addScope'>({
  name: 'scopes-cover-calls',
  meta: {
    type: 'problem',
    docs: { description: 'Require the requested scopes to grant every Graph call made with the token', recommended: true },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          applicationPermissions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'The application permissions (roles) granted to the app registration. App-only tokens carry these; the code only asks for `.default`, so without this list app-only calls are not checked.',
          },
        },
      },
    ],
    defaultOptions: [{ applicationPermissions: [] }],
    messages: {
      notCovered:
        '{{method}} {{template}} needs one of {{needed}} ({{kind}}), and the token grants none of them: Graph answers 403 ({{scenario}}). Least privileged: {{least}}.',
      addScope: "Request '{{permission}}' too.",
    },
  },
  create(context, [{ applicationPermissions }]) {
    const sourceCode = context.sourceCode;
    const granted = (call: HttpCall, kind: TokenKind): Set<string> | undefined => {
      if (kind === 'delegated') return delegatedGrants(call.tokens);
      return applicationPermissions.length === 0 ? undefined : new Set(applicationPermissions.map((name) => name.toLowerCase()));
    };
    function check(call: HttpCall): void {
      const kind = tokenKindOfCall(call);
      if (kind === undefined) return;
      const required = permissionsFor(call.method, call.url);
      const requirement = required?.schemes[schemeOf(kind)];
      const grants = granted(call, kind);
      if (required === undefined || requirement === undefined || grants === undefined || covers(requirement, grants)) return;
      const least = requirement.leastPrivileged[0] ?? requirement.all[0] ?? '';
      const array = kind === 'delegated' && call.tokens.length === 1 ? scopesArray(call) : undefined;
      context.report({
        node: call.node,
        messageId: 'notCovered',
        data: {
          method: required.method,
          template: required.template,
          needed: listed(requirement.all),
          kind: kind === 'app' ? 'application permission, in roles' : 'delegated permission, in scp',
          least,
          scenario: 'insufficient-permissions',
        },
        suggest:
          array === undefined || least === ''
            ? []
            : [{ messageId: 'addScope', data: { permission: least }, fix: (fixer) => addToArray(fixer, array, least) }],
      });
    }
    function scopesArray(call: HttpCall): TSESTree.ArrayExpression | undefined {
      const node = call.tokens[0]?.scopesNode;
      const array = node === undefined ? undefined : resolveExpression(sourceCode, node);
      return array?.type === AST_NODE_TYPES.ArrayExpression ? array : undefined;
    }
    function addToArray(fixer: TSESLint.RuleFixer, array: TSESTree.ArrayExpression, permission: string): TSESLint.RuleFix {
      const last = array.elements.at(-1);
      const quote = last === undefined || last === null ? "'" : quoteOf(sourceCode, last);
      return last === undefined || last === null
        ? fixer.replaceText(array, `[${quoted(permission, quote)}]`)
        : fixer.insertTextAfter(last, `, ${quoted(permission, quote)}`);
    }
    return {
      'Program:exit'() {
        for (const call of moduleModel(context).httpCalls) check(call);
      },
    };
  },
});

/** The first few names (least privileged first), so the message stays readable. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} (or ${String(names.length - 5)} more)` : shown;
}

/** A granted permission grants the call when its companions (AlsoRequires) are granted too. */
function covers(requirement: SchemeRequirement, grants: ReadonlySet<string>): boolean {
  return requirement.all.some((permission) => {
    if (!grants.has(permission.toLowerCase())) return false;
    const companions = Object.hasOwn(requirement.alsoRequires, permission) ? requirement.alsoRequires[permission] : undefined;
    return companions === undefined || companions.some((companion) => grants.has(companion.toLowerCase()));
  });
}
