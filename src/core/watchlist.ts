/**
 * The risk watch list (风险预警): customers that crossed a line since the last run.
 *
 * Compared with the snapshot of the last run (watch.ts), a customer gets one line per line
 * crossed, most severe kind first:
 *
 * | kind            | crossed when (now, against the snapshot)                                      | from → to                 |
 * |-----------------|-------------------------------------------------------------------------------|---------------------------|
 * | new-block       | the zero-amount credit check is BLOCK now and was not                          | verdict → BLOCK           |
 * | over-limit      | a limit is set and exposure > limit now (a 0 limit: any exposure), not before  | exposure → exposure       |
 * | overdue-hold    | an open undisputed invoice is more than the hold threshold past due now, not before | max dpd → max dpd   |
 * | new-overdue     | an open undisputed invoice is past due now, and none was (not when overdue-hold is said) | max dpd → max dpd |
 * | broken-promise  | the plans work says a promise or instalment was broken since the last run     | '' → promised day         |
 * | grade-drop      | the grade is lower by one or more                                             | grade → grade             |
 * | exposure-rise   | exposure >= the floor and >= (1 + rise%) × exposure then (from 0 counts)      | exposure → exposure       |
 *
 * Customers not in the last snapshot (new to the file, or the first run) make no line, except a
 * broken promise, which does not depend on the snapshot. Old five-column snapshots carry no limit
 * state or days past due, so over-limit and overdue-hold need one run with the new snapshot first.
 * A new BLOCK usually comes with the line that caused it (over-limit, overdue-hold): both are
 * listed, the BLOCK with the check's reasons, the other with its figures.
 */
import { creditCheck } from './check';
import { readWatchSettings, WATCH_DEFAULTS } from './read/watchSettings';
import { idKey } from './read/cells';
import type { CreditPicture, CustomerPicture } from './picture';
import { GRADE_ORDER, isOverLimit, type Snapshot } from './watch';
import { formatMoney } from './format';
import { minorDigits } from './money';
import type { Day, Grade, Minor } from './types';
import { isoOfDay } from './dates';

export type WatchKind = 'new-block' | 'over-limit' | 'overdue-hold' | 'new-overdue' | 'broken-promise' | 'grade-drop' | 'exposure-rise';

/** Most severe first: the order of the lines of one customer and of the list. */
export const WATCH_KINDS: WatchKind[] = ['new-block', 'over-limit', 'overdue-hold', 'new-overdue', 'broken-promise', 'grade-drop', 'exposure-rise'];

export interface WatchLine {
  customerId: string;
  /** Matching key of the customer. */
  key: string;
  name: string;
  owner: string;
  kind: WatchKind;
  /** What it was at the last run, as text: a verdict, a grade, days, or money (e.g. `12,000.00 CNY`). */
  from: string;
  /** What it is now, as text. */
  to: string;
  /** The check's text for a new BLOCK; the oldest invoice for overdue-hold and new-overdue; the plan's words for a broken promise; '' else. */
  detail: string;
  /** Now: exposure (minor units), limit (null: none), largest days past due, grade. */
  exposure: Minor;
  limit: Minor | null;
  maxDaysPastDue: number;
  grade: Grade;
}

/** A broken promise or missed instalment, as the plans work reports it (brokenSince). */
export interface BrokenPromise {
  customerKey: string;
  /** The day that was promised (or the instalment's due day); null when unknown. */
  promisedDay?: Day | null;
  /** The amount promised, minor units; null when unknown. */
  amount?: Minor | null;
  /** Words to show, e.g. the plan's reference. */
  detail?: string;
}

export interface WatchOptions {
  /** Exposure rise that counts, percent of the exposure then; default 50. */
  risePercent?: number;
  /** Exposure now must be at least this, minor units; default 10,000.00 of the base currency. */
  riseFloor?: Minor;
  /**
   * HOOK for the repayment plans work: the customers whose promise or instalment was broken
   * since the last run (their pure `brokenSince(...)`). Empty until that work passes it in.
   */
  brokenPromises?: readonly BrokenPromise[];
}

export { WATCH_DEFAULTS, WATCH_SETTING_KEYS } from './read/watchSettings';

/** The watch options from the Settings sheet's extra rows (CreditFile.settingsExtra); defaults for blank or bad values (the reader reports those). */
export function watchOptionsOf(extra: Record<string, string> | undefined, baseCurrency: string): Required<Omit<WatchOptions, 'brokenPromises'>> {
  return readWatchSettings(extra, baseCurrency).settings;
}

