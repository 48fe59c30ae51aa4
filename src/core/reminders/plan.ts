/**
 * Planning a reminder run: which (invoice, level) lines are due today, grouped into one
 * communication per customer and audience, and every line that is not sent with its reason.
 *
 * The rules (see the issue "Reminders"):
 * - an invoice's line is at the highest level of the ladder that is due for it;
 * - lower levels never sent by then are recorded as skipped, reason `missed`, never sent later;
 *   so is a lower level whose send failed or was deferred (`quota`, `time`) to a run that came too late;
 * - a line already sent, pending or of unknown outcome is never planned again;
 * - one communication per customer and audience per run, at the highest level among its lines;
 * - while a repayment plan or promise is active (src/core/plans), the invoices it covers get no
 *   ladder line for either audience: skipped, reason `plan` (said once per line, like the others).
 *   When it breaks or completes, the ladder resumes at the level due then; lower levels never
 *   logged are `missed` as usual;
 * - a friendly instalment reminder goes to the customer from `planReminderDays` before each
 *   instalment's due date until that date, while it is not yet covered: once, keyed
 *   `PLAN|<plan id>|<due date>`; a broken plan or promise is warned of once (`PLAN|<id>|BROKEN`,
 *   reason `plan-broken`).
 */
import type { Day, InvoiceStatus, Minor } from '../types';
import { highestDueLevel, levelLabel, levelsFor, type Audience, type LadderLevel } from './ladder';
import { isFinal, reminderKey, type ReminderLogIndex } from './log';
import { brokenSince, pausesLadder, type ArrangementView, type PlanWarning } from '../plans/keep';
import { brokenKey, instalmentKey, PLAN_LEVEL, type InstalmentReminder } from '../plans/remind';

export interface ReminderCustomer {
  key: string;
  id: string;
  name: string;
  emails: string[];
  cc: string[];
  owner: string;
  language: 'en' | 'zh' | null;
  remindersPausedUntil: Day | null;
}

export interface ReminderInvoice {
  key: string;
  no: string;
  customerKey: string;
  invoiceDate: Day;
  dueDate: Day;
  /** Open amount as of the run, base-currency minor units. */
  open: Minor;
  status: InvoiceStatus;
  disputed: boolean;
  remindersStopped: boolean;
}

export type SkipReason =
  | 'missed'
  | 'void'
  | 'disputed'
  | 'paid'
  | 'paused'
  | 'stopped'
  | 'no-email'
  | 'under-minimum'
  | 'quota'
  | 'time'
  | 'unknown-pending'
  | 'plan'
  | 'plan-broken';

export interface ReminderLine {
  key: string;
  invoice: ReminderInvoice;
  level: LadderLevel;
  /** asOf − due date; negative before the due date. */
  daysPastDue: number;
}

export interface Skip {
  key: string;
  invoiceNo: string;
  customerKey: string;
  level: string;
  reason: SkipReason;
  /**
   * Language-neutral words the reason's text places (src/i18n/reminders.ts): the level reached
   * for `missed` ('+30'), a day for `paused`, a plan ID for `plan`; '' when none.
   */
  detail: string;
}

export interface Communication {
  /** Stable for a customer, audience and day: `C-001|customer|2026-11-20`. */
  id: string;
  customer: ReminderCustomer;
  audience: Audience;
  /** The highest level among the lines: its template is used. */
  level: LadderLevel;
  lines: ReminderLine[];
  /** The customer's other open invoices, listed for context. */
  otherOpen: ReminderInvoice[];
  to: string[];
  cc: string[];
}

export interface RunPlan {
  asOf: Day;
  communications: Communication[];
  skips: Skip[];
  /** Instalment reminders due today (one email each). */
  instalments: InstalmentReminder[];
  /** Plans and promises broken and not yet warned of (their `plan-broken` skip is in `skips`). */
  warnings: PlanWarning[];
}

export interface PlanInput {
  asOf: Day;
  ladder: LadderLevel[];
  customers: Map<string, ReminderCustomer>;
  invoices: ReminderInvoice[];
  log: ReminderLogIndex;
  /** Internal escalations go to the owner and these addresses (the credit manager). */
  internalRecipients: string[];
  isoOfDay: (day: Day) => string;
  /** Repayment plans and promises as of `asOf` (src/core/plans); none when absent. */
  arrangements?: readonly ArrangementView[];
  /** Days before an instalment's due date its reminder goes (Settings "Plan Reminder Days"); default 3. */
  planReminderDays?: number;
}

const CLOSED: InvoiceStatus[] = ['paid'];

/**
 * The communication without the lines of invoices no longer open (paid between planning and
 * sending): it goes at the highest level among the lines left, and lists only other invoices
 * still open. Null when no line is left.
 */
