/**
 * Speed: the number of Apps Script calls of Set up and of each report must not depend on the
 * number of rows. The same operations run on a file with 10 invoices and on one with 10,000
 * (same customers), and every method's call count must be the same.
 */
import type { Environment } from '../../emulator';
import { benchEnvironment, callsPerOperation } from '../helpers/speed';

const OPERATIONS = ['setupCreditFile', 'showAgingReport', 'showCreditScores', 'showProblems'] as const;

const environment = (invoices: number): Environment => benchEnvironment(invoices, { customers: 100, orders: 20 });
const callsOf = (env: Environment) => callsPerOperation(env, OPERATIONS);

describe('call counts do not depend on the number of rows', () => {
  let small: Record<string, Record<string, number>>;
  let big: Record<string, Record<string, number>>;
  let bigEnv: Environment;

  beforeAll(() => {
    small = callsOf(environment(10));
    bigEnv = environment(10_000);
    big = callsOf(bigEnv);
  });

  it.each(OPERATIONS)('%s: identical call counts per method with 10 and 10,000 invoices', (op) => {
    expect(big[op]).toEqual(small[op]);
    const total = Object.values(big[op]).reduce((a, b) => a + b, 0);
    // eslint-disable-next-line no-console
    console.log(`${op}: ${total} calls\n${Object.entries(big[op]).map(([k, n]) => `  ${k} ${n}`).join('\n')}`);
    expect(total).toBeLessThan(250);
  });

  it('the big file really is big, and its reports were written', () => {
    expect(bigEnv.spreadsheet.sheet('Invoices').lastRow()).toBe(10_001);
    expect(bigEnv.spreadsheet.sheet('Aging Report').lastRow()).toBeGreaterThan(50);
    expect(bigEnv.spreadsheet.sheet('Credit Scores').lastRow()).toBe(103);
  });
});
