import '@graph-authz/msw/vitest';
import { explain, getScenario, type ScenarioId } from '@graph-authz/core';
import { simulate, type SimulateOptions } from '@graph-authz/msw';
import { describe, expect, it } from 'vitest';
import { AppError, DirectoryDaemon, SignedInUserService, type FailureKind, type ServiceEvent } from '../src/index.js';
import { firstFailure, graphCalls, recordTraffic, statuses, tokenCalls, type Exchange } from './support/graph-traffic.js';
import { appErrorBehaviour, receivedSummary, useScenarioReport } from './support/report.js';
import { ids, registrations, useDemoTenant, userAssertion } from './support/tenant.js';

/**
 * The scenarios the demo tenant does not produce on its own, answered by simulate() in front of
 * the tenant (MSW tries the newest handlers first). Each asserts what the service does. The 403s
 * are not here: the tenant reaches each of them (daemon.test.ts, signed-in-user.test.ts).
 */
const { tenant, server } = useDemoTenant();
const record = useScenarioReport(import.meta.filename);

type Part = 'daemon' | 'signed-in user';

interface SimulatedCase {
  readonly scenario: ScenarioId;
  readonly part: Part;
  readonly options?: SimulateOptions;
  readonly run: (services: Services) => Promise<unknown>;
  readonly kind: FailureKind;
  /** A 401 earns one retry with a fresh token; nothing else is retried. */
  readonly retried: boolean;
  readonly message: RegExp;
}

interface Services {
  readonly daemon: DirectoryDaemon;
  readonly user: SignedInUserService;
  readonly assertion: string;
}

const listUsers = ({ daemon }: Services): Promise<unknown> => daemon.listUsers();
const readProfile = ({ user, assertion }: Services): Promise<unknown> => user.readProfile(assertion);

const tokenRejected = /^Microsoft Graph rejected the access token \(.+\)\. Check the app's tenant and registration\.$/s;

const cases: readonly SimulatedCase[] = [
  { scenario: 'missing-token', part: 'daemon', run: listUsers, kind: 'token-rejected', retried: true, message: tokenRejected },
  { scenario: 'malformed-token', part: 'daemon', run: listUsers, kind: 'token-rejected', retried: true, message: tokenRejected },
  { scenario: 'invalid-token', part: 'daemon', run: listUsers, kind: 'token-rejected', retried: true, message: tokenRejected },
  { scenario: 'wrong-audience', part: 'signed-in user', run: readProfile, kind: 'token-rejected', retried: true, message: tokenRejected },
  { scenario: 'personal-account-not-supported', part: 'signed-in user', run: readProfile, kind: 'token-rejected', retried: true, message: tokenRejected },
  { scenario: 'delegated-only-endpoint', part: 'signed-in user', run: readProfile, kind: 'configuration', retried: false, message: /^Graph refused the request as invalid \(\/me request is only valid with delegated authentication flow\.\)/ },
  { scenario: 'invalid-scope-for-flow', part: 'daemon', run: listUsers, kind: 'configuration', retried: false, message: /^The app asked for scopes the sign-in does not accept \(AADSTS1002012: [^\r\n]+ with \/\.default suffixed to the resource identifier \(application ID URI\)\.\)\.$/ },
  { scenario: 'multiple-resources', part: 'signed-in user', run: readProfile, kind: 'configuration', retried: false, message: /^The app asked for scopes the sign-in does not accept \(AADSTS28000: [^\r\n]+ more than one resource\. [^\r\n]+\)\.$/ },
];

async function services(): Promise<{ services: Services; events: ServiceEvent[] }> {
  const events: ServiceEvent[] = [];
  const log = (event: ServiceEvent): void => {
    events.push(event);
  };
  const assertion = await userAssertion(tenant, ids.adele);
  return { services: { daemon: new DirectoryDaemon(registrations.daemon, log), user: new SignedInUserService(registrations.webApi, log), assertion }, events };
}

describe('the service facing the scenarios simulate() answers', () => {
  it.each(cases)('$scenario ($part)', async (testCase) => {
    const { services: built, events } = await services();
    server.use(...simulate(testCase.scenario, testCase.options));
    const traffic = recordTraffic(server);
    const error = await testCase.run(built).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.kind).toBe(testCase.kind);
    expect(appError.details.retried).toBe(testCase.retried);
    expect(appError.userMessage).toMatch(testCase.message);
    expect(appError.cause).toBeGraphScenario(testCase.scenario);
    expect(events.map((event) => event.recovery)).toEqual(testCase.retried ? ['fresh-token'] : []);
    await expectTraffic(testCase, traffic);
    const failure = firstFailure(traffic);
    // The token and request do not explain a simulated answer, so the diagnosis reads the response
    // alone; none of these is a 403 (the four 403s share one payload and are reached in the tenant).
    const diagnosis = explain({ status: failure.status, headers: failure.headers, body: await failure.body });
    expect(diagnosis.scenario).toBe(testCase.scenario);
    record({
      scenario: testCase.scenario,
      part: testCase.part,
      reachedBy: `simulate('${testCase.scenario}'${testCase.options === undefined ? '' : `, ${JSON.stringify(testCase.options)}`})`,
      received: await receivedSummary(failure),
      appBehaviour: appErrorBehaviour(appError),
      diagnosis,
    });
  });

  it('claims challenge once (signed-in user): the retry with the claims succeeds', async () => {
    const { services: built, events } = await services();
    server.use(...simulate('claims-challenge', { once: true }));
    const traffic = recordTraffic(server);
    const profile = await built.user.readProfile(built.assertion);
    expect(profile.displayName).toBe('Adele Vance');
    expect(events).toEqual([{ type: 'retry', operation: 'read your profile', recovery: 'claims' }]);
    expect(statuses(graphCalls(traffic))).toEqual([401, 200]);
  });
});

/** Token-endpoint failures stop before Graph; Graph 401s are tried twice, everything else once. */
async function expectTraffic(testCase: SimulatedCase, traffic: readonly Exchange[]): Promise<void> {
  const scenario = getScenario(testCase.scenario);
  if (scenario.side === 'token-endpoint') {
    expect(graphCalls(traffic)).toEqual([]);
    expect(statuses(tokenCalls(traffic))).toEqual([scenario.status]);
    return;
  }
  expect(statuses(graphCalls(traffic))).toEqual(testCase.retried ? [scenario.status, scenario.status] : [scenario.status]);
  await Promise.resolve();
}
