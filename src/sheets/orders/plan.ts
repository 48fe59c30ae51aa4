/**
 * The on-edit credit check of order rows (and, in files without an Orders sheet, of invoice rows):
 * which rows get which verdict, note and colour. Pure: the sheet's values and the summary in,
 * verdicts out; src/sheets/orders/write.ts writes them.
 *
 * Orders: exposure = the summary's exposure before orders + the Pending and Approved orders read
 * now, less the order being checked; the order's amount is the new credit. Only Pending (blank
 * status) and Approved rows are checked; Blocked, Invoiced and Cancelled rows are left as they are.
 *
 * Invoices (no Orders sheet): the picture is computed without the invoice rows being checked;
 * exposure = that exposure + the other checked invoices of the customer; the invoice's amount is
 * the new credit. Paid, void and credit-note rows are left as they are.
 */
import { creditCheck, unknownCustomerCheck, type CheckSubject, type CreditCheckResult } from '../../core/check';
import { isoOfDay } from '../../core/dates';
import { countsForExposure } from '../../core/exposure';
import { formatMoney } from '../../core/format';
import { computePicture } from '../../core/picture';
import { columnIndex, defaultSettings, fieldOfHeader, idKey, parseOrderStatus, parseInvoiceStatus, parseText, readOrders, repeatsHeader } from '../../core/read';
import { isBlankCell } from '../../core/read/cells';
import { headerRowIndex, usedWidth } from '../../core/read/table';
import type { Cell, CreditFile, Customer, Day, Grid, Minor, Order, Problem, Settings } from '../../core/types';
import { cellsText } from '../../i18n/cells';
import type { Language } from '../../i18n/language';
import type { CachedSummary } from '../cache/serialise';

export type RowColor = 'ok' | 'warn' | 'block' | 'override' | null;

export interface RowVerdict {
  /** 1-based sheet row. */
  row: number;
  /** write: set text, note and colour; clear: empty them; keep: leave the row alone. */
  action: 'write' | 'clear' | 'keep';
  text: string;
  note: string;
  color: RowColor;
  /** The check behind it (write rows with a customer). */
  result?: CreditCheckResult;
}

export interface TableLayout {
  /** 1-based header row. */
  headerRow: number;
  /** 0-based columns of the known fields (Credit Check included when present). */
  known: number[];
  /** 0-based Credit Check column; -1 when the sheet has none yet. */
  creditCheck: number;
  /** 0-based columns of the fields the check reads. */
  customerId: number;
  amount: number;
  status: number;
  no: number;
  /**
   * 0-based column after the last cell with content in any row, header or data (a new Credit
   * Check column goes here).
   */
  width: number;
}

/** An override recorded in the document properties, by order number. */
export interface OverrideRecord {
  /** Customer key and amount (minor) it was given for. */
  c: string;
  a: Minor;
  by: string;
  /** ISO date-time. */
  at: string;
  r: string;
  /** The BLOCK text it overrode. */
  t: string;
}

export const OVERRIDE_PREFIX = 'creditDesk.override.';

export function overrideKey(orderNo: string): string {
  return OVERRIDE_PREFIX + idKey(orderNo);
}

/**
 * Overrides from the document properties, by {@link overrideKey}. A record stored before IDs were
 * folded (property `creditDesk.override.ＯＲＤ－１`, customer `ＫＨ００１`) reads with its order number
 * and customer key folded by idKey, as they are built today (`ORD-1`, `KH001`), so it still
 * matches its order; a record stored under the folded key wins over an older one for the same order.
 */
export function overridesFrom(props: Record<string, string>): Map<string, OverrideRecord> {
  const out = new Map<string, OverrideRecord>();
  for (const [k, v] of Object.entries(props)) {
    if (!k.startsWith(OVERRIDE_PREFIX)) continue;
    const key = overrideKey(k.slice(OVERRIDE_PREFIX.length));
    if (key !== k && out.has(key)) continue;
    try {
      const o = JSON.parse(v) as OverrideRecord;
      if (o && typeof o.c === 'string' && typeof o.a === 'number' && typeof o.by === 'string') out.set(key, { ...o, c: idKey(o.c) });
    } catch {
      // a damaged record is ignored: the row is checked as usual
    }
  }
  return out;
}

