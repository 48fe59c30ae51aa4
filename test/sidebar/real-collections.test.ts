/**
 * The collections workbench in the sidebar against the REAL server: build/Code.js in the Apps
 * Script emulator over the English fixture (today 2026-11-20 in Shanghai), in English and Chinese.
 * Before the run the workbook gets a Plans sheet (P-1 for C-002, as in test/integration/plans) and
 * a Collections Log row due today for the user at the keyboard; the Watch tab's environment runs
 * the daily run twice, a day apart, with INV-1007 grown to 30,000 (as in test/integration/watch).
 * Screenshots go to artifacts/sidebar/real-<panel>-<lang>.png.
 */
import type { Page } from 'playwright-core';
import type { Environment } from '../../emulator';
import type { CashForecastView, CustomerPlans, Lang, WatchListView } from '../../src/sidebar/api';
import { browserSuite, waiter, sidebarSuite, text, shot as saveShot } from './browser';
import type { Backend } from './harness';
import { createRealBackend } from './realBackend';

// Each call runs the real bundle in the emulator: slow on a busy 2-core box.
jest.setTimeout(180_000);

const suite = browserSuite();

const DAY_MS = 24 * 60 * 60 * 1000;
const sh = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);
/** The calendar date of a Date cell in Shanghai. */
const isoOf = (d: unknown): string => new Date((d as Date).getTime() + 8 * 3600e3).toISOString().slice(0, 10);

const PLAN_ROWS: unknown[][] = [
  ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount', 'Note'],
  ['P-1', 'C-002', 'Plan', 'INV-1006', sh('2026-11-18'), sh('2026-11-23'), 3900, 'first half'],
  ['P-1', '', '', '', '', sh('2026-12-07'), 3900, 'second half'],
];
const LOG_ROWS: unknown[][] = [
  ['Date', 'Customer ID', 'Type', 'Summary', 'Outcome', 'Next Action', 'Next Action Date', 'Owner', 'Logged By'],
  [sh('2026-11-18'), 'C-002', 'Call', 'Called AP about INV-1006', 'Agreed a plan', 'Check the first instalment', sh('2026-11-20'), 'owner@example.com', 'owner@example.com'],
];

/** The Plans sheet and a Collections Log row due today for owner@example.com (the user at the keyboard). */
function addWorkbench(env: Environment): void {
  env.spreadsheet.addSheet('Plans', PLAN_ROWS);
  env.spreadsheet.addSheet('Collections Log', LOG_ROWS);
}

/** Two daily runs a day apart, INV-1007 grown from 4,000 to 30,000 between them: C-002 crosses lines. */
function runTwoDays(env: Environment): void {
  env.execution({ authMode: 'FULL' }).call('runRemindersNow');
  const inv = env.spreadsheet.sheet('Invoices');
  const row = inv.values().findIndex((r) => r[0] === 'INV-1007') + 1;
  inv.setValue(`E${row}`, 30000);
  env.clock.advance(DAY_MS);
  env.execution({ authMode: 'FULL' }).call('runRemindersNow');
}

const waitFor = waiter(10_000);

