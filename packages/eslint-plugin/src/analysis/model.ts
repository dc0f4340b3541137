/**
 * The module model every rule reads: where tokens come from (MSAL apps, @azure/identity credentials),
 * which token requests the module makes, and which HTTP calls it sends with which token. Built once
 * per file and shared by all rules through a cache keyed by the SourceCode object.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { flows, type FlowId, type TokenKind } from '@graph-authz/core';
import { contains, isFunction, memberCallOn, valueParent, walk } from './ast.js';
import { importedModules, traceReferences, type TraceInfo } from './trace.js';
import { usesOf } from './uses.js';
import {
  axiosMethods,
  credentialFlows,
  defaultGraphRoot,
  graphClientSenders,
  lookup,
  msalMethodFlows,
  sdkSenders,
} from './libraries.js';
import {
  memberName,
  propertyKey,
  propertyOf,
  resolveExpression,
  resolveString,
  unwrap,
  resolveStringList,
  resolveUrl,
  resolveUrlPattern,
  singleWrite,
  variableOf,
  unknownSegment,
  type StaticString,
} from './values.js';
import { typeComesFrom } from './types.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Something that acquires tokens: an MSAL application or an @azure/identity credential. */
export interface TokenSource {
  readonly node: Node;
  readonly library: 'msal' | 'identity';
  readonly className: string;
  /** Identity credentials run one flow; MSAL applications run one per method. */
  readonly flow: FlowId | undefined;
  /** The MSAL configuration or the credential's options object. */
  readonly config: Node | undefined;
  /** The tenant or authority segment (`consumers`, `organizations`, a GUID) when it is static. */
  readonly tenant: string | undefined;
}

/** One request for a token. */
export interface TokenRequest {
  readonly node: Node;
  readonly source: TokenSource | undefined;
  readonly flow: FlowId | undefined;
  readonly kind: TokenKind | undefined;
  /** `undefined` when the scopes are not statically known. */
  readonly scopes: readonly StaticString[] | undefined;
  /** The expression the scopes are written in (an array literal, an identifier, a string). */
  readonly scopesNode: Node | undefined;
  /** The request object or options object, when there is one. */
  readonly options: Node | undefined;
}

export type HttpVia = 'graph-client' | 'graph-sdk' | 'fetch' | 'axios' | 'got' | 'undici';

/** One HTTP request the module sends. */
export interface HttpCall {
  readonly node: TSESTree.CallExpression;
  readonly via: HttpVia;
  readonly method: string;
  /**
   * Absolute URL (graph clients' relative paths are put under the Graph root); run-time ids are a
   * placeholder. Undefined when the URL's structure is not static (only `urlPattern` is known).
   */
  readonly url: string | undefined;
  /** The URL with every run-time part (even a tenant or a whole segment) as the placeholder; '' when the host is not static. */
  readonly urlPattern: string;
  readonly urlNode: Node;
  readonly body: Node | undefined;
  readonly options: Node | undefined;
  /** The token requests whose token this call carries; empty when unknown. */
  readonly tokens: readonly TokenRequest[];
}

export interface ModuleModel {
  readonly sources: readonly TokenSource[];
  readonly tokenRequests: readonly TokenRequest[];
  readonly httpCalls: readonly HttpCall[];
  /** `new URLSearchParams(...)` calls: hand-built token request bodies are detected from these. */
  readonly searchParams: readonly TSESTree.NewExpression[];
  readonly importsAuthLibrary: boolean;
}

const cache = new WeakMap<object, ModuleModel>();

/** The model of the file being linted (computed on first use, then shared by every rule). */
export function moduleModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ModuleModel {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode);
  if (cached !== undefined) return cached;
  const model = new ModelBuilder(sourceCode).build();
  cache.set(sourceCode, model);
  return model;
}

/** The token kind a call's token certainly has, or undefined when unknown or mixed. */
export function tokenKindOfCall(call: HttpCall): TokenKind | undefined {
  return commonKind(call.tokens);
}

export function commonKind(requests: readonly TokenRequest[]): TokenKind | undefined {
  const kinds = new Set(requests.map((request) => request.kind));
  if (kinds.size !== 1) return undefined;
  const [kind] = kinds;
  return kind;
}

function kindOfFlow(flow: FlowId | undefined): TokenKind | undefined {
  return flow === undefined ? undefined : flows[flow].tokenKind;
}

