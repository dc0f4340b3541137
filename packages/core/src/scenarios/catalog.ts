/**
 * The one scenario catalog: every 401/403/400 Graph or the token endpoint answers for an
 * authorization mistake, with the exact code and message it sends. Messages are the observed
 * payloads (where Microsoft's docs and the wire differ, the wire wins).
 */
import { UnknownScenarioError } from '../errors.js';
import { scenarioIds, type ScenarioId, type Workload } from '../types.js';
import { docs, type DocLink } from './docs.js';

export type { DocLink } from './docs.js';

export interface GraphErrorVariant {
  readonly key: string;
  readonly status: 400 | 401 | 403;
  readonly code: string;
  readonly message: string;
}

export interface GraphScenario {
  readonly id: ScenarioId;
  readonly side: 'graph';
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly docs: readonly DocLink[];
  /** The default variant's status, code and message. */
  readonly status: 400 | 401 | 403;
  readonly code: string;
  readonly message: string;
  /** Every shape Graph sends for this scenario, the default first. */
  readonly variants: readonly GraphErrorVariant[];
  /** Which WWW-Authenticate header a 401 carries. */
  readonly wwwAuthenticate: 'bearer' | 'claims-challenge' | undefined;
}

export interface TokenEndpointVariant {
  readonly key: string;
  readonly aadsts: number;
  readonly error: string;
  readonly status: 400 | 401;
  readonly description: string;
  readonly suberror: string | undefined;
}

export interface TokenEndpointScenario {
  readonly id: ScenarioId;
  readonly side: 'token-endpoint';
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly docs: readonly DocLink[];
  readonly status: 400 | 401;
  /** The OAuth error, e.g. `interaction_required`. */
  readonly error: string;
  readonly aadsts: number;
  /** The description without the `AADSTSnnnn: ` prefix and the trace lines; `{name}` marks a value. */
  readonly description: string;
  readonly suberror: string | undefined;
  readonly variants: readonly TokenEndpointVariant[];
}

export type Scenario = GraphScenario | TokenEndpointScenario;

export interface AadstsError {
  readonly error: string;
  readonly status: 400 | 401;
  readonly description: string;
  readonly suberror: string | undefined;
  readonly scenario: ScenarioId | undefined;
}

/**
 * AADSTS codes the catalog knows. Descriptions are the STS's wording; `{resource}`, `{scope}`,
 * `{appId}`, `{appName}` and `{tenant}` are filled by `tokenErrorResponse`.
 */
