/**
 * Type information, when the user's config provides it (parserServices with a program): it tells
 * where a receiver's type is declared, so calls on parameters and fields are recognised too.
 * Without it every answer is `false` and the rules rely on scope analysis alone.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Whether the type of `node` is declared in a file whose path contains `packagePath`. */
export function typeComesFrom(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, packagePath: string): boolean {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return false;
  const checker = services.program.getTypeChecker();
  const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const declarations = symbol?.getDeclarations() ?? [];
  return declarations.some((declaration) => declaration.getSourceFile().fileName.includes(`/node_modules/${packagePath}`));
}
