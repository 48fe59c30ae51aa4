/**
 * Where today's reading rules meet (units in headers, currency signs, fail-safe cells): cases a
 * review of the merged rules reproduced, each read the way a credit controller means it.
 */
import { readCreditFile } from '../../../src/core/read';
import { parseMoney } from '../../../src/core/money';
import { idKey, parseFlag } from '../../../src/core/read/cells';
import type { Cell } from '../../../src/core/types';
import { dateCell, TZ, where } from './helpers';

const d = dateCell(2026, 11, 1);

function read(sheets: Record<string, Cell[][]>, settings: Cell[][] = [['Base Currency', 'CNY'], ['FX USD', 7], ['FX HKD', 0.9], ['FX JPY', 0.05]]) {
  return readCreditFile(
    Object.entries({ Settings: [['Setting', 'Value'], ...settings], Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount']], ...sheets }).map(([name, values]) => ({ name, values })),
    { timeZone: TZ, language: 'en' },
  );
}

describe('credit limits', () => {
  test('a limit of 0, or one that counts as 0, is cash only in any currency: no FX rate needed', () => {
    const f = read({ Customers: [['Customer ID', 'Name', 'Currency', 'Credit Limit'], ['C-1', 'A', 'EUR', 0], ['C-2', 'B', 'EUR', 'abc'], ['C-3', 'C', 'EUR', '-']] });
    expect(f.customers.map((c) => c.creditLimit)).toEqual([0, 0, 0]);
    expect(f.problems.every((p) => !/not enforced/.test(p.message))).toBe(true);
  });

  test.each(['不限', '无限', '无限额', 'Unlimited', 'no limit', 'No-Limit'])('%s means no limit, as blank does, without a Problem', (word) => {
    const f = read({ Customers: [['Customer ID', 'Name', 'Credit Limit'], ['C-1', 'A', word]] });
    expect(f.customers[0]!.creditLimit).toBeNull();
    expect(f.problems).toEqual([]);
  });

  test('信用额度（人民币） on a USD customer: the limit is in yuan, enforced (the Currency column is what the customer trades in)', () => {
    const f = read({ Customers: [['Customer ID', 'Name', 'Currency', '信用额度（人民币）'], ['C-1', 'A', 'USD', 100000]] });
    expect(f.customers[0]).toMatchObject({ currency: 'USD', creditLimit: 10_000_000 });
    expect(f.problems).toEqual([]);
  });

  test('the own header with an unbracketed unit (信用额度/万元) wins over an alias column (额度), and its unit applies', () => {
    const f = read({ Customers: [['Customer ID', 'Name', '额度', '信用额度/万元'], ['C-1', 'A', 3, 5]] });
    expect(f.customers[0]!.creditLimit).toBe(5_000_000);
  });
});

describe('currency signs and header currencies', () => {
  test('$ in Customers is USD (its usual meaning) in a CNY file, £ is GBP: the customer is kept', () => {
    const f = read({ Customers: [['Customer ID', 'Name', 'Currency'], ['C-1', 'A', '$'], ['C-2', 'B', '£']], Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount'], ['I-1', 'C-1', d, 10]] });
    expect(f.customers.map((c) => c.currency)).toEqual(['USD', 'GBP']);
    expect(f.invoices.map((i) => i.amount)).toEqual([7000]);
  });

  test('a sign in the Currency cell is settled by the header that names one of its currencies: $ under Amount (USD) on a HKD customer is USD', () => {
    const f = read({
      Customers: [['Customer ID', 'Name', 'Currency'], ['C-1', 'HK', 'HKD'], ['C-2', 'JP', 'JPY']],
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount (USD)', 'Currency'], ['I-1', 'C-1', d, 10, '$'], ['I-2', 'C-2', d, 10, 'EUR']],
    });
    expect(f.invoices.map((i) => [i.no, i.currency, i.amount])).toEqual([['I-1', 'USD', 7000]]);
    expect(where(f.problems)).toEqual(['Invoices!E3']); // EUR under a USD header: a real contradiction
  });

  test('Amount (¥) in a JPY file for a USD customer is yen (the base), as a ¥ Currency cell is', () => {
    const f = read(
      { Customers: [['Customer ID', 'Name', 'Currency'], ['C-1', 'A', 'USD']], Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount (¥)', 'Currency'], ['I-1', 'C-1', d, 100, ''], ['I-2', 'C-1', d, 100, '¥']] },
      [['Base Currency', 'JPY'], ['FX USD', 150]],
    );
    expect(f.invoices.map((i) => i.currency)).toEqual(['JPY', 'JPY']);
  });
});

describe('other cells', () => {
  test('under a scaled header a point is a decimal point: 12.500 万 is 125,000.00, not a 1.000-like Problem', () => {
    expect(parseMoney('12.500', 2, 'CNY', 4)).toBe(12_500_000);
    expect(parseMoney('1.250', 2, 'CNY', 4)).toBe(1_250_000);
    expect(parseMoney('12.500', 2, 'CNY')).toMatchObject({ problem: 'money.pointOrThousands' });
  });

  test.each(['已解冻', '解冻', '正常', '-', '已解除'])('On Hold %s is not held', (word) => {
    expect(parseFlag(word, 'onHold')).toBe(false);
  });
});

describe('review of the last fixes', () => {
  test('one $ Currency cell is one currency in every column of the row: with Amount Paid (USD), Amount is USD too', () => {
    const f = read({
      Customers: [['Customer ID', 'Name', 'Currency'], ['C-1', 'HK', 'HKD']],
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount', 'Amount Paid (USD)', 'Currency'], ['I-1', 'C-1', d, 100, 50, '$']],
    });
    expect(f.invoices.map((i) => [i.currency, i.amount, i.amountPaid])).toEqual([['USD', 70_000, 35_000]]);
  });

  test.each(['取消', 'OK', '正常', '-'])('%s in Stop Reminders or Disputed is still unreadable (fail safe), only On Hold reads it as no', (word) => {
    expect(parseFlag(word, 'onHold')).toBe(false);
    expect(parseFlag(word, 'remindersStopped')).toMatchObject({ problem: expect.any(String) });
    expect(parseFlag(word, 'disputed')).toMatchObject({ problem: expect.any(String) });
  });

  test('idKey is the same key when folded twice, for every letter whose upper case decomposes (ΐ, ΰ …)', () => {
    for (const id of ['ΐ-01', 'ΰ-02', 'ῒ', 'ῗ', 'ῢ', 'ῧ', 'ＫＨ００１', 'C-1']) expect(idKey(idKey(id))).toBe(idKey(id));
  });
});
