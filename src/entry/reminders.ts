/** The reminder run's entry points: the scheduled trigger, menu actions and sidebar calls. */
import { isoOfDay } from '../core/dates';
import { confirmation, logKey, readReminderLog, type ConfirmOutcome } from '../core/reminders/log';
import { escapeHtml } from '../core/reminders/render';
import { showAlert, showHtmlDialog } from '../platform/dialogs';
import { remainingMailQuota } from '../platform/mail';
import { userLanguage } from '../platform/session';
import { existingLog, logCell, openLog, setLineStates } from '../sheets/logSheet';
import { REMINDER_LOG } from '../sheets/owned';
import { runReminders, type RunResult } from '../sheets/reminders/run';
import { hourFromSettings, recordRun, scheduledHour, scheduleState, setSchedule } from '../sheets/reminders/schedule';
import { loadCreditFile } from '../sheets/creditFile';
import { sendMonthlyStatements } from './statements';
import { RUN_TEXT, skipReasonText } from '../i18n/reminders';
import type { Language } from '../i18n/language';
import { REMINDER_UI } from '../i18n/reminderUi';
import type { ReminderPanel, ScheduleState } from '../sidebar/api';

function runAndRecord(source: string, budgetMs?: number): RunResult {
  const result = runReminders({ source, budgetMs });
  if (result.status !== 'locked') recordRun(new Date(), result.outcome);
  return result;
}

/**
 * The daily time-driven run: the reminders, then (on the Statement Day) the monthly statements,
 * each within its share of the six minutes an execution may take.
 */
export function runScheduledReminders(_e?: unknown): void {
  runAndRecord('schedule', 200_000);
  sendMonthlyStatements({ budgetMs: 80_000 });
}

/**
 * What a run did, wholly in the user's language: the counts are said again in it, as the run's own
 * message (the Reminder Log's) is in the file's language, which may differ.
 */
function ranText(r: RunResult, language: Language): string {
  return REMINDER_UI[language].ran(r.status, RUN_TEXT[language].summary(r.sent, r.failed, r.skipped, r.unknown));
}

/** Menu: sends today's reminders now and says what happened. */
export function sendRemindersNow(): void {
  const result = runAndRecord('menu');
  const language = userLanguage();
  showAlert(REMINDER_UI[language].title, ranText(result, language));
}

/** Sidebar: the same run, returning its counts. */
export function runRemindersNow(): { sent: number; skipped: number; failed: number; message: string } {
  const r = runAndRecord('sidebar');
  return { sent: r.sent, skipped: r.skipped, failed: r.failed, message: ranText(r, userLanguage()) };
}

/** Menu: what would be sent today, with the rendered emails; sends nothing. */
export function previewReminders(): void {
  const language = userLanguage();
  const t = REMINDER_UI[language];
  const result = runReminders({ dryRun: true });
  const emails = result.emails
    .map(({ email, communication }) =>
      `<section style="border:1px solid #dadce0;margin:8px 0;padding:8px"><div><b>${escapeHtml(t.to)}</b> ${escapeHtml(email.to)}${email.cc ? ` <b>CC</b> ${escapeHtml(email.cc)}` : ''}</div><div><b>${escapeHtml(t.subject)}</b> ${escapeHtml(email.subject)}</div><div style="color:#5f6368">${escapeHtml(communication.level.name)}</div><hr>${email.htmlBody}</section>`)
    .join('');
  const instalments = result.instalments
    .map(({ email }) =>
      `<section style="border:1px solid #dadce0;margin:8px 0;padding:8px"><div><b>${escapeHtml(t.to)}</b> ${escapeHtml(email.to)}</div><div><b>${escapeHtml(t.subject)}</b> ${escapeHtml(email.subject)}</div><div style="color:#5f6368">${escapeHtml(t.instalment)}</div><hr>${email.htmlBody}</section>`)
    .join('');
  const skips = result.skips
    .map((s) => `<li>${escapeHtml(s.invoiceNo)} ${escapeHtml(s.level)}: ${escapeHtml(skipReasonText(s.reason, s.detail, language))}</li>`)
    .join('');
  const html = `<div style="font-family:Arial,sans-serif;font-size:13px"><p>${escapeHtml(t.previewHead(isoOfDay(result.asOf), result.emails.length + result.instalments.length))}</p>${emails}${instalments}${skips ? `<h3>${escapeHtml(t.skipped)}</h3><ul>${skips}</ul>` : ''}</div>`;
  showHtmlDialog(html, t.previewTitle);
}