function base(c: CustomerPicture): Omit<WatchLine, 'kind' | 'from' | 'to' | 'detail'> {
  return {
    customerId: c.customer.id,
    key: c.customer.key,
    name: c.customer.name,
    owner: c.customer.owner,
    exposure: c.exposure,
    limit: c.customer.creditLimit,
    maxDaysPastDue: c.maxDaysPastDue,
    grade: c.grade,
  };
}

/** The lines of the watch list: `before` is the last run's snapshot, `picture` now. */
export function watchList(before: Snapshot, picture: CreditPicture, options: WatchOptions = {}): WatchLine[] {
  const s = picture.settings;
  const currency = s.baseCurrency;
  const money = (m: Minor) => formatMoney(m, currency);
  const risePercent = options.risePercent ?? WATCH_DEFAULTS.risePercent;
  const riseFloor = options.riseFloor ?? WATCH_DEFAULTS.riseFloorMajor * 10 ** minorDigits(currency);
  const broken = new Map<string, BrokenPromise[]>();
  for (const b of options.brokenPromises ?? []) {
    const k = idKey(String(b.customerKey));
    broken.set(k, [...(broken.get(k) ?? []), b]);
  }

  const lines: WatchLine[] = [];
  picture.order.forEach((key) => {
    const c = picture.customers.get(key)!;
    const prev = before.get(key);
    const out: WatchLine[] = [];
    const add = (kind: WatchKind, from: string, to: string, detail = '') => out.push({ ...base(c), kind, from, to, detail });
    if (prev) {
      const check = creditCheck(c, 0, s);
      if (check.verdict === 'BLOCK' && prev.verdict !== 'BLOCK') add('new-block', prev.verdict, 'BLOCK', check.text);
      if (prev.overLimit === false && isOverLimit(c)) {
        // A lowered limit can make the line with no change of exposure: then the limit's change is the news.
        const limit = c.customer.creditLimit ?? 0;
        const was = prev.limit;
        const limitText = was !== undefined && was !== null && was !== limit ? `${money(was)} → ${money(limit)}` : money(limit);
        add('over-limit', money(prev.exposure), money(c.exposure), limitText);
      }
      const then = prev.maxDaysPastDue;
      if (then !== undefined && then <= s.holdThresholdDays && c.pastDueCount > 0 && c.maxDaysPastDue > s.holdThresholdDays) {
        add('overdue-hold', String(then), String(c.maxDaysPastDue), c.oldestPastDueNo);
      } else if (then !== undefined && then <= 0 && c.pastDueCount > 0 && c.maxDaysPastDue > 0) {
        // Going overdue at all is the first warning sign (逾期); the hold line above says more.
        add('new-overdue', String(then), String(c.maxDaysPastDue), c.oldestPastDueNo);
      }
    }
    for (const b of broken.get(key) ?? []) {
      const detail = [b.detail ?? '', b.amount !== null && b.amount !== undefined ? money(b.amount) : ''].filter(Boolean).join(' · ');
      add('broken-promise', '', b.promisedDay !== null && b.promisedDay !== undefined ? isoOfDay(b.promisedDay) : '', detail);
    }
    if (prev) {
      if (GRADE_ORDER.indexOf(c.grade) > GRADE_ORDER.indexOf(prev.grade)) add('grade-drop', prev.grade, c.grade);
      if (isFastRise(prev.exposure, c.exposure, risePercent, riseFloor)) add('exposure-rise', money(prev.exposure), money(c.exposure), riseText(prev.exposure, c.exposure));
    }
    lines.push(...out);
  });
  const rank = (k: WatchKind) => WATCH_KINDS.indexOf(k);
  const position = new Map(picture.order.map((k, i) => [k, i]));
  return lines.sort((a, b) => rank(a.kind) - rank(b.kind) || (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
}

/** Exposure rising fast: now >= floor, now > then, and now >= then × (1 + rise%) (from 0 or below it always is). */
export function isFastRise(then: Minor, now: Minor, risePercent: number, floor: Minor): boolean {
  if (now < floor || now <= then) return false;
  if (then <= 0) return true;
  return now * 100 >= then * (100 + risePercent);
}

/** '+60%' or '+∞' for a rise from nothing. */
function riseText(then: Minor, now: Minor): string {
  if (then <= 0) return '+∞';
  return `+${Math.round(((now - then) / then) * 100)}%`;
}
