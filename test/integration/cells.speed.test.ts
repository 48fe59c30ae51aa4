/**
 * Service calls per operation do not grow with the credit file: the same counts for 10 and for
 * 10,000 invoices. The counts are printed (docs/custom-functions.md quotes them).
 */
import { createEnvironment, type Environment } from '../../emulator';
import { benchCreditFile } from '../../examples/generate';
import { SAMPLE_NOW } from '../helpers/sample';

type Counts = Record<string, number>;

function environment(invoices: number): Environment {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: SAMPLE_NOW, owner: 'owner@example.com' });
  const book = benchCreditFile({ customers: 50, invoices, payments: Math.round(invoices * 0.8), orders: 20 });
  for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
  const ids = book.Customers.slice(1).map((r) => [r[0]]);
  env.spreadsheet.addSheet('Report', [['Customer ID'], ...ids]);
  return env;
}

function snapshot(env: Environment): Counts {
  const out: Counts = {};
  for (const [k, v] of Object.entries(env.calls)) if (typeof v === "number") out[k] = v;
  env.calls.reset();
  return out;
}

function measure(invoices: number): Record<string, Counts> {
  const env = environment(invoices);
  const report = env.spreadsheet.sheet('Report');
  const out: Record<string, Counts> = {};
  env.calls.reset();
  report.setValue('B1', '=CREDITSCORE(A2:A51)');
  env.recalculate();
  out.customFunctionCold = snapshot(env);
  env.recalculate();
  out.customFunctionWarm = snapshot(env);
  env.edit('Orders', 'D2', 1234);
  out.onEditOrderRow = snapshot(env);
  env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Orders').id;
  env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 5, numCols: 1 };
  env.execution({ authMode: 'FULL' }).call('checkSelectedOrder');
  out.checkSelectedOrder = snapshot(env);
  env.execution({ authMode: 'FULL' }).call('recalculate');
  out.recalculate = snapshot(env);
  report.setValue('C1', '=OPENBALANCE(A2:A51)');
  env.recalculate();
  out.twoColumnsAfterRecalculate = snapshot(env);
  return out;
}

const total = (c: Counts): number => Object.values(c).reduce((a, b) => a + b, 0);

describe('service calls do not grow with the file', () => {
  it('are the same for 10 and 10,000 invoices', () => {
    const small = measure(10);
    const large = measure(10_000);
    const table = Object.keys(small).map((op) => `${op}: ${total(small[op])} calls (${total(large[op])} with 10,000 invoices); ` +
      `getValues ${small[op]['Range.getValues'] ?? 0}, cache ${(small[op]['Cache.getAll'] ?? 0) + (small[op]['Cache.get'] ?? 0)} reads`);
    console.log(table.join("\n"));
    if (process.env.CALLS_DETAIL) console.log(JSON.stringify(small, null, 1));
    expect(large).toEqual(small);
    // A warm column reads no sheet values at all.
    expect(small.customFunctionWarm['Range.getValues'] ?? 0).toBe(0);
    // onEdit of an order reads the Orders sheet and the Settings sheet (for the token), nothing else.
    expect(small.onEditOrderRow['Range.getValues']).toBe(2);
  });
});