class ModelBuilder {
  private readonly sources: TokenSource[] = [];
  private readonly requests: TokenRequest[] = [];
  private readonly calls: HttpCall[] = [];
  private readonly searchParams: TSESTree.NewExpression[] = [];
  private readonly requestByNode = new Map<Node, TokenRequest>();
  private readonly sourceByNode = new Map<Node, TokenSource>();
  private readonly moduleIds: string[];

  constructor(private readonly sourceCode: SourceCode) {
    this.moduleIds = importedModules(sourceCode);
  }

  build(): ModuleModel {
    const references = traceReferences(this.sourceCode, this.moduleIds);
    const importsAuthLibrary = this.moduleIds.some((id) => id.startsWith('@azure/'));
    const byWhat = (what: TraceInfo['what']): { node: Node; info: TraceInfo }[] =>
      references.filter((reference) => reference.info.what === what);
    for (const { node, info } of byWhat('msal-app')) this.addMsalApp(node, info);
    for (const { node, info } of byWhat('credential')) this.addCredential(node, info);
    if (importsAuthLibrary || this.sourceCode.parserServices?.program) this.scanMemberCalls();
    for (const { node } of byWhat('msal-hook')) this.addHookRequest(node);
    for (const { node } of byWhat('tcap')) this.addProviderRequest(node);
    for (const { node } of byWhat('kiota-auth')) this.addProviderRequest(node);
    for (const { node, info } of byWhat('graph-client')) this.addGraphClient(node, info);
    for (const { node } of byWhat('sdk-client')) this.addSdkClient(node);
    for (const { node, info } of byWhat('fetch')) this.addFetch(node, info);
    for (const { node, info } of byWhat('axios')) this.addAxios(node, info);
    for (const { node } of byWhat('axios-instance')) this.addAxiosInstance(node);
    for (const { node } of byWhat('search-params')) {
      if (node.type === AST_NODE_TYPES.NewExpression) this.searchParams.push(node);
    }
    return {
      sources: this.sources,
      tokenRequests: this.requests,
      httpCalls: this.calls,
      searchParams: this.searchParams,
      importsAuthLibrary,
    };
  }

  private addMsalApp(node: Node, info: TraceInfo): void {
    if (info.what !== 'msal-app' || !isCallOrNew(node)) return;
    const config = node.arguments[0];
    const authority = this.staticString(propertyOf(this.sourceCode, propertyOf(this.sourceCode, config, 'auth'), 'authority'));
    const source: TokenSource = {
      node,
      library: 'msal',
      className: info.name,
      flow: info.name === 'ManagedIdentityApplication' ? 'managed-identity' : undefined,
      config,
      tenant: authority === undefined ? undefined : tenantOfAuthority(authority),
    };
    this.addSource(source);
    for (const use of usesOf(this.sourceCode, node)) {
      const call = memberCallOn(use);
      if (call === undefined) continue;
      if (info.name === 'ManagedIdentityApplication' && call.name === 'acquireToken') {
        this.addRequest({ node: call.call, source, flow: 'managed-identity', kind: 'app', scopes: undefined, scopesNode: undefined, options: call.call.arguments[0] });
        continue;
      }
      this.addMsalRequest(call.call, call.name, source);
    }
  }

  private addMsalRequest(call: TSESTree.CallExpression, method: string, source: TokenSource | undefined): void {
    const flow = lookup(msalMethodFlows, method);
    if (flow === undefined || this.requestByNode.has(call)) return;
    const options = call.arguments[0];
    const scopesNode = propertyOf(this.sourceCode, options, 'scopes');
    this.addRequest({
      node: call,
      source,
      flow,
      kind: kindOfFlow(flow),
      scopes: scopesNode === undefined ? undefined : resolveStringList(this.sourceCode, scopesNode),
      scopesNode,
      options,
    });
  }

  private addHookRequest(node: Node): void {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const options = node.arguments[1];
    const scopesNode = propertyOf(this.sourceCode, options, 'scopes');
    const scopes = scopesNode === undefined ? undefined : resolveStringList(this.sourceCode, scopesNode);
    this.addRequest({ node, source: undefined, flow: 'authorization-code', kind: 'delegated', scopes, scopesNode, options });
  }

  private addCredential(node: Node, info: TraceInfo): void {
    if (info.what !== 'credential' || node.type !== AST_NODE_TYPES.NewExpression) return;
    const flow = lookup(credentialFlows, info.name);
    const source: TokenSource = { node, library: 'identity', className: info.name, flow, config: node.arguments.at(-1), tenant: this.credentialTenant(node) };
    this.addSource(source);
    for (const use of usesOf(this.sourceCode, node)) {
      const call = memberCallOn(use);
      if (call?.name === 'getToken') this.addGetToken(call.call, source);
    }
  }

