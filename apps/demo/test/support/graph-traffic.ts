import type { setupServer } from 'msw/node';

type SetupServerApi = ReturnType<typeof setupServer>;

/** One exchange the service had, as the wire saw it. */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  /** The request body as sent (a token request's form, a Graph write's JSON). */
  readonly requestBody: Promise<string>;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Promise<unknown>;
}

/**
 * Records every mocked response (Graph and the token endpoint): how many calls the service made,
 * and exactly what it received when one failed.
 */
export function recordTraffic(server: SetupServerApi): Exchange[] {
  const exchanges: Exchange[] = [];
  // Bodies are read when the request starts, before a handler consumes them.
  const requestBodies = new Map<string, Promise<string>>();
  server.events.on('request:start', ({ request, requestId }) => {
    requestBodies.set(requestId, request.clone().text());
  });
  server.events.on('response:mocked', ({ request, requestId, response }) => {
    exchanges.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization') ?? undefined,
      requestBody: requestBodies.get(requestId) ?? Promise.resolve(''),
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: response.clone().text().then(parse),
    });
  });
  return exchanges;
}

const isGraph = (exchange: Exchange): boolean => new URL(exchange.url).host === 'graph.microsoft.com';
const isToken = (exchange: Exchange): boolean => new URL(exchange.url).pathname.endsWith('/oauth2/v2.0/token');

export const graphCalls = (exchanges: readonly Exchange[]): Exchange[] => exchanges.filter(isGraph);
export const tokenCalls = (exchanges: readonly Exchange[]): Exchange[] => exchanges.filter(isToken);
export const statuses = (exchanges: readonly Exchange[]): number[] => exchanges.map((exchange) => exchange.status);

/** The first failed Graph or token-endpoint response: what the app received. */
export function firstFailure(exchanges: readonly Exchange[]): Exchange {
  const failure = exchanges.find((exchange) => (isGraph(exchange) || isToken(exchange)) && exchange.status >= 400);
  if (failure === undefined) throw new Error(`no failed response among ${exchanges.length} exchanges`);
  return failure;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
