/**
 * Keeping and breaking: the computed state of each plan and promise as of a day, from the
 * ledger's receipts. Pure; linear in the receipts and instalments.
 *
 * The rule. Cash counted for an arrangement = the customer's receipts with a known date on or
 * after its Start Date (any receipt: the Plans sheet says what was agreed, the ledger says what
 * came in). Instalment k, due on Dk, with cumulative amount Ck (its own and every earlier one):
 *   kept      when the cash counted by Dk + grace reaches Ck (it may come early);
 *   missed    when Dk + grace has passed and the cash counted by then fell short of Ck
 *             (paying after that does not undo the miss);
 *   due       from Dk to Dk + grace while not yet covered;
 *   upcoming  before Dk while not yet covered.
 * Grace = Settings "Plan Grace (days)" (default 3) for plans; 0 for promises, so a promise is broken
 * the day after its date. An arrangement is broken from the day after its first missed
 * instalment's grace ends; completed when every instalment is kept; active otherwise. Before its
 * Start Date an arrangement is not in force: every instalment is upcoming and it pauses nothing.
 *
 * Monotone: moving a receipt later (on or after the Start Date) can only lower the cash counted by
 * any day, so it can only turn kept into missed, never the reverse. (Moving a payment from before
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

/** Cash receipts with a known date in [from, to], ascending by day. */
function countedReceipts(receipts: readonly Pick<Receipt, 'day' | 'amount' | 'dateKnown'>[], from: Day, to: Day): { day: Day; amount: Minor }[] {
  const out: { day: Day; amount: Minor }[] = [];
  for (const r of receipts) if (r.dateKnown && r.day >= from && r.day <= to && r.amount > 0) out.push({ day: r.day, amount: r.amount });
  out.sort((a, b) => a.day - b.day);
  return out;
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

/** The state of one arrangement as of a day. */
export function evaluateArrangement(
  a: Arrangement,
  receipts: readonly Pick<Receipt, 'day' | 'amount' | 'dateKnown'>[],
  invoices: readonly LedgerInvoice[],
  asOf: Day,
  graceDays: number,
): ArrangementView {
  const grace = graceFor(a.type, graceDays);
  const started = asOf >= a.start;
  const cash = started ? countedReceipts(receipts, a.start, asOf) : [];
  let received = 0;
  for (const c of cash) received += c.amount;

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
    while (running < cumulative && i < cash.length) running += cash[i++].amount;
    const coveredOn = running >= cumulative && i > 0 ? cash[i - 1].day : running >= cumulative ? a.start : null;
    const graceEnd = inst.dueDate + grace;
    let state: InstalmentState;
    if (!started) state = 'upcoming';
    else if (coveredOn !== null && coveredOn <= graceEnd) state = 'kept';
    else if (asOf > graceEnd) state = 'missed';
    else if (asOf >= inst.dueDate) state = 'due';
    else state = 'upcoming';
    const countedBy = state === 'missed' ? sumTo(cash, graceEnd) : received;
    views.push({ ...inst, cumulative, graceEnd, coveredOn: started ? coveredOn : null, state, shortfall: Math.max(0, cumulative - countedBy) });
  }
  const missed = views.find((v) => v.state === 'missed') ?? null;
  const status: ArrangementStatus = missed ? 'broken' : views.every((v) => v.state === 'kept') ? 'completed' : 'active';
  return {
    arrangement: a,
    graceDays: grace,
    started,
    status,
    instalments: views,
    covered: coveredInvoices(a, invoices),
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

/** Every arrangement of one customer, as of a day. */
export function evaluateCustomerArrangements(
  arrangements: readonly Arrangement[],
  receipts: readonly Pick<Receipt, 'day' | 'amount' | 'dateKnown'>[],
  invoices: readonly LedgerInvoice[],
  asOf: Day,
  graceDays: number,
): ArrangementView[] {
  return arrangements.map((a) => evaluateArrangement(a, receipts, invoices, asOf, graceDays));
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
