/**
 * Statements of account from the spreadsheet: the Statement sheet for one customer and period,
 * the same as JSON for the sidebar, the statement emailed on demand, and the monthly send.
 *
 * The monthly send is exactly once per customer and month, with the reminder run's protocol
 * (src/sheets/reminders/run.ts) over the same Reminder Log:
 * 1. The document lock is taken without waiting (unless the caller already holds it); a run that
 *    cannot take it does nothing.
 * 2. Statement lines still `pending` from an earlier run become `unknown`: that run stopped
 *    between writing them and learning the outcome. A key that is sent, pending or unknown is never
 *    sent again; a person confirms unknown ones (as for reminders).
 * 3. Per customer, key `STMT|<customer key>|<YYYY-MM>`: the quota is checked (To + CC), the line
 *    is appended as `pending` and flushed, the email is sent, and the line becomes `sent` (or
 *    `failed`, which a later run retries).
 * 4. When the quota runs out or the time budget is spent, the rest is logged `skipped` with the
 *    reason (`quota`, `time`) and the next day's run carries on.
 * A statement emailed on demand for exactly that calendar month (key `STMT|<key>|<YYYY-MM>|M…`)
 * counts as the month's statement: the monthly send does not repeat it.
 *
 * When: on the Settings "Statement Day" of the month (default 1), or on one of the six days after
 * it when the daily run did not get through on the day, for the previous calendar month, to every
 * customer whose closing balance is not zero.
 */
import { shownAgingLabels } from '../../core/aging';
import { dayFromYMD, daysInMonth, isoOfDay, todayIn, ymdOfDay } from '../../core/dates';
import { idKey, readCreditFile, nameSet } from '../../core/read';
import { logKey, readReminderLog, isFinal } from '../../core/reminders/log';
import type { RenderedEmail } from '../../core/reminders/render';
import type { SkipReason } from '../../core/reminders/plan';
import { isCalendarMonth, lastFullMonth, monthOf, statement, statements, type Statement } from '../../core/statement';
import { parseIsoDay } from '../../core/collections';
import type { Cell, Customer, Day } from '../../core/types';
import type { CustomerPicture } from '../../core/picture';
import type { Language } from '../../i18n/language';
import { COLLECTIONS_ERRORS } from '../../i18n/collections';
import { STATEMENT_DAY_KEYS, STATEMENT_NAMES, STATEMENT_SEND_TEXT, STATEMENT_TEXT } from '../../i18n/statements';
import { tryDocumentLock, type HeldLock } from '../../platform/lock';
import { recipientCount, remainingMailQuota, sendMail } from '../../platform/mail';
import { userLanguage } from '../../platform/session';
import { flush, timeZone, toast } from '../../platform/spreadsheet';
import { appendRows, openLog, setLineStates, type OpenedLog } from '../logSheet';
import { REMINDER_LOG } from '../owned';
import { writeReport } from '../reports/write';
import { settingsAndLanguage } from '../reports/language';
import { customerLanguage, loadWorkbench, type WorkbenchLoad } from '../collections/load';
import { renderStatementEmail } from './email';
import { statementLayout } from './layout';

/** Reminder Log fields (written under their headers): Time, Run, Key, Invoice No, Customer ID, Level, State, Reason, Recipients, Subject. */
const LEVEL = 'statement';

// ---------------------------------------------------------------- periods and customers

/** The period from two 'YYYY-MM-DD' texts; both blank: the last full month before today. Null when invalid. */
export function resolvePeriod(fromIso: unknown, toIso: unknown, today: Day): { from: Day; to: Day } | null {
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  if (blank(fromIso) && blank(toIso)) return lastFullMonth(today);
  const from = typeof fromIso === 'string' ? parseIsoDay(fromIso) : null;
  const to = blank(toIso) ? today : typeof toIso === 'string' ? parseIsoDay(toIso) : null;
  if (from === null || to === null || to < from) return null;
  return { from, to };
}

function findCustomer(loaded: WorkbenchLoad, id: unknown, language: Language): CustomerPicture {
  const text = typeof id === 'string' || typeof id === 'number' ? String(id).trim() : '';
  const cp = text ? loaded.picture.customers.get(idKey(text)) : undefined;
  if (!cp) throw new Error(COLLECTIONS_ERRORS[language].unknownCustomer(text.slice(0, 100)));
  return cp;
}

