/**
 * The sidebar's server functions through the built bundle in the emulator, on the English fixture
 * (as of 2026-11-20; the figures are the table at the top of examples/generate.ts englishFixture()).
 */
import { createEnvironment, type Environment } from '../../emulator';
import { benchCreditFile } from '../../examples/generate';
import type { CustomerCard, Dashboard, FieldErrors, SettingsView } from '../../src/sidebar/api';
import { ENGLISH, environmentWith, SAMPLE_NOW } from '../helpers/sample';

const XSS = '<img src=x onerror="window.__xss=1">';

const call = <T>(env: Environment, fn: string, ...args: unknown[]): T => {
  // Across google.script.run arguments and results are JSON.
  const json = JSON.parse(JSON.stringify(args)) as unknown[];
  const out = env.execution().call(fn, ...json);
  const text = JSON.stringify(out);
  expect(JSON.parse(text)).toEqual(out); // JSON-safe: no Map, no Date, no undefined
  return out as T;
};

/** Every sheet's values, as text, by sheet and A1-ish address. */
function cells(env: Environment): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of env.spreadsheet.sheetNames()) {
    env.spreadsheet.sheet(name).values().forEach((row, r) => row.forEach((v, c) => {
      if (v !== '') out.set(`${name}!R${r + 1}C${c + 1}`, v instanceof Date ? `date:${v.toISOString()}` : String(v));
    }));
  }
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

function select(env: Environment, sheet: string, row: number, col = 1): void {
  env.spreadsheet.activeSheetId = env.spreadsheet.sheet(sheet).id;
  env.spreadsheet.activeRange = { row, col, numRows: 1, numCols: 1 };
}

