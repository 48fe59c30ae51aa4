import { readCustomers } from '../../../src/core/read/customers';
import { readInvoices } from '../../../src/core/read/invoices';
import { defaultSettings } from '../../../src/core/read/settings';
import type { Cell, Settings } from '../../../src/core/types';
import { customersSheet, dateCell, day, INVOICE_HEADERS, invoicesSheet, TZ, where } from './helpers';

function setup(rows: Cell[][], over: Partial<Settings> = {}, headers?: Cell[]) {
  const settings = { ...defaultSettings(), ...over };
  const ctx = { timeZone: TZ, language: 'en' as const, settings };
  const cr = readCustomers(
    customersSheet([
      ['C-001', 'Acme', '', '', '', 45],
      ['C-002', 'Beta', '', '', '', '', '', 'USD'],
      ['C-003', 'Gamma'],
      ['C-BAD', ''],
    ]),
    ctx,
  );
  const byKey = new Map(cr.customers.map((c) => [c.key, c]));
  return readInvoices(invoicesSheet(rows, headers), ctx, byKey, cr.rejected);
}

describe('readInvoices', () => {
  test('a clean row with a Date cell; due date from the customer terms', () => {
    const r = setup([['INV-1', 'c-001', dateCell(2026, 3, 1), '', 1234.565]]);
    expect(r.problems).toEqual([]);
    expect(r.invoices).toEqual([
      {
        no: 'INV-1', key: 'INV-1', row: 2, customerKey: 'C-001', customerIndex: 0, invoiceDate: day(2026, 3, 1), dueDate: day(2026, 4, 15),
        amount: 123457, currency: 'CNY', amountPaid: 0, paidDate: null, status: 'open', disputed: false, remindersStopped: false,
      },
    ]);
  });

  test('due date blank with no customer terms: the Settings default', () => {
    const r = setup([['INV-1', 'C-003', '2026-03-01', '', 100]], { defaultTermsDays: 10 });
    expect(r.invoices[0]!.dueDate).toBe(day(2026, 3, 11));
  });

  test('a given due date is used; one before the invoice date is a Problem but kept', () => {
    const r = setup([
      ['INV-1', 'C-003', '2026-03-01', '2026-03-20', 100],
      ['INV-2', 'C-003', '2026-03-01', '2026-02-01', 100],
    ]);
    expect(r.invoices.map((i) => i.dueDate)).toEqual([day(2026, 3, 20), day(2026, 2, 1)]);
    expect(r.problems.map((p) => [p.row, p.column, p.header])).toEqual([[3, 'D', 'Due Date']]);
    expect(r.problems[0]!.message).toBe('The due date 2026-02-01 is before the invoice date 2026-03-01. Check both dates; the due date is used as written.');
  });

  test('an unreadable due date: a Problem, and the terms are used', () => {
    const r = setup([['INV-1', 'C-003', '2026-03-01', '3/4/2026', 100]]);
    expect(r.invoices[0]!.dueDate).toBe(day(2026, 3, 31));
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'D', value: '3/4/2026' });
    expect(r.problems[0]!.message).toContain('day/month or month/day');
  });

  test('future dates are legal', () => {
    const r = setup([['INV-1', 'C-003', '2099-12-01', '', 100]]);
    expect(r.problems).toEqual([]);
    expect(r.invoices).toHaveLength(1);
  });

  test('unknown customer: Problem on Customer ID, row skipped; a rejected customer says so', () => {
    const r = setup([
      ['INV-1', 'C-999', '2026-03-01', '', 100],
      ['INV-2', 'C-BAD', '2026-03-01', '', 100],
    ]);
    expect(r.invoices).toEqual([]);
    expect(where(r.problems)).toEqual(['Invoices!B2', 'Invoices!B3']);
    expect(r.problems[0]!.message).toBe(
      'Customer ID C-999 is not in the Customers sheet. Add the customer there or correct the ID. This row is skipped until it is fixed.',
    );
    expect(r.problems[1]!.message).toContain('could not be read');
  });

  test('duplicate invoice numbers: the later row ignored', () => {
    const r = setup([
      ['INV-1', 'C-003', '2026-03-01', '', 100],
      ['inv-1 ', 'C-003', '2026-03-02', '', 200],
    ]);
    expect(r.invoices.map((i) => i.amount)).toEqual([10000]);
    expect(where(r.problems)).toEqual(['Invoices!A3']);
  });

  test('missing required values each give a Problem; the row is skipped once', () => {
    const r = setup([['INV-1', 'C-003', '', '', '']]);
    expect(r.invoices).toEqual([]);
    expect(where(r.problems)).toEqual(['Invoices!C2', 'Invoices!E2']);
    expect(r.problems[0]!.message).toMatch(/skipped/);
    expect(r.problems[1]!.message).not.toMatch(/skipped/);
  });

  test('currency: blank takes the customer’s; converted with FX; no rate skips the row', () => {
    const r = setup(
      [
        ['INV-1', 'C-002', '2026-03-01', '', 100],
        ['INV-2', 'C-003', '2026-03-01', '', 100, 'USD', 50],
        ['INV-3', 'C-003', '2026-03-01', '', 100, 'EUR'],
        ['INV-4', 'C-003', '2026-03-01', '', 100, 'Martian'],
        ['INV-5', 'C-003', '2026-03-01', '', 1000, 'JPY'],
      ],
      { fxRates: { USD: 7.1, JPY: 0.0493 } },
    );
    expect(r.invoices.map((i) => [i.no, i.currency, i.amount, i.amountPaid])).toEqual([
      ['INV-1', 'USD', 71000, 0],
      ['INV-2', 'USD', 71000, 35500],
      ['INV-5', 'JPY', 4930, 0],
    ]);
    expect(where(r.problems)).toEqual(['Invoices!F4', 'Invoices!F5']);
    expect(r.problems[0]!.message).toBe(
      'There is no exchange rate for EUR in Settings. Add a Settings row “FX EUR” with how many CNY one EUR is worth. This row is skipped until it is fixed.',
    );
    expect(r.problems[1]!.message).toMatch(/currency code/);
    expect(r.problems[1]!.message).toMatch(/skipped/);
  });

  test('credit notes are negative amounts', () => {
    const r = setup([['CN-1', 'C-003', '2026-03-01', '', '(500.00)']]);
    expect(r.invoices[0]!.amount).toBe(-50000);
  });

  test('status words and the Disputed column', () => {
    const r = setup([
      ['I1', 'C-003', '2026-03-01', '', 1, '', '', '', ''],
      ['I2', 'C-003', '2026-03-01', '', 1, '', '', '', 'Paid'],
      ['I3', 'C-003', '2026-03-01', '', 1, '', '', '', '作废'],
      ['I4', 'C-003', '2026-03-01', '', 1, '', '', '', '争议'],
      ['I5', 'C-003', '2026-03-01', '', 1, '', '', '', 'Open', 'Y'],
      ['I6', 'C-003', '2026-03-01', '', 1, '', '', '', 'Void', '是'],
      ['I7', 'C-003', '2026-03-01', '', 1, '', '', '', 'Paid', true],
      ['I8', 'C-003', '2026-03-01', '', 1, '', '', '', 'Lost'],
    ]);
    expect(r.invoices.map((i) => [i.no, i.status, i.disputed])).toEqual([
      ['I1', 'open', false],
      ['I2', 'paid', false],
      ['I3', 'void', false],
      ['I4', 'disputed', true],
      ['I5', 'disputed', true],
      ['I6', 'void', true],
      ['I7', 'paid', true],
      ['I8', 'open', false],
    ]);
    expect(where(r.problems)).toEqual(['Invoices!I9']);
  });

  test('paid date and amount paid are passed on as written', () => {
    const r = setup([
      ['I1', 'C-003', '2026-03-01', '', 100, '', '', '2026-03-10', 'Paid'],
      ['I2', 'C-003', '2026-03-01', '', 100, '', 40, dateCell(2026, 3, 5)],
    ]);
    expect(r.invoices.map((i) => [i.status, i.amountPaid, i.paidDate])).toEqual([
      ['paid', 0, day(2026, 3, 10)],
      ['open', 4000, day(2026, 3, 5)],
    ]);
  });

  test('an unreadable Amount Paid is a Problem and counts as 0', () => {
    const r = setup([['I1', 'C-003', '2026-03-01', '', 100, '', 'lots']]);
    expect(r.invoices[0]!.amountPaid).toBe(0);
    expect(where(r.problems)).toEqual(['Invoices!G2']);
  });

  test('a negative or unreadable Amount Paid with a Paid Date does not mark the invoice paid: both are left out', () => {
    const r = setup([
      ['I1', 'C-003', '2026-03-01', '', 1200, '', '(500)', '2026-10-01'],
      ['I2', 'C-003', '2026-03-01', '', 1200, '', '-500', '2026-10-01'],
      ['I3', 'C-003', '2026-03-01', '', 1200, '', '500-', '2026-10-01'],
      ['I4', 'C-003', '2026-03-01', '', 1200, '', '500CR', '2026-10-01'],
      ['I5', 'C-003', '2026-03-01', '', 1200, '', 'abc', '2026-10-01'],
      ['I6', 'C-003', '2026-03-01', '', 1200, '', -500, ''],
      ['I7', 'C-003', '2026-03-01', '', 1200, '', '-', '2026-10-01'],
    ]);
    expect(r.invoices.map((i) => [i.no, i.status, i.amountPaid, i.paidDate])).toEqual([
      ['I1', 'open', 0, null], ['I2', 'open', 0, null], ['I3', 'open', 0, null], ['I4', 'open', 0, null],
      ['I5', 'open', 0, null], ['I6', 'open', 0, null],
      ['I7', 'open', 0, day(2026, 10, 1)], // a dash is blank: the Paid Date alone means paid in full
    ]);
    expect(where(r.problems)).toEqual(['Invoices!G2', 'Invoices!G3', 'Invoices!G4', 'Invoices!G5', 'Invoices!G6', 'Invoices!G7']);
    expect(r.problems[0]!.message).toBe('“Amount Paid” cannot be negative: write what the customer paid as a positive amount, and record refunds and credit notes as negative Amounts. Until it is fixed the invoice counts as unpaid: its Amount Paid and Paid Date are not used.');
    expect(r.problems[4]!.message).toMatch(/^“Amount Paid” is not an amount .* Until it is fixed the invoice counts as unpaid: its Amount Paid and Paid Date are not used\.$/);
  });

  test('an Amount Paid above the Amount is kept as an overpayment, with a Problem saying so', () => {
    const r = setup([
      ['I1', 'C-003', '2026-03-01', '', 1500, '', 15000, '2026-03-05'],
      ['I2', 'C-003', '2026-03-01', '', 1500, '', 1500, '2026-03-05'],
    ]);
    expect(r.invoices.map((i) => i.amountPaid)).toEqual([1500000, 150000]);
    expect(where(r.problems)).toEqual(['Invoices!G2']);
    expect(r.problems[0]!.message).toBe('“Amount Paid” 15,000.00 CNY is more than the Amount 1,500.00 CNY; the extra 13,500.00 CNY is counted as the customer’s unapplied credit and lowers what the customer owes on other invoices. Check the figure.');
  });

  test('a credit note keeps its Paid Date (refunded) even with an Amount Paid of its own sign', () => {
    const r = setup([['CN1', 'C-003', '2026-03-01', '', -300, '', -300, '2026-03-05']]);
    expect(r.problems).toEqual([]);
    expect(r.invoices[0]).toMatchObject({ amount: -30000, paidDate: day(2026, 3, 5) });
  });

  test('Disputed: its own word and "yes - reason" are yes; an unreadable cell stops reminders but is not disputed', () => {
    const vals = ['争议', 'Yes - quality issue', '是：质量问题', '无争议', 'perhaps', '#N/A', ''];
    const r = setup(vals.map((v, i) => [`I${i}`, 'C-003', '2026-03-01', '', 100, '', '', '', '', v]));
    expect(r.invoices.map((i) => [i.disputed, i.remindersStopped])).toEqual([
      [true, false], [true, false], [true, false], [false, false], [false, true], [false, true], [false, false],
    ]);
    expect(where(r.problems)).toEqual(['Invoices!J6', 'Invoices!J7']);
    expect(r.problems[0]!.message).toBe('“Disputed” should be yes or no. Write Y or N (是 or 否), or leave it blank for no. Until it is fixed no reminder is sent for this invoice.');
  });

  test('a repeated header row gives one Problem, not one per cell', () => {
    const r = setup([['I1', 'C-003', '2026-03-01', '', 100], [...INVOICE_HEADERS], ['I2', 'C-003', '2026-03-01', '', 100]]);
    expect(r.invoices.map((i) => i.no)).toEqual(['I1', 'I2']);
    expect(where(r.problems)).toEqual(['Invoices!3']);
  });

  test('values under a blank header cell: one Problem per column, not per cell', () => {
    const headers = ['Invoice No', 'Customer ID', 'Invoice Date', '', 'Amount', '', ' '];
    const r = setup([['I1', 'C-003', '2026-03-01', '2026-03-10', 100, '', ''], ['I2', 'C-003', '2026-03-01', '2026-03-12', 100, '', 'USD']], {}, headers);
    expect(r.invoices).toHaveLength(2);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [1, 'D', 'Column D has values (from row 2) but no header, so it is not read. Give it a header if its values matter.'],
      [1, 'G', 'Column G has values (from row 3) but no header, so it is not read. Give it a header if its values matter.'],
    ]);
  });

  test('Stop Reminders and Chinese headers with units', () => {
    const headers = ['发票号', '客户编号', '开票日期', '到期日', '金额（元）', '停止催收', '备注'];
    const r = setup([['FP-1', 'C-003', '2026年3月1日', '2026/3/31', '1,234.50元', '是', 'whatever']], {}, headers);
    expect(r.problems).toEqual([]);
    expect(r.invoices[0]).toMatchObject({ no: 'FP-1', amount: 123450, dueDate: day(2026, 3, 31), remindersStopped: true });
  });

  test('Problems carry sheet, 1-based row, column letter, header as written and the value', () => {
    const headers = ['Notes', 'Invoice No', 'Customer ID', 'Invoice Date', 'Amount (CNY)'];
    const r = setup([['n', 'I1', 'C-003', '2026-03-01', '12abc']], {}, headers);
    expect(r.problems).toEqual([
      {
        sheet: 'Invoices',
        row: 2,
        column: 'E',
        header: 'Amount (CNY)',
        value: '12abc',
        message: '“Amount (CNY)” is not an amount Credit Desk can read. Write a number such as 1234.50; a currency sign or code is allowed. This row is skipped until it is fixed.',
      },
    ]);
  });

  test('an amount written in another currency than the row’s is rejected', () => {
    const r = setup([['I1', 'C-003', '2026-03-01', '', 'USD 100']]);
    expect(r.invoices).toEqual([]);
    expect(r.problems[0]!.message).toContain('written in USD but the row’s currency is CNY');
  });
});

