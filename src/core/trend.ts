/**
 * KPIs and their trend for the Dashboard sheet: the headline figures as of a day, the same per
 * sales owner (the Owner column of Customers), and month by month for the last 12 months.
 *
 * Definitions are those of kpis.ts (docs/kpis.md): AR, current AR, DSO by countback (headline) and
 * simple, best possible DSO, average days delinquent, CEI, overdue = open amounts past due
 * (disputed included). Overdue share = overdue ÷ AR (null with no AR).
 *
 * - Headline and per owner, as of the day: CEI over the last 90 days (as the picture's KPIs).
 * - Month by month: 12 points, the ends of the 11 months before the as-of month and the as-of day
 *   itself (the month so far). Each point is what the books said at the end of that day (a ledger
 *   per point, so a month's figures never change when a later payment is entered); its CEI is
 *   over that calendar month (to the as-of day for the last), beginning AR being AR at the end of
 *   the month before.
 * - Per owner: a customer's figures count for its owner (addresses compared trimmed, any case;
 *   blank owner: '' — "no owner"); sales and AR of the customer's invoices only. Unapplied credit
 *   is not netted into AR (as in aging).
 *
 * Cost: 14 ledgers (12 points, the month before the first, and as-of − 90 for the 90-day CEI),
 * one pass over the invoices for sales and one pass over each ledger, grouped by owner in the
 * same pass: linear in invoices + payments per ledger, whatever the number of owners.
 */
import { buildLedgers, type Ledger, type LedgerDay, type LedgerInput, type LedgerOptions } from './ledger';
import { ceiResult, dsoCountback, dsoSimple } from './kpis';
import { monthStartBefore, startOfMonthDay } from './calendar';
import { isoOfDay } from './dates';
import type { Customer, Day, Minor } from './types';

export interface KpiFigures {
  ar: Minor;
  currentAr: Minor;
  overdue: Minor;
  /** overdue ÷ AR, 0-1; null with no AR. */
  overdueShare: number | null;
  /** Sales (net invoiced) of the 90 days to the day. */
  sales90: Minor;
  /** Headline DSO, countback method. */
  dso: number | null;
  dsoSimple: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  /** CEI, percent, over the figure's period (90 days, or the month). */
  cei: number | null;
  ceiFrom: Day;
  ceiTo: Day;
  beginningAr: Minor;
  /** Sales over the CEI period. */
  ceiSales: Minor;
}

export interface OwnerKpis extends KpiFigures {
  /** The owner as first written in Customers ('' for customers with none). */
  owner: string;
  customers: number;
}

export interface MonthKpis extends KpiFigures {
  /** 'YYYY-MM'. */
  month: string;
  start: Day;
  /** The month's last day, or the as-of day for the as-of month. */
  end: Day;
  /** Cash received in the month (dated receipts). */
  collected: Minor;
}

export interface DashboardData {
  asOf: Day;
  headline: KpiFigures;
  /** Largest AR first; the no-owner group last. */
  owners: OwnerKpis[];
  /** Oldest first; the last is the as-of month to the as-of day. */
  months: MonthKpis[];
}

export interface TrendInput extends LedgerInput {
  customers: readonly Customer[];
}

const COUNTBACK_MONTHS = 24;
export const TREND_MONTHS = 12;

/**
 * Ledgers made per pass over the records. Two: seven passes instead of fourteen (about a fifth less
 * CPU for the Dashboard at 100,000 invoices) for about a fifth more peak memory (190 MB against
 * 160 MB there); five per pass saved more time but needed 230 MB.
 */
const LEDGERS_PER_PASS = 2;

interface ArGroups {
  ar: number[];
  current: number[];
  /** Unapplied credit (CEI nets it out of both ends, see CeiResult). */
  credit: number[];
}

