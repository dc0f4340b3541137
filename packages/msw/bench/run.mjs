// Requests per second through the emulated Graph (bearer verification with jose + the core's
// evaluate + the users JSON) against a canned `HttpResponse.json` handler, measured in the same
// run. Two views: through MSW's interception (setupServer + fetch, what a test pays per request)
// and handler resolution alone (msw's getResponse, the emulator's own cost). Reports the ratios.
import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Bench } from 'tinybench';
import { createTenant } from '@graph-authz/msw';

const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const clientId = '11111111-1111-4111-8111-111111111111';
const users = Array.from({ length: 5 }, (_, index) => ({
  id: `aaaaaaaa-0000-4000-8000-00000000000${String(index)}`,
  userPrincipalName: `user${String(index)}@contoso.onmicrosoft.com`,
  displayName: `User ${String(index)}`,
}));
const tenant = createTenant({ tenantId, apps: [{ clientId, clientSecret: 's', applicationPermissions: ['User.Read.All'] }], users });
const token = await tenant.issueToken({ appId: clientId });
const cannedBody = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value: users };
const canned = http.get('https://graph.microsoft.com/v1.0/users', () => HttpResponse.json(cannedBody));
const headers = { authorization: `Bearer ${token}` };
// More distinct tokens than the emulator remembers as verified: every request pays jose's RS256 check.
const freshTokens = await Promise.all(Array.from({ length: 1500 }, () => tenant.issueToken({ appId: clientId })));
let next = 0;
const freshHeaders = () => ({ authorization: `Bearer ${freshTokens[(next += 1) % freshTokens.length]}` });
const url = 'https://graph.microsoft.com/v1.0/users';

async function expectOk(response) {
  if (response?.status !== 200) throw new Error(`unexpected status ${String(response?.status)}`);
  await response.json();
}

const time = Number(process.env.BENCH_TIME_MS ?? 1500);

// 1. Through interception: the same server, the handlers swapped per task.
const server = setupServer();
server.listen({ onUnhandledRequest: 'error' });
const intercepted = new Bench({ time, warmup: true });
intercepted
  .add('canned HttpResponse.json (fetch)', async () => expectOk(await fetch(url, { headers })), { beforeAll: () => server.resetHandlers(canned) })
  .add('emulator: verify + evaluate (fetch)', async () => expectOk(await fetch(url, { headers })), { beforeAll: () => server.resetHandlers(...tenant.handlers) })
  .add('emulator, first use of each token (fetch)', async () => expectOk(await fetch(url, { headers: freshHeaders() })), { beforeAll: () => server.resetHandlers(...tenant.handlers) });
await intercepted.run();
server.close();

// 2. Handler resolution alone.
const resolution = new Bench({ time, warmup: true });
resolution
  .add('canned HttpResponse.json (getResponse)', async () => expectOk(await getResponse([canned], new Request(url, { headers }))))
  .add('emulator: verify + evaluate (getResponse)', async () => expectOk(await getResponse(tenant.handlers, new Request(url, { headers }))))
  .add('emulator, first use of each token (getResponse)', async () => expectOk(await getResponse(tenant.handlers, new Request(url, { headers: freshHeaders() }))));
await resolution.run();

// The median latency is the cost per request: on a shared machine the mean is dragged by pauses.
function report(bench) {
  const [baseline, ...emulator] = bench.tasks.map((task) => ({ name: task.name, hz: task.result.throughput.mean, p50: task.result.latency.p50 }));
  console.log(`${baseline.name.padEnd(50)} ${baseline.hz.toFixed(0).padStart(7)} req/s ${(baseline.p50 * 1000).toFixed(1).padStart(8)} µs/req (median)`);
  for (const row of emulator) {
    console.log(`${row.name.padEnd(50)} ${row.hz.toFixed(0).padStart(7)} req/s ${(row.p50 * 1000).toFixed(1).padStart(8)} µs/req (median)  ${(row.p50 / baseline.p50).toFixed(2)}x canned`);
  }
  console.log('');
}

console.log(`node ${process.version}, ${String(time)} ms per task\n`);
report(intercepted);
report(resolution);
