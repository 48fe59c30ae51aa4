/**
 * Speed: the Apps Script calls of the Dashboard, the Cash Forecast and the sidebar's watch list
 * and forecast must not depend on the number of rows: 10 and 1,000 invoices (same customers), the
 * same call count per method.
 */
import type { Environment } from '../../emulator';
import { benchEnvironment, callsPerOperation } from '../helpers/speed';

const OPERATIONS = ['showDashboardSheet', 'showCashForecast', 'getCashForecast', 'getWatchList'] as const;

const environment = (invoices: number): Environment =>
  benchEnvironment(invoices, { customers: 100, orders: 20 }, { activeUser: 'owner@example.com' });
const callsOf = (env: Environment) => callsPerOperation(env, OPERATIONS);

describe('dashboard and forecast call counts do not depend on the number of rows', () => {
  let small: Record<string, Record<string, number>>;
  let big: Record<string, Record<string, number>>;
  beforeAll(() => {
    small = callsOf(environment(10));
    big = callsOf(environment(1_000));
  });

  it.each(OPERATIONS)('%s: identical call counts with 10 and 1,000 invoices', (op) => {
    expect(big[op]).toEqual(small[op]);
    const total = Object.values(big[op]).reduce((a, b) => a + b, 0);
    // eslint-disable-next-line no-console
    console.log(`${op}: ${total} calls`);
    expect(total).toBeLessThan(200);
  });
});