function periodOrThrow(fromIso: unknown, toIso: unknown, today: Day, language: Language): { from: Day; to: Day } {
  const p = resolvePeriod(fromIso, toIso, today);
  if (!p) throw new Error(STATEMENT_SEND_TEXT[language].badPeriod);
  return p;
}

function runIdOf(time: Date, prefix: string): string {
  return `${prefix}${time.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
}

// ---------------------------------------------------------------- the sheet

export interface StatementSheetResult {
  sheet: string;
  customerId: string;
  from: string;
  to: string;
  closing: number;
  message: string;
}

/** Rewrites the Statement sheet for one customer and period (default: the last full month). */
export function writeStatementSheet(customerId: string, fromIso?: string | null, toIso?: string | null): StatementSheetResult {
  const loaded = loadWorkbench();
  const language = loaded.file.settings.language;
  const cp = findCustomer(loaded, customerId, language);
  const { from, to } = periodOrThrow(fromIso, toIso, loaded.today, language);
  const st = statement(loaded.file, cp.customer.key, from, to);
  const layout = statementLayout(st, cp.customer, language, loaded.timeZone, loaded.file.settings.companyName);
  const sheet = writeReport(STATEMENT_NAMES, language, layout);
  const message = STATEMENT_TEXT[language].written(cp.customer.id, isoOfDay(from), isoOfDay(to));
  toast(message, language === 'zh' ? '信用管理' : 'Credit Desk');
  return { sheet, customerId: cp.customer.id, from: isoOfDay(from), to: isoOfDay(to), closing: st.closing, message };
}

// ---------------------------------------------------------------- JSON for the sidebar

export interface StatementView {
  customerId: string;
  name: string;
  currency: string;
  from: string;
  to: string;
  /** Money in minor units. */
  opening: number;
  closing: number;
  lines: { date: string; kind: string; kindText: string; reference: string; dueDate: string | null; debit: number; credit: number; balance: number; dateKnown: boolean }[];
  aging: { labels: string[]; buckets: number[]; total: number; unappliedCredit: number };
  reconciled: boolean;
}

export function statementView(st: Statement, customer: Customer, language: Language): StatementView {
  const t = STATEMENT_TEXT[language];
  return {
    customerId: customer.id,
    name: customer.name,
    currency: st.currency,
    from: isoOfDay(st.from),
    to: isoOfDay(st.to),
    opening: st.opening,
    closing: st.closing,
    lines: st.lines.map((l) => ({
      date: isoOfDay(l.day), kind: l.kind, kindText: t.kinds[l.kind], reference: l.reference,
      dueDate: l.dueDate === null ? null : isoOfDay(l.dueDate), debit: l.debit, credit: l.credit, balance: l.balance, dateKnown: l.dateKnown,
    })),
    aging: { labels: shownAgingLabels(st.agingLabels, st.agingBasis), buckets: st.aging.buckets.slice(), total: st.aging.total, unappliedCredit: st.unappliedCredit },
    reconciled: st.reconciled,
  };
}

/** The statement of a customer for a period as JSON (blank dates: the last full month). */
export function getStatementView(customerId: string, fromIso?: string | null, toIso?: string | null): StatementView {
  const language = userLanguage();
  const loaded = loadWorkbench();
  const cp = findCustomer(loaded, customerId, language);
  const { from, to } = periodOrThrow(fromIso, toIso, loaded.today, language);
  return statementView(statement(loaded.file, cp.customer.key, from, to), cp.customer, language);
}

// ---------------------------------------------------------------- sending

export interface SendResult {
  status: 'sent' | 'no-email' | 'quota' | 'failed' | 'locked';
  to: string;
  subject: string;
  key: string;
  message: string;
}

/** Appends the line pending, flushes, sends, records the outcome. */
function sendLogged(log: OpenedLog, runId: string, key: string, customer: Customer, email: RenderedEmail, company: string): { ok: boolean; error: string } {
  const row: Cell[] = [new Date(), runId, key, '', customer.id, LEVEL, 'pending', '', [email.to, email.cc].filter(Boolean).join(','), email.subject];
  const first = appendRows(log, [row]);
  flush();
  let outcome: [string, string] = ['sent', ''];
  try {
    sendMail({ to: email.to, cc: email.cc, subject: email.subject, body: email.body, htmlBody: email.htmlBody, name: company || undefined });
  } catch (e) {
    outcome = ['failed', (e instanceof Error ? e.message : String(e)).slice(0, 300)];
  }
  setLineStates(log, [first], outcome);
  return { ok: outcome[0] === 'sent', error: outcome[1] };
}

/**
 * Emails a customer's statement for a period now (blank dates: the last full month), logged in the
 * Reminder Log like every email the add-on sends. Waits up to 10 s for a run in progress.
 */
export function emailStatementNow(customerId: string, fromIso?: string | null, toIso?: string | null): SendResult {
  const ui = userLanguage();
  const texts = STATEMENT_SEND_TEXT[ui];
  const lock = tryDocumentLock(10_000);
  if (!lock) return { status: 'locked', to: '', subject: '', key: '', message: texts.locked };
  try {
    const loaded = loadWorkbench();
    const settings = loaded.file.settings;
    const cp = findCustomer(loaded, customerId, ui);
    const { from, to } = periodOrThrow(fromIso, toIso, loaded.today, ui);
    const st = statement(loaded.file, cp.customer.key, from, to);
    const email = renderStatementEmail(st, cp.customer, customerLanguage(cp.customer, settings.language), settings.companyName);
    const started = new Date();
    const period = isCalendarMonth(from, to) ? monthOf(from) : `${isoOfDay(from)}..${isoOfDay(to)}`;
    const key = `STMT|${cp.customer.key}|${period}|M${started.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    const base = { to: email.to, subject: email.subject, key };
    if (!email.to) return { status: 'no-email', ...base, message: texts.noEmail(cp.customer.id) };
    if (remainingMailQuota() < recipientCount(email)) return { status: 'quota', ...base, message: texts.quota };
    const log = openLog(REMINDER_LOG, settings.language);
    const out = sendLogged(log, runIdOf(started, 'M'), key, cp.customer, email, settings.companyName);
    return out.ok ? { status: 'sent', ...base, message: texts.sent(email.to) } : { status: 'failed', ...base, message: texts.failed(out.error) };
  } finally {
    lock.release();
  }
}

