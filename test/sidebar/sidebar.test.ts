/**
 * The sidebar in Debian's Chromium over the fixture backend, in English and Chinese: figures,
 * charts, the customer card, order checks and overrides, settings round trips with FieldErrors,
 * the reminder preview, XSS, keyboard use, loading and errors. Screenshots of every panel in both
 * languages go to artifacts/sidebar/<panel>-<lang>.png.
 */
import type { Page } from 'playwright-core';
import type { Lang } from '../../src/sidebar/api';
import { browserSuite, waiter, sidebarSuite, text, shot } from './browser';
import { createFixtureBackend, XSS_NAME, type Fixture, type FixtureOptions } from './fixtureBackend';

const suite = browserSuite();

const waitFor = waiter(5000);

suite('sidebar in Chromium with the fixture backend', () => {
  let fx: Fixture;

  const browser = sidebarSuite((fn, args) => fx.backend(fn, args), 30_000);

  /** A fresh fixture and page; waits for the dashboard unless told not to. */
  async function open(opts: FixtureOptions = {}, waitDashboard = true): Promise<Page> {
    fx = createFixtureBackend(opts);
    const page = await browser.open();
    if (waitDashboard) await page.locator('.dashboard').waitFor();
    return page;
  }

  describe.each<[Lang, Record<string, string>]>([
    ['en', { dashboard: 'Dashboard', customer: 'Customer', check: 'Check', saved: 'Settings saved.', recorded: 'Override recorded.', other: '概览' }],
    ['zh', { dashboard: '概览', customer: '客户', check: '订单检查', saved: '设置已保存。', recorded: '已记录放行。', other: 'Dashboard' }],
  ])('in %s', (lang, words) => {
    it('renders the dashboard: figures, one aging bar per bucket, the riskiest five, the schedule', async () => {
      const page = await open({ language: lang });
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(await text(page, '#tab-dashboard')).toBe(words.dashboard);
      expect(await page.getAttribute('#tab-dashboard', 'aria-selected')).toBe('true');
      expect(await text(page, '[data-field=receivable]')).toContain('645,050.00');
      expect(await text(page, '[data-field=overdue]')).toContain('166,450.00');
      expect(await text(page, '[data-field=overdueShare]')).toContain('25.8%');
      expect(await text(page, '[data-field=dso]')).toContain('41');
      const labels = (await fx.backend('getDashboard', []) as { aging: { labels: string[] } }).aging.labels;
      expect(await page.locator('svg.aging-chart rect.bar').count()).toBe(labels.length);
      expect(await page.locator('svg.aging-chart .bar-label').allTextContents()).toEqual(labels);
      expect(await page.getAttribute('svg.aging-chart', 'role')).toBe('img');
      const risky = page.locator('ol.risky li');
      expect(await risky.count()).toBe(5);
      expect(await risky.first().locator('button').textContent()).toBe(XSS_NAME);
      expect(await page.locator('ol.risky').textContent()).toContain('上海华东贸易有限公司');
      expect(await text(page, '[data-field=schedule]')).toContain('Asia/Shanghai');
      expect(await text(page, '[data-field=lastOutcome]')).toBe(lang === 'zh' ? '已发送 4，跳过 2，失败 0' : 'sent 4, skipped 2, failed 0');
      expect(fx.callsTo('getDashboard')).toHaveLength(2); // one from the page, one from this test
      await shot(page, `dashboard-${lang}`);
    });

    it('shows the customer card: factors, gauge, invoices; saves the flags; shows a FieldError', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-customer');
      await page.locator('.customer-card').waitFor();
      expect(fx.callsTo('getCustomerCard')[0].args).toEqual([null]);
      expect(await text(page, '.customer-name')).toBe('上海华东贸易有限公司');
      expect(await page.locator('li.factor').count()).toBe(5);
      expect(await page.locator('li.factor .factor-name').first().textContent()).toBe(lang === 'zh' ? '付款及时性' : 'Payment timeliness');
      expect(await text(page, 'li.factor .points')).toMatch(/^\+12\.5/);
      const share = Number(await page.getAttribute('svg.gauge .gauge-value', 'data-share'));
      expect(share).toBeCloseTo(186500 / 200000, 3);
      expect(await text(page, 'svg.gauge .gauge-text')).toContain('93.3');
      expect(await page.locator('.customer-card table.rows tbody tr').count()).toBe(3);
      expect(await page.locator('.customer-card svg.aging-chart rect.bar').count()).toBe(5);
      await shot(page, `customer-${lang}`);

      await page.check('[data-field=onHold]');
      await page.fill('[data-field=pausedUntil]', '2025-01-01');
      await page.click('#flags-save');
      const err = page.locator('[data-error-for=remindersPausedUntil]');
      await waitFor('the flags FieldError', async () => ((await err.textContent()) ?? '').length > 0);
      expect(await page.getAttribute('[data-field=pausedUntil]', 'aria-invalid')).toBe('true');
      await page.fill('[data-field=pausedUntil]', '2025-04-30');
      await page.click('#flags-save');
      await waitFor('the flags to save', () => fx.callsTo('setCustomerFlags').length === 2);
      expect(fx.callsTo('setCustomerFlags')[1].args).toEqual(['C001', true, '2025-04-30']);
      await page.locator('.flags .good').waitFor();
      expect(await err.textContent()).toBe('');
    });

    it('checks orders: WARN and BLOCK with reasons; an approver overrides with a required reason', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-check');
      await page.fill('#check-customer', 'C002');
      await page.fill('#check-amount', '30,000');
      await page.click('#check-submit');
      await page.locator('.verdict').waitFor();
      expect(await page.getAttribute('.verdict', 'data-verdict')).toBe('WARN');
      expect(await page.locator('ul.reasons li').count()).toBe(1);
      expect(await text(page, 'ul.reasons li')).toContain('12,000.00 CNY');
      const warnBg = await page.$eval('.verdict', (el) => getComputedStyle(el).backgroundColor);
      expect(await page.locator('form.override').count()).toBe(0);

      await page.fill('#check-customer', 'C001');
      await page.fill('#check-amount', '20,000');
      await page.click('#check-submit');
      await page.locator('.verdict[data-verdict=BLOCK]').waitFor();
      expect(fx.callsTo('checkOrder').map((c) => c.args)).toEqual([['C002', '30,000'], ['C001', '20,000']]);
      const blockBg = await page.$eval('.verdict', (el) => getComputedStyle(el).backgroundColor);
      expect(blockBg).not.toBe(warnBg);
      expect(await text(page, '.verdict-text')).toMatch(/^BLOCK: /);
      await page.locator('form.override').waitFor();
      await shot(page, `check-${lang}`);

      await page.click('#override-submit');
      expect(await text(page, '[data-error-for=reason]')).not.toBe('');
      expect(fx.callsTo('overrideBlock')).toHaveLength(0);
      await page.fill('form.override input', 'SO-1001');
      await page.fill('form.override textarea', 'Paid in cash at the counter; 老客户');
      await page.click('#override-submit');
      await page.locator('[data-field=overridden]').waitFor();
      expect(await text(page, '[data-field=overridden]')).toBe(words.recorded);
      expect(fx.callsTo('overrideBlock').map((c) => c.args)).toEqual([['C001', '20,000', 'Paid in cash at the counter; 老客户', 'SO-1001']]);
    });

    it('round-trips settings: edits a weight and the ladder, saves, shows FieldErrors beside fields, previews a template', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-settings');
      await page.locator('form.settings').waitFor();
      await page.fill('input[data-weight=timeliness]', '2');
      await page.click('details[data-level="1"] > summary');
      await page.fill('[data-key="ladder.1.days"]', '2');
      await page.fill('[data-key="ladder.1.name"]', 'Overdue notice (2 days)');
      await page.click('#settings-save');
      await page.locator('[data-field=saved]').waitFor();
      expect(await text(page, '[data-field=saved]')).toBe(words.saved);
      const saved = fx.callsTo('saveSettings')[0].args[0] as import('../../src/sidebar/api').SettingsView;
      expect(saved.scoreWeights.timeliness).toBe(2);
      expect(saved.ladder[1]).toMatchObject({ days: 2, name: 'Overdue notice (2 days)', audience: 'customer' });
      expect(saved.ladder).toHaveLength(5);
      expect(saved.agingEdges).toEqual([30, 60, 90]);

      // Level 3 now comes before level 2, and the warn ratio is out of range: the server says so.
      await page.click('details[data-level="2"] > summary');
      await page.fill('[data-key="ladder.2.days"]', '1');
      await page.fill('[data-key="warnRatio"]', '1.5');
      await page.click('#settings-save');
      const ladderErr = page.locator('details[data-level="2"] [data-error-for="ladder.2.days"]');
      await waitFor('the ladder FieldError', async () => ((await ladderErr.textContent()) ?? '').length > 0);
      expect(await page.$eval('details[data-level="2"]', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.getAttribute('[data-key="ladder.2.days"]', 'aria-invalid')).toBe('true');
      expect(await text(page, '[data-error-for=warnRatio]')).not.toBe('');
      // Beside the field: the error follows its input in the same form group.
      expect(await page.$eval('[data-key=warnRatio]', (i) => !!i.closest('.form-group')?.querySelector('[data-error-for=warnRatio]'))).toBe(true);
      expect(fx.callsTo('saveSettings')).toHaveLength(2);

      // A field that is not a number never leaves the sidebar.
      await page.fill('[data-key="holdThresholdDays"]', 'sixty');
      await page.click('#settings-save');
      await waitFor('the local error', async () => ((await text(page, '[data-error-for=holdThresholdDays]')).length > 0));
      expect(fx.callsTo('saveSettings')).toHaveLength(2);
      await page.fill('[data-key="holdThresholdDays"]', '60');

      // Live preview of the level's template in a sandboxed frame.
      await page.click('details[data-level="1"] .preview-row button');
      const frame = page.locator('details[data-level="1"] iframe.email-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('sandbox')).toBe('');
      expect(await frame.getAttribute('srcdoc')).toContain('Northwind Traders');
      await page.fill('[data-key="ladder.1.subjectEn"]', 'Live subject {{customer_id}}');
      await page.fill('[data-key="ladder.1.subjectZh"]', '实时主题 {{customer_id}}');
      await waitFor('the live preview', async () => (await text(page, 'details[data-level="1"] .preview-subject')).includes('C002'), 5000);
      const previews = fx.callsTo('previewTemplate');
      expect(previews[previews.length - 1].args[1]).toBe(lang);
      expect(await page.locator('details[data-level="1"] iframe.email-frame').count()).toBe(1);
      await page.waitForTimeout(200);
      await page.frameLocator('details[data-level="1"] iframe.email-frame').locator('table').waitFor();
      // An edited field loses its error.
      expect(await text(page, '[data-error-for=holdThresholdDays]')).toBe('');
      await shot(page, `settings-${lang}`);
    });

    it('previews the reminders: emails in sandboxed frames, skips, unknown sends, schedule, send now', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-reminders');
      await page.locator('details.email').first().waitFor();
      expect(await page.locator('details.email').count()).toBe(3);
      const frames = page.locator('iframe.email-frame');
      expect(await frames.count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await frames.nth(i).getAttribute('sandbox')).toBe('');
      for (let i = 0; i < 3; i++) {
        const table = page.frameLocator(`details.email:nth-child(${i + 1}) iframe.email-frame`).locator('table');
        await table.waitFor();
        expect(await table.textContent()).toContain('INV-2025-0081');
      }
      expect(await text(page, '.email-subject')).toContain('Northwind Traders');
      expect(await page.locator('ul.skips li').count()).toBe(2);
      // The quota shown is the viewer's own: the daily run spends its owner's.
      expect(await page.locator('.reminders p.small-text').allTextContents()).toContainEqual(
        lang === 'zh' ? expect.stringContaining('您今日剩余邮件配额：96') : expect.stringContaining('Your email quota left today: 96'),
      );
      await shot(page, `reminders-${lang}`);

      await page.click('ul.unknown li button:first-of-type');
      await waitFor('confirmUnknown', () => fx.callsTo('confirmUnknown').length === 1);
      expect(fx.callsTo('confirmUnknown')[0].args).toEqual(['INV-2025-0081|+15', 'sent']);

      await page.uncheck('#schedule-on');
      await page.selectOption('.reminders select', '7');
      await page.click('#schedule-save');
      await waitFor('setSchedule', () => fx.callsTo('setSchedule').length === 1);
      expect(fx.callsTo('setSchedule')[0].args).toEqual([false, 7]);

      await page.click('#send-now');
      await page.click('#send-confirm');
      await page.locator('[data-field=sendResult]').waitFor();
      expect(fx.callsTo('runRemindersNow')).toHaveLength(1);
      expect(await page.locator('details.email').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    });

    it('switches language from the header and re-renders in place', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-customer');
      await page.locator('.customer-card').waitFor();
      await page.click('#lang-switch');
      expect(await text(page, '#tab-dashboard')).toBe(words.other);
      expect(await page.getAttribute('#tab-customer', 'aria-selected')).toBe('true');
      await page.locator('.customer-card').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang-switch');
      expect(fx.callsTo('getCustomerCard')).toHaveLength(1); // re-rendered from what was loaded
      await page.click('#lang-switch');
      expect(await text(page, '#tab-dashboard')).toBe(words.dashboard);
    });
  });

  it('renders every server value as text: the XSS payload shows and never runs', async () => {
    const page = await open({ language: 'en' });
    fx.state.selectedRow = 'C003';
    expect(await page.locator('ol.risky li button').first().textContent()).toBe(XSS_NAME);
    await page.click('#tab-customer');
    await page.locator('.customer-card').waitFor();
    expect(await text(page, '.customer-name')).toBe(XSS_NAME);
    expect(await page.locator('li.factor').nth(3).textContent()).toContain(XSS_NAME);
    await page.click('#tab-check');
    await page.fill('#check-customer', 'C003');
    await page.fill('#check-amount', '1');
    await page.click('#check-submit');
    await page.locator('.verdict[data-verdict=BLOCK]').waitFor();
    expect(await text(page, 'ul.reasons li')).toContain(XSS_NAME);
    await page.click('#tab-reminders');
    await page.locator('details.email').nth(2).waitFor();
    expect(await page.locator('details.email summary strong').nth(2).textContent()).toBe(XSS_NAME);
    await page.click('#tab-dashboard');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelectorAll('#app img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('is keyboard usable: Tab reaches the tabs, arrows and Enter switch panels, focus is visible', async () => {
    const page = await open({ language: 'en' });
    let role = '';
    for (let i = 0; i < 8 && role !== 'tab'; i++) {
      await page.keyboard.press('Tab');
      role = await page.evaluate(() => document.activeElement?.getAttribute('role') ?? '');
    }
    expect(role).toBe('tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-dashboard');
    expect(await page.getAttribute('[role=tablist]', 'role')).toBe('tablist');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-customer');
    expect(await page.getAttribute('#tab-customer', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#panel-customer')).toBe(true);
    expect(await page.isVisible('#panel-dashboard')).toBe(false);
    await page.keyboard.press('End');
    expect(await page.getAttribute('#tab-settings', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-dashboard', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('#tab-settings', 'aria-selected')).toBe('true');
    // Enter on a focused tab shows its panel.
    await page.focus('#tab-check');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#tab-check', 'aria-selected')).toBe('true');
    expect(await page.isVisible('#check-customer')).toBe(true);
    // Tab moves from the tabs into the panel; the form submits with Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-customer');
    await page.keyboard.type('C005');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    await page.locator('.verdict[data-verdict=OK]').waitFor();
  });

  it('keeps focus and caret in the customer lookup when a load finishes while the user types', async () => {
    const page = await open({ language: 'en', delays: { getCustomerCard: 1200 } });
    await page.click('#tab-customer');
    await page.locator('.loading').first().waitFor();
    await page.click('.lookup input');
    await page.keyboard.type('C0');
    await page.keyboard.press('ArrowLeft'); // the caret between C and 0
    await page.locator('.loading').waitFor({ state: 'detached' }); // the first card arrived: the panel re-rendered
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe('customer-lookup');
    await page.keyboard.type('X');
    await page.keyboard.press('End');
    await page.keyboard.type('05');
    expect(await page.inputValue('.lookup input')).toBe('CX005');
  });

  it('shows loading, a progress bar for calls over a second, and errors with a retry', async () => {
    const page = await open({ language: 'en', delays: { getDashboard: 1800 }, failures: { getReminderPanel: 'Service unavailable: try later' } }, false);
    await page.locator('.loading').first().waitFor();
    expect(await page.isVisible('#progress')).toBe(false);
    await page.locator('#progress').waitFor({ state: 'visible', timeout: 1700 });
    await page.locator('.dashboard').waitFor();
    expect(await page.isVisible('#progress')).toBe(false);
    await page.click('#tab-reminders');
    await page.locator('.error-box').waitFor();
    expect(await text(page, '.error-box [role=alert], .error-box')).toContain('Service unavailable: try later');
    await page.click('.error-box button');
    await waitFor('the retry', () => fx.callsTo('getReminderPanel').length === 2);
    await page.locator('.error-box').waitFor();
  });

  it('offers no override to a non-approver and locks Settings', async () => {
    const page = await open({ language: 'en', isApprover: false });
    await page.click('#tab-check');
    await page.fill('#check-customer', 'C003');
    await page.fill('#check-amount', '100');
    await page.click('#check-submit');
    await page.locator('.verdict[data-verdict=BLOCK]').waitFor();
    expect(await page.locator('form.override').count()).toBe(0);
    expect(await text(page, '.check-result')).toContain('Only an approver');
    await page.click('#tab-settings');
    await page.locator('form.settings').waitFor();
    expect(await page.isDisabled('#settings-save')).toBe(true);
    expect(await page.isDisabled('[data-key=warnRatio]')).toBe(true);
  });

  it('keeps the add-on look when add-ons1.css cannot load', async () => {
    const page = await open({ language: 'en' });
    const style = await page.$eval('#dash-refresh', (b) => getComputedStyle(b).borderTopStyle);
    expect(style).toBe('solid');
    await page.click('#tab-check');
    const blue = await page.$eval('#check-submit', (b) => getComputedStyle(b).color);
    expect(blue).toBe('rgb(255, 255, 255)');
  });
});
