/**
 * Actions that write or send must go out once, even when the panel is redrawn while the call is
 * on its way (a load finishing, a language switch): the statement email, the override of a BLOCK
 * and the answer about a send of unknown outcome. Fixture backend, headless Chromium.
 */
import { browserSuite, sidebarSuite } from './browser';
import { createFixtureBackend, type Fixture } from './fixtureBackend';

const suite = browserSuite();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

suite('actions that send or write go out once', () => {
  let fx: Fixture;
  const browser = sidebarSuite((fn, args) => fx.backend(fn, args), 30_000);

  it('the statement email: a redraw while it is being sent keeps Send disabled', async () => {
    fx = createFixtureBackend({ language: 'en', delays: { getPlans: 1500, emailStatement: 2500 } });
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    await page.click('#tab-customer');
    await page.locator('.customer-card').waitFor();
    await page.click('#st-email');
    await page.click('#st-confirm-yes');
    await page.locator('[data-field=plansNone], .plan').first().waitFor(); // the card is redrawn
    expect(await page.isDisabled('#st-confirm-yes')).toBe(true);
    await page.locator('#st-confirm-yes').waitFor({ state: 'detached', timeout: 5000 });
    expect(fx.callsTo('emailStatement')).toHaveLength(1);
  });

  it('the override: a language switch while it is on its way keeps Submit disabled', async () => {
    fx = createFixtureBackend({ language: 'en', delays: { overrideBlock: 2000 } });
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    await page.click('#tab-check');
    await page.fill('#check-customer', 'C001');
    await page.fill('#check-amount', '20000');
    await page.click('#check-submit');
    await page.locator('form.override').waitFor();
    await page.fill('form.override textarea', 'ok');
    await page.click('#override-submit');
    await sleep(200);
    await page.click('#lang-switch');
    expect(await page.isDisabled('#override-submit')).toBe(true);
    await page.locator('[data-field=overridden]').waitFor({ timeout: 5000 });
    expect(fx.callsTo('overrideBlock')).toHaveLength(1);
  });

  it('a send of unknown outcome: one answer, the other button disabled while it goes', async () => {
    fx = createFixtureBackend({ language: 'en', delays: { confirmUnknown: 1000 } });
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    await page.click('#tab-reminders');
    await page.locator('ul.unknown li').first().waitFor();
    const buttons = page.locator('ul.unknown li').first().locator('button');
    await buttons.nth(0).click();
    expect(await buttons.nth(1).isDisabled()).toBe(true);
    await sleep(1500);
    expect(fx.callsTo('confirmUnknown')).toHaveLength(1);
  });
});
