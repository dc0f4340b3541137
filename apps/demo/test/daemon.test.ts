import '@graph-authz/msw/vitest';
import { describe, expect, it } from 'vitest';
import { AppError, DirectoryDaemon, type AppRegistration, type ServiceEvent } from '../src/index.js';
import { firstFailure, graphCalls, recordTraffic, statuses } from './support/graph-traffic.js';
import { appErrorBehaviour, diagnose, explainContextOf, receivedSummary, useScenarioReport } from './support/report.js';
import { ids, registrations, useDemoTenant } from './support/tenant.js';

const { server, advanceClock } = useDemoTenant();
const record = useScenarioReport(import.meta.filename);

function daemonWithLog(registration: AppRegistration = registrations.daemon): { daemon: DirectoryDaemon; events: ServiceEvent[] } {
  const events: ServiceEvent[] = [];
  // A new MSAL app per test: MSAL caches tokens (and throttles) per application instance.
  return { daemon: new DirectoryDaemon(registration, (event) => events.push(event)), events };
}

describe('the daemon against the emulated tenant', () => {
  it("lists the directory users and reads a mailbox's settings with client credentials", async () => {
    const { daemon, events } = daemonWithLog();
    const users = await daemon.listUsers();
    expect(users.map((user) => user.displayName)).toEqual(['Adele Vance', 'Dave Remote', 'Hana Helpdesk']);
    const settings = await daemon.readMailSettings(ids.adele);
    expect(settings).toMatchObject({ timeZone: 'W. Europe Standard Time', automaticRepliesSetting: { status: 'disabled' } });
    expect(events).toEqual([]);
  });

  it('expired clock: MSAL serves its cached token, Graph says expired, the app retries once with a fresh token', async () => {
    const { daemon, events } = daemonWithLog();
    const traffic = recordTraffic(server);
    await daemon.listUsers();
    // Two hours later in the tenant: the cached token (60 min) has expired, MSAL's clock does not know.
    const later = advanceClock(2 * 3600_000);
    const users = await daemon.listUsers();
    expect(users).toHaveLength(3);
    expect(events).toEqual([{ type: 'retry', operation: 'list the directory users', recovery: 'fresh-token' }]);
    expect(statuses(graphCalls(traffic))).toEqual([200, 401, 200]);
    const failure = firstFailure(traffic);
    const diagnosis = await diagnose(failure, later);
    expect(diagnosis.scenario).toBe('expired-token');
    record({
      scenario: 'expired-token',
      part: 'daemon',
      reachedBy: 'emulated tenant: clock moved two hours past the cached token',
      received: await receivedSummary(failure),
      appBehaviour: 'retried once with a token fresh from the token endpoint (skipCache); the call succeeded',
      diagnosis,
    });
  });

  it('missing grant: without MailboxSettings.Read, Graph answers 403 and the app tells the user, no retry', async () => {
    const { daemon, events } = daemonWithLog(registrations.daemonWithoutMail);
    const traffic = recordTraffic(server);
    const error = await daemon.readMailSettings(ids.adele).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.kind).toBe('missing-permission');
    expect(appError.details).toEqual({ operation: `read the mail settings of ${ids.adele}`, retried: false });
    expect(appError.userMessage).toMatch(/^You are not allowed to read the mail settings of .+: Graph refused it \(ErrorAccessDenied: /);
    expect(events).toEqual([]);
    expect(statuses(graphCalls(traffic))).toEqual([403]);
    const failure = firstFailure(traffic);
    // A 403 tells its cause only with the token and the request that got it.
    expect(appError.cause).toBeGraphScenario('insufficient-permissions', await explainContextOf(failure, new Date()));
    const diagnosis = await diagnose(failure, new Date());
    expect(diagnosis.scenario).toBe('insufficient-permissions');
    record({
      scenario: 'insufficient-permissions',
      part: 'daemon',
      reachedBy: 'emulated tenant: the app registration lacks the MailboxSettings.Read application permission',
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });

  it('sets a temporary password app-only when the service principal holds User Administrator', async () => {
    const { daemon, events } = daemonWithLog();
    const traffic = recordTraffic(server);
    await daemon.setTemporaryPassword(ids.dave, 'Temp-pa55word!');
    expect(statuses(graphCalls(traffic))).toEqual([204]);
    const patch = graphCalls(traffic)[0];
    expect(patch?.method).toBe('PATCH');
    expect(JSON.parse((await patch?.requestBody) ?? '{}')).toEqual({ passwordProfile: { password: 'Temp-pa55word!', forceChangePasswordNextSignIn: true } });
    expect(events).toEqual([]);
  });

  it('app-only password: the permission without a directory role on the service principal gets 403, no retry', async () => {
    const { daemon, events } = daemonWithLog(registrations.daemonWithoutRole);
    const traffic = recordTraffic(server);
    const error = await daemon.setTemporaryPassword(ids.dave, 'Temp-pa55word!').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.kind).toBe('missing-permission');
    expect(appError.details).toEqual({ operation: `set a temporary password for ${ids.dave}`, retried: false });
    expect(appError.userMessage).toMatch(/^You are not allowed to set a temporary password for .+: Graph refused it \(Authorization_RequestDenied: Insufficient privileges/);
    expect(events).toEqual([]);
    expect(statuses(graphCalls(traffic))).toEqual([403]);
    const failure = firstFailure(traffic);
    const context = await explainContextOf(failure, new Date());
    expect(appError.cause).toBeGraphScenario('app-only-password-reset', context);
    const diagnosis = await diagnose(failure, new Date());
    expect(diagnosis.scenario).toBe('app-only-password-reset');
    record({
      scenario: 'app-only-password-reset',
      part: 'daemon',
      reachedBy: 'emulated tenant: the registration has User-PasswordProfile.ReadWrite.All but its service principal holds no directory role',
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });
});
