/**
 * Judging a Graph request the way Graph does: the first failing check, in Graph's order, decides
 * the answer (missing -> malformed -> audience -> lifetime -> kind -> /me -> personal account ->
 * password operations -> permission type -> permissions -> user privilege -> CAE).
 */
import { requiredPermissions } from './catalog.js';
import { InvalidArgumentError, TokenFormatError } from './errors.js';
import { canonicalRoles, passwordRoles, rolesForWrite, type DirectoryRoleName } from './evaluate/roles.js';
import {
  graphPathOf, headerOf, isMePath, passwordOperationOfPath, workloadOfPath,
  type GraphRequest, type PasswordOperation,
} from './evaluate/request.js';
import { grantOf, otherTypeGrants, permissionsOf, schemeOf, suggestionOf, type KindedToken } from './evaluate/permissions.js';
import { deny, type Denied, type Evaluation } from './evaluate/verdict.js';
import { resourceOfAudience } from './resources.js';
import { bearerTokenOf, decodeAccessToken, isExpired, isNotYetValid, type AccessToken, type DelegatedAccessToken } from './token.js';
import { httpMethods, type PermissionScheme, type RequiredPermissions, type Workload } from './types.js';

export type { GraphRequest, PasswordOperation } from './evaluate/request.js';
export type { Allowed, Denied, Evaluation } from './evaluate/verdict.js';
export { directoryRoleTemplateIds, adminWriteRoles, passwordRoles } from './evaluate/roles.js';

export interface UserFacts {
  id?: string;
  /** Directory roles of the signed-in user: names ("User Administrator") or template ids. */
  directoryRoles?: readonly string[];
  licenses?: readonly string[];
  hasMailbox?: boolean;
}

export interface EvaluationContext {
  now?: Date;
  /** Tolerance on exp/nbf. Default 300 s, Microsoft.IdentityModel's default ClockSkew that Graph validates with. */
  clockSkewSeconds?: number;
  user?: UserFacts;
  /** Directory roles assigned to the app's service principal (names or template ids). */
  appDirectoryRoles?: readonly string[];
  /** CAE: the user's sessions were revoked; CAE-capable tokens (xms_cc CP1) get a claims challenge. */
  sessionRevoked?: boolean;
  /**
   * A claims request a policy demands (e.g. an authentication context): CAE-capable tokens get a
   * claims challenge; pass the same value as `claims` to graphErrorResponse to build it.
   */
  claimsChallenge?: string;
  /** Forces the 403 flavour instead of reading it off the URL. */
  workload?: Workload;
}

export const defaultClockSkewSeconds = 300;

/**
 * Whether a Graph request sets a password: `resetPassword`, `changePassword`, or a PATCH of a user
 * whose body (object or JSON text) has `passwordProfile`. These need more than a permission
 * (a delegated flow, or a directory role), so linters and emulators ask the same question.
 */
export function passwordOperationOf(request: Pick<GraphRequest, 'method' | 'url' | 'body'>): PasswordOperation | undefined {
  return passwordOperationOfPath(request.method, graphPathOf(request.url), request.body);
}

interface Judged {
  readonly request: GraphRequest;
  readonly path: string;
  /** Read off the request once: both the password checks and the privilege check need it. */
  readonly passwordOperation: PasswordOperation | undefined;
  readonly workload: Workload;
  readonly token: KindedToken;
  readonly context: EvaluationContext;
}

