import fc from 'fast-check';
import { idKey, readCreditFile } from '../../../src/core/read';
import { MAX_DAY, MIN_DAY } from '../../../src/core/dates';
import type { Cell, CreditFile } from '../../../src/core/types';
import { dateCell, TZ } from './helpers';

const HOSTILE: unknown[] = [
  '', ' ', '\t', '\n', '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#ERROR!', 'null', 'undefined', 'NaN', 'None', 'nil', 'N/A', '-',
  '=1+1', '=HYPERLINK("http://evil")', '+1', '@SUM(A1)', 'abc', '1.2.3', '😀', '👨‍👩‍👧‍👦', '\u202Eevil\u202C', 'مرحبا', 'שלום', '\u0000', '\uFEFF',
  '\ud800', 'x'.repeat(50_000), '1'.repeat(50_000), '😀'.repeat(25_000), true, false, 0, -0, 1, -1, 1e308, -1e308, 1e-308, 0.1 + 0.2,
  Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, dateCell(2099, 1, 1), dateCell(2026, 3, 1), new Date(NaN), new Date(8.64e15),
  new Date(-8.64e15), new Date(0), '2026-02-30', '3/1/2026', '9999-99-99', 'C-001', 'c-001 ', 'INV-1', 'Paid', '作废', 'Y', '是',
  null, undefined, {}, [], [1, 2], { toString: () => { throw new Error('boom'); } }, Symbol('s'), () => 1, 10n,
];

function hostileRow(i: number, width: number): unknown[] {
  return Array.from({ length: width }, (_, j) => HOSTILE[(i * 7 + j * 13) % HOSTILE.length]);
}

/** Checks every invariant and fails once with the list of violations (one expect per file: fast). */
function checkShape(f: CreditFile) {
  const bad: string[] = [];
  const check = (ok: boolean, what: string, v: unknown) => {
    if (!ok) bad.push(`${what}: ${JSON.stringify(v)?.slice(0, 300)}`);
  };
  for (const p of f.problems) {
    check(typeof p.sheet === 'string', 'sheet', p);
    check(Number.isInteger(p.row) && p.row >= 0, 'row', p);
    check(/^[A-Z]*$/.test(p.column), 'column', p);
    check(typeof p.header === 'string' && p.header.length <= 200, 'header', p);
    check(typeof p.value === 'string' && p.value.length <= 200, 'value', p);
    check(typeof p.message === 'string' && p.message.length > 10 && !/\{\w+\}/.test(p.message), 'message', p);
  }
  const keys = new Set(f.customers.map((c) => c.key));
  check(keys.size === f.customers.length, 'unique customers', f.customers.length);
  for (const c of f.customers) {
    check(c.key === idKey(c.id) && c.key.length > 0 && c.name.length > 0, 'customer id/name', c);
    check(c.creditLimit === null || (Number.isSafeInteger(c.creditLimit) && c.creditLimit >= 0), 'limit', c);
    check(c.termsDays === null || (Number.isInteger(c.termsDays) && c.termsDays >= 0 && c.termsDays <= 3650), 'terms', c);
    check(/^[A-Z]{3}$/.test(c.currency), 'currency', c);
  }
  check(new Set(f.invoices.map((i) => i.key)).size === f.invoices.length, 'unique invoices', f.invoices.length);
  for (const i of f.invoices) {
    check(keys.has(i.customerKey), 'invoice customer', i);
    check(Number.isSafeInteger(i.amount) && Number.isSafeInteger(i.amountPaid), 'invoice amounts', i);
    for (const d of [i.invoiceDate, i.dueDate, i.paidDate]) {
      check(d === null || (Number.isInteger(d) && d >= MIN_DAY && d <= MAX_DAY + 3650), 'invoice date', i);
    }
    check(['open', 'paid', 'void', 'disputed'].includes(i.status), 'status', i);
  }
  for (const p of f.payments) check(p.amount > 0 && Number.isSafeInteger(p.amount) && keys.has(p.customerKey), 'payment', p);
  for (const o of f.orders) check(o.amount >= 0 && keys.has(o.customerKey), 'order', o);
  expect(bad).toEqual([]);
}