describe('sidebar server on the English fixture', () => {
  let env: Environment;
  beforeEach(async () => {
    env = await environmentWith(ENGLISH);
  });

  it('getDashboard: receivable, overdue, aging, DSO, the riskiest, schedule, approver', () => {
    const d = call<Dashboard>(env, 'getDashboard');
    // The owner may edit Settings, but only an approver listed in Settings (boss@) may override a BLOCK.
    expect(d).toMatchObject({ language: 'en', locale: 'en-US', currency: 'CNY', asOf: '2026-11-20', problemCount: 0, isApprover: true, canOverride: false });
    // Open invoices: C-001 5,400 + C-002 11,800 + C-004 24,500 + C-006 12,500.
    expect(d.receivable).toEqual({ minor: 5_420_000, currency: 'CNY' });
    // Past due: C-002 7,800; C-004 9,000 (disputed) + 8,000; C-006 5,000 + 4,500 + 3,000.
    expect(d.overdue.minor).toBe(3_730_000);
    expect(d.overdueShare).toBeCloseTo(37_300 / 54_200, 4);
    expect(d.aging.labels).toEqual(['Current', '1-30', '31-60', '61-90', '91+']);
    expect(d.aging.amounts).toEqual([1_690_000, 1_100_000, 1_680_000, 450_000, 500_000]);
    expect(typeof d.dso).toBe('number');
    expect(d.dso).toBeGreaterThan(0);
    // BLOCK first (C-006 on hold, C-004 over limit), then the lowest score; only customers with something open.
    expect(d.riskiest.map((r) => r.id)).toEqual(['C-006', 'C-004', 'C-002', 'C-001']);
    expect(d.riskiest[1]).toMatchObject({ exposure: { minor: 2_650_000 }, limit: { minor: 2_000_000 } });
    expect(d.riskiest[0].maxDaysPastDue).toBe(93);
    expect(d.schedule).toMatchObject({ installed: false, timeZone: 'Asia/Shanghai' });
  });

  it('getDashboard speaks the user locale and gives the spreadsheet locale as BCP 47', async () => {
    const zh = await environmentWith(ENGLISH, { locale: 'zh_CN' });
    zh.spreadsheet.locale = 'zh_CN';
    const d = call<Dashboard>(zh, 'getDashboard');
    expect(d.locale).toBe('zh-CN');
  });

  it('getCustomerCard by ID: figures, factors, invoices, payments; unknown ID gives null', () => {
    const c = call<CustomerCard>(env, 'getCustomerCard', 'c-002 ');
    expect(c).toMatchObject({ id: 'C-002', name: 'Partial Parts Ltd', onHold: false, remindersPausedUntil: null });
    expect(c.aging.amounts).toEqual([400_000, 0, 780_000, 0, 0]);
    expect(c.exposure.minor).toBe(1_680_000);
    expect(c.limit?.minor).toBe(4_000_000);
    expect(c.available?.minor).toBe(2_320_000);
    expect(c.utilisation).toBeCloseTo(0.42, 4);
    expect(c.invoices.map((i) => i.no)).toEqual(['INV-1007', 'INV-1006', 'INV-1019']);
    expect(c.invoices[1]).toMatchObject({ open: { minor: 780_000 }, daysPastDue: 41, status: 'Overdue' });
    expect(c.payments.map((p) => [p.date, p.invoiceNo])).toEqual([['2026-10-12', 'INV-1006'], ['2026-07-21', 'INV-1019']]);
    expect(c.factors.map((f) => f.name)).toContain('Payment timeliness');
    const sum = c.factors.reduce((s, f) => s + f.points, 0);
    expect(Math.abs(sum - c.score)).toBeLessThanOrEqual(1);
    for (const f of c.factors) expect(f.detail).toMatch(/\.$/);
    expect(call(env, 'getCustomerCard', 'C-999')).toBeNull();

    const held = call<CustomerCard>(env, 'getCustomerCard', 'C-006');
    expect(held.onHold).toBe(true);
    expect(held.aging.amounts).toEqual([0, 300_000, 0, 450_000, 500_000]);
    const cash = call<CustomerCard>(env, 'getCustomerCard', 'C-003');
    expect(cash.limit).toBeNull();
    expect(cash.utilisation).toBeNull();
    expect(cash.available).toBeNull();
  });

  it('getCustomerCard(null) follows the selected row of any sheet with a Customer ID column', () => {
    // Invoices row 7 is INV-1010 of C-004.
    select(env, 'Invoices', 7, 3);
    expect(call<CustomerCard>(env, 'getCustomerCard', null).id).toBe('C-004');
    select(env, 'Customers', 3);
    expect(call<CustomerCard>(env, 'getCustomerCard', null).id).toBe('C-002');
    select(env, 'Orders', 5);
    expect(call<CustomerCard>(env, 'getCustomerCard', null).id).toBe('C-005');
    // A sheet of the user's own with a Customer ID column.
    env.spreadsheet.addSheet('Call list', [['Note', 'Cust ID'], ['ring Friday', 'C-001']]);
    select(env, 'Call list', 2);
    expect(call<CustomerCard>(env, 'getCustomerCard', null).id).toBe('C-001');
    // The header row, and a sheet without the column: no customer.
    select(env, 'Invoices', 1);
    expect(call(env, 'getCustomerCard', null)).toBeNull();
    select(env, 'Settings', 3);
    expect(call(env, 'getCustomerCard', null)).toBeNull();

    // Constant calls: the selection costs the same on a long sheet.
    select(env, 'Invoices', 20);
    env.calls.reset();
    call(env, 'getCustomerCard', null);
    expect(env.calls['Range.getValues']).toBeLessThanOrEqual(2 + 6);
  });

  it("getCustomerCard shows this customer's Reminder Log lines", () => {
    env.spreadsheet.addSheet('Reminder Log', [
      ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject'],
      [new Date('2026-11-01T01:00:00Z'), 'r1', 'INV-1006|+15', 'INV-1006', 'C-002', "'+15", 'sent', '', 'a@example.com', 'Second notice'],
      [new Date('2026-11-02T01:00:00Z'), 'r2', 'INV-1010|+30', 'INV-1010', 'C-004', "'+30", 'skipped', 'disputed', '', ''],
      [new Date('2026-11-10T01:00:00Z'), 'r3', 'INV-1006|+30', 'INV-1006', 'c-002', "'+30", 'skipped', 'paused', '', ''],
    ]);
    const c = call<CustomerCard>(env, 'getCustomerCard', 'C-002');
    expect(c.reminders.map((r) => [r.invoiceNo, r.level, r.state])).toEqual([['INV-1006', '+30', 'skipped'], ['INV-1006', '+15', 'sent']]);
    expect(c.reminders[0].reason).toMatch(/paused/i);
    expect(c.reminders[1].time).toBe('2026-11-01T01:00:00.000Z');
  });

  it("getCustomerCard gives every Reminder Log reason in the user's language, old logs' English texts included", async () => {
    const rows = [
      ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject'],
      [new Date('2026-11-01T01:00:00Z'), 'r1', 'INV-1006|-3', 'INV-1006', 'C-002', "'-3", 'skipped', 'missed', '', 'Level passed before it could be sent; a higher level is due reached +30'],
      [new Date('2026-11-02T01:00:00Z'), 'r2', 'INV-1006|+1', 'INV-1006', 'C-002', "'+1", 'sent', 'confirmed sent', 'a@example.com', 'Overdue notice'],
      [new Date('2026-11-03T01:00:00Z'), 'r3', 'INV-1006|+15', 'INV-1006', 'C-002', "'+15", 'failed', 'confirmed not-sent', 'a@example.com', 'Second notice'],
      [new Date('2026-11-04T01:00:00Z'), 'r4', 'INV-1006|+30', 'INV-1006', 'C-002', "'+30", 'sent', 'confirmed-sent', 'a@example.com', 'Final notice'],
      [new Date('2026-11-05T01:00:00Z'), 'r5', 'INV-1007|+1', 'INV-1007', 'C-002', "'+1", 'failed', 'confirmed-not-sent', 'a@example.com', 'Overdue notice'],
      [new Date('2026-11-06T01:00:00Z'), 'r6', 'INV-1007|+15', 'INV-1007', 'C-002', "'+15", 'unknown', 'stopped-before-outcome', 'a@example.com', 'Second notice'],
      [new Date('2026-11-07T01:00:00Z'), 'r7', 'INV-1007|+30', 'INV-1007', 'C-002', "'+30", 'failed', 'Invalid email: a@', 'a@', 'Final notice'],
    ];
    const reasons = async (locale: string) => {
      const e = await environmentWith(ENGLISH, { locale });
      e.spreadsheet.addSheet('Reminder Log', rows);
      return call<CustomerCard>(e, 'getCustomerCard', 'C-002').reminders.map((r) => r.reason).reverse();
    };
    expect(await reasons('zh_CN')).toEqual([
      '该级别已错过，已有更高级别到期', '已确认发送', '已确认未发送', '已确认发送', '已确认未发送', '运行在发送结果确定前中断', 'Invalid email: a@',
    ]);
    expect(await reasons('en_US')).toEqual([
      'Level passed before it could be sent; a higher level is due', 'Confirmed sent', 'Confirmed not sent', 'Confirmed sent', 'Confirmed not sent',
      'The run stopped before the outcome of the send was known', 'Invalid email: a@',
    ]);
  });

  it('a confirmation made in the sidebar shows on the customer card in Chinese', async () => {
    const zh = await environmentWith(ENGLISH, { locale: 'zh_CN' });
    zh.spreadsheet.addSheet('Reminder Log', [
      ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject'],
      [new Date('2026-11-19T01:00:00Z'), 'r1', 'INV-1006|+30', 'INV-1006', 'C-002', "'+30", 'unknown', 'stopped-before-outcome', 'a@example.com', 'Final notice'],
    ]);
    call(zh, 'confirmUnknown', 'INV-1006|+30', 'sent');
    expect(zh.spreadsheet.sheet('Reminder Log').values()[1].slice(6, 8)).toEqual(['sent', 'confirmed-sent']);
    expect(call<CustomerCard>(zh, 'getCustomerCard', 'C-002').reminders.map((r) => r.reason)).toEqual(['已确认发送']);
  });

  it('setCustomerFlags writes exactly the two cells and nothing else, in at most two writes', () => {
    const before = cells(env);
    env.calls.reset();
    expect(call(env, 'setCustomerFlags', 'C-002', true, '2026-12-31')).toEqual({ ok: true });
    expect(env.calls['Range.setValues'] ?? 0).toBeLessThanOrEqual(2);
    expect(env.calls['Range.getValues']).toBe(2); // Customers and Settings, one read each
    const diff = changed(before, cells(env));
    expect(diff).toEqual(['Customers!R3C10', 'Customers!R3C9']);
    expect(env.spreadsheet.sheet('Customers').value('I3')).toBe('Yes');
    const c = call<CustomerCard>(env, 'getCustomerCard', 'C-002');
    expect(c.onHold).toBe(true);
    expect(c.remindersPausedUntil).toBe('2026-12-31');

    // Clearing both.
    expect(call(env, 'setCustomerFlags', 'C-002', false, null)).toEqual({ ok: true });
    expect(changed(before, cells(env))).toEqual(['Customers!R3C9']); // "No" where it was blank
    expect(env.spreadsheet.sheet('Customers').value('I3')).toBe('No');
    expect(call<CustomerCard>(env, 'getCustomerCard', 'C-002')).toMatchObject({ onHold: false, remindersPausedUntil: null });
  });

  it('setCustomerFlags adds a missing column at the end of the header row', () => {
    const sheet = env.spreadsheet.sheet('Customers');
    sheet.setValue('J1', ''); // no Reminders Paused Until column
    const before = cells(env);
    env.calls.reset();
    expect(call(env, 'setCustomerFlags', 'C-004', false, '2027-01-15')).toEqual({ ok: true });
    expect(env.calls['Range.setValues']).toBe(1);
    expect(changed(before, cells(env))).toEqual(['Customers!R1C13', 'Customers!R5C13']);
    expect(sheet.value('M1')).toBe('Reminders Paused Until');
    expect(call<CustomerCard>(env, 'getCustomerCard', 'C-004').remindersPausedUntil).toBe('2027-01-15');
  });

  it('setCustomerFlags returns FieldErrors for bad input and changes nothing', () => {
    const before = cells(env);
    const bad = (args: unknown[]): FieldErrors => call<FieldErrors>(env, 'setCustomerFlags', ...args);
    expect(bad(['C-002', false, '2026-02-30']).errors).toHaveProperty('remindersPausedUntil');
    expect(bad(['C-002', false, '31/12/2026']).errors).toHaveProperty('remindersPausedUntil');
    expect(bad(['C-002', false, '2026-11-19']).errors.remindersPausedUntil).toMatch(/today or later/);
    expect(bad(['C-999', true, null]).errors['']).toMatch(/C-999/);
    expect(bad(['C-002', 'yes', null]).errors).toHaveProperty('onHold');
    expect(changed(before, cells(env))).toEqual([]);
  });

  it('a non-approver may pause reminders but not change On Hold or Settings', async () => {
    const clerk = await environmentWith(ENGLISH, { activeUser: 'clerk@example.com' });
    expect(call<Dashboard>(clerk, 'getDashboard')).toMatchObject({ isApprover: false, canOverride: false });
    const before = cells(clerk);
    const r = call<FieldErrors>(clerk, 'setCustomerFlags', 'C-002', true, null);
    expect(r.ok).toBe(false);
    expect(r.errors.onHold).toMatch(/approver/);
    expect(call(clerk, 'setCustomerFlags', 'C-006', true, '2026-12-01')).toEqual({ ok: true }); // hold unchanged
    expect(changed(before, cells(clerk))).toEqual(['Customers!R7C10']);
    const s = call<SettingsView>(clerk, 'getSettings');
    const refused = call<FieldErrors>(clerk, 'saveSettings', { ...s, warnRatio: 0.8 });
    expect(refused).toEqual({ ok: false, errors: { '': expect.stringMatching(/approver/) } });
    // An approver listed in Settings may.
    const boss = await environmentWith(ENGLISH, { activeUser: 'boss@example.com' });
    expect(call<Dashboard>(boss, 'getDashboard')).toMatchObject({ isApprover: true, canOverride: true });
    expect(call(boss, 'setCustomerFlags', 'C-002', true, null)).toEqual({ ok: true });
  });

  it('round-trips Settings and the ladder, writing only the managed value cells', () => {
    const s = call<SettingsView>(env, 'getSettings');
    expect(s).toMatchObject({ agingEdges: [30, 60, 90], holdThresholdDays: 60, warnRatio: 0.9, approvers: ['boss@example.com'], gradeCutoffs: { A: 80, B: 60, C: 40 } });
    expect(Object.keys(s.scoreWeights)).toEqual(['timeliness', 'delinquency', 'utilisation', 'relationship', 'disputes', 'externalRating']);
    expect(s.ladder.map((l) => l.days)).toEqual([-3, 1, 15, 30, 45]);

    const before = cells(env);
    const next: SettingsView = {
      ...s,
      scoreWeights: { ...s.scoreWeights, timeliness: 2 },
      approvers: ['boss@example.com', 'li.wei@example.com'],
      ladder: s.ladder.map((l, i) => (i === 1 ? { ...l, days: 2, name: 'Overdue notice (2 days)', minOpen: 10_000 } : l)),
    };
    env.calls.reset();
    expect(call(env, 'saveSettings', next)).toEqual({ ok: true });
    expect(env.calls['Range.setValues']).toBeLessThanOrEqual(5);
    const back = call<SettingsView>(env, 'getSettings');
    expect(back).toEqual(next);

    // Settings: the rows that were there keep their keys and values, but Approvers; the managed keys it lacked are appended.
    const diff = changed(before, cells(env)).filter((k) => k.startsWith('Settings!'));
    const rowsBefore = env.spreadsheet.sheet('Settings').values().length;
    expect(diff).toContain('Settings!R5C2');
    for (const k of diff) {
      const row = Number(/R(\d+)/.exec(k)![1]);
      expect(row === 5 || row === 7 || row > 7).toBe(true); // Approvers, Hold Threshold, appended rows
    }
    expect(rowsBefore).toBe(7 + 11); // aging edges, warn ratio, six weights, three cut-offs appended below row 7
    expect(env.spreadsheet.sheet('Settings').value('A8')).toBe('Aging Edges');
    expect(env.spreadsheet.sheet('Settings').value('B10')).toBe(2); // Weight Timeliness
    expect(env.spreadsheet.sheet('Reminder Ladder').value('C3')).toBe('Overdue notice (2 days)');
    expect(env.spreadsheet.sheet('Reminder Ladder').value('D3')).toBe(100);
    // The credit file still reads: the new weight changes C-002's score.
    expect(call<Dashboard>(env, 'getDashboard').problemCount).toBe(0);

    // A second save rewrites the same cells in place: no more rows.
    expect(call(env, 'saveSettings', { ...next, warnRatio: 0.85, ladder: next.ladder.slice(0, 3) })).toEqual({ ok: true });
    expect(env.spreadsheet.sheet('Settings').values().length).toBe(rowsBefore);
    const third = call<SettingsView>(env, 'getSettings');
    expect(third.warnRatio).toBe(0.85);
    expect(third.ladder.map((l) => l.days)).toEqual([-3, 2, 15]);
  });

  it("saveSettings keeps a user's column beside the Reminder Ladder byte for byte", () => {
    expect(call(env, 'saveSettings', call<SettingsView>(env, 'getSettings'))).toEqual({ ok: true }); // creates the ladder sheet
    const ladder = env.spreadsheet.sheet('Reminder Ladder');
    expect(ladder.values()[0]).toEqual(['Days', 'Audience', 'Name', 'Min Amount', 'Subject (EN)', 'Body (EN)', 'Subject (ZH)', 'Body (ZH)']);
    ladder.setValues([['Notes'], ['call first'], ['=UPPER("x")'], [42], ["'00123"], ['last level']], 'I1');
    const notes = ladder.values('I1:I6');
    const formulas = ladder.formulas('I1:I6');
    const before = cells(env);
    const s = call<SettingsView>(env, 'getSettings');
    expect(s.ladder.map((l) => l.days)).toEqual([-3, 1, 15, 30, 45]);
    env.calls.reset();
    expect(call(env, 'saveSettings', s)).toEqual({ ok: true }); // nothing changed
    expect(env.calls['Range.setValues']).toBe(2 + 1); // Settings: Approvers, then Hold Threshold and the keys below it; the ladder: one
    expect(changed(before, cells(env))).toEqual([]);
    expect(ladder.values('I1:I6')).toEqual(notes);
    expect(ladder.formulas('I1:I6')).toEqual(formulas);
    expect(ladder.value('I5')).toBe('00123');

    // A shorter ladder clears only the ladder's cells of the levels it dropped; the notes stay and read as no level.
    expect(call(env, 'saveSettings', { ...s, ladder: s.ladder.slice(0, 3) })).toEqual({ ok: true });
    expect(ladder.values('A5:H6').flat().every((v) => v === '')).toBe(true);
    expect(ladder.values('I1:I6')).toEqual(notes);
    expect(ladder.formulas('I1:I6')).toEqual(formulas);
    expect(call<SettingsView>(env, 'getSettings').ladder.map((l) => l.days)).toEqual([-3, 1, 15]);
  });

  it("saveSettings keeps a user's columns between the ladder's and adds a missing ladder column after every used column", () => {
    env.spreadsheet.addSheet('Reminder Ladder', [
      ['Days', 'Audience', 'Name', 'Notes', 'Min Amount', 'Subject (EN)', 'Body (EN)', 'Subject (ZH)', '', 'Owner'],
      [-3, 'Customer', 'Courtesy', 'ring them', 0, 'Due soon', 'Hello', '即将到期', '', 'li'],
      [1, 'Customer', 'Overdue', '=UPPER("y")', 0, 'Overdue', 'Please pay', '逾期', 'under a blank header', 'wang'],
      [15, 'Internal', 'Escalate', 42, 100, 'Escalation', 'Look', '升级', '', ''],
    ]);
    const ladder = env.spreadsheet.sheet('Reminder Ladder');
    const theirs = (): unknown[] => [ladder.values('D1:D4'), ladder.formulas('D1:D4'), ladder.values('I1:J4')];
    const kept = theirs();
    const s = call<SettingsView>(env, 'getSettings');
    expect(s.ladder.map((l) => [l.days, l.name])).toEqual([[-3, 'Courtesy'], [1, 'Overdue'], [15, 'Escalate']]);
    expect(s.ladder.map((l) => l.subjectZh)).toEqual(['即将到期', '逾期', '升级']); // "Subject (ZH)" is not read as "Subject"
    env.calls.reset();
    expect(call(env, 'saveSettings', { ...s, ladder: s.ladder.map((l, i) => (i === 1 ? { ...l, name: 'Overdue (1 day)' } : l)) })).toEqual({ ok: true });
    // Settings: Approvers, Hold Threshold and the appended keys; the ladder: A:C, E:H and the added K.
    expect(env.calls['Range.setValues']).toBe(3 + 3);
    expect(theirs()).toEqual(kept);
    expect(ladder.value('C3')).toBe('Overdue (1 day)');
    expect(ladder.value('K1')).toBe('Body (ZH)'); // after Owner (J) and the unheaded I
    expect(ladder.values('K2:K4').every(([v]) => typeof v === 'string' && v !== '')).toBe(true);
    expect(ladder.values()[0]).toHaveLength(11);
    const back = call<SettingsView>(env, 'getSettings');
    expect(back.ladder.map((l) => [l.days, l.name])).toEqual([[-3, 'Courtesy'], [1, 'Overdue (1 day)'], [15, 'Escalate']]);
    // Saved again: the same columns, nothing added.
    expect(call(env, 'saveSettings', back)).toEqual({ ok: true });
    expect(ladder.values()[0]).toHaveLength(11);
    expect(theirs()).toEqual(kept);
  });

  describe('saveSettings writes each ladder level back into the row it came from', () => {
    const HEADER = ['Days', 'Audience', 'Name', 'Min Amount', 'Subject (EN)', 'Body (EN)', 'Subject (ZH)', 'Body (ZH)', 'Notes'];
    const level = (days: number | string, name: string, note: unknown = ''): unknown[] =>
      [days, 'Customer', name, 0, `Subject ${name}`, `Body ${name}`, `主题 ${name}`, `正文 ${name}`, note];
    const ladderCells = (): Map<string, string> => new Map([...cells(env)].filter(([k]) => k.startsWith('Reminder Ladder!')));
    const ladderWrites = (settingsWrites: number): number => env.calls['Range.setValues'] - settingsWrites;

    it('keeps a draft level the reader rejects byte for byte, and a second save changes nothing', () => {
      env.spreadsheet.addSheet('Reminder Ladder', [
        HEADER,
        level(-3, 'Courtesy', 'first'),
        level(1, 'Overdue'),
        ['TBD', 'Customer', 'Second reminder (draft)', '=10*10', 'Still writing', 'Dear {{customer_name}}, I am still writing this', '', '', 'ask the boss'],
        level(15, 'Escalate'),
      ]);
      const sheet = env.spreadsheet.sheet('Reminder Ladder');
      const before = ladderCells();
      const formulas = sheet.formulas();
      const s = call<SettingsView>(env, 'getSettings');
      expect(s.ladder.map((l) => l.days)).toEqual([-3, 1, 15]);
      env.calls.reset();
      expect(call(env, 'saveSettings', s)).toEqual({ ok: true });
      expect(ladderWrites(3)).toBe(2); // rows 2-3 and row 5: the draft's row 4 is not written
      expect(changed(before, ladderCells())).toEqual([]);
      expect(sheet.formulas()).toEqual(formulas);
      expect(sheet.formulas('D4')).toEqual([['=10*10']]);

      // An edit writes its own cells only; saved again, nothing changes.
      expect(call(env, 'saveSettings', { ...s, ladder: s.ladder.map((l, i) => (i === 2 ? { ...l, name: 'Escalate now' } : l)) })).toEqual({ ok: true });
      expect(changed(before, ladderCells())).toEqual(['Reminder Ladder!R5C3']);
      const after = ladderCells();
      expect(call(env, 'saveSettings', call<SettingsView>(env, 'getSettings'))).toEqual({ ok: true });
      expect(changed(after, ladderCells())).toEqual([]);
      expect(sheet.formulas()).toEqual(formulas);
    });

    it("keeps a user's notes beside their levels when the rows are out of order, through edits, deletes and additions", () => {
      env.spreadsheet.addSheet('Reminder Ladder', [
        HEADER,
        level(15, 'Second notice', 'note for +15'),
        level(1, 'Overdue', 'note for +1'),
        level(30, 'Final', 'note for +30'),
        ['', '', '', '', '', '', '', '', ''],
        ['', '', '', '', '', '', '', '', 'kept below'],
      ]);
      const sheet = env.spreadsheet.sheet('Reminder Ladder');
      const rowsOf = (): unknown[][] => sheet.values('A2:I7').map((r) => [r[0], r[2], r[8]]);
      const before = ladderCells();
      const s = call<SettingsView>(env, 'getSettings');
      expect(s.ladder.map((l) => l.days)).toEqual([1, 15, 30]);

      // Unchanged: every level stays in its row, beside its note.
      env.calls.reset();
      expect(call(env, 'saveSettings', s)).toEqual({ ok: true });
      expect(ladderWrites(3)).toBe(1);
      expect(changed(before, ladderCells())).toEqual([]);

      // An edited Days stays in its row.
      const edited = { ...s, ladder: s.ladder.map((l) => (l.days === 15 ? { ...l, days: 20 } : l)) };
      expect(call(env, 'saveSettings', edited)).toEqual({ ok: true });
      expect(changed(before, ladderCells())).toEqual(['Reminder Ladder!R2C1']);
      expect(rowsOf().slice(0, 3)).toEqual([[20, 'Second notice', 'note for +15'], [1, 'Overdue', 'note for +1'], [30, 'Final', 'note for +30']]);

      // A deleted level clears only its ladder cells.
      const deleted = { ...edited, ladder: edited.ladder.filter((l) => l.days !== 30) };
      expect(call(env, 'saveSettings', deleted)).toEqual({ ok: true });
      expect(sheet.values('A4:H4').flat().every((v) => v === '')).toBe(true);
      expect(sheet.value('I4')).toBe('note for +30');
      expect(rowsOf().slice(0, 2)).toEqual([[20, 'Second notice', 'note for +15'], [1, 'Overdue', 'note for +1']]);

      // An added level goes below the last used row (row 6, a note only).
      const added = { ...deleted, ladder: [...deleted.ladder, { ...deleted.ladder[1], days: 60, name: 'Last call' }] };
      expect(call(env, 'saveSettings', added)).toEqual({ ok: true });
      expect(rowsOf()).toEqual([
        [20, 'Second notice', 'note for +15'], [1, 'Overdue', 'note for +1'], ['', '', 'note for +30'], ['', '', ''], ['', '', 'kept below'], [60, 'Last call', ''],
      ]);
      const back = call<SettingsView>(env, 'getSettings');
      expect(back.ladder).toEqual(added.ladder);

      // Saved again: nothing changes.
      const after = ladderCells();
      expect(call(env, 'saveSettings', back)).toEqual({ ok: true });
      expect(changed(after, ladderCells())).toEqual([]);
    });

    it('writes only the levels\' rows when rows it does not own lie between them (one write per block, bounded by the levels)', () => {
      env.spreadsheet.addSheet('Reminder Ladder', [
        HEADER,
        level(-3, 'Courtesy'),
        ['TBD', 'Customer', 'Draft', '=1+1', '', '', '', '', ''],
        level(1, 'Overdue'),
        ['', '', '', '', '', '', '', '', 'a note between'],
        level(15, 'Second'),
        ['TBD', '', "'00123", '=UPPER("x")', '', '', '', '', ''],
        level(30, 'Final'),
        ['+later', 'Internal', 'Owner call', '', '', '', '', '', ''],
        level(45, 'Escalate'),
        [7, 'nobody', 'Bad audience', '', '', '', '', '', ''],
        level(60, 'Legal'),
      ]);
      const sheet = env.spreadsheet.sheet('Reminder Ladder');
      const before = ladderCells();
      const formulas = sheet.formulas();
      const s = call<SettingsView>(env, 'getSettings');
      expect(s.ladder.map((l) => l.days)).toEqual([-3, 1, 15, 30, 45, 60]);
      env.calls.reset();
      expect(call(env, 'saveSettings', s)).toEqual({ ok: true });
      expect(ladderWrites(3)).toBe(6); // six blocks of one row: one write each (at most the ladder's 20 levels)
      expect(changed(before, ladderCells())).toEqual([]);
      expect(sheet.formulas()).toEqual(formulas);
      expect(sheet.value('C7')).toBe('00123');

      expect(call(env, 'saveSettings', { ...s, ladder: s.ladder.slice(0, 5).map((l, i) => (i === 3 ? { ...l, name: 'Final notice' } : l)) })).toEqual({ ok: true });
      expect(changed(before, ladderCells()).filter((k) => !/R12C[1-8]$/.test(k))).toEqual(['Reminder Ladder!R8C3']);
      expect(sheet.values('A12:H12').flat().every((v) => v === '')).toBe(true);
      expect(sheet.formulas('A1:I12')).toEqual(formulas);
      expect(sheet.value('C7')).toBe('00123');
    });
  });

  it('saveSettings returns FieldErrors keyed by field path and writes nothing', () => {
    const s = call<SettingsView>(env, 'getSettings');
    const before = cells(env);
    const bad: SettingsView = {
      ...s,
      agingEdges: [30, 20],
      scoreWeights: { ...s.scoreWeights, disputes: 6 },
      gradeCutoffs: { A: 60, B: 70, C: 40 },
      holdThresholdDays: 0,
      warnRatio: 1.5,
      approvers: ['boss@example.com', 'not an email'],
      ladder: s.ladder.map((l, i) => (i === 2 ? { ...l, days: 1 } : i === 3 ? { ...l, audience: 'nobody' as 'customer', subjectEn: 'two\nlines' } : l)),
    };
    const r = call<FieldErrors>(env, 'saveSettings', bad);
    expect(r.ok).toBe(false);
    // Every field on its own, and the rules between fields on the fields that passed: one bad field hides no other error.
    expect(Object.keys(r.errors).sort()).toEqual([
      'agingEdges', 'approvers', 'gradeCutoffs.B', 'holdThresholdDays', 'ladder.2.days', 'ladder.3.audience', 'ladder.3.subjectEn',
      'scoreWeights.disputes', 'warnRatio',
    ]);
    expect(r.errors['ladder.2.days']).toMatch(/more than the level above \(1\)/);
    expect(r.errors.approvers).toMatch(/not an email/);
    expect(r.errors.warnRatio).toMatch(/at most 1/);
    expect(call<FieldErrors>(env, 'saveSettings', { ...s, ladder: [] }).errors).toHaveProperty('ladder');
    expect(call<FieldErrors>(env, 'saveSettings', { ...s, gradeCutoffs: { A: 80, B: 60, C: 60 } }).errors).toEqual({ 'gradeCutoffs.C': expect.any(String) });
    // A weight left out is an error, not a reset to 1.
    const { disputes: _left, ...fewer } = s.scoreWeights;
    expect(call<FieldErrors>(env, 'saveSettings', { ...s, scoreWeights: fewer }).errors).toEqual({ 'scoreWeights.disputes': expect.stringMatching(/weight from 0 to 5/) });
    expect(changed(before, cells(env))).toEqual([]);
  });

  it('previewTemplate renders sample data and escapes a hostile name and markup', () => {
    const s = call<SettingsView>(env, 'getSettings');
    const level = { ...s.ladder[2], name: XSS, bodyEn: 'Dear {{customer_name}},\n\n<script>alert(1)</script> {{level}}\n\n{{invoice_table}}\n\nTotal {{total_due}}', subjectEn: 'Notice {{level}} — {{company}}' };
    const p = call<{ subject: string; htmlBody: string }>(env, 'previewTemplate', level, 'en');
    expect(p.subject).toBe(`Notice ${XSS} — Example Trading Co.`); // plain text: the sidebar shows it as text
    expect(p.htmlBody).not.toMatch(/<img|<script/i);
    expect(p.htmlBody).toContain('&#60;img src=x onerror=&#34;window.__xss=1&#34;&#62;');
    expect(p.htmlBody).toContain('Sample Trading Ltd');
    expect(p.htmlBody).toContain('INV-0001');
    const zh = call<{ subject: string; htmlBody: string }>(env, 'previewTemplate', s.ladder[1], 'zh');
    expect(zh.htmlBody).toContain('示例贸易有限公司');
    expect(zh.subject).not.toMatch(/\{\{/);
  });
});

describe('sidebar server calls do not grow with the credit file', () => {
  function environment(invoices: number): Environment {
    const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: SAMPLE_NOW, owner: 'owner@example.com' });
    const book = benchCreditFile({ customers: 50, invoices, payments: Math.round(invoices * 0.8), orders: 20 });
    for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
    return env;
  }
  function counts(env: Environment, fn: string, ...args: unknown[]): Record<string, number> {
    env.calls.reset();
    env.execution().call(fn, ...args);
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(env.calls)) if (typeof v === 'number') out[k] = v;
    return out;
  }

  it('the same service calls at 10 and at 10,000 invoices', () => {
    const small = environment(10);
    const large = environment(10_000);
    for (const env of [small, large]) {
      env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Invoices').id;
      env.spreadsheet.activeRange = { row: 6, col: 1, numRows: 1, numCols: 1 };
    }
    const measured: Record<string, [Record<string, number>, Record<string, number>]> = {};
    for (const [fn, args] of [['getDashboard', []], ['getCustomerCard', [null]], ['getCustomerCard', ['C-00001']], ['getSettings', []], ['setCustomerFlags', ['C-00002', false, '2026-12-31']]] as [string, unknown[]][]) {
      const a = counts(small, fn, ...args);
      const b = counts(large, fn, ...args);
      measured[`${fn}(${JSON.stringify(args).slice(1, -1)})`] = [a, b];
      expect(b).toEqual(a);
    }
    const total = (c: Record<string, number>): number => Object.values(c).reduce((s, n) => s + n, 0);
    // eslint-disable-next-line no-console
    console.log(Object.entries(measured).map(([k, [a]]) => `${k}: ${total(a)} calls ${JSON.stringify(a)}`).join('\n'));
  });
});
