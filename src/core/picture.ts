import type { Customer, CreditFile, Day, Grade, Minor, Order, Problem, Settings } from './types';
import { buildLedgers, type CustomerLedger, type LedgerCreditNote, type LedgerInvoice, type LedgerOptions } from './ledger';
import { addAging, agingLabels, bucketIn, emptyAging, ledgerAge, normaliseEdges, type AgingRow } from './aging';
import { available, exposure, pendingOrdersTotal } from './exposure';
import { creditCheck, unknownCustomerCheck, type CheckOptions, type CreditCheckResult } from './check';
import { creditScore, recommend, type CreditScore, type Recommendation } from './score';
import { averageDaysToPay, computeKpis, type Kpis } from './kpis';
import { brokenInLastYear, evaluateCustomerArrangements, type ArrangementView, type PlanSettings } from './plans/keep';
import type { Arrangement } from './plans/read';
import { idKey } from './read/cells';

/**
 * The credit picture: everything the add-on shows, computed in one linear pass over the file as
 * of a day. Custom functions, the sidebar and the reports all read from it:
 *
 *   CREDITSCORE(id)        findCustomer(p, id)?.score.score
 *   CREDITGRADE(id)        findCustomer(p, id)?.grade
 *   OPENBALANCE(id)        findCustomer(p, id)?.openBalance            (minor units)
 *   CREDITAVAILABLE(id)    findCustomer(p, id)?.available              (null → blank)
 *   CREDITCHECK(id, A)     checkCustomer(p, id, A).text
 *   AGING(id)              findCustomer(p, id)?.aging.buckets          (one row, p.agingLabels order)
 *   DAYSOVERDUE(due)       daysOverdue(due, asOf)       from aging.ts, no picture needed
 *   AGINGBUCKET(due)       agingBucket(asOf − due, edges) from aging.ts
 *
 * Customers missing from the Customers sheet are left out of the picture (their rows are the
 * reader's problems). Cost: the ledger's grouping and per-customer sorts, one pass per customer,
 * and, for the KPIs, a second ledger as of the day before the CEI period for beginning AR (made in
 * the same pass over the records as the first, see buildLedgers, but allocated on its own); custom
 * functions can pass `{ kpis: false }` to skip it.
 */

/** A ledger invoice with its aging bucket (the picture adds it to the ledger's own entry). */
export interface InvoiceView extends LedgerInvoice {
  /** Aging bucket label on the Settings basis. */
  bucket: string;
}

export interface CustomerPicture {
  customer: Customer;
  /** Positive invoices dated on or before as-of, oldest-first (undisputed first). */
  invoices: InvoiceView[];
  creditNotes: LedgerCreditNote[];
  /** Sum of open invoice amounts. */
  openInvoices: Minor;
  unappliedCredit: Minor;
  /** openInvoices − unappliedCredit: OPENBALANCE. */
  openBalance: Minor;
  /** Pending and Approved orders. */
  pendingOrders: Minor;
  exposure: Minor;
  /** limit − exposure; null with no limit: CREDITAVAILABLE. */
  available: Minor | null;
  aging: AgingRow;
  /** Over open undisputed invoices: the largest days past due (0 when none past due), its invoice, count and amount past due. */
  maxDaysPastDue: number;
  oldestPastDueNo: string;
  pastDueCount: number;
  pastDueAmount: Minor;
  /** Cash received up to as-of. */
  totalPaid: Minor;
  score: CreditScore;
  grade: Grade;
  recommendation: Recommendation;
  /** Amount-weighted invoice-to-payment days over the last 365 days; null when none. */
  avgDaysToPay: number | null;
  /** Repayment plans and promises with their states as of the day (src/core/plans); [] when none or not given. */
  arrangements: ArrangementView[];
}

export interface PortfolioTotals extends AgingRow {
  openBalance: Minor;
  exposure: Minor;
  pendingOrders: Minor;
}

