/**
 * Static values: what an expression is known to hold before the program runs. Everything here
 * answers `undefined` when a value is not certain (a parameter, an env var, a variable written twice),
 * because the rules would rather stay silent than guess.
 */
import { ASTUtils, AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

/** One statically known string and the node it came from (where a finding and a fix belong). */
export interface StaticString {
  readonly value: string;
  readonly node: Node;
  /** The node is a plain string literal or a template without expressions: a fix can replace it. */
  readonly replaceable: boolean;
}

const MAX_DEPTH = 8;

/** Strips what does not change a value: parentheses are invisible in the AST, these are not. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The scope a node is read in. */
export function scopeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Scope {
  return ASTUtils.getInnermostScope(sourceCode.getScope(node), node);
}

/** The variable an identifier refers to, if it is declared in the file. */
export function variableOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(scopeOf(sourceCode, identifier), identifier) ?? undefined;
}

/**
 * The one expression a variable is ever given: its initializer or its single assignment. A variable
 * written twice (or declared by a parameter, an import, a loop) has no single value.
 */
export function singleWrite(variable: TSESLint.Scope.Variable): Node | undefined {
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || variable.defs.length !== 1) return undefined;
  const [write] = writes;
  const [definition] = variable.defs;
  if (write === undefined || definition === undefined) return undefined;
  if (definition.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
  const declarator = definition.node;
  // `for (const x of list)` writes once per iteration: not a single value.
  const statement = declarator.parent;
  if (statement.parent.type === AST_NODE_TYPES.ForOfStatement || statement.parent.type === AST_NODE_TYPES.ForInStatement) {
    return undefined;
  }
  return write.writeExpr ?? undefined;
}

/**
 * Follows identifiers (to their single write) and member reads of static objects (`config.scopes`)
 * down to the expression that produces the value.
 */
export function resolveExpression(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, depth = 0): Node {
  const current = unwrap(node);
  if (depth > MAX_DEPTH) return current;
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(sourceCode, current);
    const written = variable === undefined ? undefined : singleWrite(variable);
    // A destructuring write (`const { a } = obj`) holds a part of its expression, not all of it.
    if (written === undefined || !isDirectWrite(variable, written)) return current;
    return resolveExpression(sourceCode, written, depth + 1);
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const key = memberName(current);
    if (key === undefined) return current;
    const object = resolveExpression(sourceCode, current.object, depth + 1);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return current;
    const value = findProperty(sourceCode, object, key, depth + 1);
    return value === undefined ? current : resolveExpression(sourceCode, value, depth + 1);
  }
  return current;
}

function isDirectWrite(variable: TSESLint.Scope.Variable | undefined, written: Node): boolean {
  const identifier = variable?.defs[0]?.name;
  if (identifier === undefined) return false;
  const declarator = identifier.parent;
  if (declarator.type === AST_NODE_TYPES.VariableDeclarator) return declarator.id === identifier;
  return written.parent?.type === AST_NODE_TYPES.AssignmentExpression && written.parent.left.type === AST_NODE_TYPES.Identifier;
}

/** The static name of a member access (`a.b`, `a['b']`), if it has one. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The static key of an object property. */
export function propertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    return String(property.key.value);
  }
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

/**
 * The value expression of `key` in an object literal, spreads of static objects included. The last
 * writer wins, as at run time; a spread of something unknown makes an earlier value uncertain.
 */
export function findProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  object: TSESTree.ObjectExpression,
  key: string,
  depth = 0,
  matchKey: (candidate: string) => boolean = (candidate) => candidate === key,
): Node | undefined {
  let found: Node | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveExpression(sourceCode, property.argument, depth + 1);
      if (spread.type !== AST_NODE_TYPES.ObjectExpression) {
        found = undefined;
        continue;
      }
      found = findProperty(sourceCode, spread, key, depth + 1, matchKey) ?? found;
      continue;
    }
    const name = propertyKey(property);
    if (name !== undefined && matchKey(name)) found = property.value;
  }
  return found;
}

/** `findProperty` after resolving `node` to an object literal. */
export function propertyOf(sourceCode: Readonly<TSESLint.SourceCode>, node: Node | undefined, key: string): Node | undefined {
  if (node === undefined) return undefined;
  const object = resolveExpression(sourceCode, node);
  return object.type === AST_NODE_TYPES.ObjectExpression ? findProperty(sourceCode, object, key) : undefined;
}

/** A string the expression certainly holds: literals, templates, concatenations, constants. */
export function resolveString(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): StaticString | undefined {
  const target = resolveExpression(sourceCode, node);
  const result = ASTUtils.getStaticValue(target, scopeOf(sourceCode, target));
  if (result === null || typeof result.value !== 'string') return undefined;
  return { value: result.value, node: target, replaceable: isPlainString(target) };
}

function isPlainString(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  return node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0;
}

