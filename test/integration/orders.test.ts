/**
 * Limit enforcement on edit, Check selected order, the sidebar's check and the override, through
 * the built bundle in the emulator.
 */
import type { Environment } from '../../emulator';
import { CHINESE, ENGLISH, environmentWith } from '../helpers/sample';
import { sh, tinyEnvironment } from '../helpers/tiny';

const RED = '#f4cccc';
const AMBER = '#fff2cc';
const GREEN = '#d9ead3';
const BLUE = '#cfe2f3';
const WHITE = '#ffffff';

function orders(env: Environment) {
  return env.spreadsheet.sheet('Orders');
}

/** An Orders sheet with an unknown column (Memo) between known ones, Memo cells shaded. */
function ordersWithMemo(env: Environment) {
  env.spreadsheet.removeSheet(orders(env));
  const s = env.spreadsheet.addSheet('Orders', [
    ['Order No', 'Memo', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check'],
    ['SO-001', 'rush', 'C-001', '2026-11-18', 3000, 'Pending', ''],
  ]);
  return s;
}

describe('onEdit of the Orders sheet', () => {
  it('writes nothing in a repeated header row among the orders (its Credit Check header text stays, no colour)', () => {
    const H = ['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check', 'My Notes'];
    const env = tinyEnvironment({ Orders: [H] });
    env.edit('Orders', 'A2', [['SO-1', 'C-1', sh('2026-11-20'), 1000, '', '', 'n1'], H, ['SO-2', 'C-1', sh('2026-11-20'), 2000, '', '', 'n2']]);
    const s = orders(env);
    expect(s.values('A3:G3')[0]).toEqual(H);
    expect(s.backgrounds('A3:F3')[0]).toEqual(Array(6).fill(WHITE));
    expect(s.notes('F3')[0][0]).toBe('');
    expect(s.values('F2:F4').map((r) => String(r[0]).slice(0, 2))).toEqual(['OK', 'Cr', 'OK']);
  });

  it('writes the verdict, colours the known columns of the row and adds a note; values untouched', async () => {
    const env = await environmentWith(ENGLISH);
    const s = ordersWithMemo(env);
    s.setValues([['keep me']], 'B3');
    env.spreadsheet.sheet('Orders').cell(3, 2).background = '#abcdef';
    env.edit('Orders', 'A3', [['SO-010', 'keep me', 'C-004', '2026-11-20', 1000, 'Pending']]);
    const row = s.values('A3:G3')[0];
    expect(row.slice(0, 6)).toEqual(['SO-010', 'keep me', 'C-004', expect.anything(), 1000, 'Pending']);
    expect(row[6]).toMatch(/^BLOCK: .*credit limit/);
    expect(s.backgrounds('A3:G3')[0]).toEqual([RED, '#abcdef', RED, RED, RED, RED, RED]);
    expect(s.notes('G3')[0][0]).toMatch(/Do not ship on credit/);
    expect(s.notes('G3')[0][0]).toMatch(/boss@example.com/);
  });

  it('checks a pasted block in one pass: OK, WARN and BLOCK, the order itself left out of its base', async () => {
    const env = await environmentWith(ENGLISH);
    env.edit('Orders', 'A6', [
      ['SO-005', 'C-001', '2026-11-20', 1000, 'Pending'],
      ['SO-006', 'C-002', '2026-11-20', 100, ''],
      ['SO-007', 'C-006', '2026-11-20', 100, 'Approved'],
    ]);
    const s = orders(env);
    const cc = s.values('F6:F8').map((r) => r[0]);
    expect(cc[0]).toBe('OK');
    expect(cc[1]).toMatch(/^WARN: /);
    expect(cc[2]).toMatch(/^BLOCK: .*hold/);
    expect(s.backgrounds('A6:F8').map((r) => r[0])).toEqual([GREEN, AMBER, RED]);
    // The rows around were not touched.
    expect(s.values('F2:F5').map((r) => r[0])).toEqual(['', '', '', '']);
    expect(s.backgrounds('A9:F9')[0]).toEqual(Array(6).fill(WHITE));
  });

  it('re-checking an edited order does not count it twice (exposure excludes the order itself)', async () => {
    const env = await environmentWith(ENGLISH);
    // SO-001: C-001, 3,000 Pending. Exposure 5,400 + 3,000 of its own → the check sees 5,400 + 3,000 = 8,400.
    env.edit('Orders', 'D2', 41000); // 5,400 + 41,000 = 46,400 > 90% of 50,000 → WARN, < limit
    expect(orders(env).value('F2')).toMatch(/^WARN: .*90%/);
    env.edit('Orders', 'D2', 44000); // 49,400 → still WARN
    expect(orders(env).value('F2')).toMatch(/^WARN: /);
    env.edit('Orders', 'D2', 45000); // 50,400 > 50,000 → BLOCK
    expect(orders(env).value('F2')).toMatch(/^BLOCK: /);
  });

  it('leaves Cancelled, Invoiced and Blocked rows alone and clears a row whose inputs were deleted', async () => {
    const env = await environmentWith(ENGLISH);
    const s = orders(env);
    env.edit('Orders', 'A5', 'SO-004'); // Cancelled: untouched
    expect(s.value('F5')).toBe('');
    env.edit('Orders', 'A6', [['SO-008', 'C-001', '2026-11-20', 10, 'Pending']]);
    expect(s.value('F6')).toBe('OK');
    env.edit('Orders', 'A6:E6', [['', '', '', '', '']]);
    expect(s.value('F6')).toBe('');
    expect(s.notes('F6')[0][0]).toBe('');
    expect(s.backgrounds('A6:F6')[0]).toEqual(Array(6).fill(WHITE));
  });

  it('an unknown customer is a BLOCK; user text such as =HYPERLINK stays text', async () => {
    const env = await environmentWith(ENGLISH);
    const s = orders(env);
    s.setValue('F5', '\'=HYPERLINK("x")'); // text in a kept (Cancelled) row's Credit Check cell
    env.edit('Orders', 'A4', [
      ['SO-003', 'C-002', '2026-11-12', 5000, 'Approved'],
      ['SO-004', 'C-005', '2026-11-16', 800, 'Cancelled'],
      ['\'=HYPERLINK("x")', '\'=HYPERLINK("y")', '2026-11-20', 10, 'Pending'],
    ]);
    expect(s.value('F6')).toMatch(/^BLOCK: customer =HYPERLINK\("y"\) is not in the Customers sheet/);
    expect(s.formulas('A4:F6').flat().every((f) => f === '')).toBe(true);
    expect(s.value('F5')).toBe('=HYPERLINK("x")');
    expect(s.value('A6')).toBe('=HYPERLINK("x")');
  });

  it('works on the Chinese messy file (Chinese sheet and headers, reasons in English by Settings)', async () => {
    const env = await environmentWith(CHINESE);
    env.edit('订单', 'A6', [['SO-009', 'c-004 ', '2026/11/20', '1,000', '']]);
    const s = env.spreadsheet.sheet('订单');
    expect(s.value('F6')).toMatch(/^BLOCK: /);
    expect(s.backgrounds('A6:F6')[0]).toEqual(Array(6).fill(RED));
  });

  it('edits elsewhere do nothing', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.addSheet('Scratch', [['x']]);
    env.calls.reset();
    env.edit('Scratch', 'A1', 'y');
    expect(env.calls.total(['PropertiesService', 'CacheService', 'Range.getValues', 'Range.setValues'])).toBe(0);
  });
});

