/**
 * Reading the Plans sheet (还款计划): one row per instalment of a repayment plan or per promise to
 * pay. Rows sharing a Plan ID make one arrangement. Pure and total: bad cells become Problems on
 * their sheet, row and column, with a plain sentence; nothing here throws.
 *
 * Columns, found by header like the credit file's (case, spaces, punctuation and a trailing unit
 * ignored; Chinese aliases): Plan ID, Customer ID, Type (Plan / Promise; 分期 / 承诺), Invoice Nos
 * (comma-separated; blank = every invoice of the customer open at the Start Date), Start Date (the
 * day it was agreed), Due Date, Amount, Note, and optionally Currency (blank: the customer's). A
 * Status column, if a person adds one, is ignored: states are computed, never typed.
 *
 * Decisions: Plan ID, Customer ID, Start Date, Due Date and Amount are required columns. On the
 * second and later rows of a plan, Customer ID, Type, Invoice Nos and Start Date may be left blank
 * and are taken from the plan's first row that has them; a later row that says something else is
 * reported and the first value is used (a different customer skips the row). Two instalments of one
 * plan on the same day are added together (reported).
 */
import * as z from 'zod/mini';
import type { Cell, Customer, Day, Invoice, Minor, Payment, Problem, Settings } from '../types';
import { buildLedger, type Ledger } from '../ledger';
import { isoOfDay, parseDay } from '../dates';
import { convert, formatMinor, minorDigits, parseCurrency, parseMoney } from '../money';
import { cellText, columnLetter, idKey, isBlankCell, parseId, parseText } from '../read/cells';
import { CUSTOMER_ID_ALIASES, nameLookup, nameSet } from '../read/headers';
import { lazy } from '../lazy';
import { isCellError, problemMessage, type CellError } from '../../i18n/problems';
import { planProblemMessage, type PlanProblemCode } from '../../i18n/plans';
import type { Language } from '../../i18n/language';

export type ArrangementType = 'plan' | 'promise';

export interface Instalment {
  /** 1-based sheet row (the first one when two rows were added together). */
  row: number;
  dueDate: Day;
  /** Base-currency minor units, > 0. */
  amount: Minor;
  note: string;
}

/** A repayment plan or a promise to pay: the rows of one Plan ID. */
export interface Arrangement {
  /** Plan ID as written on its first row (trimmed). */
  id: string;
  /** Matching key: trimmed, upper-cased. */
  key: string;
  customerKey: string;
  /** Customer ID as written in Customers. */
  customerId: string;
  type: ArrangementType;
  /** Keys of the invoices it names; null: every invoice of the customer open at the Start Date. */
  invoiceKeys: string[] | null;
  /** The day it was agreed: cash counts from this day. */
  start: Day;
  /** By due date, ascending; at least one. */
  instalments: Instalment[];
  /** Sheet rows of the arrangement. */
  rows: number[];
}

export interface PlansRead {
  arrangements: Arrangement[];
  problems: Problem[];
  /** The sheet read, or null when the file has none. */
  sheet: string | null;
}

export type PlanField = 'planId' | 'customerId' | 'type' | 'invoiceNos' | 'startDate' | 'dueDate' | 'amount' | 'currency' | 'note';

interface PlanFieldDef {
  field: PlanField;
  en: string;
  zh: string;
  aliases: readonly string[];
  required: boolean;
}

