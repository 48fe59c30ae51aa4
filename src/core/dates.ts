/**
 * Calendar days and the spreadsheet's time zone.
 *
 * A {@link Day} is a calendar date counted as whole days since 1970-01-01: no time, no
 * zone. Sheets stores a date cell as the instant at midnight of that date in the
 * spreadsheet's time zone, and getValues() hands it over as a Date; {@link dayFromDate}
 * turns it back into the calendar date, {@link dateOfDay} goes the other way.
 *
 * Pure TypeScript: no Apps Script global. Dates may come from another JS realm, so a
 * Date is recognised by its [[Class]] tag, never with `instanceof`.
 */
import type { Day } from './types';
import { cellError, type CellError } from '../i18n/problems';

// Globals cached in module scope: inside a vm context (Jest, the emulator) every global
// lookup goes through the context's interceptor, which costs more than the work itself.
const floor = Math.floor;
const objectToString = Object.prototype.toString;
const dateGetTime = Date.prototype.getTime;
const numberIsFinite = Number.isFinite;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Sheets' serial day 0 is 1899-12-30, which is Day -25569. */
const SERIAL_EPOCH_DAY = -25_569;

/** The first and last calendar day parseDay accepts: 1900-01-01 and 2199-12-31. */
export const MIN_DAY: Day = -25_567;
export const MAX_DAY: Day = 84_005;

/**
 * Sheets serial numbers parseDay accepts as dates when a date column holds a plain number:
 * 18264 (1950-01-01) to 91310 (2149-12-31). A smaller or larger number is far more likely a
 * quantity or an amount typed into the wrong column than a date, so it is rejected.
 */
export const MIN_SERIAL = 18_264;
export const MAX_SERIAL = 91_310;

/** True when v is a Date, from this realm or another (a vm context, Apps Script). */
export function isDateObject(v: unknown): v is Date {
  return objectToString.call(v) === '[object Date]';
}

// ---------------------------------------------------------------- civil calendar

/** Whole days since 1970-01-01 for a proleptic Gregorian y-m-d (month 1-12). Total: out-of-range parts roll over. */
export function dayFromYMD(y: number, m: number, d: number): Day {
  // Howard Hinnant's days_from_civil, after normalising the month.
  y = Math.trunc(y);
  m = Math.trunc(m);
  d = Math.trunc(d);
  const mm = m - 1;
  y += Math.floor(mm / 12);
  m = (((mm % 12) + 12) % 12) + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The y-m-d (month 1-12) of a Day. */
export function ymdOfDay(day: Day): { y: number; m: number; d: number } {
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** True when y-m-d is a real calendar date (2024-02-29 yes, 2025-02-29 no). */
export function isValidYMD(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** 'YYYY-MM-DD'. */
export function isoOfDay(day: Day): string {
  const { y, m, d } = ymdOfDay(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// ---------------------------------------------------------------- time zones

interface ZoneCache {
  fmt: Intl.DateTimeFormat | null; // null: UTC, offset always 0
  /** Offset in ms by hour bucket (floor(ms / 1h)); only buckets with no transition inside. */
  byHour: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
const UTC_NAMES = new Set(['UTC', 'ETC/UTC', 'GMT', 'ETC/GMT', 'Z', 'ETC/UCT', 'UCT', 'ETC/ZULU', 'ZULU', 'UNIVERSAL', 'ETC/UNIVERSAL']);

/** True when Intl knows the zone name. */
const validZones = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone.length > 100) return false;
  if (UTC_NAMES.has(timeZone.toUpperCase())) return true;
  let ok = validZones.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    if (validZones.size < 1000) validZones.set(timeZone, ok);
  }
  return ok;
}

function zone(timeZone: string): ZoneCache {
  let z = zones.get(timeZone);
  if (z) return z;
  let fmt: Intl.DateTimeFormat | null = null;
  if (typeof timeZone === 'string' && !UTC_NAMES.has(timeZone.toUpperCase())) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      fmt = null; // unknown zone: read as UTC (readCreditFile reports it)
    }
  }
  z = { fmt, byHour: new Map() };
  zones.set(String(timeZone), z);
  return z;
}

/** The zone's offset from UTC in ms at an instant (whole seconds), straight from Intl. */
function exactOffset(fmt: Intl.DateTimeFormat, ms: number): number {
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  let y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, bc = false;
  for (const p of fmt.formatToParts(whole)) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value) % 24; break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      case 'era': bc = /^b/i.test(p.value); break;
      default: break;
    }
  }
  if (bc) y = 1 - y;
  const local = (dayFromYMD(y, mo, d) * 24 + h) * MS_PER_HOUR + mi * 60_000 + s * 1000;
  return local - whole;
}

