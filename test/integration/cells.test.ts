/**
 * Custom functions through the built bundle in the emulator, on both fixtures: the contract's
 * values for englishFixture's customers, shapes, blanks, unknown IDs, and the recalc remedy.
 */
import type { Environment } from '../../emulator';
import { chineseMessyFixture, dayOf, englishFixture, type CreditWorkbook } from '../../examples/generate';
import { computePicture } from '../../src/core/picture';
import { readCreditFile } from '../../src/core/read';
import { CHINESE, ENGLISH, environmentWith } from '../helpers/sample';
import { sh, tinyEnvironment } from '../helpers/tiny';

const IDS = ['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006'];
const AS_OF = dayOf("2026-11-20");

/** From the comment table of englishFixture(). */
const EXPECTED = {
  open: [5400, 11800, -800, 24500, 0, 12500],
  available: [41600, 23200, '', -6500, 0, 17500],
  aging: [
    [5400, 0, 0, 0, 0],
    [4000, 0, 7800, 0, 0],
    [0, 0, 0, 0, 0],
    [7500, 8000, 9000, 0, 0],
    [0, 0, 0, 0, 0],
    [0, 3000, 0, 4500, 5000],
  ],
  check: [/^OK$/, /^WARN: /, /^OK$/, /^BLOCK: /, /^BLOCK: /, /^BLOCK: /],
};

/** Scores and grades from the core on the same books (the Chinese file keeps no External Rating column). */
function coreScores(book: CreditWorkbook = englishFixture()): { score: number[]; grade: string[] } {
  const file = readCreditFile(Object.entries(book).map(([name, values]) => ({ name, values })), { timeZone: 'UTC' });
  const p = computePicture(file, AS_OF, { kpis: false });
  return { score: IDS.map((id) => p.customers.get(id)!.score.score), grade: IDS.map((id) => p.customers.get(id)!.grade) };
}

function reportSheet(env: Environment, ids: unknown[] = IDS): ReturnType<Environment['spreadsheet']['sheet']> {
  const rows: unknown[][] = [['Customer ID', 'Amount'], ...ids.map((id) => [id, 100])];
  return env.spreadsheet.addSheet('Report', rows);
}

const column = (grid: unknown[][]): unknown[] => grid.map((r) => r[0]);