describe('a new Credit Check column never lands on data under a blank header', () => {
  /** Orders without a Credit Check column; notes in F under a blank F1, shaded. */
  function ordersWithUnheadedNotes(env: Environment) {
    env.spreadsheet.removeSheet(orders(env));
    const s = env.spreadsheet.addSheet('Orders', [
      ['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status'],
      ['SO-001', 'C-001', '2026-11-18', 3000, 'Pending'],
      ['SO-002', 'C-004', '2026-11-18', 2000, 'Pending'],
    ]);
    s.setValues([['call before shipping'], ['=UPPER("rush")'], ["'00123"]], 'F2');
    s.cell(2, 6).background = '#abcdef';
    return s;
  }

  it('onEdit puts it after the unheaded column, and the next edit reuses it', async () => {
    const env = await environmentWith(ENGLISH);
    const s = ordersWithUnheadedNotes(env);
    const notes = s.values('F1:F4');
    const formulas = s.formulas('F1:F4');
    env.edit('Orders', 'A4', [['SO-010', 'C-001', '2026-11-20', 1000, 'Pending']]);
    expect(s.values('F1:F4')).toEqual(notes);
    expect(s.formulas('F1:F4')).toEqual(formulas);
    expect(s.value('F4')).toBe('00123');
    expect(s.value('G1')).toBe('Credit Check');
    expect(s.value('G4')).toBe('OK');
    expect(s.backgrounds('A4:G4')[0]).toEqual([GREEN, GREEN, GREEN, GREEN, GREEN, WHITE, GREEN]);
    expect(s.backgrounds('F2')[0][0]).toBe('#abcdef');

    env.edit('Orders', 'D3', 2500); // C-004 over its limit
    expect(s.value('G3')).toMatch(/^BLOCK: /);
    expect(s.values()[0]).toEqual(['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', '', 'Credit Check']);
    expect(s.values('F1:F4')).toEqual(notes);
    expect(s.formulas('F1:F4')).toEqual(formulas);
  });

  it('Recalculate puts it there too and reuses it', async () => {
    const env = await environmentWith(ENGLISH);
    const s = ordersWithUnheadedNotes(env);
    const notes = s.values('F1:F4');
    const formulas = s.formulas('F1:F4');
    for (let i = 0; i < 2; i++) {
      env.execution({ authMode: 'FULL' }).call('recalculate');
      expect(s.values()[0]).toEqual(['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', '', 'Credit Check']);
      expect(s.value('G2')).toBe('OK');
      expect(s.value('G3')).toMatch(/^BLOCK: /);
      expect(s.values('F1:F4')).toEqual(notes);
      expect(s.formulas('F1:F4')).toEqual(formulas);
    }
  });

  it('on Invoices (no Orders sheet) it goes after the last column with data in any row', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.removeSheet(orders(env));
    const inv = env.spreadsheet.sheet('Invoices');
    inv.setValue('L5', 'ask about the discount'); // K and L1 blank: only a data row uses L
    const next = inv.values().length + 1;
    env.edit('Invoices', `A${next}`, [['INV-3000', 'C-001', '2026-11-20', '2026-12-20', 5000, '', '', '', 'Open', '']]);
    expect(inv.value('L5')).toBe('ask about the discount');
    expect(inv.value('K1')).toBe('');
    expect(inv.value('L1')).toBe('');
    expect(inv.value('M1')).toBe('Credit Check');
    expect(inv.value(`M${next}`)).toBe('OK');
    env.edit('Invoices', `E${next}`, 40000);
    expect(inv.value(`M${next}`)).toMatch(/^WARN: /);
    expect(inv.values()[0]).toHaveLength(13);
    expect(inv.value('L5')).toBe('ask about the discount');
  });
});

