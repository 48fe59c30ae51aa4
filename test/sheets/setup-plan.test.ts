/** The pure rules of "Set up credit file": what it adds to sheets that exist, and where. */
import { TABLES } from '../../src/core/read/headers';
import {
  allSettingRows, defaultCell, planSettings, planTable, rowLanguage, settingsBlock, SETTINGS_FIRST_ROWS,
} from '../../src/sheets/setup/plan';

describe('planTable', () => {
  it('writes the whole header row on a blank sheet, in the language', () => {
    const p = planTable('orders', [], 0, 'zh');
    expect(p).toMatchObject({ found: true, whole: true, headerRow: 1 });
    expect(p.added.map((a) => a.header)).toEqual(TABLES.orders.fields.map((f) => f.zh));
    expect(p.added.map((a) => a.col)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('appends only missing headers after the last used column, in the header row\'s language', () => {
    const top = [
      ['', '', '', '', ''],
      ['订单号', '客户编号', '备注', '金额', '状态'],
      ['SO-1', 'C-1', 'note', 5, ''],
    ];
    const p = planTable('orders', top, 6, 'en');
    expect(p).toMatchObject({ found: true, whole: false, headerRow: 2, language: 'zh' });
    expect(p.added).toEqual([
      { field: 'orderDate', header: '下单日期', col: 7 },
      { field: 'currency', header: '币种', col: 8 },
      { field: 'creditCheck', header: '信用检查', col: 9 },
    ]);
    expect(p.columns).toMatchObject({ no: 1, customerId: 2, amount: 4, status: 5, orderDate: 7 });
  });

  it('recognises aliases and adds nothing when every field is there', () => {
    const header = TABLES.payments.fields.map((f) => f.aliases[0] ?? f.en);
    const p = planTable('payments', [header], header.length, 'en');
    expect(p.added).toEqual([]);
  });

  it('takes a header with a unit, bracketed or not, for its column: no second Amount or Credit Limit', () => {
    const inv = planTable('invoices', [['发票号', '客户编号', '开票日期', '金额/元', '已付金额（万元）']], 5, 'zh');
    expect(inv.columns).toMatchObject({ amount: 4, amountPaid: 5 });
    expect(inv.added.map((a) => a.field)).not.toContain('amount');
    const cust = planTable('customers', [['Customer ID', 'Name', "Credit Limit (USD '000)"]], 3, 'en');
    expect(cust.columns.creditLimit).toBe(3);
    expect(cust.added.map((a) => a.field)).not.toContain('creditLimit');
  });

  it('leaves a sheet alone when no header row is in the rows read', () => {
    const top = Array.from({ length: 50 }, () => ['', '']);
    expect(planTable('customers', top, 3, 'en')).toMatchObject({ found: false, added: [] });
  });
});

describe('planSettings', () => {
  it('writes a header and every row, defaults as numbers where they are numbers', () => {
    const p = planSettings([], 'en');
    expect(p.whole).toBe(true);
    expect(p.headerCells.map((c) => c.text)).toEqual(['Setting', 'Value', 'Description']);
    expect(p.lines.map((l) => l.id)).toEqual(allSettingRows().map((r) => r.id));
    expect(p.lines.find((l) => l.id === 'defaultTermsDays')?.value).toBe(30);
    expect(p.lines.find((l) => l.id === 'agingEdges')?.value).toBe('30,60,90');
    expect(SETTINGS_FIRST_ROWS.map((r) => r.en)).toEqual(['Recalc Token', 'Reminder Hour']);
    expect(p.lines[0]).toMatchObject({ id: 'recalcToken', value: 1 });
  });

  it('adds missing keys below the last row and a Description header, matching keys by alias', () => {
    const values = [
      ['设置项', '值'],
      ['Base Currency', 'CNY'],
      ['Default Terms', 45],
      ['FX USD', 7.1],
      ['', ''],
      ['备注', 'kept'],
    ];
    const p = planSettings(values, 'en', { language: 'English' });
    expect(p).toMatchObject({ whole: false, language: 'zh', headerRow: 1, keyCol: 1, valueCol: 2, descriptionCol: 3, startRow: 7 });
    expect(p.headerCells).toEqual([{ col: 3, text: '说明' }]);
    const ids = p.lines.map((l) => l.id);
    expect(ids).not.toContain('baseCurrency');
    expect(ids).not.toContain('defaultTermsDays');
    expect(ids).toHaveLength(allSettingRows().length - 2);
    expect(p.lines.find((l) => l.id === 'language')).toMatchObject({ key: '语言', value: 'English' });
  });

  it('uses the header\'s columns wherever they are', () => {
    const values = [
      ['Notes', 'Value', '', 'Setting'],
      ['x', 'CNY', '', 'Base Currency'],
    ];
    const p = planSettings(values, 'en');
    expect(p).toMatchObject({ keyCol: 4, valueCol: 2, descriptionCol: 1 });
    const block = settingsBlock({ ...p, lines: p.lines.slice(0, 1) });
    expect(block.col).toBe(1);
    expect(block.values[0]).toEqual([p.lines[0].description, p.lines[0].value, '', p.lines[0].key]);
  });

  it('without a header row, reads keys from column A', () => {
    const p = planSettings([['Base Currency', 'USD']], 'en');
    expect(p).toMatchObject({ headerRow: 0, keyCol: 1, valueCol: 2, descriptionCol: 3, startRow: 2, headerCells: [] });
    expect(p.lines.map((l) => l.id)).not.toContain('baseCurrency');
  });
});

describe('helpers', () => {
  it('rowLanguage', () => {
    expect(rowLanguage(['客户编号', 'Name'])).toBe('zh');
    expect(rowLanguage(['Customer ID', 3])).toBe('en');
    expect(rowLanguage(['', ''])).toBeNull();
  });
  it('defaultCell', () => {
    expect(defaultCell('30')).toBe(30);
    expect(defaultCell('90%')).toBe('90%');
    expect(defaultCell('')).toBe('');
  });
});