/**
 * The zone's UTC offset in ms at an instant. Cached per hour bucket: a bucket is cached
 * only when the offset is the same at both of its ends (so a transition inside the hour,
 * as at 20:30 UTC for a +5:30 zone, is computed exactly and never cached wrong).
 */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const z = zone(timeZone);
  if (z.fmt === null || !numberIsFinite(ms)) return 0;
  const bucket = floor(ms / MS_PER_HOUR);
  const cached = z.byHour.get(bucket);
  if (cached !== undefined) return cached;
  try {
    const start = bucket * MS_PER_HOUR;
    const a = exactOffset(z.fmt, start);
    const b = exactOffset(z.fmt, start + MS_PER_HOUR - 1);
    if (a === b) {
      if (z.byHour.size > 200_000) z.byHour.clear();
      z.byHour.set(bucket, a);
      return a;
    }
    return exactOffset(z.fmt, ms);
  } catch {
    return 0; // an instant Intl cannot format (far outside any real date)
  }
}

/** Largest instant a Date can hold. */
const MAX_MS = 8.64e15;

/** The calendar date of an instant in a time zone. NaN for an invalid Date. */
export function dayFromDate(date: Date, timeZone: string): Day {
  let ms: number;
  try {
    ms = dateGetTime.call(date);
  } catch {
    return NaN;
  }
  if (!numberIsFinite(ms) || ms > MAX_MS || ms < -MAX_MS) return NaN;
  return floor((ms + zoneOffsetMs(timeZone, ms)) / MS_PER_DAY);
}

/**
 * The instant at the start of a day in a time zone: what Sheets stores for a date cell.
 * Where midnight itself does not exist (a DST jump at 00:00), the first instant of the day.
 */
export function dateOfDay(day: Day, timeZone: string): Date {
  const utcMidnight = day * MS_PER_DAY;
  let best = NaN;
  for (const probe of [utcMidnight - MS_PER_DAY, utcMidnight, utcMidnight + MS_PER_DAY]) {
    const candidate = utcMidnight - zoneOffsetMs(timeZone, probe);
    if (dayFromDate(new Date(candidate), timeZone) === day && !(candidate >= best)) best = candidate;
  }
  return new Date(Number.isNaN(best) ? utcMidnight : best);
}

/** Today's calendar date in a time zone; `now` is explicit so callers and tests control it. */
export function todayIn(timeZone: string, now: Date): Day {
  return dayFromDate(now, timeZone);
}

// ---------------------------------------------------------------- parsing cells

const SHEET_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|N\/A!?)$/i;

/** True for the text of a spreadsheet error value (#N/A, #REF!, …). */
export function isSheetErrorText(s: string): boolean {
  return s.length <= 14 && s.charCodeAt(0) === 35 /* # */ && SHEET_ERROR.test(s);
}

/** Full-width and other compatibility forms to ASCII (１２３ → 123, （ → (), only when needed. */
export function toHalfWidth(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFKC') : s;
}

/** Text a cell holds that means "nothing": blank, or a lone dash. */
export function isDashOrBlank(s: string): boolean {
  return s === '' || s === '-' || s === '–' || s === '—' || s === '--';
}

