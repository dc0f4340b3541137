/**
 * The first path segment of an identity platform URL names the authority: this tenant (by id or
 * verified domain), or one of the multi-tenant aliases. Any other tenant is not ours, so the
 * resolver returns undefined and MSW tries the next handler (another emulated tenant, say).
 */
import type { TenantContext } from './context.js';

export type AuthorityKind = 'tenant' | 'common' | 'organizations' | 'consumers';

export interface TenantSegment {
  readonly kind: AuthorityKind;
  /** The segment as the client wrote it, reused in the endpoints we advertise. */
  readonly path: string;
  /** What the issuer names: this tenant, or Entra's `{tenantid}` placeholder for aliases. */
  readonly issuerTenant: string;
}

const aliases: readonly AuthorityKind[] = ['common', 'organizations', 'consumers'];

export function resolveTenantSegment(context: TenantContext, param: string | readonly string[] | undefined): TenantSegment | undefined {
  if (typeof param !== 'string') return undefined;
  const segment = param.toLowerCase();
  const alias = aliases.find((kind) => kind === segment);
  if (alias !== undefined) return { kind: alias, path: alias, issuerTenant: '{tenantid}' };
  if (segment === context.config.tenantId || context.config.domains.includes(segment)) {
    return { kind: 'tenant', path: param, issuerTenant: context.config.tenantId };
  }
  return undefined;
}