export function evaluate(request: GraphRequest, token?: string | AccessToken, context: EvaluationContext = {}): Evaluation {
  assertRequest(request);
  const decoded = decodeOrDeny(token ?? bearerTokenOf(headerOf(request.headers, 'authorization')));
  if ('ok' in decoded) return decoded;
  const early = checkAudience(decoded) ?? checkLifetime(decoded, context);
  if (early !== undefined) return early;
  if (decoded.kind === 'none') {
    return deny('invalid-token', 'The token has neither scp (delegated) nor roles (app-only): it grants nothing.');
  }
  const path = graphPathOf(request.url);
  const judged: Judged = {
    request, path, passwordOperation: passwordOperationOfPath(request.method, path, request.body),
    workload: context.workload ?? workloadOfPath(path), token: decoded, context,
  };
  if (decoded.kind === 'app' && isMePath(path)) {
    return deny('delegated-only-endpoint', 'The token is app-only (roles, no scp) and the URL addresses /me, the signed-in user.');
  }
  const required = requiredPermissions(request.method, request.url);
  // App-only password operations are judged before permissions: no permission can make them work.
  return checkPersonalAccount(judged, required)
    ?? checkPasswordOperation(judged, 'app')
    ?? checkPermissions(judged, required)
    ?? checkPasswordOperation(judged, 'delegated')
    ?? checkUserPrivilege(judged)
    ?? checkContinuousAccess(judged)
    ?? allowed(judged, required);
}

/** Bad input is the caller's bug, not a Graph answer: a typed error, before any judging. */
function assertRequest(request: unknown): asserts request is GraphRequest {
  const { method, url } = (typeof request === 'object' && request !== null ? request : {}) as Partial<Record<'method' | 'url', unknown>>;
  if (typeof url !== 'string' || url.trim() === '') throw new InvalidArgumentError('request.url', `request.url must be a non-empty string, got ${describeValue(url)}.`);
  const upper = typeof method === 'string' ? method.trim().toUpperCase() : '';
  if (!(httpMethods as readonly string[]).includes(upper)) {
    throw new InvalidArgumentError('method', `request.method must be one of ${httpMethods.join(', ')}, got ${describeValue(method)}.`);
  }
}

