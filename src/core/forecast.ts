/**
 * Cash forecast (回款预测): expected collections per week for the next 13 weeks, and the forecast
 * of past weeks against what came in.
 *
 * Rules (docs/kpis.md, "Cash forecast"):
 * - Weeks run Monday to Sunday. Week 1 is the week holding the day after as-of (as-of's own cash is
 *   in the books already); weeks 2-13 follow.
 * - Each open, undisputed invoice is expected in full on one day: Invoice Date + the customer's
 *   average days to pay (picture.avgDaysToPay, amount-weighted over the last 365 days, rounded);
 *   a customer with no paid history: Due Date (= Invoice Date + terms) + the portfolio's average
 *   delay (amount-weighted Paid day − Due Date over every invoice paid in the last 365 days,
 *   rounded; 0 with none).
 * - An invoice whose expected day is on or before as-of is late against its own pattern: it is
 *   expected in week 1 — unless it is past the last aging edge (default: more than 90 days past
 *   due), when it is doubtful and left out of the weeks (shown beside, with disputed invoices).
 * - Expected after week 13: "later", shown beside.
 * - Actual of a week = cash received on its days: Payments rows, Amount Paid and Paid in full
 *   with a known date (the ledger's receipts); credit notes are not cash.
 * - A past week's forecast is the latest one stored before the week began (made-on < week
 *   start): usually the one made the week before. Forecasts are stored once per week (the first
 *   run of a week), one row per forecast week.
 */
import type { CreditPicture } from './picture';
import type { Ledger } from './ledger';
import { normaliseEdges } from './aging';
import { isoOfDay } from './dates';
import type { Day, Minor } from './types';

export const FORECAST_WEEKS = 13;
export const PAST_WEEKS = 8;

/** The Monday on or before `day` (Day 0, 1970-01-01, was a Thursday). */
export function weekStartOf(day: Day): Day {
  return day - (((day + 3) % 7) + 7) % 7;
}

export interface ForecastWeek {
  start: Day;
  end: Day;
  expected: Minor;
  invoices: number;
}

export interface CashForecast {
  asOf: Day;
  weeks: ForecastWeek[];
  /** Expected after the last week. */
  later: Minor;
  /** Open disputed invoices: not forecast. */
  disputed: Minor;
  /** Open invoices past the last aging edge and past their expected day: not forecast. */
  doubtful: Minor;
  /** Past the last aging edge: the days. */
  doubtfulDays: number;
  /** Part of week 1 that was expected on or before as-of (late, still collectable). */
  catchUp: Minor;
  /** The portfolio's average delay past due, days (0 when no history). */
  portfolioDelay: number;
}

/** Amount-weighted Paid day − Due Date over invoices paid in (asOf − 365, asOf]; null with none. */
export function portfolioDelay(picture: CreditPicture): number | null {
  let weight = 0;
  let total = 0;
  for (const c of picture.customers.values()) {
    for (const i of c.invoices) {
      if (i.paidDay === null || i.open !== 0 || i.paidDay <= picture.asOf - 365 || i.paidDay > picture.asOf) continue;
      if (i.invoice.amount <= 0) continue;
      weight += i.invoice.amount;
      total += i.invoice.amount * (i.paidDay - i.invoice.dueDate);
    }
  }
  return weight > 0 ? total / weight : null;
}

/** The 13-week forecast from the picture's open invoices. */
export function forecastCollections(picture: CreditPicture, weeks = FORECAST_WEEKS): CashForecast {
  const asOf = picture.asOf;
  const first = weekStartOf(asOf + 1);
  const out: ForecastWeek[] = Array.from({ length: weeks }, (_, k) => ({ start: first + 7 * k, end: first + 7 * k + 6, expected: 0, invoices: 0 }));
  const horizon = first + 7 * weeks - 1;
  const edges = normaliseEdges(picture.settings.agingEdges);
  const doubtfulDays = edges[edges.length - 1] ?? 90;
  const delay = Math.round(portfolioDelay(picture) ?? 0);
  const result: CashForecast = { asOf, weeks: out, later: 0, disputed: 0, doubtful: 0, doubtfulDays, catchUp: 0, portfolioDelay: delay };
  for (const key of picture.order) {
    const c = picture.customers.get(key)!;
    const avg = c.avgDaysToPay;
    for (const i of c.invoices) {
      if (i.open <= 0) continue;
      if (i.disputed) {
        result.disputed += i.open;
        continue;
      }
      let day = avg !== null ? i.invoice.invoiceDate + Math.round(avg) : i.invoice.dueDate + delay;
      if (day <= asOf) {
        if (asOf - i.invoice.dueDate > doubtfulDays) {
          result.doubtful += i.open;
          continue;
        }
        result.catchUp += i.open;
        day = first;
      }
      if (day > horizon) {
        result.later += i.open;
        continue;
      }
      const w = out[Math.floor((day - first) / 7)];
      w.expected += i.open;
      w.invoices++;
    }
  }
  return result;
}