export const aadstsErrors: Readonly<Record<number, AadstsError>> = {
  50076: {
    error: 'interaction_required', status: 400, suberror: undefined, scenario: 'interaction-required',
    description: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '{resource}'.",
  },
  50079: {
    error: 'interaction_required', status: 400, suberror: undefined, scenario: 'interaction-required',
    description: "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '{resource}'.",
  },
  53003: {
    error: 'interaction_required', status: 400, suberror: undefined, scenario: 'interaction-required',
    description: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  },
  65001: {
    error: 'invalid_grant', status: 400, suberror: 'consent_required', scenario: 'consent-required',
    description: "The user or administrator has not consented to use the application with ID '{appId}' named '{appName}'. Send an interactive authorization request for this user and resource.",
  },
  1002012: {
    error: 'invalid_scope', status: 400, suberror: undefined, scenario: 'invalid-scope-for-flow',
    description: 'The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
  },
  70011: {
    error: 'invalid_scope', status: 400, suberror: undefined, scenario: 'invalid-scope-for-flow',
    description: "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.",
  },
  28000: {
    error: 'invalid_scope', status: 400, suberror: undefined, scenario: 'multiple-resources',
    description: 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid.',
  },
  // Not authorization scenarios of their own, but the same token-endpoint shape: callers build them by number.
  7000215: {
    error: 'invalid_client', status: 401, suberror: undefined, scenario: undefined,
    description: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{appId}'.",
  },
  700016: {
    error: 'unauthorized_client', status: 400, suberror: undefined, scenario: undefined,
    description: "Application with identifier '{appId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
  },
  // Grant failures that are no authorization scenario of their own, reproduced by the emulator's token endpoint.
  900144: {
    error: 'invalid_request', status: 400, suberror: undefined, scenario: undefined,
    description: "The request body must contain the following parameter: '{parameter}'.",
  },
  70003: {
    error: 'unsupported_grant_type', status: 400, suberror: undefined, scenario: undefined,
    description: "The app requested an unsupported grant type '{grantType}'.",
  },
  7000216: {
    error: 'invalid_client', status: 401, suberror: undefined, scenario: undefined,
    description: "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
  },
  7000218: {
    error: 'invalid_client', status: 401, suberror: undefined, scenario: undefined,
    description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  700027: {
    error: 'invalid_client', status: 401, suberror: undefined, scenario: undefined,
    description: 'Client assertion contains an invalid signature. [Reason - {reason}]',
  },
  700024: {
    error: 'invalid_client', status: 401, suberror: undefined, scenario: undefined,
    description: 'Client assertion is not within its valid time range.',
  },
  50126: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'Error validating credentials due to invalid username or password.',
  },
  50034: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'The user account {identifier} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.',
  },
  70016: {
    error: 'authorization_pending', status: 400, suberror: undefined, scenario: undefined,
    description: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  },
  70019: {
    error: 'expired_token', status: 400, suberror: undefined, scenario: undefined,
    description: 'Verification code expired.',
  },
  70008: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  },
  9002313: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'Invalid request. Request is malformed or invalid.',
  },
  50148: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
  },
  50011: {
    error: 'invalid_client', status: 400, suberror: undefined, scenario: undefined,
    description: "The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{appId}'.",
  },
  50173: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issued}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{validFrom}'.",
  },
  500011: {
    error: 'invalid_resource', status: 400, suberror: undefined, scenario: undefined,
    description: 'The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
  },
  50013: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'Assertion failed signature validation. [Reason - {reason}]',
  },
  500131: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: "Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '{audience}' and the expected audience is '{appId}' or one of the Application Ids of the application.",
  },
  500133: {
    error: 'invalid_grant', status: 400, suberror: undefined, scenario: undefined,
    description: 'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
  },
};