export function withoutClosed(comm: Communication, isOpen: (invoiceKey: string) => boolean): Communication | null {
  const lines = comm.lines.filter((l) => isOpen(l.invoice.key));
  if (lines.length === 0) return null;
  const level = lines.reduce((top, l) => (l.level.days > top.days ? l.level : top), lines[0].level);
  return { ...comm, level, lines, otherOpen: comm.otherOpen.filter((i) => isOpen(i.key)) };
}

/**
 * Whether the level at `top` of `levels` was sent (or may have been) under Days the ladder no
 * longer has: a final line of this invoice at a day that is no level of today's ladder, whose
 * nearest level of this audience is this one (the lower on a tie), and no more than
 * EDITED_DAYS_REACH days from it. Editing a level's Days (say +15 to +14) must not send it again;
 * a level deleted (+20, with +30 next) or an internal level moved (+45 to +60) is no customer
 * level sent, so it is not taken for one.
 */
/** How far a level's Days may move and still be the same level for lines already sent: a week. */
export const EDITED_DAYS_REACH = 7;

function sentUnderEditedDays(log: ReminderLogIndex, invoiceNo: string, levels: readonly LadderLevel[], top: number, ladderDays: ReadonlySet<number>): boolean {
  const nearest = (d: number): number => {
    let best = 0;
    for (let i = 1; i < levels.length; i++) if (Math.abs(levels[i].days - d) < Math.abs(levels[best].days - d)) best = i;
    return best;
  };
  return log.finalDays(invoiceNo).some((d) => !ladderDays.has(d) && nearest(d) === top && Math.abs(levels[top].days - d) <= EDITED_DAYS_REACH);
}

/**
 * Whether a lower level, now passed, is to be logged as missed: it has no line, or its last word
 * promised another try that will not come (a send that failed, a line deferred by the quota or
 * the time limit to "the next run"). A line skipped for a standing reason (disputed, paused, …)
 * keeps that reason.
 */
function passedUnsent(log: ReminderLogIndex, key: string): boolean {
  const state = log.state(key);
  if (state === null) return true;
  if (isFinal(state)) return false;
  return state === 'failed' || log.hasSkip(key, 'quota') || log.hasSkip(key, 'time');
}

/** Plans today's run. Pure: the same input gives the same plan. */
export function planRun(input: PlanInput): RunPlan {
  const { asOf, log } = input;
  const skips: Skip[] = [];
  const byCommunication = new Map<string, Communication>();
  const openByCustomer = new Map<string, ReminderInvoice[]>();

  const skip = (invoice: ReminderInvoice, level: LadderLevel, reason: SkipReason, detail = '') => {
    const key = reminderKey(invoice.no, level.days);
    if (log.hasSkip(key, reason)) return; // said once already
    skips.push({ key, invoiceNo: invoice.no, customerKey: invoice.customerKey, level: levelLabel(level.days), reason, detail });
  };

  // Invoices under an active plan or promise: invoice key → plan ID.
  const arrangements = input.arrangements ?? [];
  const underPlan = new Map<string, string>();
  for (const v of arrangements) if (pausesLadder(v)) for (const c of v.covered) if (!underPlan.has(c.key)) underPlan.set(c.key, v.arrangement.id);

  for (const invoice of input.invoices) {
    if (invoice.open > 0 && invoice.status !== 'void') {
      const list = openByCustomer.get(invoice.customerKey) ?? [];
      list.push(invoice);
      openByCustomer.set(invoice.customerKey, list);
    }
  }

  const ladderDays = new Set(input.ladder.map((l) => l.days));
  for (const audience of ['customer', 'internal'] as Audience[]) {
    const levels = levelsFor(input.ladder, audience);
    if (levels.length === 0) continue;
    for (const invoice of input.invoices) {
      if (CLOSED.includes(invoice.status) || invoice.open <= 0) continue;
      const top = highestDueLevel(levels, invoice.dueDate, asOf);
      if (top < 0) continue;
      const level = levels[top];
      const key = reminderKey(invoice.no, level.days);
      const state = log.state(key);
      if (state && isFinal(state)) continue; // sent, pending or unknown: never again
      if (sentUnderEditedDays(log, invoice.no, levels, top, ladderDays)) continue; // the same level, its Days since edited
      for (let i = 0; i < top; i++) {
        const lower = levels[i];
        // the level reached is the detail: each language's text places it
        if (passedUnsent(log, reminderKey(invoice.no, lower.days))) skip(invoice, lower, 'missed', levelLabel(level.days));
      }
      const customer = input.customers.get(invoice.customerKey);
      if (!customer) continue; // the reader reported the unknown customer already
      if (invoice.status === 'void') { skip(invoice, level, 'void'); continue; }
      if (invoice.disputed || invoice.status === 'disputed') { skip(invoice, level, 'disputed'); continue; }
      if (invoice.remindersStopped) { skip(invoice, level, 'stopped'); continue; }
      const planId = underPlan.get(invoice.key);
      if (planId !== undefined) { skip(invoice, level, 'plan', planId); continue; }
      if (audience === 'customer' && customer.remindersPausedUntil !== null && customer.remindersPausedUntil > asOf) {
        skip(invoice, level, 'paused', input.isoOfDay(customer.remindersPausedUntil));
        continue;
      }
      if (invoice.open < level.minOpen) { skip(invoice, level, 'under-minimum'); continue; }
      const to = audience === 'customer' ? customer.emails : unique([customer.owner, ...input.internalRecipients].filter(Boolean));
      if (to.length === 0) { skip(invoice, level, 'no-email'); continue; }

      const id = `${customer.key}|${audience}|${input.isoOfDay(asOf)}`;
      let comm = byCommunication.get(id);
      if (!comm) {
        comm = { id, customer, audience, level, lines: [], otherOpen: [], to, cc: audience === 'customer' ? customer.cc : [] };
        byCommunication.set(id, comm);
      }
      if (level.days > comm.level.days) comm.level = level;
      comm.lines.push({ key, invoice, level, daysPastDue: asOf - invoice.dueDate });
    }
  }

  const communications = [...byCommunication.values()];
  for (const comm of communications) {
    comm.lines.sort((a, b) => a.invoice.dueDate - b.invoice.dueDate || a.invoice.no.localeCompare(b.invoice.no));
    const listed = new Set(comm.lines.map((l) => l.invoice.key));
    comm.otherOpen = (openByCustomer.get(comm.customer.key) ?? [])
      .filter((i) => !listed.has(i.key))
      .sort((a, b) => a.dueDate - b.dueDate || a.no.localeCompare(b.no));
  }
  communications.sort((a, b) => a.customer.key.localeCompare(b.customer.key) || a.audience.localeCompare(b.audience));

  const { instalments, warnings } = planArrangements(input, arrangements, skips);
  return { asOf, communications, skips, instalments, warnings };
}