describe('hostile input', () => {
  test('hundreds of hostile rows in every sheet: Problems, never an exception', () => {
    const custHeader = ['Customer ID', 'Name', 'Email', 'CC', 'Owner', 'Terms (days)', 'Credit Limit', 'Currency', 'On Hold', 'Reminders Paused Until', 'External Rating', 'Customer Since', 'Language', 'Extra'];
    const invHeader = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed', 'Stop Reminders'];
    const customers: unknown[][] = [custHeader];
    const invoices: unknown[][] = [[], invHeader];
    const payments: unknown[][] = [['Payment Date', 'Customer ID', 'Amount', 'Invoice No']];
    const orders: unknown[][] = [['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status']];
    const settings: unknown[][] = [['Setting', 'Value']];
    for (let i = 0; i < 300; i++) {
      customers.push(i % 3 === 0 ? ['C-001', `Name ${i}`, ...hostileRow(i, 12)] : hostileRow(i, 14));
      invoices.push(i % 4 === 0 ? [`INV-${i % 50}`, 'c-001 ', dateCell(2099, 12, 31), ...hostileRow(i, 8)] : hostileRow(i + 1, 11));
      payments.push(hostileRow(i + 2, 4));
      orders.push(hostileRow(i + 3, 5));
      settings.push(hostileRow(i + 4, 2));
      if (i % 10 === 0) {
        customers.push([]);
        invoices.push(['', '', '']);
      }
    }
    settings.push(['Default Terms (days)', 'x'.repeat(50_000)], ['x'.repeat(50_000), 'y'.repeat(50_000)], ['FX USD', '#N/A']);
    const sheets = [
      { name: 'Customers', values: customers },
      { name: 'Invoices', values: invoices },
      { name: 'Payments', values: payments },
      { name: 'Orders', values: orders },
      { name: 'Settings', values: settings },
    ] as unknown as { name: string; values: Cell[][] }[];
    for (const language of ['en', 'zh'] as const) {
      let f!: CreditFile;
      expect(() => (f = readCreditFile(sheets, { timeZone: TZ, language }))).not.toThrow();
      expect(f.problems.length).toBeGreaterThan(300);
      checkShape(f);
      expect(f.customers.filter((c) => c.key === 'C-001')).toHaveLength(1);
      expect(f.problems.some((p) => p.value.length === 200)).toBe(true);
      expect(f.problems.some((p) => p.value === '#N/A')).toBe(true);
      expect(f.problems.some((p) => /already appears/.test(p.message) || /已在第/.test(p.message))).toBe(true);
    }
  });

  test('garbage in place of the arguments', () => {
    const bad: unknown[] = [
      null, undefined, 5, 'x', {}, [null], [5], [{ name: 'Customers' }], [{ name: 'Customers', values: 'nope' }],
      [{ name: 'Customers', values: [null, 5, 'row', [null, undefined]] }], [{ name: null, values: [] }],
      [{ name: 'Invoices', values: [[{}, [], null]] }],
    ];
    for (const sheets of bad) {
      for (const options of [undefined, null, {}, { timeZone: 5 }, { timeZone: TZ, language: 'fr' }]) {
        let f!: CreditFile;
        expect(() => (f = readCreditFile(sheets as never, options as never))).not.toThrow();
        checkShape(f);
      }
    }
  });

  test('property: random grids of hostile cells never throw and give well-formed Problems', () => {
    const cell = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom('Customer ID', 'Name', 'Invoice No', 'Invoice Date', 'Amount', '客户编号', '金额', 'C-1', 'c-1'),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 });
    const name = fc.constantFrom('Customers', 'Invoices', 'Payments', 'Orders', 'Settings', '客户', '发票', 'Other');
    fc.assert(
      fc.property(fc.array(fc.record({ name, values: grid }), { maxLength: 6 }), fc.constantFrom('en', 'zh'), (sheets, language) => {
        const f = readCreditFile(sheets as never, { timeZone: TZ, language: language as 'en' | 'zh' });
        checkShape(f);
      }),
      { numRuns: 150 },
    );
  });
});