/**
 * A list of strings the expression certainly holds: an array (with spreads of constant arrays) or a
 * single string. One unknown element makes the whole list unknown.
 */
export function resolveStringList(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
  depth = 0,
): readonly StaticString[] | undefined {
  const target = resolveExpression(sourceCode, node);
  if (depth > MAX_DEPTH) return undefined;
  if (target.type !== AST_NODE_TYPES.ArrayExpression) {
    const single = resolveString(sourceCode, target);
    return single === undefined ? undefined : [single];
  }
  const list: StaticString[] = [];
  for (const element of target.elements) {
    if (element === null) return undefined;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveStringList(sourceCode, element.argument, depth + 1);
      if (spread === undefined || resolveExpression(sourceCode, element.argument).type !== AST_NODE_TYPES.ArrayExpression) return undefined;
      list.push(...spread);
      continue;
    }
    const value = resolveString(sourceCode, element);
    if (value === undefined) return undefined;
    list.push(value);
  }
  return list;
}

/** A boolean, number or string the expression certainly holds. */
export function resolvePrimitive(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): unknown {
  const target = resolveExpression(sourceCode, node);
  return ASTUtils.getStaticValue(target, scopeOf(sourceCode, target))?.value;
}

/** Stands for a value only known at run time inside a URL: shaped like the ids Graph paths hold. */
export const unknownSegment = '00000000-0000-4000-8000-00000000000f';

/**
 * A URL or path whose host and leading segment are static, with run-time values (ids, UPNs) standing
 * in as an id-shaped placeholder: `https://graph.microsoft.com/v1.0/users/${id}` is a users call
 * whatever the id. A URL whose structure itself is unknown (`${base}/me`, `/v1.0/${path}`) is undefined.
 */
export function resolveUrl(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string | undefined {
  const pattern = resolveUrlPattern(sourceCode, node);
  if (!pattern?.includes(unknownSegment)) return pattern;
  const path = pathOfPattern(pattern);
  if (path === undefined) return undefined;
  const segments = path.split('?')[0]?.split('/').filter((segment) => segment !== '') ?? [];
  const withoutVersion = /^(v1\.0|beta)$/u.test(segments[0] ?? '') ? segments.slice(1) : segments;
  if (withoutVersion[0] === undefined || withoutVersion[0].includes(unknownSegment)) return undefined;
  // A placeholder only stands for one id: inside a segment with other text, or next to another, it may be anything.
  const suspicious = withoutVersion.some(
    (segment, index) => segment.includes(unknownSegment) && (segment !== unknownSegment || withoutVersion[index - 1] === unknownSegment),
  );
  return suspicious ? undefined : pattern;
}

/** A URL (or absolute path) with a static scheme and host; any run-time part is the placeholder. */
export function resolveUrlPattern(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string | undefined {
  const pattern = urlPattern(sourceCode, resolveExpression(sourceCode, node), 0);
  if (pattern === undefined || pattern.startsWith(unknownSegment)) return undefined;
  return pathOfPattern(pattern) === undefined ? undefined : pattern;
}

function pathOfPattern(pattern: string): string | undefined {
  // Graph clients take relative paths with or without the leading slash.
  if (!/^[a-z][a-z0-9+.-]*:/iu.test(pattern)) return pattern.startsWith('/') ? pattern : `/${pattern}`;
  try {
    const url = new URL(pattern);
    return url.hostname.includes(unknownSegment.slice(0, 8)) ? undefined : decodeURIComponent(url.pathname) + url.search;
  } catch {
    return undefined;
  }
}

function urlPattern(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const known = resolveString(sourceCode, node);
  if (known !== undefined) return known.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    let text = '';
    node.quasis.forEach((quasi, index) => {
      text += quasi.value.cooked ?? '';
      const expression = node.expressions[index];
      if (expression !== undefined) text += resolveString(sourceCode, expression)?.value ?? unknownSegment;
    });
    return text;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const left = urlPattern(sourceCode, resolveExpression(sourceCode, node.left), depth + 1) ?? unknownSegment;
    const right = urlPattern(sourceCode, resolveExpression(sourceCode, node.right), depth + 1) ?? unknownSegment;
    return left + right;
  }
  return undefined;
}

/** A request body as the object it serialises: `{...}` or `JSON.stringify({...})`. */
export function bodyObject(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): Node {
  const target = resolveExpression(sourceCode, node);
  if (
    target.type === AST_NODE_TYPES.CallExpression &&
    target.callee.type === AST_NODE_TYPES.MemberExpression &&
    target.callee.object.type === AST_NODE_TYPES.Identifier &&
    target.callee.object.name === 'JSON' &&
    memberName(target.callee) === 'stringify' &&
    target.arguments[0] !== undefined
  ) {
    return resolveExpression(sourceCode, target.arguments[0]);
  }
  return target;
}
