/**
 * The add-on rewrites only report sheets it created (src/sheets/reports/owner.ts), through the
 * built bundle: a user's own sheet named like a report (Aging Report, Credit Scores, Dashboard,
 * the reminder run's Watch List) keeps every cell, format, note, chart and frozen row; the report
 * goes to a sheet of its own, marked with developer metadata, and later runs reuse that sheet.
 * Sheets written by earlier versions (no mark) are claimed only when they start as the report does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Environment } from '../../emulator';
import type { SheetModel } from '../../emulator/spreadsheet/model';
import { environmentWith, ENGLISH } from '../helpers/sample';

const DAY_MS = 24 * 60 * 60 * 1000;
const MARK_KEY = 'creditDesk.owner';

type Result = { sheet: string; language: string; rows: number; message: string };

function run(env: Environment, name: string): Result {
  return env.execution({ authMode: 'FULL' }).call(name) as Result;
}

/** Everything the emulator keeps about a sheet, through its direct API: equal means untouched. */
function everything(s: SheetModel) {
  const all = `A1:${String.fromCharCode(64 + Math.min(26, s.maxColumns))}${Math.min(40, s.maxRows)}`;
  return {
    name: s.name,
    id: s.id,
    values: s.values(all),
    formulas: s.formulas(all),
    display: s.displayValues(all),
    numberFormats: s.numberFormats(all),
    backgrounds: s.backgrounds(all),
    fontWeights: s.fontWeights(all),
    notes: s.notes(all),
    validations: s.validations(all),
    charts: s.charts(),
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    hidden: s.hidden,
    metadata: s.metadata(),
  };
}

/** A user's own sheet: text, numbers, a date, a formula, a note, a background, bold, a frozen row and a chart. */
function addUserSheet(env: Environment, name: string): SheetModel {
  const s = env.spreadsheet.addSheet(name, [
    ['My notes', 'Amount', 'When'],
    ['Call Zhang about the March order', 1234.5, '2026-03-01'],
    ['Check the bank', 99, '2026-04-15'],
    ['Total', '=SUM(B2:B3)', ''],
  ]);
  s.setNote('A2', 'promised on the phone');
  s.setNumberFormat('B2:B4', '#,##0.00');
  s.cell(1, 1).background = '#ffcc00';
  s.cell(1, 1).fontWeight = 'bold';
  s.frozenRows = 1;
  env.execution({ code: `function f() { const s = SpreadsheetApp.getActive().getSheetByName(${JSON.stringify(name)});
    s.insertChart(s.newChart().setChartType(Charts.ChartType.PIE).addRange(s.getRange('A2:B3')).setPosition(1, 5, 0, 0).build()); }` }).call('f');
  return s;
}

describe('the shared report writer, with a user sheet named "Aging Report"', () => {
  let env: Environment;
  let user: ReturnType<typeof everything>;
  let first: Result;

  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    user = everything(addUserSheet(env, 'Aging Report'));
    expect(user.charts).toHaveLength(1);
    first = run(env, 'showAgingReport');
  });

  it("leaves the user's sheet exactly as it was", () => {
    expect(everything(env.spreadsheet.sheet('Aging Report'))).toEqual(user);
    expect(env.spreadsheet.sheet('Aging Report').values()[1][0]).toBe('Call Zhang about the March order');
  });

  it('writes the report to "Aging Report (Credit Desk)", marked as the add-on\'s', () => {
    expect(first.sheet).toBe('Aging Report (Credit Desk)');
    const s = env.spreadsheet.sheet('Aging Report (Credit Desk)');
    expect(s.values()[0][0]).toBe('As of');
    expect(s.values()[2].slice(0, 2)).toEqual(['Customer', 'Customer ID']);
    expect(s.frozenRows).toBe(3);
    expect(s.charts()).toEqual([expect.objectContaining({ type: 'BAR' })]);
    expect(s.metadata()).toEqual([{ key: MARK_KEY, value: 'Aging Report', visibility: 'DOCUMENT' }]);
    expect(env.spreadsheet.activeSheet().name).toBe('Aging Report (Credit Desk)');
  });

  it('a second run rewrites that sheet: no third sheet, the user\'s sheet still untouched', () => {
    const names = env.spreadsheet.sheetNames();
    const id = env.spreadsheet.sheet('Aging Report (Credit Desk)').id;
    const again = run(env, 'showAgingReport');
    expect(again.sheet).toBe('Aging Report (Credit Desk)');
    expect(env.spreadsheet.sheetNames()).toEqual(names);
    expect(env.spreadsheet.sheet('Aging Report (Credit Desk)').id).toBe(id);
    expect(env.spreadsheet.sheet('Aging Report (Credit Desk)').charts()).toHaveLength(1);
    expect(env.spreadsheet.sheet('Aging Report (Credit Desk)').metadata()).toHaveLength(1);
    expect(everything(env.spreadsheet.sheet('Aging Report'))).toEqual(user);
  });

  it('the report is found again after the user renames the plain name away, and a new user sheet of that name is left alone', () => {
    env.spreadsheet.sheet('Aging Report').name = 'My aging notes';
    const renamed = everything(env.spreadsheet.sheet('My aging notes'));
    const again = run(env, 'showAgingReport');
    expect(again.sheet).toBe('Aging Report (Credit Desk)');
    expect(env.spreadsheet.findSheet('Aging Report')).toBeNull();
    expect(everything(env.spreadsheet.sheet('My aging notes'))).toEqual(renamed);
  });
});

