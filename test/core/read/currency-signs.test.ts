/**
 * A currency sign in a Currency cell (`¥`, `$`, `元`) is read in its row: the customer's currency
 * when the sign can stand for it, else the base currency, else a Problem; an Amount's sign follows
 * the same rule (money.ts resolveCurrency).
 */
import { readCreditFile } from '../../../src/core/read';
import type { Cell } from '../../../src/core/types';
import { dateCell, TZ, where } from './helpers';

const d = dateCell(2026, 11, 1);

function read(sheets: Record<string, Cell[][]>) {
  return readCreditFile(Object.entries({
    Settings: [['Setting', 'Value'], ['Base Currency', 'CNY'], ['FX JPY', 0.047], ['FX HKD', 0.92], ['FX USD', 7.1]],
    Customers: [['Customer ID', 'Name', 'Currency'], ['C-1', 'Tokyo KK', 'JPY'], ['C-2', 'HK Ltd', 'HKD'], ['C-3', 'Shanghai', '']],
    ...sheets,
  }).map(([name, values]) => ({ name, values })), { timeZone: TZ, language: 'en' });
}

describe('currency signs in the Currency column', () => {
  test('¥ on a JPY customer is JPY, as a ¥ amount is (was CNY: 21 times too much)', () => {
    const f = read({
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount', 'Currency'], ['I-1', 'C-1', d, 1000000, '¥'], ['I-2', 'C-1', d, '¥1,000,000', ''], ['I-3', 'C-3', d, 1000, '¥']],
    });
    expect(f.problems).toEqual([]);
    expect(f.invoices.map((i) => [i.no, i.currency, i.amount])).toEqual([['I-1', 'JPY', 4_700_000], ['I-2', 'JPY', 4_700_000], ['I-3', 'CNY', 100_000]]);
  });

  test('$ on an HKD customer is HKD in Invoices, Payments and Orders; $ where no dollar is the customer’s or the base is a Problem', () => {
    const f = read({
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount', 'Currency'], ['I-1', 'C-2', d, 1000, '$'], ['I-2', 'C-3', d, 1000, '$'], ['I-3', 'C-3', d, 1000, 'US$']],
      Payments: [['Payment Date', 'Customer ID', 'Amount', 'Currency'], [d, 'C-2', 100, '$']],
      Orders: [['Order No', 'Customer ID', 'Order Date', 'Amount', 'Currency'], ['O-1', 'C-2', d, 100, '$'], ['O-2', 'C-1', d, 100, '$']],
    });
    expect(f.invoices.map((i) => [i.no, i.currency, i.amount])).toEqual([['I-1', 'HKD', 92_000], ['I-3', 'USD', 710_000]]);
    expect(f.payments.map((p) => p.amount)).toEqual([9_200]);
    expect(f.orders.map((o) => [o.no, o.amount])).toEqual([['O-1', 9_200]]);
    expect(where(f.problems)).toEqual(['Invoices!E3', 'Orders!E3']);
    expect(f.problems[0]!.message).toBe(
      '“Currency” ($) can stand for several currencies (USD, HKD, TWD, SGD, AUD, CAD), and neither the customer’s currency nor the base currency is one of them. Write the 3-letter code, such as USD or HKD. This row is skipped until it is fixed.',
    );
  });

  test('a customer’s Currency sign is read in the base currency when it can be, else as its usual currency ($ USD, ¥ CNY)', () => {
    const f = read({
      Settings: [['Setting', 'Value'], ['Base Currency', 'USD']],
      Customers: [['Customer ID', 'Name', 'Currency'], ['C-1', 'A', '$'], ['C-2', 'B', '¥']],
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount']],
    });
    expect(f.customers.map((c) => [c.id, c.currency])).toEqual([['C-1', 'USD'], ['C-2', 'CNY']]);
    expect(f.problems).toEqual([]);
  });
});
