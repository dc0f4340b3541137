/**
 * ReferenceTracker trace maps (as eslint-plugin-n uses them) for the libraries the plugin knows,
 * built per file from the modules it actually imports or requires.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { axiosMethods, credentialClasses, isRelevantModule, msalApplicationClasses, msalApplicationFactories } from './libraries.js';
import type { HttpVia } from './model.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
const { ReferenceTracker } = ASTUtils;

/** What a traced reference is. */
export type TraceInfo =
  | { what: 'msal-app'; name: string }
  | { what: 'msal-hook' }
  | { what: 'credential'; name: string }
  | { what: 'tcap' }
  | { what: 'graph-client'; middleware: boolean }
  | { what: 'sdk-client' }
  | { what: 'kiota-auth' }
  | { what: 'fetch'; via: HttpVia }
  | { what: 'axios'; method: string | undefined }
  | { what: 'axios-instance' }
  | { what: 'search-params' };

/** Every traced reference in the file: ESM imports, CommonJS requires, globals. */
export function traceReferences(sourceCode: SourceCode, moduleIds: readonly string[]): { node: Node; info: TraceInfo }[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const tracker = new ReferenceTracker(withImplicitGlobals(globalScope), { mode: 'legacy' });
  const moduleMap = traceMapFor(moduleIds);
  const found: { node: Node; info: TraceInfo }[] = [];
  const seen = new Set<Node>();
  const push = (reference: { node: Node; info: TraceInfo }): void => {
    if (!seen.has(reference.node)) found.push(reference);
    seen.add(reference.node);
  };
  for (const reference of tracker.iterateEsmReferences<TraceInfo>(moduleMap)) push(reference);
  for (const reference of tracker.iterateCjsReferences<TraceInfo>(moduleMap)) push(reference);
  for (const reference of tracker.iterateGlobalReferences<TraceInfo>(globalMap)) push(reference);
  return found;
}

/**
 * The global scope as the tracker sees it, plus the globals the user's config does not declare
 * (`fetch`, `require` without `globals.node`): their unresolved references still mean the global,
 * so they are offered as variables with no definition, as declared globals are.
 */
function withImplicitGlobals(globalScope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  const implicit = new Map<string, { name: string; defs: never[]; references: TSESLint.Scope.Reference[] }>();
  for (const reference of globalScope.through) {
    const name = reference.identifier.type === AST_NODE_TYPES.Identifier ? reference.identifier.name : undefined;
    if (name === undefined || globalScope.set.has(name)) continue;
    const entry = implicit.get(name) ?? { name, defs: [], references: [] };
    entry.references.push(reference);
    implicit.set(name, entry);
  }
  const set = { get: (name: string) => globalScope.set.get(name) ?? implicit.get(name), has: (name: string) => globalScope.set.has(name) || implicit.has(name) };
  // Everything else (childScopes, block, ...) is the real scope's: the tracker walks scopes from here.
  return Object.create(globalScope, { set: { value: set } }) as TSESLint.Scope.Scope;
}

/** Module specifiers the file imports or requires. */
export function importedModules(sourceCode: SourceCode): string[] {
  const ids = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) ids.add(statement.source.value);
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  // `require` is a declared global in CommonJS files and under `globals.node`, an unresolved one elsewhere.
  const requires = [...(globalScope?.set.get('require')?.references ?? []), ...(globalScope?.through ?? [])];
  for (const reference of requires) {
    if (reference.identifier.name !== 'require') continue;
    const call = reference.identifier.parent;
    const [argument] = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [];
    if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') ids.add(argument.value);
  }
  return [...ids].filter(isRelevantModule);
}

const { CALL, CONSTRUCT } = ReferenceTracker;
type TraceMap = Parameters<InstanceType<typeof ReferenceTracker>['iterateEsmReferences']>[0];
type TraceMapElement = TraceMap[string];

function traceMapFor(moduleIds: readonly string[]): TraceMap {
  const map: TraceMap = {};
  for (const id of moduleIds) {
    const entry = traceEntryFor(id);
    if (entry !== undefined) map[id] = entry;
  }
  return map;
}

type Entry = TraceMapElement;

function constructs(info: TraceInfo): Entry {
  return { [CONSTRUCT]: info };
}

function calls(info: TraceInfo, members: Record<string, Entry> = {}): Entry {
  return { [CALL]: info, ...members };
}

function traceEntryFor(id: string): Entry | undefined {
  if (id.startsWith('@azure/msal-')) {
    const entry: Record<string, Entry> = {};
    for (const name of msalApplicationClasses) entry[name] = constructs({ what: 'msal-app', name });
    for (const name of msalApplicationFactories) entry[name] = calls({ what: 'msal-app', name: 'PublicClientApplication' });
    entry.useMsalAuthentication = calls({ what: 'msal-hook' });
    return entry;
  }
  if (id === '@azure/identity') {
    const entry: Record<string, Entry> = {};
    for (const name of credentialClasses) entry[name] = constructs({ what: 'credential', name });
    return entry;
  }
  if (id.startsWith('@microsoft/microsoft-graph-client')) {
    return {
      Client: {
        init: calls({ what: 'graph-client', middleware: false }),
        initWithMiddleware: calls({ what: 'graph-client', middleware: true }),
      },
      TokenCredentialAuthenticationProvider: constructs({ what: 'tcap' }),
    };
  }
  if (id.startsWith('@microsoft/msgraph-sdk')) return { createGraphServiceClient: calls({ what: 'sdk-client' }) };
  if (id.startsWith('@microsoft/kiota-authentication-azure')) return { AzureIdentityAuthenticationProvider: constructs({ what: 'kiota-auth' }) };
  if (id === 'axios') {
    const members: Record<string, Entry> = { request: calls({ what: 'axios', method: undefined }), create: calls({ what: 'axios-instance' }) };
    for (const method of Object.keys(axiosMethods)) members[method] = calls({ what: 'axios', method });
    return calls({ what: 'axios', method: undefined }, members);
  }
  if (id === 'got') return calls({ what: 'fetch', via: 'got' }, { post: calls({ what: 'fetch', via: 'got' }) });
  if (id === 'undici') return { fetch: calls({ what: 'fetch', via: 'undici' }), request: calls({ what: 'fetch', via: 'undici' }) };
  if (id === 'node-fetch' || id === 'cross-fetch' || id === 'isomorphic-fetch') return calls({ what: 'fetch', via: 'fetch' });
  return undefined;
}

const globalMap: TraceMap = {
  fetch: calls({ what: 'fetch', via: 'fetch' }),
  URLSearchParams: constructs({ what: 'search-params' }),
};
