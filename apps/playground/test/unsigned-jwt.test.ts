import { decodeAccessToken } from '@graph-authz/core';
import { describe, expect, it } from 'vitest';
import { base64urlOfText, unsignedJwt } from '../src/unsigned-jwt.js';

describe('unsignedJwt', () => {
  it('encodes base64url without padding or + and /', () => {
    expect(base64urlOfText('??>')).toBe('Pz8-');
    expect(base64urlOfText('a')).toBe('YQ');
    expect(base64urlOfText('\u00ff\u00fe')).toBe('w7_Dvg');
  });

  it('round-trips claims with non-ASCII text through the core decoder', () => {
    const token = decodeAccessToken(unsignedJwt({ name: 'Zoë Łukasz', scp: 'User.Read', aud: 'https://graph.microsoft.com' }));
    expect(token.claims.name).toBe('Zoë Łukasz');
    expect(token.kind).toBe('delegated');
  });
});