describe.each([
  ['english', ENGLISH, englishFixture],
  ['chinese-messy', CHINESE, chineseMessyFixture],
])('custom functions on the %s fixture', (_name, path, book) => {
  let env: Environment;
  beforeEach(async () => {
    env = await environmentWith(path);
  });

  it('fills a column of customer IDs with the contract values, one execution per formula', () => {
    const s = reportSheet(env);
    s.setValue('C1', '=CREDITSCORE(A2:A7)');
    s.setValue('D1', '=CREDITGRADE(A2:A7)');
    s.setValue('E1', '=OPENBALANCE(A2:A7)');
    s.setValue('F1', '=CREDITAVAILABLE(A2:A7)');
    s.setValue('G1', '=CREDITCHECK(A2:A7, B2:B7)');
    s.setValue('H1', '=AGING(A2:A7)');
    const r = env.recalculate();
    expect(r.errors).toEqual([]);
    expect(r.evaluated).toBe(6);
    const { score, grade } = coreScores(book());
    expect(column(s.values('C1:C6'))).toEqual(score);
    expect(column(s.values('D1:D6'))).toEqual(grade);
    expect(column(s.values('E1:E6'))).toEqual(EXPECTED.open);
    expect(column(s.values('F1:F6'))).toEqual(EXPECTED.available);
    column(s.values('G1:G6')).forEach((v, i) => expect(v).toMatch(EXPECTED.check[i]));
    expect(s.values('H1:L6')).toEqual(EXPECTED.aging);
    for (const g of column(s.values('D1:D6'))) expect(['A', 'B', 'C', 'D']).toContain(g);
  });

  it('gives blank for blank and an error value for an unknown ID without breaking the column', () => {
    const s = reportSheet(env, ['C-001', '', 'C-099', ' c-004 ']);
    s.setValue('C1', '=OPENBALANCE(A2:A5)');
    s.setValue('D1', '=CREDITCHECK(A2:A5, 100)');
    s.setValue('E1', '=AGING(A2:A5)');
    expect(env.recalculate().errors).toEqual([]);
    expect(column(s.values('C1:C4'))).toEqual([5400, '', '#UNKNOWN C-099', 24500]);
    const checks = column(s.values('D1:D4'));
    expect(checks[0]).toBe('OK');
    expect(checks[1]).toBe('');
    expect(checks[2]).toMatch(/^BLOCK: .*C-099/);
    expect(checks[3]).toMatch(/^BLOCK: /);
    expect(s.values('E1:I4')).toEqual([[5400, 0, 0, 0, 0], ['', '', '', '', ''], ['#UNKNOWN C-099', '', '', '', ''], [7500, 8000, 9000, 0, 0]]);
  });

  it('reads CREDITCHECK\'s amount in the base currency: an amount written in another currency is #BAD AMOUNT, not misread', () => {
    // (Sheets itself turns a typed "$1,000" into the number 1000; text with a code stays text.)
    const s = env.spreadsheet.addSheet('Amounts', [['C-001', 'USD 1000'], ['C-001', '1,000 EUR'], ['C-001', 'CNY 1000'], ['C-001', '1000元']]);
    s.setValue('C1', '=CREDITCHECK(A1:A4, B1:B4)');
    expect(env.recalculate().errors).toEqual([]);
    expect(column(s.values('C1:C4'))).toEqual(['#BAD AMOUNT USD 1000', '#BAD AMOUNT 1,000 EUR', 'OK', 'OK']);
  });

  it('keeps the shape of a 2-D range and answers a single cell with a single value', () => {
    const s = env.spreadsheet.addSheet('Grid', [['C-001', 'C-004'], ['', 'C-002']]);
    s.setValue('D1', '=OPENBALANCE(A1:B2)');
    s.setValue('D4', '=CREDITGRADE(A1)');
    s.setValue('D5', '=CREDITAVAILABLE("C-003")');
    expect(env.recalculate().errors).toEqual([]);
    expect(s.values('D1:E2')).toEqual([[5400, 24500], ['', 11800]]);
    expect(s.value('D4')).toBe(coreScores(book()).grade[0]);
    expect(s.value('D5')).toBe('');
  });

  it('takes as_of as a date, ISO text or a serial, and defaults to today', () => {
    const s = reportSheet(env, ['C-002']);
    s.setValue('C1', '=OPENBALANCE(A2, "2026-10-11")');
    s.setValue('C2', '=OPENBALANCE(A2, 46306)'); // serial of 2026-10-11
    s.setValue('C3', '=OPENBALANCE(A2)');
    s.setValue('C4', '=OPENBALANCE(A2, "2026-02-30")');
    expect(env.recalculate().errors).toEqual([]);
    // 2026-10-11: INV-1006 15,000 open (the 6,000 came 10-12), INV-1019 paid, CN-1001 not yet dated.
    expect(s.value('C1')).toBe(15000);
    expect(s.value('C2')).toBe(15000);
    expect(s.value('C3')).toBe(11800);
    expect(s.value('C4')).toBe('#BAD DATE 2026-02-30');
  });

  it('DAYSOVERDUE and AGINGBUCKET take due dates, blank for blank', () => {
    const s = env.spreadsheet.addSheet('Due', [['2026-11-25'], ['2026-10-09'], [''], ['2026-08-19'], ['not a date']]);
    s.setValue('B1', '=DAYSOVERDUE(A1:A5)');
    s.setValue('C1', '=AGINGBUCKET(A1:A5)');
    s.setValue('D1', '=DAYSOVERDUE(A2, "2026-10-19")');
    expect(env.recalculate().errors).toEqual([]);
    expect(column(s.values('B1:B5'))).toEqual([0, 42, '', 93, '#BAD DATE not a date']);
    expect(column(s.values('C1:C5'))).toEqual(['Current', '31-60', '', '91+', '#BAD DATE not a date']);
    expect(s.value('D1')).toBe(10);
  });
});