  /** The tenant a credential signs in to: the first argument, or the `tenantId` option. */
  private credentialTenant(node: TSESTree.NewExpression): string | undefined {
    const [first] = node.arguments;
    if (first === undefined) return undefined;
    const tenant = resolveExpression(this.sourceCode, first).type === AST_NODE_TYPES.ObjectExpression
      ? propertyOf(this.sourceCode, first, 'tenantId')
      : first;
    return tenant === undefined ? undefined : resolveString(this.sourceCode, tenant)?.value;
  }

  private addGetToken(call: TSESTree.CallExpression, source: TokenSource | undefined): void {
    if (this.requestByNode.has(call)) return;
    const scopesNode = call.arguments[0];
    const flow = source?.flow;
    this.addRequest({
      node: call,
      source,
      flow,
      kind: kindOfFlow(flow),
      scopes: scopesNode === undefined ? undefined : resolveStringList(this.sourceCode, scopesNode),
      scopesNode,
      options: call.arguments[1],
    });
  }

  /**
   * MSAL methods called on receivers the tracker cannot follow (`useMsal().instance`, parameters,
   * class fields): their names are MSAL's own, so in a module that imports MSAL (or whose types say
   * the receiver is MSAL's) they are token requests whose application is unknown.
   */
  private scanMemberCalls(): void {
    const importsMsal = this.moduleIds.some((id) => id.startsWith('@azure/msal-'));
    walk(this.sourceCode, this.sourceCode.ast, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(node.callee);
      if (name === undefined) return;
      if (lookup(msalMethodFlows, name) !== undefined && (importsMsal || typeComesFrom(this.sourceCode, node.callee.object, '@azure/msal-'))) {
        this.addMsalRequest(node, name, undefined);
      } else if (name === 'getToken' && !this.requestByNode.has(node) && typeComesFrom(this.sourceCode, node.callee.object, '@azure/')) {
        this.addGetToken(node, undefined);
      }
    });
  }

  /** TokenCredentialAuthenticationProvider(credential, { scopes }) / AzureIdentityAuthenticationProvider(credential, scopes). */
  private addProviderRequest(node: Node): void {
    if (node.type !== AST_NODE_TYPES.NewExpression) return;
    const [credential, second] = node.arguments;
    const source = credential === undefined ? undefined : this.sourceByNode.get(resolveExpression(this.sourceCode, credential));
    const isOptionsObject = second !== undefined && resolveExpression(this.sourceCode, second).type === AST_NODE_TYPES.ObjectExpression;
    const scopesNode = isOptionsObject ? propertyOf(this.sourceCode, second, 'scopes') : second;
    const flow = source?.flow;
    this.addRequest({
      node,
      source,
      flow,
      kind: kindOfFlow(flow),
      scopes: scopesNode === undefined ? undefined : resolveStringList(this.sourceCode, scopesNode),
      scopesNode,
      options: isOptionsObject ? second : undefined,
    });
  }

  private addGraphClient(node: Node, info: TraceInfo): void {
    if (info.what !== 'graph-client' || node.type !== AST_NODE_TYPES.CallExpression) return;
    const options = node.arguments[0];
    const tokens = this.tokensOfProvider(propertyOf(this.sourceCode, options, 'authProvider'));
    const versionNode = propertyOf(this.sourceCode, options, 'defaultVersion');
    const version = versionNode === undefined ? 'v1.0' : this.staticString(versionNode);
    const baseUrlNode = propertyOf(this.sourceCode, options, 'baseUrl');
    const baseUrl = baseUrlNode === undefined ? defaultGraphRoot : this.staticString(baseUrlNode);
    if (baseUrl === undefined || version === undefined) return;
    for (const use of usesOf(this.sourceCode, node)) {
      const api = memberCallOn(use);
      if (api?.name !== 'api') continue;
      this.addGraphClientCall(api.call, tokens, baseUrl.replace(/\/+$/u, ''), version);
    }
  }

  /** Follows `client.api(path).version('beta').select(...).get()` to the call that sends. */
  private addGraphClientCall(apiCall: TSESTree.CallExpression, tokens: readonly TokenRequest[], root: string, defaultVersion: string): void {
    const [pathNode] = apiCall.arguments;
    // An unknown path is still a call made with this token: rules reasoning about "every call" must see it.
    const path = pathNode === undefined ? undefined : resolveUrl(this.sourceCode, pathNode);
    let version: string | undefined = defaultVersion;
    let current: Node = apiCall;
    for (let step = 0; step < 20; step += 1) {
      const next = memberCallOn(current);
      if (next === undefined) return;
      const method = lookup(graphClientSenders, next.name);
      if (method !== undefined) {
        const url = path === undefined || version === undefined ? undefined : /^https?:\/\//iu.test(path) ? path : `${root}/${version}/${path.replace(/^\/+/u, '')}`;
        const body = method === 'GET' || method === 'DELETE' ? undefined : next.call.arguments[0];
        this.calls.push({ node: next.call, via: 'graph-client', method, url, urlPattern: url ?? '', urlNode: pathNode ?? apiCall, body, options: undefined, tokens });
        return;
      }
      if (next.name === 'version') {
        const value = next.call.arguments[0] === undefined ? undefined : resolveString(this.sourceCode, next.call.arguments[0]);
        version = value?.value;
      }
      current = next.call;
    }
  }

  private addSdkClient(node: Node): void {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const adapter = node.arguments[0] === undefined ? undefined : resolveExpression(this.sourceCode, node.arguments[0]);
    const provider = adapter?.type === AST_NODE_TYPES.NewExpression ? adapter.arguments[0] : undefined;
    const tokens = this.tokensOfProvider(provider);
    for (const use of usesOf(this.sourceCode, node)) this.addSdkCall(use, tokens);
  }

  /** Maps a Kiota fluent chain (`users.byUserId(id).messages.get()`) to its method and Graph path. */
  private addSdkCall(root: Node, tokens: readonly TokenRequest[]): void {
    const segments: string[] = [];
    let current = root;
    for (let step = 0; step < 30; step += 1) {
      const { parent, child } = valueParent(current);
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child) return;
      const name = memberName(parent);
      if (name === undefined) return;
      const call = parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? parent.parent : undefined;
      if (call === undefined) {
        segments.push(sdkSegment(name));
        current = parent;
        continue;
      }
      const method = lookup(sdkSenders, name);
      if (method !== undefined) {
        if (segments.length === 0) return;
        const body = method === 'GET' || method === 'DELETE' ? undefined : call.arguments[0];
        const url = `${defaultGraphRoot}/v1.0/${segments.join('/')}`;
        this.calls.push({ node: call, via: 'graph-sdk', method, url, urlPattern: url, urlNode: call.callee, body, options: undefined, tokens });
        return;
      }
      // `byUserId(id)`: an item of the collection; any other function (withUrl, ...WithSkip) is not a plain path.
      if (!/^by[A-Z]\w*$/u.test(name)) return;
      segments.push(unknownSegment);
      current = call;
    }
  }

  private addFetch(node: Node, info: TraceInfo): void {
    if (info.what !== 'fetch' || node.type !== AST_NODE_TYPES.CallExpression) return;
    const [urlNode, init] = node.arguments;
    if (urlNode === undefined) return;
    const urlPattern = resolveUrlPattern(this.sourceCode, urlNode) ?? '';
    const url = resolveUrl(this.sourceCode, urlNode);
    const method = this.methodOf(init, info.via === 'got' && isGotPost(node) ? 'POST' : 'GET');
    if (method === undefined) return;
    const headers = propertyOf(this.sourceCode, init, 'headers');
    this.calls.push({
      node,
      via: info.via,
      method,
      url,
      urlPattern,
      urlNode,
      body: propertyOf(this.sourceCode, init, 'body') ?? propertyOf(this.sourceCode, init, 'json') ?? propertyOf(this.sourceCode, init, 'form'),
      options: init,
      tokens: this.tokensOfHeaders(headers),
    });
  }

  private addAxios(node: Node, info: TraceInfo): void {
    if (info.what !== 'axios' || node.type !== AST_NODE_TYPES.CallExpression) return;
    const shorthand = info.method === undefined ? undefined : lookup(axiosMethods, info.method);
    let urlNode: Node | undefined;
    let config: Node | undefined;
    let method: string | undefined;
    let body: Node | undefined;
    if (shorthand !== undefined) {
      urlNode = node.arguments[0];
      config = node.arguments[shorthand.configIndex];
      method = shorthand.method;
      body = shorthand.configIndex === 2 ? node.arguments[1] : undefined;
    } else {
      const first = node.arguments[0];
      const firstIsConfig = first !== undefined && resolveExpression(this.sourceCode, first).type === AST_NODE_TYPES.ObjectExpression;
      config = firstIsConfig ? first : node.arguments[1];
      urlNode = firstIsConfig ? propertyOf(this.sourceCode, config, 'url') : first;
      method = this.methodOf(config, 'GET');
      body = propertyOf(this.sourceCode, config, 'data');
    }
    if (urlNode === undefined || method === undefined) return;
    const urlPattern = resolveUrlPattern(this.sourceCode, urlNode) ?? '';
    const url = resolveUrl(this.sourceCode, urlNode);
    this.calls.push({ node, via: 'axios', method, url, urlPattern, urlNode, body, options: config, tokens: this.tokensOfHeaders(propertyOf(this.sourceCode, config, 'headers')) });
  }

  /** `const graph = axios.create({ baseURL, headers }); graph.get('/me')`: calls relative to the instance's base URL. */
  private addAxiosInstance(node: Node): void {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const config = node.arguments[0];
    const baseNode = propertyOf(this.sourceCode, config, 'baseURL');
    const base = baseNode === undefined ? undefined : resolveUrlPattern(this.sourceCode, baseNode);
    const instanceTokens = this.tokensOfHeaders(propertyOf(this.sourceCode, config, 'headers'));
    for (const use of usesOf(this.sourceCode, node)) {
      const call = memberCallOn(use);
      const shorthand = call === undefined ? undefined : lookup(axiosMethods, call.name);
      const urlNode = call?.call.arguments[0];
      if (call === undefined || shorthand === undefined || urlNode === undefined) continue;
      const options = call.call.arguments[shorthand.configIndex];
      const callTokens = this.tokensOfHeaders(propertyOf(this.sourceCode, options, 'headers'));
      const path = resolveUrl(this.sourceCode, urlNode);
      const pattern = resolveUrlPattern(this.sourceCode, urlNode);
      this.calls.push({
        node: call.call,
        via: 'axios',
        method: shorthand.method,
        url: joinUrl(base, path),
        urlPattern: joinUrl(base, pattern) ?? '',
        urlNode,
        body: shorthand.configIndex === 2 ? call.call.arguments[1] : undefined,
        options,
        tokens: callTokens.length > 0 ? callTokens : instanceTokens,
      });
    }
  }

  /** The static `method` option (upper-cased), the fallback when absent, undefined when unknown. */
  private methodOf(options: Node | undefined, fallback: string): string | undefined {
    const node = propertyOf(this.sourceCode, options, 'method');
    if (node === undefined) {
      // A spread of something unknown might carry a method: only a fully static object is trusted.
      return options === undefined || isStaticObject(this.sourceCode, options) ? fallback : undefined;
    }
    return resolveString(this.sourceCode, node)?.value.toUpperCase();
  }

  /** The token requests an `Authorization: Bearer ${token}` header carries. */
  private tokensOfHeaders(headers: Node | undefined): readonly TokenRequest[] {
    if (headers === undefined) return [];
    const object = resolveExpression(this.sourceCode, headers);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return [];
    const authorization = object.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && propertyKey(property)?.toLowerCase() === 'authorization',
    );
    if (authorization === undefined) return [];
    const value = resolveExpression(this.sourceCode, authorization.value);
    const tokenNode = bearerOperand(value);
    return tokenNode === undefined ? [] : this.tokensOfExpression(tokenNode, 0);
  }

  /** `result.accessToken`, `token` (= that), `(await cca.acquireToken...()).accessToken`, `getToken()`. */
  private tokensOfExpression(node: Node, depth: number): readonly TokenRequest[] {
    if (depth > 6) return [];
    const target = unwrapAwait(node);
    const direct = this.requestByNode.get(target);
    if (direct !== undefined) return [direct];
    if (target.type === AST_NODE_TYPES.MemberExpression) return this.tokensOfExpression(target.object, depth + 1);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(this.sourceCode, target);
      const written = variable === undefined ? undefined : singleWrite(variable);
      return written === undefined ? [] : this.tokensOfExpression(written, depth + 1);
    }
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const fn = this.localFunction(target.callee);
      return fn === undefined ? [] : this.requestsWithin(fn);
    }
    return [];
  }

  /** The token requests behind an auth provider: a TokenCredentialAuthenticationProvider, or code that fetches tokens. */
  private tokensOfProvider(provider: Node | undefined): readonly TokenRequest[] {
    if (provider === undefined) return [];
    const target = resolveExpression(this.sourceCode, provider);
    const direct = this.requestByNode.get(target);
    if (direct !== undefined) return [direct];
    if (isFunction(target)) {
      const within = this.requestsWithin(target);
      return within.length > 0 ? within : this.tokensPassedToDone(target);
    }
    if (target.type === AST_NODE_TYPES.ObjectExpression) return this.requestsWithin(target);
    // `new GraphAuthProvider()`: a class of this module whose getAccessToken acquires the tokens.
    const declared = target.type === AST_NODE_TYPES.NewExpression ? this.localClass(target.callee) : undefined;
    return declared === undefined ? [] : this.requestsWithin(declared);
  }

  /** graph-client's `authProvider: (done) => done(null, result.accessToken)` with a token acquired elsewhere. */
  private tokensPassedToDone(callback: TSESTree.FunctionLike): readonly TokenRequest[] {
    const [done] = callback.params;
    if (done?.type !== AST_NODE_TYPES.Identifier) return [];
    const found = new Set<TokenRequest>();
    walk(this.sourceCode, callback, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== done.name) return;
      const token = node.arguments[1];
      if (token !== undefined) for (const request of this.tokensOfExpression(token, 0)) found.add(request);
    });
    return [...found];
  }

  private localClass(callee: Node): Node | undefined {
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = variableOf(this.sourceCode, callee)?.defs[0];
    return definition?.node.type === AST_NODE_TYPES.ClassDeclaration ? definition.node : undefined;
  }

  /** Token requests made inside a function or object (and in the module's functions it calls). */
  private requestsWithin(container: Node): readonly TokenRequest[] {
    const found = new Set(this.requests.filter((request) => contains(container, request.node)));
    walk(this.sourceCode, container, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const fn = this.localFunction(node.callee);
      if (fn === undefined || contains(fn, container)) return;
      for (const request of this.requests) if (contains(fn, request.node)) found.add(request);
    });
    return [...found];
  }

  /** A function declared in this module that a callee names. */
  private localFunction(callee: Node): Node | undefined {
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = variableOf(this.sourceCode, callee);
    const definition = variable?.defs[0];
    if (variable?.defs.length !== 1 || definition === undefined) return undefined;
    if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
    const written = singleWrite(variable);
    return written !== undefined && isFunction(written) ? written : undefined;
  }

  private staticString(node: Node | undefined): string | undefined {
    return node === undefined ? undefined : resolveString(this.sourceCode, node)?.value;
  }

  private addSource(source: TokenSource): void {
    this.sources.push(source);
    this.sourceByNode.set(source.node, source);
  }

  private addRequest(request: TokenRequest): void {
    this.requests.push(request);
    this.requestByNode.set(request.node, request);
  }
}