describe('other report sheets', () => {
  it('the suffixed name taken too: "Credit Scores (Credit Desk 2)", reused on the next run', async () => {
    const env = await environmentWith(ENGLISH);
    const plain = everything(addUserSheet(env, 'Credit Scores'));
    const suffixed = everything(addUserSheet(env, 'credit scores (credit desk)'));
    expect(run(env, 'showCreditScores').sheet).toBe('Credit Scores (Credit Desk 2)');
    const count = env.spreadsheet.sheetNames().length;
    expect(run(env, 'showCreditScores').sheet).toBe('Credit Scores (Credit Desk 2)');
    expect(env.spreadsheet.sheetNames()).toHaveLength(count);
    expect(everything(env.spreadsheet.sheet('Credit Scores'))).toEqual(plain);
    expect(everything(env.spreadsheet.sheet('credit scores (credit desk)'))).toEqual(suffixed);
    expect(env.spreadsheet.sheet('Credit Scores (Credit Desk 2)').values()[0][0]).toBe('As of');
  });

  it("a user's sheet under the other language's name (仪表板) is not the Dashboard: the charts go to \"Dashboard\"", async () => {
    const env = await environmentWith(ENGLISH);
    const user = everything(addUserSheet(env, '仪表板'));
    expect(run(env, 'showDashboardSheet').sheet).toBe('Dashboard');
    expect(everything(env.spreadsheet.sheet('仪表板'))).toEqual(user);
    expect(env.spreadsheet.sheet('Dashboard').charts().length).toBeGreaterThan(0);
    expect(env.spreadsheet.sheet('Dashboard').metadata()).toEqual([{ key: MARK_KEY, value: 'Dashboard', visibility: 'DOCUMENT' }]);
  });

  it("a sheet the add-on marked for another report is not this report's", async () => {
    const env = await environmentWith(ENGLISH);
    run(env, 'showCreditScores');
    env.spreadsheet.sheet('Credit Scores').name = 'Aging Report';
    const scores = everything(env.spreadsheet.sheet('Aging Report'));
    expect(run(env, 'showAgingReport').sheet).toBe('Aging Report (Credit Desk)');
    expect(everything(env.spreadsheet.sheet('Aging Report'))).toEqual(scores);
  });
});

describe('sheets written by earlier versions (no mark)', () => {
  it('a report sheet that starts as the report does is claimed, marked and rewritten in place', async () => {
    const env = await environmentWith(ENGLISH);
    run(env, 'showAgingReport');
    const old = env.spreadsheet.sheet('Aging Report');
    old.developerMetadata.length = 0; // as an earlier version left it
    const names = env.spreadsheet.sheetNames();
    env.clock.advance(DAY_MS);
    expect(run(env, 'showAgingReport').sheet).toBe('Aging Report');
    expect(env.spreadsheet.sheetNames()).toEqual(names);
    expect(old.metadata()).toEqual([{ key: MARK_KEY, value: 'Aging Report', visibility: 'DOCUMENT' }]);
    expect(old.values()[0][1]).toEqual(new Date('2026-11-20T16:00:00Z'));
    expect(old.charts()).toHaveLength(1);
  });

  it('a user sheet that merely starts with "As of" is not: its frozen rows and labels differ', async () => {
    const env = await environmentWith(ENGLISH);
    const s = env.spreadsheet.addSheet('Aging Report', [['As of', '2026-11-01', 'Base currency', 'CNY'], [], ['Customer', 'Note'], ['C-001', 'slow payer']]);
    const user = everything(s);
    expect(run(env, 'showAgingReport').sheet).toBe('Aging Report (Credit Desk)');
    expect(everything(env.spreadsheet.sheet('Aging Report'))).toEqual(user);
    s.frozenRows = 3;
    s.setValue('C1', 'Currency');
    const user2 = everything(s);
    expect(run(env, 'showAgingReport').sheet).toBe('Aging Report (Credit Desk)');
    expect(everything(env.spreadsheet.sheet('Aging Report'))).toEqual(user2);
  });
});

