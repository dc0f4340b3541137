/**
 * The built page in a real browser: Debian's Chromium driven by playwright-core. Builds the site
 * into a temporary directory, serves it from 127.0.0.1, clicks every sample and checks what the
 * page shows. Screenshots go to test-results/ (git-ignored). Without /usr/bin/chromium the tests
 * are skipped, and say so.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getScenario, scenarioIds, type ScenarioId } from '@graph-authz/core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionPath } from '../src/decision-path.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const skipMessage = `Chromium not found at ${chromiumPath}: browser tests skipped; install with apt-get install -y chromium`;
if (!hasChromium) console.warn(skipMessage);

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(packageDir, 'test-results');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** A static file server over `dir` on 127.0.0.1 and a random port; nothing outside `dir` is served. */
async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (content) => response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(content),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${String(port)}` };
}

/**
 * Runs in the page: every element with its own visible text whose colour against the first opaque
 * background behind it falls under WCAG AA's 4.5:1. Self-contained, since it is serialised.
 */
function lowContrastTexts(): string[] {
  const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = channels(color).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const backgroundOf = (element: Element | null): string => {
    for (let node = element; node !== null; node = node.parentElement) {
      const background = getComputedStyle(node).backgroundColor;
      if ((channels(background)[3] ?? 1) > 0) return background;
    }
    return 'rgb(255, 255, 255)';
  };
  const failures: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    if (!ownText || element.getClientRects().length === 0 || element.closest('.visually-hidden, .skip-link') !== null) continue;
    const [light, dark] = [luminance(getComputedStyle(element).color), luminance(backgroundOf(element))].sort((a, b) => b - a);
    const ratio = ((light ?? 1) + 0.05) / ((dark ?? 0) + 0.05);
    if (ratio < 4.5) failures.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}`);
  }
  return failures;
}

