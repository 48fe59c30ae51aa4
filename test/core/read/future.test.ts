/**
 * Dates far past today (a year typed wrong: 2062 for 2026) are Problems when the reader knows
 * today; the row is read as written and the Problem says what that means for it.
 */
import { readCreditFile, type ReadCreditFileOptions } from '../../../src/core/read';
import { computePicture, checkCustomer } from '../../../src/core/picture';
import type { Cell } from '../../../src/core/types';
import { dateCell, day, TZ, where } from './helpers';

const TODAY = day(2026, 11, 20);
const INV: Cell[] = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Amount Paid', 'Paid Date'];

function read(sheets: Record<string, Cell[][]>, options: Partial<ReadCreditFileOptions> = { today: TODAY }) {
  return readCreditFile(Object.entries({
    Settings: [['Setting', 'Value'], ['Base Currency', 'CNY']],
    Customers: [['Customer ID', 'Name', 'Credit Limit'], ['C-1', 'Alpha', 100000]],
    Invoices: [INV],
    ...sheets,
  }).map(([name, values]) => ({ name, values })), { timeZone: TZ, language: 'en', ...options });
}

describe('dates far past today', () => {
  test('an invoice dated 2062 (meant 2026) is a Problem, not a silent disappearance; read as written', () => {
    const f = read({ Invoices: [INV, ['I-1', 'C-1', dateCell(2062, 8, 1), '', 150000, '', '']] });
    expect(where(f.problems)).toEqual(['Invoices!C2']);
    expect(f.problems[0]!.message).toBe(
      '“Invoice Date” is 2062-08-01, more than a year after today (2026-11-20). Is the year right? The invoice is read as written, so it counts in no balance, aging or credit check before that day.',
    );
    expect(f.invoices).toHaveLength(1);
    const p = computePicture(f, TODAY);
    expect(p.problems.map((x) => x.column)).toEqual(['C']);
    expect(checkCustomer(p, 'C-1', 0).text).toBe('OK');
  });

  test('with a Due Date, the invoice date is the Problem, not “due before invoice”', () => {
    const f = read({ Invoices: [INV, ['I-1', 'C-1', dateCell(2062, 8, 1), dateCell(2026, 8, 31), 150000, '', '']] });
    expect(where(f.problems)).toEqual(['Invoices!C2']);
    expect(f.problems[0]!.message).toMatch(/^“Invoice Date” is 2062-08-01, more than a year after today/);
  });

  test('a payment, a paid date and a pending order dated 2062 are Problems; an invoiced order is not', () => {
    const f = read({
      Invoices: [INV, ['I-1', 'C-1', dateCell(2026, 8, 1), '', 5000, 5000, dateCell(2062, 9, 1)]],
      Payments: [['Payment Date', 'Customer ID', 'Amount'], [dateCell(2062, 9, 1), 'C-1', 5000]],
      Orders: [['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status'], ['O-1', 'C-1', dateCell(2062, 9, 1), 100, ''], ['O-2', 'C-1', dateCell(2062, 9, 1), 100, 'Invoiced']],
    });
    expect(where(f.problems)).toEqual(['Invoices!G2', 'Payments!A2', 'Orders!C2']);
    expect(f.problems[0]!.message).toMatch(/the invoice stays open before that day\.$/);
    expect(f.problems[1]!.message).toMatch(/the payment is read as written, so it pays nothing before that day\.$/i);
    expect(f.problems[2]!.message).toMatch(/it counts in no exposure before that day\.$/);
    expect(f.payments).toHaveLength(1);
    expect(f.orders).toHaveLength(2);
  });

  test('within a year (a date of record) or five years (a due date) is no Problem; a due date past that is', () => {
    const f = read({
      Invoices: [INV,
        ['I-1', 'C-1', dateCell(2027, 11, 21), '', 100, '', ''], // today + 366
        ['I-2', 'C-1', dateCell(2026, 11, 1), dateCell(2031, 11, 20), 100, '', ''], // retention money, five years
        ['I-3', 'C-1', dateCell(2026, 11, 1), dateCell(2036, 11, 1), 100, '', ''],
        ['I-4', 'C-1', dateCell(2027, 11, 22), '', 100, '', '']],
    });
    expect(where(f.problems)).toEqual(['Invoices!D4', 'Invoices!C5']);
    expect(f.problems[0]!.message).toMatch(/more than five years after today \(2026-11-20\).*not past due before that day\.$/);
  });

  test('without today (a picture as of an earlier day, a caller that does not say) nothing is checked', () => {
    const f = read({ Invoices: [INV, ['I-1', 'C-1', dateCell(2062, 8, 1), '', 150000, '', '']] }, {});
    expect(f.problems).toEqual([]);
  });

  test('in Chinese', () => {
    const f = read({ Invoices: [INV, ['I-1', 'C-1', dateCell(2062, 8, 1), '', 150000, '', '']] }, { today: TODAY, language: 'zh' });
    expect(f.problems[0]!.message).toBe('“Invoice Date”为 2062-08-01，比今天（2026-11-20）晚一年以上。年份是否写错？此发票按所填日期读取，在该日之前不计入余额、账龄和信用检查。');
  });
});
