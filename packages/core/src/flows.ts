/**
 * The ways an app gets a token for Graph, and the scope rules the token endpoint enforces for each.
 * Knowing the flow tells which kind of token comes back (roles vs scp) and which AADSTS error a
 * given scope list earns, before anyone calls the token endpoint.
 */
import { parseScope, type ScopeTarget } from './resources.js';
import type { TokenKind } from './types.js';

export type FlowId =
  | 'client-credentials'
  | 'managed-identity'
  | 'authorization-code'
  | 'on-behalf-of'
  | 'device-code'
  | 'refresh-token'
  | 'username-password';

export interface Flow {
  readonly id: FlowId;
  readonly name: string;
  /** The `grant_type` sent to the token endpoint; undefined for managed identity (IMDS takes a `resource`). */
  readonly grantType: string | undefined;
  readonly tokenKind: TokenKind;
  /** `single-default`: exactly one `{resource}/.default`; `named-or-default`: named scopes or a `.default`. */
  readonly scopeForm: 'single-default' | 'named-or-default';
  /**
   * `browser`/`device`: the user signs in interactively. `none-but-may-require`: no UI of its own,
   * but the token endpoint can answer interaction_required (MFA, conditional access, consent).
   */
  readonly interaction: 'none' | 'browser' | 'device' | 'none-but-may-require';
  readonly description: string;
}

export const flows: Readonly<Record<FlowId, Flow>> = {
  'client-credentials': {
    id: 'client-credentials',
    name: 'Client credentials',
    grantType: 'client_credentials',
    tokenKind: 'app',
    scopeForm: 'single-default',
    interaction: 'none',
    description: 'A daemon or service signs in as itself with a secret or certificate; the token carries the application permissions (roles) an admin granted.',
  },
  'managed-identity': {
    id: 'managed-identity',
    name: 'Managed identity',
    grantType: undefined,
    tokenKind: 'app',
    scopeForm: 'single-default',
    interaction: 'none',
    description: 'An Azure-hosted workload asks the local identity endpoint (IMDS) for a token for one resource; it is app-only, with the roles granted to the managed identity.',
  },
  'authorization-code': {
    id: 'authorization-code',
    name: 'Authorization code',
    grantType: 'authorization_code',
    tokenKind: 'delegated',
    scopeForm: 'named-or-default',
    interaction: 'browser',
    description: 'The user signs in in a browser and the app redeems the code for a delegated token (scp).',
  },
  'on-behalf-of': {
    id: 'on-behalf-of',
    name: 'On-behalf-of',
    grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    tokenKind: 'delegated',
    scopeForm: 'named-or-default',
    interaction: 'none-but-may-require',
    description: 'A web API exchanges the token it received for a delegated token to a downstream API; interaction_required must be passed back to the client.',
  },
  'device-code': {
    id: 'device-code',
    name: 'Device code',
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    tokenKind: 'delegated',
    scopeForm: 'named-or-default',
    interaction: 'device',
    description: 'A device without a browser shows a code the user enters on another device; the app polls for a delegated token.',
  },
  'refresh-token': {
    id: 'refresh-token',
    name: 'Refresh token',
    grantType: 'refresh_token',
    tokenKind: 'delegated',
    scopeForm: 'named-or-default',
    interaction: 'none-but-may-require',
    description: 'A refresh token is redeemed silently for a new delegated token; new conditional access or consent needs answers interaction_required.',
  },
  'username-password': {
    id: 'username-password',
    name: 'Username/password (ROPC)',
    grantType: 'password',
    tokenKind: 'delegated',
    scopeForm: 'named-or-default',
    interaction: 'none-but-may-require',
    description: "The app sends the user's password; it cannot satisfy MFA or consent, so those fail (AADSTS50076, 65001). Work or school accounts only; not recommended.",
  },
};

export interface ScopeProblem {
  readonly scenario: 'invalid-scope-for-flow' | 'multiple-resources';
  readonly aadsts: number;
  /** The offending scopes. */
  readonly scopes: readonly string[];
  readonly suggestion: readonly string[] | undefined;
  readonly message: string;
}

type ResourceTarget = Extract<ScopeTarget, { kind: 'resource' }>;

const defaultGraphScope = 'https://graph.microsoft.com/.default';