export const PLAN_FIELDS: readonly PlanFieldDef[] = [
  { field: 'planId', en: 'Plan ID', zh: '计划编号', aliases: ['计划ID', '计划号', '计划', 'Plan', 'Plan No', 'Plan Number', 'Arrangement ID', 'Promise ID', '承诺编号'], required: true },
  { field: 'customerId', en: 'Customer ID', zh: '客户编号', aliases: CUSTOMER_ID_ALIASES, required: true },
  { field: 'type', en: 'Type', zh: '类型', aliases: ['种类', 'Kind', 'Plan Type', '计划类型'], required: false },
  { field: 'invoiceNos', en: 'Invoice Nos', zh: '发票号', aliases: ['Invoice No', 'Invoice Nos.', 'Invoices', 'Invoice Numbers', 'Invoice', '发票', '发票编号', '发票号码', '涉及发票', '单号'], required: false },
  { field: 'startDate', en: 'Start Date', zh: '开始日期', aliases: ['Agreed On', 'Date Agreed', 'Agreed Date', 'Start', '约定日期', '达成日期', '签订日期', '开始'], required: true },
  { field: 'dueDate', en: 'Due Date', zh: '到期日', aliases: ['Due', 'Pay By', 'Promised Date', '还款日期', '还款日', '应还日期', '承诺日期', '到期日期'], required: true },
  { field: 'amount', en: 'Amount', zh: '金额', aliases: ['Instalment Amount', 'Installment Amount', 'Promised Amount', '还款金额', '应还金额', '承诺金额', '本期金额'], required: true },
  { field: 'currency', en: 'Currency', zh: '币种', aliases: ['货币', 'Ccy'], required: false },
  { field: 'note', en: 'Note', zh: '备注', aliases: ['Notes', 'Comment', 'Comments', '说明'], required: false },
];

export const PLANS_SHEET = {
  en: 'Plans',
  zh: '还款计划',
  aliases: ['Plan', 'Repayment Plans', 'Repayment Plan', 'Payment Plans', 'Payment Plan', 'Promises', 'Payment Promises', 'Plans and Promises', '还款计划表', '分期', '分期还款', '付款承诺', '承诺', '还款承诺'],
} as const;

/** True when a sheet's name stands for the Plans sheet (either language, any case or spacing). */
export const isPlansSheetName: (name: unknown) => boolean = nameSet(() => [PLANS_SHEET.en, PLANS_SHEET.zh, ...PLANS_SHEET.aliases]);

const fieldOfPlanHeader = nameLookup(() => PLAN_FIELDS.map((f) => [f.field, [f.en, f.zh, ...f.aliases]] as const));

/** The field a Plans header names, or null. */
export function planFieldOfHeader(header: unknown): PlanField | null {
  return fieldOfPlanHeader(header) ?? null;
}

const typeOfWord = nameLookup<ArrangementType>(() => [
  ['plan', ['plan', 'plans', 'instalment', 'instalments', 'installment', 'installments', 'instalment plan', 'installment plan', 'repayment plan', 'payment plan', '分期', '分期还款', '分期付款', '还款计划', '计划']],
  ['promise', ['promise', 'promises', 'promise to pay', 'ptp', 'promised', '承诺', '付款承诺', '承诺付款', '还款承诺']],
]);

/** Reads a Type cell: 'plan', 'promise', null for blank, or 'bad' for anything else. */
export function parsePlanType(cell: unknown): ArrangementType | null | 'bad' {
  if (isBlankCell(cell)) return null;
  if (typeof cell !== 'string') return 'bad';
  return typeOfWord(cell) ?? 'bad';
}

/** Splits an Invoice Nos cell on , ; 、 ， ； and line breaks; numbers become their text. */
export function splitInvoiceNos(cell: unknown): string[] {
  if (typeof cell === 'number' && Number.isFinite(cell)) return [String(cell)];
  if (typeof cell !== 'string') return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of cell.split(/[,;、，；\n\r]+/)) {
    const p = piece.trim();
    if (!p || seen.has(idKey(p))) continue;
    seen.add(idKey(p));
    out.push(p);
  }
  return out;
}

// The row's values after per-cell coercion, checked by one safeParse (zod/mini, as the credit
// file's readers): the checks' errors are the plan problem codes.
// Built on first use.
export const planRowSchema = lazy(() => z.object({
  planId: z.string({ error: 'plans.blank' }).check(z.minLength(1, { error: 'plans.blank' })),
  dueDate: z.number().check(z.refine(Number.isInteger, { error: 'plans.blank' })),
  amount: z.number({ error: 'plans.amount' }).check(z.refine(Number.isInteger, { error: 'plans.amount' }), z.gt(0, { error: 'plans.amount' })),
}));

export interface PlansContext {
  timeZone: string;
  language: Language;
  settings: Pick<Settings, 'baseCurrency' | 'fxRates'>;
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  /**
   * The file's payments: with them, a plan for more than its invoices had open on its Start Date
   * (or, naming none, than the customer owed) is reported. Absent: not checked.
   */
  payments?: readonly Payment[];
}

