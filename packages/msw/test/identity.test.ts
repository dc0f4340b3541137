/* eslint-disable @typescript-eslint/no-deprecated -- ROPC (username/password) is deprecated, yet the issue asks for it and many test suites still sign in that way. */
/**
 * @azure/identity 4, unmodified, against the emulated tenant. `retryOptions: { maxRetries: 0 }`
 * because identity retries 5xx answers (three times by default), which slows failing tests down.
 */
import { ClientCertificateCredential, ClientSecretCredential, UsernamePasswordCredential, type TokenCredentialOptions } from '@azure/identity';
import { decodeJwt } from 'jose';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import '../src/vitest.js';
import { certificate, getGraph, ids, password, secrets, tokenUrl, useTenant } from './support/tenant.js';

const { server } = useTenant();
const options: TokenCredentialOptions = { retryOptions: { maxRetries: 0 } };
const graphDefault = 'https://graph.microsoft.com/.default';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error('expected an Error', { cause: error });
  }
  throw new Error('expected the call to fail');
}

describe('ClientSecretCredential', () => {
  test('a token Graph accepts', async () => {
    const credential = new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, options);
    const token = await credential.getToken(graphDefault);
    expect(decodeJwt(token.token)).toMatchObject({ appid: ids.daemon, roles: ['User.Read.All'] });
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now());
    expect((await getGraph('/users', token.token)).status).toBe(200);
  });

  test('enableCae asks for CP1: the token carries xms_cc', async () => {
    const token = await new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, options).getToken(graphDefault, { enableCae: true });
    expect(decodeJwt(token.token).xms_cc).toEqual(['CP1']);
  });

  test('a bad secret surfaces AADSTS7000215', async () => {
    const error = await rejection(new ClientSecretCredential(ids.tenant, ids.daemon, 'wrong', options).getToken(graphDefault));
    expect(error.message).toContain('AADSTS7000215');
  });

  test('invalid-scope-for-flow and multiple-resources as identity surfaces them', async () => {
    const named = await rejection(new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, options).getToken('https://graph.microsoft.com/User.Read.All'));
    expect(named.message).toContain('AADSTS1002012');
    expect(named).toBeGraphScenario('invalid-scope-for-flow');
    const two = await rejection(new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, options).getToken([graphDefault, 'https://outlook.office.com/.default']));
    expect(two).toBeGraphScenario('multiple-resources');
  });

  test('maxRetries: 0 means one request on a 500, whose error body identity reports', async () => {
    let calls = 0;
    server.use(http.post(tokenUrl, () => {
      calls += 1;
      return HttpResponse.json({ error: 'server_error', error_description: 'AADSTS90033: A transient error has occurred.' }, { status: 500 });
    }));
    const error = await rejection(new ClientSecretCredential(ids.tenant, ids.daemon, secrets.daemon, options).getToken(graphDefault));
    expect(calls).toBe(1);
    expect(error.message).toMatch(/server_error|AADSTS90033/);
  });
});

describe('ClientCertificateCredential', () => {
  test('signs a client assertion the emulator verifies against the registered certificate', async () => {
    const credential = new ClientCertificateCredential(ids.tenant, ids.daemon, { certificate: `${certificate.privateKeyPem}\n${certificate.certificatePem}` }, options);
    const token = await credential.getToken(graphDefault);
    expect(decodeJwt(token.token)).toMatchObject({ appid: ids.daemon, appidacr: '2' });
  });
});

describe('UsernamePasswordCredential (delegated)', () => {
  const credential = (username: string) => new UsernamePasswordCredential(ids.tenant, ids.publicClient, username, password, options);

  test('a delegated token for the user', async () => {
    const token = await credential('alice@contoso.onmicrosoft.com').getToken('https://graph.microsoft.com/User.Read');
    expect(decodeJwt(token.token)).toMatchObject({ oid: ids.alice, scp: expect.stringContaining('User.Read') as string });
  });

  test.each([
    ['dave@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read', 'interaction-required', 'AADSTS50076'],
    ['eve@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read', 'interaction-required', 'AADSTS53003'],
    ['alice@contoso.onmicrosoft.com', 'https://graph.microsoft.com/Files.ReadWrite.All', 'consent-required', 'AADSTS65001'],
  ] as const)('%s asking %s: %s', async (username, scope, scenario, code) => {
    const error = await rejection(credential(username).getToken(scope));
    // identity re-throws MSAL's ServerError as AuthenticationRequiredError by message: no cause, the AADSTS code in the text.
    expect(error.name).toBe('AuthenticationRequiredError');
    expect(error.cause).toBeUndefined();
    expect(error.message).toContain(code);
    expect(error).toBeGraphScenario(scenario);
  });
});
