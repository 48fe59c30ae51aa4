import { getCashForecast, getWatchList, showCashForecast, showDashboardSheet } from '../entry/dashboard';
import { entry } from './types';

/** The Dashboard and Cash Forecast sheets, and the sidebar's watch list and forecast. */
export const dashboardEntries = {
  showDashboardSheet: entry({
    kind: 'menu',
    doc: 'Writes the Dashboard sheet: DSO, best possible DSO, average days delinquent, CEI and overdue share, overall, per owner and by month, with charts.',
    params: [],
    run: showDashboardSheet,
  }),
  showCashForecast: entry({
    kind: 'menu',
    doc: 'Writes the Cash Forecast sheet: expected collections for the next 13 weeks and the past 8 weeks forecast against actual, with charts.',
    params: [],
    run: showCashForecast,
  }),
  getWatchList: entry({
    kind: 'sidebar',
    doc: 'The risk watch list of the last run: customers that crossed a line since the run before.',
    params: [],
    run: getWatchList,
  }),
  getCashForecast: entry({
    kind: 'sidebar',
    doc: 'The 13-week cash forecast and the past weeks forecast against actual.',
    params: [],
    run: getCashForecast,
  }),
};