interface RawRow {
  row: number;
  cells: Cell[];
  planId: string;
  customerId: string | null;
  type: ArrangementType | null;
  invoiceNos: string[];
  invoiceText: string;
  startDate: Day | null;
  dueDate: Day;
  currency: string | null;
  note: string;
}

/** Reads the Plans sheet. `sheet` undefined: the file keeps no plans (no problem). Never throws. */
export function readPlans(sheet: { name: string; values: Cell[][] } | undefined | null, ctx: PlansContext): PlansRead {
  const problems: Problem[] = [];
  if (!sheet) return { arrangements: [], problems, sheet: null };
  try {
    return { arrangements: readRows(sheet, ctx, problems), problems, sheet: sheet.name };
  } catch (e) {
    problems.push({
      sheet: sheet.name, row: 0, column: '', header: '', value: '',
      message: planProblemMessage('plans.internal', ctx.language, { value: (e instanceof Error ? e.message : String(e)).slice(0, 200) }),
    });
    return { arrangements: [], problems, sheet: sheet.name };
  }
}

/**
 * Picks the Plans sheet among the sheets read: the first whose name is a Plans alias; any other is
 * reported. Returns the sheet (or undefined) and the problems.
 */
export function choosePlansSheet<S extends { name: string }>(sheets: readonly S[], language: Language): { sheet: S | undefined; problems: Problem[] } {
  const found = sheets.filter((s) => isPlansSheetName(s.name));
  const problems = found.slice(1).map((s) => ({
    sheet: s.name, row: 0, column: '', header: '', value: s.name,
    message: planProblemMessage('plans.duplicateSheet', language, { value: s.name, first: found[0].name }),
  }));
  return { sheet: found[0], problems };
}