function digests(env: Environment) {
  return env.outbox.filter((m) => String(m.subject).startsWith('Credit Desk digest'));
}

type Panel = { asOf: string | null; since: string | null; lines: { text: string }[] };

describe("the reminder run's Watch List, with a user sheet named \"Watch List\"", () => {
  let env: Environment;
  let user: ReturnType<typeof everything>;

  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    user = everything(addUserSheet(env, 'Watch List'));
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
  });

  it("keeps the user's sheet and writes the list to \"Watch List (Credit Desk)\"; the sidebar reads that one", () => {
    expect(everything(env.spreadsheet.sheet('Watch List'))).toEqual(user);
    const w = env.spreadsheet.sheet('Watch List (Credit Desk)');
    expect(w.values()[0][0]).toBe('As of');
    expect(w.values()[3][0]).toBe('No customer crossed a line since the last run.');
    expect(w.metadata()).toEqual([{ key: MARK_KEY, value: 'Watch List', visibility: 'DOCUMENT' }]);
    expect(digests(env)).toHaveLength(1);
    const panel = env.execution({ authMode: 'FULL' }).call('getWatchList') as Panel;
    expect(panel.asOf).toBe('2026-11-20');
  });

  it('the next day\'s run reuses that sheet (no third one) and the user\'s sheet is still untouched', () => {
    const inv = env.spreadsheet.sheet('Invoices');
    const row = inv.values().findIndex((r) => r[0] === 'INV-1007') + 1;
    inv.setValue(`E${row}`, 30000);
    const names = env.spreadsheet.sheetNames();
    env.clock.advance(DAY_MS);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    expect(env.spreadsheet.sheetNames()).toEqual(names);
    expect(everything(env.spreadsheet.sheet('Watch List'))).toEqual(user);
    const w = env.spreadsheet.sheet('Watch List (Credit Desk)').values();
    expect(w[0][1]).toEqual(new Date('2026-11-20T16:00:00Z'));
    const lines = w.slice(3);
    expect(lines.some((r) => r[1] === 'C-002')).toBe(true);
    const panel = env.execution({ authMode: 'FULL' }).call('getWatchList') as Panel;
    expect(panel.asOf).toBe('2026-11-21');
    expect(panel.lines.map((l) => l.text)).toEqual(lines.map((r) => r[5]));
    expect(digests(env)[1].body).toContain(String(lines[0][5]));
  });
});

describe('a Watch List written by an earlier version, through a saved file', () => {
  it('is claimed by the next run (it starts as the Watch List does): no second Watch List sheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owned-sheets-'));
    try {
      const before = await environmentWith(ENGLISH);
      before.execution({ authMode: 'FULL' }).call('runRemindersNow');
      const file = join(dir, 'book.xlsx');
      await before.saveXlsx(file); // .xlsx keeps no developer metadata: the Watch List comes back unmarked
      const env = await environmentWith(file, { now: new Date(before.clock.now() + DAY_MS) });
      expect(env.spreadsheet.sheet('Watch List').metadata()).toEqual([]);
      env.execution({ authMode: 'FULL' }).call('runRemindersNow');
      expect(env.spreadsheet.sheetNames().filter((n) => n.startsWith('Watch List'))).toEqual(['Watch List']);
      const w = env.spreadsheet.sheet('Watch List');
      expect(w.metadata()).toEqual([{ key: MARK_KEY, value: 'Watch List', visibility: 'DOCUMENT' }]);
      expect(w.values()[0][1]).toEqual(new Date('2026-11-20T16:00:00Z'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
