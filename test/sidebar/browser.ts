/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, never a downloaded
 * browser, with a fresh temporary profile. Off CI a missing Chromium skips the browser tests
 * with a message; on CI (process.env.CI set) it is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
