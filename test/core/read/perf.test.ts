import { readCreditFile } from '../../../src/core/read';
import { dateOfDay, dayFromYMD } from '../../../src/core/dates';
import type { Cell } from '../../../src/core/types';
import { TZ } from './helpers';

/**
 * Reading 100k invoice rows, as getValues() gives them (Date cells, numbers, short text).
 * The bound is loose so a busy machine does not fail the suite; the figure is printed.
 */
test('reads 100k invoice rows well under a second', () => {
  const customers: Cell[][] = [['Customer ID', 'Name', 'Email', 'Terms (days)', 'Credit Limit', 'Currency']];
  for (let i = 0; i < 2000; i++) customers.push([`C-${i}`, `Customer ${i}`, `c${i}@example.com`, 30, 100000, i % 10 === 0 ? 'USD' : '']);
  const invoices: Cell[][] = [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed']];
  const base = dayFromYMD(2024, 1, 1);
  for (let i = 0; i < 100_000; i++) {
    const d = base + (i % 800);
    invoices.push([
      `INV-${i}`, `C-${i % 2000}`, dateOfDay(d, TZ), i % 3 ? dateOfDay(d + 30, TZ) : '', ((i * 7919) % 1_000_000) / 100, '',
      i % 5 === 0 ? 100.5 : '', i % 5 === 0 ? dateOfDay(d + 20, TZ) : '', i % 7 === 0 ? 'Paid' : 'Open', i % 11 === 0 ? 'Y' : '',
    ]);
  }
  const sheets = [
    { name: 'Customers', values: customers },
    { name: 'Invoices', values: invoices },
    { name: 'Settings', values: [['FX USD', 7.1]] as Cell[][] },
  ];
  const wall: number[] = [];
  const cpu: number[] = [];
  let count = 0;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const f = readCreditFile(sheets, { timeZone: TZ });
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - t);
    count = f.invoices.length;
    expect(f.problems).toEqual([]);
  }
  const fmt = (a: number[]) => a.map((t) => t.toFixed(0)).join(' / ');
  // eslint-disable-next-line no-console
  console.log(`readCreditFile, 100k invoices (first / warm / warm): wall ${fmt(wall)} ms, CPU ${fmt(cpu)} ms`);
  expect(count).toBe(100_000);
  // CPU time (this process, GC threads included), so other work on the machine does not fail
  // the suite. Jest runs the code in a vm context, which makes it a few times slower than
  // plain Node or Apps Script; the bound is for catching regressions, not the target.
  expect(Math.min(...cpu)).toBeLessThan(3000);
});
