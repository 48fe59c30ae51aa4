/**
 * Speed: the statement, the statement email, the evidence pack and the Due Today sheet make the
 * same Apps Script calls, method by method, on a file with 10 invoices and on one with 1,000.
 */
import { createEnvironment, type Environment } from '../../emulator';
import { benchCreditFile } from '../../examples/generate';

const NOW = new Date('2026-11-20T09:00:00+08:00');
const OPERATIONS: [string, unknown[]][] = [
  ['showStatement', []],
  ['getStatement', ['C-00001', '2025-01-01', '2026-11-20']],
  ['emailStatement', ['C-00001', '2025-01-01', '2026-11-20']],
  ['buildEvidencePack', []],
  ['buildEvidencePackFor', ['C-00002']],
  ['showDueToday', []],
];

function environment(invoices: number): Environment {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: NOW, owner: 'owner@example.com' });
  const book = benchCreditFile({ customers: 50, invoices, payments: Math.round(invoices * 0.8), orders: 10 });
  for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
  env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Customers').id;
  env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 1, numCols: 1 };
  return env;
}

function callsOf(env: Environment): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [op, args] of OPERATIONS) {
    // Each operation from the same selection (the writers activate their sheet).
    env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Customers').id;
    env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 1, numCols: 1 };
    env.calls.reset();
    env.execution({ authMode: 'FULL' }).call(op, ...args);
    out[op] = { ...env.calls };
  }
  return out;
}

describe('call counts do not depend on the number of invoices', () => {
  let small: Record<string, Record<string, number>>;
  let big: Record<string, Record<string, number>>;
  let bigEnv: Environment;
  beforeAll(() => {
    small = callsOf(environment(10));
    bigEnv = environment(1000);
    big = callsOf(bigEnv);
  });

  it.each(OPERATIONS.map(([op]) => op))('%s: identical call counts per method with 10 and 1,000 invoices', (op) => {
    expect(big[op]).toEqual(small[op]);
    const total = Object.values(big[op]).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(150);
  });

  it('the big file really was used', () => {
    expect(bigEnv.spreadsheet.sheet('Invoices').lastRow()).toBe(1001);
    expect(bigEnv.spreadsheet.sheet('Evidence Pack – C-00002').lastRow()).toBeGreaterThan(30);
    expect(bigEnv.outbox).toHaveLength(1);
  });
});
