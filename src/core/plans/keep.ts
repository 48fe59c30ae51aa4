/**
 * Keeping and breaking: the computed state of each plan and promise as of a day, from the
 * ledger's receipts. Pure; linear in the receipts and instalments.
 *
 * The rule. Cash counted for an arrangement = its share of the customer's receipts with a known
 * date on or after its Start Date (any receipt: the Plans sheet says what was agreed, the ledger
 * says what came in); the customer's arrangements share the receipts so that each unit of cash
 * counts for at most one (`shareReceipts`). Instalment k, due on Dk, with cumulative amount Ck:
 *   kept      when the cash counted by Dk + grace reaches Ck (it may come early);
 *   missed    when Dk + grace has passed and the cash counted by then fell short of Ck
 *             (paying after that does not undo the miss);
 *   due       from Dk to Dk + grace while not yet covered;
 *   upcoming  before Dk while not yet covered.
 * Grace = Settings "Plan Grace (days)" (default 3) for plans; 0 for promises, so a promise is broken
 * the day after its date. An arrangement is broken from the day after its first missed
 * instalment's grace ends; completed when every instalment is kept; active otherwise. Before its
 * Start Date an arrangement is not in force: every instalment is upcoming and it pauses nothing.
 * Once what it covers is settled (`settledOn`), an instalment whose grace ends on or after that day
 * is kept: a plan for more than was owed completes when the customer has paid everything.
 *
 * Monotone: moving a receipt later (on or after the Start Dates) can only lower the cash counted
 * by any day (the sharing's order is fixed by the instalments, not by when cash came), so it can
 * only turn kept into missed, never the reverse. (Moving a payment from before
 * the Start Date to after it changes the situation the plan was agreed in; it is not covered.)
 */
import type { Day, Minor } from '../types';
import type { LedgerInvoice, Receipt } from '../ledger';
import type { Arrangement, ArrangementType, Instalment } from './read';

export type InstalmentState = 'upcoming' | 'due' | 'kept' | 'missed';
export type ArrangementStatus = 'active' | 'completed' | 'broken';

export interface InstalmentView extends Instalment {
  /** Its amount plus every earlier instalment's. */
  cumulative: Minor;
  /** The last day it may be paid and still count as kept: due date + grace. */
  graceEnd: Day;
  /** The day the cash counted first reached `cumulative`; null when it has not (as of the day). */
  coveredOn: Day | null;
  state: InstalmentState;
  /** What was still missing of `cumulative` at the end of its grace (missed) or now (otherwise); >= 0. */
  shortfall: Minor;
}

export interface CoveredInvoice {
  key: string;
  no: string;
}

export interface ArrangementView {
  arrangement: Arrangement;
  /** Days of grace applied: the plan grace, 0 for a promise. */
  graceDays: number;
  /** As-of is on or after the Start Date. */
  started: boolean;
  status: ArrangementStatus;
  instalments: InstalmentView[];
  /** The invoices it covers: those it names, or all the customer's open at the Start Date. */
  covered: CoveredInvoice[];
  /** Sum of instalments. */
  total: Minor;
  /** Sum of instalments due on or before as-of. */
  dueSoFar: Minor;
  /** Cash counted from the Start Date to as-of. */
  received: Minor;
  /** The first day it was broken (day after the first missed instalment's grace); null when not broken. */
  brokenOn: Day | null;
  /** The first missed instalment; null when none. */
  missed: InstalmentView | null;
}

