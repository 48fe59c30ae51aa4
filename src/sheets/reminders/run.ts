/**
 * The reminder run: the scheduled credit-control job that emails customers on the ladder.
 *
 * Exactly once, whatever happens:
 * 1. The document lock is taken without waiting; a run that cannot take it writes a log line and
 *    exits (two overlapping runs, or the trigger firing twice).
 * 2. Lines still `pending` from an earlier run are turned `unknown`: that run stopped between
 *    writing them and learning the outcome, so the email may or may not have gone. They are never
 *    resent by a run; a person confirms them (sidebar, or by editing the State cell).
 * 3. The run plans, writes every skip with its reason, then re-reads the credit file just before
 *    sending and drops lines paid in the meantime (logged as `paid`).
 * 4. Per email: the lines are appended as `pending` and flushed, the mail quota is checked
 *    (To + CC), the email is sent, and the lines become `sent` (or `failed`, with the error).
 * 5. Before the 6-minute limit, and when the quota runs out, the run stops cleanly: what it did
 *    not send is logged (`time`, `quota`) and the next run carries on.
 * 6. The credit manager gets a digest of the run, unless it had nothing to tell.
 * A run killed at any point leaves at worst `pending` lines, which the next run turns `unknown`.
 *
 * Repayment plans and promises (src/core/plans, docs/plans.md) are read with the credit file: the
 * invoices an active one covers get no ladder line (skipped, `plan`); each instalment's friendly
 * reminder is one more email after the ladder's, its one line `PLAN|<id>|<due date>` going through
 * the same pending → sent steps; a plan or promise broken since it was last warned of is logged
 * once (`plan-broken`) and returned in the result (`warnings`, `notes`). The digest tells of it
 * through the risk watch list, which runs brokenSince over this run's picture (loaded with plans).
 */
import { readReminderLog, type ReminderLogIndex } from '../../core/reminders/log';
import { planRun, withoutClosed, type Communication, type RunPlan, type Skip } from '../../core/reminders/plan';
import { renderEmail, type RenderedEmail } from '../../core/reminders/render';
import { PLAN_LEVEL, renderInstalmentEmail, type InstalmentReminder, type PlanWarning } from '../../core/plans';
import { formatMoney } from '../../core/format';
import { isoOfDay } from '../../core/dates';
import { isLadderSheetName, LADDER_SHEET, readLadder } from '../../core/reminders/ladderSheet';
import type { Cell, Day, Problem } from '../../core/types';
import { tryDocumentLock } from '../../platform/lock';
import { recipientCount, remainingMailQuota, sendMail } from '../../platform/mail';
import { flush, readSheets } from '../../platform/spreadsheet';
import { settingsAndLanguage } from '../reports/language';
import type { LoadedPicture } from '../creditFile';
import { loadPictureWithPlans, type LoadedPlans } from '../plans/load';
import { appendRows, openLog, setLineStates } from '../logSheet';
import { REMINDER_LOG } from '../owned';
import { planInput, renderContext } from './inputs';
import { sendDigest, updateSnapshot } from './digest';
import { customerLanguage } from '../../i18n/language';
import { RUN_TEXT, skipReasonText } from '../../i18n/reminders';
import { brokenText } from '../../i18n/plans';

export interface RunOptions {
  /** Plan and render only: nothing is sent or written. */
  dryRun?: boolean;
  /** Milliseconds after which the run stops sending (default 4.5 minutes of the 6 allowed). */
  budgetMs?: number;
  /** What started it, for the log: schedule, menu, sidebar. */
  source?: string;
  /** Email the credit manager a digest after the run (default true). */
  digest?: boolean;
}

export interface PlannedEmail {
  communication: Communication;
  email: RenderedEmail;
}

/** An instalment reminder of a repayment plan or promise, rendered. */
export interface PlannedInstalment {
  reminder: InstalmentReminder;
  email: RenderedEmail;
}