const ENGLISH_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const TIME_TAIL = '(?:[T\\s]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:[AaPp][Mm])?\\s*(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const RE_YMD = new RegExp(`^(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})\\.?${TIME_TAIL}$`);
const RE_ZH = new RegExp(`^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?${TIME_TAIL}$`);
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_XY_YEAR = new RegExp(`^(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})${TIME_TAIL}$`);
const RE_D_MON_Y = /^(\d{1,2})[\s\-/.]*([A-Za-z]{3,9})\.?[\s\-/.,]*(\d{4})$/;
const RE_MON_D_Y = /^([A-Za-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?[\s,]+(\d{4})$/;
const RE_SERIAL = /^\d{4,6}(?:\.\d+)?$/;

function checkedDay(y: number, m: number, d: number): Day | CellError {
  if (!isValidYMD(y, m, d)) return cellError('date.impossible');
  const day = dayFromYMD(y, m, d);
  return day < MIN_DAY || day > MAX_DAY ? cellError('date.outOfRange') : day;
}

function fromSerial(serial: number): Day | CellError {
  if (!numberIsFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL + 1) return cellError('date.outOfRange');
  return floor(serial) + SERIAL_EPOCH_DAY;
}

/**
 * Reads a date cell. Returns the Day, null for a blank cell, or a CellError.
 *
 * Accepted:
 * - a Date (what Sheets gives for a date cell): its calendar date in `timeZone`;
 * - ISO text `2026-03-01`, also with a time part (`2026-03-01T10:00`, `2026-03-01 10:00:00Z`):
 *   the date as written is taken and the time ignored, never shifted across zones;
 * - `2026/3/1`, `2026-3-1`, `2026.3.1`, `2026年3月1日` (or `…号`), `20260301`;
 * - any of these followed by its weekday in Chinese: `2026年3月1日(周日)`, `2026年3月1日（星期日）`,
 *   `2026-03-01 周日`; a weekday that is not the date's is rejected (`date.weekdayMismatch`), since
 *   it suggests a typo in the date;
 * - English month names: `1 Mar 2026`, `01-Mar-2026`, `March 1, 2026`;
 * - a Sheets serial number (days since 1899-12-30) as a number or numeric text, between
 *   {@link MIN_SERIAL} (1950-01-01) and {@link MAX_SERIAL} (2149-12-31); a fraction (a time) is dropped;
 * - a lone dash (`-`, `—`) counts as blank.
 *
 * Ambiguous forms: `a/b/YYYY` (also with `-` or `.`) is read only when it cannot mean two
 * dates: when a > 12 it is day/month (25/3/2026), when b > 12 it is month/day (3/25/2026),
 * when a = b either way gives the same date. Otherwise (3/1/2026) it is rejected with a
 * message asking for YYYY-MM-DD, because US files mean March 1 and most others January 3.
 * Two-digit years are rejected for the same reason.
 *
 * Rejected: impossible dates (2026-02-30, 2025-02-29), anything outside 1900-2199,
 * TRUE/FALSE, spreadsheet errors (#N/A), any other text.
 */
export function parseDay(cell: unknown, timeZone: string): Day | null | CellError {
  if (cell === '' || cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell === 'boolean') return cellError('date.boolean');
  if (isDateObject(cell)) {
    const day = dayFromDate(cell, timeZone);
    if (day !== day) return cellError('date.invalidObject'); // NaN
    return day < MIN_DAY || day > MAX_DAY ? cellError('date.outOfRange') : day;
  }
  if (typeof cell !== 'string') return cellError('date.unreadable');
  const s = toHalfWidth(cell).trim();
  if (isDashOrBlank(s)) return null;
  if (s.length > 64) return cellError('date.unreadable');
  if (isSheetErrorText(s)) return cellError('cell.sheetError');
  const day = dayOfText(s);
  if (typeof day === 'number' || day.problem !== 'date.unreadable') return day;
  // Unreadable so far: a trailing weekday (`2026年3月1日(周日)`, `2026-03-01 星期日`) is read
  // only when it is the date's; another weekday suggests a typo in the date.
  const w = RE_WEEKDAY_TAIL.exec(s);
  if (!w) return day;
  const inner = dayOfText(w[1]!);
  if (typeof inner !== 'number') return inner;
  const written = WEEKDAY_NUMBER[w[2]!]!;
  const actual = weekdayOf(inner);
  if (written === actual) return inner;
  return cellError('date.weekdayMismatch', { date: isoOfDay(inner), weekdayEn: WEEKDAY_EN[actual]!, weekdayZh: WEEKDAY_ZH[actual]! });
}

/** A weekday after a date: `(周日)`, `（星期日）` (brackets already half-width), ` 周一`. */
const RE_WEEKDAY_TAIL = /^(.+?)\s*(?:\(\s*)?(?:周|星期|礼拜|禮拜)([一二三四五六日天])\s*\)?$/u;
/** 0 = Sunday. */
const WEEKDAY_NUMBER: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The weekday of a Day, 0 = Sunday (Day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A date's text (trimmed, half-width, not blank) to its Day, or a CellError. */
function dayOfText(s: string): Day | CellError {
  let m = RE_YMD.exec(s) ?? RE_ZH.exec(s);
  if (m) {
    const isZh = m.length === 4;
    return isZh ? checkedDay(+m[1]!, +m[2]!, +m[3]!) : checkedDay(+m[1]!, +m[3]!, +m[4]!);
  }
  if ((m = RE_COMPACT.exec(s))) return checkedDay(+m[1]!, +m[2]!, +m[3]!);
  if (RE_SERIAL.test(s)) return fromSerial(Number(s));
  if ((m = RE_XY_YEAR.exec(s))) {
    const a = +m[1]!, b = +m[3]!, y = +m[4]!;
    if (a === b) return checkedDay(y, a, b);
    if (a > 12 && b <= 12) return checkedDay(y, b, a);
    if (b > 12 && a <= 12) return checkedDay(y, a, b);
    if (a > 12 && b > 12) return cellError('date.impossible');
    return cellError('date.ambiguous');
  }
  if ((m = RE_D_MON_Y.exec(s))) {
    const mon = ENGLISH_MONTHS[m[2]!.toLowerCase()];
    if (mon) return checkedDay(+m[3]!, mon, +m[1]!);
  }
  if ((m = RE_MON_D_Y.exec(s))) {
    const mon = ENGLISH_MONTHS[m[1]!.toLowerCase()];
    if (mon) return checkedDay(+m[3]!, mon, +m[2]!);
  }
  return cellError('date.unreadable');
}
