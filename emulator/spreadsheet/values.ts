/**
 * Cell values as Sheets stores them. Date cells hold a wall-clock time (like Sheets' serial
 * numbers), so changing the spreadsheet's time zone keeps the wall clock and moves the instant.
 */
import { instantToWall, wallToInstant } from '../util/timezone';

/** A date-time cell value: milliseconds of a UTC date whose fields are the wall clock. */
export class WallTime {
  constructor(readonly ms: number) {}
  /** The Sheets serial number (days since 1899-12-30). */
  serial(): number {
    return this.ms / 86400000 + 25569;
  }
}

/** What a cell stores: '' for blank. Error cells store their code ("#ERROR!") as a string. */
export type StoredValue = '' | string | number | boolean | WallTime;

/** Serial number -> WallTime (rounded to the millisecond). */
export function wallFromSerial(serial: number): WallTime {
  return new WallTime(Math.round((serial - 25569) * 86400000));
}

/** A Date (instant) -> the wall time it shows in `timeZone`. */
export function wallFromDate(date: Date, timeZone: string): WallTime {
  return new WallTime(instantToWall(date.getTime(), timeZone));
}

/** A WallTime -> a fresh Date at that wall clock in `timeZone`. */
export function dateFromWall(w: WallTime, timeZone: string): Date {
  return new Date(wallToInstant(w.ms, timeZone));
}

/** The Apps Script view of a stored value: '' blanks, fresh Dates for date cells. */
export function toScriptValue(v: StoredValue | undefined, timeZone: string): string | number | boolean | Date {
  if (v === undefined) return '';
  if (v instanceof WallTime) return dateFromWall(v, timeZone);
  return v;
}

/** True for a valid Date object (from any realm, as the sandbox's Date is the host's). */
export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}