describe('readInvoices: units in the amount headers', () => {
  const H = (amount: string, paid = 'Amount Paid'): Cell[] => ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', amount, 'Currency', paid];

  test('金额（万元） and 已付金额（万元）: scaled exactly', () => {
    const r = setup([['INV-1', 'C-001', '2026-03-01', '', 1.2345, '', 0.5]], {}, H('金额（万元）', '已付金额（万元）'));
    expect(r.problems).toEqual([]);
    expect(r.invoices.map((i) => [i.amount, i.amountPaid])).toEqual([[1_234_500, 500_000]]);
  });

  test('unbracketed units are read: 金额/元, 应收金额 元, Amount - USD', () => {
    for (const [h, amount] of [['金额/元', 100_000], ['应收金额 元', 100_000], ['Amount/CNY', 100_000], ['Amount - USD', 700_000], ['Amount in USD', 700_000]] as const) {
      const r = setup([['INV-1', 'C-001', '2026-03-01', '', 1000]], { fxRates: { USD: 7 } }, H(h));
      expect([h, r.problems, r.invoices.map((i) => i.amount)]).toEqual([h, [], [amount]]);
    }
  });

  test('Amount (USD) on a CNY file: rows with a blank Currency are USD, converted; a USD row is fine', () => {
    const r = setup([
      ['INV-1', 'C-001', '2026-03-01', '', 1000, '', 100],
      ['INV-2', 'C-002', '2026-03-01', '', 1000, 'USD'],
    ], { fxRates: { USD: 7 } }, H('Amount (USD)'));
    expect(r.problems).toEqual([]);
    // Amount Paid's header names no currency: it is the row's (the customer's) currency.
    expect(r.invoices.map((i) => [i.no, i.amount, i.currency, i.amountPaid])).toEqual([['INV-1', 700_000, 'USD', 10_000], ['INV-2', 700_000, 'USD', 0]]);
  });

  test('a Currency cell the header contradicts skips the row, with one Problem on that cell; other rows are read', () => {
    const r = setup([
      ['INV-1', 'C-001', '2026-03-01', '', 1000, 'CNY', 10],
      ['INV-2', 'C-001', '2026-03-01', '', 1000],
    ], { fxRates: { USD: 7 } }, H('Amount (USD)', 'Amount Paid (USD)'));
    expect(r.invoices.map((i) => i.no)).toEqual(['INV-2']);
    expect(where(r.problems)).toEqual(['Invoices!F2']);
    expect(r.problems[0]!.message).toBe('“Currency” is CNY, but the column “Amount (USD)” says its amounts are in USD. Leave “Currency” blank, or keep CNY amounts in a column without USD in its header. This row is skipped until it is fixed.');
  });

  test('a header currency with no rate in Settings: the row is skipped with a Problem', () => {
    const r = setup([['INV-1', 'C-001', '2026-03-01', '', 1000]], {}, H('Amount (EUR)'));
    expect(r.invoices).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/no exchange rate for EUR/);
  });

  test('¥ in the header of a JPY customer\'s row means yen; a currency written in a cell must agree with the header', () => {
    const r = setup([
      ['INV-1', 'C-001', '2026-03-01', '', '¥1000', 'JPY'],
      ['INV-2', 'C-001', '2026-03-01', '', 'USD 1000'],
    ], { fxRates: { JPY: 0.05 } }, H('Amount (¥)'));
    expect(r.invoices.map((i) => [i.no, i.amount, i.currency])).toEqual([['INV-1', 5_000, 'JPY']]);
    expect(where(r.problems)).toEqual(['Invoices!E3']);
  });
});
