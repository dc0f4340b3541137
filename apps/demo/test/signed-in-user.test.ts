import '@graph-authz/msw/vitest';
import { describe, expect, it } from 'vitest';
import { AppError, SignedInUserService, type AppRegistration, type ServiceEvent } from '../src/index.js';
import { firstFailure, graphCalls, recordTraffic, statuses, tokenCalls } from './support/graph-traffic.js';
import { appErrorBehaviour, diagnose, explainContextOf, receivedSummary, useScenarioReport } from './support/report.js';
import { adelePassword, ids, registrations, useDemoTenant, userAssertion } from './support/tenant.js';

const { tenant, server, advanceClock } = useDemoTenant();
const record = useScenarioReport(import.meta.filename);

function serviceWithLog(registration: AppRegistration = registrations.webApi): { service: SignedInUserService; events: ServiceEvent[] } {
  const events: ServiceEvent[] = [];
  return { service: new SignedInUserService(registration, (event) => events.push(event)), events };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the signed-in user part (on-behalf-of) against the emulated tenant', () => {
  it('reads /me and changes the password for the user whose token the API received', async () => {
    const { service, events } = serviceWithLog();
    const traffic = recordTraffic(server);
    const assertion = await userAssertion(tenant, ids.adele);
    const profile = await service.readProfile(assertion);
    expect(profile).toMatchObject({ id: ids.adele, displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.example' });
    await service.changePassword(assertion, adelePassword, 'N3w-pa55word!');
    expect(statuses(graphCalls(traffic))).toEqual([200, 204]);
    expect(events).toEqual([]);
  });

  it('revoked session: the CAE-capable token gets a claims challenge; the app asks for a token with those claims', async () => {
    const { service, events } = serviceWithLog();
    const traffic = recordTraffic(server);
    const assertion = await userAssertion(tenant, ids.adele);
    await service.readProfile(assertion);
    tenant.revokeSessions(ids.adele);
    // A moment passes: tokens minted from now on are after the revocation, whatever the timer resolution.
    advanceClock(1000);
    const profile = await service.readProfile(assertion);
    expect(profile.displayName).toBe('Adele Vance');
    expect(statuses(graphCalls(traffic))).toEqual([200, 401, 200]);
    expect(events).toEqual([{ type: 'retry', operation: 'read your profile', recovery: 'claims' }]);
    const challenge = firstFailure(traffic);
    expect(challenge.headers['www-authenticate']).toContain('error="insufficient_claims"');
    const diagnosis = await diagnose(challenge, new Date());
    expect(diagnosis.scenario).toBe('claims-challenge');
    // A second on-behalf-of request, carrying the challenge's claims, got the token Graph accepted.
    expect(statuses(tokenCalls(traffic))).toEqual([200, 200]);
    const retryForm = new URLSearchParams(await tokenCalls(traffic)[1]?.requestBody);
    expect(retryForm.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(JSON.parse(retryForm.get('claims') ?? '{}')).toMatchObject({ access_token: { nbf: { essential: true }, xms_cc: { values: ['CP1'] } } });
    record({
      scenario: 'claims-challenge',
      part: 'signed-in user',
      reachedBy: "emulated tenant: the user's sessions were revoked (continuous access evaluation)",
      received: await receivedSummary(challenge),
      appBehaviour: "retried once with a token requested with the challenge's claims; the call succeeded",
      diagnosis,
    });
  });

  it('policy: MFA required for Dave; the on-behalf-of request fails and the claims go back to the client', async () => {
    const { service, events } = serviceWithLog();
    const traffic = recordTraffic(server);
    const appError = await failureOf(service.readProfile(await userAssertion(tenant, ids.dave, { mfa: false })));
    expect(appError.kind).toBe('sign-in-required');
    expect(appError.details.retried).toBe(false);
    expect(appError.details.claims).toContain('capolids');
    expect(appError.userMessage).toContain('multi-factor authentication');
    expect(appError.cause).toBeGraphScenario('interaction-required');
    expect(graphCalls(traffic)).toEqual([]);
    expect(events).toEqual([]);
    const failure = firstFailure(traffic);
    const diagnosis = await diagnose(failure, new Date());
    expect(diagnosis.scenario).toBe('interaction-required');
    record({
      scenario: 'interaction-required',
      part: 'signed-in user',
      reachedBy: 'emulated tenant: a conditional access policy requires MFA for the user',
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });

  it('missing grant: no consent for User-PasswordProfile.ReadWrite.All; the token request fails with AADSTS65001', async () => {
    const { service } = serviceWithLog(registrations.webApiWithoutPassword);
    const traffic = recordTraffic(server);
    const assertion = await userAssertion(tenant, ids.adele, { apiId: ids.webApiWithoutPassword });
    const appError = await failureOf(service.changePassword(assertion, adelePassword, 'N3w-pa55word!'));
    expect(appError.kind).toBe('missing-permission');
    expect(appError.userMessage).toContain('An administrator must grant consent');
    expect(appError.cause).toBeGraphScenario('consent-required');
    expect(graphCalls(traffic)).toEqual([]);
    const failure = firstFailure(traffic);
    const diagnosis = await diagnose(failure, new Date());
    expect(diagnosis.scenario).toBe('consent-required');
    record({
      scenario: 'consent-required',
      part: 'signed-in user',
      reachedBy: 'emulated tenant: the API registration has no consent for the password permission',
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });

  it('helpdesk: Hana (Password Administrator) sets a colleague\'s temporary password', async () => {
    const { service, events } = serviceWithLog();
    const traffic = recordTraffic(server);
    await service.setColleaguePassword(await userAssertion(tenant, ids.hana), ids.adele, 'Temp-pa55word!');
    expect(statuses(graphCalls(traffic))).toEqual([204]);
    expect(events).toEqual([]);
  });

  it('no admin role: Adele sets a colleague\'s password; the scope allows it, her role does not: 403, no retry', async () => {
    const { service, events } = serviceWithLog();
    const traffic = recordTraffic(server);
    const appError = await failureOf(service.setColleaguePassword(await userAssertion(tenant, ids.adele), ids.dave, 'Temp-pa55word!'));
    expect(appError.kind).toBe('missing-permission');
    expect(appError.details).toEqual({ operation: `set the password of ${ids.dave}`, retried: false });
    expect(appError.userMessage).toMatch(/^You are not allowed to set the password of .+: Graph refused it \(Authorization_RequestDenied: Insufficient privileges/);
    expect(events).toEqual([]);
    expect(statuses(graphCalls(traffic))).toEqual([403]);
    const failure = firstFailure(traffic);
    expect(appError.cause).toBeGraphScenario('user-not-authorized', await explainContextOf(failure, new Date()));
    const diagnosis = await diagnose(failure, new Date());
    expect(diagnosis.scenario).toBe('user-not-authorized');
    record({
      scenario: 'user-not-authorized',
      part: 'signed-in user',
      reachedBy: 'emulated tenant: the signed-in user holds no password administrator role',
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });

  it('application-only operation: exporting chats with getAllMessages through the delegated token gets 403, no retry', async () => {
    const { service, events } = serviceWithLog();
    const traffic = recordTraffic(server);
    const appError = await failureOf(service.exportChatMessages(await userAssertion(tenant, ids.adele), ids.adele));
    expect(appError.kind).toBe('missing-permission');
    expect(appError.details).toEqual({ operation: 'export your chat messages', retried: false });
    expect(appError.userMessage).toMatch(/^You are not allowed to export your chat messages: Graph refused it \(Authorization_RequestDenied: /);
    expect(events).toEqual([]);
    expect(statuses(graphCalls(traffic))).toEqual([403]);
    const failure = firstFailure(traffic);
    expect(appError.cause).toBeGraphScenario('permission-type-mismatch', await explainContextOf(failure, new Date()));
    const diagnosis = await diagnose(failure, new Date());
    expect(diagnosis.scenario).toBe('permission-type-mismatch');
    record({
      scenario: 'permission-type-mismatch',
      part: 'signed-in user',
      reachedBy: 'emulated tenant: the delegated token calls GET /users/{id}/chats/getAllMessages, which has application permissions only',
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });
});
