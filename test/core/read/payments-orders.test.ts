import { readCustomers } from '../../../src/core/read/customers';
import { readOrders } from '../../../src/core/read/orders';
import { readPayments } from '../../../src/core/read/payments';
import { defaultSettings } from '../../../src/core/read/settings';
import type { Cell } from '../../../src/core/types';
import { customersSheet, dateCell, day, TZ, where } from './helpers';

function context() {
  const settings = { ...defaultSettings(), fxRates: { USD: 7 } };
  const ctx = { timeZone: TZ, language: 'en' as const, settings };
  const cr = readCustomers(customersSheet([['C-1', 'A'], ['C-2', 'B', '', '', '', '', '', 'USD']]), ctx);
  return { ctx, byKey: new Map(cr.customers.map((c) => [c.key, c])) };
}

describe('readPayments', () => {
  const headers: Cell[] = ['Payment Date', 'Customer ID', 'Amount', 'Invoice No'];
  const read = (rows: Cell[][], h = headers) => {
    const { ctx, byKey } = context();
    return readPayments({ name: 'Payments', values: [h, ...rows] }, ctx, byKey);
  };

  test('clean rows; invoice key upper-cased; blank invoice is null', () => {
    const r = read([
      [dateCell(2026, 3, 5), 'c-1', 500, ' inv-1 '],
      ['2026-03-06', 'C-1', '¥1,000', ''],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.payments).toEqual([
      { row: 2, date: day(2026, 3, 5), customerKey: 'C-1', customerIndex: 0, amount: 50000, invoiceKey: 'INV-1' },
      { row: 3, date: day(2026, 3, 6), customerKey: 'C-1', customerIndex: 0, amount: 100000, invoiceKey: null },
    ]);
  });

  test('amount must be more than 0; customer must exist; date required', () => {
    const r = read([
      ['2026-03-05', 'C-1', 0],
      ['2026-03-05', 'C-1', -5],
      ['2026-03-05', 'C-9', 5],
      ['', 'C-1', 5],
      ['2026-03-05', 'C-1', ''],
    ]);
    expect(r.payments).toEqual([]);
    expect(where(r.problems)).toEqual(['Payments!C2', 'Payments!C3', 'Payments!B4', 'Payments!A5', 'Payments!C6']);
    expect(r.problems[0]!.message).toBe(
      '“Amount” must be more than 0. Record refunds and credit notes as negative amounts in the Invoices sheet. This row is skipped until it is fixed.',
    );
  });

  test('the customer’s currency is the default and is converted', () => {
    const r = read([['2026-03-05', 'C-2', 10]]);
    expect(r.payments[0]!.amount).toBe(7000);
  });

  test('Chinese headers', () => {
    const r = read([['2026-03-05', 'C-1', '500元', 'FP-9']], ['收款日期', '客户编号', '收款金额', '发票号']);
    expect(r.problems).toEqual([]);
    expect(r.payments[0]).toMatchObject({ amount: 50000, invoiceKey: 'FP-9' });
  });

  test('no sheet: nothing, no Problem (Payments is optional)', () => {
    const { ctx, byKey } = context();
    expect(readPayments(undefined, ctx, byKey)).toEqual({ payments: [], problems: [] });
  });
});

describe('readOrders', () => {
  const headers: Cell[] = ['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check'];
  const read = (rows: Cell[][], h = headers) => {
    const { ctx, byKey } = context();
    return readOrders({ name: 'Orders', values: [h, ...rows] }, ctx, byKey);
  };

  test('status words; blank is pending; Credit Check is not read', () => {
    const r = read([
      ['SO-1', 'C-1', '2026-03-01', 100, '', 'OK'],
      ['SO-2', 'C-1', '', 100, 'Approved', 'WARN: x'],
      ['SO-3', 'C-1', '', 100, '已冻结'],
      ['SO-4', 'C-1', '', 100, '已开票'],
      ['SO-5', 'C-1', '', 100, 'Cancelled'],
      ['SO-6', 'C-1', '', 100, '待审'],
      ['SO-7', 'C-1', '', 100, 'Lost'],
    ]);
    expect(r.orders.map((o) => [o.no, o.status])).toEqual([
      ['SO-1', 'pending'], ['SO-2', 'approved'], ['SO-3', 'blocked'], ['SO-4', 'invoiced'], ['SO-5', 'cancelled'], ['SO-6', 'pending'], ['SO-7', 'pending'],
    ]);
    expect(r.orders[0]).toEqual({ no: 'SO-1', row: 2, customerKey: 'C-1', orderDate: day(2026, 3, 1), amount: 10000, status: 'pending' });
    expect(r.orders[1]!.orderDate).toBeNull();
    expect(where(r.problems)).toEqual(['Orders!E8']);
  });

  test('duplicates, negative amounts, unknown customers', () => {
    const r = read([
      ['SO-1', 'C-1', '', 100],
      ['so-1', 'C-1', '', 100],
      ['SO-2', 'C-1', '', -1],
      ['SO-3', 'C-7', '', 1],
    ]);
    expect(r.orders.map((o) => o.no)).toEqual(['SO-1']);
    expect(where(r.problems)).toEqual(['Orders!A3', 'Orders!D4', 'Orders!B5']);
  });

  test('Chinese headers and sheet', () => {
    const r = read([['DD-1', 'C-2', '2026年3月1日', 'US$10', '已批准']], ['订单号', '客户编号', '下单日期', '金额', '状态']);
    expect(r.problems).toEqual([]);
    expect(r.orders[0]).toMatchObject({ amount: 7000, status: 'approved' });
  });
});

describe('units in the Amount header of Payments and Orders', () => {
  const payments = (h: string, rows: Cell[][]) => {
    const { ctx, byKey } = context();
    return readPayments({ name: 'Payments', values: [['Payment Date', 'Customer ID', h, 'Currency'], ...rows] }, ctx, byKey);
  };
  const orders = (h: string, rows: Cell[][]) => {
    const { ctx, byKey } = context();
    return readOrders({ name: 'Orders', values: [['Order No', 'Customer ID', h, 'Currency'], ...rows] }, ctx, byKey);
  };

  test('收款金额（万元）and 订单金额/万元 are scaled', () => {
    const p = payments('收款金额（万元）', [['2026-03-05', 'C-1', 1.5]]);
    const o = orders('订单金额/万元', [['SO-1', 'C-1', '2.25']]);
    expect([p.problems, o.problems]).toEqual([[], []]);
    expect(p.payments[0]!.amount).toBe(1_500_000);
    expect(o.orders[0]!.amount).toBe(2_250_000);
  });

  test('Amount (USD): a blank Currency is USD and converted; a contradicting one skips the row', () => {
    const p = payments('Amount (USD)', [['2026-03-05', 'C-1', 10], ['2026-03-05', 'C-1', 10, 'CNY']]);
    expect(p.payments.map((x) => x.amount)).toEqual([7_000]);
    expect(where(p.problems)).toEqual(['Payments!D3']);
    const o = orders('Amount - USD', [['SO-1', 'C-1', 10], ['SO-2', 'C-2', 10, 'EUR']]);
    expect(o.orders.map((x) => x.amount)).toEqual([7_000]);
    expect(where(o.problems)).toEqual(['Orders!D3']);
  });
});