export interface CreditPicture {
  asOf: Day;
  settings: Settings;
  /** Labels of the aging buckets, e.g. Current, 1-30, 31-60, 61-90, 91+. */
  agingLabels: string[];
  /** By customer key (trimmed, upper-cased ID). */
  customers: Map<string, CustomerPicture>;
  /** Customer keys in Customers-sheet order. */
  order: string[];
  portfolio: PortfolioTotals;
  /** Null when computed with `kpis: false` (custom functions need none). */
  kpis: Kpis | null;
  /** The file's problems, then the ledger's. */
  problems: Problem[];
}

export interface PictureOptions extends Omit<LedgerOptions, 'openOnly'> {
  /** First day of the CEI period (which ends at as-of); default as-of − 89 (the last 90 days). */
  ceiFrom?: Day;
  /** Top debtors to list; default 10. */
  topN?: number;
  /** Compute the KPIs (a second, open-amounts-only ledger for CEI's beginning AR); default true. */
  kpis?: boolean;
  /**
   * The Plans sheet as read (src/core/plans/read.ts) and the plan settings: each customer's
   * arrangements are evaluated against its receipts, and a customer with any (started) one gets the
   * score's `promises` factor. Absent: no plan is known.
   */
  plans?: { arrangements: readonly Arrangement[]; settings: PlanSettings };
}

/** The matching key of a customer ID, as the reader keys customers ({@link idKey}). */
export function customerKeyOf(id: string): string {
  return idKey(String(id));
}

const EMPTY_LEDGER = (key: string): CustomerLedger => ({
  key,
  invoices: [],
  creditNotes: [],
  receipts: [],
  recordedTwice: [],
  unappliedCredit: 0,
  openTotal: 0,
  totalPaid: 0,
});

/** Computes the credit picture as of the end of `asOf`. */
export function computePicture(file: CreditFile, asOf: Day, options: PictureOptions = {}): CreditPicture {
  const settings = file.settings;
  const edges = normaliseEdges(settings.agingEdges);
  const labels = agingLabels(edges);
  // With the KPIs, the ledger as of the day before the CEI period (beginning AR) is made in the
  // same pass over the records as the picture's own.
  const withKpis = options.kpis !== false;
  const ceiFrom = options.ceiFrom ?? asOf - 89;
  const [ledger, beginLedger] = buildLedgers(file, withKpis ? [{ asOf }, { asOf: ceiFrom - 1, openOnly: true }] : [{ asOf }], options);

  const ordersBy = new Map<string, Order[]>();
  for (const o of file.orders) {
    const list = ordersBy.get(o.customerKey);
    if (list) list.push(o);
    else ordersBy.set(o.customerKey, [o]);
  }

  const plansBy = new Map<string, Arrangement[]>();
  for (const a of options.plans?.arrangements ?? []) {
    const list = plansBy.get(a.customerKey);
    if (list) list.push(a);
    else plansBy.set(a.customerKey, [a]);
  }

  const customers = new Map<string, CustomerPicture>();
  const order: string[] = [];
  const portfolio: PortfolioTotals = { ...emptyAging(edges), openBalance: 0, exposure: 0, pendingOrders: 0 };

  for (const customer of file.customers) {
    if (customers.has(customer.key)) continue; // duplicate ID: the first row counts
    const cl = ledger.customers.get(customer.key) ?? EMPTY_LEDGER(customer.key);
    const cp = customerPicture(customer, cl, ordersBy.get(customer.key) ?? [], asOf, settings, edges, labels, plansBy.get(customer.key), options.plans?.settings);
    customers.set(customer.key, cp);
    order.push(customer.key);
    addAging(portfolio, cp.aging);
    portfolio.openBalance += cp.openBalance;
    portfolio.exposure += cp.exposure;
    portfolio.pendingOrders += cp.pendingOrders;
  }

  let kpis: Kpis | null = null;
  if (withKpis) {
    kpis = computeKpis({ asOf, ledger, beginLedger, ceiFrom, invoices: file.invoices, customers: new Set(order), customerCount: file.customers.length, topN: options.topN });
  }

  return { asOf, settings, agingLabels: labels, customers, order, portfolio, kpis, problems: [...file.problems, ...ledger.problems] };
}