/**
 * The AADSTS error the token endpoint would answer a token request of `flow` for `scopes` with,
 * or undefined when the scopes are acceptable. Entries holding several space-separated scopes are
 * split, as the token endpoint sees one space-separated `scope` parameter.
 */
export function checkScopesForFlow(flow: FlowId, scopes: readonly string[]): ScopeProblem | undefined {
  const requested = scopes.flatMap((entry) => entry.split(/\s+/)).filter((scope) => scope !== '');
  const malformed = requested.filter((scope) => typeof parseScope(scope) === 'string');
  if (malformed.length > 0) return formatProblem(malformed, requested);
  const targets = requested.map((scope) => parseScope(scope) as ScopeTarget);
  const resourceTargets = targets.filter((target): target is ResourceTarget => target.kind === 'resource');
  const formProblem =
    flows[flow].scopeForm === 'single-default' ? singleDefaultProblem(flow, requested, resourceTargets) : defaultMixProblem(resourceTargets);
  return formProblem ?? multipleResourcesProblem(requested, resourceTargets);
}

/** Client credentials and managed identity: only `{resource}/.default` scopes are allowed. */
function singleDefaultProblem(flow: FlowId, requested: readonly string[], targets: readonly ResourceTarget[]): ScopeProblem | undefined {
  if (requested.length === 0) {
    // The token endpoint answers a missing scope parameter with AADSTS900144 (invalid_request); the
    // catalog's closest entry is AADSTS70011, whose text is "The provided request must include a 'scope' input parameter".
    return {
      scenario: 'invalid-scope-for-flow',
      aadsts: 70011,
      scopes: [],
      suggestion: [defaultGraphScope],
      message: `The ${flows[flow].name} flow needs a scope: request exactly one '{resource}/.default', e.g. '${defaultGraphScope}'.`,
    };
  }
  const offending = requested.filter((scope) => !targets.some((target) => target.scope === scope && target.isDefault));
  if (offending.length === 0) return undefined;
  const audiences = [...new Set(targets.filter((target) => !target.isDefault).map((target) => target.audience))];
  return {
    scenario: 'invalid-scope-for-flow',
    aadsts: 1002012,
    scopes: offending,
    suggestion: audiences.length > 0 ? audiences.map((audience) => `${audience}/.default`) : [defaultGraphScope],
    message: `The provided value for scope ${offending.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  };
}

/** Delegated flows: `.default` stands for every consented permission of its resource, so it cannot be mixed with named ones. */
function defaultMixProblem(targets: readonly ResourceTarget[]): ScopeProblem | undefined {
  const defaults = targets.filter((target) => target.isDefault);
  if (defaults.length === 0 || defaults.length === targets.length) return undefined;
  const offending = targets.map((target) => target.scope);
  return {
    scenario: 'invalid-scope-for-flow',
    aadsts: 70011,
    scopes: offending,
    suggestion: [...new Set(defaults.map((target) => target.scope))],
    message: `The provided value for the input parameter 'scope' is not valid. The scope ${offending.join(' ')} is not valid. .default scope can't be combined with resource-specific scopes.`,
  };
}

/** Any flow: one token is for one resource, so one request may name only one (OpenID Connect scopes don't count). */
function multipleResourcesProblem(requested: readonly string[], targets: readonly ResourceTarget[]): ScopeProblem | undefined {
  const groups = groupByResource(targets);
  if (groups.size <= 1) return undefined;
  return {
    scenario: 'multiple-resources',
    aadsts: 28000,
    scopes: targets.map((target) => target.scope),
    suggestion: [...groups.values()].map((group) => group.join(' ')),
    message: `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${requested.join(' ')} is not valid. Request a token per resource.`,
  };
}

/** Scopes keyed by the resource they name: a known resource by its id (URI and app id alike), else by audience. */
function groupByResource(targets: readonly ResourceTarget[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const target of targets) {
    const key = target.resource?.id ?? target.audience;
    groups.set(key, [...(groups.get(key) ?? []), target.scope]);
  }
  return groups;
}

function formatProblem(malformed: readonly string[], requested: readonly string[]): ScopeProblem {
  return {
    scenario: 'invalid-scope-for-flow',
    aadsts: 70011,
    scopes: malformed,
    suggestion: undefined,
    message: `The provided value for the input parameter 'scope' is not valid. The scope ${requested.join(' ')} is not valid. The scope format is invalid. Scope must be in a valid URI form <https://example/scope> or a valid Guid <guid/scope>.`,
  };
}
