/**
 * The logs and hidden stores the add-on writes (src/sheets/logSheet.ts), through the built bundle:
 * a Reminder Log with a person's own column keeps that column byte for byte, the add-on writing
 * State, Reason and new lines under their own headers; a user's own sheet named like a log or a
 * store ("Audit Log", "Reminder Log", "_CreditDesk_Snapshot", "_CreditDesk_Forecasts") is never
 * written to, the add-on's rows going to a suffixed sheet that later runs find again.
 */
import type { Environment } from '../../emulator';
import { sh, tinyEnvironment } from '../helpers/tiny';

const H = ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'My Follow-up', 'State', 'Reason', 'Recipients', 'Subject'];
const INVOICES = [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['I-9', 'C-1', sh('2026-10-01'), sh('2026-10-31'), 1000]];

function call(env: Environment, name: string, ...args: unknown[]): unknown {
  return env.execution({ authMode: 'FULL' }).call(name, ...args);
}

/** A sheet's rows as objects by its header row. */
function rowsOf(env: Environment, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = env.spreadsheet.sheet(sheet).values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const column = (env: Environment, sheet: string, col: number): unknown[] => env.spreadsheet.sheet(sheet).values().map((r) => r[col]);

describe('a Reminder Log with a column of the user before State', () => {
  const log = (): unknown[][] => [
    H,
    [sh('2026-11-19'), 'R1', 'I-1|+1', 'I-1', 'C-1', '+1', 'Called Mr Li, promised Friday', 'pending', '', 'ap@alpha.example.com', 'Overdue'],
    [sh('2026-11-19'), 'R1', 'I-2|+1', 'I-2', 'C-1', '+1', 'Sent by post too', 'sent', '', 'ap@alpha.example.com', 'Overdue'],
  ];

  it('a reminder run and confirmUnknown write State, Reason and new lines under their headers; the column is unchanged', () => {
    const env = tinyEnvironment({ Invoices: INVOICES, 'Reminder Log': log() });
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 1 });
    expect(env.spreadsheet.sheetNames().filter((n) => /reminder log/i.test(n))).toEqual(['Reminder Log']);
    const mine = column(env, 'Reminder Log', 6);
    expect(mine.slice(0, 3)).toEqual(['My Follow-up', 'Called Mr Li, promised Friday', 'Sent by post too']);
    expect(mine.slice(3).every((c) => c === '')).toBe(true);
    const rows = rowsOf(env, 'Reminder Log');
    expect(rows[0]).toMatchObject({ Key: 'I-1|+1', State: 'unknown', Reason: 'stopped-before-outcome', Subject: 'Overdue' });
    expect(rows[1]).toMatchObject({ Key: 'I-2|+1', State: 'sent', Reason: '' });
    const sent = rows.find((r) => r.State === 'sent' && r.Key !== 'I-2|+1')!;
    expect(sent).toMatchObject({ Key: 'I-9|+15', 'Invoice No': 'I-9', 'Customer ID': 'C-1', Level: '+15', Reason: '', Recipients: 'ap@alpha.example.com' });
    expect(String(sent.Subject)).toContain('overdue');
    expect(rows.find((r) => r.State === 'run')).toMatchObject({ Key: '', 'My Follow-up': '' });

    expect(call(env, 'confirmUnknown', 'I-1|+1', 'sent')).toEqual({ ok: true });
    expect(rowsOf(env, 'Reminder Log')[0]).toMatchObject({ 'My Follow-up': 'Called Mr Li, promised Friday', State: 'sent', Reason: 'confirmed-sent' });
    expect(column(env, 'Reminder Log', 6)).toEqual(mine);
    // Read by header: the next run sends nothing again.
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 0 });
  });

  it('a column between State and Reason is left alone too (confirmUnknown)', () => {
    const h = ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Checked', 'Reason', 'Recipients', 'Subject'];
    const env = tinyEnvironment({ 'Reminder Log': [h, [sh('2026-11-19'), 'R1', 'I-1|+1', 'I-1', 'C-1', '+1', 'unknown', 'yes, by Li', 'stopped-before-outcome', 'a@b.example.com', 'Overdue']] });
    call(env, 'confirmUnknown', 'I-1|+1', 'not-sent');
    expect(env.spreadsheet.sheet('Reminder Log').values()[1].slice(6)).toEqual(['failed', 'yes, by Li', 'confirmed-not-sent', 'a@b.example.com', 'Overdue']);
  });

  it('a statement run: the pending line goes unknown and the statement line lands under the headers', () => {
    const stmt = log();
    stmt[1].splice(2, 1, 'STMT|C-1|2026-10');
    stmt[1].splice(5, 1, 'statement');
    const env = tinyEnvironment({ Invoices: INVOICES, 'Reminder Log': stmt }, { now: new Date('2026-12-01T09:00:00+08:00') });
    expect(call(env, 'runMonthlyStatements')).toMatchObject({ sent: 1 });
    const mine = column(env, 'Reminder Log', 6);
    expect(mine.slice(0, 3)).toEqual(['My Follow-up', 'Called Mr Li, promised Friday', 'Sent by post too']);
    expect(mine.slice(3).every((c) => c === '')).toBe(true);
    const rows = rowsOf(env, 'Reminder Log');
    expect(rows[0]).toMatchObject({ State: 'unknown', Reason: 'stopped-before-outcome' });
    const sent = rows.slice(2).filter((r) => r.Level === 'statement');
    expect(sent).toEqual([expect.objectContaining({ 'Customer ID': 'C-1', State: 'sent', Reason: '', Recipients: 'ap@alpha.example.com', 'My Follow-up': '' })]);
    expect(String(sent[0].Key)).toMatch(/^STMT\|C-1\|2026-11/);
  });
});

