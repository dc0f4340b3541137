/**
 * Which Graph calls set a password. The core's evaluator decides the same thing internally
 * (evaluate/request.ts `passwordOperation`) but does not export it; this private adapter mirrors its
 * three cases until it does.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bodyObject, findProperty } from './values.js';

export type PasswordOperation = 'resetPassword' | 'changePassword' | 'passwordProfile';

export function passwordOperation(
  sourceCode: Readonly<TSESLint.SourceCode>,
  method: string,
  path: string,
  body: TSESTree.Node | undefined,
): PasswordOperation | undefined {
  const segments = path.split('?')[0]?.split('/').filter((segment) => segment !== '') ?? [];
  const last = segments.at(-1)?.toLowerCase();
  if (last === 'resetpassword') return 'resetPassword';
  if (last === 'changepassword') return 'changePassword';
  const isUser = (segments.length === 2 && segments[0]?.toLowerCase() === 'users') || (segments.length === 1 && segments[0]?.toLowerCase() === 'me');
  if (method !== 'PATCH' || !isUser || body === undefined) return undefined;
  const object = bodyObject(sourceCode, body);
  return object.type === AST_NODE_TYPES.ObjectExpression && findProperty(sourceCode, object, 'passwordProfile') !== undefined
    ? 'passwordProfile'
    : undefined;
}
