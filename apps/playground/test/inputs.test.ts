import { describe, expect, it } from 'vitest';
import { parseBody, parseHeaders, parseInputs, parseRequest, parseStatus, parseToken, statusOfGraphCode } from '../src/inputs.js';
import { emptyState } from '../src/state.js';

describe('parseHeaders', () => {
  it('reads Name: value lines (lower-cased names), a status line, and reports the rest', () => {
    const parsed = parseHeaders('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="", error="insufficient_claims"\n\n  Request-Id: abc \nnot a header');
    expect(parsed.statusFromLine).toBe(401);
    expect(parsed.headers).toEqual({ 'www-authenticate': 'Bearer realm="", error="insufficient_claims"', 'request-id': 'abc' });
    expect(parsed.badLines).toEqual(['not a header']);
  });
});

describe('parseStatus', () => {
  it('accepts three-digit HTTP statuses only', () => {
    expect(parseStatus(' 403 ')).toBe(403);
    expect(parseStatus('40')).toBeUndefined();
    expect(parseStatus('abc')).toBeUndefined();
    expect(parseStatus('999')).toBeUndefined();
  });
});

describe('parseBody', () => {
  it('parses JSON and keeps other text as text', () => {
    expect(parseBody('{"error":"invalid_scope"}')).toEqual({ body: { error: 'invalid_scope' }, isJson: true });
    expect(parseBody(' Access denied ')).toEqual({ body: 'Access denied', isJson: false });
    expect(parseBody('  ')).toBeUndefined();
  });
});

describe('parseToken', () => {
  it('strips Authorization: and Bearer prefixes', () => {
    expect(parseToken('a.b.c')).toBe('a.b.c');
    expect(parseToken('Bearer a.b.c')).toBe('a.b.c');
    expect(parseToken('Authorization: bearer a.b.c\n')).toBe('a.b.c');
    expect(parseToken('   ')).toBeUndefined();
  });
});

describe('parseRequest', () => {
  it('uses the method field, or a method written before the URL', () => {
    expect(parseRequest('patch', ' https://graph.microsoft.com/v1.0/me ')).toEqual({ method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/me' });
    expect(parseRequest('GET', 'delete /users/1')).toEqual({ method: 'DELETE', url: '/users/1' });
    expect(parseRequest('GET', '')).toBeUndefined();
  });
});

describe('parseInputs', () => {
  it('has no response, token or request for the empty state', () => {
    const parsed = parseInputs(emptyState);
    expect(parsed).toMatchObject({ response: undefined, statusSource: 'none', token: undefined, request: undefined, notes: [] });
  });

  it('takes the status field over the status line, and says where it came from', () => {
    expect(parseInputs({ ...emptyState, status: '403', headers: 'HTTP/1.1 401 x' }).response?.status).toBe(403);
    const fromLine = parseInputs({ ...emptyState, headers: 'HTTP/2 401' });
    expect(fromLine.response?.status).toBe(401);
    expect(fromLine.statusSource).toBe('status-line');
    expect(parseInputs({ ...emptyState, body: '{}' }).statusSource).toBe('missing');
  });

  it('notes a status that is no status, header lines it cannot read, and a body that is no JSON', () => {
    const parsed = parseInputs({ ...emptyState, status: 'forbidden', headers: 'junk', body: 'Access denied' });
    expect(parsed.notes).toEqual([
      'The status "forbidden" is not an HTTP status code (three digits, e.g. 403).',
      'Header line not understood (expected "Name: value"): junk',
      'The body is not JSON; it was read as plain text.',
    ]);
    expect(parsed.response?.body).toBe('Access denied');
  });
});

describe('statusOfGraphCode', () => {
  it('reads the status from the core catalog when the code has only one', () => {
    expect(statusOfGraphCode({ error: { code: 'InvalidAuthenticationToken', message: 'x' } })).toBe(401);
    expect(statusOfGraphCode({ error: { code: 'BadRequest' } })).toBe(400);
    expect(statusOfGraphCode({ error: { code: 'ErrorAccessDenied' } })).toBe(403);
    expect(statusOfGraphCode({ error: { code: 'SomethingElse' } })).toBeUndefined();
    expect(statusOfGraphCode({ error: 'invalid_scope' })).toBeUndefined();
    expect(statusOfGraphCode('text')).toBeUndefined();
  });

  it('lets a pasted body alone be explained, and says the status was assumed', () => {
    const parsed = parseInputs({ ...emptyState, body: '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}' });
    expect(parsed.statusSource).toBe('body-code');
    expect(parsed.response?.status).toBe(401);
  });
});
