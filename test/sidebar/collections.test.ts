/**
 * The collections workbench in the sidebar, in Debian's Chromium over the fixture backend, in
 * English and Chinese: the Watch tab (watch list most severe first, the cash forecast bars and
 * past weeks), the Collections tab (due today, logging an action with FieldErrors beside the
 * fields, the history), and the Customer card's statement, email, evidence pack and plans. Every
 * server value shows as text (XSS in a watch line, a log summary and a plan note). Screenshots go
 * to artifacts/sidebar/<panel>-<lang>.png.
 */
import type { Page } from 'playwright-core';
import type * as Api from '../../src/sidebar/api';
import type { Lang } from '../../src/sidebar/api';
import type { WatchListView as ServerWatchList } from '../../src/sheets/watch/panel';
import type { CashForecastView as ServerForecast } from '../../src/sheets/forecast/run';
import type { StatementView as ServerStatement, SendResult as ServerSend } from '../../src/sheets/statements/run';
import type { ActionView as ServerAction, DueView as ServerDue, LogActionResult as ServerLogResult } from '../../src/sheets/collections/run';
import type { EvidenceResult as ServerEvidence } from '../../src/sheets/legal/run';
import type { CustomerPlans as ServerPlans } from '../../src/sheets/plans/status';
import type { getDueToday as serverDueToday } from '../../src/entry/collections';
import { browserSuite, waiter, sidebarSuite, text, shot } from './browser';
import { createFixtureBackend, FIXTURE_USER, XSS_NAME, type Fixture, type FixtureOptions } from './fixtureBackend';

// The shapes in src/sidebar/api.ts are copies of the server's: the compiler checks both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesMatch: [
  Same<Api.WatchListView, ServerWatchList>, Same<Api.CashForecastView, ServerForecast>, Same<Api.StatementView, ServerStatement>,
  Same<Api.StatementSendResult, ServerSend>, Same<Api.CollectionActionView, ServerAction>, Same<Api.DueView, ServerDue>,
  Same<Api.DueTodayView, ReturnType<typeof serverDueToday>>, Same<Api.EvidenceResult, ServerEvidence>, Same<Api.CustomerPlans, ServerPlans>,
  Same<Api.LogActionResult, ServerLogResult>,
] = [true, true, true, true, true, true, true, true, true, true];

const suite = browserSuite();

const waitFor = waiter(5000);

it('the sidebar types match the server shapes', () => {
  expect(shapesMatch.every(Boolean)).toBe(true);
});

