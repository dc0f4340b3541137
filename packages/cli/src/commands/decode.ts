import {
  decodeAccessToken,
  getScenario,
  isExpired,
  resourceOfAudience,
  TokenFormatError,
  type AccessToken,
  type ScenarioId,
} from '@graph-authz/core';
import { InputError } from '../errors.js';
import { guard, success, type CommandResult } from '../result.js';
import { plainStyle, type Style } from '../style.js';
import { relativeTime, utcTime } from '../time.js';
import { normaliseToken } from './explain.js';

export interface DecodeOptions {
  readonly json?: boolean | undefined;
  readonly now?: Date | undefined;
  readonly style?: Style | undefined;
}

/** Something the token already shows that Graph would reject, with the scenario Graph would answer. */
export interface TokenProblem {
  readonly scenario: ScenarioId;
  readonly message: string;
  readonly fix: string;
}

/** `graph-authz decode`: exit 0 when the token shows no problem, 1 when it shows some, 2 when it is not a JWT. */
export const decodeCommand = guard('decode', (text: string, options: DecodeOptions = {}): CommandResult => {
  const now = options.now ?? new Date();
  const token = decodeOrExplain(normaliseToken(text));
  const problems = tokenProblems(token, now);
  const exitCode = problems.length === 0 ? 0 : 1;
  if (options.json === true) return success(`${JSON.stringify(tokenJson(token, problems, now), null, 2)}\n`, exitCode);
  return success(tokenText(token, problems, now, options.style ?? plainStyle), exitCode);
});

function decodeOrExplain(raw: string): AccessToken {
  try {
    return decodeAccessToken(raw);
  } catch (error) {
    // Microsoft account (consumer) tokens are opaque by design: say so rather than "no dots".
    if (error instanceof TokenFormatError && error.defect === 'no-dots') {
      throw new InputError(`${error.message} (personal Microsoft account tokens are opaque and cannot be decoded)`, { cause: error });
    }
    throw error;
  }
}

export function tokenProblems(token: AccessToken, now: Date): TokenProblem[] {
  const problems: TokenProblem[] = [];
  const add = (scenario: ScenarioId, message: string): void => {
    problems.push({ scenario, message, fix: getScenario(scenario).fix });
  };
  if (token.expiresAt !== undefined && isExpired(token, now, 0)) {
    add('expired-token', `expired ${relativeTime(token.expiresAt, now)} (${utcTime(token.expiresAt)})`);
  }
  if (token.notBefore !== undefined && token.notBefore.getTime() > now.getTime()) {
    add('invalid-token', `not valid until ${utcTime(token.notBefore)} (${relativeTime(token.notBefore, now)})`);
  }
  const resource = token.audience === undefined ? undefined : resourceOfAudience(token.audience);
  if (resource?.id !== 'microsoft-graph') {
    add('wrong-audience', `audience ${token.audience ?? '(none)'} is ${resource?.name ?? 'not a known resource'}, not Microsoft Graph`);
  }
  if (token.kind === 'none') add('invalid-token', 'neither scp (delegated) nor roles (application): Graph accepts it for no call');
  return problems;
}

function tokenText(token: AccessToken, problems: readonly TokenProblem[], now: Date, style: Style): string {
  const rows = tokenRows(token, now);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [style.bold('Access token'), ...rows.map(([label, value]) => `  ${style.dim(label.padEnd(width))}  ${value}`), ''];
  if (problems.length === 0) {
    lines.push(style.green('No problems visible in the token itself.'));
  } else {
    lines.push(style.bold('Problems'));
    for (const problem of problems) {
      lines.push(`  ${style.red('✖')} ${problem.message} ${style.dim(`(${problem.scenario})`)}`, `    fix: ${problem.fix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function tokenRows(token: AccessToken, now: Date): [string, string][] {
  const resource = token.audience === undefined ? undefined : resourceOfAudience(token.audience);
  const rows: [string, string][] = [
    ['audience', `${token.audience ?? '(none)'}${resource === undefined ? '' : ` (${resource.name})`}`],
    ['kind', kindText(token)],
  ];
  if (token.kind === 'delegated') rows.push(['scopes', listText(token.scopes)]);
  if (token.kind !== 'none') rows.push(['roles', listText(token.roles)]);
  rows.push(['app id', token.appId ?? '(none)'], ['tenant', token.tenantId ?? '(none)']);
  if (token.kind === 'delegated') rows.push(['user', token.userId ?? '(none)']);
  if (token.issuedAt !== undefined) rows.push(['issued', `${utcTime(token.issuedAt)} (${relativeTime(token.issuedAt, now)})`]);
  rows.push(['expires', token.expiresAt === undefined ? '(no exp claim)' : `${utcTime(token.expiresAt)} (${relativeTime(token.expiresAt, now)})`]);
  rows.push(['CAE', caeText(token)]);
  if (token.directoryRoleIds.length > 0) rows.push(['directory roles', token.directoryRoleIds.join(', ')]);
  return rows;
}

function kindText(token: AccessToken): string {
  switch (token.kind) {
    case 'app':
      return 'app-only (roles): the app acting as itself';
    case 'delegated':
      return `delegated (scp): the app acting for a signed-in ${token.isPersonalAccount ? 'personal Microsoft account' : 'user'}`;
    case 'none':
      return 'neither delegated (scp) nor app-only (roles)';
  }
}

function caeText(token: AccessToken): string {
  return isCaeCapable(token)
    ? 'capable (xms_cc: CP1): a revoked session gets a claims challenge instead of waiting for expiry'
    : 'not capable (no xms_cc CP1): revocation takes effect only when the token expires';
}

function isCaeCapable(token: AccessToken): boolean {
  return token.clientCapabilities.includes('CP1');
}

function listText(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : values.join(' ');
}

function tokenJson(token: AccessToken, problems: readonly TokenProblem[], now: Date): object {
  return {
    audience: token.audience,
    resource: token.audience === undefined ? undefined : resourceOfAudience(token.audience)?.id,
    kind: token.kind,
    scopes: token.kind === 'delegated' ? token.scopes : [],
    roles: token.kind === 'none' ? [] : token.roles,
    appId: token.appId,
    tenantId: token.tenantId,
    userId: token.kind === 'delegated' ? token.userId : undefined,
    personalAccount: token.kind === 'delegated' && token.isPersonalAccount,
    issuedAt: token.issuedAt?.toISOString(),
    expiresAt: token.expiresAt?.toISOString(),
    expiresIn: token.expiresAt === undefined ? undefined : relativeTime(token.expiresAt, now),
    caeCapable: isCaeCapable(token),
    problems,
    claims: token.claims,
  };
}
