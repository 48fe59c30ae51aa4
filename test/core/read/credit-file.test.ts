import * as vm from 'node:vm';
import { readCreditFile } from '../../../src/core/read';
import { buildLedger } from '../../../src/core/ledger';
import type { Cell } from '../../../src/core/types';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { day, TZ, where } from './helpers';

describe('readCreditFile', () => {
  const sheets = () => [
    { name: 'Reminder Log', values: [['anything']] as Cell[][] },
    {
      name: '客户档案',
      values: [
        ['客户编号', '客户名称', '邮箱', '账期（天）', '信用额度（元）', '币种'],
        ['C-001', '华东贸易', 'ar@hd.cn', 30, '50,000', ''],
        ['C-002', 'Pacific Ltd', 'ap@pacific.com', '', 10000, 'USD'],
      ] as Cell[][],
    },
    {
      name: '应收账款',
      values: [
        ['发票号', '客户编号', '开票日期', '到期日', '金额', '币种', '状态'],
        ['FP-1', 'C-001', new Date('2026-03-01T00:00:00+08:00'), '', 1000, '', ''],
        ['FP-2', 'c-002', '2026-03-05', '2026-04-05', 100, '', '已付'],
      ] as Cell[][],
    },
    { name: '回款', values: [['收款日期', '客户编号', '收款金额', '发票号'], ['2026-03-10', 'C-001', 400, 'FP-1']] as Cell[][] },
    { name: '订单', values: [['订单号', '客户编号', '金额', '状态'], ['DD-1', 'C-001', 2000, '待审']] as Cell[][] },
    { name: '设置', values: [['设置项', '值'], ['汇率 USD', 7.1], ['默认账期', 45], ['Reminder 1 (days)', 7]] as Cell[][] },
  ];

  test('the invoice index: positions of accepted invoices by key; a skipped first row claims its number; the ledger agrees', () => {
    const f = readCreditFile([
      { name: 'Customers', values: [['Customer ID', 'Name'], ['C-1', 'Acme'], ['C-2', 'Beta']] },
      {
        name: 'Invoices',
        values: [
          ['Invoice No', 'Customer ID', 'Invoice Date', 'Amount'],
          ['INV-1', 'C-1', '2026-03-01', 100],
          ['INV-2', 'C-9', '2026-03-01', 100], // unknown customer: skipped
          ['inv-2', 'C-2', '2026-03-02', 100], // a repeat of INV-2: ignored
          ['INV-3', 'C-2', '2026-03-03', 100],
        ],
      },
      { name: 'Payments', values: [['Date', 'Customer ID', 'Amount', 'Invoice No'], ['2026-03-05', 'C-2', 50, 'INV-2'], ['2026-03-05', 'C-2', 30, 'INV-3']] },
    ], { timeZone: TZ });
    expect(f.invoices.map((i) => [i.key, i.customerIndex])).toEqual([['INV-1', 0], ['INV-3', 1]]);
    expect(f.payments.map((p) => p.customerIndex)).toEqual([1, 1]);
    const index = f.invoiceIndex!;
    expect(index.invoices).toBe(f.invoices);
    expect(['INV-1', 'INV-2', 'INV-3', 'INV-4'].map((k) => index.positionOf(k))).toEqual([0, -1, 1, -1]);
    const asOf = day(2026, 3, 31);
    const withIndex = buildLedger(f, asOf);
    const without = buildLedger({ invoices: f.invoices, payments: f.payments, places: f.places }, asOf);
    expect(withIndex).toEqual(without);
    expect(withIndex.problems.map((p) => p.row)).toEqual([2]);
    // The reader says where the Payments sheet's Invoice No column is: the Problem points at it.
    expect(withIndex.problems[0]).toMatchObject({ sheet: 'Payments', column: 'D', header: 'Invoice No', value: 'INV-2' });
    expect(withIndex.problems[0]!.message).toMatch(/^This payment names invoice INV-2, which is not in the Invoices sheet\./);
    expect(withIndex.customers.get('C-2')!.invoices[0]!.open).toBe(10000 - 3000 - 5000);
  });

  test('a Chinese file end to end', () => {
    const f = readCreditFile(sheets(), { timeZone: TZ });
    expect(f.problems).toEqual([]);
    expect(f.customers.map((c) => [c.key, c.creditLimit, c.termsDays])).toEqual([['C-001', 5000000, 30], ['C-002', 7100000, null]]);
    expect(f.invoices.map((i) => [i.key, i.amount, i.dueDate, i.status])).toEqual([
      ['FP-1', 100000, day(2026, 3, 31), 'open'],
      ['FP-2', 71000, day(2026, 4, 5), 'paid'],
    ]);
    expect(f.payments).toEqual([{ row: 2, date: day(2026, 3, 10), customerKey: 'C-001', customerIndex: 0, amount: 40000, invoiceKey: 'FP-1' }]);
    expect(f.orders.map((o) => [o.no, o.status, o.amount])).toEqual([['DD-1', 'pending', 200000]]);
    expect(f.settings.fxRates).toEqual({ USD: 7.1 });
    expect(f.settings.defaultTermsDays).toBe(45);
    expect(f.settingsExtra).toEqual({ 'Reminder 1 (days)': '7' });
  });

  test('the time-zone boundary: the same Date cell is a different day in UTC', () => {
    const sh = readCreditFile(sheets(), { timeZone: 'Asia/Shanghai' });
    const utc = readCreditFile(sheets(), { timeZone: 'UTC' });
    expect(sh.invoices[0]!.invoiceDate).toBe(day(2026, 3, 1));
    expect(utc.invoices[0]!.invoiceDate).toBe(day(2026, 2, 28));
  });

  test('missing Customers and Invoices sheets: Problems at row 0, empty lists', () => {
    const f = readCreditFile([{ name: 'Sheet1', values: [['a']] }], { timeZone: TZ });
    expect(f.customers).toEqual([]);
    expect(f.invoices).toEqual([]);
    expect(f.settings).toEqual(DEFAULT_SETTINGS);
    expect(f.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([['Customers', 0, ''], ['Invoices', 0, '']]);
    expect(f.problems[0]!.message).toBe('There is no Customers sheet. Add a sheet named “Customers”, or run “Set up credit file”.');
  });

  test('message language: the option, else the Settings language', () => {
    const noSheets = [{ name: '设置', values: [['语言', '中文']] as Cell[][] }];
    expect(readCreditFile(noSheets, { timeZone: TZ }).problems[0]!.message).toBe('没有客户表。请添加名为“客户”的工作表，或运行“建立信用档案”。');
    expect(readCreditFile(noSheets, { timeZone: TZ, language: 'en' }).problems[0]!.message).toMatch(/^There is no Customers sheet/);
  });

  test('two sheets for one table: the first is read, the second reported', () => {
    const f = readCreditFile(
      [
        { name: 'Customers', values: [['Customer ID', 'Name'], ['C-1', 'A']] },
        { name: '客户', values: [['Customer ID', 'Name'], ['C-2', 'B']] },
        { name: 'Invoices', values: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount']] },
      ],
      { timeZone: TZ },
    );
    expect(f.customers.map((c) => c.id)).toEqual(['C-1']);
    expect(f.problems.map((p) => [p.sheet, p.row])).toEqual([['客户', 0]]);
  });

  test('an unknown time zone: a Problem, read as UTC', () => {
    // English asked for: by itself this file (Chinese sheet names, no locale) would speak Chinese.
    const f = readCreditFile(sheets(), { timeZone: 'Nowhere/Land', language: 'en' });
    expect(f.problems.map((p) => p.message)).toEqual(['The time zone Nowhere/Land is not known; dates are read in UTC. Set the spreadsheet’s time zone in File > Settings.']);
    expect(f.invoices[0]!.invoiceDate).toBe(day(2026, 2, 28));
  });

  test('values from another realm (a vm context): Dates and arrays', () => {
    const ctx = vm.createContext({});
    const foreign = vm.runInContext(
      `[
        { name: 'Customers', values: [['Customer ID', 'Name'], ['C-1', 'A']] },
        { name: 'Invoices', values: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount'], ['I-1', 'C-1', new Date('2026-03-01T00:00:00+08:00'), 12.5]] },
      ]`,
      ctx,
    );
    expect(foreign instanceof Array).toBe(false);
    const f = readCreditFile(foreign, { timeZone: TZ });
    expect(f.problems).toEqual([]);
    expect(f.invoices[0]).toMatchObject({ invoiceDate: day(2026, 3, 1), amount: 1250 });
  });

  test('repeated header columns: one Problem, the first column read', () => {
    const f = readCreditFile(
      [
        { name: 'Customers', values: [['Customer ID', 'Name', '客户名称'], ['C-1', 'A', 'B']] },
        { name: 'Invoices', values: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount']] },
      ],
      { timeZone: TZ },
    );
    expect(f.customers[0]!.name).toBe('A');
    expect(where(f.problems)).toEqual(['Customers!C1']);
  });
});
