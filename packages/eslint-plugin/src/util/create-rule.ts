import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra docs fields eslint-doc-generator reads: which presets a rule belongs to. */
export interface GraphAuthzRuleDocs {
  description: string;
  recommended?: boolean;
  strict?: boolean;
}

export const docsBaseUrl = 'https://github.com/graph-authz/graph-authz/blob/main/packages/eslint-plugin/docs/rules';

/** Every rule is made here, so each gets its docs URL the same way. */
export const createRule = ESLintUtils.RuleCreator<GraphAuthzRuleDocs>((name) => `${docsBaseUrl}/${name}.md`);
