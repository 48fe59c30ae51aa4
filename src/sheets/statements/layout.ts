/**
 * The Statement sheet (对账单) for one customer and period, as a report layout: a head block
 * (title, customer, period, currency, opening balance), the lines block (column headers, one row
 * per line with its running balance, the closing balance) and the aging at the period's end.
 * Dates are Date cells, money major units with the currency's number format. Pure.
 */
import { shownAgingLabels } from '../../core/aging';
import { dateOfDay } from '../../core/dates';
import type { Statement } from '../../core/statement';
import type { Cell, Customer } from '../../core/types';
import type { Block } from '../../platform/format';
import type { Language } from '../../i18n/language';
import { agingLabelText } from '../../i18n/reports';
import { STATEMENT_TEXT } from '../../i18n/statements';
import { DATE_FORMAT, major, moneyFormat, type ReportLayout } from '../reports/layout';

/** Row of the lines' column headers. */
export const STATEMENT_HEADER_ROW = 7;

function pad(row: Cell[], width: number): Cell[] {
  return row.length >= width ? row : [...row, ...Array<Cell>(width - row.length).fill('')];
}

export function statementLayout(st: Statement, customer: Customer, language: Language, timeZone: string, company: string): ReportLayout {
  const t = STATEMENT_TEXT[language];
  const m = (minor: number) => major(minor, st.currency);
  const date = (day: number) => dateOfDay(day, timeZone);
  const agingHead = [...shownAgingLabels(st.agingLabels, st.agingBasis).map((l) => agingLabelText(l, language)), t.total, t.unapplied];
  const width = Math.max(7, agingHead.length);
  const money = moneyFormat(st.currency);

  const head: Cell[][] = [
    pad([company ? `${t.title} — ${company}` : t.title], width),
    pad([t.customer, customer.id, customer.name], width),
    pad([t.period, date(st.from), t.to, date(st.to)], width),
    pad([t.currency, st.currency], width),
    pad([t.opening, '', '', '', '', '', m(st.opening)], width),
  ];
  const H = STATEMENT_HEADER_ROW;
  const lines: Cell[][] = [
    pad([...t.headers], width),
    ...st.lines.map((l) =>
      pad([
        date(l.day),
        t.kinds[l.kind] + (l.dateKnown ? '' : ` ${t.dateUnknown}`),
        l.reference,
        l.dueDate === null ? '' : date(l.dueDate),
        l.debit ? m(l.debit) : '',
        l.credit ? m(l.credit) : '',
        m(l.balance),
      ], width),
    ),
    pad([t.closing, st.lines.length === 0 ? t.noLines : '', '', '', '', '', m(st.closing)], width),
  ];
  const closingRow = H + lines.length - 1;
  const agingRow = closingRow + 2;
  const aging: Cell[][] = [
    pad([`${t.agingAt}`, date(st.to)], width),
    pad(agingHead, width),
    pad([...st.aging.buckets.map(m), m(st.aging.total), m(st.unappliedCredit)], width),
  ];
  // At least one row, so the calls are the same whether or not the period has lines (the closing row takes them harmlessly).
  const n = Math.max(1, st.lines.length);
  const formats: { block: Block; format: string }[] = [
    { block: { row: 3, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
    { block: { row: 3, col: 4, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
    { block: { row: 5, col: 7, numRows: 1, numCols: 1 }, format: money },
    { block: { row: H + 1, col: 1, numRows: n, numCols: 1 }, format: DATE_FORMAT },
    { block: { row: H + 1, col: 4, numRows: n, numCols: 1 }, format: DATE_FORMAT },
    { block: { row: H + 1, col: 5, numRows: st.lines.length + 1, numCols: 3 }, format: money },
    { block: { row: agingRow, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
    { block: { row: agingRow + 2, col: 1, numRows: 1, numCols: agingHead.length }, format: money },
  ];
  return {
    blocks: [
      { row: 1, col: 1, values: head },
      { row: H, col: 1, values: lines },
      { row: agingRow, col: 1, values: aging },
    ],
    formulas: [],
    formats,
    bold: [
      { row: 1, col: 1, numRows: 1, numCols: 1 },
      { row: 5, col: 1, numRows: 1, numCols: width },
      { row: H, col: 1, numRows: 1, numCols: width },
      { row: closingRow, col: 1, numRows: 1, numCols: width },
      { row: agingRow, col: 1, numRows: 2, numCols: width },
    ],
    frozenRows: H,
    chart: null,
    rows: agingRow + 2,
    cols: width,
  };
}
