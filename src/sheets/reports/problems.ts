/**
 * The Problems report (数据问题): every Problem of the file — sheet, row, column, header, value,
 * message — and a link to the cell. The link is a HYPERLINK formula the add-on builds itself:
 * the URL holds only the sheet ID and an A1 address it computed; the label, which holds the
 * user's sheet name, is escaped (quotes doubled, line breaks removed). Every other user text is
 * written as literal text.
 */
import type { Cell, Problem } from '../../core/types';
import { fill, REPORT_TEXT } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { PROBLEMS } from '../owned';
import type { ReportLayout } from './layout';

/** Text as the inside of a formula string literal: quotes doubled, control characters spaced. */
export function formulaString(text: string): string {
  return `"${text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/"/g, '""')}"`;
}

/** A1 address for a problem: its column and row, A and 1 when it names none. */
export function problemA1(p: Problem): string {
  const col = /^[A-Z]{1,3}$/.test(p.column) ? p.column : 'A';
  const row = Number.isInteger(p.row) && p.row > 0 ? p.row : 1;
  return `${col}${row}`;
}

/** The HYPERLINK formula to a problem's cell, or '' when its sheet is unknown. */
export function problemLink(p: Problem, sheetIds: Record<string, number>, language: Language): string {
  const gid = sheetIds[p.sheet];
  if (gid === undefined || !Number.isInteger(gid)) return '';
  const a1 = problemA1(p);
  const label = fill(REPORT_TEXT[language].linkLabel, { cell: `${p.sheet}!${a1}` });
  return `=HYPERLINK(${formulaString(`#gid=${gid}&range=${a1}`)}, ${formulaString(label)})`;
}

export function problemsLayout(problems: readonly Problem[], sheetIds: Record<string, number>, language: Language): ReportLayout {
  const header = PROBLEMS.headers[language];
  const width = header.length; // the last column is the link
  const rows: Cell[][] = problems.length > 0
    ? problems.map((p) => [p.sheet, p.row > 0 ? p.row : '', p.column, p.header, p.value, p.message, ''])
    : [[REPORT_TEXT[language].noProblems, '', '', '', '', '', '']];
  const links = problems.length > 0 ? problems.map((p) => [problemLink(p, sheetIds, language)]) : [['']];
  return {
    blocks: [{ row: 1, col: 1, values: [[...header], ...rows] }],
    formulas: [{ row: 2, col: width, formulas: links }],
    formats: [],
    bold: [{ row: 1, col: 1, numRows: 1, numCols: width }],
    frozenRows: 1,
    chart: null,
    rows: 1 + rows.length,
    cols: width,
  };
}
