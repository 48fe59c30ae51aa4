/** The pure report builders: layouts from a computed picture, and the escaping of link formulas. */
import { englishFixture, dayOf } from '../../examples/generate';
import { computePicture } from '../../src/core/picture';
import { readCreditFile } from '../../src/core/read';
import type { Problem } from '../../src/core/types';
import { agingLayout } from '../../src/sheets/reports/aging';
import { formulaString, problemA1, problemLink, problemsLayout } from '../../src/sheets/reports/problems';
import { scoresLayout } from '../../src/sheets/reports/scores';
import { major, moneyFormat } from '../../src/sheets/reports/layout';

function picture(book = englishFixture()) {
  const file = readCreditFile(Object.entries(book).map(([name, values]) => ({ name, values })), { timeZone: 'UTC' });
  return computePicture(file, dayOf('2026-11-20'), { kpis: false });
}

describe('agingLayout', () => {
  it('lays out header, customers, totals, formats and a chart of the top customers', () => {
    const l = agingLayout(picture(), 'en', 'UTC');
    const table = l.blocks[1];
    expect(table.row).toBe(3);
    expect(table.values[0]).toEqual(['Customer', 'Customer ID', 'Current', '1-30', '31-60', '61-90', '91+', 'Total Open', 'Unapplied Credit', 'Balance']);
    expect(table.values.slice(1, -1).map((r) => r[1])).toEqual(['C-004', 'C-006', 'C-002', 'C-001', 'C-003']);
    expect(table.values[3]).toEqual(['Partial Parts Ltd', 'C-002', 4000, 0, 7800, 0, 0, 11800, 0, 11800]);
    expect(table.values[6]).toEqual(['Total', '', 16900, 11000, 16800, 4500, 5000, 54200, 800, 53400]);
    expect(l.chart?.ranges).toEqual([{ row: 3, col: 1, numRows: 6, numCols: 1 }, { row: 3, col: 3, numRows: 6, numCols: 5 }]);
    expect(l.formats[1]).toEqual({ block: { row: 4, col: 3, numRows: 6, numCols: 8 }, format: '#,##0.00' });
    expect(l.rows).toBe(9);
  });

  it('charts the totals when nobody owes anything', () => {
    const book = englishFixture();
    book.Invoices = [book.Invoices[0]];
    book.Payments = [book.Payments[0]];
    const l = agingLayout(picture(book), 'zh', 'UTC');
    expect(l.blocks[1].values).toHaveLength(2);
    expect(l.blocks[1].values[1][0]).toBe('合计');
    expect(l.chart).toMatchObject({ title: '账龄合计', ranges: [{ row: 3, col: 1, numRows: 2, numCols: 1 }, { row: 3, col: 3, numRows: 2, numCols: 5 }] });
  });
});

describe('scoresLayout', () => {
  it('one row per customer, a column per factor', () => {
    const l = scoresLayout(picture(), 'en', 'UTC');
    const rows = l.blocks[1].values;
    expect(rows[0]).toHaveLength(16);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006']);
    for (const r of rows.slice(1)) expect(['A', 'B', 'C', 'D']).toContain(r[3]);
  });
});

describe('problem links', () => {
  const p = (over: Partial<Problem>): Problem => ({ sheet: 'Invoices', row: 5, column: 'E', header: 'Amount', value: 'x', message: 'm', ...over });

  it('escapes quotes and control characters in formula strings', () => {
    expect(formulaString('a"b')).toBe('"a""b"');
    expect(formulaString('"); =IMPORTXML("x')).toBe('"""); =IMPORTXML(""x"');
    expect(formulaString('a\nb')).toBe('"a b"');
  });

  it('links to the cell, to A1 of the sheet when the problem names no cell, nowhere for an unknown sheet', () => {
    expect(problemLink(p({}), { Invoices: 42 }, 'en')).toBe('=HYPERLINK("#gid=42&range=E5", "Go to Invoices!E5")');
    expect(problemA1(p({ row: 0, column: '' }))).toBe('A1');
    expect(problemLink(p({ sheet: 'Gone' }), { Invoices: 42 }, 'en')).toBe('');
    expect(problemLink(p({ sheet: 'x"y' }), { 'x"y': 7 }, 'zh')).toBe('=HYPERLINK("#gid=7&range=E5", "转到 x""y!E5")');
  });

  it('writes a row saying there is none, so the layout always has the same blocks', () => {
    const l = problemsLayout([], {}, 'en');
    expect(l.blocks[0].values).toEqual([['Sheet', 'Row', 'Column', 'Header', 'Value', 'Problem', 'Link'], ['No problems found.', '', '', '', '', '', '']]);
    expect(l.formulas).toEqual([{ row: 2, col: 7, formulas: [['']] }]);
  });
});

describe('money', () => {
  it('formats and converts by the currency\'s digits', () => {
    expect(moneyFormat('CNY')).toBe('#,##0.00');
    expect(moneyFormat('JPY')).toBe('#,##0');
    expect(major(725050, 'CNY')).toBe(7250.5);
    expect(major(-80000, 'CNY')).toBe(-800);
  });
});
