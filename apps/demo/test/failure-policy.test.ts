import { describe, expect, it } from 'vitest';
import { challengeClaims, InvalidSettingError, recoveryFor, registrationFromEnv, type ReceivedFailure } from '../src/index.js';

const graph401 = (wwwAuthenticate: string): ReceivedFailure => ({
  from: 'graph',
  status: 401,
  code: 'InvalidAuthenticationToken',
  message: '',
  headers: { 'www-authenticate': wwwAuthenticate },
  body: undefined,
});

describe("the service's retry policy", () => {
  it('decodes the claims of a CAE challenge, and only of one', () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1795620780"}}}';
    const header = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`;
    expect(challengeClaims(header)).toBe(claims);
    expect(challengeClaims('Bearer realm="", client_id="00000003-0000-0000-c000-000000000000"')).toBeUndefined();
    expect(recoveryFor(graph401(header))).toEqual({ kind: 'claims', claims });
  });

  it('retries a Graph 401 with a fresh token, and nothing else', () => {
    expect(recoveryFor(graph401('Bearer realm=""'))).toEqual({ kind: 'fresh-token' });
    expect(recoveryFor({ ...graph401(''), status: 403 })).toBeUndefined();
    expect(recoveryFor({ ...graph401(''), from: 'token-endpoint' })).toBeUndefined();
  });
});

describe('registrationFromEnv', () => {
  it('reads the registration and names a missing setting', () => {
    expect(registrationFromEnv({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CLIENT_SECRET: ' s ' })).toEqual({ tenantId: 't', clientId: 'c', clientSecret: 's' });
    expect(() => registrationFromEnv({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: '' })).toThrow(new InvalidSettingError('GRAPH_CLIENT_ID', 'GRAPH_CLIENT_ID is not set'));
  });
});
