/**
 * What a successful Graph call returns: the user's own resolver first (`routes`), then the tenant's
 * users for `/users`, `/users/{id}` and `/me`, else an empty OData collection (GET) or 204 (writes),
 * so code under test gets realistic shapes without describing every endpoint.
 */
import type { AccessToken } from '@graph-authz/core';
import type { UserConfig } from './config.js';
import { json } from './responses.js';

export interface RouteRequest {
  readonly request: Request;
  readonly method: string;
  readonly url: URL;
  /** `v1.0` or `beta`. */
  readonly version: string;
  /** The path after the version, without query, e.g. `/users/{id}/messages`. */
  readonly path: string;
  /** The verified access token. */
  readonly token: AccessToken;
  /** The tenant user the token was issued for (delegated tokens). */
  readonly user: UserConfig | undefined;
}

/**
 * Returns the body of a successful call (serialised as JSON with 200), a `Response` to send as is,
 * or undefined to let the built-in answers apply.
 */
export type RouteResolver = (request: RouteRequest) => unknown;

export async function succeed(resolver: RouteResolver | undefined, users: readonly UserConfig[], route: RouteRequest): Promise<Response> {
  const custom: unknown = await resolver?.(route);
  if (custom instanceof Response) return custom;
  if (custom !== undefined) return json(custom);
  const base = `https://graph.microsoft.com/${route.version}/$metadata`;
  if (route.method === 'GET') {
    const builtIn = builtInRead(users, route, base);
    if (builtIn !== undefined) return builtIn;
    return json({ '@odata.context': `${base}#${route.path.slice(1).split('/')[0] ?? ''}`, value: [] });
  }
  return new Response(null, { status: 204, headers: { 'request-id': crypto.randomUUID() } });
}

function builtInRead(users: readonly UserConfig[], route: RouteRequest, base: string): Response | undefined {
  const segments = route.path.split('/').filter((segment) => segment !== '');
  const directory = users.filter((user) => user.personalAccount !== true);
  if (segments.length === 1 && segments[0]?.toLowerCase() === 'users') {
    return json({ '@odata.context': `${base}#users`, value: directory.map(graphUser) });
  }
  if (segments.length === 1 && segments[0]?.toLowerCase() === 'me') {
    return route.user === undefined ? undefined : json({ '@odata.context': `${base}#users/$entity`, ...graphUser(route.user) });
  }
  if (segments.length === 2 && segments[0]?.toLowerCase() === 'users') {
    const key = decodeURIComponent(segments[1] ?? '').toLowerCase();
    const user = directory.find((candidate) => candidate.id.toLowerCase() === key || candidate.userPrincipalName.toLowerCase() === key);
    if (user !== undefined) return json({ '@odata.context': `${base}#users/$entity`, ...graphUser(user) });
    // Graph's answer for an unknown user: no authorization problem, just a missing resource.
    return json({ error: { code: 'Request_ResourceNotFound', message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': crypto.randomUUID() } } }, 404);
  }
  return undefined;
}

/** A user as Graph's default `$select` returns it. */
function graphUser(user: UserConfig): Record<string, unknown> {
  const [givenName, ...rest] = (user.displayName ?? user.userPrincipalName).split(' ');
  return {
    businessPhones: [],
    displayName: user.displayName ?? user.userPrincipalName,
    givenName: givenName ?? null,
    jobTitle: user.jobTitle ?? null,
    mail: user.mail ?? (user.hasMailbox === true ? user.userPrincipalName : null),
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: rest.length > 0 ? rest.join(' ') : null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}
