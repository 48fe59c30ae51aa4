/**
 * The Cash Forecast sheet (回款预测): the next 13 weeks' expected collections with totals and what
 * is left out, the past 8 weeks' forecast against actual, and two column charts.
 */
import { dateOfDay } from '../../core/dates';
import type { CashForecast, PastWeek } from '../../core/forecast';
import type { Cell } from '../../core/types';
import { FORECAST_TEXT } from '../../i18n/dashboard';
import { fill } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { DATE_FORMAT, major, moneyFormat } from '../reports/layout';
import type { ChartsLayout } from '../dashboard/write';
import { PERCENT_FORMAT } from '../dashboard/layout';

export function forecastRows(weeks: number, past: number) {
  const weekHeader = 4;
  const totalRow = weekHeader + weeks + 1;
  const notesRow = totalRow + 2;
  const notes = 5;
  const pastTitle = notesRow + notes + 1;
  const pastHeader = pastTitle + 1;
  return { weekHeader, totalRow, notesRow, notes, pastTitle, pastHeader, lastRow: pastHeader + past };
}

export function forecastLayout(f: CashForecast, past: PastWeek[], language: Language, timeZone: string, currency: string): ChartsLayout {
  const t = FORECAST_TEXT[language];
  const m = (minor: number) => major(minor, currency);
  const date = (day: number) => dateOfDay(day, timeZone);
  const R = forecastRows(f.weeks.length, past.length);
  let cumulative = 0;
  const weeks: Cell[][] = f.weeks.map((w, k) => {
    cumulative += w.expected;
    return [k + 1, date(w.start), date(w.end), m(w.expected), w.invoices, m(cumulative)];
  });
  const total = f.weeks.reduce((s, w) => s + w.expected, 0);
  const count = f.weeks.reduce((s, w) => s + w.invoices, 0);
  const notes: Cell[][] = [
    [t.later, m(f.later)],
    [t.catchUp, m(f.catchUp)],
    [t.disputed, m(f.disputed)],
    [fill(t.doubtful, { days: f.doubtfulDays }), m(f.doubtful)],
    [t.delay, f.portfolioDelay],
  ];
  const pastRows: Cell[][] = past.map((p) => [
    date(p.start), date(p.end),
    p.madeOn === null ? t.noForecast : date(p.madeOn),
    p.forecast === null ? '' : m(p.forecast),
    m(p.actual),
    p.difference === null ? '' : m(p.difference),
    p.forecast === null || p.forecast <= 0 ? '' : Number((p.actual / p.forecast).toFixed(4)),
  ]);
  const money = moneyFormat(currency);
  const W = f.weeks.length;
  const P = past.length;
  return {
    blocks: [
      { row: 1, col: 1, values: [[t.asOf, date(f.asOf), t.baseCurrency, currency]] },
      { row: R.weekHeader - 1, col: 1, values: [[t.next]] },
      { row: R.weekHeader, col: 1, values: [t.weekHeader, ...weeks, [t.total, '', '', m(total), count, '']] },
      { row: R.notesRow, col: 1, values: notes },
      { row: R.pastTitle, col: 1, values: [[t.past]] },
      { row: R.pastHeader, col: 1, values: [t.pastHeader, ...pastRows] },
    ],
    formulas: [],
    formats: [
      { block: { row: 1, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: R.weekHeader + 1, col: 2, numRows: W, numCols: 2 }, format: DATE_FORMAT },
      { block: { row: R.weekHeader + 1, col: 4, numRows: W + 1, numCols: 1 }, format: money },
      { block: { row: R.weekHeader + 1, col: 6, numRows: W, numCols: 1 }, format: money },
      { block: { row: R.notesRow, col: 2, numRows: 4, numCols: 1 }, format: money },
      { block: { row: R.pastHeader + 1, col: 1, numRows: P, numCols: 3 }, format: DATE_FORMAT },
      { block: { row: R.pastHeader + 1, col: 4, numRows: P, numCols: 3 }, format: money },
      { block: { row: R.pastHeader + 1, col: 7, numRows: P, numCols: 1 }, format: PERCENT_FORMAT },
    ],
    bold: [
      { row: R.weekHeader - 1, col: 1, numRows: 2, numCols: t.weekHeader.length },
      { row: R.totalRow, col: 1, numRows: 1, numCols: t.weekHeader.length },
      { row: R.pastTitle, col: 1, numRows: 2, numCols: t.pastHeader.length },
    ],
    frozenRows: 1,
    charts: [
      {
        type: 'COLUMN',
        ranges: [
          { row: R.weekHeader, col: 2, numRows: W + 1, numCols: 1 },
          { row: R.weekHeader, col: 4, numRows: W + 1, numCols: 1 },
        ],
        anchorRow: R.weekHeader - 1,
        anchorCol: t.pastHeader.length + 2,
        title: t.chartNext,
      },
      {
        type: 'COLUMN',
        ranges: [
          { row: R.pastHeader, col: 1, numRows: P + 1, numCols: 1 },
          { row: R.pastHeader, col: 4, numRows: P + 1, numCols: 2 },
        ],
        anchorRow: R.pastTitle,
        anchorCol: t.pastHeader.length + 2,
        title: t.chartPast,
      },
    ],
    rows: R.lastRow,
    cols: t.pastHeader.length + 1,
  };
}