describe("user sheets named like the add-on's logs and stores", () => {
  const USER = [['My own data', 'keep'], ['row2', 'pending'], ['x', 'y']];
  const NAMES = ['Audit Log', 'Reminder Log', '_CreditDesk_Snapshot', '_CreditDesk_Forecasts'];
  let env: Environment;

  beforeAll(() => {
    env = tinyEnvironment({
      Invoices: INVOICES,
      Orders: [['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check'], ['SO-1', 'C-1', sh('2026-11-20'), 200000, 'Pending', ''], ['SO-2', 'C-1', sh('2026-11-20'), 210000, 'Pending', '']],
      Settings: [['Setting', 'Value'], ['Base Currency', 'CNY'], ['Company Name', 'Example Co'], ['Credit Manager', 'credit@example.com'], ['Approvers', 'owner@example.com']],
      ...Object.fromEntries(NAMES.map((n) => [n, USER.map((r) => [...r])])),
    });
    expect(call(env, 'overrideBlock', 'C-1', '200000', 'ok', 'SO-1')).toMatchObject({ ok: true });
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 1 });
    call(env, 'showCashForecast');
  });

  it('are left as they were; the rows go to suffixed sheets', () => {
    for (const n of NAMES) expect(env.spreadsheet.sheet(n).values()).toEqual(USER);
    expect(rowsOf(env, 'Audit Log (Credit Desk)')).toEqual([expect.objectContaining({ 'Customer ID': 'C-1', 'Order No': 'SO-1', Reason: 'ok' })]);
    expect(rowsOf(env, 'Reminder Log (Credit Desk)').filter((r) => r.State === 'sent')).toEqual([expect.objectContaining({ Key: 'I-9|+15' })]);
    expect(env.spreadsheet.sheet('_CreditDesk_Snapshot (Credit Desk)').values()[0][0]).toBe('Key');
    expect(env.spreadsheet.sheet('_CreditDesk_Snapshot (Credit Desk)').hidden).toBe(true);
    expect(env.spreadsheet.sheet('_CreditDesk_Forecasts (Credit Desk)').values()[0][0]).toBe('Made On');
  });

  it('a second run finds the suffixed sheets again (no third sheet; nothing sent twice)', () => {
    const before = env.spreadsheet.sheetNames().length;
    env.clock.advance(24 * 3600e3);
    expect(call(env, 'overrideBlock', 'C-1', '210000', 'ok again', 'SO-2')).toMatchObject({ ok: true });
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 0 });
    call(env, 'showCashForecast');
    expect(env.spreadsheet.sheetNames()).toHaveLength(before);
    expect(env.spreadsheet.sheetNames().filter((n) => /Credit Desk 2/.test(n))).toEqual([]);
    for (const n of NAMES) expect(env.spreadsheet.sheet(n).values()).toEqual(USER);
    expect(rowsOf(env, 'Audit Log (Credit Desk)').map((r) => r['Order No'])).toEqual(['SO-1', 'SO-2']);
    expect(env.spreadsheet.sheet('_CreditDesk_Snapshot (Credit Desk)').values()[0][0]).toBe('Key');
  });

  it("the sidebar's history reads the suffixed Reminder Log", () => {
    const history = call(env, 'getCollectionHistory', 'C-1') as { source: string }[];
    expect(history.filter((a) => a.source === 'reminders').length).toBeGreaterThan(0);
  });
});

describe("the add-on's own logs (the ordinary case)", () => {
  it('are created under their plain names, appended to in order, and reused', () => {
    const env = tinyEnvironment({ Invoices: INVOICES });
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 1 });
    env.clock.advance(24 * 3600e3);
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 0 });
    const names = env.spreadsheet.sheetNames();
    expect(names.filter((n) => /Reminder Log|_CreditDesk_/.test(n))).toEqual(['Reminder Log', '_CreditDesk_Snapshot', '_CreditDesk_Forecasts']);
    const values = env.spreadsheet.sheet('Reminder Log').values();
    expect(values[0]).toEqual(['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject']);
    expect(values.find((r) => r[6] === 'sent')!.slice(2, 6)).toEqual(['I-9|+15', 'I-9', 'C-1', '+15']);
  });

  it('an empty sheet with the plain name is claimed', () => {
    const env = tinyEnvironment({ Invoices: INVOICES, 'Reminder Log': [] });
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 1 });
    expect(env.spreadsheet.sheetNames().filter((n) => /Reminder Log/.test(n))).toEqual(['Reminder Log']);
    expect(env.spreadsheet.sheet('Reminder Log').values()[0][2]).toBe('Key');
  });

  it('a Chinese log is found and kept', () => {
    const zh = ['时间', '运行', '键', '发票号', '客户编号', '级别', '状态', '原因', '收件人', '主题'];
    const env = tinyEnvironment({ Invoices: INVOICES, 催收记录: [zh, [sh('2026-11-19'), 'R1', 'I-9|+15', 'I-9', 'C-1', '+15', 'sent', '', 'ap@alpha.example.com', 'x']] });
    expect(call(env, 'runRemindersNow')).toMatchObject({ sent: 0 });
    expect(env.spreadsheet.sheetNames().filter((n) => /Reminder Log|催收记录/.test(n))).toEqual(['催收记录']);
    expect(env.spreadsheet.sheet('催收记录').values().slice(-1)[0][6]).toBe('run');
  });
});