const CREDIT_CHECK_HEADERS = new Set(['creditcheck', '信用检查', '信用审核', 'creditstatus']);

function isCreditCheckHeader(cell: Cell): boolean {
  return fieldOfHeader('orders', cell) === 'creditCheck' || CREDIT_CHECK_HEADERS.has(String(cell).replace(/\s+/g, '').toLowerCase());
}

/** The layout of an Orders or Invoices sheet; null when it has no header row or no Customer ID/Amount columns. */
export function tableLayout(table: 'orders' | 'invoices', values: Grid): TableLayout | null {
  const h = headerRowIndex(values);
  if (h < 0) return null;
  const header = values[h];
  const cols = columnIndex(table, header) as Record<string, number | undefined>;
  let creditCheck = table === 'orders' ? cols.creditCheck ?? -1 : header.findIndex(isCreditCheckHeader);
  if (creditCheck === undefined) creditCheck = -1;
  if (cols.customerId === undefined || cols.amount === undefined) return null;
  const known = new Set<number>(Object.values(cols).filter((c): c is number => c !== undefined));
  if (creditCheck >= 0) known.add(creditCheck);
  // After the last cell with content in any row, header or data: a column under a blank header
  // may hold the user's notes, which a new Credit Check column must not overwrite.
  const width = usedWidth(values);
  return {
    headerRow: h + 1,
    known: [...known].sort((a, b) => a - b),
    creditCheck,
    customerId: cols.customerId,
    amount: cols.amount,
    status: cols.status ?? -1,
    no: cols.no ?? -1,
    width,
  };
}

export interface NoteContext {
  language: Language;
  approvers: readonly string[];
  today: Day;
  timeZone: string;
}

/** The note that says what to do. */
export function noteFor(result: CreditCheckResult, ctx: NoteContext): string {
  const t = cellsText(ctx.language);
  const date = isoOfDay(ctx.today);
  const reasons = result.text.replace(/^(WARN|BLOCK):\s*/, '');
  if (result.verdict === 'OK') return t.noteOk(date);
  if (result.verdict === 'WARN') return t.noteWarn(reasons, date);
  return t.noteBlock(reasons, ctx.approvers.join(', '), date);
}

function overrideVerdict(row: number, o: OverrideRecord, result: CreditCheckResult, ctx: NoteContext): RowVerdict {
  const t = cellsText(ctx.language);
  return { row, action: 'write', text: t.overrideCell(o.by), note: t.noteOverride(o.by, o.at.slice(0, 16).replace('T', ' '), o.r, o.t || result.text), color: 'override', result };
}

function verdictRow(row: number, result: CreditCheckResult, ctx: NoteContext): RowVerdict {
  const color: RowColor = result.verdict === 'OK' ? 'ok' : result.verdict === 'WARN' ? 'warn' : 'block';
  return { row, action: 'write', text: result.text, note: noteFor(result, ctx), color, result };
}

function unreadable(row: number, problems: Problem[], ctx: NoteContext): RowVerdict {
  const text = problems.filter((p) => p.row === row).map((p) => p.message).join(' ');
  return { row, action: 'write', text: '', note: cellsText(ctx.language).noteUnreadable(text || '—'), color: null };
}

/** Settings for reading orders and checking, from the summary. */
export function settingsOf(data: CachedSummary): Settings {
  const s = defaultSettings();
  const x = data.summary.settings;
  s.baseCurrency = x.baseCurrency;
  s.holdThresholdDays = x.holdThresholdDays;
  s.warnRatio = x.warnRatio;
  s.language = x.language;
  s.agingEdges = x.agingEdges.slice();
  s.approvers = x.approvers.slice();
  s.fxRates = { ...data.fxRates };
  return s;
}

