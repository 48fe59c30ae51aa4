/** The collections workbench's dashboard parts: the Dashboard and Cash Forecast sheets, and the sidebar's watch list and forecast. */
import { runDashboardSheet, type SheetResult } from '../sheets/dashboard/run';
import { cashForecastView, runCashForecast, type CashForecastView } from '../sheets/forecast/run';
import { watchListView, type WatchListView } from '../sheets/watch/panel';

/** Menu: rewrites the Dashboard sheet (仪表板): KPIs overall, per owner and month by month, with charts. */
export function showDashboardSheet(): SheetResult {
  return runDashboardSheet();
}

/** Menu: rewrites the Cash Forecast sheet (回款预测) and stores this week's forecast. */
export function showCashForecast(): SheetResult {
  return runCashForecast();
}

/** Sidebar: the lines of the last run's risk watch list. */
export function getWatchList(): WatchListView {
  return watchListView();
}

/** Sidebar: the 13-week cash forecast and the past 8 weeks' forecast vs actual. */
export function getCashForecast(): CashForecastView {
  return cashForecastView();
}
