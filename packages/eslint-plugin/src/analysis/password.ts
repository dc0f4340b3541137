/**
 * Which Graph calls set a password. The core decides (`passwordOperationOf`); this module only reads
 * off the source the one fact the core cannot see there: whether the request body has `passwordProfile`.
 */
import { GraphAuthzError, passwordOperationOf, type PasswordOperation } from '@graph-authz/core';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bodyObject, findProperty } from './values.js';

export function passwordOperation(
  sourceCode: Readonly<TSESLint.SourceCode>,
  method: string,
  path: string,
  body: TSESTree.Node | undefined,
): PasswordOperation | undefined {
  const setsProfile = body !== undefined && hasPasswordProfile(sourceCode, body);
  try {
    return passwordOperationOf({ method, url: path, body: setsProfile ? { passwordProfile: {} } : undefined });
  } catch (error) {
    // A path the core cannot read is an unknown value: stay silent.
    if (error instanceof GraphAuthzError) return undefined;
    throw error;
  }
}

function hasPasswordProfile(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.Node): boolean {
  const object = bodyObject(sourceCode, body);
  return object.type === AST_NODE_TYPES.ObjectExpression && findProperty(sourceCode, object, 'passwordProfile') !== undefined;
}