suite('collections workbench in the sidebar with the fixture backend', () => {
  let fx: Fixture;

  const browser = sidebarSuite((fn, args) => fx.backend(fn, args), 30_000);

  async function open(opts: FixtureOptions = {}): Promise<Page> {
    fx = createFixtureBackend(opts);
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    return page;
  }

  const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();
  const noXss = async (page: Page): Promise<void> => {
    expect(await page.evaluate(() => document.querySelectorAll('#app img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  };

  describe.each<[Lang, Record<string, string>]>([
    ['en', { watch: 'Watch', collections: 'Collections', newBlock: 'New BLOCK', rise: 'Exposure rising fast', noForecast: 'no forecast', visit: 'Visit', call: 'Call', kept: 'Kept', missed: 'Missed', upcoming: 'Upcoming' }],
    ['zh', { watch: '风险预警', collections: '催收跟进', newBlock: '新增冻结', rise: '敞口快速上升', noForecast: '无预测', visit: '上门拜访', call: '电话', kept: '已履行', missed: '未履行', upcoming: '未到期' }],
  ])('in %s', (lang, words) => {
    it('Watch tab: the lines most severe first with from → to, a customer opens its card; the forecast bars and past weeks', async () => {
      const page = await open({ language: lang });
      expect(await text(page, '#tab-watch')).toBe(words.watch);
      await page.click('#tab-watch');
      await page.locator('li.watch-line').first().waitFor();
      expect(await page.getAttribute('#tab-watch', 'aria-selected')).toBe('true');
      const kinds = await page.locator('li.watch-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds).toEqual(['new-block', 'over-limit', 'overdue-hold', 'broken-promise', 'grade-drop', 'exposure-rise']);
      expect(await text(page, 'li.watch-line .watch-kind')).toBe(words.newBlock);
      expect(await text(page, 'li.watch-line:last-child .watch-kind')).toBe(words.rise);
      expect(await text(page, 'li.watch-line[data-kind=new-block] [data-field=fromTo]')).toBe('WARN → BLOCK');
      expect(await text(page, 'li.watch-line[data-kind=exposure-rise] [data-field=fromTo]')).toBe('45,000.00 CNY → 92,300.00 CNY');
      expect(await text(page, 'li.watch-line[data-kind=exposure-rise] .watch-detail')).toContain('+105%');
      // The hostile name is text, in the button and in the sentence.
      expect(await text(page, 'li.watch-line[data-kind=overdue-hold] button')).toBe(XSS_NAME);
      expect(await text(page, 'li.watch-line[data-kind=overdue-hold] .watch-detail')).toContain(XSS_NAME);

      // The forecast: 13 weekly bars with amounts, the total, the past weeks.
      const bars = page.locator('svg.forecast-chart rect.bar');
      await bars.first().waitFor();
      expect(await bars.count()).toBe(13);
      const amounts = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-amount'))));
      expect(amounts.slice(0, 4)).toEqual([5820000, 1200000, 0, 3050000]);
      expect(await page.getAttribute('svg.forecast-chart', 'role')).toBe('img');
      expect((await texts(page, 'svg.forecast-chart .bar-value'))[0]).toMatch(/58\.2K|5\.8万/);
      expect(await text(page, '[data-field=forecastTotal]')).toContain('269,250.00');
      const past = page.locator('table.past-weeks tbody tr');
      expect(await past.count()).toBe(8);
      expect(await past.nth(0).locator('td').nth(1).textContent()).toBe(words.noForecast);
      expect(await past.nth(2).locator('td').nth(3).textContent()).toMatch(/^-.*2(\.0K|K|,?000(\.0)?)$/); // 28,000 − 30,000
      expect(await page.getAttribute('table.past-weeks tbody tr:nth-child(3) td:nth-child(4)', 'class')).toContain('bad');
      await shot(page, `watch-${lang}`);

      await page.click('li.watch-line[data-kind=exposure-rise] button');
      await page.locator('.customer-card[data-customer=C002]').waitFor();
      expect(await page.getAttribute('#tab-customer', 'aria-selected')).toBe('true');
      expect(fx.callsTo('getCustomerCard').map((c) => c.args)).toEqual([['C002']]);
      expect(fx.callsTo('getWatchList')).toHaveLength(1);
      await noXss(page);
    });

    it('Collections tab: due today; a bad next-action date shows beside its field; a good one is logged and shows in the history', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-collections');
      await page.locator('li.due-item').first().waitFor();
      expect(fx.callsTo('getDueToday')[0].args).toEqual([]);
      expect(await text(page, '.due')).toContain(FIXTURE_USER);
      expect(await page.locator('li.due-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-customer')))).toEqual(['C003', 'C001']);
      expect(await text(page, 'li.due-item[data-customer=C001] [data-field=nextAction]')).toBe(lang === 'zh' ? '核对付款' : 'Check the payment');
      expect(await text(page, 'li.due-item[data-customer=C003] .due-summary')).toContain(XSS_NAME);
      expect(await text(page, 'li.due-item[data-customer=C003] button')).toBe(XSS_NAME);
      // The type select offers the eight types in the language.
      expect(await page.locator('#log-type option').count()).toBe(8);
      expect(await text(page, '#log-type option[value=visit]')).toBe(words.visit);

      await page.fill('#log-customer', 'C001');
      await page.selectOption('#log-type', 'visit');
      await page.fill('#log-summary', 'Met the finance manager; 财务经理');
      await page.fill('#log-outcome', 'Will pay half');
      await page.fill('#log-next', 'Collect the cheque');
      await page.fill('#log-next-date', '2025-03-01'); // before today
      await page.click('#log-submit');
      const err = page.locator('[data-error-for=nextActionDate]');
      await waitFor('the FieldError', async () => ((await err.textContent()) ?? '').length > 0);
      expect(await err.textContent()).toBe(lang === 'zh' ? '下一步日期不能早于本次跟进日期。' : 'The next action date cannot be before the action itself.');
      expect(await page.getAttribute('#log-next-date', 'aria-invalid')).toBe('true');
      expect(await page.$eval('#log-next-date', (i) => !!i.closest('.form-group')?.querySelector('[data-error-for=nextActionDate]'))).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('log-next-date');
      expect(fx.state.log).toHaveLength(4);

      await page.fill('#log-next-date', '2025-03-21');
      expect(await err.textContent()).toBe('');
      await page.click('#log-submit');
      await page.locator('[data-field=logged]').waitFor();
      const sent = fx.callsTo('logCollectionAction').map((c) => c.args[0]);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toEqual({
        customerId: 'C001', type: 'visit', summary: 'Met the finance manager; 财务经理', outcome: 'Will pay half',
        nextAction: 'Collect the cheque', nextActionDate: '2025-03-21', owner: '',
      });
      expect(await text(page, '[data-field=logged]')).toContain('6');
      // The history of C001 follows, newest first, with the new action.
      await page.locator('.history-region[data-customer=C001] li.history-item').first().waitFor();
      expect(fx.callsTo('getCollectionHistory').map((c) => c.args)).toEqual([['C001']]);
      expect(await text(page, 'li.history-item .history-type')).toBe(words.visit);
      expect(await text(page, 'li.history-item .history-summary')).toBe('Met the finance manager; 财务经理');
      expect(await page.locator('li.history-item.source-reminders').count()).toBe(1);
      // The form is empty again, the customer kept.
      expect(await page.inputValue('#log-summary')).toBe('');
      expect(await page.inputValue('#log-customer')).toBe('C001');
      // Due today was loaded again: C001's latest next action is no longer due.
      await waitFor('due today again', () => fx.callsTo('getDueToday').length === 2);
      await waitFor('the due list', async () => (await page.locator('li.due-item').count()) === 1);
      await shot(page, `collections-${lang}`);
    });

    it('Customer card: the statement table for last month, email and evidence pack after a confirm, plans coloured by state', async () => {
      const page = await open({ language: lang });
      await page.click('#tab-customer');
      await page.locator('.customer-card[data-customer=C001]').waitFor();
      expect(await page.inputValue('#st-from')).toBe('2025-02-01');
      expect(await page.inputValue('#st-to')).toBe('2025-02-28');
      await page.click('#st-show');
      await page.locator('table.statement-table').waitFor();
      expect(fx.callsTo('getStatement').map((c) => c.args)).toEqual([['C001', '2025-02-01', '2025-02-28']]);
      expect(await text(page, '[data-field=opening]')).toContain('20,000.00');
      expect(await text(page, '[data-field=closing]')).toContain('21,000.00');
      const rows = page.locator('table.statement-table tbody tr.line');
      expect(await rows.count()).toBe(4);
      const balances = await texts(page, 'table.statement-table tr.line [data-field=balance]');
      expect(balances.map((b) => b.replace(/[^\d.,]/g, ''))).toEqual(['35,000.00', '23,000.00', '21,500.00', '21,000.00']);
      const amounts = await texts(page, 'table.statement-table tr.line [data-field=amount]');
      expect(amounts[0]).toBe('+15,000.00');
      expect(amounts[1]).toBe('−12,000.00');
      expect(await rows.nth(3).locator('td').first().textContent()).toBe(lang === 'zh' ? '未记录日期' : 'date not recorded');
      expect(await rows.nth(2).textContent()).toContain('CN-2025-004');
      expect(await page.locator('dl.statement-aging dd[data-bucket]').count()).toBe(5);
      expect(await text(page, '[data-field=totalOpen]')).toContain('21,000.00');
      // The card's own invoice table is unchanged by the new sections.
      expect(await page.locator('.customer-card table.rows tbody tr').count()).toBe(3);

      // Plans: kept green, missed red, upcoming grey; the hostile note is text.
      await page.locator('.plan').first().waitFor();
      expect(fx.callsTo('getPlans').map((c) => c.args)).toEqual([['C001']]);
      expect(await page.locator('.plan').count()).toBe(2);
      const states = await page.locator('.plan[data-plan=P-7] tr.instalment').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
      expect(states).toEqual(['kept', 'missed', 'upcoming']);
      expect(await texts(page, '.plan[data-plan=P-7] tr.instalment .pill')).toEqual([words.kept, words.missed, words.upcoming]);
      const colour = (state: string) => page.$eval(`.plan[data-plan=P-7] tr.instalment[data-state=${state}] .pill`, (el) => getComputedStyle(el).color);
      expect(await colour('kept')).toBe('rgb(19, 115, 51)');
      expect(await colour('missed')).toBe('rgb(197, 34, 31)');
      expect(await colour('upcoming')).toBe('rgb(95, 99, 104)');
      expect(await text(page, '.plan[data-plan=P-7] tr.instalment[data-state=missed] td')).toContain(XSS_NAME);
      expect(await page.getAttribute('.plan[data-plan=P-7]', 'data-status')).toBe('broken');
      expect(await page.locator('.plan[data-plan=PR-2] tr.instalment[data-state=due]').count()).toBe(1);
      await shot(page, `customer-statement-${lang}`);

      // Email statement: nothing is sent before the confirm; Cancel sends nothing.
      await page.click('#st-email');
      await page.locator('.confirm-box[data-confirm=email]').waitFor();
      expect(await text(page, '.confirm-box')).toContain('上海华东贸易有限公司');
      expect(fx.callsTo('emailStatement')).toHaveLength(0);
      await page.click('#st-confirm-no');
      expect(await page.locator('.confirm-box').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('st-email');
      await page.click('#st-email');
      await page.click('#st-confirm-yes');
      await page.locator('[data-field=outcome]').waitFor();
      expect(fx.callsTo('emailStatement').map((c) => c.args)).toEqual([['C001', '2025-02-01', '2025-02-28']]);
      expect(await text(page, '[data-field=outcome]')).toContain('ap@huadong-trade.cn');
      expect(await page.getAttribute('[data-field=outcome]', 'class')).toContain('good');

      // Evidence pack, after its confirm.
      await page.click('#st-evidence');
      await page.locator('.confirm-box[data-confirm=evidence]').waitFor();
      expect(fx.callsTo('buildEvidencePackFor')).toHaveLength(0);
      await page.click('#st-confirm-yes');
      await waitFor('the evidence pack', () => fx.callsTo('buildEvidencePackFor').length === 1);
      expect(fx.callsTo('buildEvidencePackFor')[0].args).toEqual(['C001']);
      await waitFor('its message', async () => (await text(page, '[data-field=outcome]')).includes(lang === 'zh' ? '证据材料 C001' : 'Evidence C001'));
      await noXss(page);
    });
  });

  it('a statement period the server refuses shows its error; a customer with no email is told so', async () => {
    const page = await open({ language: 'en' });
    fx.state.selectedRow = 'C006';
    await page.click('#tab-customer');
    await page.locator('.customer-card[data-customer=C006]').waitFor();
    await page.fill('#st-from', '2025-03-10');
    await page.fill('#st-to', '2025-03-01');
    await page.click('#st-show');
    await page.locator('[data-field=outcome]').waitFor();
    expect(await text(page, '[data-field=outcome]')).toContain('The period is not valid');
    expect(await page.locator('table.statement-table').count()).toBe(0);
    await page.locator('[data-field=plansNone]').waitFor();
    await page.fill('#st-to', '2025-03-13');
    await page.click('#st-email');
    await page.click('#st-confirm-yes');
    await waitFor('the no-email message', async () => (await text(page, '[data-field=outcome]')).includes('no email address'));
    expect(await page.getAttribute('[data-field=outcome]', 'class')).toContain('error');
  });

  it('renders every value as text: the payload in a watch line, a log summary and a plan note never runs', async () => {
    const page = await open({ language: 'en' });
    await page.click('#tab-watch');
    await page.locator('li.watch-line[data-kind=overdue-hold]').waitFor();
    await page.click('#tab-collections');
    await page.fill('#log-customer', 'C002');
    await page.fill('#log-summary', XSS_NAME);
    await page.click('#log-submit');
    await page.locator('.history-region[data-customer=C002] li.history-item').first().waitFor();
    expect(await text(page, '.history-region li.history-item .history-summary')).toBe(XSS_NAME);
    await page.click('li.due-item[data-customer=C003] button');
    await page.locator('.history-region[data-customer=C003] li.history-item').first().waitFor();
    expect(await texts(page, '.history-region li.history-item .history-summary')).toContain(XSS_NAME);
    await page.click('#tab-customer');
    await page.locator('.plan').first().waitFor();
    await page.waitForTimeout(300);
    await noXss(page);
  });

  it('seven tabs fit 300 px in two rows and keep the tablist keyboard behaviour', async () => {
    const page = await open({ language: 'zh' });
    for (const lang of ['zh', 'en']) {
      const boxes = await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { id: e.id, left: r.left, right: r.right, top: r.top, clipped: e.scrollWidth > e.clientWidth };
      }));
      expect(boxes.map((b) => b.id)).toEqual(['tab-dashboard', 'tab-customer', 'tab-check', 'tab-reminders', 'tab-collections', 'tab-watch', 'tab-settings']);
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(300);
        expect({ lang, id: b.id, clipped: b.clipped }).toEqual({ lang, id: b.id, clipped: false });
      }
      expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(2);
      if (lang === 'zh') await page.click('#lang-switch');
    }
    await page.focus('#tab-reminders');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-collections');
    expect(await page.isVisible('#panel-collections')).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-watch', 'aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.getAttribute('#tab-settings', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-watch');
    // Into the panel with Tab, and Enter on a watch line's customer opens the card.
    await page.locator('li.watch-line button').first().waitFor();
    await page.locator('li.watch-line button').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.customer-card[data-customer=C001]').waitFor();
    // The log form by keyboard: Enter in a field submits it.
    await page.click('#tab-collections');
    await page.focus('#log-customer');
    await page.keyboard.type('C005');
    await page.keyboard.press('Tab'); // Show history
    await page.keyboard.press('Tab'); // type
    await page.keyboard.press('Tab'); // summary
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('log-summary');
    await page.keyboard.type('Left a voicemail');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-field=logged]').waitFor();
    expect(fx.callsTo('logCollectionAction')[0].args[0]).toMatchObject({ customerId: 'C005', type: 'call', summary: 'Left a voicemail' });
  });

  it('shows loading and errors with a retry in the new panels', async () => {
    const page = await open({ language: 'en', delays: { getCashForecast: 1500 }, failures: { getWatchList: 'Watch list unavailable' } });
    await page.click('#tab-watch');
    await page.locator('.forecast-chart, .card .loading').first().waitFor();
    expect(await page.locator('#panel-watch .loading').count()).toBeGreaterThan(0);
    await page.locator('#panel-watch .error-box').waitFor();
    expect(await text(page, '#panel-watch .error-box')).toContain('Watch list unavailable');
    await page.locator('svg.forecast-chart').waitFor();
    await page.click('#panel-watch .error-box button');
    await waitFor('the retry', () => fx.callsTo('getWatchList').length === 2);
    await page.locator('#panel-watch .error-box').waitFor();
  });
});