describe('Check selected order', () => {
  it('checks the selected rows of Orders', async () => {
    const env = await environmentWith(ENGLISH);
    const s = orders(env);
    env.spreadsheet.activeSheetId = s.id;
    env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 4, numCols: 2 };
    env.execution({ authMode: 'FULL' }).call('checkSelectedOrder');
    const cc = s.values('F2:F5').map((r) => r[0]);
    expect(cc[0]).toBe('OK');
    expect(cc[1]).toMatch(/^BLOCK: /);
    expect(cc[2]).toMatch(/^WARN: /);
    expect(cc[3]).toBe(''); // Cancelled
    expect(env.ui.toasts.at(-1)?.message).toBe('Checked 3 orders.');
  });

  it('says what to select when the selection is elsewhere', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Customers').id;
    env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 1, numCols: 1 };
    env.execution({ authMode: 'FULL' }).call('checkSelectedOrder');
    expect(env.ui.toasts.at(-1)?.message).toMatch(/Select one or more order rows in Orders/);
  });
});

describe('files without an Orders sheet: the check runs on Invoices', () => {
  it('adds a Credit Check column to Invoices and checks a new invoice row', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.removeSheet(orders(env));
    const inv = env.spreadsheet.sheet('Invoices');
    const next = inv.values().length + 1;
    env.edit('Invoices', `A${next}`, [['INV-3000', 'C-001', '2026-11-20', '2026-12-20', 5000, '', '', '', 'Open', '']]);
    expect(inv.value('K1')).toBe('Credit Check');
    expect(inv.value(`K${next}`)).toBe('OK');
    env.edit('Invoices', `E${next}`, 40000); // 5,400 + 40,000 = 45,400 > 45,000 → WARN
    expect(inv.value(`K${next}`)).toMatch(/^WARN: /);
    expect(inv.backgrounds(`A${next}:K${next}`)[0]).toEqual(Array(11).fill(AMBER));
  });

  it('checks only what an invoice row leaves open: paid in full by its own columns is no new credit, a part payment counts the rest', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.removeSheet(orders(env));
    const inv = env.spreadsheet.sheet('Invoices');
    const next = inv.values().length + 1;
    // C-001: exposure 5,400, limit 50,000 (warn at 45,000). 48,000 in full would be a BLOCK.
    env.edit('Invoices', `A${next}`, [['INV-3000', 'C-001', '2026-11-20', '2026-12-20', 48000, '', 48000, '2026-11-20', '', '']]);
    expect(inv.value(`K${next}`)).toBe('');
    env.edit('Invoices', `A${next + 1}`, [['INV-3001', 'C-001', '2026-11-20', '2026-12-20', 48000, '', '', '2026-11-20', '', '']]);
    expect(inv.value(`K${next + 1}`)).toBe('');
    env.edit('Invoices', `A${next + 2}`, [['INV-3002', 'C-001', '2026-11-20', '2026-12-20', 48000, '', 47000, '2026-11-20', '', '']]);
    expect(inv.value(`K${next + 2}`)).toBe('OK'); // 5,400 + 1,000 open
    env.edit('Invoices', `G${next + 2}`, 4000); // 44,000 left open: 49,400 is over 90% of the limit
    expect(inv.value(`K${next + 2}`)).toMatch(/^WARN: exposure 5,400\.00 CNY \+ this 44,000\.00 CNY/);
  });
});

