import { readCreditFile } from '../../../src/core/read';
import { dateOfDay, dayFromYMD } from '../../../src/core/dates';
import type { Cell } from '../../../src/core/types';
import { TZ } from './helpers';

/**
 * Reading 100k invoice rows, as getValues() gives them (Date cells, numbers, short text): every
 * row read, none reported. How fast is measured in bench/ (figure 1f), not here.
 */
test('reads 100k invoice rows with no problems', () => {
  const customers: Cell[][] = [['Customer ID', 'Name', 'Email', 'Terms (days)', 'Credit Limit', 'Currency']];
  for (let i = 0; i < 2000; i++) customers.push([`C-${i}`, `Customer ${i}`, `c${i}@example.com`, 30, 100000, i % 10 === 0 ? 'USD' : '']);
  const invoices: Cell[][] = [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed']];
  const base = dayFromYMD(2024, 1, 1);
  for (let i = 0; i < 100_000; i++) {
    const d = base + (i % 800);
    invoices.push([
      `INV-${i}`, `C-${i % 2000}`, dateOfDay(d, TZ), i % 3 ? dateOfDay(d + 30, TZ) : '', ((i * 7919) % 1_000_000) / 100, '',
      i % 5 === 0 ? Math.floor(((i * 7919) % 1_000_000) / 2) / 100 : '', i % 5 === 0 ? dateOfDay(d + 20, TZ) : '', i % 7 === 0 ? 'Paid' : 'Open', i % 11 === 0 ? 'Y' : '',
    ]);
  }
  const sheets = [
    { name: 'Customers', values: customers },
    { name: 'Invoices', values: invoices },
    { name: 'Settings', values: [['FX USD', 7.1]] as Cell[][] },
  ];
  const f = readCreditFile(sheets, { timeZone: TZ });
  expect(f.problems).toEqual([]);
  expect(f.invoices.length).toBe(100_000);
  expect(f.customers.length).toBe(2000);
  // a base-currency invoice, and one of a USD customer converted at Settings' FX USD 7.1
  expect(f.invoices.find((inv) => inv.no === 'INV-7')).toMatchObject({ customerKey: 'C-7', amount: 55_433, currency: 'CNY' });
  expect(f.invoices.find((inv) => inv.no === 'INV-10')).toMatchObject({ customerKey: 'C-10', amount: Math.round(79_190 * 7.1), currency: 'USD' });
});