/** Customer records good enough for readOrders (key, ID, currency), from the summary. */
export function customersOf(data: CachedSummary): Map<string, Customer> {
  const out = new Map<string, Customer>();
  for (const [key, c] of Object.entries(data.summary.customers)) {
    out.set(key, {
      id: c.id, key, row: 0, name: c.name, emails: [], cc: [], owner: '', termsDays: null, creditLimit: c.customer.creditLimit,
      currency: data.currencies[key] ?? data.summary.settings.baseCurrency, onHold: c.customer.onHold, remindersPausedUntil: null,
      externalRating: null, customerSince: null, language: null,
    });
  }
  return out;
}

/** Reads the Orders sheet against the summary's customers: the orders and the rows' problems. */
export function readOrdersWith(data: CachedSummary, sheet: { name: string; values: Grid }, timeZone: string): { orders: Order[]; problems: Problem[] } {
  const settings = settingsOf(data);
  return readOrders(sheet, { timeZone, language: settings.language, settings }, customersOf(data));
}

function rowBlank(values: Grid, row: number, layout: TableLayout): boolean {
  const cells = values[row - 1];
  if (!cells) return true;
  return layout.known.every((c) => c === layout.creditCheck || isBlankCell(cells[c]));
}

/** The header row pasted again among the data (the reader does not read it): nothing is written in it. */
function repeatedHeader(values: Grid, row: number, layout: TableLayout): boolean {
  const columns = [layout.no, layout.customerId, layout.amount].filter((c) => c >= 0);
  return repeatsHeader(values[row - 1] ?? [], values[layout.headerRow - 1] ?? [], columns);
}

function textAt(values: Grid, row: number, col: number): string | null {
  if (col < 0) return null;
  const v = parseText(values[row - 1]?.[col]);
  return typeof v === 'string' ? v : null;
}

export interface OrderPlanInput {
  sheetName: string;
  values: Grid;
  layout: TableLayout;
  /** 1-based rows to check, clipped to the data rows. */
  firstRow: number;
  lastRow: number;
  data: CachedSummary;
  asOf: Day;
  timeZone: string;
  overrides: Map<string, OverrideRecord>;
}

/** Verdicts for order rows. */
export function planOrderChecks(input: OrderPlanInput): RowVerdict[] {
  const { values, layout, data, asOf } = input;
  const settings = settingsOf(data);
  const ctx: NoteContext = { language: settings.language, approvers: settings.approvers, today: asOf, timeZone: input.timeZone };
  const { orders, problems } = readOrdersWith(data, { name: input.sheetName, values }, input.timeZone);
  const pending = new Map<string, Minor>();
  const byRow = new Map<number, Order>();
  for (const o of orders) {
    byRow.set(o.row, o);
    if (countsForExposure(o, asOf)) pending.set(o.customerKey, (pending.get(o.customerKey) ?? 0) + o.amount);
  }
  const out: RowVerdict[] = [];
  for (let row = Math.max(input.firstRow, layout.headerRow + 1); row <= input.lastRow; row++) {
    if (rowBlank(values, row, layout)) {
      out.push({ row, action: 'clear', text: '', note: '', color: null });
      continue;
    }
    if (repeatedHeader(values, row, layout)) {
      out.push({ row, action: 'keep', text: '', note: '', color: null });
      continue;
    }
    const order = byRow.get(row);
    const statusCell = layout.status >= 0 ? values[row - 1]?.[layout.status] : '';
    const status = order ? order.status : parseOrderStatus(statusCell);
    if (status === 'blocked' || status === 'invoiced' || status === 'cancelled') {
      out.push({ row, action: 'keep', text: '', note: '', color: null });
      continue;
    }
    if (!order) {
      const id = textAt(values, row, layout.customerId);
      if (id !== null && !data.summary.customers[idKey(id)]) {
        out.push(verdictRow(row, unknownCustomerCheck(id, settings), ctx));
      } else out.push(unreadable(row, problems, ctx));
      continue;
    }
    const c = data.summary.customers[order.customerKey];
    const subject: CheckSubject = {
      ...c,
      exposure: c.exposureBeforeOrders + (pending.get(order.customerKey) ?? 0) - (countsForExposure(order, asOf) ? order.amount : 0),
    };
    const result = creditCheck(subject, order.amount, settings);
    const o = input.overrides.get(overrideKey(order.no));
    if (result.verdict === 'BLOCK' && o && o.c === order.customerKey && o.a === order.amount) out.push(overrideVerdict(row, o, result, ctx));
    else out.push(verdictRow(row, result, ctx));
  }
  return out;
}

