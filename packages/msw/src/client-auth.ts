/**
 * Authenticating the client at the token endpoint: a secret (`client_secret`, or HTTP Basic) or a
 * signed `client_assertion` checked against the app's registered certificates, as Entra does.
 */
import { createPublicKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import type { RegisteredApp, TenantContext } from './context.js';
import { fail } from './failure.js';

export const clientAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** `appidacr`: how the client proved itself. '0' none (public client), '1' secret, '2' certificate. */
export type ClientAuthentication = '0' | '1' | '2';

export interface ClientCredentials {
  readonly secret: string | undefined;
  readonly assertion: string | undefined;
  readonly assertionType: string | undefined;
}

/** Reads the credentials from the form or from an `Authorization: Basic` header (client_secret_basic). */
export function readClientCredentials(params: URLSearchParams, authorization: string | null): ClientCredentials {
  let secret = params.get('client_secret') ?? undefined;
  if (secret === undefined && authorization?.toLowerCase().startsWith('basic ') === true) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    secret = decodeURIComponent(decoded.slice(decoded.indexOf(':') + 1));
  }
  return { secret, assertion: params.get('client_assertion') ?? undefined, assertionType: params.get('client_assertion_type') ?? undefined };
}

/**
 * Checks the credential the client sent. `required` is false for user grants of public clients,
 * which send none. Confidential apps must always authenticate.
 */
export async function authenticateClient(
  context: TenantContext,
  app: RegisteredApp,
  credentials: ClientCredentials,
  grant: { readonly clientCredentials: boolean; readonly tokenEndpoint: string },
): Promise<ClientAuthentication> {
  const tenantId = context.config.tenantId;
  if (credentials.secret !== undefined) {
    if (app.clientSecret === undefined || !sameSecret(credentials.secret, app.clientSecret)) {
      fail(7000215, { tenantId, values: { appId: app.clientId } });
    }
    return '1';
  }
  if (credentials.assertion !== undefined) {
    await verifyClientAssertion(context, app, credentials, grant.tokenEndpoint);
    return '2';
  }
  if (grant.clientCredentials) fail(7000216, { tenantId });
  if (app.publicClient !== true) fail(7000218, { tenantId });
  return '0';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function verifyClientAssertion(context: TenantContext, app: RegisteredApp, credentials: ClientCredentials, tokenEndpoint: string): Promise<void> {
  const tenantId = context.config.tenantId;
  if (credentials.assertionType !== clientAssertionType || credentials.assertion === undefined) {
    fail(900144, { tenantId, values: { parameter: 'client_assertion_type' } });
  }
  const keys = registeredKeys(app);
  if (keys.length === 0) fail(700027, { tenantId, values: { reason: 'The key was not found.' } });
  for (const key of keys) {
    try {
      await jwtVerify(credentials.assertion, key, {
        // MSAL signs with PS256 when given a SHA-256 thumbprint, RS256 with a SHA-1 one.
        algorithms: ['RS256', 'PS256'],
        issuer: app.clientId,
        subject: app.clientId,
        audience: [tokenEndpoint, `https://login.microsoftonline.com/${tenantId}/v2.0`, `https://login.microsoftonline.com/${tenantId}/oauth2/token`],
        currentDate: context.state.now(),
        clockTolerance: context.config.clockSkewSeconds,
      });
      return;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) fail(700024, { tenantId });
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        fail(700027, { tenantId, values: { reason: `The claim '${error.claim}' is not valid: ${error.reason}.` } });
      }
      // A signature made by another key: try the app's next certificate.
    }
  }
  fail(700027, { tenantId, values: { reason: 'The key was not found.' } });
}

/** Certificates (or bare public keys) in PEM; node reads both forms. */
function registeredKeys(app: RegisteredApp): KeyObject[] {
  return (app.certificates ?? []).map((pem) => createPublicKey(pem));
}
