/**
 * The Settings form drafts amounts in the base currency's major units: opened before the
 * dashboard (which says the currency) has arrived, it waits for it, so that a JPY amount is not
 * drafted as CNY and saved 100 times too small. Fixture backend, headless Chromium.
 */
import { browserSuite, sidebarSuite } from './browser';
import { createFixtureBackend, type Fixture } from './fixtureBackend';

const suite = browserSuite();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

suite('settings in a JPY file, opened before the dashboard arrives', () => {
  let fx: Fixture;
  const browser = sidebarSuite(async (fn, args) => {
    if (fn === 'getDashboard') await sleep(1500);
    const v = await fx.backend(fn, args);
    return fn === 'getDashboard' ? { ...(v as object), currency: 'JPY' } : v;
  }, 30_000);

  it('shows and saves the minimum open amount in yen', async () => {
    fx = createFixtureBackend({ language: 'en' });
    fx.state.settings.ladder[1].minOpen = 5000; // ¥5,000: JPY has no minor unit
    const page = await browser.open();
    await page.click('#tab-settings');
    await page.locator('#settings-save').waitFor({ timeout: 10_000 });
    expect(fx.callsTo('getDashboard').length).toBeGreaterThanOrEqual(1);
    await page.locator('details.level').nth(1).locator('summary').click();
    expect(await page.locator('input[data-key="ladder.1.minOpen"]').inputValue()).toBe('5000');
    await page.click('#settings-save');
    await page.locator('[data-field=saved]').waitFor();
    expect(fx.state.settings.ladder[1].minOpen).toBe(5000);
  });
});
