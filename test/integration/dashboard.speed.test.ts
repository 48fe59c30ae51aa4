/**
 * Speed: the Apps Script calls of the Dashboard, the Cash Forecast and the sidebar's watch list
 * and forecast must not depend on the number of rows: 10 and 1,000 invoices (same customers), the
 * same call count per method.
 */
import { createEnvironment, type Environment } from '../../emulator';
import { benchCreditFile } from '../../examples/generate';

const NOW = new Date('2026-11-20T09:00:00+08:00');
const OPERATIONS = ['showDashboardSheet', 'showCashForecast', 'getCashForecast', 'getWatchList'] as const;

function environment(invoices: number): Environment {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: NOW, owner: 'owner@example.com', activeUser: 'owner@example.com' });
  const book = benchCreditFile({ customers: 100, invoices, payments: Math.round(invoices * 0.8), orders: 20 });
  for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
  return env;
}

function callsOf(env: Environment): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const op of OPERATIONS) {
    env.calls.reset();
    env.execution({ authMode: 'FULL' }).call(op);
    out[op] = { ...env.calls };
  }
  return out;
}

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