describe('an invoice row checked against the same ledger as CREDITCHECK', () => {
  // I-1 is 142 days past due (over the 60-day hold); the payment names I-2. Taking the edited row
  // out of the picture moved that payment onto I-1, which then looked paid: the row said OK.
  const rows = () => tinyEnvironment({
    Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed', 'Credit Check'],
      ['I-1', 'C-1', sh('2026-06-01'), '', 1000, '', '', '', '', '', ''],
      ['I-2', 'C-1', sh('2026-11-18'), '', 2000, '', '', '', '', '', '']],
    Payments: [['Payment Date', 'Customer ID', 'Amount', 'Invoice No'], [sh('2026-11-10'), 'C-1', 1000, 'I-2']],
  });

  it('says BLOCK on the edited rows and after Recalculate, as CREDITCHECK does', () => {
    const env = rows();
    const cells = env.spreadsheet.addSheet('Formulas', [['=CREDITCHECK("C-1", 1000)']]);
    env.recalculate();
    const formula = String(cells.value('A1'));
    expect(formula).toMatch(/^BLOCK: invoice I-1 is 142 days past due/);
    const inv = env.spreadsheet.sheet('Invoices');
    env.edit('Invoices', 'E3', 2000);
    expect(inv.value('K3')).toBe(formula);
    env.edit('Invoices', 'E2', 1000); // the past-due invoice itself
    expect(inv.value('K2')).toBe(formula);
    env.execution({ authMode: 'FULL' }).call('recalculate');
    expect([inv.value('K2'), inv.value('K3')]).toEqual([formula, formula]);
  });
});