/** AR and current AR of a ledger, per group (customers not in `groupOf` left out). */
function arByGroup(ledger: Ledger, groupOf: Map<string, number>, groups: number): ArGroups {
  const ar = new Array<number>(groups).fill(0);
  const current = new Array<number>(groups).fill(0);
  const credit = new Array<number>(groups).fill(0);
  for (const cl of ledger.customers.values()) {
    const g = groupOf.get(cl.key);
    if (g === undefined) continue;
    credit[g] += cl.unappliedCredit;
    for (const li of cl.invoices) {
      if (li.open === 0) continue;
      ar[g] += li.open;
      if (ledger.asOf - li.invoice.dueDate <= 0) current[g] += li.open;
    }
  }
  return { ar, current, credit };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One group's figures; `credit` and `beginCredit`: unapplied credit at the end and before the CEI period. */
function figures(
  ar: Minor, currentAr: Minor, sales90: Minor, periods: { days: number; sales: Minor }[],
  beginningAr: Minor, ceiSales: Minor, ceiFrom: Day, ceiTo: Day, credit: Minor, beginCredit: Minor,
): KpiFigures {
  const c = ceiResult(ceiFrom, ceiTo, { ar: beginningAr, unappliedCredit: beginCredit }, ceiSales, { ar, currentAr, unappliedCredit: credit });
  const simple = dsoSimple(ar, sales90, 90);
  const best = dsoSimple(currentAr, sales90, 90);
  const overdue = ar - currentAr;
  return {
    ar,
    currentAr,
    overdue,
    overdueShare: ar > 0 ? overdue / ar : null,
    sales90,
    dso: dsoCountback(ar, periods),
    dsoSimple: simple,
    bestPossibleDso: best,
    averageDaysDelinquent: simple === null || best === null ? null : simple - best,
    cei: c.value,
    ceiFrom,
    ceiTo,
    beginningAr: c.beginningAr,
    ceiSales,
  };
}

/** Owner grouping key: trimmed, lower-cased. */
export function ownerKey(owner: string): string {
  return String(owner ?? '').trim().toLowerCase();
}

/** The Dashboard's figures as of the end of `asOf`. */
export function computeDashboard(input: TrendInput, asOf: Day, options: LedgerOptions = {}): DashboardData {
  // Customers and their owner groups (the first row of a duplicate ID counts, as in the picture).
  const groupIndex = new Map<string, number>();
  const owners: { owner: string; customers: number }[] = [];
  const groupOf = new Map<string, number>();
  for (const c of input.customers) {
    if (groupOf.has(c.key)) continue;
    const ok = ownerKey(c.owner);
    let g = groupIndex.get(ok);
    if (g === undefined) {
      g = owners.length;
      groupIndex.set(ok, g);
      owners.push({ owner: ok === '' ? '' : c.owner.trim(), customers: 0 });
    }
    owners[g].customers++;
    groupOf.set(c.key, g);
  }
  const G = owners.length;

  // Month starts, most recent first: index 0 is the as-of month. Enough for the countback of the oldest point.
  const monthCount = TREND_MONTHS + COUNTBACK_MONTHS;
  const starts: Day[] = [startOfMonthDay(asOf)];
  for (let i = 1; i < monthCount; i++) starts.push(monthStartBefore(asOf, i));
  const monthEnd = (i: number): Day => (i === 0 ? asOf : starts[i - 1] - 1);
  const oldest = starts[monthCount - 1];

  // One pass over the invoices: sales per month (overall and per group) and per day for the 90-day windows.
  const monthSales = new Array<number>(monthCount).fill(0);
  const groupMonthSales: number[][] = owners.map(() => new Array<number>(monthCount).fill(0));
  const dayFrom = starts[TREND_MONTHS - 1] - 1 - 89;
  const daySales = new Array<number>(asOf - dayFrom + 1).fill(0);
  const from90 = asOf - 89;
  const groupSales90 = new Array<number>(G).fill(0);
  for (const inv of input.invoices) {
    if (inv.status === 'void' || inv.invoiceDate > asOf || inv.invoiceDate < oldest) continue;
    const g = groupOf.get(inv.customerKey);
    if (g === undefined) continue;
    const d = inv.invoiceDate;
    let m = 0;
    while (d < starts[m]) m++;
    monthSales[m] += inv.amount;
    groupMonthSales[g][m] += inv.amount;
    if (d >= dayFrom) daySales[d - dayFrom] += inv.amount;
    if (d >= from90) groupSales90[g] += inv.amount;
  }
  const prefix = new Array<number>(daySales.length + 1).fill(0);
  for (let i = 0; i < daySales.length; i++) prefix[i + 1] = prefix[i] + daySales[i];
  const salesBetween = (from: Day, to: Day) => prefix[Math.max(0, to - dayFrom + 1)] - prefix[Math.max(0, from - dayFrom)];
  const periodsFrom = (i: number, sales: number[]) =>
    Array.from({ length: COUNTBACK_MONTHS }, (_, k) => ({ days: monthEnd(i + k) - starts[i + k] + 1, sales: sales[i + k] }));

  // Ledgers: the end of the month before the first point, each point, and as-of − 90. Only the
  // as-of one (the last point) needs its receipts; the others give open amounts only. They are made
  // a few days per pass over the records (buildLedgers), not one pass each.
  const ceiFrom = asOf - 89;
  const ledgerDays: LedgerDay[] = [{ asOf: starts[TREND_MONTHS - 1] - 1, openOnly: true }];
  for (let i = TREND_MONTHS - 1; i >= 0; i--) ledgerDays.push({ asOf: monthEnd(i), openOnly: i !== 0 });
  ledgerDays.push({ asOf: ceiFrom - 1, openOnly: true });
  // Each pass's ledgers are reduced to their open amounts by group at once and dropped, so at most
  // LEDGERS_PER_PASS ledgers are alive (and the as-of one, whose receipts are read below).
  const ars: ArGroups[] = [];
  let asOfLedger: Ledger | null = null;
  const asOfIndex = TREND_MONTHS; // after the month before the first point, the months from the oldest
  for (let k = 0; k < ledgerDays.length; k += LEDGERS_PER_PASS) {
    for (const l of buildLedgers(input, ledgerDays.slice(k, k + LEDGERS_PER_PASS), options)) {
      if (ars.length === asOfIndex) asOfLedger = l;
      ars.push(arByGroup(l, groupOf, G));
    }
  }
  let nextAr = 0;
  const arAt = (day: Day): ArGroups => {
    if (ledgerDays[nextAr]!.asOf !== day) throw new Error(`trend: ledger for ${day} out of order`);
    return ars[nextAr++]!;
  };
  const beforeFirst = arAt(starts[TREND_MONTHS - 1] - 1);
  const months: MonthKpis[] = [];
  let begin = beforeFirst;
  let asOfAr: ArGroups | null = null;
  for (let i = TREND_MONTHS - 1; i >= 0; i--) {
    const end = monthEnd(i);
    const now = arAt(end);
    const ar = sum(now.ar);
    const current = sum(now.current);
    months.push({
      ...figures(ar, current, salesBetween(end - 89, end), periodsFrom(i, monthSales), sum(begin.ar), monthSales[i], starts[i], end, sum(now.credit), sum(begin.credit)),
      month: isoOfDay(starts[i]).slice(0, 7),
      start: starts[i],
      end,
      collected: 0,
    });
    begin = now;
    if (i === 0) asOfAr = now;
  }
  // Cash collected per month, from the as-of ledger's receipts.
  for (const cl of asOfLedger!.customers.values()) {
    if (!groupOf.has(cl.key)) continue;
    for (const r of cl.receipts) {
      if (!r.dateKnown || r.day < starts[TREND_MONTHS - 1] || r.day > asOf) continue;
      let m = 0;
      while (r.day < starts[m]) m++;
      months[TREND_MONTHS - 1 - m].collected += r.amount;
    }
  }

  // Headline and per owner: as of the day, CEI over the last 90 days.
  const begin90 = arAt(ceiFrom - 1);
  const end = asOfAr!;
  const headline = figures(sum(end.ar), sum(end.current), salesBetween(from90, asOf), periodsFrom(0, monthSales), sum(begin90.ar), salesBetween(ceiFrom, asOf), ceiFrom, asOf, sum(end.credit), sum(begin90.credit));
  const ownerRows: OwnerKpis[] = owners.map((o, g) => ({
    ...figures(end.ar[g], end.current[g], groupSales90[g], periodsFrom(0, groupMonthSales[g]), begin90.ar[g], groupSales90[g], ceiFrom, asOf, end.credit[g], begin90.credit[g]),
    owner: o.owner,
    customers: o.customers,
  }));
  ownerRows.sort((a, b) => Number(a.owner === '') - Number(b.owner === '') || b.ar - a.ar || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  return { asOf, headline, owners: ownerRows, months };
}
