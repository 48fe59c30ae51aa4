/**
 * The add-on's actions on "the selected row" where Apps Script has no selection: an execution
 * without a UI (a time-driven trigger, where getActiveRange() is null and the first sheet is
 * active). Each says what to select, in a toast where there is no UI for an alert, and does
 * nothing else: no TypeError, no statement, email or evidence pack for whatever the user last
 * had selected in the spreadsheet.
 */
import type { Environment } from '../../emulator';
import { ENGLISH, environmentWith } from '../helpers/sample';

const NO_CUSTOMER = 'Select a row with a Customer ID (in Customers, Invoices, Payments, Orders or a report), then try again.';

/** The user's selection in the spreadsheet UI: C-004's row of Customers (as the legal tests use). */
async function selectedInTheUi(): Promise<Environment> {
  const env = await environmentWith(ENGLISH);
  env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Customers').id;
  env.spreadsheet.activeRange = { row: 5, col: 1, numRows: 1, numCols: 1 };
  return env;
}

/** Calls `fn` as a time-driven trigger would run it: FULL, no UI. */
function withoutUi(env: Environment, fn: string, ...args: unknown[]): unknown {
  return env.execution({ authMode: 'FULL', ui: false }).call(fn, ...args);
}

describe('actions on the selected row, run where there is no selection', () => {
  it.each(['showStatement', 'emailSelectedStatement', 'buildEvidencePack'])('%s says to select a customer row and does nothing else', async (fn) => {
    const env = await selectedInTheUi();
    const sheets = env.spreadsheet.sheetNames();
    expect(withoutUi(env, fn)).toBeNull();
    expect(env.ui.toasts.at(-1)?.message).toBe(NO_CUSTOMER);
    expect(env.outbox).toEqual([]);
    expect(env.spreadsheet.sheetNames()).toEqual(sheets);
  });

  it('checkSelectedOrder says to select order rows and checks nothing', async () => {
    const env = await selectedInTheUi();
    const orders = env.spreadsheet.sheet('Orders');
    env.spreadsheet.activeSheetId = orders.id;
    env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 4, numCols: 2 };
    const before = JSON.stringify(orders.values());
    withoutUi(env, 'checkSelectedOrder');
    expect(env.ui.toasts.at(-1)?.message).toBe('Select one or more order rows in Orders first.');
    expect(JSON.stringify(orders.values())).toBe(before);
  });

  it('the customer card for "the selected row" is none', async () => {
    const env = await selectedInTheUi();
    expect(withoutUi(env, 'getCustomerCard', null)).toBeNull();
    // with the UI, the same call finds the user's selection
    expect(env.execution({ authMode: 'FULL' }).call('getCustomerCard', null)).toMatchObject({ id: 'C-004' });
  });
});
