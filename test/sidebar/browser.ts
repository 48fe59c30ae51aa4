/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, never a downloaded
 * browser, with a fresh temporary profile. Off CI a missing Chromium skips the browser tests
 * with a message; on CI (process.env.CI set) it is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Backend, type Harness } from './harness';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Where the suites save their screenshots (artifacts/ is not committed). */
export const SHOTS = join(__dirname, '..', '..', 'artifacts', 'sidebar');

/** `describe`, or `describe.skip` with the reason printed when Chromium is missing off CI. */
export function browserSuite(): jest.Describe {
  const skip = skipReason();
  if (skip) console.warn(skip);
  return skip ? describe.skip : describe;
}

/** A `waitFor(what, check, ms)` that polls `check` every 50 ms, `defaultMs` unless told. */
export function waiter(defaultMs: number) {
  return async (what: string, check: () => boolean | Promise<boolean>, ms = defaultMs): Promise<void> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`Timed out waiting for ${what}`);
  };
}

/** Why browser tests are skipped here, or null when they must run. */
export function skipReason(): string | null {
  if (existsSync(CHROMIUM) || process.env.CI) return null;
  return `Sidebar browser tests skipped: ${CHROMIUM} not found. Install it with \`apt-get install -y chromium\` (in CI they run and fail without it).`;
}

export interface BrowserSession {
  context: BrowserContext;
  /** A new page, 300 px wide like the sidebar; requests off 127.0.0.1 are refused (offline, as in CI). */
  newPage(opts?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'credit-desk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 300, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timeout: 60_000,
  });
  return {
    context,
    async newPage(opts = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width: opts.width ?? 300, height: opts.height ?? 900 });
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'about:' ? route.continue() : route.abort();
      });
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The hooks of a browser suite: one Chromium and one harness serving the sidebar over `backend`
 * for the whole suite; every page closed after each test, which fails if the page threw.
 * `open()` gives a fresh page at the sidebar with `timeoutMs` as its default wait.
 */
export function sidebarSuite(backend: Backend, timeoutMs: number): { open(): Promise<Page> } {
  let session: BrowserSession;
  let harness: Harness;
  const pages: Page[] = [];
  let pageErrors: string[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await launch();
    harness = await startHarness({ backend });
  });
  afterAll(async () => {
    await session?.close();
    await harness?.close();
  });
  afterEach(async () => {
    while (pages.length) await pages.pop()!.close();
    expect(pageErrors).toEqual([]);
  });
  return {
    async open(): Promise<Page> {
      pageErrors = [];
      const page = await session.newPage();
      pages.push(page);
      page.setDefaultTimeout(timeoutMs);
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(harness.url);
      return page;
    },
  };
}

/** The text of the first element the selector finds ('' when it has none). */
export const text = async (page: Page, selector: string): Promise<string> => (await page.locator(selector).first().textContent()) ?? '';

/**
 * A screenshot of the whole panel, 300 px wide, to artifacts/sidebar/<name>.png. The viewport
 * grows to the page instead of fullPage, which leaves out-of-view frames blank.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 300, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 300, height: Math.max(900, Math.min(height, 6000)) });
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(before);
}
