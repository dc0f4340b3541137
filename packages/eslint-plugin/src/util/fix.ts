/** Replacement texts for suggestions: scopes written the way the user wrote strings. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** The quote the user wrote the given string in: double quotes are kept, anything else becomes single. */
export function quoteOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  const first = text.charAt(0);
  return first === '"' ? first : "'";
}

export function quoted(value: string, quote: string): string {
  return `${quote}${value.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}

/** `['a', 'b']` for an array node, `'a b'`-style single string otherwise. */
export function scopesText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, scopes: readonly string[]): string {
  const sample = node.type === AST_NODE_TYPES.ArrayExpression ? (node.elements[0] ?? node) : node;
  const quote = quoteOf(sourceCode, sample);
  const items = scopes.map((scope) => quoted(scope, quote));
  return node.type === AST_NODE_TYPES.ArrayExpression ? `[${items.join(', ')}]` : (items[0] ?? quoted('', quote));
}
