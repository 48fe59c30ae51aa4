/**
 * The custom functions (see docs/custom-functions.md and the contract's "Custom functions").
 *
 * Each takes one value or a range and gives back the same shape (AGING: one row per input row),
 * so one formula fills a column. Blank in, blank out. A cell that cannot be answered gets a
 * readable error value of its own (`#UNKNOWN C-099`, `#BAD DATE 2026-02-30`, `#BAD AMOUNT abc`,
 * `#SIZE as_of`) and the rest of the column is still computed: nothing here throws.
 * as_of is a date, ISO text or a Sheets serial; blank means today in the spreadsheet's zone.
 * The optional last argument `refresh` is ignored: it only makes Sheets recalculate the formula
 * when the Recalc Token it points at changes.
 *
 * Money comes back in major units (numbers); the words (grades, bucket labels, OK/WARN/BLOCK) never
 * change with the locale.
 */
import { agingBucket, daysOverdue } from '../core/aging';
import { creditCheck, unknownCustomerCheck } from '../core/check';
import { dayFromDate, isDateObject, isoOfDay, parseDay } from '../core/dates';
import { minorDigits, parseMoney } from '../core/money';
import { customerKeyOf } from '../core/picture';
import { readSettings, tableOfSheetName } from '../core/read';
import type { CreditSummary, CustomerSummary } from '../core/summary';
import type { Day, Minor } from '../core/types';
import { readSheets, timeZone } from '../platform/spreadsheet';
import { todayIn } from '../core/dates';
import { readCacheState, summariesFor } from '../sheets/cache/summaryCache';
import { alignedCell, cellsOf, isBlankInput, mapCells, mapRows, MISMATCH, rowCount, type Input, type Scalar } from '../sheets/cache/shape';

export type Out = string | number;
export type Result = Out | Out[][];

/** Error values: text, never translated, one per cell. */
export const ERRORS = {
  unknown: (id: string): string => `#UNKNOWN ${id}`,
  badDate: (v: string): string => `#BAD DATE ${v}`,
  badAmount: (v: string): string => `#BAD AMOUNT ${v}`,
  badId: (v: string): string => `#BAD ID ${v}`,
  size: (arg: string): string => `#SIZE ${arg}`,
};

function cellText(v: Scalar, tz: string): string {
  if (isDateObject(v)) {
    const d = dayFromDate(v, tz);
    return Number.isNaN(d) ? 'invalid date' : isoOfDay(d);
  }
  return String(v ?? '').trim().slice(0, 60);
}

/** The day of an as_of cell: blank → today; a Day, or an error value. */
export function asOfDay(v: Scalar | typeof MISMATCH, tz: string, today: Day): Day | string {
  if (v === MISMATCH) return ERRORS.size('as_of');
  if (isBlankInput(v)) return today;
  const d = parseDay(v, tz);
  return typeof d === 'number' ? d : ERRORS.badDate(cellText(v as Scalar, tz));
}

/**
 * A customer ID cell as text (numbers allowed: 1001 is "1001"); an error value otherwise, showing
 * a date cell as its day in the spreadsheet's zone (`#BAD ID 2026-11-01`).
 */
export function idOf(v: Scalar, tz = 'UTC'): string | { error: string } {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return { error: ERRORS.badId(cellText(v, tz)) };
}

