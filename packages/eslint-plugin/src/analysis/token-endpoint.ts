/**
 * Hand-rolled requests to the Microsoft identity platform's token endpoint: the URL, and the
 * `grant_type` of a form body built with URLSearchParams, an object, or a string.
 */
import { isTokenEndpointUrl } from '@graph-authz/core';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberCallOn } from './ast.js';
import { targetOf } from './graph.js';
import type { ModuleModel } from './model.js';
import { usesOf } from './uses.js';
import { propertyOf, resolveExpression, resolveString } from './values.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface FormField {
  readonly value: string;
  readonly node: TSESTree.Node;
}

/** The static `grant_type` (and `scope`/`resource`) of a form body, whatever way it is built. */
export function formField(sourceCode: SourceCode, body: TSESTree.Node | undefined, name: string): FormField | undefined {
  if (body === undefined) return undefined;
  const target = resolveExpression(sourceCode, body);
  if (target.type === AST_NODE_TYPES.NewExpression) return searchParamsField(sourceCode, target, name);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return objectField(sourceCode, target, name);
  if (target.type === AST_NODE_TYPES.CallExpression) {
    // qs.stringify({...}) / querystring.stringify({...}) / JSON.stringify({...}) / params.toString()
    const callee = target.callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
      if (callee.property.name === 'stringify') return formField(sourceCode, target.arguments[0], name);
      if (callee.property.name === 'toString') return formField(sourceCode, callee.object, name);
    }
    return undefined;
  }
  const text = resolveString(sourceCode, target);
  const value = text === undefined ? undefined : new URLSearchParams(text.value).get(name);
  return text === undefined || value === null || value === undefined ? undefined : { value, node: text.node };
}

function objectField(sourceCode: SourceCode, object: TSESTree.ObjectExpression, name: string): FormField | undefined {
  const node = propertyOf(sourceCode, object, name);
  const value = node === undefined ? undefined : resolveString(sourceCode, node);
  return node === undefined || value === undefined ? undefined : { value: value.value, node };
}

/** `new URLSearchParams({ grant_type })`, or `params.append('grant_type', ...)` / `.set(...)` later. */
export function searchParamsField(sourceCode: SourceCode, node: TSESTree.NewExpression, name: string): FormField | undefined {
  const [init] = node.arguments;
  const fromInit = init === undefined ? undefined : formField(sourceCode, init, name);
  if (fromInit !== undefined) return fromInit;
  for (const use of usesOf(sourceCode, node)) {
    const call = memberCallOn(use);
    if (call === undefined || (call.name !== 'append' && call.name !== 'set')) continue;
    const [key, value] = call.call.arguments;
    if (key === undefined || value === undefined || resolveString(sourceCode, key)?.value !== name) continue;
    const text = resolveString(sourceCode, value);
    if (text !== undefined) return { value: text.value, node: call.call };
  }
  return undefined;
}

/** Whether a form names a Microsoft resource in `scope` or `resource`: then it is a Microsoft token request. */
export function namesMicrosoftResource(sourceCode: SourceCode, node: TSESTree.NewExpression): boolean {
  const scope = searchParamsField(sourceCode, node, 'scope')?.value;
  const resource = searchParamsField(sourceCode, node, 'resource')?.value;
  const scopes = [...(scope?.split(/\s+/u) ?? []), ...(resource === undefined ? [] : [`${resource.replace(/\/+$/u, '')}/.default`])];
  return scopes.some((entry) => {
    const target = entry.includes('/') ? targetOf(entry) : undefined;
    return target?.kind === 'resource' && target.resource !== undefined;
  });
}

/** Calls to the token endpoint and URLSearchParams token forms not sent by one of those calls. */
export function handRolledTokenRequests(sourceCode: SourceCode, model: ModuleModel): { calls: ModuleModel['httpCalls']; forms: TSESTree.NewExpression[] } {
  const calls = model.httpCalls.filter((call) => isTokenEndpointUrl(call.urlPattern));
  const forms = model.searchParams.filter(
    (form) =>
      searchParamsField(sourceCode, form, 'grant_type') !== undefined &&
      !calls.some((call) => call.body !== undefined && resolveExpression(sourceCode, call.body) === form) &&
      (calls.length > 0 || namesMicrosoftResource(sourceCode, form)),
  );
  return { calls, forms };
}
