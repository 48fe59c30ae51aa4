import type { Day, Invoice, Minor, Payment } from './types';
import { buildLedger, type Ledger, type LedgerInvoice } from './ledger';
import { monthStartBefore, startOfMonthDay } from './calendar';
import { CustomerSlots } from './slots';

/**
 * Portfolio KPIs of receivables.
 *
 * Definitions (see docs/credit-score.md, "KPIs"):
 * - **AR** = the open amounts of invoices as of the day (the aging total). Unapplied credit is not
 *   netted into AR, as in aging; it is reported beside.
 * - **Sales** in a period = net amount invoiced in it (invoices plus credit notes, void left out),
 *   by Invoice Date.
 * - **DSO, headline: countback.** Take AR; walk back calendar months from the as-of month (its
 *   days 1..as-of, then whole months), subtracting each month's sales while AR exceeds them and
 *   adding the month's days; for the month that exhausts AR add AR left ÷ that month's sales ×
 *   its days. A month with no positive sales adds its days. Stops after 24 months (the days counted
 *   so far). Null with no AR-bearing sales in those 24 months while AR > 0.
 * - **DSO simple** = AR ÷ sales of the last 90 days (as-of − 89 .. as-of) × 90; null when those
 *   sales are <= 0.
 * - **Best possible DSO** = current AR (not yet past due) ÷ sales of the last 90 days × 90.
 * - **Average days delinquent** = DSO simple − best possible DSO (= past-due AR ÷ daily sales),
 *   on the same basis so the two subtract cleanly.
 * - **CEI** over [from, to] = (beginning AR + sales − ending AR) ÷ (beginning AR + sales − ending
 *   current AR) × 100, beginning AR being AR as of from − 1 and ending AR as of to; null when the
 *   denominator is <= 0.
 * - **Overdue** = open amounts more than 0 days past due (disputed included, as in aging; the
 *   disputed part is also given alone).
 * - **Average days to pay** (per customer) = amount-weighted (paid day − invoice date) over invoices
 *   paid, with a known day, in the last 365 days; null when none.
 */

export interface Debtor {
  key: string;
  open: Minor;
}

/**
 * CEI's inputs. Its receivables are net of unapplied credit (open invoices − unapplied credit, the
 * sum of OPENBALANCE), as its sales are net of credit notes: beginning + sales − ending is then the
 * cash collected in the period, even when a credit note is larger than what its customer owes
 * (gross receivables there gave CEIs below 0). Without unapplied credit they are the AR figures.
 */
export interface CeiResult {
  from: Day;
  to: Day;
  /** Receivables net of unapplied credit at the end of the day before the period. */
  beginningAr: Minor;
  sales: Minor;
  /** Receivables net of unapplied credit at the period's end. */
  endingAr: Minor;
  /** Current (not past due) receivables at the period's end, less unapplied credit. */
  endingCurrentAr: Minor;
  /** Percent, 0-100 in normal books; null when undefined. */
  value: number | null;
}

export interface Kpis {
  asOf: Day;
  ar: Minor;
  currentAr: Minor;
  unappliedCredit: Minor;
  overdueAmount: Minor;
  overdueCount: number;
  disputedAmount: Minor;
  disputedCount: number;
  sales90: Minor;
  /** Headline DSO: the countback method. */
  dso: number | null;
  dsoSimple: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: CeiResult;
  topDebtors: Debtor[];
}

/**
 * DSO by the simple method.
 *
 * @example dsoSimple(450000, 900000, 90) === 45
 */
export function dsoSimple(ar: Minor, sales: Minor, days: number): number | null {
  return sales > 0 ? (ar / sales) * days : null;
}

/**
 * DSO by the countback method over periods given most recent first.
 *
 * @example dsoCountback(150, [{ days: 31, sales: 100 }, { days: 29, sales: 100 }]) === 31 + 14.5
 */
export function dsoCountback(ar: Minor, periods: ReadonlyArray<{ days: number; sales: Minor }>): number | null {
  if (ar <= 0) return 0;
  let left = ar;
  let days = 0;
  let anySales = false;
  for (const p of periods) {
    if (p.sales > 0) anySales = true;
    if (p.sales <= 0 || left > p.sales) {
      if (p.sales > 0) left -= p.sales;
      days += p.days;
      continue;
    }
    return days + (left / p.sales) * p.days;
  }
  return anySales ? days : null;
}

/**
 * Collection effectiveness index, percent.
 *
 * @example cei(1000, 500, 700, 400) === (800 / 1100) * 100
 */
export function cei(beginningAr: Minor, sales: Minor, endingAr: Minor, endingCurrentAr: Minor): number | null {
  const denominator = beginningAr + sales - endingCurrentAr;
  return denominator > 0 ? ((beginningAr + sales - endingAr) / denominator) * 100 : null;
}

/** Amount-weighted average days from invoice date to paid day over invoices paid in (asOf − 365, asOf]. */
export function averageDaysToPay(invoices: readonly LedgerInvoice[], asOf: Day): number | null {
  let weight = 0;
  let sum = 0;
  for (const li of invoices) {
    if (li.paidDay === null || li.open !== 0 || li.paidDay <= asOf - 365 || li.paidDay > asOf) continue;
    const amount = li.invoice.amount;
    if (amount <= 0) continue;
    weight += amount;
    sum += amount * (li.paidDay - li.invoice.invoiceDate);
  }
  return weight > 0 ? sum / weight : null;
}