function customerPicture(
  customer: Customer,
  cl: CustomerLedger,
  orders: readonly Order[],
  asOf: Day,
  settings: Settings,
  edges: number[],
  labels: string[],
  plans: readonly Arrangement[] = [],
  planSettings?: PlanSettings,
): CustomerPicture {
  const invoices = cl.invoices as InvoiceView[];
  let maxDaysPastDue = 0;
  let oldestPastDueNo = '';
  let pastDueCount = 0;
  let pastDueAmount = 0;
  const aging = emptyAging(edges);
  aging.unappliedCredit = cl.unappliedCredit;
  for (const li of invoices) {
    const dpd = li.daysPastDue;
    const index = bucketIn(ledgerAge(li, asOf, settings.agingBasis), edges);
    li.bucket = labels[index];
    aging.buckets[index] += li.open;
    aging.total += li.open;
    if (li.open > 0 && !li.disputed && dpd > 0) {
      pastDueCount++;
      pastDueAmount += li.open;
      if (dpd > maxDaysPastDue) {
        maxDaysPastDue = dpd;
        oldestPastDueNo = li.invoice.no;
      }
    }
  }
  const pending = pendingOrdersTotal(orders, asOf);
  const exp = exposure(cl.openTotal, cl.unappliedCredit, pending);
  const arrangements = plans.length > 0 && planSettings ? evaluateCustomerArrangements(plans, cl.receipts, cl.invoices, asOf, planSettings.graceDays, { openBalance: cl.openTotal - cl.unappliedCredit }) : [];
  const promises = arrangements.some((v) => v.started) && planSettings
    ? { broken: brokenInLastYear(arrangements, asOf), weight: planSettings.promisesWeight }
    : undefined;
  const score = creditScore({ asOf, customer, invoices: cl.invoices, creditNotes: cl.creditNotes, exposure: exp, promises }, settings);
  return {
    customer,
    invoices,
    creditNotes: cl.creditNotes,
    openInvoices: cl.openTotal,
    unappliedCredit: cl.unappliedCredit,
    openBalance: cl.openTotal - cl.unappliedCredit,
    pendingOrders: pending,
    exposure: exp,
    available: available(customer.creditLimit, exp),
    aging,
    maxDaysPastDue,
    oldestPastDueNo,
    pastDueCount,
    pastDueAmount,
    totalPaid: cl.totalPaid,
    score,
    grade: score.grade,
    recommendation: recommend(score.grade, score.avgMonthlySales, settings),
    avgDaysToPay: averageDaysToPay(cl.invoices, asOf),
    arrangements,
  };
}

/** The customer's picture by ID as typed in a cell (any case, spaces trimmed); undefined when unknown. */
/**
 * A customer's open amount past due and its most days past due, disputed invoices included, as
 * the aging, the KPIs and the Dashboard count overdue (pastDueAmount and maxDaysPastDue, which the
 * credit check uses, leave disputed invoices out).
 */
export function pastDueWithDisputed(cp: { invoices: readonly { open: Minor; daysPastDue: number }[] }): { amount: Minor; mostDays: number } {
  let amount = 0;
  let mostDays = 0;
  for (const li of cp.invoices) {
    if (li.open <= 0 || li.daysPastDue <= 0) continue;
    amount += li.open;
    if (li.daysPastDue > mostDays) mostDays = li.daysPastDue;
  }
  return { amount, mostDays };
}

export function findCustomer(picture: CreditPicture, id: string): CustomerPicture | undefined {
  return picture.customers.get(customerKeyOf(id));
}

/** CREDITCHECK: the check of `amount` for a customer ID; an unknown ID gets BLOCK. */
export function checkCustomer(picture: CreditPicture, id: string, amount: Minor, options: CheckOptions = {}): CreditCheckResult {
  const cp = findCustomer(picture, id);
  if (!cp) return unknownCustomerCheck(String(id).trim(), picture.settings, options);
  return creditCheck(cp, amount, picture.settings, options);
}