export interface PlanSettings {
  /** "Plan Grace (days)": default 3. */
  graceDays: number;
  /** "Plan Reminder Days": the instalment reminder goes this many days before each due date; default 3. */
  reminderDays: number;
  /** "Weight Promises": weight of the broken-promises factor in the score; default 1. */
  promisesWeight: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = { graceDays: 3, reminderDays: 3, promisesWeight: 1 };

/** The grace an arrangement of a type gets. */
export function graceFor(type: ArrangementType, graceDays: number): number {
  return type === 'promise' ? 0 : Math.max(0, Math.floor(graceDays));
}

/**
 * The invoices an arrangement covers: the ones it names (that the customer has), or, when it names
 * none, every positive invoice of the customer dated on or before the Start Date with something
 * still open at the end of that day (amount − allocations dated on or before it).
 */
export function coveredInvoices(a: Arrangement, invoices: readonly LedgerInvoice[]): CoveredInvoice[] {
  if (a.invoiceKeys !== null) {
    const wanted = new Set(a.invoiceKeys);
    const out: CoveredInvoice[] = [];
    const seen = new Set<string>();
    for (const li of invoices) {
      if (wanted.has(li.invoice.key) && !seen.has(li.invoice.key)) {
        seen.add(li.invoice.key);
        out.push({ key: li.invoice.key, no: li.invoice.no });
      }
    }
    // Named invoices dated after as-of are not in the ledger yet: keep them by key.
    for (const k of a.invoiceKeys) if (!seen.has(k)) out.push({ key: k, no: k });
    return out;
  }
  const out: CoveredInvoice[] = [];
  for (const li of invoices) {
    const inv = li.invoice;
    if (inv.invoiceDate > a.start || inv.amount <= 0) continue;
    let paid = 0;
    for (const al of li.allocations) if (al.day <= a.start) paid += al.amount;
    if (inv.amount - paid > 0) out.push({ key: inv.key, no: inv.no });
  }
  return out;
}

type ReceiptIn = Pick<Receipt, 'day' | 'amount' | 'dateKnown'> & { invoiceKey?: string | null };

/** What the customer's ledger says beyond its receipts: used to complete an arrangement whose invoices are paid. */
export interface CustomerBalance {
  /** Open invoices − unapplied credit as of the day (the customer's open balance). */
  openBalance: Minor;
}

/** The day an invoice was settled (its last allocation's day; its own date when it had nothing to pay); null while open. */
function settledDay(li: LedgerInvoice): Day | null {
  if (li.open > 0) return null;
  let day = li.invoice.invoiceDate;
  for (const al of li.allocations) if (al.day > day) day = al.day;
  return day;
}

/**
 * The day from which an arrangement has nothing left to keep, as of the ledger's day; null when it
 * still has. One naming invoices: when every named invoice is settled, the last one's settle day.
 * One naming none (or only invoices that are not the customer's): when the customer's open balance
 * is 0 or less, the day its last invoice was settled (the start of time when it has none).
 */
export function settledOn(a: Arrangement, invoices: readonly LedgerInvoice[], balance: CustomerBalance | undefined): Day | null {
  if (a.invoiceKeys !== null && a.invoiceKeys.length > 0) {
    const byKey = new Map<string, LedgerInvoice>();
    for (const li of invoices) if (!byKey.has(li.invoice.key)) byKey.set(li.invoice.key, li);
    let day = -Infinity;
    for (const k of a.invoiceKeys) {
      const li = byKey.get(k);
      const s = li === undefined ? null : settledDay(li);
      if (s === null) return null;
      if (s > day) day = s;
    }
    return day;
  }
  if (balance === undefined || balance.openBalance > 0) return null;
  let day = -Infinity;
  for (const li of invoices) {
    const s = settledDay(li);
    if (s !== null && s > day) day = s;
  }
  // Receipts after the last invoice was settled are credit, not settlement: they do not move the
  // day (they did, and then paying made a plan for a customer who owed nothing break, while not
  // paying kept it — fast-check, "paying later never raises the score").
  return day;
}

/**
 * Shares a customer's receipts out among its arrangements, so that each unit of cash counts for at
 * most one (see docs/plans.md, "Sharing the cash"). Receipts are taken by day (then in the ledger's
 * order); one counts only for arrangements agreed on or before its day and not yet fully paid.
 * A receipt naming an invoice goes first to the arrangements covering that invoice; the rest of it,
 * and every receipt naming none (or naming an invoice no such arrangement covers: the cash is the
 * customer's), to all of them. Within a group, cash goes instalment by instalment to the arrangement
 * whose earliest instalment not yet paid must be paid first (its due date + grace, then its due
 * date, then its plan's first sheet row), up to that instalment's cumulative amount. Cash beyond
 * every arrangement's total counts for none. Returns, per arrangement, its cash by day.
 */
export function shareReceipts(
  arrangements: readonly Arrangement[],
  covered: readonly (readonly CoveredInvoice[])[],
  receipts: readonly ReceiptIn[],
  asOf: Day,
  graceDays: number,
): { day: Day; amount: Minor }[][] {
  const n = arrangements.length;
  const cash: { day: Day; amount: Minor }[][] = arrangements.map(() => []);
  if (n === 0) return cash;
  const grace = arrangements.map((a) => graceFor(a.type, graceDays));
  const cumulative = arrangements.map((a) => {
    let c = 0;
    return a.instalments.map((x) => (c += x.amount));
  });
  const counted = new Array<number>(n).fill(0);
  const next = new Array<number>(n).fill(0);
  const firstRow = arrangements.map((a) => Math.min(...(a.rows.length ? a.rows : a.instalments.map((x) => x.row))));
  const covers = covered.map((c) => new Set(c.map((x) => x.key)));
  const list = receipts
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.dateKnown && r.amount > 0 && r.day <= asOf)
    .sort((x, y) => x.r.day - y.r.day || x.i - y.i)
    .map(({ r }) => r);

