/**
 * The Dashboard sheet (仪表板): the headline KPIs with how each is computed, the same per owner,
 * and month by month for the last 12 months, with a line chart of DSO and CEI by month and a
 * column chart of the overdue share per owner. Days and CEI (0-100) as numbers with one decimal,
 * money in major units with the currency's format, shares as percentages, month ends as dates.
 */
import { dateOfDay } from '../../core/dates';
import type { DashboardData, KpiFigures } from '../../core/trend';
import type { Cell } from '../../core/types';
import { DASHBOARD_TEXT } from '../../i18n/dashboard';
import type { Language } from '../../i18n/language';
import { DATE_FORMAT, major, moneyFormat } from '../reports/layout';
import { numberOrBlank, type ChartsLayout } from './write';

export const PERCENT_FORMAT = '0.0%';
export const DAYS_FORMAT = '0.0';

/** Where the tables start (1-based rows), for tests and the charts. */
export function dashboardRows(owners: number) {
  const headlineHeader = 4;
  const headlineRows = 8;
  const ownerTitle = headlineHeader + headlineRows + 2;
  const ownerHeader = ownerTitle + 1;
  const ownerCount = Math.max(1, owners);
  const monthTitle = ownerHeader + ownerCount + 2;
  const monthHeader = monthTitle + 1;
  return { headlineHeader, headlineRows, ownerTitle, ownerHeader, ownerCount, monthTitle, monthHeader };
}

export function dashboardLayout(data: DashboardData, language: Language, timeZone: string, currency: string): ChartsLayout {
  const t = DASHBOARD_TEXT[language];
  const m = (minor: number) => major(minor, currency);
  const share = (x: number | null) => (x === null ? '' : Number(x.toFixed(4)));
  const h = data.headline;
  const R = dashboardRows(data.owners.length);
  const money = moneyFormat(currency);

  const headline: Cell[][] = [
    [t.measure, t.value, t.how],
    [t.dsoCountback, numberOrBlank(h.dso), t.dsoCountbackHow],
    [t.dsoSimple, numberOrBlank(h.dsoSimple), t.dsoSimpleHow],
    [t.best, numberOrBlank(h.bestPossibleDso), t.bestHow],
    [t.add, numberOrBlank(h.averageDaysDelinquent), t.addHow],
    [t.cei90, numberOrBlank(h.cei), t.ceiHow],
    [t.ar, m(h.ar), ''],
    [t.overdue, m(h.overdue), ''],
    [t.overdueShare, share(h.overdueShare), t.overdueShareHow],
  ];
  const kpiCells = (f: KpiFigures): Cell[] => [
    m(f.ar), m(f.overdue), share(f.overdueShare), numberOrBlank(f.dso), numberOrBlank(f.bestPossibleDso),
    numberOrBlank(f.averageDaysDelinquent), numberOrBlank(f.cei),
  ];
  const owners: Cell[][] = data.owners.length > 0
    ? data.owners.map((o) => [o.owner || t.noOwner, o.customers, ...kpiCells(o), m(o.sales90)])
    : [[t.noOwner, 0, 0, 0, '', '', '', '', '', 0]];
  const months: Cell[][] = data.months.map((x) => [x.month, dateOfDay(x.end, timeZone), ...kpiCells(x), m(x.ceiSales), m(x.collected)]);
  const ownerWidth = t.ownerHeader.length;
  const monthWidth = t.monthHeader.length;
  const lastRow = R.monthHeader + months.length;
  const H = R.headlineHeader;

  return {
    blocks: [
      { row: 1, col: 1, values: [[t.asOf, dateOfDay(data.asOf, timeZone), t.baseCurrency, currency]] },
      { row: H - 1, col: 1, values: [[t.headline]] },
      { row: H, col: 1, values: headline },
      { row: R.ownerTitle, col: 1, values: [[t.byOwner]] },
      { row: R.ownerHeader, col: 1, values: [t.ownerHeader, ...owners] },
      { row: R.monthTitle, col: 1, values: [[t.byMonth]] },
      { row: R.monthHeader, col: 1, values: [t.monthHeader, ...months] },
    ],
    formulas: [],
    formats: [
      { block: { row: 1, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 2, numRows: 5, numCols: 1 }, format: DAYS_FORMAT },
      { block: { row: H + 6, col: 2, numRows: 2, numCols: 1 }, format: money },
      { block: { row: H + 8, col: 2, numRows: 1, numCols: 1 }, format: PERCENT_FORMAT },
      // Owners: Receivables, Overdue | share | DSO, best, ADD, CEI | sales.
      { block: { row: R.ownerHeader + 1, col: 3, numRows: owners.length, numCols: 2 }, format: money },
      { block: { row: R.ownerHeader + 1, col: 5, numRows: owners.length, numCols: 1 }, format: PERCENT_FORMAT },
      { block: { row: R.ownerHeader + 1, col: 6, numRows: owners.length, numCols: 4 }, format: DAYS_FORMAT },
      { block: { row: R.ownerHeader + 1, col: 10, numRows: owners.length, numCols: 1 }, format: money },
      // Months: end date | Receivables, Overdue | share | DSO, best, ADD, CEI | sales, collected.
      { block: { row: R.monthHeader + 1, col: 2, numRows: months.length, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: R.monthHeader + 1, col: 3, numRows: months.length, numCols: 2 }, format: money },
      { block: { row: R.monthHeader + 1, col: 5, numRows: months.length, numCols: 1 }, format: PERCENT_FORMAT },
      { block: { row: R.monthHeader + 1, col: 6, numRows: months.length, numCols: 4 }, format: DAYS_FORMAT },
      { block: { row: R.monthHeader + 1, col: 10, numRows: months.length, numCols: 2 }, format: money },
    ],
    bold: [
      { row: H - 1, col: 1, numRows: 1, numCols: 1 },
      { row: H, col: 1, numRows: 1, numCols: 3 },
      { row: R.ownerTitle, col: 1, numRows: 2, numCols: ownerWidth },
      { row: R.monthTitle, col: 1, numRows: 2, numCols: monthWidth },
    ],
    frozenRows: 1,
    charts: [
      {
        type: 'LINE',
        // Month | DSO (countback) | CEI: the month labels, then columns F and I.
        ranges: [
          { row: R.monthHeader, col: 1, numRows: months.length + 1, numCols: 1 },
          { row: R.monthHeader, col: 6, numRows: months.length + 1, numCols: 1 },
          { row: R.monthHeader, col: 9, numRows: months.length + 1, numCols: 1 },
        ],
        anchorRow: H - 1,
        anchorCol: monthWidth + 2,
        title: t.chartTrend,
      },
      {
        type: 'COLUMN',
        ranges: [
          { row: R.ownerHeader, col: 1, numRows: owners.length + 1, numCols: 1 },
          { row: R.ownerHeader, col: 5, numRows: owners.length + 1, numCols: 1 },
        ],
        anchorRow: H + 19,
        anchorCol: monthWidth + 2,
        title: t.chartOwners,
        options: { vAxis: { format: 'percent' } },
      },
    ],
    rows: lastRow,
    cols: Math.max(ownerWidth, monthWidth) + 1,
  };
}