describe('sidebar: checkOrder and overrideBlock', () => {
  it('checkOrder gives the verdict, reasons and exposure after the order', async () => {
    const env = await environmentWith(ENGLISH);
    const r = env.execution({ authMode: 'FULL' }).call('checkOrder', 'c-001', '1,000') as Record<string, unknown>;
    expect(r).toMatchObject({ verdict: 'OK', text: 'OK', reasons: [], exposureAfter: { minor: 940000, currency: 'CNY' }, limit: { minor: 5000000, currency: 'CNY' } });
    const b = env.execution({ authMode: 'FULL' }).call('checkOrder', 'C-004', '100') as { verdict: string; reasons: string[] };
    expect(b.verdict).toBe('BLOCK');
    expect(b.reasons[0]).toMatch(/credit limit/);
    const u = env.execution({ authMode: 'FULL' }).call('checkOrder', 'C-099', '1') as { verdict: string; text: string };
    expect(u.text).toMatch(/^BLOCK: customer C-099/);
    // The amount is in the base currency, as the field says: dollars are refused, not read as yuan.
    expect(() => env.execution({ authMode: 'FULL' }).call('checkOrder', 'C-001', '$1,000')).toThrow('"$1,000" is not an amount in CNY that Credit Desk can read.');
    expect(() => env.execution({ authMode: 'FULL' }).call('checkOrder', 'C-001', '-5')).toThrow('The amount must be more than 0.');
  });

  it('refuses a non-approver, and a user Google does not identify, with a clear message', async () => {
    const env = await environmentWith(ENGLISH);
    expect(() => env.execution({ authMode: 'FULL', user: 'clerk@example.com' }).call('overrideBlock', 'C-004', '2000', 'ok', 'SO-002')).toThrow(
      /Only an approver listed in Settings \(boss@example.com\)/,
    );
    expect(() => env.execution({ authMode: 'FULL', user: '' }).call('overrideBlock', 'C-004', '2000', 'ok', 'SO-002')).toThrow(/cannot tell who you are/);
    expect(env.spreadsheet.findSheet('Audit Log')).toBeNull();
    expect(orders(env).value('F3')).toBe('');
  });

  it("records an approver's override in the Audit Log and on the order; a later re-check keeps it", async () => {
    const env = await environmentWith(ENGLISH);
    const run = (...args: unknown[]) => env.execution({ authMode: 'FULL', user: 'boss@example.com' }).call('overrideBlock', ...args);
    expect(run('C-004', '2000', '', 'SO-002')).toEqual({ ok: false, errors: { reason: expect.any(String) } });
    expect(run('C-004', '2500', 'x', 'SO-002')).toMatchObject({ ok: false, errors: { orderNo: expect.stringMatching(/SO-002 is for C-004, 2,000.00 CNY/) } });
    expect(run('C-001', '10', 'x', '')).toMatchObject({ ok: false, errors: { override: expect.stringMatching(/nothing to override/) } });
    expect(run('C-004', '2,000', '=HYPERLINK("x") wire received', 'SO-002')).toEqual({ ok: true });
    const s = orders(env);
    expect(s.value('F3')).toBe('OK (override by boss@example.com)');
    expect(s.backgrounds('A3:F3')[0]).toEqual(Array(6).fill(BLUE));
    expect(s.notes('F3')[0][0]).toMatch(/overridden by boss@example.com/);
    const log = env.spreadsheet.sheet('Audit Log');
    const rows = log.values();
    expect(rows[0]).toEqual(['Time', 'User', 'Action', 'Customer ID', 'Order No', 'Amount', 'Verdict', 'Reason']);
    expect(rows[1].slice(1)).toEqual(['boss@example.com', 'Override BLOCK', 'C-004', 'SO-002', 2000, expect.stringMatching(/^BLOCK: /), '=HYPERLINK("x") wire received']);
    expect(log.formulas().flat().every((f) => f === '')).toBe(true);
    // Another edit of the row (same customer and amount) keeps the override; a new amount does not.
    env.edit('Orders', 'E3', 'Approved');
    expect(s.value('F3')).toBe('OK (override by boss@example.com)');
    env.edit('Orders', 'D3', 2500);
    expect(s.value('F3')).toMatch(/^BLOCK: /);
    expect(log.values()).toHaveLength(2); // the log is only appended to
  });
});

describe('an edit whose check cannot be written', () => {
  it('still marks the data changed: a formula recalculated afterwards is not served the value from before the edit', async () => {
    const env = await environmentWith(ENGLISH);
    const report = env.spreadsheet.addSheet('Report', [['Customer ID', 'Available'], ['C-001', '']]);
    report.setValue('B2', '=CREDITAVAILABLE(A2)');
    env.recalculate();
    expect(report.value('B2')).toBe(41600);
    // The owner protects the Credit Check column (only the add-on writes it); a clerk edits an order.
    env.execution({ authMode: 'FULL', code: "function p() { SpreadsheetApp.getActive().getSheetByName('Orders').getRange('F1:F1000').protect().setDomainEdit(false); }" }).call('p');
    env.edit('Orders', 'D2', 13000, { user: 'clerk@example.com' }); // SO-001, C-001: 3,000 → 13,000
    expect(env.ui.toasts.at(-1)?.message).toMatch(/could not check/i);
    env.recalculate();
    expect(report.value('B2')).toBe(31600);
  });
});

