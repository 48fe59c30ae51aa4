/**
 * The sidebar in Debian's Chromium against the REAL server: build/Code.js in the Apps Script
 * emulator over the English fixture (as of 2026-11-20), in English and Chinese. Every panel shows
 * real fixture data; the flags and the settings round trip write the emulated spreadsheet; a
 * customer whose name is an XSS payload is added to the fixture first and must show as text.
 * Screenshots go to artifacts/sidebar/real-<panel>-<lang>.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Environment } from '../../emulator';
import type { Lang, SettingsView } from '../../src/sidebar/api';
import { BUILD } from '../helpers/bundle';
import { browserSuite, waiter, sidebarSuite, text, shot as saveShot } from './browser';
import { XSS_NAME } from './fixtureBackend';
import type { Backend } from './harness';
import { createRealBackend } from './realBackend';

// Each call runs the real bundle in the emulator: slow on a busy 2-core box.
jest.setTimeout(180_000);

const suite = browserSuite();

/** The bundle answers checkOrder only once the orders entries are registered (another area's work). */
const HAS_CHECK_ORDER = existsSync(join(BUILD, 'Code.js')) && /\nfunction checkOrder\(/.test(readFileSync(join(BUILD, 'Code.js'), 'utf8'));

const shanghai = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);

/** Adds customer C-007, named with the XSS payload, with one invoice 50 days past due (3,000). */
function addHostileCustomer(env: Environment): void {
  const customers = env.spreadsheet.sheet('Customers');
  customers.setValues([['C-007', XSS_NAME, 'ap.hostile@example.com', '', 'li.wei@example.com', 30, 10000, '', '', '', '', shanghai('2025-01-10')]], `A${customers.lastRow() + 1}`);
  const invoices = env.spreadsheet.sheet('Invoices');
  invoices.setValues([['INV-1021', 'C-007', shanghai('2026-09-01'), shanghai('2026-10-01'), 3000, '', '', '', 'Open', '']], `A${invoices.lastRow() + 1}`);
  // The selection: Customers row 3 (C-002), for the card of the selected row.
  env.spreadsheet.activeSheetId = customers.id;
  env.spreadsheet.activeRange = { row: 3, col: 2, numRows: 1, numCols: 1 };
}

const waitFor = waiter(8000);

