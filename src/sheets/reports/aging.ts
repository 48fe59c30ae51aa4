/**
 * The Aging Report (账龄报告): as-of date, one row per customer with an open balance or unapplied
 * credit (largest open total first), the bucket amounts with the picture's labels, the total, the
 * unapplied credit and the balance, a totals row, and a stacked bar chart of the top customers'
 * buckets (of the totals when no customer owes anything).
 */
import { shownAgingLabels } from '../../core/aging';
import { dateOfDay } from '../../core/dates';
import type { CreditPicture, CustomerPicture } from '../../core/picture';
import type { Cell } from '../../core/types';
import { AGING_BASIS_TEXT, agingLabelText, fill, REPORT_TEXT } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { DATE_FORMAT, major, moneyFormat, type ReportLayout } from './layout';

/** Customers shown in the chart. */
export const CHART_TOP = 10;
/** Row of the column headers. */
export const AGING_HEADER_ROW = 3;

/** The customers on the report, in report order. */
export function agingCustomers(picture: CreditPicture): CustomerPicture[] {
  const list = picture.order.map((k) => picture.customers.get(k)!).filter((c) => c.aging.total !== 0 || c.unappliedCredit !== 0);
  return list
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.aging.total - a.c.aging.total || a.i - b.i)
    .map((x) => x.c);
}

export function agingLayout(picture: CreditPicture, language: Language, timeZone: string): ReportLayout {
  const t = REPORT_TEXT[language];
  const currency = picture.settings.baseCurrency;
  const labels = picture.agingLabels;
  const m = (minor: number) => major(minor, currency);
  const basis = picture.settings.agingBasis === 'invoice' ? 'invoice' : 'due';
  const header: Cell[] = [t.customer, t.customerId, ...shownAgingLabels(labels, basis).map((l) => agingLabelText(l, language)), t.totalOpen, t.unapplied, t.balance];
  const width = header.length;
  const customers = agingCustomers(picture);
  const rows: Cell[][] = customers.map((c) => [
    c.customer.name,
    c.customer.id,
    ...c.aging.buckets.map(m),
    m(c.aging.total),
    m(c.unappliedCredit),
    m(c.openBalance),
  ]);
  const p = picture.portfolio;
  const totals: Cell[] = [t.totals, '', ...p.buckets.map(m), m(p.total), m(p.unappliedCredit), m(p.openBalance)];
  const H = AGING_HEADER_ROW;
  const totalsRow = H + rows.length + 1;
  const top = Math.min(CHART_TOP, rows.length);
  const chartRows = top > 0
    ? [{ row: H, col: 1, numRows: top + 1, numCols: 1 }, { row: H, col: 3, numRows: top + 1, numCols: labels.length }]
    : [{ row: H, col: 1, numRows: 2, numCols: 1 }, { row: H, col: 3, numRows: 2, numCols: labels.length }];
  return {
    blocks: [
      { row: 1, col: 1, values: [[t.asOf, dateOfDay(picture.asOf, timeZone), t.baseCurrency, currency, AGING_BASIS_TEXT[language].label, AGING_BASIS_TEXT[language][basis]]] },
      { row: H, col: 1, values: [header, ...rows, totals] },
    ],
    formulas: [],
    formats: [
      { block: { row: 1, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 3, numRows: rows.length + 1, numCols: width - 2 }, format: moneyFormat(currency) },
    ],
    bold: [
      { row: H, col: 1, numRows: 1, numCols: width },
      { row: totalsRow, col: 1, numRows: 1, numCols: width },
    ],
    frozenRows: H,
    chart: {
      ranges: chartRows,
      anchorRow: H,
      anchorCol: width + 2,
      title: top > 0 ? fill(t.chartTop, { count: top }) : t.chartTotals,
      stacked: true,
    },
    rows: totalsRow,
    cols: width + 1,
  };
}