  const before = (x: number, y: number): boolean => {
    const ix = arrangements[x].instalments[next[x]];
    const iy = arrangements[y].instalments[next[y]];
    const gx = ix.dueDate + grace[x];
    const gy = iy.dueDate + grace[y];
    if (gx !== gy) return gx < gy;
    if (ix.dueDate !== iy.dueDate) return ix.dueDate < iy.dueDate;
    if (firstRow[x] !== firstRow[y]) return firstRow[x] < firstRow[y];
    return x < y;
  };
  const give = (r: ReceiptIn, rest: Minor, eligible: (k: number) => boolean): Minor => {
    while (rest > 0) {
      let best = -1;
      for (let k = 0; k < n; k++) {
        if (next[k] >= cumulative[k].length || !eligible(k)) continue;
        if (best < 0 || before(k, best)) best = k;
      }
      if (best < 0) break;
      const g = Math.min(rest, cumulative[best][next[best]] - counted[best]);
      rest -= g;
      counted[best] += g;
      while (next[best] < cumulative[best].length && counted[best] >= cumulative[best][next[best]]) next[best]++;
      const c = cash[best];
      if (c.length > 0 && c[c.length - 1].day === r.day) c[c.length - 1].amount += g;
      else c.push({ day: r.day, amount: g });
    }
    return rest;
  };
  for (const r of list) {
    const started = (k: number): boolean => arrangements[k].start <= r.day;
    let rest = r.amount;
    const named = r.invoiceKey;
    if (named) rest = give(r, rest, (k) => started(k) && covers[k].has(named));
    give(r, rest, started);
  }
  return cash;
}

/**
 * The state of one arrangement as of a day, alone: as `evaluateCustomerArrangements` with it as
 * the customer's only arrangement.
 */
export function evaluateArrangement(
  a: Arrangement,
  receipts: readonly ReceiptIn[],
  invoices: readonly LedgerInvoice[],
  asOf: Day,
  graceDays: number,
  balance?: CustomerBalance,
): ArrangementView {
  return evaluateCustomerArrangements([a], receipts, invoices, asOf, graceDays, balance)[0];
}

/** The state of an arrangement from the cash shared to it (ascending by day). */
function evaluateWithCash(
  a: Arrangement,
  cash: readonly { day: Day; amount: Minor }[],
  covered: CoveredInvoice[],
  settled: Day | null,
  asOf: Day,
  graceDays: number,
): ArrangementView {
  const grace = graceFor(a.type, graceDays);
  const started = asOf >= a.start;
  let received = 0;
  if (started) for (const c of cash) received += c.amount;

  const views: InstalmentView[] = [];
  let cumulative = 0;
  let total = 0;
  let dueSoFar = 0;
  // Two pointers: the running sum of cash reaches each cumulative amount in order.
  let i = 0;
  let running = 0;
  for (const inst of a.instalments) {
    cumulative += inst.amount;
    total += inst.amount;
    if (inst.dueDate <= asOf) dueSoFar += inst.amount;
    while (started && running < cumulative && i < cash.length) running += cash[i++].amount;
    let coveredOn = running >= cumulative && i > 0 ? cash[i - 1].day : running >= cumulative ? a.start : null;
    const graceEnd = inst.dueDate + grace;
    // Nothing left to keep: the invoices it covers were settled by the end of this instalment's grace.
    const bySettlement = (coveredOn === null || coveredOn > graceEnd) && settled !== null && settled <= graceEnd;
    if (bySettlement) coveredOn = Math.max(settled, a.start);
    let state: InstalmentState;
    if (!started) state = 'upcoming';
    else if (coveredOn !== null && coveredOn <= graceEnd) state = 'kept';
    else if (asOf > graceEnd) state = 'missed';
    else if (asOf >= inst.dueDate) state = 'due';
    else state = 'upcoming';
    const countedBy = state === 'missed' ? sumTo(cash, graceEnd) : received;
    const shortfall = bySettlement && state === 'kept' ? 0 : Math.max(0, cumulative - countedBy);
    views.push({ ...inst, cumulative, graceEnd, coveredOn: started ? coveredOn : null, state, shortfall });
  }
  const missed = views.find((v) => v.state === 'missed') ?? null;
  const status: ArrangementStatus = missed ? 'broken' : views.every((v) => v.state === 'kept') ? 'completed' : 'active';
  return {
    arrangement: a,
    graceDays: grace,
    started,
    status,
    instalments: views,
    covered,
    total,
    dueSoFar,
    received,
    brokenOn: missed ? missed.graceEnd + 1 : null,
    missed,
  };
}