// ---------------------------------------------------------------- the monthly send

const isDayKey = nameSet(() => STATEMENT_DAY_KEYS);
/** Days after the Statement Day on which a send that did not get through is caught up. */
export const CATCH_UP_DAYS = 6;

/** The Statement Day from the Settings rows the reader kept (1-31; default 1). */
export function statementDay(extra: Record<string, string> | undefined): number {
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (!isDayKey(k)) continue;
    const n = Number(String(v).trim());
    if (Number.isInteger(n) && n >= 1 && n <= 31) return n;
  }
  return 1;
}

/**
 * The month whose statements are due on `today`, or null: `today` is a Statement Day (clamped to
 * its month's length) or one of the CATCH_UP_DAYS after it, and the month is the last full month
 * before that Statement Day. The catch-up days run on into the next month: with Statement Day 28,
 * 2 December still sends October's statements (those of November go from 28 December).
 */
export function statementMonthDue(today: Day, day: number): { from: Day; to: Day } | null {
  const { y, m } = ymdOfDay(today);
  for (const back of [0, 1]) {
    const month = ymdOfDay(dayFromYMD(y, m - back, 1));
    const statementDayOf = dayFromYMD(month.y, month.m, Math.min(day, daysInMonth(month.y, month.m)));
    if (today >= statementDayOf && today - statementDayOf <= CATCH_UP_DAYS) return lastFullMonth(statementDayOf);
  }
  return null;
}

/** True when statements are due on `today` (see statementMonthDue). */
export function inStatementWindow(today: Day, day: number): boolean {
  return statementMonthDue(today, day) !== null;
}

export interface MonthlyOptions {
  /** The caller (the daily run) already holds the document lock: do not take or release it. */
  lockHeld?: boolean;
  /** Milliseconds after which the send stops (default 2 minutes). */
  budgetMs?: number;
  /** Send whatever the day (tests, a person's "send now"); default false. */
  force?: boolean;
}

export interface MonthlyResult {
  status: 'done' | 'not-today' | 'locked' | 'quota' | 'time';
  /** The month the statements are for, 'YYYY-MM'. */
  month: string;
  sent: number;
  failed: number;
  skipped: number;
  unknown: number;
  message: string;
}

function readSettingsOnly(): { language: Language; day: number; today: Day } {
  const zone = timeZone();
  const { settings, language } = settingsAndLanguage();
  const file = readCreditFile(settings ? [settings] : [], { timeZone: zone, language });
  return { language, day: statementDay(file.settingsExtra), today: todayIn(zone, new Date()) };
}

