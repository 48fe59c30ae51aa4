import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createEnvironment } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z');

async function writeFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const inv = wb.addWorksheet('Invoices', { views: [{ state: 'frozen', ySplit: 1 }] });
  inv.addRow(['Id', 'Due', 'Amount', 'Paid', 'Note', 'Double']);
  inv.addRow(['INV-1', new Date(Date.UTC(2026, 2, 1)), 1234.5, false, { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] }, { formula: 'C2*2', result: 2469 }]);
  inv.addRow(['INV-2', new Date(Date.UTC(2026, 2, 15, 9, 30)), 10, true, '', { formula: 'C3*2', result: 20 }]);
  inv.getCell('B2').numFmt = 'yyyy-mm-dd';
  inv.getCell('B3').numFmt = 'yyyy-mm-dd hh:mm';
  inv.getCell('C2').numFmt = '#,##0.00';
  inv.getCell('A1').note = 'Invoice number';
  inv.getCell('A1').font = { bold: true };
  const cust = wb.addWorksheet('Customers');
  cust.addRow(['C-1', 'ACME']);
  await wb.xlsx.writeFile(file);
}

describe('xlsx', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-xlsx-'));

  test('loads values, wall-clock dates in the spreadsheet time zone, formulas, formats, notes, frozen rows, sheet order', async () => {
    const file = path.join(dir, 'in.xlsx');
    await writeFixture(file);
    const env = createEnvironment({ now: NOW });
    env.spreadsheet.addSheet('Old');
    await env.loadXlsx(file);
    expect(env.spreadsheet.sheetNames()).toEqual(['Invoices', 'Customers']);
    const s = env.spreadsheet.sheet('Invoices');
    expect(s.values()).toEqual([
      ['Id', 'Due', 'Amount', 'Paid', 'Note', 'Double'],
      ['INV-1', new Date('2026-02-28T16:00:00Z'), 1234.5, false, 'rich text', 2469],
      ['INV-2', new Date('2026-03-15T01:30:00Z'), 10, true, '', 20],
    ]);
    expect(s.formulas()[1][5]).toBe('=C2*2');
    expect(s.displayValues()[1].slice(1, 3)).toEqual(['2026-03-01', '1,234.50']);
    expect(s.displayValues()[2][1]).toBe('2026-03-15 09:30');
    expect(s.notes('A1')).toEqual([['Invoice number']]);
    expect(s.fontWeights('A1')).toEqual([['bold']]);
    expect(s.frozenRows).toBe(1);
    // the script sees the same Date
    const due = env.execution({ code: `function f() { return SpreadsheetApp.getActive().getSheetByName('Invoices').getRange('B2').getValue(); }` }).call('f');
    expect(due).toEqual(new Date('2026-02-28T16:00:00Z'));
  });

  test('round trip: save then load gives the same spreadsheet', async () => {
    const env = createEnvironment({ now: NOW });
    const s = env.spreadsheet.addSheet('Ledger', [
      ['Customer', 'Due', 'Amount', 'Flag', 'Formula'],
      ['C-1', '2026-03-01', 1500.25, true, '=C2*2'],
      ['C-2', new Date('2026-04-01T10:15:00+08:00'), -3, false, ''],
    ]);
    s.setNumberFormat('C2:C3', '#,##0.00').setNote('A1', 'who').frozenRows = 1;
    s.cell(2, 5).value = 3000.5; // cached formula result
    env.spreadsheet.addSheet('Second', [['x', 1]]);
    env.execution({ code: `function f() { SpreadsheetApp.getActive().getSheetByName('Ledger').getRange('A1:E1').setBackground('#ffff00').setFontWeight('bold'); }` }).call('f');
    const file = path.join(dir, 'round.xlsx');
    await env.saveXlsx(file);

    const back = createEnvironment({ now: NOW });
    await back.loadXlsx(file);
    const b = back.spreadsheet.sheet('Ledger');
    expect(back.spreadsheet.sheetNames()).toEqual(['Ledger', 'Second']);
    expect(b.values()).toEqual(s.values());
    expect(b.formulas()).toEqual(s.formulas());
    expect(b.displayValues()).toEqual(s.displayValues());
    expect(b.notes('A1:E3')).toEqual(s.notes('A1:E3'));
    expect(b.backgrounds('A1:E1')).toEqual(s.backgrounds('A1:E1'));
    expect(b.fontWeights('A1:E1')).toEqual(s.fontWeights('A1:E1'));
    expect(b.frozenRows).toBe(1);
    expect(back.spreadsheet.sheet('Second').values()).toEqual([['x', 1]]);
  });
});
