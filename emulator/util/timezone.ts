/**
 * Time-zone arithmetic on top of Intl: instant <-> wall-clock in an IANA zone.
 * A "wall time" is represented as milliseconds of a UTC date carrying the wall-clock fields.
 */

/** Wall-clock fields of an instant in a zone. month is 1-12, weekday 0 (Sunday) - 6. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of instant `ms` in `timeZone`. */
export function toWallClock(ms: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** UTC milliseconds carrying the given wall-clock fields. */
export function utcFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s, ms));
  date.setUTCFullYear(y, mo - 1, d);
  return date.getTime();
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (wall - UTC). */
export function offsetMs(ms: number, timeZone: string): number {
  const w = toWallClock(ms, timeZone);
  return utcFields(w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond) - ms;
}

/** Instant -> wall-time milliseconds (UTC-encoded wall clock) in `timeZone`. */
export function instantToWall(ms: number, timeZone: string): number {
  return ms + offsetMs(ms, timeZone);
}

/** Wall-time milliseconds (UTC-encoded wall clock) -> the instant showing that wall clock in `timeZone`. */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - offsetMs(wallMs, timeZone);
  const second = wallMs - offsetMs(first, timeZone);
  if (second === first) return first;
  // DST edge: prefer the offset that reproduces the wall clock.
  return instantToWall(second, timeZone) === wallMs ? second : first;
}