/** The monthly statements: see the file comment for when and how. */
export function sendMonthlyStatements(options: MonthlyOptions = {}): MonthlyResult {
  const started = new Date();
  const budget = options.budgetMs ?? 120_000;
  const result: MonthlyResult = { status: 'done', month: '', sent: 0, failed: 0, skipped: 0, unknown: 0, message: '' };

  const pre = readSettingsOnly();
  const due = statementMonthDue(pre.today, pre.day);
  const { from, to } = due ?? lastFullMonth(pre.today);
  result.month = monthOf(from);
  if (!options.force && due === null) {
    return { ...result, status: 'not-today', message: STATEMENT_SEND_TEXT[pre.language].notToday(pre.day) };
  }

  let lock: HeldLock | null = null;
  if (!options.lockHeld) {
    lock = tryDocumentLock(0);
    if (!lock) return { ...result, status: 'locked', message: STATEMENT_SEND_TEXT[pre.language].locked };
  }
  try {
    const loaded = loadWorkbench();
    const settings = loaded.file.settings;
    const language = settings.language;
    const texts = STATEMENT_SEND_TEXT[language];
    const runId = runIdOf(started, 'S');
    const log = openLog(REMINDER_LOG, language);
    const index = readReminderLog(log.values);

    // 2. Statement lines left pending by a run that did not finish: their outcome is unknown.
    const pending = index.pending().filter((row) => row.key.startsWith('STMT|'));
    setLineStates(log, pending.map((row) => row.row), ['unknown', 'stopped-before-outcome']);
    for (const row of pending) {
      index.add({ ...row, state: 'unknown' });
      result.unknown++;
    }
    // Keys of statement lines already final, including on-demand sends of a whole month.
    const keyCol = log.columns.get('Key') ?? -1;
    const done = new Set<string>();
    for (let r = 1; r < log.values.length && keyCol >= 0; r++) {
      const k = logKey(log.values[r][keyCol]); // a customer part written before IDs were folded reads as today's key
      if (!k.startsWith('STMT|')) continue;
      const state = index.state(k);
      if (state && isFinal(state)) {
        const parts = k.split('|');
        done.add(parts.slice(0, 3).join('|'));
      }
    }

    const month = result.month;
    const all = statements(loaded.file, loaded.picture.order, from, to);
    const toSend: { key: string; customer: Customer; email: RenderedEmail }[] = [];
    const skipRows: Cell[][] = [];
    const skip = (key: string, customer: Customer, reason: SkipReason | 'time' | 'quota', subject = '') => {
      skipRows.push([new Date(), runId, key, '', customer.id, LEVEL, 'skipped', reason, '', subject]);
      result.skipped++;
    };
    for (const customerKey of loaded.picture.order) {
      const st = all.get(customerKey);
      const cp = loaded.picture.customers.get(customerKey);
      if (!st || !cp || st.closing === 0) continue;
      const key = `STMT|${customerKey}|${month}`;
      if (done.has(key)) continue;
      const email = renderStatementEmail(st, cp.customer, customerLanguage(cp.customer, language), settings.companyName);
      if (!email.to) {
        if (!index.hasSkip(key, 'no-email' as SkipReason)) skip(key, cp.customer, 'no-email' as SkipReason);
        continue;
      }
      toSend.push({ key, customer: cp.customer, email });
    }
    appendRows(log, skipRows);

    for (let n = 0; n < toSend.length; n++) {
      const { key, customer, email } = toSend[n];
      const stop = (why: 'quota' | 'time') => {
        result.status = why;
        const rows: Cell[][] = toSend.slice(n).map((p) => [new Date(), runId, p.key, '', p.customer.id, LEVEL, 'skipped', why, '', p.email.subject]);
        result.skipped += rows.length;
        rows.push([new Date(), runId, '', '', '', '', 'run', '', '', texts.stopped[why]]);
        appendRows(log, rows);
      };
      if (new Date().getTime() - started.getTime() > budget) { stop('time'); break; }
      if (remainingMailQuota() < recipientCount(email)) { stop('quota'); break; }
      const out = sendLogged(log, runId, key, customer, email, settings.companyName);
      if (out.ok) result.sent++;
      else result.failed++;
    }
    result.message = texts.monthly(month, result.sent, result.failed, result.skipped);
    if (result.sent + result.failed + result.skipped + result.unknown > 0) {
      appendRows(log, [[new Date(), runId, '', '', '', '', 'run', '', '', result.message]]);
    }
    return result;
  } finally {
    lock?.release();
  }
}
