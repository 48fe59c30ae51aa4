/**
 * The scheduled run's trigger. An add-on may hold one time-driven trigger per user and document,
 * run at most hourly: Credit Desk keeps exactly one, daily at an hour of the spreadsheet's zone.
 */

export interface ScheduleInfo {
  installed: boolean;
  handler: string;
  id: string | null;
}

function clockTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).filter(
    (t) => t.getEventType() === ScriptApp.EventType.CLOCK && t.getHandlerFunction() === handler,
  );
}

/** Replaces any trigger of `handler` with one that runs daily at `hour` in `timeZone`. */
export function installDailyTrigger(handler: string, hour: number, timeZone: string): string {
  for (const t of clockTriggers(handler)) ScriptApp.deleteTrigger(t);
  const trigger = ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  return trigger.getUniqueId();
}

/** Removes the scheduled run; returns how many triggers were removed. */
export function removeTriggers(handler: string): number {
  const found = clockTriggers(handler);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

export function scheduleInfo(handler: string): ScheduleInfo {
  const found = clockTriggers(handler);
  return { installed: found.length > 0, handler, id: found[0]?.getUniqueId() ?? null };
}