/** Instalment reminders due today and broken plans not yet warned of; their skips go into `skips`. */
function planArrangements(input: PlanInput, arrangements: readonly ArrangementView[], skips: Skip[]): { instalments: InstalmentReminder[]; warnings: PlanWarning[] } {
  const { asOf, log } = input;
  const before = Math.max(0, Math.floor(input.planReminderDays ?? 3));
  const instalments: InstalmentReminder[] = [];
  const planSkip = (key: string, customerKey: string, reason: SkipReason, detail: string) => {
    if (log.hasSkip(key, reason)) return;
    skips.push({ key, invoiceNo: '', customerKey, level: PLAN_LEVEL, reason, detail });
  };
  for (const v of arrangements) {
    if (!pausesLadder(v)) continue;
    const a = v.arrangement;
    const customer = input.customers.get(a.customerKey);
    if (!customer) continue;
    for (const inst of v.instalments) {
      if (inst.state !== 'upcoming' && inst.state !== 'due') continue;
      if (asOf < inst.dueDate - before || asOf > inst.dueDate) continue;
      const amountDue = inst.cumulative - v.received;
      if (amountDue <= 0) continue;
      const key = instalmentKey(a.id, inst.dueDate);
      const state = log.state(key);
      if (state && isFinal(state)) continue;
      if (customer.remindersPausedUntil !== null && customer.remindersPausedUntil > asOf) {
        planSkip(key, a.customerKey, 'paused', input.isoOfDay(customer.remindersPausedUntil));
        continue;
      }
      if (customer.emails.length === 0) { planSkip(key, a.customerKey, 'no-email', ''); continue; }
      instalments.push({ key, customer, view: v, instalment: inst, amountDue, to: customer.emails, cc: customer.cc });
    }
  }
  instalments.sort((x, y) => x.instalment.dueDate - y.instalment.dueDate || x.key.localeCompare(y.key));

  const warnings: PlanWarning[] = [];
  for (const w of brokenSince(arrangements, -Infinity, asOf)) {
    const key = brokenKey(w.planId);
    if (log.hasSkip(key, 'plan-broken')) continue;
    warnings.push(w);
    skips.push({ key, invoiceNo: '', customerKey: w.customerKey, level: PLAN_LEVEL, reason: 'plan-broken', detail: `${w.planId} ${input.isoOfDay(w.missedDue)}` });
  }
  return { instalments, warnings };
}

function unique(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim().toLowerCase()))];
}