/** Cash received per week [start, start + 6] for each start, from a ledger's dated receipts. */
export function actualByWeek(ledger: Ledger, starts: readonly Day[], customers?: ReadonlySet<string>): Minor[] {
  const out = starts.map(() => 0);
  const index = new Map(starts.map((s, i) => [s, i]));
  for (const cl of ledger.customers.values()) {
    if (customers && !customers.has(cl.key)) continue;
    for (const r of cl.receipts) {
      if (!r.dateKnown) continue;
      const i = index.get(weekStartOf(r.day));
      if (i !== undefined) out[i] += r.amount;
    }
  }
  return out;
}

// ------------------------------------------------------------------------ stored forecasts

export interface StoredForecast {
  madeOn: Day;
  weekStart: Day;
  expected: Minor;
  currency: string;
}

export const FORECAST_STORE_HEADER = ['Made On', 'Week Start', 'Expected (minor units)', 'Currency'];

function dayOfIso(text: unknown): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  return Math.round(t / 86_400_000);
}

/** Rows of the hidden store (header first); rows that do not read are skipped. */
export function readForecasts(values: unknown[][]): StoredForecast[] {
  const out: StoredForecast[] = [];
  for (const row of values.slice(1)) {
    const madeOn = dayOfIso(row[0]);
    const weekStart = dayOfIso(row[1]);
    const expected = Number(row[2]);
    if (madeOn === null || weekStart === null || row[2] === '' || !Number.isFinite(expected)) continue;
    out.push({ madeOn, weekStart, expected, currency: String(row[3] ?? '') });
  }
  return out;
}

/** True when no forecast was stored in as-of's week yet: the first run of a week stores one. */
export function needsStoring(stored: readonly StoredForecast[], asOf: Day): boolean {
  const week = weekStartOf(asOf);
  return !stored.some((s) => weekStartOf(s.madeOn) === week);
}

/** The store rows of a forecast: made-on and week start as ISO text, expected in minor units. */
export function forecastStoreRows(f: CashForecast, currency: string): (string | number)[][] {
  return f.weeks.map((w) => [isoOfDay(f.asOf), isoOfDay(w.start), w.expected, currency]);
}

export interface PastWeek {
  start: Day;
  end: Day;
  /** The forecast used: the latest made before the week began; null when none. */
  madeOn: Day | null;
  forecast: Minor | null;
  actual: Minor;
  /** actual − forecast; null with no forecast. */
  difference: Minor | null;
}

/** The weeks before week 1, oldest first, each with its forecast (see the file comment) and actual. */
export function pastWeeks(stored: readonly StoredForecast[], ledger: Ledger, asOf: Day, currency: string, count = PAST_WEEKS, customers?: ReadonlySet<string>): PastWeek[] {
  const first = weekStartOf(asOf + 1);
  const starts = Array.from({ length: count }, (_, k) => first - 7 * (count - k));
  const actual = actualByWeek(ledger, starts, customers);
  return starts.map((start, k) => {
    let pick: StoredForecast | null = null;
    for (const s of stored) {
      if (s.weekStart !== start || s.madeOn >= start || (s.currency && s.currency !== currency)) continue;
      if (!pick || s.madeOn > pick.madeOn) pick = s;
    }
    return {
      start,
      end: start + 6,
      madeOn: pick ? pick.madeOn : null,
      forecast: pick ? pick.expected : null,
      actual: actual[k],
      difference: pick ? actual[k] - pick.expected : null,
    };
  });
}
