/**
 * The Plan Status report (还款计划状态): one row per instalment with its computed state, and the
 * sidebar's view of one customer's plans. The user's Plans sheet is never written: states live
 * only here.
 */
import { dateOfDay, isoOfDay } from '../../core/dates';
import type { CreditPicture } from '../../core/picture';
import { idKey } from '../../core/read';
import type { ArrangementStatus, ArrangementView, InstalmentState } from '../../core/plans';
import type { Cell } from '../../core/types';
import { ALL_OPEN_INVOICES, PLAN_STATUS_NAMES, PLAN_STATUS_TEXT, STATE_WORDS, TYPE_WORDS } from '../../i18n/plans';
import { PROGRESS, TOAST_TITLE } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { toast } from '../../platform/spreadsheet';
import { DATE_FORMAT, major, moneyFormat, type ReportLayout } from '../reports/layout';
import { writeReport } from '../reports/write';
import { loadPictureWithPlans } from './load';
import { toastReading } from '../reports/progress';

export const PLAN_STATUS_HEADER_ROW = 3;

/** Every arrangement of the picture, in Customers-sheet order, then Plans-sheet order. */
export function allArrangements(picture: CreditPicture): ArrangementView[] {
  const out: ArrangementView[] = [];
  for (const k of picture.order) out.push(...(picture.customers.get(k)?.arrangements ?? []));
  return out;
}

function invoicesText(v: ArrangementView, language: Language): string {
  const nos = v.covered.map((c) => c.no).join(', ');
  return v.arrangement.invoiceKeys === null ? `${ALL_OPEN_INVOICES[language]}${nos ? `: ${nos}` : ''}` : nos;
}

/** The report as data (pure). */
export function planStatusLayout(picture: CreditPicture, language: Language, timeZone: string): ReportLayout {
  const t = PLAN_STATUS_TEXT[language];
  const words = STATE_WORDS[language];
  const currency = picture.settings.baseCurrency;
  const rows: Cell[][] = [];
  for (const v of allArrangements(picture)) {
    const a = v.arrangement;
    const name = picture.customers.get(a.customerKey)?.customer.name ?? '';
    for (const x of v.instalments) {
      rows.push([
        a.id, a.customerId, name, TYPE_WORDS[language][a.type], invoicesText(v, language),
        dateOfDay(a.start, timeZone), dateOfDay(x.dueDate, timeZone),
        major(x.amount, currency), major(x.cumulative, currency), major(v.received, currency),
        words[x.state], words[v.status], x.note, x.row,
      ]);
    }
  }
  const header = t.header;
  const H = PLAN_STATUS_HEADER_ROW;
  const n = Math.max(1, rows.length);
  const body: (Cell | null)[][] = rows.length ? rows : [[t.none, ...header.slice(1).map(() => '')]];
  return {
    blocks: [
      { row: 1, col: 1, values: [[t.asOf, dateOfDay(picture.asOf, timeZone), t.baseCurrency, currency]] },
      { row: H, col: 1, values: [header, ...body] },
    ],
    formulas: [],
    formats: [
      { block: { row: 1, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 6, numRows: n, numCols: 2 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 8, numRows: n, numCols: 3 }, format: moneyFormat(currency) },
    ],
    bold: [{ row: H, col: 1, numRows: 1, numCols: header.length }],
    frozenRows: H,
    chart: null,
    rows: H + n,
    cols: header.length,
  };
}

export interface PlanStatusResult {
  sheet: string;
  language: Language;
  /** Instalment rows written. */
  rows: number;
  plans: number;
  message: string;
}

/** Menu: rewrites the Plan Status sheet as of today. One read pass, one write per block. */
export function runPlanStatus(): PlanStatusResult {
  toastReading();
  const loaded = loadPictureWithPlans(null, { kpis: false });
  const language = loaded.file.settings.language;
  const layout = planStatusLayout(loaded.picture, language, loaded.timeZone);
  const views = allArrangements(loaded.picture);
  const rows = views.reduce((s, v) => s + v.instalments.length, 0);
  toast(PROGRESS.writing[language], TOAST_TITLE[language]);
  const sheet = writeReport(PLAN_STATUS_NAMES, language, layout);
  const t = PLAN_STATUS_TEXT[language];
  const message = views.length === 0 ? t.none : t.done(rows, views.length);
  toast(message, TOAST_TITLE[language]);
  return { sheet, language, rows, plans: views.length, message };
}

// ---------------------------------------------------------------- sidebar

export interface InstalmentJson {
  row: number;
  dueDate: string;
  /** Minor units of the base currency. */
  amount: number;
  cumulative: number;
  graceEnd: string;
  coveredOn: string | null;
  shortfall: number;
  state: InstalmentState;
  note: string;
}

export interface PlanJson {
  id: string;
  type: 'plan' | 'promise';
  customerId: string;
  start: string;
  status: ArrangementStatus;
  started: boolean;
  /** Invoice numbers it covers; `allOpen` true when it names none (all open at the start). */
  invoices: string[];
  allOpen: boolean;
  total: number;
  dueSoFar: number;
  received: number;
  brokenOn: string | null;
  graceDays: number;
  /** Does it pause the reminder ladder today? */
  pausesReminders: boolean;
  instalments: InstalmentJson[];
}

export interface CustomerPlans {
  customerId: string;
  asOf: string;
  currency: string;
  plans: PlanJson[];
}

/** A view as JSON for the sidebar: ISO dates, money in minor units (pure). */
export function planJson(v: ArrangementView): PlanJson {
  const a = v.arrangement;
  return {
    id: a.id,
    type: a.type,
    customerId: a.customerId,
    start: isoOfDay(a.start),
    status: v.status,
    started: v.started,
    invoices: v.covered.map((c) => c.no),
    allOpen: a.invoiceKeys === null,
    total: v.total,
    dueSoFar: v.dueSoFar,
    received: v.received,
    brokenOn: v.brokenOn === null ? null : isoOfDay(v.brokenOn),
    graceDays: v.graceDays,
    pausesReminders: v.started && v.status === 'active',
    instalments: v.instalments.map((x) => ({
      row: x.row, dueDate: isoOfDay(x.dueDate), amount: x.amount, cumulative: x.cumulative, graceEnd: isoOfDay(x.graceEnd),
      coveredOn: x.coveredOn === null ? null : isoOfDay(x.coveredOn), shortfall: x.shortfall, state: x.state, note: x.note,
    })),
  };
}

/** The customer's plans and promises with their states as of a picture's day; null for an unknown customer. */
export function customerPlans(picture: CreditPicture, customerId: string): CustomerPlans | null {
  const cp = picture.customers.get(idKey(String(customerId ?? '')));
  if (!cp) return null;
  return { customerId: cp.customer.id, asOf: isoOfDay(picture.asOf), currency: picture.settings.baseCurrency, plans: cp.arrangements.map(planJson) };
}

/** Sidebar: loads the file with its plans, as of today. */
export function loadCustomerPlans(customerId: string): CustomerPlans | null {
  if (typeof customerId !== 'string' || customerId.trim() === '' || customerId.length > 200) return null;
  return customerPlans(loadPictureWithPlans(null, { kpis: false }).picture, customerId);
}