function sumTo(cash: readonly { day: Day; amount: Minor }[], day: Day): Minor {
  let s = 0;
  for (const c of cash) {
    if (c.day > day) break;
    s += c.amount;
  }
  return s;
}

/**
 * Every arrangement of one customer, as of a day: the customer's receipts shared out among them
 * (`shareReceipts`), then each evaluated on its share. `balance` (the customer's open balance as of
 * the day) lets an arrangement naming no invoice complete when the customer owes nothing.
 */
export function evaluateCustomerArrangements(
  arrangements: readonly Arrangement[],
  receipts: readonly ReceiptIn[],
  invoices: readonly LedgerInvoice[],
  asOf: Day,
  graceDays: number,
  balance?: CustomerBalance,
): ArrangementView[] {
  const covered = arrangements.map((a) => coveredInvoices(a, invoices));
  const shares = shareReceipts(arrangements, covered, receipts, asOf, graceDays);
  return arrangements.map((a, k) => evaluateWithCash(a, shares[k], covered[k], settledOn(a, invoices, balance), asOf, graceDays));
}

/** True while an arrangement pauses the ladder for the invoices it covers: started and active. */
export function pausesLadder(v: ArrangementView): boolean {
  return v.started && v.status === 'active';
}

/**
 * Broken arrangements that count against the score as of a day: those with a missed instalment
 * whose break day (grace end + 1) falls in the last 365 days (as-of − 364 … as-of). Any missed
 * instalment counts, not only the first, so that paying later can never move the only break out of
 * the window and raise the score.
 */
export function brokenInLastYear(views: readonly ArrangementView[], asOf: Day): number {
  let n = 0;
  for (const v of views) {
    if (v.instalments.some((x) => x.state === 'missed' && x.graceEnd + 1 > asOf - 365 && x.graceEnd + 1 <= asOf)) n++;
  }
  return n;
}

/** The warning of a broken plan or promise, for the run's digest and the risk watch list. */
export interface PlanWarning {
  kind: 'broken-promise' | 'broken-plan';
  type: ArrangementType;
  planId: string;
  planKey: string;
  customerKey: string;
  customerId: string;
  /** The day it broke: the day after the missed instalment's grace ended. */
  brokenOn: Day;
  /** Due date of the first missed instalment. */
  missedDue: Day;
  /** What was missing of the cumulative amount at the end of the grace. */
  shortfall: Minor;
  /** Invoice numbers it covered: the ladder resumes for these. */
  invoiceNos: string[];
}

/**
 * Plans and promises that broke after `since` and on or before `asOf` (a break on `since` itself is
 * not repeated): what the risk watch list shows as "a broken promise" since its last run, and what
 * the reminder run warns of. Pass `since = -Infinity` for every broken one.
 */
export function brokenSince(views: Iterable<ArrangementView>, since: Day, asOf: Day): PlanWarning[] {
  const out: PlanWarning[] = [];
  for (const v of views) {
    if (v.brokenOn === null || v.missed === null) continue;
    if (!(v.brokenOn > since && v.brokenOn <= asOf)) continue;
    const a = v.arrangement;
    out.push({
      kind: a.type === 'promise' ? 'broken-promise' : 'broken-plan',
      type: a.type,
      planId: a.id,
      planKey: a.key,
      customerKey: a.customerKey,
      customerId: a.customerId,
      brokenOn: v.brokenOn,
      missedDue: v.missed.dueDate,
      shortfall: v.missed.shortfall,
      invoiceNos: v.covered.map((c) => c.no),
    });
  }
  out.sort((x, y) => x.brokenOn - y.brokenOn || x.customerKey.localeCompare(y.customerKey) || x.planKey.localeCompare(y.planKey));
  return out;
}
