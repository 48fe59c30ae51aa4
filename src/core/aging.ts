import type { Day, Invoice, Minor, Settings } from './types';
import type { CustomerLedger, LedgerInvoice } from './ledger';

/**
 * Aging: open amounts in buckets by age.
 *
 * Labels come from the edges and never change with the language: edges [30, 60, 90] give
 * `Current`, `1-30`, `31-60`, `61-90`, `91+`. `Current` holds ages <= 0.
 *
 * Basis:
 * - 'due' (the default): age = as-of − Due Date, i.e. days past due. `Current` = not yet due
 *   (or due today).
 * - 'invoice': age = as-of − Invoice Date, i.e. days since the invoice. The same labels are used,
 *   so `Current` holds only invoices dated on the as-of day and `1-30` those 1 to 30 days old.
 *   The credit check, the score and "days past due" always use the due date whatever the basis.
 *
 * Only positive invoices are aged; unapplied credit (unapplied payments and credit notes) is
 * shown beside the buckets, never netted into them, so the buckets sum to the open invoice total.
 */

/** Cleans aging edges: positive whole numbers, ascending, no repeats. */
export function normaliseEdges(edges: readonly number[]): number[] {
  const clean = edges.filter((e) => Number.isFinite(e) && e >= 1).map((e) => Math.floor(e));
  return [...new Set(clean)].sort((a, b) => a - b);
}

/**
 * The bucket labels for the edges.
 *
 * @example agingLabels([30, 60, 90]) → ['Current', '1-30', '31-60', '61-90', '91+']
 * @example agingLabels([]) → ['Current', '1+']
 */
export function agingLabels(edges: readonly number[]): string[] {
  const e = normaliseEdges(edges);
  const labels = ['Current'];
  let low = 1;
  for (const edge of e) {
    labels.push(`${low}-${edge}`);
    low = edge + 1;
  }
  labels.push(`${low}+`);
  return labels;
}

/**
 * Labels as people read them (not the custom functions' results, which the contract fixes): on the
 * invoice basis the first bucket holds invoices issued on the as-of day, `0` days old, not "not
 * yet due", so it is labelled `0`.
 *
 * @example shownAgingLabels(['Current', '1-30'], 'invoice') → ['0', '1-30']
 */
export function shownAgingLabels(labels: readonly string[], basis: 'due' | 'invoice'): string[] {
  return labels.map((l) => (basis === 'invoice' && l === 'Current' ? '0' : l));
}

/**
 * The bucket index (0 = Current) for an age in days.
 *
 * @example agingBucketIndex(0, [30, 60, 90]) === 0; agingBucketIndex(31, [30, 60, 90]) === 2
 */
export function agingBucketIndex(days: number, edges: readonly number[]): number {
  return bucketIn(days, normaliseEdges(edges));
}

/** Bucket index over edges already normalised (the fast path for loops). */
export function bucketIn(days: number, e: readonly number[]): number {
  if (days <= 0) return 0;
  for (let i = 0; i < e.length; i++) if (days <= e[i]) return i + 1;
  return e.length + 1;
}

/**
 * The bucket label for an age in days: what `AGINGBUCKET` returns.
 *
 * @example agingBucket(45, [30, 60, 90]) === '31-60'; agingBucket(-3, [30, 60, 90]) === 'Current'
 */
export function agingBucket(days: number, edges: readonly number[]): string {
  return agingLabels(edges)[agingBucketIndex(days, edges)];
}

/** Days past due: as-of − due, in calendar days; negative when not yet due. */
export function daysPastDue(due: Day, asOf: Day): number {
  return asOf - due;
}

/**
 * Days overdue: what `DAYSOVERDUE` returns; 0 when not yet due.
 *
 * @example daysOverdue(dayOf(2024, 2, 28), dayOf(2024, 3, 1)) === 2 // 2024 is a leap year
 */
export function daysOverdue(due: Day, asOf: Day): number {
  return Math.max(0, asOf - due);
}

/** The age of an invoice for aging, on the given basis. */
export function agingAge(invoice: Invoice, asOf: Day, basis: Settings['agingBasis']): number {
  return asOf - (basis === 'invoice' ? invoice.invoiceDate : invoice.dueDate);
}

/** agingAge of a ledger entry as of the ledger's day (on the due basis, its daysPastDue: no trip to the invoice record). */
export function ledgerAge(li: LedgerInvoice, asOf: Day, basis: Settings['agingBasis']): number {
  return basis === 'invoice' ? asOf - li.invoice.invoiceDate : li.daysPastDue;
}

export interface AgingRow {
  /** Open amounts per bucket, in the order of `agingLabels`. */
  buckets: Minor[];
  /** Sum of the buckets: the open invoice total. */
  total: Minor;
  /** Shown beside the buckets, not netted into them. */
  unappliedCredit: Minor;
}

/** An empty aging row for the edges. */
export function emptyAging(edges: readonly number[]): AgingRow {
  const count = isNormalised(edges) ? edges.length : normaliseEdges(edges).length;
  return { buckets: new Array<Minor>(count + 2).fill(0), total: 0, unappliedCredit: 0 };
}

/** True when the edges are already what normaliseEdges gives: whole numbers >= 1, rising. */
function isNormalised(edges: readonly number[]): boolean {
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!Number.isInteger(e) || e < 1 || (i > 0 && e <= edges[i - 1])) return false;
  }
  return true;
}

/** Ages one customer's ledger. */
export function ageCustomer(cl: CustomerLedger, asOf: Day, settings: Pick<Settings, 'agingEdges' | 'agingBasis'>): AgingRow {
  const edges = normaliseEdges(settings.agingEdges);
  const row = emptyAging(edges);
  for (const li of cl.invoices) {
    if (li.open === 0) continue;
    row.buckets[bucketIn(agingAge(li.invoice, asOf, settings.agingBasis), edges)] += li.open;
    row.total += li.open;
  }
  row.unappliedCredit = cl.unappliedCredit;
  return row;
}

/** Adds `row` into `into` (portfolio totals). */
export function addAging(into: AgingRow, row: AgingRow): void {
  for (let i = 0; i < into.buckets.length; i++) into.buckets[i] += row.buckets[i] ?? 0;
  into.total += row.total;
  into.unappliedCredit += row.unappliedCredit;
}
