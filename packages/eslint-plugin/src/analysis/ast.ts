/** Small AST helpers the analysis shares. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** Visits every node under `root` (root included), depth first, in source order. */
export function walk(sourceCode: Readonly<TSESLint.SourceCode>, root: Node, visit: (node: Node) => void): void {
  const keys = sourceCode.visitorKeys;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    visit(node);
    const children: Node[] = [];
    for (const key of keys[node.type] ?? []) {
      const child: unknown = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) {
        children.push(child);
      }
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Whether `inner` lies within `outer`'s source range. */
export function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** The nearest ancestor that is not a value-preserving wrapper (await, `as`, `!`, `?.` chain). */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent !== undefined &&
    (parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** `x.name(...)`: the call when `node` is the object of a member call with that shape. */
export function memberCallOn(node: Node): { name: string; call: TSESTree.CallExpression } | undefined {
  const { parent, child } = valueParent(node);
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child || parent.computed) return undefined;
  if (parent.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const call = parent.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return undefined;
  return { name: parent.property.name, call };
}

export function isFunction(
  node: Node,
): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