export interface InvoicePlanInput {
  sheetName: string;
  values: Grid;
  layout: TableLayout;
  firstRow: number;
  lastRow: number;
  file: CreditFile;
  asOf: Day;
  timeZone: string;
  overrides: Map<string, OverrideRecord>;
}

/** Verdicts for invoice rows (files without an Orders sheet). */
export function planInvoiceChecks(input: InvoicePlanInput): RowVerdict[] {
  const { values, layout, file, asOf } = input;
  const settings = file.settings;
  const ctx: NoteContext = { language: settings.language, approvers: settings.approvers, today: asOf, timeZone: input.timeZone };
  const first = Math.max(input.firstRow, layout.headerRow + 1);
  const inRange = (row: number) => row >= first && row <= input.lastRow;
  const edited = file.invoices.filter((i) => inRange(i.row));
  // The picture of the whole file, as CREDITCHECK and the reports see it: an invoice row is new
  // credit already in its customer's exposure, so it is checked as that exposure without it plus
  // what the ledger leaves open on it (its own columns and the payments allocated to it). Past-due
  // holds count every invoice, itself included. (Taking the edited rows out of the picture, as
  // before, moved payments that name them onto older invoices: an invoice 112 days past due then
  // looked paid, and the row said OK where CREDITCHECK said BLOCK.)
  const picture = computePicture(file, asOf, { kpis: false });
  const editedSet = new Set(edited);
  const ledgerOpen = new Map<(typeof edited)[number], Minor>();
  if (editedSet.size > 0) {
    for (const cp of picture.customers.values()) {
      for (const v of cp.invoices) if (editedSet.has(v.invoice)) ledgerOpen.set(v.invoice, v.open);
    }
  }
  const openOf = (i: (typeof edited)[number]): Minor => ledgerOpen.get(i) ?? 0;
  const counts = (i: (typeof edited)[number]) => openOf(i) > 0;
  const byRow = new Map(edited.map((i) => [i.row, i]));
  const out: RowVerdict[] = [];
  for (let row = first; row <= input.lastRow; row++) {
    if (rowBlank(values, row, layout)) {
      out.push({ row, action: 'clear', text: '', note: '', color: null });
      continue;
    }
    if (repeatedHeader(values, row, layout)) {
      out.push({ row, action: 'keep', text: '', note: '', color: null });
      continue;
    }
    const inv = byRow.get(row);
    if (!inv) {
      const statusCell = layout.status >= 0 ? values[row - 1]?.[layout.status] : '';
      const status = parseInvoiceStatus(statusCell);
      if (status === 'paid' || status === 'void') {
        out.push({ row, action: 'keep', text: '', note: '', color: null });
        continue;
      }
      const id = textAt(values, row, layout.customerId);
      if (id !== null && !picture.customers.has(idKey(id))) out.push(verdictRow(row, unknownCustomerCheck(id, settings), ctx));
      else out.push(unreadable(row, file.problems, ctx));
      continue;
    }
    if (!counts(inv)) {
      out.push({ row, action: 'keep', text: '', note: '', color: null });
      continue;
    }
    const cp = picture.customers.get(inv.customerKey);
    if (!cp) {
      out.push(verdictRow(row, unknownCustomerCheck(inv.customerKey, settings), ctx));
      continue;
    }
    const open = openOf(inv);
    const subject: CheckSubject = { ...cp, exposure: cp.exposure - open };
    const result = creditCheck(subject, open, settings);
    const o = input.overrides.get(overrideKey(inv.no));
    if (result.verdict === 'BLOCK' && o && o.c === inv.customerKey && o.a === inv.amount) out.push(overrideVerdict(row, o, result, ctx));
    else out.push(verdictRow(row, result, ctx));
  }
  return out;
}

/** Money for a message: `1,234.56 CNY`. */
export function moneyText(minor: Minor, currency: string): string {
  return formatMoney(minor, currency);
}

