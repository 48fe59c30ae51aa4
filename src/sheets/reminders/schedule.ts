/**
 * The schedule of the reminder run: one daily time-driven trigger per document, at an hour of
 * the spreadsheet's time zone, and what the last run did (document properties).
 */
import { extraSetting } from '../../core/read/settings';
import { getDocumentProperty, setDocumentProperty } from '../../platform/properties';
import { installDailyTrigger, removeTriggers, scheduleInfo } from '../../platform/triggers';
import { timeZone } from '../../platform/spreadsheet';
import type { ScheduleState } from '../../sidebar/api';

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

/** Turns the daily run on at `hour` (0-23), replacing any earlier trigger, or off. */
export function setSchedule(on: boolean, hour: number = scheduledHour()): ScheduleState {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('The hour must be a whole number from 0 to 23.');
  setDocumentProperty(HOUR, String(hour));
  if (on) installDailyTrigger(SCHEDULED_HANDLER, hour, timeZone());
  else removeTriggers(SCHEDULED_HANDLER);
  return scheduleState();
}

export function recordRun(time: Date, outcome: string): void {
  setDocumentProperty(LAST_RUN, time.toISOString());
  setDocumentProperty(LAST_OUTCOME, outcome);
}
