/**
 * One scenario, one set of MSW handlers: `server.use(...simulate('expired-token'))`. Graph-side
 * scenarios answer Graph requests (every host and version, or only `method`/`path`); token-side
 * ones answer the token endpoint of any tenant. Every byte of the answer is the core catalog's.
 */
import {
  getScenario, graphErrorResponse, InvalidArgumentError, tokenErrorResponse,
  type GraphScenario, type ScenarioId, type TokenEndpointScenario, type Workload,
} from '@graph-authz/core';
import { http, type HttpHandler } from 'msw';
import { loginHost } from './context.js';
import { graphPathOf, graphUrlPattern } from './graph-hosts.js';
import { capolids } from './policies.js';
import { clientRequestId, fromSpec, guard } from './responses.js';

export interface SimulateOptions {
  /** Answer only the first matching request, then step aside (MSW's `once`). */
  readonly once?: boolean;
  /** Graph side: only requests with this method (or one of these). */
  readonly method?: string | readonly string[];
  /**
   * Graph side: only this path after the version, e.g. `/me`, `/users/{id}/messages` (a `{name}`
   * matches one segment, `*` anything), or a RegExp tested against that path.
   */
  readonly path?: string | RegExp;
  /** The workload flavour of a 403: `directory` (Authorization_RequestDenied), `outlook` (ErrorAccessDenied), `files` (accessDenied). */
  readonly workload?: Workload;
  /** A variant key of the scenario (`getScenario(id).variants`), e.g. `aadsts53003` or `no-dots`. */
  readonly variant?: string;
  /** The claims request JSON of a challenge (Graph's insufficient_claims, or the token endpoint's `claims`). */
  readonly claims?: string;
}

export function simulate(scenarioId: ScenarioId, options: SimulateOptions = {}): HttpHandler[] {
  const scenario = getScenario(scenarioId);
  return scenario.side === 'graph' ? [graphSide(scenario, options)] : [tokenSide(scenario, options)];
}

function graphSide(scenario: GraphScenario, options: SimulateOptions): HttpHandler {
  if (options.variant !== undefined && !scenario.variants.some((variant) => variant.key === options.variant)) {
    throw new InvalidArgumentError('variant', `Scenario '${scenario.id}' has no variant '${options.variant}' (known: ${scenario.variants.map((variant) => variant.key).join(', ')}).`);
  }
  const matches = requestFilter(options);
  return http.all(
    graphUrlPattern,
    guard('graph', ({ request }) => {
      if (!matches(request)) return undefined;
      const id = clientRequestId(request);
      return fromSpec(
        graphErrorResponse(scenario.id, {
          ...(options.variant === undefined ? {} : { variant: options.variant }),
          ...(options.workload === undefined ? {} : { workload: options.workload }),
          ...(options.claims === undefined ? {} : { claims: options.claims }),
          ...(id === undefined ? {} : { clientRequestId: id }),
        }),
      );
    }),
    { once: options.once ?? false },
  );
}

function tokenSide(scenario: TokenEndpointScenario, options: SimulateOptions): HttpHandler {
  const variant = options.variant === undefined ? undefined : scenario.variants.find((candidate) => candidate.key === options.variant);
  if (options.variant !== undefined && variant === undefined) {
    throw new InvalidArgumentError('variant', `Scenario '${scenario.id}' has no variant '${options.variant}' (known: ${scenario.variants.map((candidate) => candidate.key).join(', ')}).`);
  }
  // Conditional access failures name the policy to satisfy in `claims`, as Entra's do.
  const claims = options.claims ?? (scenario.id === 'interaction-required' ? capolids(crypto.randomUUID()) : undefined);
  return http.post(
    `https://${loginHost}/:tenant/oauth2/v2.0/token`,
    guard('identity-platform', async ({ request, params }) => {
      // MSAL sends its client-request-id as a header and in the query; Entra makes it the correlation id.
      const id = clientRequestId(request) ?? new URL(request.url).searchParams.get('client-request-id') ?? undefined;
      const tenant = typeof params.tenant === 'string' ? params.tenant : undefined;
      return fromSpec(
        tokenErrorResponse(variant?.aadsts ?? scenario.id, {
          ...(claims === undefined ? {} : { claims }),
          ...(variant?.suberror === undefined ? {} : { suberror: variant.suberror }),
          ...(id === undefined ? {} : { correlationId: id }),
          ...(tenant === undefined ? {} : { tenantId: tenant }),
          values: await descriptionValues(request),
        }),
      );
    }),
    { once: options.once ?? false },
  );
}

/** Entra's descriptions name what the request sent (its scope, its client id): fill them from the form. */
async function descriptionValues(request: Request): Promise<Record<string, string>> {
  const form = new URLSearchParams(await request.clone().text());
  const values: Record<string, string> = {};
  const scope = form.get('scope');
  const clientId = form.get('client_id');
  if (scope !== null) values.scope = scope;
  if (clientId !== null) {
    values.appId = clientId;
    values.appName = clientId;
  }
  return values;
}

function requestFilter(options: SimulateOptions): (request: Request) => boolean {
  const methods = options.method === undefined ? undefined : (typeof options.method === 'string' ? [options.method] : options.method).map((method) => method.toUpperCase());
  const path = options.path === undefined ? undefined : typeof options.path === 'string' ? pathPattern(options.path) : options.path;
  return (request) => {
    if (methods !== undefined && !methods.includes(request.method.toUpperCase())) return false;
    return path === undefined || path.test(graphPathOf(new URL(request.url)).path);
  };
}

/** `/users/{id}/messages` -> one segment per `{name}`, `*` -> anything; case-insensitive like Graph. */
function pathPattern(path: string): RegExp {
  const normalised = `/${path.replace(/^\/+|\/+$/g, '')}`;
  const source = normalised
    .split(/(\{[^}]*\}|\*)/)
    .map((part) => (part === '*' ? '.*' : /^\{[^}]*\}$/.test(part) ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}