suite('collections workbench in the sidebar with the real backend (bundle in the emulator)', () => {
  let backend: Backend;
  let env: Environment;
  let calls: { fn: string; args: unknown[] }[] = [];

  const browser = sidebarSuite((fn, args) => backend(fn, args), 60_000);

  async function open(lang: Lang, prepare: (env: Environment) => void = addWorkbench): Promise<Page> {
    const real = await createRealBackend({ language: lang, prepare, onCall: (fn, args) => calls.push({ fn, args }) });
    backend = real.backend;
    env = real.env;
    calls = [];
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    return page;
  }

  const texts = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();
  const shot = (page: Page, name: string): Promise<void> => saveShot(page, `real-${name}`);
  const callsTo = (fn: string) => calls.filter((c) => c.fn === fn);
  const logRows = (): unknown[][] => env.spreadsheet.sheet('Collections Log').values();

  describe.each<[Lang, Record<string, string>]>([
    ['en', { overLimit: 'Over limit', pastNext: 'The next action date cannot be before the action itself.', payment: 'Payment', creditNote: 'Credit note', visit: 'Visit' }],
    ['zh', { overLimit: '超出额度', pastNext: '下一步日期不能早于本次跟进日期。', payment: '收款', creditNote: '红字发票/折让', visit: '上门拜访' }],
  ])('in %s', (lang, words) => {
    it('Watch tab: the lines of the last run and the 13-week forecast', async () => {
      const page = await open(lang, (e) => { addWorkbench(e); runTwoDays(e); });
      await page.click('#tab-watch');
      await page.locator('li.watch-line').first().waitFor();
      const served = (await backend('getWatchList', [])) as WatchListView;
      expect(served.asOf).toBe('2026-11-21');
      expect(await page.locator('li.watch-line').count()).toBe(served.lines.length);
      const over = page.locator('li.watch-line[data-kind=over-limit][data-customer=C-002]');
      expect(await over.locator('.watch-kind').textContent()).toBe(words.overLimit);
      expect(await over.locator('[data-field=fromTo]').textContent()).toBe('16,800.00 CNY → 42,800.00 CNY');
      expect(await over.locator('button').textContent()).toBe('Partial Parts Ltd');
      const kinds = await page.locator('li.watch-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      const order = ['new-block', 'over-limit', 'overdue-hold', 'broken-promise', 'grade-drop', 'exposure-rise'];
      expect(kinds.map((k) => order.indexOf(k!))).toEqual([...kinds.map((k) => order.indexOf(k!))].sort((a, b) => a - b));

      const bars = page.locator('svg.forecast-chart rect.bar');
      await bars.first().waitFor();
      expect(await bars.count()).toBe(13);
      const f = (await backend('getCashForecast', [])) as CashForecastView;
      expect(await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-amount'))))).toEqual(f.weeks.map((w) => w.expected));
      expect((await text(page, '[data-field=forecastTotal]')).replace(/[^\d.,]/g, '')).toBe(
        (f.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }));
      expect(await page.locator('table.past-weeks tbody tr').count()).toBe(f.past.length);
      await shot(page, `watch-${lang}`);

      await over.locator('button').click();
      await page.locator('.customer-card[data-customer=C-002]').waitFor();
    });

    it('Collections tab: due today; a FieldError from the server; the logged action lands in the Collections Log', async () => {
      const page = await open(lang);
      await page.click('#tab-collections');
      await page.locator('li.due-item').first().waitFor();
      expect(await page.locator('li.due-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-customer')))).toEqual(['C-002']);
      expect(await text(page, 'li.due-item [data-field=nextAction]')).toBe('Check the first instalment');
      expect(await text(page, '.due')).toContain('owner@example.com');

      await page.fill('#log-customer', 'C-002');
      await page.selectOption('#log-type', 'visit');
      await page.fill('#log-summary', 'Visited the office; 见了财务');
      await page.fill('#log-outcome', 'Will pay the first instalment on time');
      await page.fill('#log-next', 'Check the payment');
      await page.fill('#log-next-date', '2026-11-01');
      await page.click('#log-submit');
      const err = page.locator('[data-error-for=nextActionDate]');
      await waitFor('the FieldError', async () => ((await err.textContent()) ?? '').length > 0);
      expect(await err.textContent()).toBe(words.pastNext);
      expect(logRows()).toHaveLength(2);

      await page.fill('#log-next-date', '2026-11-24');
      await page.click('#log-submit');
      await page.locator('[data-field=logged]').waitFor();
      const rows = logRows();
      expect(rows).toHaveLength(3);
      const row = rows[2];
      // The Type column is written in the sheets' language (the spreadsheet's locale here).
      expect(isoOf(row[0])).toBe('2026-11-20');
      expect(row.slice(1, 6)).toEqual(['C-002', words.visit, 'Visited the office; 见了财务', 'Will pay the first instalment on time', 'Check the payment']);
      expect(isoOf(row[6])).toBe('2026-11-24');
      expect(row.slice(7)).toEqual(['zhang.min@example.com', 'owner@example.com']);
      expect(callsTo('logCollectionAction')[1].args[0]).toMatchObject({ customerId: 'C-002', type: 'visit', nextActionDate: '2026-11-24', owner: '' });
      await page.locator('.history-region[data-customer=C-002] li.history-item').first().waitFor();
      expect(await text(page, 'li.history-item .history-summary')).toBe('Visited the office; 见了财务');
      expect(await page.locator('li.history-item.source-log').count()).toBe(2);
      await shot(page, `collections-${lang}`);
    });

    it("Customer card: C-002's October statement 15,000.00 → 7,800.00, plans, email and evidence pack", async () => {
      const page = await open(lang);
      await page.click('#tab-customer');
      // Let the tab's first load (the selected row's card, or none) finish, so that its re-render
      // cannot replace the form between the fill and the click.
      await page.locator('.customer-card, p.empty').first().waitFor();
      await page.locator('.lookup input').fill('C-002');
      await page.click('#customer-open');
      await page.locator('.customer-card[data-customer=C-002]').waitFor();
      expect(await page.inputValue('#st-from')).toBe('2026-10-01');
      expect(await page.inputValue('#st-to')).toBe('2026-10-31');
      await page.click('#st-show');
      await page.locator('table.statement-table').waitFor();
      expect(callsTo('getStatement').map((c) => c.args)).toEqual([['C-002', '2026-10-01', '2026-10-31']]);
      expect(await text(page, '[data-field=opening]')).toBe('15,000.00');
      expect(await text(page, '[data-field=closing]')).toBe('7,800.00');
      const lines = page.locator('table.statement-table tr.line');
      expect(await lines.count()).toBe(2);
      expect(await texts(page, 'tr.line [data-field=amount]')).toEqual(['−6,000.00', '−1,200.00']);
      expect(await texts(page, 'tr.line [data-field=balance]')).toEqual(['9,000.00', '7,800.00']);
      expect(await lines.nth(0).locator('td').nth(1).textContent()).toBe(`${words.payment}INV-1006`);
      expect(await lines.nth(1).locator('td').nth(1).textContent()).toBe(`${words.creditNote}CN-1001`);
      expect(await texts(page, 'dl.statement-aging dd[data-bucket]')).toEqual(['0.00', '7,800.00', '0.00', '0.00', '0.00'].map((n) => expect.stringContaining(n)));
      expect(await text(page, '[data-field=totalOpen]')).toContain('7,800.00');

      await page.locator('.plan[data-plan=P-1]').waitFor();
      const plans = (await backend('getPlans', ['C-002'])) as CustomerPlans;
      expect(await page.locator('.plan[data-plan=P-1] tr.instalment').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
        .toEqual(plans.plans[0].instalments.map((i) => i.state));
      await shot(page, `customer-statement-${lang}`);

      await page.click('#st-email');
      await page.locator('.confirm-box[data-confirm=email]').waitFor();
      expect(env.outbox).toHaveLength(0);
      await page.click('#st-confirm-yes');
      await page.locator('[data-field=outcome]').waitFor();
      expect(env.outbox).toHaveLength(1);
      expect(env.outbox[0].to).toBe('finance.partial@example.com');
      expect(await page.getAttribute('[data-field=outcome]', 'class')).toContain('good');

      await page.click('#st-evidence');
      await page.click('#st-confirm-yes');
      await waitFor('the evidence pack', () => callsTo('buildEvidencePackFor').length === 1);
      await waitFor('its message', async () => !(await text(page, '[data-field=outcome]')).includes('finance.partial'));
      const pack = env.spreadsheet.sheetNames().find((n) => /C-002/.test(n));
      expect(pack).toBeDefined();
      expect(await text(page, '[data-field=outcome]')).toContain(pack!);
    });
  });
});