function readRows(sheet: { name: string; values: Cell[][] }, ctx: PlansContext, problems: Problem[]): Arrangement[] {
  const language = ctx.language;
  const values: Cell[][] = Array.isArray(sheet.values) ? sheet.values : [];
  let h = -1;
  for (let r = 0; r < values.length; r++) {
    if (Array.isArray(values[r]) && values[r].some((c) => !isBlankCell(c))) { h = r; break; }
  }
  const sheetProblem = (row: number, code: PlanProblemCode, params: Record<string, string | number> = {}): void => {
    problems.push({ sheet: sheet.name, row, column: '', header: '', value: String(params.value ?? '').slice(0, 200), message: planProblemMessage(code, language, params) });
  };
  if (h < 0) {
    if (values.length > 0) sheetProblem(1, 'plans.noHeader');
    return [];
  }
  const header = values[h];
  const col: Partial<Record<PlanField, number>> = {};
  const headerText = (i: number): string => cellText(header[i], ctx.timeZone).trim();
  for (let i = 0; i < header.length; i++) {
    const f = planFieldOfHeader(header[i]);
    if (f === null) continue;
    if (col[f] === undefined) col[f] = i;
    else
      problems.push({
        sheet: sheet.name, row: h + 1, column: columnLetter(i), header: headerText(i), value: columnLetter(i),
        message: planProblemMessage('plans.duplicateColumn', language, { header: headerText(i), value: columnLetter(i), first: columnLetter(col[f]!) }),
      });
  }
  let readable = true;
  for (const f of PLAN_FIELDS) {
    if (f.required && col[f.field] === undefined) {
      readable = false;
      sheetProblem(h + 1, 'plans.missingColumn', { column: f.en, columnZh: f.zh });
    }
  }
  if (!readable) return [];

  const cellOf = (cells: Cell[], f: PlanField): Cell => {
    const i = col[f];
    if (i === undefined) return '';
    const v = cells[i];
    return v === undefined || v === null ? '' : v;
  };
  const report = (row: number, cells: Cell[], f: PlanField, message: string, value?: string): void => {
    const i = col[f];
    problems.push({
      sheet: sheet.name, row, column: i === undefined ? '' : columnLetter(i), header: i === undefined ? '' : headerText(i),
      value: (value ?? (i === undefined ? '' : cellText(cells[i], ctx.timeZone))).slice(0, 200), message,
    });
  };
  const reportCode = (row: number, cells: Cell[], f: PlanField, code: PlanProblemCode, params: Record<string, string | number> = {}): void => {
    const i = col[f];
    const value = i === undefined ? '' : cellText(cells[i], ctx.timeZone);
    report(row, cells, f, planProblemMessage(code, language, { header: i === undefined ? f : headerText(i), value, ...params }), params.value === undefined ? undefined : String(params.value));
  };
  const take = <V>(row: number, cells: Cell[], f: PlanField, v: V | null | CellError, required: boolean): V | null | 'bad' => {
    if (isCellError(v)) {
      const i = col[f];
      let message = problemMessage(v.problem, language, { header: i === undefined ? f : headerText(i), value: cellText(cellOf(cells, f), ctx.timeZone), ...(v.params ?? {}) });
      if (required) message += (language === 'zh' ? '' : ' ') + problemMessage('row.skipped', language);
      report(row, cells, f, message);
      return 'bad';
    }
    return v;
  };

  // Pass 1: each row's own cells (a currency sign such as ¥ is read in the customer's currency).
  const currencyOfCustomer = new Map(ctx.customers.map((c) => [c.key, c.currency] as const));
  const raws: RawRow[] = [];
  for (let r = h + 1; r < values.length; r++) {
    const cells = values[r];
    if (!Array.isArray(cells) || cells.every((c) => isBlankCell(c))) continue;
    const row = r + 1;
    const planId = take(row, cells, 'planId', parseId(cellOf(cells, 'planId')), true);
    const customerId = take(row, cells, 'customerId', parseId(cellOf(cells, 'customerId')), true);
    const startDate = take(row, cells, 'startDate', parseDay(cellOf(cells, 'startDate'), ctx.timeZone), true);
    const dueDate = take(row, cells, 'dueDate', parseDay(cellOf(cells, 'dueDate'), ctx.timeZone), true);
    const customerCurrency = typeof customerId === 'string' ? currencyOfCustomer.get(idKey(customerId)) : undefined;
    const currency = take(row, cells, 'currency', parseCurrency(cellOf(cells, 'currency'), { customer: customerCurrency, base: ctx.settings.baseCurrency }), true);
    const note = take(row, cells, 'note', parseText(cellOf(cells, 'note')), false);
    let type = parsePlanType(cellOf(cells, 'type'));
    if (type === 'bad') {
      reportCode(row, cells, 'type', 'plans.type');
      type = 'plan';
    }
    if (planId === 'bad' || customerId === 'bad' || startDate === 'bad' || dueDate === 'bad' || currency === 'bad') continue;
    // Blank required cells: one problem per blank cell, through the row schema.
    const parsed = planRowSchema().safeParse({ planId, dueDate, amount: 1 });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as PlanField;
        reportCode(row, cells, f, 'plans.blank');
      }
      continue;
    }
    const invoiceCell = cellOf(cells, 'invoiceNos');
    raws.push({
      row, cells, planId: planId as string, customerId: customerId as string | null, type, startDate: startDate as Day | null,
      dueDate: dueDate as Day, currency: currency as string | null, note: note === 'bad' || note === null ? '' : note,
      invoiceNos: splitInvoiceNos(invoiceCell), invoiceText: cellText(invoiceCell, ctx.timeZone).trim(),
    });
  }

  // Pass 2: group by Plan ID, in order of first appearance.
  const groups = new Map<string, RawRow[]>();
  for (const r of raws) {
    const k = idKey(r.planId);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const customers = new Map<string, Customer>();
  for (const c of ctx.customers) if (!customers.has(c.key)) customers.set(c.key, c);
  const invoices = new Map<string, Invoice>();
  for (const i of ctx.invoices) if (!invoices.has(i.key)) invoices.set(i.key, i);

  const out: Arrangement[] = [];
  /** Per arrangement of `out`: its first row read. */
  const firstRows: RawRow[] = [];
  for (const [key, rows] of groups) {
    const first = rows[0];
    const planId = first.planId.trim();
    // Plan-level fields: from the first row that has them; differing later rows reported.
    const pick = <V>(f: PlanField, get: (r: RawRow) => V | null, text: (v: V) => string, same: (a: V, b: V) => boolean): { value: V | null; from: RawRow | null } => {
      let value: V | null = null;
      let from: RawRow | null = null;
      for (const r of rows) {
        const v = get(r);
        if (v === null) continue;
        if (value === null) { value = v; from = r; continue; }
        if (!same(value, v) && f !== 'customerId')
          reportCode(r.row, r.cells, f, 'plans.fieldDiffers', { plan: planId, first: text(value), row: from!.row });
      }
      return { value, from };
    };
    const cust = pick('customerId', (r) => r.customerId, (v) => v, (a, b) => idKey(a) === idKey(b));
    if (cust.value === null) {
      reportCode(first.row, first.cells, 'customerId', 'plans.blank');
      continue;
    }
    const customer = customers.get(idKey(cust.value));
    if (!customer) {
      reportCode(cust.from!.row, cust.from!.cells, 'customerId', 'plans.customerUnknown', { value: cust.value });
      continue;
    }
    const type = pick('type', (r) => r.type, (v) => v, (a, b) => a === b).value ?? 'plan';
    const start = pick('startDate', (r) => r.startDate, (v) => isoOfDay(v), (a, b) => a === b);
    if (start.value === null) {
      reportCode(first.row, first.cells, 'startDate', 'plans.blank');
      continue;
    }
    const inv = pick('invoiceNos', (r) => (r.invoiceNos.length ? r.invoiceNos : null), (v) => v.join(', '),
      (a, b) => a.length === b.length && a.every((x, i) => idKey(x) === idKey(b[i])));
    let invoiceKeys: string[] | null = null;
    if (inv.value !== null) {
      invoiceKeys = [];
      for (const no of inv.value) {
        const found = invoices.get(idKey(no));
        if (!found || found.status === 'void') reportCode(inv.from!.row, inv.from!.cells, 'invoiceNos', 'plans.invoiceUnknown', { value: no });
        else if (found.customerKey !== customer.key) reportCode(inv.from!.row, inv.from!.cells, 'invoiceNos', 'plans.invoiceOtherCustomer', { value: no });
        else invoiceKeys.push(found.key);
      }
    }

    const byDue = new Map<Day, Instalment>();
    const usedRows: number[] = [];
    // Per currency of the plan's rows: the amounts so far in that currency and their base value,
    // converted together, so that the instalments add up to the plan's total converted once.
    const converted = new Map<string, { amount: Minor; base: Minor }>();
    for (const r of rows) {
      if (r.customerId !== null && idKey(r.customerId) !== customer.key) {
        reportCode(r.row, r.cells, 'customerId', 'plans.customerDiffers', { plan: planId, first: customer.id, row: cust.from!.row, value: r.customerId });
        continue;
      }
      const currency = r.currency ?? customer.currency ?? ctx.settings.baseCurrency;
      const money = take(r.row, r.cells, 'amount', parseMoney(cellOf(r.cells, 'amount'), minorDigits(currency), currency), true);
      if (money === 'bad') continue;
      const parsed = planRowSchema().safeParse({ planId, dueDate: r.dueDate, amount: money ?? Number.NaN });
      if (!parsed.success) {
        reportCode(r.row, r.cells, 'amount', money === null ? 'plans.blank' : 'plans.amount');
        continue;
      }
      let amount: Minor = money as Minor;
      if (currency !== ctx.settings.baseCurrency) {
        const rate = ctx.settings.fxRates[currency];
        const so = converted.get(currency) ?? { amount: 0, base: 0 };
        const sum = so.amount + amount;
        const base = rate === undefined ? Number.NaN : convert(sum, currency, rate, minorDigits(ctx.settings.baseCurrency));
        const v = base - so.base;
        if (!(v > 0)) {
          reportCode(r.row, r.cells, col.currency !== undefined ? 'currency' : 'amount', 'plans.fx', { currency });
          continue;
        }
        converted.set(currency, { amount: sum, base });
        amount = v;
      }
      if (r.dueDate < start.value) reportCode(r.row, r.cells, 'dueDate', 'plans.dueBeforeStart', { value: isoOfDay(r.dueDate), start: isoOfDay(start.value) });
      usedRows.push(r.row);
      const same = byDue.get(r.dueDate);
      if (same) {
        reportCode(r.row, r.cells, 'dueDate', 'plans.sameDueDate', { plan: planId, value: isoOfDay(r.dueDate) });
        same.amount += amount;
        if (r.note) same.note = same.note ? `${same.note}; ${r.note}` : r.note;
      } else {
        byDue.set(r.dueDate, { row: r.row, dueDate: r.dueDate, amount, note: r.note });
      }
    }
    if (byDue.size === 0) continue;
    firstRows.push(rows.find((r) => r.row === usedRows[0]) ?? first);
    out.push({
      id: planId,
      key,
      customerKey: customer.key,
      customerId: customer.id,
      type,
      invoiceKeys,
      start: start.value,
      instalments: [...byDue.values()].sort((a, b) => a.dueDate - b.dueDate),
      rows: usedRows,
    });
  }
  if (ctx.payments !== undefined && out.length > 0) {
    const over = overOwed(out, ctx, invoices);
    for (let k = 0; k < out.length; k++) {
      const o = over[k];
      if (o === null) continue;
      const a = out[k];
      const money = (m: Minor): string => formatMinor(m, ctx.settings.baseCurrency, language === 'zh' ? 'zh-CN' : 'en-US');
      reportCode(firstRows[k].row, firstRows[k].cells, 'amount', a.invoiceKeys === null || a.invoiceKeys.length === 0 ? 'plans.overBalance' : 'plans.overOwed',
        { plan: a.id, total: money(o.total), open: money(o.open), start: isoOfDay(a.start) });
    }
  }
  return out;
}