suite('sidebar in Chromium with the real backend (bundle in the emulator)', () => {
  let backend: Backend;
  let env: Environment;
  let calls: { fn: string; args: unknown[] }[] = [];

  const browser = sidebarSuite((fn, args) => backend(fn, args), 60_000);

  async function open(lang: Lang, activeUser?: string): Promise<Page> {
    const real = await createRealBackend({ language: lang, activeUser, prepare: addHostileCustomer, onCall: (fn, args) => calls.push({ fn, args }) });
    backend = real.backend;
    env = real.env;
    calls = [];
    const page = await browser.open();
    await page.locator('.dashboard').waitFor();
    return page;
  }

  const shot = (page: Page, name: string): Promise<void> => saveShot(page, `real-${name}`);
  const callsTo = (fn: string) => calls.filter((c) => c.fn === fn);

  describe.each<[Lang, Record<string, string>]>([
    ['en', { dashboard: 'Dashboard', saved: 'Settings saved.', sample: 'Sample Trading Ltd' }],
    ['zh', { dashboard: '概览', saved: '设置已保存。', sample: '示例贸易有限公司' }],
  ])('in %s', (lang, words) => {
    it('dashboard: the fixture figures, aging bars, the riskiest customers', async () => {
      const page = await open(lang);
      expect(await text(page, '#tab-dashboard')).toBe(words.dashboard);
      // Open invoices 54,200 + C-007's 3,000; past due 37,300 + 3,000.
      expect(await text(page, '[data-field=receivable]')).toContain('57,200');
      expect(await text(page, '[data-field=overdue]')).toContain('40,300');
      expect(await text(page, '[data-field=overdueShare]')).toContain('70.5');
      expect(await page.locator('svg.aging-chart rect.bar').count()).toBe(5);
      const names = await page.locator('ol.risky li button').allTextContents();
      expect(names.slice(0, 2)).toEqual(['Held Ltd', 'Overlimit Industries']);
      expect(names).toContain(XSS_NAME);
      expect(callsTo('getDashboard')).toHaveLength(1);
      await shot(page, `dashboard-${lang}`);
    });

    it('customer card of the selected row; flags saved to the sheet; a FieldError for a past date', async () => {
      const page = await open(lang);
      await page.click('#tab-customer');
      await page.locator('.customer-card').waitFor();
      expect(callsTo('getCustomerCard')[0].args).toEqual([null]);
      expect(await text(page, '.customer-name')).toBe('Partial Parts Ltd');
      expect(await page.locator('li.factor').count()).toBe(7);
      expect(await page.locator('li.factor .factor-name').nth(1).textContent()).toBe(lang === 'zh' ? '付款及时性' : 'Payment timeliness');
      expect(await page.locator('.customer-card table.rows tbody tr').count()).toBe(3);
      expect(await page.locator('.customer-card svg.aging-chart rect.bar').count()).toBe(5);
      await shot(page, `customer-${lang}`);

      await page.check('[data-field=onHold]');
      await page.fill('[data-field=pausedUntil]', '2026-01-01');
      await page.click('#flags-save');
      const err = page.locator('[data-error-for=remindersPausedUntil]');
      await waitFor('the flags FieldError', async () => ((await err.textContent()) ?? '').length > 0);
      expect(env.spreadsheet.sheet('Customers').value('I3')).toBe('');
      await page.fill('[data-field=pausedUntil]', '2026-12-31');
      await page.click('#flags-save');
      await page.locator('.flags .good').waitFor();
      expect(callsTo('setCustomerFlags').map((c) => c.args)).toEqual([['C-002', true, '2026-01-01'], ['C-002', true, '2026-12-31']]);
      expect(env.spreadsheet.sheet('Customers').value('I3')).toBe('Yes');
      expect(env.spreadsheet.sheet('Customers').displayValues('J3')[0][0]).toMatch(/2026|12\/31/);
    });

    it('order check: C-004 over its limit gets BLOCK', async () => {
      if (!HAS_CHECK_ORDER) {
        console.warn('Skipped the order check step: checkOrder is not registered in build/Code.js yet (entry/orders.ts is another area).');
        return;
      }
      const page = await open(lang);
      await page.click('#tab-check');
      await page.fill('#check-customer', 'C-004');
      await page.fill('#check-amount', '1,000');
      await page.click('#check-submit');
      await page.locator('.verdict[data-verdict=BLOCK]').waitFor();
      expect(await text(page, '.verdict-text')).toMatch(/^BLOCK: /);
      expect(await page.locator('ul.reasons li').count()).toBeGreaterThan(0);
      await shot(page, `check-${lang}`);
    });

    it('settings round trip with FieldErrors from the server, and a live template preview', async () => {
      const page = await open(lang);
      await page.click('#tab-settings');
      await page.locator('form.settings').waitFor();
      expect(await page.inputValue('[data-key=warnRatio]')).toBe('0.9');
      await page.fill('input[data-weight=timeliness]', '2');
      await page.click('details[data-level="1"] > summary');
      await page.fill('[data-key="ladder.1.days"]', '2');
      await page.fill('[data-key="ladder.1.name"]', 'Overdue notice (2 days)');
      await page.click('#settings-save');
      await page.locator('[data-field=saved]').waitFor();
      expect(await text(page, '[data-field=saved]')).toBe(words.saved);
      const back = (await backend('getSettings', [])) as SettingsView;
      expect(back.scoreWeights.timeliness).toBe(2);
      expect(back.ladder.map((l) => l.days)).toEqual([-3, 2, 15, 30, 45]);
      expect(back.ladder[1].name).toBe('Overdue notice (2 days)');

      await page.click('details[data-level="2"] > summary');
      await page.fill('[data-key="ladder.2.days"]', '1');
      await page.fill('[data-key="warnRatio"]', '1.5');
      await page.click('#settings-save');
      const ladderErr = page.locator('details[data-level="2"] [data-error-for="ladder.2.days"]');
      await waitFor('the ladder FieldError', async () => ((await ladderErr.textContent()) ?? '').length > 0);
      expect(await text(page, '[data-error-for=warnRatio]')).not.toBe('');
      expect(((await backend('getSettings', [])) as SettingsView).warnRatio).toBe(0.9); // nothing written
      await page.fill('[data-key="ladder.2.days"]', '15');
      await page.fill('[data-key="warnRatio"]', '0.9');

      await page.click('details[data-level="1"] .preview-row button');
      const frame = page.locator('details[data-level="1"] iframe.email-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('sandbox')).toBe('');
      expect(await frame.getAttribute('srcdoc')).toContain(words.sample);
      await page.frameLocator('details[data-level="1"] iframe.email-frame').locator('table').first().waitFor();
      expect(callsTo('previewTemplate').pop()!.args[1]).toBe(lang);
      await shot(page, `settings-${lang}`);
    });

    it("reminders: today's real preview in sandboxed frames", async () => {
      const page = await open(lang);
      await page.click('#tab-reminders');
      await page.locator('details.email').first().waitFor();
      expect(await page.locator('details.email').count()).toBeGreaterThan(0);
      const frames = page.locator('iframe.email-frame');
      for (let i = 0; i < (await frames.count()); i++) expect(await frames.nth(i).getAttribute('sandbox')).toBe('');
      await page.frameLocator('details.email:nth-child(1) iframe.email-frame').locator('table').first().waitFor();
      expect(env.outbox).toHaveLength(0); // a preview sends nothing
      await shot(page, `reminders-${lang}`);
    });
  });

  it('a customer named with an XSS payload shows as text everywhere and never runs', async () => {
    const page = await open('en');
    expect(await page.locator('ol.risky li button', { hasText: 'onerror' }).count()).toBe(1);
    await page.click('#tab-customer');
    // The tab first loads the card of the selected row (C-002): wait for it, or its re-render can
    // replace the form between the fill and the click and the click is lost (seen once under load).
    await page.locator('.customer-card[data-customer="C-002"]').waitFor();
    await page.locator('.lookup input').fill('C-007');
    await page.click('#customer-open');
    await page.locator('.customer-card[data-customer="C-007"]').waitFor();
    expect(await text(page, '.customer-name')).toBe(XSS_NAME);
    if (HAS_CHECK_ORDER) {
      await page.click('#tab-check');
      await page.fill('#check-customer', 'C-007');
      await page.fill('#check-amount', '20,000');
      await page.click('#check-submit');
      await page.locator('.verdict[data-verdict=BLOCK]').waitFor();
    }
    await page.click('#tab-reminders');
    await page.locator('details.email').first().waitFor();
    await page.click('#tab-dashboard');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelectorAll('#app img').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('a non-approver sees Settings locked and cannot put a customer on hold', async () => {
    const page = await open('en', 'clerk@example.com');
    await page.click('#tab-settings');
    await page.locator('form.settings').waitFor();
    expect(await page.isDisabled('#settings-save')).toBe(true);
    await page.click('#tab-customer');
    await page.locator('.customer-card').waitFor();
    await page.check('[data-field=onHold]');
    await page.click('#flags-save');
    const err = page.locator('[data-error-for=onHold]');
    await waitFor('the hold FieldError', async () => ((await err.textContent()) ?? '').length > 0);
    expect(env.spreadsheet.sheet('Customers').value('I3')).toBe('');
  });
});
