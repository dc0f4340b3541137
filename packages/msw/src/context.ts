/** The pieces of one emulated tenant every endpoint works with. */
import type { AppConfig, NormalizedConfig, UserConfig } from './config.js';
import type { SigningKey } from './keys.js';
import type { TenantState } from './state.js';

export type RegisteredApp = AppConfig & { readonly servicePrincipalId: string };

export interface TenantContext {
  readonly config: NormalizedConfig;
  readonly key: SigningKey;
  readonly state: TenantState;
}

export function findApp(context: TenantContext, clientId: string): RegisteredApp | undefined {
  return context.config.apps.get(clientId.toLowerCase());
}

export function findUser(context: TenantContext, idOrUpn: string): UserConfig | undefined {
  const key = idOrUpn.toLowerCase();
  return context.config.users.find((user) => user.id.toLowerCase() === key || user.userPrincipalName.toLowerCase() === key);
}

/** The STS issuer of v1 tokens, which Graph tokens are. */
export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export function v2Issuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export const loginHost = 'login.microsoftonline.com';
