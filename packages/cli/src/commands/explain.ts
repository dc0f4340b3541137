import { decodeAccessToken, explain, httpMethods, TokenFormatError, type Evidence, type Explanation, type GraphRequest } from '@graph-authz/core';
import { InputError } from '../errors.js';
import { parseReceived, type ReceivedInput } from '../received.js';
import { guard, success, type CommandResult } from '../result.js';
import { plainStyle, type Style } from '../style.js';
import { utcTime } from '../time.js';

export interface ExplainOptions {
  /** The access token the failing call used (already read from @file), with or without "Bearer ". */
  readonly token?: string | undefined;
  /** "METHOD URL" of the failing call, e.g. "GET https://graph.microsoft.com/v1.0/me". */
  readonly request?: string | undefined;
  readonly status?: number | undefined;
  readonly entry?: number | undefined;
  readonly json?: boolean | undefined;
  /** The current time, used when the input does not say when it was received. */
  readonly now?: Date | undefined;
  readonly style?: Style | undefined;
}

/** `graph-authz explain`: exit 0 when a scenario is identified, 1 when not, 2 on bad input. */
export const explainCommand = guard('explain', (text: string, options: ExplainOptions = {}): CommandResult => {
  const received = parseReceived(text, { status: options.status, entry: options.entry });
  const request = options.request === undefined ? received.request : parseRequestOption(options.request);
  const token = options.token === undefined ? received.bearerToken : normaliseToken(options.token);
  const judgedAt = judgementTime(received, token, options.now);
  const now = judgedAt?.at;
  const explanation = explain(received.response, {
    ...(token === undefined ? {} : { token }),
    ...(request === undefined ? {} : { request }),
    ...(now === undefined ? {} : { now }),
  });
  const exitCode = explanation.scenario === undefined ? 1 : 0;
  const output =
    options.json === true
      ? explanationJson(explanation, received)
      : explanationText(explanation, received, judgedAt, options.style ?? plainStyle);
  return success(output, exitCode);
});

interface JudgementTime {
  readonly at: Date;
  readonly basis: 'received' | 'accepted' | 'now';
}

/**
 * When to judge the token's lifetime: when the response was received, if the input says; else,
 * for a 403 or 400, at the token's issue time, since Graph had accepted the token (its lifetime
 * is not the question, and a token pasted an hour later must not read "expired"); else now.
 */
function judgementTime(received: ReceivedInput, token: string | undefined, now: Date | undefined): JudgementTime | undefined {
  if (token === undefined) return undefined;
  if (received.observedAt !== undefined) return { at: received.observedAt, basis: 'received' };
  const issuedAt = received.response.status === 403 || received.response.status === 400 ? issueTimeOf(token) : undefined;
  if (issuedAt !== undefined) return { at: issuedAt, basis: 'accepted' };
  return now === undefined ? undefined : { at: now, basis: 'now' };
}

function issueTimeOf(token: string): Date | undefined {
  try {
    const decoded = decodeAccessToken(token);
    return decoded.notBefore ?? decoded.issuedAt;
  } catch (error) {
    // A malformed token is the explanation's business (it becomes evidence), not a reason to fail here.
    if (error instanceof TokenFormatError) return undefined;
    throw error;
  }
}

/** "GET https://graph.microsoft.com/v1.0/me", or a bare URL meaning GET. */
export function parseRequestOption(value: string): GraphRequest {
  const parts = value.trim().split(/\s+/);
  const [first = '', second, ...extra] = parts;
  if (first === '' || extra.length > 0) throw new InputError(`--request: expected "METHOD URL", got "${value}"`);
  if (second === undefined) return { method: 'GET', url: first };
  const method = first.toUpperCase();
  if (!(httpMethods as readonly string[]).includes(method)) {
    throw new InputError(`--request: unknown method "${first}" (expected one of ${httpMethods.join(', ')})`);
  }
  return { method, url: second };
}

/** People paste the header value ("Bearer eyJ..."), quotes and trailing newlines included. */
export function normaliseToken(value: string): string {
  const token = value.trim().replace(/^["']|["']$/g, '').replace(/^Bearer\s+/i, '').trim();
  if (token === '') throw new InputError('the token is empty');
  return token;
}

function explanationJson(explanation: Explanation, received: ReceivedInput): string {
  const report = {
    identified: explanation.scenario !== undefined,
    ...explanation,
    received: {
      format: received.format,
      status: received.response.status,
      statusSource: received.statusSource,
      ...(received.entry === undefined ? {} : { harEntry: received.entry.index, harEntries: received.entry.total }),
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function explanationText(explanation: Explanation, received: ReceivedInput, judgedAt: JudgementTime | undefined, style: Style): string {
  const lines = [...headline(explanation, style), ...receivedNotes(received, judgedAt, style), ''];
  lines.push(style.bold('Evidence'), ...explanation.evidence.map((item) => `  ${evidenceLine(item, style)}`));
  if (explanation.fix !== undefined) lines.push('', style.bold('Fix'), `  ${explanation.fix}`);
  if (explanation.docs.length > 0) {
    lines.push('', style.bold('Docs'), ...explanation.docs.map((doc) => `  ${doc.title}: ${style.cyan(doc.url)}`));
  }
  return `${lines.join('\n')}\n`;
}

function headline(explanation: Explanation, style: Style): string[] {
  if (explanation.scenario === undefined) {
    return [`${style.yellow('?')} ${style.bold('Could not identify the scenario')}`, `  ${explanation.summary}`];
  }
  return [`${style.red('✖')} ${style.bold(explanation.title)} ${style.dim(`(${explanation.scenario})`)}`, `  ${explanation.summary}`];
}

function receivedNotes(received: ReceivedInput, judgedAt: JudgementTime | undefined, style: Style): string[] {
  const notes: string[] = [];
  if (received.statusSource === 'catalog') {
    notes.push(`status ${received.response.status} taken from the catalog for this error code (no status line was given)`);
  }
  if (judgedAt?.basis === 'received') notes.push(`token judged at ${utcTime(judgedAt.at)}, when the response was received`);
  if (judgedAt?.basis === 'accepted') {
    notes.push(`token judged at ${utcTime(judgedAt.at)}, its issue time: Graph answered ${received.response.status}, so it had accepted the token`);
  }
  if (received.entry !== undefined) {
    const others = received.entry.otherFailures;
    const rest = others.length === 0 ? '' : `; other failing entries: ${others.join(', ')} (use --entry N)`;
    notes.push(`HAR entry ${received.entry.index} of ${received.entry.total}${rest}`);
  }
  return notes.map((note) => style.dim(`  (${note})`));
}

function evidenceLine(item: Evidence, style: Style): string {
  const value = item.value.length > 72 ? `${item.value.slice(0, 69)}...` : item.value;
  // "status = 401" rather than "status status = 401"; the source matters when it differs ("token scp").
  const name = item.field === item.source ? item.field : `${style.dim(item.source)} ${item.field}`;
  return `• ${name} = ${style.cyan(value)}: ${item.note}`;
}
