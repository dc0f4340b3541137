import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseHttpTranscript } from '../src/http-text.js';
import { parseReceived, statusFromCatalog } from '../src/received.js';
import { colorEnabled } from '../src/style.js';
import { relativeTime } from '../src/time.js';
import { fixture } from './helpers/run-cli.js';

const read = (name: string): string => readFileSync(fixture(name), 'utf8');

describe('curl -i / curl -v transcripts', () => {
  it('reads status, repeated and case-folded headers and the body of curl -i (CRLF)', () => {
    const { response, request } = parseHttpTranscript(read('graph-401-expired.http'));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']?.[0]).toMatch(/^Bearer realm=""/);
    expect(response.headers.date).toEqual(['Tue, 24 Nov 2026 11:02:11 GMT']);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect(request).toBeUndefined();
  });

  it('keeps the final response after interim ones (100 Continue, proxy CONNECT, redirects)', () => {
    const text = [
      'HTTP/1.1 200 Connection established',
      '',
      'HTTP/1.1 100 Continue',
      '',
      'HTTP/2 403',
      'content-type: application/json',
      '',
      '{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
    ].join('\n');
    const { response } = parseHttpTranscript(text);
    expect(response.status).toBe(403);
    expect(response.headers).toEqual({ 'content-type': ['application/json'] });
  });

  it('reads the request and the response out of curl -v, dropping its chatter', () => {
    const { response, request } = parseHttpTranscript(read('graph-401-claims-challenge.curl-v.txt'));
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('https://graph.microsoft.com/v1.0/me/messages?$top=5');
    expect(request?.headers.authorization?.[0]).toMatch(/^Bearer eyJ/);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']?.[0]).toContain('error="insufficient_claims"');
    expect(response.body).toMatch(/^\{"error".*\}\}\}$/);
  });

  it('names the line that is not a header', () => {
    expect(() => parseHttpTranscript('HTTP/1.1 401 Unauthorized\nthis is not a header\n\n{}')).toThrow(
      /line 2: expected a header "Name: value"/,
    );
  });
});

describe('parseReceived', () => {
  it('takes the status of a bare Graph body from the catalog, and says so', () => {
    const received = parseReceived(read('graph-403-insufficient-privileges.json'));
    expect(received).toMatchObject({ format: 'json', statusSource: 'catalog', response: { status: 403 } });
  });

  it('takes the status of a bare token-endpoint body from its AADSTS code', () => {
    expect(parseReceived(read('token-aadsts65001.json')).response.status).toBe(400);
    expect(statusFromCatalog({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' })).toBe(401);
  });

  it('prefers --status over the catalog and refuses to guess an unknown code', () => {
    const body = '{"error":{"code":"SomethingNew","message":"?"}}';
    expect(parseReceived(body, { status: 403 })).toMatchObject({ statusSource: 'option', response: { status: 403 } });
    expect(() => parseReceived(body)).toThrow(/pass --status/);
  });

  it('picks the last failing HAR entry, its token, its request and the time it was sent', () => {
    const received = parseReceived(read('browser-capture.har'));
    expect(received.format).toBe('har');
    expect(received.entry).toEqual({ index: 3, total: 3, otherFailures: [] });
    expect(received.request).toMatchObject({ method: 'GET', url: 'https://graph.microsoft.com/v1.0/users?$select=displayName,mail&$top=25' });
    expect(received.bearerToken).toBe(read('token-delegated-expired.jwt').trim());
    expect(received.observedAt?.toISOString()).toBe('2026-11-24T09:31:02.377Z');
    // The body was base64-encoded in the HAR, as browsers store it.
    expect(received.response.body).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
  });

  it('reads a chosen HAR entry and a lone entry', () => {
    const har = JSON.parse(read('browser-capture.har')) as { log: { entries: unknown[] } };
    expect(parseReceived(read('browser-capture.har'), { entry: 2 }).response.status).toBe(200);
    expect(parseReceived(JSON.stringify(har.log.entries[2])).response.status).toBe(403);
    expect(() => parseReceived(read('browser-capture.har'), { entry: 9 })).toThrow('--entry 9: the HAR has 3 entries');
  });

  it.each([
    ['', /the input is empty/],
    ['<html>Service Unavailable</html>', /not a response/],
    ['{"error": ', /not valid JSON/],
    ['{"log":{"entries":[]}}', /no log.entries/],
    ['{"log":{"entries":[{"request":{"method":"GET","url":"https://graph.microsoft.com/v1.0/me"},"response":{"status":200}}]}}', /none failed/],
    ['{"request":{"method":"GET"},"response":{"status":401}}', /request.method and request.url must be strings/],
  ])('rejects %j with a typed error that names the problem', (text, message) => {
    expect(() => parseReceived(text)).toThrow(InputError);
    expect(() => parseReceived(text)).toThrow(message);
  });
});

describe('colour and time', () => {
  it('colours only a TTY, never with NO_COLOR, and on request with FORCE_COLOR', () => {
    expect(colorEnabled({ isTTY: true, env: {} })).toBe(true);
    expect(colorEnabled({ isTTY: false, env: {} })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
    expect(colorEnabled({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
  });

  it('says token lifetimes in the largest whole unit', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(relativeTime(new Date('2026-11-25T12:45:10Z'), now)).toBe('in 45 minutes');
    expect(relativeTime(new Date('2026-11-25T09:00:00Z'), now)).toBe('3 hours ago');
    expect(relativeTime(new Date('2026-11-23T11:00:00Z'), now)).toBe('2 days ago');
    expect(relativeTime(new Date('2026-11-25T12:00:20Z'), now)).toBe('in 20 seconds');
  });
});
