import { InvalidSettingError } from './settings-error.js';

/** The app registration the service signs in as (from the environment in production). */
export interface AppRegistration {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export const authorityHost = 'https://login.microsoftonline.com';

/** Reads GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET; names the one that is missing. */
export function registrationFromEnv(env: Readonly<Record<string, string | undefined>>): AppRegistration {
  return { tenantId: required(env, 'GRAPH_TENANT_ID'), clientId: required(env, 'GRAPH_CLIENT_ID'), clientSecret: required(env, 'GRAPH_CLIENT_SECRET') };
}

function required(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '') throw new InvalidSettingError(name, `${name} is not set`);
  return value;
}