describe('an override of a BLOCK for a customer in another currency', () => {
  it('shows on the order and is kept by later checks (the record holds the converted amount)', () => {
    const env = tinyEnvironment({
      Customers: [['Customer ID', 'Name', 'Email', 'Terms (days)', 'Credit Limit', 'Currency'], ['C-1', 'Alpha', 'a@x.com', 30, 10000, 'USD']],
      Settings: [['Setting', 'Value'], ['Base Currency', 'CNY'], ['FX USD', 7], ['Approvers', 'owner@example.com'], ['Credit Manager', 'cm@example.com']],
      Orders: [['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check'], ['SO-1', 'C-1', sh('2026-11-20'), 12000, 'Pending', '']],
    });
    env.edit('Orders', 'D2', 12000);
    const o = env.spreadsheet.sheet('Orders');
    expect(o.value('F2')).toMatch(/^BLOCK: .*84,000\.00 CNY/);
    const override = (amount: string) => env.execution({ authMode: 'FULL', user: 'owner@example.com' }).call('overrideBlock', 'C-1', amount, 'paid by wire', 'SO-1') as { ok: boolean; errors?: Record<string, string> };
    expect(override('12500').errors?.orderNo).toContain('84,000.00 CNY'); // the order, in the base currency
    expect(override('12000')).toEqual({ ok: true }); // as written in the row (USD)
    expect(o.value('F2')).toBe('OK (override by owner@example.com)');
    env.edit('Orders', 'E2', 'Approved');
    expect(o.value('F2')).toBe('OK (override by owner@example.com)');
    // Given in the base currency instead (84,000 CNY), on a fresh BLOCK of the same order.
    env.edit('Orders', 'D2', 12001);
    env.edit('Orders', 'D2', 12000);
    expect(override('84000').ok).toBe(true);
  });
});

describe('files without Orders: an invoice row with a Paid Date after today', () => {
  it('is checked as open, as the ledger has it today', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.removeSheet(orders(env));
    const inv = env.spreadsheet.sheet('Invoices');
    const next = inv.values().length + 1;
    env.edit('Invoices', `A${next}`, [['INV-3100', 'C-001', '2026-11-20', '2026-12-20', 48000, '', '', '2026-12-01', 'Paid', '']]);
    expect(inv.value(`K${next}`)).toMatch(/^BLOCK: exposure 5,400\.00 CNY \+ this 48,000\.00 CNY/);
  });
});

describe('an override stored before IDs were folded', () => {
  // Until IDs were folded the record of order ＳＯ－１ for customer ＫＨ００１ was stored under
  // creditDesk.override.ＳＯ－１ with c = ＫＨ００１; today the order's key is SO-1 and the customer's KH001.
  it('still shows on its order, by the order number and customer key folded', () => {
    const env = tinyEnvironment({
      Customers: [['Customer ID', 'Name', 'Email', 'Terms (days)', 'Credit Limit'], ['ＫＨ００１', 'Kaihua', 'a@x.com', 30, 10000]],
      Settings: [['Setting', 'Value'], ['Base Currency', 'CNY'], ['Approvers', 'owner@example.com'], ['Credit Manager', 'cm@example.com']],
      Orders: [['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check'], ['ＳＯ－１', 'ＫＨ００１', sh('2026-11-20'), 12000, 'Pending', ''], ['SO-2', 'ＫＨ００１', sh('2026-11-20'), 11000, 'Pending', '']],
    });
    const record = (c: string, a: number) => JSON.stringify({ c, a, by: 'owner@example.com', at: '2026-11-19T01:00:00.000Z', r: 'wire received', t: 'BLOCK: over the limit' });
    env.properties.document.map.set('creditDesk.override.ＳＯ－１', record('ＫＨ００１', 1200000));
    env.properties.document.map.set('creditDesk.override.SO-2', record('ＫＨ００１', 1100000));
    env.edit('Orders', 'D2', 12000);
    env.edit('Orders', 'D3', 11000);
    const o = env.spreadsheet.sheet('Orders');
    expect(o.value('F2')).toBe('OK (override by owner@example.com)');
    expect(o.value('F3')).toBe('OK (override by owner@example.com)');
    env.edit('Orders', 'D2', 12500); // another amount: the override no longer applies
    expect(o.value('F2')).toMatch(/^BLOCK: /);
  });
});
