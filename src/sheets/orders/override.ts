/**
 * The sidebar's order check and the override of a BLOCK.
 *
 * checkOrder: the check of a new amount for a customer, as if it were a new Pending order:
 * exposure = the summary's exposure before orders + the Pending and Approved orders read now.
 *
 * overrideBlock: only an approver listed in Settings (read fresh from the sheet, never from the
 * cache) may override, and only a check that is BLOCK now. It appends who, when, what and why to
 * the Audit Log (append only), keeps the override in the document properties by order number
 * (so a later re-check of the same order, customer and amount keeps it), and writes
 * `OK (override by <email>)` with a blue row and a note into the order's Credit Check cell.
 */
import { creditCheck, unknownCustomerCheck, type CreditCheckResult } from '../../core/check';
import { countsForExposure } from '../../core/exposure';
import { minorDigits, parseMoney } from '../../core/money';
import { idKey, parseText, readSettings, tableOfSheetName } from '../../core/read';
import type { Cell, Grid, Minor } from '../../core/types';
import { cellsText } from '../../i18n/cells';
import type { Language } from '../../i18n/language';
import { reasonText } from '../../i18n/reasons';
import type { CheckResultView, FieldErrors } from '../../sidebar/api';
import { activeUserEmail, userLanguage } from '../../platform/session';
import { readSheet } from '../../platform/spreadsheet';
import { setDocumentProperties } from '../../platform/workbook';
import { appendRows, openLog } from '../logSheet';
import { AUDIT_LOG } from '../owned';
import { loadCreditFile } from '../creditFile';
import { baseSummaryFor, readCacheState, type CacheState } from '../cache/summaryCache';
import type { CachedSummary } from '../cache/serialise';
import {
  moneyText, overrideKey, overridesFrom, planInvoiceChecks, planOrderChecks, readOrdersWith, settingsOf, tableLayout,
  type OverrideRecord, type RowVerdict, type TableLayout,
} from './plan';
import { checkTarget, type CheckTarget } from './run';
import { writeVerdicts } from './write';

/** The amount in `currency` (the base currency, as the sidebar says); null when unreadable or written in another currency. */
function parseAmount(text: unknown, currency: string): Minor | null {
  const v = parseMoney(typeof text === 'number' ? text : String(text ?? ''), minorDigits(currency), currency);
  return typeof v === 'number' ? v : null;
}

function ordersValues(target: CheckTarget | null, loaded: { sheets: { name: string; values: Grid }[] } | null): Grid | null {
  if (!target || target.table !== 'orders') return null;
  return loaded ? loaded.sheets.find((s) => s.name === target.sheetName)?.values ?? null : readSheet(target.sheetName)?.values ?? null;
}

function pendingFor(data: CachedSummary, target: CheckTarget | null, values: Grid | null, state: CacheState, key: string): Minor {
  if (!target || !values) return 0;
  let sum = 0;
  for (const o of readOrdersWith(data, { name: target.sheetName, values }, state.timeZone).orders) {
    if (o.customerKey === key && countsForExposure(o, state.today)) sum += o.amount;
  }
  return sum;
}

function view(result: CreditCheckResult, data: CachedSummary, exposureAfter: Minor, limit: Minor | null): CheckResultView {
  const s = data.summary.settings;
  return {
    verdict: result.verdict,
    text: result.text,
    reasons: result.reasons.map((r) => reasonText(r.code, r.params, s.language, s.baseCurrency)),
    exposureAfter: { minor: exposureAfter, currency: s.baseCurrency },
    limit: limit === null ? null : { minor: limit, currency: s.baseCurrency },
  };
}

/** The sidebar's check of a new amount for a customer. Throws a readable Error on bad input. */
export function checkOrderView(customerId: string, amountText: string): CheckResultView {
  const t = cellsText(userLanguage());
  const id = String(customerId ?? '').trim();
  if (!id) throw new Error(t.customerRequired);
  const state = readCacheState();
  const { data, loaded } = baseSummaryFor(state.today, state);
  const amount = parseAmount(amountText, data.summary.settings.baseCurrency);
  if (amount === null) throw new Error(t.amountUnreadable(String(amountText ?? ''), data.summary.settings.baseCurrency));
  if (amount <= 0) throw new Error(t.amountNotPositive);
  const settings = settingsOf(data);
  const c = data.summary.customers[idKey(id)];
  if (!c) return view(unknownCustomerCheck(id, settings), data, amount, null);
  const target = checkTarget(state);
  const exposure = c.exposureBeforeOrders + pendingFor(data, target, ordersValues(target, loaded), state, idKey(id));
  return view(creditCheck({ ...c, exposure }, amount, settings), data, exposure + amount, c.customer.creditLimit);
}

function findRowByNo(values: Grid, layout: TableLayout, no: string): number {
  if (layout.no < 0) return -1;
  const key = idKey(no);
  for (let r = layout.headerRow; r < values.length; r++) {
    const v = parseText(values[r]?.[layout.no]);
    if (typeof v === 'string' && idKey(v) === key) return r + 1;
  }
  return -1;
}

function fail(errors: Record<string, string>): FieldErrors {
  return { ok: false, errors };
}

