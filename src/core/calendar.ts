import type { Day } from './types';
import { dayFromYMD, ymdOfDay } from './dates';

/**
 * Month arithmetic over `Day` for the KPIs, on top of the civil calendar in dates.ts.
 *
 * @example dayOf(2024, 2, 29) === 19782; monthStartBefore(dayOf(2024, 3, 31), 1) === dayOf(2024, 2, 1)
 */

/** The Day of a calendar date; month is 1-12 (out-of-range months roll over). */
export function dayOf(year: number, month: number, day: number): Day {
  return dayFromYMD(year, month, day);
}

/** The first day of the month that `d` falls in. */
export function startOfMonthDay(d: Day): Day {
  const { y, m } = ymdOfDay(d);
  return dayFromYMD(y, m, 1);
}

/** The first day of the month `n` months before the month of `d` (n = 1: last month's first day). */
export function monthStartBefore(d: Day, n: number): Day {
  const { y, m } = ymdOfDay(d);
  return dayFromYMD(y, m - n, 1);
}
