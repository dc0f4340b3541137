/**
 * Which requests are Graph requests: every Graph host the core knows (public and national clouds),
 * versions v1.0 and beta. One RegExp, so MSW tests each request URL once.
 */
import { graphHosts } from '@graph-authz/core';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const graphUrlPattern = new RegExp(`^https://(?:${graphHosts.map(escape).join('|')})/(?:v1\\.0|beta)(?:[/?#]|$)`, 'i');

/** The path after the version, without query: `/users/{id}` for `https://graph.microsoft.com/v1.0/users/{id}?$select=id`. */
export function graphPathOf(url: URL): { version: string; path: string } {
  const [, version = 'v1.0', ...rest] = url.pathname.split('/');
  return { version, path: `/${rest.join('/')}`.replace(/\/+$/, '') || '/' };
}