function approversNow(state: CacheState, language: Language): string[] {
  const name = state.ledgerShapes.find((s) => tableOfSheetName(s.name) === 'settings')?.name;
  const sheet = name ? readSheet(name) : null;
  return readSettings(sheet ?? undefined, { timeZone: state.timeZone, language }).settings.approvers.map((a) => a.toLowerCase());
}

/** Overrides a BLOCK (see the file comment). Throws when the user may not override. */
export function overrideBlockFor(customerId: string, amountText: string, reason: string, orderNo: string, now: Date = new Date()): { ok: true } | FieldErrors {
  const lang = userLanguage();
  const t = cellsText(lang);
  const id = String(customerId ?? '').trim();
  const why = String(reason ?? '').trim();
  const no = String(orderNo ?? '').trim();
  if (!why) return fail({ reason: t.reasonRequired });
  if (!id) return fail({ customerId: t.customerRequired });
  const email = activeUserEmail();
  if (!email) throw new Error(t.notIdentified);
  const state = readCacheState(now);
  const approvers = approversNow(state, lang);
  if (!approvers.includes(email)) throw new Error(t.notApprover(approvers.join(', ')));

  const { data, loaded } = baseSummaryFor(state.today, state);
  const base = data.summary.settings.baseCurrency;
  const amount = parseAmount(amountText, base);
  if (amount === null) return fail({ amount: t.amountUnreadable(String(amountText ?? ''), data.summary.settings.baseCurrency) });
  if (amount <= 0) return fail({ amount: t.amountNotPositive });
  const key = idKey(id);
  const settings = settingsOf(data);
  const target = checkTarget(state);
  const overrides = overridesFrom(state.props);

  let blockedText: string;
  let writeRow: (() => void) | null = null;
  if (no && target) {
    // The order's own row: it must be this customer and amount, and BLOCK now.
    const whole = target.table === 'invoices' ? loadCreditFile() : null;
    const file = whole ? whole.file : null;
    const grid = whole ? whole.sheets.find((s) => s.name === target.sheetName)?.values ?? null : ordersValues(target, loaded);
    if (!grid) return fail({ orderNo: t.orderNotFound(no, target.sheetName) });
    const layout = tableLayout(target.table, grid);
    const row = layout ? findRowByNo(grid, layout, no) : -1;
    if (!layout || row < 0) return fail({ orderNo: t.orderNotFound(no, target.sheetName) });
    const plan = (ov: Map<string, OverrideRecord>): RowVerdict[] =>
      target.table === 'orders'
        ? planOrderChecks({ sheetName: target.sheetName, values: grid, layout, firstRow: row, lastRow: row, data, asOf: state.today, timeZone: state.timeZone, overrides: ov })
        : planInvoiceChecks({ sheetName: target.sheetName, values: grid, layout, firstRow: row, lastRow: row, file: file!, asOf: state.today, timeZone: state.timeZone, overrides: ov });
    const [verdict] = plan(new Map());
    const rowCustomer = parseText(grid[row - 1]?.[layout.customerId]);
    // The row's amount as the checks read it: in base-currency minor units, converted from the
    // customer's currency (an order of USD 12,000 is CNY 84,000 at 7). The approver may give it so,
    // or as the number written in the row (12,000).
    const readAmount = target.table === 'orders'
      ? readOrdersWith(data, { name: target.sheetName, values: grid }, state.timeZone).orders.find((o) => o.row === row)?.amount
      : file!.invoices.find((i) => i.row === row)?.amount;
    const written = parseMoney(grid[row - 1]?.[layout.amount] as Cell, minorDigits(base));
    const rowAmount = readAmount ?? (typeof written === 'number' ? written : null);
    const sameAmount = amount === rowAmount || (typeof written === 'number' && amount === written);
    if (!verdict || typeof rowCustomer !== 'string' || idKey(rowCustomer) !== key || !sameAmount) {
      return fail({
        orderNo: t.orderMismatch(no, typeof rowCustomer === 'string' ? rowCustomer : '?', rowAmount === null ? '?' : moneyText(rowAmount, base)),
      });
    }
    if (verdict.result?.verdict !== 'BLOCK') return fail({ override: t.notBlocked(verdict.result?.text ?? verdict.text) });
    blockedText = verdict.result.text;
    // The record holds the row's amount as the checks read it, so that the re-check recognises it.
    const record: OverrideRecord = { c: key, a: readAmount ?? amount, by: email, at: now.toISOString(), r: why, t: blockedText };
    setDocumentProperties({ [overrideKey(no)]: JSON.stringify(record) });
    const withOverride = new Map(overrides);
    withOverride.set(overrideKey(no), record);
    writeRow = () => writeVerdicts(target.sheetName, grid, layout, plan(withOverride), settings.language);
  } else {
    const c = data.summary.customers[key];
    const result = c
      ? creditCheck({ ...c, exposure: c.exposureBeforeOrders + pendingFor(data, target, ordersValues(target, loaded), state, key) }, amount, settings)
      : unknownCustomerCheck(id, settings);
    if (result.verdict !== 'BLOCK') return fail({ override: t.notBlocked(result.text) });
    blockedText = result.text;
  }

  const logLanguage = settings.language;
  const log = openLog(AUDIT_LOG, logLanguage);
  appendRows(log, [[now, email, cellsText(logLanguage).auditAction, id, no, amount / 10 ** minorDigits(base), blockedText, why]]);
  if (writeRow) writeRow();
  return { ok: true };
}