/** Menu: turns the daily run on at the Settings "Reminder Hour" (else the last hour used, else 9). */
export function turnOnReminders(): void {
  const hour = hourFromSettings(loadCreditFile().file.settingsExtra) ?? scheduledHour();
  const state = setSchedule(true, hour);
  const t = REMINDER_UI[userLanguage()];
  showAlert(t.title, t.scheduleOn(state.hour, state.timeZone));
}

export function turnOffReminders(): void {
  setSchedule(false, undefined);
  const t = REMINDER_UI[userLanguage()];
  showAlert(t.title, t.scheduleOff);
}

/**
 * Sidebar: turn the daily run on or off at an hour. Taken as given (no coercion: 'false' is not
 * off, null is not midnight): `on` a boolean and, to turn it on, `hour` a whole hour 0-23; else
 * an error in the user's language, and nothing changes.
 */
export function setReminderSchedule(on: boolean, hour: number): ScheduleState {
  return setSchedule(on, hour, userLanguage());
}

/** Sidebar: today's preview, the sends of unknown outcome, the schedule and the quota. */
export function getReminderPanel(): ReminderPanel {
  const language = userLanguage();
  const result = runReminders({ dryRun: true });
  const log = openLog(REMINDER_LOG, language);
  const index = readReminderLog(log.values);
  const unknown = [...index.unknown(), ...index.pending()].map((r) => {
    const row = log.values[r.row - 1] ?? [];
    const time = logCell(log, row, 'Time');
    return {
      key: r.key,
      invoiceNo: String(logCell(log, row, 'Invoice No')),
      customerId: String(logCell(log, row, 'Customer ID')),
      level: String(logCell(log, row, 'Level')),
      time: Object.prototype.toString.call(time) === '[object Date]' ? (time as Date).toISOString() : String(time ?? ''),
    };
  });
  return {
    asOf: isoOfDay(result.asOf),
    emails: [
      ...result.emails.map(({ email, communication }) => ({
        customerId: communication.customer.id,
        customerName: communication.customer.name,
        level: communication.level.name,
        to: email.to,
        cc: email.cc,
        subject: email.subject,
        htmlBody: email.htmlBody,
        body: email.body,
        invoiceNos: communication.lines.map((l) => l.invoice.no),
      })),
      ...result.instalments.map(({ email, reminder }) => ({
        customerId: reminder.customer.id,
        customerName: reminder.customer.name,
        level: REMINDER_UI[language].instalment,
        to: email.to,
        cc: email.cc,
        subject: email.subject,
        htmlBody: email.htmlBody,
        body: email.body,
        invoiceNos: [],
      })),
    ],
    skips: result.skips.map((s) => ({ invoiceNo: s.invoiceNo, customerId: s.customerKey, level: s.level, reason: skipReasonText(s.reason, s.detail, language) })),
    unknown,
    schedule: scheduleState(),
    quotaRemaining: remainingMailQuota(),
  };
}

/**
 * Sidebar: a person says whether a send of unknown outcome went. "sent" closes it; "not-sent"
 * marks it failed, so the next run plans it again; anything else is refused. The Reason written
 * is a code (confirmed-sent, confirmed-not-sent) that the sidebar shows in the reader's language.
 */
export function confirmUnknown(key: string, outcome: ConfirmOutcome): { ok: true } {
  const language = userLanguage();
  const t = REMINDER_UI[language];
  const answer = confirmation(outcome);
  if (!answer) throw new Error(t.badOutcome(String(outcome).replace(/\s+/g, ' ').slice(0, 40)));
  const wanted = typeof key === 'string' ? logKey(key) : '';
  const log = wanted ? existingLog(REMINDER_LOG) : null;
  const row = log ? readReminderLog(log.values).row(wanted) : undefined;
  if (!log || !row || (row.state !== 'unknown' && row.state !== 'pending')) throw new Error(t.notUnknown(String(key)));
  setLineStates(log, [row.row], [answer.state, answer.reason]);
  return { ok: true };
}
