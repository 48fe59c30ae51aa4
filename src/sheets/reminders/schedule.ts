/**
 * The schedule of the reminder run: one daily time-driven trigger per document, at an hour of
 * the spreadsheet's time zone, and what the last run did (document properties).
 */
import { extraSetting } from '../../core/read/settings';
import { getDocumentProperty, setDocumentProperty } from '../../platform/properties';
import { installDailyTrigger, removeTriggers, scheduleInfo } from '../../platform/triggers';
import { timeZone } from '../../platform/spreadsheet';
import type { ScheduleState } from '../../sidebar/api';
import type { Language } from '../../i18n/language';
import { REMINDER_UI } from '../../i18n/reminderUi';

export const SCHEDULED_HANDLER = 'runScheduledReminders';
const HOUR = 'creditDesk.reminders.hour';
const LAST_RUN = 'creditDesk.reminders.lastRun';
const LAST_OUTCOME = 'creditDesk.reminders.lastOutcome';
export const DEFAULT_HOUR = 9;

/** Keys of the Settings row that holds the hour (written by Set up). */
export const REMINDER_HOUR_KEYS = ['Reminder Hour', '催收时间'] as const;

/** The hour in the Settings sheet's "Reminder Hour" row, when it holds a whole hour 0-23. */
export function hourFromSettings(extra: Record<string, string> | undefined): number | null {
  const text = extraSetting(extra, REMINDER_HOUR_KEYS);
  const h = Number(String(text ?? '').trim().replace(/[:：].*$|点$|h$/i, ''));
  return text !== undefined && String(text).trim() !== '' && Number.isInteger(h) && h >= 0 && h <= 23 ? h : null;
}

/** The hour the run is (or was last) scheduled at; 9 when never set. */
export function scheduledHour(): number {
  const stored = getDocumentProperty(HOUR);
  if (stored === null || stored.trim() === '') return DEFAULT_HOUR;
  const h = Number(stored);
  return Number.isInteger(h) && h >= 0 && h <= 23 ? h : DEFAULT_HOUR;
}

export function scheduleState(): ScheduleState {
  const info = scheduleInfo(SCHEDULED_HANDLER);
  return {
    installed: info.installed,
    hour: scheduledHour(),
    timeZone: timeZone(),
    lastRun: getDocumentProperty(LAST_RUN),
    lastOutcome: getDocumentProperty(LAST_OUTCOME) ?? '',
  };
}

/** A whole hour of the day, 0-23, as a number (not a string, null or a fraction). */
export function isHour(hour: unknown): hour is number {
  return typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23;
}

/** A value shown in an error message: short, on one line. */
function shown(value: unknown): string {
  return String(value).replace(/\s+/g, ' ').slice(0, 40);
}

/**
 * Turns the daily run on at `hour` (0-23), replacing any earlier trigger, or off (no hour
 * needed; a valid one given is kept for next time). `on` must be a boolean and, to turn the run
 * on, `hour` a whole hour: anything else throws in `language` and changes nothing.
 */
export function setSchedule(on: boolean, hour: number | undefined, language: Language = 'en'): ScheduleState {
  const t = REMINDER_UI[language];
  if (typeof on !== 'boolean') throw new Error(t.badOn);
  if (on) {
    if (!isHour(hour)) throw new Error(t.badHour(shown(hour)));
    setDocumentProperty(HOUR, String(hour));
    installDailyTrigger(SCHEDULED_HANDLER, hour, timeZone());
  } else {
    if (isHour(hour)) setDocumentProperty(HOUR, String(hour));
    removeTriggers(SCHEDULED_HANDLER);
  }
  return scheduleState();
}

export function recordRun(time: Date, outcome: string): void {
  setDocumentProperty(LAST_RUN, time.toISOString());
  setDocumentProperty(LAST_OUTCOME, outcome);
}