/**
 * Per arrangement: its total and what it could be for, when the total is more: the open amount of
 * the invoices it names on its Start Date (an invoice dated after that day: its amount), or, naming
 * none, the customer's open balance that day (open invoices − unapplied credit). Null otherwise.
 * The records are grouped once by customer, and each (customer, Start Date) gets a ledger of that
 * customer's records only: linear in the file plus the plan customers' records per Start Date (a
 * ledger of the whole file per Start Date took 90 s for 300 plans at 50,000 invoices).
 */
function overOwed(arrangements: readonly Arrangement[], ctx: PlansContext, byKey: ReadonlyMap<string, Invoice>): ({ total: Minor; open: Minor } | null)[] {
  const planCustomers = new Set(arrangements.map((a) => a.customerKey));
  const records = new Map<string, { invoices: Invoice[]; payments: Payment[] }>();
  const recordsOf = (key: string) => {
    let r = records.get(key);
    if (r === undefined) records.set(key, (r = { invoices: [], payments: [] }));
    return r;
  };
  for (const inv of ctx.invoices) if (planCustomers.has(inv.customerKey)) recordsOf(inv.customerKey).invoices.push(inv);
  for (const p of ctx.payments ?? []) if (planCustomers.has(p.customerKey)) recordsOf(p.customerKey).payments.push(p);
  const ledgers = new Map<string, Ledger>();
  const ledgerOf = (customerKey: string, asOf: Day): Ledger => {
    const k = `${asOf}|${customerKey}`;
    let l = ledgers.get(k);
    if (l === undefined) ledgers.set(k, (l = buildLedger(recordsOf(customerKey), asOf, { openOnly: true })));
    return l;
  };
  return arrangements.map((a) => {
    let total = 0;
    for (const x of a.instalments) total += x.amount;
    const cl = ledgerOf(a.customerKey, a.start).customers.get(a.customerKey);
    let open = 0;
    if (a.invoiceKeys === null || a.invoiceKeys.length === 0) {
      open = cl ? cl.openTotal - cl.unappliedCredit : 0;
    } else {
      const openOf = new Map<string, Minor>();
      for (const li of cl?.invoices ?? []) openOf.set(li.invoice.key, li.open);
      for (const k of a.invoiceKeys) open += openOf.get(k) ?? Math.max(0, byKey.get(k)?.amount ?? 0);
    }
    return total > open ? { total, open } : null;
  });
}
