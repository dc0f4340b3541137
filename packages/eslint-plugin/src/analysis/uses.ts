/**
 * Where a value goes: the reads of the variable (or class field) an instance is stored in, so a
 * client built once is followed to every call made through it. Scope analysis, no guessing: a
 * variable written twice is not followed.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { valueParent, walk } from './ast.js';
import { memberName, variableOf } from './values.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Every value the analysis can reach from one producer expression: the expression itself, and every
 * read of a variable (or class field) that holds it and is never written with anything else.
 */
export function usesOf(sourceCode: SourceCode, producer: Node, depth = 0): Node[] {
  const uses: Node[] = [producer];
  if (depth > 4) return uses;
  const { parent, child } = valueParent(producer);
  let variableNode: TSESTree.Identifier | undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
    variableNode = parent.id;
  } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child) {
    if (parent.left.type === AST_NODE_TYPES.Identifier) variableNode = parent.left;
    else if (parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.object.type === AST_NODE_TYPES.ThisExpression) {
      uses.push(...thisFieldReads(sourceCode, parent.left));
    }
  } else if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === child && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    uses.push(...thisFieldReads(sourceCode, parent));
  }
  if (variableNode === undefined) return uses;
  const variable = variableOf(sourceCode, variableNode);
  if (variable?.references.filter((reference) => reference.isWrite()).length !== 1) return uses;
  for (const reference of variable.references) {
    if (reference.isRead()) uses.push(...usesOf(sourceCode, reference.identifier, depth + 1));
  }
  return uses;
}

/** Reads of `this.name` in the class that declares or assigns the field. */
function thisFieldReads(sourceCode: SourceCode, field: TSESTree.MemberExpression | TSESTree.PropertyDefinition): Node[] {
  const name = field.type === AST_NODE_TYPES.MemberExpression ? memberName(field) : field.key.type === AST_NODE_TYPES.Identifier ? field.key.name : undefined;
  let classNode: Node | undefined = field.parent;
  while (classNode !== undefined && classNode.type !== AST_NODE_TYPES.ClassBody) classNode = classNode.parent;
  if (name === undefined || classNode === undefined) return [];
  const reads: Node[] = [];
  let writes = 0;
  walk(sourceCode, classNode, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || memberName(node) !== name) return;
    if (node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node) writes += 1;
    else reads.push(node);
  });
  const declared = field.type === AST_NODE_TYPES.PropertyDefinition ? 1 : 0;
  return writes + declared === 1 ? reads : [];
}