const forbidden = {
  directory: { status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  outlook: { status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
  files: { status: 403, code: 'accessDenied', message: 'Access denied' },
} as const satisfies Record<Workload, Omit<GraphErrorVariant, 'key'>>;

/** The three workload flavours of Graph's 403, keyed by workload, directory first (the default). */
function forbiddenVariants(): GraphErrorVariant[] {
  return (['directory', 'outlook', 'files'] as const).map((key) => ({ key, ...forbidden[key] }));
}

function unauthorized(key: string, message: string, code = 'InvalidAuthenticationToken'): GraphErrorVariant {
  return { key, status: 401, code, message };
}

const idx14100 = (payload: string) =>
  `IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.${payload}.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.`;

interface GraphEntry {
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly docs: readonly DocLink[];
  readonly variants: readonly GraphErrorVariant[];
  readonly wwwAuthenticate?: 'bearer' | 'claims-challenge';
}

function graph(id: ScenarioId, entry: GraphEntry): GraphScenario {
  const [first] = entry.variants;
  if (first === undefined) throw new UnknownScenarioError(id, `Scenario ${id} has no variant.`);
  return {
    id, side: 'graph', title: entry.title, cause: entry.cause, fix: entry.fix, docs: entry.docs,
    status: first.status, code: first.code, message: first.message, variants: entry.variants,
    wwwAuthenticate: first.status === 401 ? (entry.wwwAuthenticate ?? 'bearer') : undefined,
  };
}

interface TokenEntry {
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  readonly docs: readonly DocLink[];
  /** AADSTS codes of the variants, the default first; keys are `aadsts<n>`. */
  readonly codes: readonly number[];
}

function tokenVariant(aadsts: number): TokenEndpointVariant {
  const known = aadstsErrors[aadsts];
  if (known === undefined) throw new UnknownScenarioError(String(aadsts), `AADSTS${String(aadsts)} is not in the catalog.`);
  const { error, status, description, suberror } = known;
  return { key: `aadsts${String(aadsts)}`, aadsts, error, status, description, suberror };
}

function tokenEndpoint(id: ScenarioId, entry: TokenEntry): TokenEndpointScenario {
  const variants = entry.codes.map(tokenVariant);
  const [first] = variants;
  if (first === undefined) throw new UnknownScenarioError(id, `Scenario ${id} has no variant.`);
  return {
    id, side: 'token-endpoint', title: entry.title, cause: entry.cause, fix: entry.fix, docs: entry.docs,
    status: first.status, error: first.error, aadsts: first.aadsts, description: first.description,
    suberror: first.suberror, variants,
  };
}

const byId: Record<ScenarioId, Scenario> = {
  'missing-token': graph('missing-token', {
    title: 'No access token sent',
    cause: 'The request reached Graph without an Authorization header, or with "Bearer " and nothing after it (a token that was never acquired, an undefined variable, a header dropped by a proxy or a redirect).',
    fix: 'Acquire a token with MSAL (or @azure/identity) for https://graph.microsoft.com and send it as "Authorization: Bearer <token>" on every request; check the value is not empty or "undefined".',
    docs: [docs.authConcepts, docs.resolveAuthErrors, docs.graphErrors],
    variants: [unauthorized('empty', 'Access token is empty.')],
  }),
  'malformed-token': graph('malformed-token', {
    title: 'The access token is not a JWT',
    cause: 'The bearer value is not a compact JWS (three base64url segments): often an ID token or refresh token sent by mistake, a token cut short when copied, quotes or "Bearer Bearer" around it, or an opaque token of a personal account sent to an API that needs a JWT.',
    fix: 'Send the access_token of the token response (not id_token or refresh_token), unmodified, as "Authorization: Bearer <token>". Decode it (jwt.ms) to check it has aud https://graph.microsoft.com.',
    docs: [docs.accessTokens, docs.resolveAuthErrors, docs.graphErrors],
    variants: [
      unauthorized('no-dots', idx14100('EncodedPayload')),
      // Older IdentityModel builds spell the payload segment with a typo; Graph sent that wording until 2024.
      unauthorized('no-dots-legacy', idx14100('EndcodedPayload')),
      unauthorized('compact-token', 'CompactToken parsing failed with error code: 80049217'),
    ],
  }),
  'invalid-token': graph('invalid-token', {
    title: 'The access token failed validation',
    cause: 'Graph could not validate the token: its signature does not match the issuer\'s keys (a token edited by hand or signed by another party), its issuer or tenant is not trusted, or it carries neither scp nor roles so it authorises nothing.',
    fix: 'Use a token issued by Microsoft Entra ID for Graph, exactly as received. Do not build or edit tokens yourself; request delegated scopes (scp) or application roles (roles) so the token grants something.',
    docs: [docs.accessTokens, docs.resolveAuthErrors, docs.graphErrors],
    variants: [unauthorized('validation-failure', 'Access token validation failure.')],
  }),
  'expired-token': graph('expired-token', {
    title: 'The access token has expired',
    cause: 'The token\'s exp is in the past (access tokens live 60-90 minutes, CAE tokens up to 28 hours), or its nbf is still in the future. Usually a token cached by hand and never refreshed, or a wrong system clock.',
    fix: 'Call MSAL acquireTokenSilent (or credential.getToken) before each request instead of caching the token yourself; MSAL refreshes it before exp. Check the machine clock is right.',
    docs: [docs.accessTokens, docs.resolveAuthErrors, docs.graphErrors],
    variants: [unauthorized('expired', 'Lifetime validation failed, the token is expired.')],
  }),
  'wrong-audience': graph('wrong-audience', {
    title: 'The token is for another resource',
    cause: 'The token\'s aud is not Microsoft Graph: it was requested for Azure AD Graph (https://graph.windows.net), Outlook REST, SharePoint, Azure Resource Manager or your own API, and then sent to graph.microsoft.com. Docs say 403; Graph answers 401.',
    fix: 'Request the token with Graph scopes: "https://graph.microsoft.com/.default" for client credentials, or Graph permission names such as "User.Read" for delegated flows. One token per resource.',
    docs: [docs.accessTokens, docs.scopes, docs.resolveAuthErrors],
    variants: [unauthorized('invalid-audience', 'Access token validation failure. Invalid audience.')],
  }),
  'personal-account-not-supported': graph('personal-account-not-supported', {
    title: 'Personal Microsoft account on a work-or-school-only API',
    cause: 'The token is a delegated token of a personal Microsoft account (tid 9188040d-6c67-4c5b-b112-36a304b66dad) and the operation has no "Delegated (personal Microsoft account)" permission: only work or school accounts can call it.',
    fix: 'Sign in with a work or school account (use a tenant-specific or "organizations" authority), or restrict the app to personal-account features that list "Delegated (personal Microsoft account)" in their permissions table.',
    docs: [docs.resolveAuthErrors, docs.supportedAccounts, docs.permissionsReference],
    variants: [
      // Graph's generic 401 for an MSA token on an organisational API; the wording varies by workload.
      unauthorized('msa-not-supported', 'Access token validation failure. Personal Microsoft accounts are not supported for this API.'),
      // What the OneNote workload answers (observed).
      unauthorized('onenote', 'The request does not contain a valid authentication token. Detailed error information: {0}', '40001'),
    ],
  }),
  'insufficient-permissions': graph('insufficient-permissions', {
    title: 'The token lacks a permission that grants this call',
    cause: 'The token is valid, but none of its permissions (scp for delegated tokens, roles for app-only tokens) grants this operation: the permission was not requested, not consented, or a lower one (Read instead of ReadWrite) was granted.',
    fix: 'Add the least-privileged permission for the operation to the app registration (delegated for scp tokens, application for roles tokens), grant consent (admin consent for application permissions and admin-only scopes), then acquire a new token.',
    docs: [docs.permissionsReference, docs.resolveAuthErrors, docs.consent],
    variants: forbiddenVariants(),
  }),
  'permission-type-mismatch': graph('permission-type-mismatch', {
    title: 'Permission of the wrong type for this token',
    cause: 'The permission that would grant the call exists only as the other type: application permissions were granted but the token is delegated (scp), or delegated permissions were granted but the token is app-only (roles), or the operation does not support this token type at all.',
    fix: 'Match flow and permission type: for app-only (client credentials, managed identity) add the Application permission and grant admin consent, then request "https://graph.microsoft.com/.default"; for a signed-in user add the Delegated permission and request it by name.',
    docs: [docs.permissionsOverview, docs.resolveAuthErrors, docs.clientCredentials],
    variants: forbiddenVariants(),
  }),
  'app-only-password-reset': graph('app-only-password-reset', {
    title: 'Password reset with app-only credentials',
    cause: 'resetPassword and changePassword work only in delegated flows with a signed-in user (an administrator for resetPassword). Updating passwordProfile app-only needs User-PasswordProfile.ReadWrite.All and a directory role (e.g. User Administrator) on the app\'s service principal.',
    fix: 'Call resetPassword in a delegated flow as a user with Authentication Administrator, Privileged Authentication Administrator or User Administrator. To set a password app-only, PATCH /users/{id} with passwordProfile, grant User-PasswordProfile.ReadWrite.All (application) and assign the User Administrator role to the service principal.',
    docs: [docs.resetPassword, docs.changePassword, docs.passwordProfile, docs.updateUser],
    variants: [
      ...forbiddenVariants(),
      { key: 'change-password', status: 403, code: 'Authorization_RequestDenied', message: 'Access to change password operation is denied.' },
    ],
  }),
  'delegated-only-endpoint': graph('delegated-only-endpoint', {
    title: '/me called with an app-only token',
    cause: '/me means "the signed-in user", and an app-only token (client credentials, managed identity) has no signed-in user.',
    fix: 'With app-only tokens use /users/{id or userPrincipalName} instead of /me (and an Application permission such as User.Read.All); or acquire a delegated token with a signed-in user.',
    docs: [docs.authConcepts, docs.permissionsOverview],
    variants: [{ key: 'me', status: 400, code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' }],
  }),
  'user-not-authorized': graph('user-not-authorized', {
    title: 'The signed-in user lacks the privilege or licence',
    cause: 'A delegated token grants the intersection of the app\'s scopes and what the signed-in user may do. The app\'s scope covers the call, but the user lacks the directory role (e.g. User Administrator for writes to users) or the licence/mailbox the workload needs.',
    fix: 'Have an administrator assign the user a directory role that covers the operation (least privileged: see the operation\'s docs), or a licence with the service (Exchange Online for mail and calendar), or call app-only with an Application permission.',
    docs: [docs.directoryRoles, docs.resolveAuthErrors, docs.graphErrors],
    variants: forbiddenVariants(),
  }),
  'claims-challenge': graph('claims-challenge', {
    title: 'Continuous access evaluation challenge',
    cause: 'The client declared it can handle claims challenges (xms_cc contains CP1), and Graph learned of a critical event (user disabled, password changed, sessions revoked, location change): the still-unexpired token is refused with a claims challenge.',
    fix: 'Read the claims parameter of WWW-Authenticate, base64-decode it, and acquire a new token passing it as claims (MSAL: acquireToken*({ claims })), interactively if silent acquisition fails; then retry the request.',
    docs: [docs.claimsChallenge, docs.caeApps, docs.cae],
    variants: [unauthorized('revoked', 'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp')],
    wwwAuthenticate: 'claims-challenge',
  }),
  'interaction-required': tokenEndpoint('interaction-required', {
    title: 'Conditional Access requires interaction',
    cause: 'A Conditional Access policy requires multi-factor authentication or another control (or blocks the sign-in) and the flow in use cannot satisfy it: silent refresh, ROPC, on-behalf-of, or a device that does not meet the policy.',
    fix: 'Catch InteractionRequiredAuthError and call acquireTokenPopup/Redirect (or device code) passing the claims of the error; in on-behalf-of, return the claims challenge to the client. Do not use username/password flows with MFA.',
    docs: [docs.conditionalAccessDev, docs.claimsChallenge, docs.aadstsCodes],
    codes: [50076, 50079, 53003],
  }),
  'consent-required': tokenEndpoint('consent-required', {
    title: 'Consent has not been granted',
    cause: 'Neither the user nor an administrator has consented to the permissions requested for this application, so the token endpoint refuses to issue a token silently.',
    fix: 'Grant consent: send the user through an interactive sign-in (prompt=consent), or have an administrator grant tenant-wide admin consent for the app\'s permissions in the Entra admin center (required for application permissions).',
    docs: [docs.consent, docs.scopes, docs.aadstsCodes],
    codes: [65001],
  }),
  'invalid-scope-for-flow': tokenEndpoint('invalid-scope-for-flow', {
    title: 'Scopes the flow does not accept',
    cause: 'Client credentials and managed identity accept exactly one "{resource}/.default" scope; permission names such as "User.Read.All" (or a malformed scope) are refused.',
    fix: 'For app-only flows request "https://graph.microsoft.com/.default"; the token then carries every application permission admin-consented for the app. Put permission names only in delegated flows.',
    docs: [docs.clientCredentials, docs.scopes, docs.aadstsCodes],
    codes: [1002012, 70011],
  }),
  'multiple-resources': tokenEndpoint('multiple-resources', {
    title: 'Scopes of several resources in one request',
    cause: 'One token is issued for one resource (one aud); the request mixed scopes of several resources, e.g. Graph scopes with "https://management.azure.com/user_impersonation".',
    fix: 'Request one resource per token request: one call for Graph scopes, another for the other API (MSAL: extraScopesToConsent to consent up front, then acquireTokenSilent per resource).',
    docs: [docs.scopes, docs.aadstsCodes],
    codes: [28000],
  }),
};

/** The catalog, in `scenarioIds` order. */
export const scenarios: readonly Scenario[] = scenarioIds.map((id) => byId[id]);

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (scenarioIds as readonly string[]).includes(value);
}

/** The scenario with this id; an unknown id throws `UnknownScenarioError`. */
export function getScenario(id: string): Scenario {
  if (!isScenarioId(id)) {
    throw new UnknownScenarioError(id, `Unknown scenario "${id}". Known scenarios: ${scenarioIds.join(', ')}.`);
  }
  return byId[id];
}