/** AR and current AR (not yet past due) of a ledger. */
export function arOf(ledger: Ledger, customers?: ReadonlySet<string>): { ar: Minor; currentAr: Minor; unappliedCredit: Minor } {
  let ar = 0;
  let currentAr = 0;
  let unappliedCredit = 0;
  for (const cl of ledger.customers.values()) {
    if (customers && !customers.has(cl.key)) continue;
    unappliedCredit += cl.unappliedCredit;
    for (const li of cl.invoices) {
      if (li.open === 0) continue;
      ar += li.open;
      if (li.daysPastDue <= 0) currentAr += li.open; // the ledger's as-of − Due Date
    }
  }
  return { ar, currentAr, unappliedCredit };
}

export interface KpiInput {
  asOf: Day;
  /** Ledger as of asOf. */
  ledger: Ledger;
  /** Ledger as of ceiFrom − 1 (beginning AR); built by the caller. */
  beginLedger: Ledger;
  /** CEI period; the ledger's as-of must be its end. */
  ceiFrom: Day;
  /** All invoices (for sales by invoice date); void ones are skipped. */
  invoices: readonly Invoice[];
  /** Only these customer keys count; all when omitted. */
  customers?: ReadonlySet<string>;
  /** How many customers the invoices' customerIndex points into (lets membership be memoised per index). */
  customerCount?: number;
  /** How many top debtors; default 10. */
  topN?: number;
}

/** Months of sales the countback looks at. */
const COUNTBACK_MONTHS = 24;

/** The portfolio KPIs. Linear in the invoices. */
export function computeKpis(input: KpiInput): Kpis {
  const { asOf, ledger, customers } = input;
  const from90 = asOf - 89;
  const ceiFrom = input.ceiFrom;

  // Month starts, most recent first: period 0 is the as-of month up to as-of.
  const starts: Day[] = [startOfMonthDay(asOf)];
  for (let i = 1; i < COUNTBACK_MONTHS; i++) starts.push(monthStartBefore(asOf, i));
  const monthSales = new Array<number>(COUNTBACK_MONTHS).fill(0);
  const oldestStart = starts[COUNTBACK_MONTHS - 1];

  let sales90 = 0;
  let ceiSales = 0;
  const counts = customers ? new CustomerSlots(input.customerCount ?? 0, (key) => customers.has(key)) : null;
  for (const inv of input.invoices) {
    if (inv.status === 'void' || inv.invoiceDate > asOf) continue;
    if (counts && !counts.get(inv.customerKey, inv.customerIndex)) continue;
    const d = inv.invoiceDate;
    if (d >= from90) sales90 += inv.amount;
    if (d >= ceiFrom) ceiSales += inv.amount;
    if (d >= oldestStart) {
      // Few months: a short scan from the most recent month.
      let m = 0;
      while (d < starts[m]) m++;
      monthSales[m] += inv.amount;
    }
  }
  const periods = starts.map((s, i) => ({ days: (i === 0 ? asOf + 1 : starts[i - 1]) - s, sales: monthSales[i] }));

  let overdueAmount = 0;
  let overdueCount = 0;
  let disputedAmount = 0;
  let disputedCount = 0;
  const debtors: Debtor[] = [];
  for (const cl of ledger.customers.values()) {
    if (customers && !customers.has(cl.key)) continue;
    for (const li of cl.invoices) {
      if (li.open === 0) continue;
      if (li.daysPastDue > 0) {
        overdueAmount += li.open;
        overdueCount++;
      }
      if (li.disputed) {
        disputedAmount += li.open;
        disputedCount++;
      }
    }
    if (cl.openTotal > 0) debtors.push({ key: cl.key, open: cl.openTotal });
  }
  debtors.sort((a, b) => b.open - a.open || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const end = arOf(ledger, customers);
  const begin = arOf(input.beginLedger, customers);
  const simple = dsoSimple(end.ar, sales90, 90);
  const best = dsoSimple(end.currentAr, sales90, 90);
  return {
    asOf,
    ar: end.ar,
    currentAr: end.currentAr,
    unappliedCredit: end.unappliedCredit,
    overdueAmount,
    overdueCount,
    disputedAmount,
    disputedCount,
    sales90,
    dso: dsoCountback(end.ar, periods),
    dsoSimple: simple,
    bestPossibleDso: best,
    averageDaysDelinquent: simple === null || best === null ? null : simple - best,
    cei: ceiResult(ceiFrom, asOf, begin, ceiSales, end),
    topDebtors: debtors.slice(0, input.topN ?? 10),
  };
}

/**
 * CEI over any period [from, to], building the two ledgers it needs.
 *
 * @example ceiForPeriod(file, dayOf(2024, 1, 1), dayOf(2024, 3, 31)).value
 */
export function ceiForPeriod(
  input: { invoices: readonly Invoice[]; payments: readonly Payment[] },
  from: Day,
  to: Day,
  customers?: ReadonlySet<string>,
): CeiResult {
  const end = arOf(buildLedger(input, to), customers);
  const begin = arOf(buildLedger(input, from - 1), customers);
  let sales = 0;
  for (const inv of input.invoices) {
    if (inv.status === 'void' || inv.invoiceDate < from || inv.invoiceDate > to) continue;
    if (customers && !customers.has(inv.customerKey)) continue;
    sales += inv.amount;
  }
  return ceiResult(from, to, begin, sales, end);
}

type ArFigures = { ar: Minor; currentAr: Minor; unappliedCredit: Minor };

/** CEI from the AR figures at both ends, net of unapplied credit (see CeiResult). */
export function ceiResult(from: Day, to: Day, begin: Omit<ArFigures, 'currentAr'>, sales: Minor, end: ArFigures): CeiResult {
  const beginningAr = begin.ar - begin.unappliedCredit;
  const endingAr = end.ar - end.unappliedCredit;
  const endingCurrentAr = end.currentAr - end.unappliedCredit;
  return { from, to, beginningAr, sales, endingAr, endingCurrentAr, value: cei(beginningAr, sales, endingAr, endingCurrentAr) };
}