// Shown as a skipped test in the report, so nobody mistakes a skipped run for a passing one.
if (!hasChromium) it.skip(skipMessage, () => undefined);

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let workDir: string;
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'playground-browser-'));
    const outDir = join(workDir, 'site');
    await build({ configFile: join(packageDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    ({ server, origin } = await serveStatic(resolve(outDir)));
    await mkdir(resultsDir, { recursive: true });
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 900 },
    });
    context.on('request', (request) => requested.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
  });

  afterAll(async () => {
    await context.close();
    await new Promise((done) => server.close(done));
    await rm(workDir, { recursive: true, force: true });
  });

  it('states that nothing leaves the page, and forbids connections by its CSP', async () => {
    await expect(page.locator('#privacy').textContent()).resolves.toContain('Nothing leaves this page.');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'none'");
    await expect(page.locator('#hints li').count()).resolves.toBe(3);
    await page.screenshot({ path: join(resultsDir, 'empty.png'), fullPage: true });
  });

  it('labels every field and announces results through a live region', async () => {
    const unlabelled = await page.$$eval('input, textarea, select', (fields) =>
      fields.filter((field) => (field as HTMLInputElement).labels?.length === 0).map((field) => field.id),
    );
    expect(unlabelled).toEqual([]);
    await expect(page.locator('#diagnosis').getAttribute('aria-live')).resolves.toBe('polite');
  });

  it('offers one sample button per scenario of the core catalog', async () => {
    const samples = await page.locator('button[data-sample]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.sample));
    expect(samples).toEqual([...scenarioIds]);
  });

  it.each(scenarioIds)('diagnoses the %s sample', async (id: ScenarioId) => {
    await page.locator(`button[data-sample="${id}"]`).click();
    const card = page.locator(`#diagnosis article[data-scenario="${id}"]`);
    await card.waitFor();
    const scenario = getScenario(id);
    await expect(page.locator('#diagnosis-title').textContent()).resolves.toBe(scenario.title);
    await expect(page.locator('#diagnosis-cause').textContent()).resolves.toBe(scenario.cause);
    // explain may put a request-specific sentence before the catalog's fix.
    await expect(page.locator('#diagnosis-fix').textContent()).resolves.toContain(scenario.fix);
    const failed = await page.locator('#decision-path li[data-state="failed"]').getAttribute('data-step');
    expect(failed).toBe(decisionPath(id).find((step) => step.state === 'failed')?.id);
    await expect(page.locator(`button[data-sample="${id}"]`).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(new URL(page.url()).hash).toBe(`#sample=${id}`);
    await page.screenshot({ path: join(resultsDir, `${id}.png`), fullPage: true });
  });

  it('shows the claims of a sample token, highlighted, and marks the permissions it has', async () => {
    await page.locator('button[data-sample="insufficient-permissions"]').click();
    await page.locator('#claims-table').waitFor();
    const key = await page.locator('#claims-table tr.key th').allTextContents();
    expect(key).toEqual(['aud', 'scp', 'exp', 'idtyp']);
    await expect(page.locator('.token-summary').textContent()).resolves.toContain('unsigned (alg: none)');
    await expect(page.locator('[data-scheme="DelegatedWork"] [data-holding="lacks"]').count()).resolves.toBeGreaterThan(0);
    await page.locator('button[data-sample="expired-token"]').click();
    await page.locator('#diagnosis article[data-scenario="expired-token"]').waitFor();
    await expect(page.locator('[data-scheme="DelegatedWork"] [data-permission="User.Read"]').getAttribute('data-holding')).resolves.toBe('has');
    await expect(page.locator('#claims-table tr[data-claim="exp"] td').last().textContent()).resolves.toMatch(/^expired /);
  });

  it.each(['', '#sample=user-not-authorized', '#sample=consent-required'])(
    'keeps every visible text at a contrast of 4.5:1 or more (page %s)',
    async (fragment) => {
      await page.goto(`${origin}/${fragment}`);
      await page.locator('#diagnosis article').waitFor();
      const failures = await page.evaluate(lowContrastTexts);
      expect(failures).toEqual([]);
    },
  );

  it('works from the keyboard, with a visible focus ring', async () => {
    await page.goto(`${origin}/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Tab');
    const focused = page.locator('button[data-sample="missing-token"]');
    await expect(focused.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await expect(focused.evaluate((button) => getComputedStyle(button).outlineStyle)).resolves.toBe('solid');
    await page.keyboard.press('Enter');
    await page.locator('#diagnosis article[data-scenario="missing-token"]').waitFor();
  });

  it('explains typed input, keeps it in the URL fragment, and the token only when asked', async () => {
    await page.goto(`${origin}/`);
    await page.locator('#status').fill('401');
    await page.locator('#body').fill('{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}');
    await page.locator('#diagnosis article[data-scenario="wrong-audience"]').waitFor();
    await page.locator('#token').fill('Bearer not-a-jwt-at-all');
    await page.locator('#token-error').waitFor();
    await page.locator('#url').fill('https://graph.microsoft.com/v1.0/me');
    await page.waitForFunction(() => location.hash.includes('url='));
    expect(page.url()).not.toContain('not-a-jwt');
    await page.locator('#share-token').check();
    await page.waitForFunction(() => location.hash.includes('token='));
    const shared = page.url();
    const fresh = await context.newPage();
    await fresh.goto(shared);
    await expect(fresh.locator('#token').inputValue()).resolves.toBe('Bearer not-a-jwt-at-all');
    await expect(fresh.locator('#status').inputValue()).resolves.toBe('401');
    await expect(fresh.locator('#url').inputValue()).resolves.toBe('https://graph.microsoft.com/v1.0/me');
    await fresh.locator('#diagnosis article[data-scenario]').first().waitFor();
    await fresh.close();
  });

  it('copies the shareable link, without the token unless asked', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(`${origin}/`);
    await page.locator('#token').fill('eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.');
    await page.locator('#url').fill('/users');
    await page.locator('#copy-link').click();
    await expect(page.locator('#copy-status').textContent()).resolves.toBe('Link copied (without the token).');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('url=%2Fusers');
    expect(copied).not.toContain('eyJ0eXAi');
  });

  it('follows a fragment changed in place (a shared link opened in the same tab)', async () => {
    await page.evaluate(() => {
      location.hash = '#sample=delegated-only-endpoint';
    });
    await page.locator('#diagnosis article[data-scenario="delegated-only-endpoint"]').waitFor();
    await expect(page.locator('#url').inputValue()).resolves.toBe('https://graph.microsoft.com/v1.0/me');
  });

  it('raised no script error and requested nothing outside its own origin', () => {
    expect(pageErrors).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  });
});