function toMajor(minor: Minor, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

interface Prep {
  blank?: true;
  error?: string;
  id?: string;
  day?: Day;
  cell?: Scalar;
  /** The spreadsheet's zone, to show a date cell in an error value. */
  tz?: string;
  i: number;
  j: number;
}

function prepare(ids: Input, asOf: Input, tz: string, today: Day): Prep[][] | Prep {
  const rows = rowCount(ids);
  return mapCells(ids, (cell, i, j): Prep => {
    if (isBlankInput(cell)) return { blank: true, i, j };
    const id = idOf(cell, tz);
    if (typeof id !== 'string') return { error: id.error, i, j };
    const day = asOfDay(alignedCell(asOf, i, j, rows), tz, today);
    if (typeof day === 'string') return { error: day, i, j };
    return { id, day, cell, tz, i, j };
  });
}

function preps(p: Prep[][] | Prep): Prep[] {
  return Array.isArray(p) ? p.flat() : [p];
}

/** What each prepared cell evaluates to, given its customer's summary. */
type PerCustomer<T> = (c: CustomerSummary, s: CreditSummary, p: Prep) => T;

interface Evaluated<T> {
  grid: T[][] | T;
  /** The summaries used (for AGING's width); empty when every cell was blank. */
  summaries: CreditSummary[];
}

/**
 * Evaluates a per-customer function over a shape of IDs. All-blank input costs no service call;
 * otherwise one cache state read and one summary per distinct as-of day (cached).
 */
function evaluate<T>(ids: Input, asOf: Input, fn: PerCustomer<T>, onUnknown: (id: string, s: CreditSummary, p: Prep) => T, blank: T, error: (e: string) => T): Evaluated<T> {
  if (cellsOf(ids).every(isBlankInput)) return { grid: mapCells(ids, () => blank), summaries: [] };
  const state = readCacheState();
  const prepared = prepare(ids, asOf, state.timeZone, state.today);
  const days = preps(prepared).filter((p) => p.day !== undefined).map((p) => p.day as Day);
  const sums = summariesFor(days, state);
  const one = (p: Prep): T => {
    if (p.blank) return blank;
    if (p.error !== undefined) return error(p.error);
    const s = sums.get(p.day as Day)!.summary;
    const c = s.customers[customerKeyOf(p.id as string)];
    return c ? fn(c, s, p) : onUnknown(p.id as string, s, p);
  };
  return { grid: Array.isArray(prepared) ? prepared.map((r) => r.map(one)) : one(prepared), summaries: [...sums.values()].map((x) => x.summary) };
}

function perCustomer(ids: Input, asOf: Input, fn: PerCustomer<Out>, onUnknown: (id: string, s: CreditSummary, p: Prep) => Out = (id) => ERRORS.unknown(id)): Result {
  return evaluate<Out>(ids, asOf, fn, onUnknown, '', (e) => e).grid;
}

export function CREDITSCORE(customerId: Input, asOf?: Input, _refresh?: unknown): Result {
  return perCustomer(customerId, asOf, (c) => c.score);
}

export function CREDITGRADE(customerId: Input, asOf?: Input, _refresh?: unknown): Result {
  return perCustomer(customerId, asOf, (c) => c.grade);
}

export function OPENBALANCE(customerId: Input, asOf?: Input, _refresh?: unknown): Result {
  return perCustomer(customerId, asOf, (c, s) => toMajor(c.openBalance, s.settings.baseCurrency));
}

export function CREDITAVAILABLE(customerId: Input, asOf?: Input, _refresh?: unknown): Result {
  return perCustomer(customerId, asOf, (c, s) => (c.available === null ? '' : toMajor(c.available, s.settings.baseCurrency)));
}

export function CREDITCHECK(customerId: Input, amount: Input, asOf?: Input, _refresh?: unknown): Result {
  const rows = rowCount(customerId);
  const amountOf = (p: Prep, s: CreditSummary): Minor | string => {
    const a = alignedCell(amount, p.i, p.j, rows);
    if (a === MISMATCH) return ERRORS.size('amount');
    if (isBlankInput(a)) return 0;
    // In the base currency, like every amount these functions return: "$15,000" in a CNY file is
    // #BAD AMOUNT, not 15,000 CNY.
    const base = s.settings.baseCurrency;
    const m = parseMoney(a, minorDigits(base), base);
    // A negative amount is not an order: it would lower the exposure and give a better verdict
    // than 0 (an over-limit customer OK for -30,000), so it is #BAD AMOUNT like the Orders sheet's.
    return typeof m === 'number' && m >= 0 ? m : ERRORS.badAmount(cellText(a, p.tz ?? 'UTC'));
  };
  return perCustomer(
    customerId,
    asOf,
    (c, s, p) => {
      const a = amountOf(p, s);
      return typeof a === 'string' ? a : creditCheck(c, a, s.settings).text;
    },
    (id, s, p) => {
      const a = amountOf(p, s);
      return typeof a === 'string' ? a : unknownCustomerCheck(id, s.settings).text;
    },
  );
}

/** AGING: one row per input row (its first non-blank cell): the open amount in each bucket. */
export function AGING(customerId: Input, asOf?: Input, _refresh?: unknown): Out[][] {
  const ids: Input = Array.isArray(customerId) ? mapRows(customerId, (cell) => [cell]) : customerId;
  const row = (values: Out[]): Out[] => values;
  const { grid, summaries } = evaluate<Out[]>(
    ids,
    asOf,
    (c, s) => row(c.aging.map((m) => toMajor(m, s.settings.baseCurrency))),
    (id) => [ERRORS.unknown(id)],
    [],
    (e) => [e],
  );
  const width = summaries[0]?.agingLabels.length ?? 5;
  const pad = (r: Out[]): Out[] => (r.length >= width ? r : [...r, ...new Array<Out>(width - r.length).fill('')]);
  if (!Array.isArray(customerId)) return [pad(grid as Out[])];
  return (grid as Out[][][]).map((r) => pad(r[0] ?? []));
}

/** DAYSOVERDUE: as-of − due, 0 when not yet due; needs only the spreadsheet's zone. */
export function DAYSOVERDUE(dueDate: Input, asOf?: Input, _refresh?: unknown): Result {
  return perDueDate(dueDate, asOf, (due, day) => daysOverdue(due, day));
}

/** AGINGBUCKET: the bucket label of a due date on the Settings edges; reads only the Settings sheet. */
export function AGINGBUCKET(dueDate: Input, asOf?: Input, _refresh?: unknown): Result {
  let edges: number[] | null = null;
  return perDueDate(dueDate, asOf, (due, day, tz) => {
    if (edges === null) edges = settingsEdges(tz);
    return agingBucket(day - due, edges);
  });
}

function settingsEdges(tz: string): number[] {
  const sheet = readSheets((name) => tableOfSheetName(name) === 'settings')[0];
  return readSettings(sheet, { timeZone: tz, language: 'en' }).settings.agingEdges;
}

function perDueDate(dueDate: Input, asOf: Input, fn: (due: Day, asOf: Day, tz: string) => Out): Result {
  if (cellsOf(dueDate).every(isBlankInput)) return mapCells(dueDate, () => '');
  const tz = timeZone();
  const today = todayIn(tz, new Date());
  const rows = rowCount(dueDate);
  return mapCells(dueDate, (cell, i, j): Out => {
    if (isBlankInput(cell)) return '';
    const due = parseDay(cell, tz);
    if (typeof due !== 'number') return ERRORS.badDate(cellText(cell, tz));
    const day = asOfDay(alignedCell(asOf, i, j, rows), tz, today);
    if (typeof day === 'string') return day;
    return fn(due, day, tz);
  });
}
