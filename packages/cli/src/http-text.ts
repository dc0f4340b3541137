import { InputError } from './errors.js';

/**
 * Reads what `curl -i` (and `curl -v`) print: a status line, headers, a blank line, the body.
 * Users paste it straight from a terminal, so line endings, HTTP/2 lower-case headers, interim
 * responses (100 Continue, a proxy's "200 Connection established", redirects followed with -L) and
 * curl -v's `< ` / `> ` prefixes are all expected.
 */

export type HeaderMap = Record<string, string[]>;

export interface HttpResponseText {
  readonly status: number;
  readonly headers: HeaderMap;
  readonly body: string | undefined;
}

export interface HttpRequestText {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderMap;
}

export interface HttpTranscript {
  readonly response: HttpResponseText;
  readonly request: HttpRequestText | undefined;
}

const statusLine = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;
const verboseLine = /^[<>*] |^[<>]$|^[{}] \[/;
// A body without a final newline gets curl's closing remark glued to its last line.
const curlTrailer = /\* (?:Connection #\d+ to host .* left intact|Closing connection.*)$/;

export function looksLikeHttp(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  return statusLine.test(first) || verboseLine.test(first);
}

export function parseHttpTranscript(text: string): HttpTranscript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const verbose = lines.some((line) => line.startsWith('< HTTP/'));
  return verbose
    ? { response: parseResponse(responseLinesOfVerbose(lines)), request: lastRequestOfVerbose(lines) }
    : { response: parseResponse(trimLeadingBlank(lines)), request: undefined };
}

function parseResponse(lines: readonly string[]): HttpResponseText {
  let rest = lines;
  for (;;) {
    const block = parseBlock(rest);
    // With -L or through a proxy curl prints every response; the final one is what the app got.
    const next = trimLeadingBlank(block.rest);
    if (next[0] !== undefined && statusLine.test(next[0])) {
      rest = next;
      continue;
    }
    const body = block.rest.join('\n').trim();
    return { status: block.status, headers: block.headers, body: body === '' ? undefined : body };
  }
}

function parseBlock(lines: readonly string[]): { status: number; headers: HeaderMap; rest: readonly string[] } {
  const status = Number(statusLine.exec(lines[0] ?? '')?.[1]);
  if (Number.isNaN(status)) {
    throw new InputError(`expected an HTTP status line such as "HTTP/1.1 401 Unauthorized", got "${clip(lines[0] ?? '')}"`);
  }
  const headers: HeaderMap = {};
  let index = 1;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    // A body pasted right under the headers, without the blank line, still starts the body.
    if (line.trim() === '' || line.startsWith('{')) break;
    addHeaderLine(headers, line, index + 1);
  }
  const bodyStart = lines[index]?.trim() === '' ? index + 1 : index;
  return { status, headers, rest: lines.slice(bodyStart) };
}

function addHeaderLine(headers: HeaderMap, line: string, lineNumber: number): void {
  const colon = line.indexOf(':');
  if (colon <= 0) {
    throw new InputError(`line ${lineNumber}: expected a header "Name: value", got "${clip(line)}"`);
  }
  const name = line.slice(0, colon).trim().toLowerCase();
  (headers[name] ??= []).push(line.slice(colon + 1).trim());
}

/** curl -v: `< ` lines are the response, unprefixed lines after them the body, `* ` is chatter. */
function responseLinesOfVerbose(lines: readonly string[]): string[] {
  const lastStatus = lines.findLastIndex((line) => line.startsWith('< HTTP/'));
  const out: string[] = [];
  for (const line of lines.slice(lastStatus)) {
    if (line.startsWith('< ') || line === '<') out.push(line.slice(2));
    else if (!verboseLine.test(line)) out.push(line.replace(curlTrailer, ''));
  }
  return out;
}

function lastRequestOfVerbose(lines: readonly string[]): HttpRequestText | undefined {
  const start = lines.findLastIndex((line) => /^> [A-Z]+ \S+ HTTP\//.test(line));
  const requestLine = lines[start];
  if (requestLine === undefined) return undefined;
  const [method = 'GET', target = '/'] = requestLine.slice(2).split(' ');
  const headers: HeaderMap = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('> ') || line.trim() === '>') break;
    addHeaderLine(headers, line.slice(2), 0);
  }
  const host = headers.host?.[0];
  const url = target.startsWith('/') && host !== undefined ? `https://${host}${target}` : target;
  return { method, url, headers };
}

function trimLeadingBlank(lines: readonly string[]): readonly string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  return first === -1 ? [] : lines.slice(first);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
