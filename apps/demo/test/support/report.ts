/**
 * The scenario report `npm run demo` prints: for each scenario, what the app received, what it
 * did, and the core's diagnosis of the response. Each test file appends its cases and, when
 * GRAPH_AUTHZ_DEMO_REPORT names a directory, writes them there after its tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bearerTokenOf, decodeAccessToken, explain, type Explanation, type ExplainContext, type ScenarioId } from '@graph-authz/core';
import { afterAll } from 'vitest';
import type { AppError } from '../../src/index.js';
import type { Exchange } from './graph-traffic.js';
import { directoryFactsOf } from './tenant.js';

export interface ScenarioRecord {
  readonly scenario: ScenarioId;
  readonly part: 'daemon' | 'signed-in user';
  /** How the test reached it: the emulated tenant's own behaviour, or simulate(). */
  readonly reachedBy: string;
  readonly received: { readonly status: number; readonly summary: string; readonly wwwAuthenticate: string | undefined };
  /** What the app did with it: its retry and its message to the user. */
  readonly appBehaviour: string;
  readonly diagnosis: { readonly scenario: ScenarioId | undefined; readonly title: string; readonly fix: string | undefined; readonly summary: string };
}

export function useScenarioReport(testFile: string): (record: ScenarioRecord) => void {
  const records: ScenarioRecord[] = [];
  afterAll(() => {
    const directory = process.env.GRAPH_AUTHZ_DEMO_REPORT;
    if (directory === undefined || directory === '') return;
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, `${basename(testFile)}.json`), JSON.stringify(records, null, 2));
  });
  return (record) => records.push(record);
}

/**
 * The core's explanation of a response the app received, with the token and the request that
 * got it (as `graph-authz explain` does with a HAR entry) and what the directory says of the
 * caller, judged at the tenant's time.
 */
export async function diagnose(exchange: Exchange, now: Date): Promise<Explanation> {
  return explain({ status: exchange.status, headers: exchange.headers, body: await exchange.body }, await explainContextOf(exchange, now));
}

/**
 * The token, the request (with its body: a PATCH with passwordProfile is a password operation)
 * and the directory's facts on the user or app behind a response: what tells one 403 from another.
 */
export async function explainContextOf(exchange: Exchange, now: Date): Promise<ExplainContext> {
  const token = bearerTokenOf(exchange.authorization);
  const body = await exchange.requestBody;
  const request = { method: exchange.method, url: exchange.url, ...(body === '' ? {} : { body }) };
  if (token === undefined) return { request, now };
  let facts: ReturnType<typeof directoryFactsOf> = {};
  try {
    facts = directoryFactsOf(decodeAccessToken(token));
  } catch {
    // Not a JWT (a personal account's opaque token): the directory has nothing to add.
  }
  return { token, request, now, ...facts };
}

export async function receivedSummary(exchange: Exchange): Promise<ScenarioRecord['received']> {
  const body = await exchange.body;
  return { status: exchange.status, summary: bodySummary(body), wwwAuthenticate: exchange.headers['www-authenticate'] };
}

function bodySummary(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('error' in body)) return JSON.stringify(body);
  const { error } = body;
  if (typeof error === 'string') {
    const description = 'error_description' in body && typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : '';
    return `${error}: ${description ?? ''}`;
  }
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) return `${String(error.code)}: ${String(error.message)}`;
  return JSON.stringify(body);
}

export function appErrorBehaviour(error: AppError): string {
  const retry = error.details.retried ? 'retried once, then gave up' : 'did not retry';
  const claims = error.details.claims === undefined ? '' : '; forwards the claims to the client for its next sign-in';
  return `${retry}; ${error.kind}: "${error.userMessage}"${claims}`;
}
