/**
 * Speed: the statement, the statement email, the evidence pack and the Due Today sheet make the
 * same Apps Script calls, method by method, on a file with 10 invoices and on one with 1,000.
 */
import type { Environment } from '../../emulator';
import { benchEnvironment, callsPerOperation } from '../helpers/speed';

const OPERATIONS: [string, unknown[]][] = [
  ['showStatement', []],
  ['getStatement', ['C-00001', '2025-01-01', '2026-11-20']],
  ['emailStatement', ['C-00001', '2025-01-01', '2026-11-20']],
  ['buildEvidencePack', []],
  ['buildEvidencePackFor', ['C-00002']],
  ['showDueToday', []],
];

/** Each operation from the same selection, Customers row 2 (the writers activate their own sheet). */
function selectCustomer(env: Environment): void {
  env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Customers').id;
  env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 1, numCols: 1 };
}

const environment = (invoices: number): Environment => benchEnvironment(invoices, { customers: 50, orders: 10 });
const callsOf = (env: Environment) => callsPerOperation(env, OPERATIONS, selectCustomer);

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