export interface RunResult {
  status: 'done' | 'locked' | 'quota' | 'time' | 'dry-run';
  runId: string;
  asOf: Day;
  sent: number;
  failed: number;
  skipped: number;
  unknown: number;
  /** Emails planned (dry run) or sent. */
  emails: PlannedEmail[];
  /** Instalment reminders planned (dry run) or sent; counted in `sent` too. */
  instalments: PlannedInstalment[];
  /** Plans and promises broken since they were last warned of. */
  warnings: PlanWarning[];
  /** Lines for the credit manager's digest: the broken plans and promises. */
  notes: string[];
  skips: Skip[];
  problems: Problem[];
  message: string;
  /**
   * What the schedule records as the run's outcome (the sidebar's "Outcome"): the message and,
   * when the run stopped early for the quota or the time limit, that the next run carries on.
   */
  outcome: string;
}


function now(): Date {
  return new Date();
}

function runIdOf(time: Date): string {
  return `R${time.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
}

/** Reads the Reminder Ladder sheet (one read); the default ladder when there is none. */
function loadLadder(baseCurrency: string) {
  const found = readSheets(isLadderSheetName)[0];
  return readLadder(found ? found.values : null, found ? found.name : LADDER_SHEET.en, baseCurrency);
}

/** The language of an email: internal ones in the file's language; a customer's its own. */
function languageFor(comm: Communication, fallback: 'en' | 'zh'): 'en' | 'zh' {
  return comm.audience === 'internal' ? fallback : customerLanguage(comm.customer, fallback);
}

/**
 * Plans today's run from a loaded picture: used by the run and by the preview. A picture loaded
 * with its plans (loadPictureWithPlans) pauses covered invoices and plans instalment reminders.
 */
export function planToday(loaded: LoadedPicture | LoadedPlans, log: ReminderLogIndex): { plan: RunPlan; emails: PlannedEmail[]; instalments: PlannedInstalment[]; problems: Problem[] } {
  const { picture, file, asOf } = loaded;
  const ladder = loadLadder(picture.settings.baseCurrency);
  const planSettings = 'planSettings' in loaded ? loaded.planSettings : undefined;
  const plan = planRun(planInput(picture, file, ladder.ladder, log, asOf, planSettings));
  const emails = plan.communications.map((communication) => ({
    communication,
    email: renderEmail(communication, renderContext(picture, languageFor(communication, picture.settings.language), asOf)),
  }));
  const instalments = plan.instalments.map((reminder) => ({
    reminder,
    email: renderInstalmentEmail(reminder, renderContext(picture, customerLanguage(reminder.customer, picture.settings.language), asOf)),
  }));
  return { plan, emails, instalments, problems: ladder.problems };
}

/** The digest's lines for broken plans and promises. */
function warningNotes(loaded: LoadedPicture, warnings: PlanWarning[], language: 'en' | 'zh'): string[] {
  const currency = loaded.picture.settings.baseCurrency;
  return warnings.map((w) => brokenText({
    type: w.type, planId: w.planId, customerId: w.customerId,
    customerName: loaded.picture.customers.get(w.customerKey)?.customer.name ?? w.customerId,
    missedDue: isoOfDay(w.missedDue), shortfall: formatMoney(w.shortfall, currency),
  }, language));
}

/** One email to send and the log lines it carries. */
interface Outgoing {
  email: RenderedEmail;
  customerId: string;
  lines: { key: string; invoiceNo: string; customerKey: string; level: string }[];
  sent: () => void;
}

function skipRow(time: Date, runId: string, s: Skip, language: 'en' | 'zh'): Cell[] {
  return [time, runId, s.key, s.invoiceNo, s.customerKey, s.level, 'skipped', s.reason, '', skipReasonText(s.reason, s.detail, language)];
}

function runLine(time: Date, runId: string, text: string): Cell[] {
  return [time, runId, '', '', '', '', 'run', '', '', text];
}

/** Runs the reminders: see the file comment for the protocol. */
export function runReminders(options: RunOptions = {}): RunResult {
  const started = now();
  const runId = runIdOf(started);
  const budget = options.budgetMs ?? 270_000;
  const result: RunResult = {
    status: 'done', runId, asOf: 0, sent: 0, failed: 0, skipped: 0, unknown: 0, emails: [], instalments: [], warnings: [], notes: [], skips: [], problems: [], message: '', outcome: '',
  };

  if (options.dryRun) {
    const loaded = loadPictureWithPlans();
    const log = openLog(REMINDER_LOG, loaded.picture.settings.language);
    const planned = planToday(loaded, readReminderLog(log.values));
    return {
      ...result, status: 'dry-run', asOf: loaded.asOf, emails: planned.emails, instalments: planned.instalments, warnings: planned.plan.warnings,
      notes: warningNotes(loaded, planned.plan.warnings, loaded.picture.settings.language),
      skips: planned.plan.skips, problems: [...planned.problems, ...loaded.planProblems], skipped: planned.plan.skips.length,
    };
  }

  const lock = tryDocumentLock(0);
  if (!lock) {
    // The credit file is not read while another run holds it; its language is, from the Settings
    // sheet alone, so a new log gets the name the run would give it.
    const { language } = settingsAndLanguage();
    const log = openLog(REMINDER_LOG, language);
    appendRows(log, [runLine(started, runId, RUN_TEXT[language].locked)]);
    return { ...result, status: 'locked', message: RUN_TEXT[language].locked, outcome: RUN_TEXT[language].locked };
  }
  try {
    const loaded = loadPictureWithPlans();
    const language = loaded.picture.settings.language;
    const text = RUN_TEXT[language];
    result.asOf = loaded.asOf;
    const log = openLog(REMINDER_LOG, language);
    const index = readReminderLog(log.values);

    // 2. Pending lines from a run that did not finish: their outcome is unknown.
    const pending = index.pending();
    setLineStates(log, pending.map((row) => row.row), ['unknown', 'stopped-before-outcome']);
    for (const row of pending) {
      index.add({ ...row, state: 'unknown' });
      result.unknown++;
    }

    // 3. Plan, and say every skip.
    const planned = planToday(loaded, index);
    result.problems = [...planned.problems, ...loaded.planProblems];
    result.warnings = planned.plan.warnings;
    result.notes = warningNotes(loaded, planned.plan.warnings, language);
    const skipRows = planned.plan.skips.map((s) => skipRow(now(), runId, s, language));
    result.skips.push(...planned.plan.skips);

    // Re-read just before sending: an invoice paid since planning gets no reminder, nor an
    // instalment covered since.
    const fresh = loadPictureWithPlans(loaded.asOf, { kpis: false });
    const stillOpen = new Map<string, number>();
    const stillDue = new Set<string>();
    for (const c of fresh.picture.customers.values()) {
      for (const i of c.invoices) stillOpen.set(i.invoice.key, i.open);
      for (const v of c.arrangements) for (const x of v.instalments) if (x.state !== 'kept') stillDue.add(`${v.arrangement.key}|${x.dueDate}`);
    }
    const toSend: Outgoing[] = [];
    const ladderOutgoing = (p: PlannedEmail): Outgoing => ({
      email: p.email,
      customerId: p.communication.customer.id,
      lines: p.communication.lines.map((l) => ({ key: l.key, invoiceNo: l.invoice.no, customerKey: l.invoice.customerKey, level: l.key.split('|')[1] })),
      sent: () => { result.emails.push(p); },
    });
    for (const p of planned.emails) {
      const paid = p.communication.lines.filter((l) => (stillOpen.get(l.invoice.key) ?? 0) <= 0);
      for (const l of paid) {
        const s: Skip = { key: l.key, invoiceNo: l.invoice.no, customerKey: l.invoice.customerKey, level: l.key.split('|')[1], reason: 'paid', detail: '' };
        result.skips.push(s);
        skipRows.push(skipRow(now(), runId, s, language));
      }
      if (paid.length === 0) { toSend.push(ladderOutgoing(p)); continue; }
      const communication = withoutClosed(p.communication, (key) => (stillOpen.get(key) ?? 0) > 0);
      if (communication === null) continue;
      toSend.push(ladderOutgoing({ communication, email: renderEmail(communication, renderContext(fresh.picture, languageFor(communication, language), loaded.asOf)) }));
    }
    for (const p of planned.instalments) {
      const r = p.reminder;
      const line = { key: r.key, invoiceNo: '', customerKey: r.customer.key, level: PLAN_LEVEL };
      if (!stillDue.has(`${r.view.arrangement.key}|${r.instalment.dueDate}`)) {
        const s: Skip = { ...line, reason: 'paid', detail: '' };
        result.skips.push(s);
        skipRows.push(skipRow(now(), runId, s, language));
        continue;
      }
      toSend.push({ email: p.email, customerId: r.customer.id, lines: [line], sent: () => { result.instalments.push(p); } });
    }
    appendRows(log, skipRows);

    // 4. Send, one email at a time, each line pending before the send. One recipient of the
    // quota is kept for the credit manager's digest.
    const wantDigest = options.digest !== false && Boolean(loaded.picture.settings.creditManager);
    const digestReserve = wantDigest ? 1 : 0;
    for (let n = 0; n < toSend.length; n++) {
      const { email, customerId, lines } = toSend[n];
      const stopWith = (status: 'time' | 'quota', reason: 'time' | 'quota') => {
        result.status = status;
        const rest = toSend.slice(n).flatMap((p) => p.lines.map((l) => ({ ...l, reason, detail: '' }) as Skip));
        result.skips.push(...rest);
        appendRows(log, [...rest.map((s) => skipRow(now(), runId, s, language)), runLine(now(), runId, text[status])]);
      };
      if (now().getTime() - started.getTime() > budget) { stopWith('time', 'time'); break; }
      const needed = recipientCount(email) + digestReserve;
      if (remainingMailQuota() < needed) { stopWith('quota', 'quota'); break; }

      const time = now();
      const rows = lines.map((l) => [time, runId, l.key, l.invoiceNo, customerId, l.level, 'pending', '', [email.to, email.cc].filter(Boolean).join(','), email.subject] as Cell[]);
      const first = appendRows(log, rows);
      flush();
      let outcome: [string, string] = ['sent', ''];
      try {
        sendMail({ to: email.to, cc: email.cc, subject: email.subject, body: email.body, htmlBody: email.htmlBody, name: loaded.picture.settings.companyName || undefined });
        result.sent++;
        toSend[n].sent();
      } catch (e) {
        outcome = ['failed', (e instanceof Error ? e.message : String(e)).slice(0, 300)];
        result.failed++;
      }
      setLineStates(log, rows.map((_, k) => first + k), outcome);
    }

    result.skipped = result.skips.length;
    result.message = text.summary(result.sent, result.failed, result.skipped, result.unknown);
    result.outcome = result.status === 'quota' || result.status === 'time' ? text.stopped(result.message, text[result.status]) : result.message;
    appendRows(log, [runLine(now(), runId, `${options.source ?? 'run'}: ${result.message}`)]);
    const changes = updateSnapshot(loaded.picture, { settingsExtra: loaded.file.settingsExtra, timeZone: loaded.timeZone });
    // A run with nothing to tell (nothing sent, failed, skipped or unknown, nothing crossed a
    // line) sends no digest: running twice on a day sends nothing the second time.
    const news = result.sent + result.failed + result.skipped + result.unknown + changes.length + result.notes.length > 0;
    if (wantDigest && news) {
      // The snapshot above already holds today's picture: a digest that fails here is not sent
      // again, so its failure (and the risk changes it carried) is said in the log and the outcome.
      try {
        sendDigest(loaded.picture, result, changes);
      } catch (e) {
        const failed = text.digestFailed((e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 300));
        appendRows(log, [runLine(now(), runId, failed)]);
        result.outcome = `${result.outcome} ${failed}`;
      }
    }
    return result;
  } finally {
    lock.release();
  }
}