describe('cache and the recalculation remedy', () => {
  it('reads the credit sheets once for a column, then not at all while nothing changes', async () => {
    const env = await environmentWith(ENGLISH);
    const s = reportSheet(env);
    s.setValue('C1', '=OPENBALANCE(A2:A7)');
    s.setValue('D1', '=CREDITSCORE(A2:A7)');
    env.calls.reset();
    env.recalculate();
    const cold = env.calls['Range.getValues'] ?? 0;
    expect(cold).toBe(5); // Customers, Invoices, Payments, Orders, Settings: once, for the first formula
    env.calls.reset();
    env.recalculate();
    expect(env.calls['Range.getValues'] ?? 0).toBe(0);
  });

  it('a Recalc Token row added again by Recalculate stays open under the Settings protection: a clerk\'s edit bumps it', async () => {
    const env = await environmentWith(ENGLISH);
    env.execution({ authMode: 'FULL' }).call('setupCreditFile');
    const settings = env.spreadsheet.sheet('Settings');
    const at = settings.values().findIndex((r) => r[0] === 'Recalc Token') + 1;
    settings.setValues([['', '', '']], `A${at}`); // someone cleared the token row
    env.execution({ authMode: 'FULL' }).call('recalculate'); // adds it again at the end
    const row = settings.values().findIndex((r) => r[0] === 'Recalc Token') + 1;
    expect(row).toBeGreaterThan(at);
    const before = Number(settings.value(`B${row}`));
    env.edit('Payments', 'D2', '', { user: 'clerk@example.com' });
    expect(Number(settings.value(`B${row}`))).toBe(before + 1);
  });

  it('an invoice edited by a person: onEdit bumps the Recalc Token, formulas that take it follow', async () => {
    const env = await environmentWith(ENGLISH);
    env.execution({ authMode: 'FULL' }).call('recalculate'); // adds the Recalc Token row to Settings
    const settings = env.spreadsheet.sheet('Settings').values();
    const tokenRow = settings.findIndex((r) => r[0] === 'Recalc Token') + 1;
    expect(tokenRow).toBeGreaterThan(1);
    const token = `Settings!B${tokenRow}`;
    const before = env.spreadsheet.sheet('Settings').value(`B${tokenRow}`);
    const s = reportSheet(env, ['C-001']);
    s.setValue('C1', `=OPENBALANCE(A2, , ${token})`);
    env.recalculate();
    expect(s.value('C1')).toBe(5400);
    // INV-1005 (C-001, 5,400) is row 20 of Invoices: 4,000 now.
    const inv = env.spreadsheet.sheet('Invoices');
    const row = inv.values().findIndex((r) => r[0] === 'INV-1005') + 1;
    env.edit('Invoices', `E${row}`, 4000);
    expect(env.spreadsheet.sheet('Settings').value(`B${tokenRow}`)).not.toEqual(before);
    env.recalculate();
    expect(s.value('C1')).toBe(4000);
  });

  it('a change made without onEdit is picked up after Recalculate', async () => {
    const env = await environmentWith(ENGLISH);
    const s = reportSheet(env, ['C-001']);
    s.setValue('C1', '=OPENBALANCE(A2)');
    env.recalculate();
    expect(s.value('C1')).toBe(5400);
    const inv = env.spreadsheet.sheet('Invoices');
    const row = inv.values().findIndex((r) => r[0] === 'INV-1005') + 1;
    inv.setValue(`E${row}`, 5400); // same size: the fingerprint's shapes do not see it
    inv.setValue(`E${row}`, 3000);
    env.recalculate();
    expect(s.value('C1')).toBe(5400); // stale: nothing told the add-on
    env.execution({ authMode: 'FULL' }).call('recalculate');
    env.recalculate();
    expect(s.value('C1')).toBe(3000);
  });

  it('a row appended without onEdit changes the fingerprint by itself', async () => {
    const env = await environmentWith(ENGLISH);
    const s = reportSheet(env, ['C-001']);
    s.setValue('C1', '=OPENBALANCE(A2)');
    env.recalculate();
    const inv = env.spreadsheet.sheet('Invoices');
    const next = inv.values().length + 1;
    inv.setValues([['INV-2000', 'C-001', '2026-11-19', '2026-12-19', 600, '', '', '', 'Open', '']], `A${next}`);
    env.recalculate();
    expect(s.value('C1')).toBe(6000);
  });
});

describe('CREDITCHECK amounts and error values on a small file', () => {
  const INV = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'];
  /** C-1: limit 100,000, one invoice of 120,000 not yet due (exposure over the limit). */
  const overLimit = (): Environment => tinyEnvironment({ Invoices: [INV, ['I-1', 'C-1', sh('2026-11-10'), sh('2026-12-10'), 120000]] });

  it('gives #BAD AMOUNT for a negative amount, in every form, never a better verdict than 0', () => {
    const env = overLimit();
    const amounts = [0, -30000, '30,000-', '(30,000)', '30000CR', '¥-1,000', '-0'];
    const s = env.spreadsheet.addSheet('Report', amounts.map((a) => ['C-1', a]));
    s.setValue('C1', `=CREDITCHECK(A1:A${amounts.length}, B1:B${amounts.length})`);
    expect(env.recalculate().errors).toEqual([]);
    expect(column(s.values(`C1:C${amounts.length}`))).toEqual([
      expect.stringMatching(/^BLOCK: /),
      '#BAD AMOUNT -30000', '#BAD AMOUNT 30,000-', '#BAD AMOUNT (30,000)', '#BAD AMOUNT 30000CR', '#BAD AMOUNT ¥-1,000',
      expect.stringMatching(/^BLOCK: /),
    ]);
  });

  it('shows a date cell given as an ID or an amount as its day in the spreadsheet\'s zone', () => {
    const env = overLimit();
    const s = env.spreadsheet.addSheet('Report', [[sh('2026-11-01'), sh('2026-11-01')], ['C-1', sh('2026-11-01')]]);
    s.setValue('C1', '=CREDITCHECK(A1:A2, B1:B2)');
    s.setValue('D1', '=OPENBALANCE(A1)');
    expect(env.recalculate().errors).toEqual([]);
    expect(column(s.values('C1:C2'))).toEqual(['#BAD ID 2026-11-01', '#BAD AMOUNT 2026-11-01']);
    expect(s.value('D1')).toBe('#BAD ID 2026-11-01');
  });
});