function describeValue(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function decodeOrDeny(token: string | AccessToken | undefined): AccessToken | Denied {
  if (token === undefined || (typeof token === 'string' && token.trim() === '')) {
    return deny('missing-token', 'The request carries no bearer token (no Authorization header, or nothing after "Bearer").');
  }
  if (typeof token !== 'string') return token;
  try {
    return decodeAccessToken(token);
  } catch (error) {
    if (!(error instanceof TokenFormatError)) throw error;
    // A JWT that parses but holds a claim of the wrong type fails validation, not parsing.
    if (error.defect === 'bad-claim') return deny('invalid-token', `The token does not validate: ${error.message}`);
    if (error.defect === 'empty') return deny('missing-token', 'The bearer token is empty.');
    // Graph's IdentityModel reports every parse failure as IDX14100 ("there are no dots").
    return deny('malformed-token', `The token is not a compact JWS: ${error.message}`, 'no-dots');
  }
}

function checkAudience(token: AccessToken): Denied | undefined {
  const resource = token.audience === undefined ? undefined : resourceOfAudience(token.audience);
  if (resource?.id === 'microsoft-graph') return undefined;
  const what = resource === undefined ? 'an unknown resource' : resource.name;
  return deny('wrong-audience', `The token's aud is ${token.audience ?? '(missing)'} (${what}), not Microsoft Graph.`);
}

function checkLifetime(token: AccessToken, context: EvaluationContext): Denied | undefined {
  const now = context.now ?? new Date();
  const skew = context.clockSkewSeconds ?? defaultClockSkewSeconds;
  if (isExpired(token, now, skew)) {
    return deny('expired-token', `The token's exp (${token.expiresAt?.toISOString() ?? ''}) is more than ${String(skew)} s before now (${now.toISOString()}).`);
  }
  if (isNotYetValid(token, now, skew)) {
    return deny('expired-token', `The token's nbf (${token.notBefore?.toISOString() ?? ''}) is more than ${String(skew)} s after now (${now.toISOString()}).`);
  }
  return undefined;
}

function checkPersonalAccount({ token }: Judged, required: RequiredPermissions | undefined): Denied | undefined {
  if (token.kind !== 'delegated' || !token.isPersonalAccount || required === undefined) return undefined;
  if (required.schemes.DelegatedPersonal !== undefined) return undefined;
  return deny('personal-account-not-supported', `The token is a personal Microsoft account's (tid ${token.tenantId ?? ''}) and ${required.method} ${required.template} has no "Delegated (personal Microsoft account)" permission.`);
}

function checkPasswordOperation(judged: Judged, kind: KindedToken['kind']): Denied | undefined {
  const { passwordOperation: operation, token } = judged;
  if (token.kind !== kind || operation === undefined) return undefined;
  return token.kind === 'app' ? appPasswordOperation(judged, operation) : delegatedPasswordOperation(judged, token, operation);
}

function appPasswordOperation({ token, context, workload }: Judged, operation: PasswordOperation): Denied | undefined {
  if (operation === 'resetPassword') {
    return deny('app-only-password-reset', 'resetPassword is delegated-only: it needs a signed-in administrator, and this token is app-only.', workload);
  }
  if (operation === 'changePassword') {
    return deny('app-only-password-reset', 'changePassword changes the signed-in user\'s own password, and this token is app-only.', 'change-password');
  }
  const hasPermission = permissionsOf(token).some((role) => role.toLowerCase() === 'user-passwordprofile.readwrite.all');
  const roles = canonicalRoles([...(context.appDirectoryRoles ?? []), ...token.directoryRoleIds]);
  if (hasPermission && holdsAny(roles, passwordRoles)) return undefined;
  const missing = hasPermission ? `a directory role (${passwordRoles.join(', ')}) on the app's service principal` : 'the User-PasswordProfile.ReadWrite.All application permission';
  return deny('app-only-password-reset', `Setting passwordProfile app-only needs User-PasswordProfile.ReadWrite.All and a directory role; the app lacks ${missing}.`, workload);
}

function delegatedPasswordOperation(judged: Judged, token: DelegatedAccessToken, operation: PasswordOperation): Denied | undefined {
  // Anyone may change their own password; resetting or setting another's needs an admin role.
  if (operation === 'changePassword') return undefined;
  const roles = userRolesOf(judged.context, token);
  if (roles === undefined || holdsAny(roles, passwordRoles)) return undefined;
  return deny('user-not-authorized', `${operation} needs the signed-in user to hold one of ${passwordRoles.join(', ')}; the user holds ${describeRoles(roles)}.`, judged.workload);
}

function checkPermissions(judged: Judged, required: RequiredPermissions | undefined): Denied | undefined {
  if (required === undefined) return undefined;
  const { token, workload } = judged;
  const scheme = schemeOf(token);
  const requirement = required.schemes[scheme];
  const operation = `${required.method} ${required.template}`;
  if (requirement === undefined) {
    const kind = token.kind === 'app' ? 'app-only' : 'delegated';
    return deny('permission-type-mismatch', `${operation} cannot be called with a ${kind} token (no ${scheme} permission grants it).`, workload, otherFlowFix(required, token));
  }
  const grant = grantOf(requirement, permissionsOf(token));
  if (grant.grantedBy.length > 0) return undefined;
  const wanted = suggestionOf(requirement);
  const otherType = otherTypeGrants(required, token);
  if (otherType.length > 0) {
    const [claim, type] = token.kind === 'app' ? ['roles', 'delegated'] : ['scp', 'application'];
    return deny('permission-type-mismatch', `The token's ${claim} hold ${otherType.join(', ')}, which grant ${operation} only as ${type} permissions.`, workload, grantFix(wanted, scheme));
  }
  return deny('insufficient-permissions', insufficientReason(token, operation, wanted, grant.missingCompanions), workload, grantFix(wanted, scheme));
}

/** "Grant X (application permission, admin consent)" for this very call. */
function grantFix(wanted: readonly string[], scheme: PermissionScheme): string {
  const type = scheme === 'Application' ? 'an application permission; needs admin consent' : 'a delegated permission';
  return `For this call grant ${wanted.join(' or ')} (${type}) and acquire a new token.`;
}

/** The flow and permission that can call an operation this token's type cannot. */
function otherFlowFix(required: RequiredPermissions, token: KindedToken): string {
  const other = token.kind === 'app' ? required.schemes.DelegatedWork : required.schemes.Application;
  if (other === undefined) return 'No permission of either type grants this operation with this account.';
  const flow = token.kind === 'app' ? 'a delegated flow with a signed-in user' : 'an app-only flow (client credentials)';
  return `This operation needs ${flow}, with ${suggestionOf(other).join(' or ')}.`;
}

function insufficientReason(token: KindedToken, operation: string, wanted: readonly string[], companions: Readonly<Record<string, readonly string[]>>): string {
  const claim = token.kind === 'app' ? 'roles' : 'scp';
  const held = permissionsOf(token).join(' ') || '(none)';
  const [withCompanion, needed] = Object.entries(companions)[0] ?? [];
  if (withCompanion !== undefined && needed !== undefined) {
    return `${withCompanion} grants ${operation} only together with one of ${needed.join(', ')}, which the token's ${claim} (${held}) lacks.`;
  }
  return `The token's ${claim} (${held}) grant nothing for ${operation}; least privileged: ${wanted.join(', ')}.`;
}

function checkUserPrivilege(judged: Judged): Denied | undefined {
  const { token, request, path, context, workload, passwordOperation } = judged;
  if (token.kind !== 'delegated' || token.isPersonalAccount) return undefined;
  if (workload === 'outlook' && lacksMailbox(context)) {
    return deny('user-not-authorized', 'The signed-in user has no Exchange Online mailbox or licence, so the Outlook workload refuses the call.', 'outlook');
  }
  // Password operations were judged against the password roles already.
  if (request.method.toUpperCase() === 'GET' || passwordOperation !== undefined) return undefined;
  const needed = rolesForWrite(path);
  const roles = userRolesOf(context, token);
  if (needed === undefined || roles === undefined || holdsAny(roles, needed)) return undefined;
  return deny('user-not-authorized', `The app's scope covers ${request.method.toUpperCase()} ${path}, but the signed-in user holds ${describeRoles(roles)}, not one of ${needed.join(', ')}.`, workload);
}

function lacksMailbox(context: EvaluationContext): boolean {
  return context.user?.hasMailbox === false || context.user?.licenses?.length === 0;
}

function checkContinuousAccess({ token, context, workload }: Judged): Denied | undefined {
  const pending = context.sessionRevoked === true ? 'The user\'s session was revoked' : context.claimsChallenge === undefined ? undefined : 'A Conditional Access policy requires more claims';
  if (pending === undefined) return undefined;
  // A token without CP1 keeps working until it expires: Graph only challenges clients that can answer.
  if (!token.clientCapabilities.some((capability) => capability.toUpperCase() === 'CP1')) return undefined;
  return deny('claims-challenge', `${pending} and the token is CAE-capable (xms_cc contains CP1), so Graph answers with a claims challenge.`, workload);
}

function allowed({ token }: Judged, required: RequiredPermissions | undefined): Evaluation {
  if (required === undefined) return { ok: true, grantedBy: [], scheme: undefined, template: undefined };
  const scheme = schemeOf(token);
  const requirement = required.schemes[scheme];
  const grantedBy = requirement === undefined ? [] : grantOf(requirement, permissionsOf(token)).grantedBy;
  return { ok: true, grantedBy, scheme, template: required.template };
}

/**
 * The signed-in user's roles: context.user.directoryRoles, else the token's wids when present.
 * Undefined when neither says anything, so an unknown user is not judged.
 */
function userRolesOf(context: EvaluationContext, token: DelegatedAccessToken): DirectoryRoleName[] | undefined {
  if (context.user?.directoryRoles !== undefined) return canonicalRoles(context.user.directoryRoles);
  if ('wids' in token.claims) return canonicalRoles(token.directoryRoleIds);
  return undefined;
}

function holdsAny(held: readonly DirectoryRoleName[], wanted: readonly DirectoryRoleName[]): boolean {
  return held.some((role) => wanted.includes(role));
}

function describeRoles(roles: readonly DirectoryRoleName[]): string {
  return roles.length === 0 ? 'no directory role' : roles.join(', ');
}
