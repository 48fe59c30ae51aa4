/**
 * What the sidebar shows after an action, and what it keeps while a load finishes: the flags
 * form keeps what was typed, a save redraws what it changed, and the reminder preview is loaded
 * again when what it was planned from changed. Fixture backend, headless Chromium.
 */
import { browserSuite, sidebarSuite } from './browser';
import { createFixtureBackend, type Fixture } from './fixtureBackend';

const suite = browserSuite();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

suite('after an action', () => {
  let fx: Fixture;
  const browser = sidebarSuite((fn, args) => fx.backend(fn, args), 30_000);
  const open = async (delays: Record<string, number> = {}) => {
    fx = createFixtureBackend({ language: 'en', delays });
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    return page;
  };

  it('the flags form keeps a tick and a date typed while the plans load', async () => {
    const page = await open({ getPlans: 1500 });
    await page.click('#tab-customer');
    await page.locator('.customer-card').waitFor();
    await page.check('[data-field=onHold]');
    await page.fill('[data-field=pausedUntil]', '2025-04-30');
    await page.locator('[data-field=plansNone], .plan').first().waitFor(); // the card is redrawn
    expect(await page.isChecked('[data-field=onHold]')).toBe(true);
    expect(await page.inputValue('[data-field=pausedUntil]')).toBe('2025-04-30');
  });

  it('saving the flags shows the On hold notice and reloads the reminder preview', async () => {
    const page = await open();
    await page.click('#tab-reminders');
    await page.locator('.reminders').waitFor();
    await page.click('#tab-customer');
    await page.locator('[data-field=plansNone], .plan').first().waitFor();
    expect(await page.locator('.customer-card > .notice.bad').count()).toBe(0);
    await page.check('[data-field=onHold]');
    await page.click('#flags-save');
    await page.locator('.flags .good').waitFor();
    expect(await page.locator('.customer-card > .notice.bad').count()).toBe(1);
    await page.click('#tab-reminders');
    await page.locator('.reminders').waitFor();
    expect(fx.callsTo('getReminderPanel')).toHaveLength(2);
  });

  it('saving settings reloads the reminder preview (it was planned with the old ladder)', async () => {
    const page = await open();
    await page.click('#tab-reminders');
    await page.locator('.reminders').waitFor();
    await page.click('#tab-settings');
    await page.locator('#settings-save').waitFor();
    await page.locator('details.level').first().locator('summary').click();
    await page.locator('details.level').first().locator('input[data-key="ladder.0.days"]').fill('-5');
    await page.click('#settings-save');
    await page.locator('[data-field=saved]').waitFor();
    await page.click('#tab-reminders');
    await page.locator('.reminders').waitFor();
    expect(fx.callsTo('getReminderPanel')).toHaveLength(2);
  });

  it('"Was not sent" reloads the preview, where the line is planned again', async () => {
    const page = await open();
    await page.click('#tab-reminders');
    await page.locator('ul.unknown li').first().waitFor();
    await page.locator('ul.unknown li').first().locator('button').nth(1).click();
    for (let i = 0; i < 30 && fx.callsTo('getReminderPanel').length < 2; i++) await sleep(100);
    expect(fx.callsTo('getReminderPanel')).toHaveLength(2);
  });

  it('a Chinese file switched to English shows English dates (and back)', async () => {
    fx = createFixtureBackend({ language: 'zh' });
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    const asOf = () => page.locator('.dashboard .toolbar .muted').first().textContent();
    expect(await asOf()).toMatch(/年/);
    await page.click('#lang-switch');
    await sleep(200);
    expect(await asOf()).not.toMatch(/[年月日]/);
    await page.click('#lang-switch');
    await sleep(200);
    expect(await asOf()).toMatch(/年/);
  });
});
