/**
 * The cash forecast: the menu action (writes the Cash Forecast sheet and stores the week's
 * forecast), the daily run's store, and the sidebar call (reads only). Stored forecasts live in
 * the hidden sheet `_CreditDesk_Forecasts`: one row per forecast week, keyed by week start and
 * made-on day, written once per week (one read, at most one write).
 */
import { buildLedger } from '../../core/ledger';
import {
  FORECAST_STORE_HEADER, forecastCollections, forecastStoreRows, needsStoring, pastWeeks, readForecasts,
  type CashForecast, type PastWeek, type StoredForecast,
} from '../../core/forecast';
import type { CreditPicture } from '../../core/picture';
import { formatMoney } from '../../core/format';
import { isoOfDay } from '../../core/dates';
import { DASHBOARD_NAMES, FORECAST_TEXT } from '../../i18n/dashboard';
import { fill, PROGRESS, TOAST_TITLE } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { userLanguage } from '../../platform/session';
import { toast, writeBlock } from '../../platform/spreadsheet';
import { openStore, readStore } from '../logSheet';
import { loadPicture } from '../creditFile';
import { writeReport } from '../reports/write';
import type { SheetResult } from '../dashboard/run';
import { forecastLayout } from './layout';
import { toastReading } from '../reports/progress';

export const FORECAST_STORE = '_CreditDesk_Forecasts';

/**
 * Reads the stored forecasts and, unless one was stored this week already (or `store` is false),
 * appends this forecast's 13 rows. One read, at most one write. Returns what is stored now.
 */
export function storeForecast(picture: CreditPicture, forecast: CashForecast, store = true): StoredForecast[] {
  // The add-on's store sheet, never a user's sheet of that name (src/sheets/logSheet.ts).
  const spec = { name: FORECAST_STORE, header: FORECAST_STORE_HEADER };
  if (!store) return readForecasts(readStore(spec) ?? []);
  const { sheet, values } = openStore(spec);
  const stored = readForecasts(values);
  if (!needsStoring(stored, picture.asOf)) return stored;
  const currency = picture.settings.baseCurrency;
  const rows = forecastStoreRows(forecast, currency);
  if (values.length === 0) writeBlock(sheet, 1, 1, [FORECAST_STORE_HEADER, ...rows]);
  else writeBlock(sheet, values.length + 1, 1, rows);
  return [...stored, ...readForecasts([FORECAST_STORE_HEADER, ...rows])];
}

/** The daily run's part: store this week's forecast when none is stored yet. */
export function storeTodaysForecast(picture: CreditPicture): void {
  storeForecast(picture, forecastCollections(picture));
}

interface Computed {
  picture: CreditPicture;
  forecast: CashForecast;
  past: PastWeek[];
  timeZone: string;
  language: Language;
}

function compute(store: boolean, language?: Language): Computed {
  const loaded = loadPicture(null, { kpis: false });
  const { picture, file } = loaded;
  const forecast = forecastCollections(picture);
  const stored = storeForecast(picture, forecast, store);
  const ledger = buildLedger(file, picture.asOf);
  const past = pastWeeks(stored, ledger, picture.asOf, picture.settings.baseCurrency, undefined, new Set(picture.order));
  return { picture, forecast, past, timeZone: loaded.timeZone, language: language ?? file.settings.language };
}

/** Menu: writes the Cash Forecast sheet (and stores this week's forecast). */
export function runCashForecast(): SheetResult {
  toastReading();
  const c = compute(true);
  const currency = c.picture.settings.baseCurrency;
  toast(PROGRESS.writing[c.language], TOAST_TITLE[c.language]);
  const layout = forecastLayout(c.forecast, c.past, c.language, c.timeZone, currency);
  const sheet = writeReport(DASHBOARD_NAMES.forecast, c.language, layout);
  const total = c.forecast.weeks.reduce((s, w) => s + w.expected, 0);
  const message = fill(FORECAST_TEXT[c.language].done, { total: formatMoney(total, currency) });
  toast(message, TOAST_TITLE[c.language]);
  return { sheet, language: c.language, rows: c.forecast.weeks.length, message };
}

/** The sidebar's view of the forecast: money in minor units, days as 'YYYY-MM-DD'. */
export interface CashForecastView {
  language: Language;
  asOf: string;
  currency: string;
  weeks: { start: string; end: string; expected: number; invoices: number }[];
  total: number;
  later: number;
  catchUp: number;
  disputed: number;
  doubtful: number;
  doubtfulDays: number;
  portfolioDelay: number;
  past: { start: string; end: string; madeOn: string | null; forecast: number | null; actual: number; difference: number | null }[];
}

/** Sidebar: the forecast as JSON; reads only (the store is written by the menu and the daily run). */
export function cashForecastView(): CashForecastView {
  const language = userLanguage();
  const c = compute(false, language);
  const f = c.forecast;
  return {
    language,
    asOf: isoOfDay(f.asOf),
    currency: c.picture.settings.baseCurrency,
    weeks: f.weeks.map((w) => ({ start: isoOfDay(w.start), end: isoOfDay(w.end), expected: w.expected, invoices: w.invoices })),
    total: f.weeks.reduce((s, w) => s + w.expected, 0),
    later: f.later,
    catchUp: f.catchUp,
    disputed: f.disputed,
    doubtful: f.doubtful,
    doubtfulDays: f.doubtfulDays,
    portfolioDelay: f.portfolioDelay,
    past: c.past.map((p) => ({
      start: isoOfDay(p.start), end: isoOfDay(p.end), madeOn: p.madeOn === null ? null : isoOfDay(p.madeOn),
      forecast: p.forecast, actual: p.actual, difference: p.difference,
    })),
  };
}