function isCallOrNew(node: Node): node is TSESTree.CallExpression | TSESTree.NewExpression {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
}

/** An absolute URL as is; a relative one under the base (undefined without a static base). */
function joinUrl(base: string | undefined, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (/^https?:\/\//iu.test(path)) return path;
  return base === undefined ? undefined : `${base.replace(/\/+$/u, '')}/${path.replace(/^\/+/u, '')}`;
}

function isGotPost(node: TSESTree.CallExpression): boolean {
  return node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'post';
}

function unwrapAwait(node: Node): Node {
  return unwrap(node);
}

/** The token expression in `Bearer ${token}` or `'Bearer ' + token`. */
function bearerOperand(value: Node): Node | undefined {
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 1) {
    const head = value.quasis[0]?.value.cooked ?? '';
    return /^bearer\s+$/iu.test(head) ? value.expressions[0] : undefined;
  }
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+' && value.left.type === AST_NODE_TYPES.Literal) {
    return typeof value.left.value === 'string' && /^bearer\s+$/iu.test(value.left.value) ? value.right : undefined;
  }
  return undefined;
}

function isStaticObject(sourceCode: SourceCode, node: Node): boolean {
  const object = resolveExpression(sourceCode, node);
  return object.type === AST_NODE_TYPES.ObjectExpression && object.properties.every((property) => property.type === AST_NODE_TYPES.Property);
}

/** Kiota names `$count` `count`; every other navigation property is the Graph segment itself. */
function sdkSegment(name: string): string {
  return name === 'count' ? '$count' : name;
}

/** `https://login.microsoftonline.com/consumers/` -> `consumers`. */
export function tenantOfAuthority(authority: string): string | undefined {
  try {
    return new URL(authority).pathname.split('/').find((segment) => segment !== '');
  } catch {
    return undefined;
  }
}
