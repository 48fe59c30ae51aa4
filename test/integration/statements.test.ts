/**
 * Statements of account through the built bundle in the emulator: the Statement sheet (hand-computed
 * figures from the English fixture's table), the sidebar JSON, the email (escaped), and the monthly
 * send exactly once — run twice, killed at every service call and run again, out of quota.
 */
import type { Environment } from '../../emulator';
import { readCreditFile } from '../../src/core/read';
import { statements } from '../../src/core/statement';
import { dayOf } from '../../src/core/calendar';
import { CHINESE, environmentWith, ENGLISH, SAMPLE } from '../helpers/sample';
import { environmentFrom, snapshotWorkbook, type Workbook } from '../helpers/workbook';
import { sh, tinyEnvironment } from '../helpers/tiny';

const DEC_1 = new Date('2026-12-01T09:00:00+08:00');

/** The calendar date of a Date cell in Shanghai. */
function iso(d: unknown): string {
  expect(Object.prototype.toString.call(d)).toBe('[object Date]');
  return new Date((d as Date).getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}

function call<T>(env: Environment, fn: string, ...args: unknown[]): T {
  return env.execution({ authMode: 'FULL' }).call(fn, ...args) as T;
}

function select(env: Environment, sheet: string, row: number): void {
  env.spreadsheet.activeSheetId = env.spreadsheet.sheet(sheet).id;
  env.spreadsheet.activeRange = { row, col: 2, numRows: 1, numCols: 1 };
}

function logRows(env: Environment): Record<string, unknown>[] {
  if (!env.spreadsheet.sheetNames().includes('Reminder Log')) return [];
  const [header, ...rows] = env.spreadsheet.sheet('Reminder Log').values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Statement emails in the outbox, by customer ID (read from the log's recipients → customer). */
function statementMails(env: Environment) {
  return env.outbox.filter((m) => /^Statement of account|^对账单/.test(String(m.subject)));
}

describe('the Statement sheet and the sidebar JSON (English fixture, today 2026-11-20)', () => {
  it('showStatement for the selected row writes C-002 for October: 15,000 − 6,000 − 1,200 = 7,800', async () => {
    const env = await environmentWith(ENGLISH);
    select(env, 'Invoices', 2); // INV-1019, customer C-002
    const r = call<{ customerId: string; from: string; to: string; closing: number }>(env, 'showStatement');
    expect(r).toMatchObject({ customerId: 'C-002', from: '2026-10-01', to: '2026-10-31', closing: 780000 });
    const v = env.spreadsheet.sheet('Statement').values();
    expect(v[0][0]).toBe('Statement of account — Example Trading Co.');
    expect(v[1].slice(0, 3)).toEqual(['Customer', 'C-002', 'Partial Parts Ltd']);
    expect([iso(v[2][1]), iso(v[2][3])]).toEqual(['2026-10-01', '2026-10-31']);
    expect(v[4][0]).toBe('Opening balance');
    expect(v[4][6]).toBe(15000);
    expect(v[6]).toEqual(['Date', 'Type', 'Reference', 'Due Date', 'Charges', 'Credits', 'Balance']);
    expect([iso(v[7][0]), ...v[7].slice(1)]).toEqual(['2026-10-12', 'Payment', 'INV-1006', '', '', 6000, 9000]);
    expect([iso(v[8][0]), ...v[8].slice(1)]).toEqual(['2026-10-25', 'Credit note', 'CN-1001', '', '', 1200, 7800]);
    expect(v[9][0]).toBe('Closing balance');
    expect(v[9][6]).toBe(7800);
    expect(v[11][0]).toBe('Aging at');
    expect(iso(v[11][1])).toBe('2026-10-31');
    expect(v[12]).toEqual(['Current', '1-30', '31-60', '61-90', '91+', 'Total open', 'Unapplied credit']);
    expect(v[13]).toEqual([0, 7800, 0, 0, 0, 7800, 0]);
    const sheet = env.spreadsheet.sheet('Statement');
    expect(sheet.cell(8, 7).numberFormat).toBe('#,##0.00');
    expect(sheet.cell(8, 1).numberFormat).toBe('yyyy-mm-dd');
  });

  it('in Chinese on the Chinese fixture (the same books): the 对账单 sheet, the same figures', async () => {
    const env = await environmentWith(CHINESE, { locale: 'zh_CN' });
    const r = call<{ sheet: string; closing: number }>(env, 'getStatement', 'C-002', '', '');
    expect(r).toMatchObject({ closing: 780000 });
    expect(call<{ lines: { kindText: string }[] }>(env, 'getStatement', 'C-002', '', '').lines.map((l) => l.kindText)).toEqual(['收款', '红字发票/折让']);
    const sheetName = env.spreadsheet.sheetNames().find((n) => /客户/.test(n))!;
    const row = env.spreadsheet.sheet(sheetName).values().findIndex((v) => v.some((c) => String(c).trim().toUpperCase() === 'C-002'));
    select(env, sheetName, row + 1);
    expect(call<{ sheet: string; closing: number }>(env, 'showStatement')).toMatchObject({ sheet: '对账单', closing: 780000 });
    const v = env.spreadsheet.sheet('对账单').values();
    expect(v[4][0]).toBe('期初余额');
    expect(v[6]).toEqual(['日期', '类型', '单号', '到期日', '应收增加', '应收减少', '余额']);
    // The aging at the period's end: Current is 未到期 on the Chinese sheet …
    expect(v[12].slice(0, 5)).toEqual(['未到期', '1-30', '31-60', '61-90', '91+']);
    expect(v[12][6]).toBe('未核销款项');
    expect(v[13].slice(0, 5)).toEqual([0, 7800, 0, 0, 0]);
    // … while the custom functions keep the contract's labels in the same Chinese file.
    const due = env.spreadsheet.addSheet('Due', [['2026-12-25'], ['2026-10-09']]);
    due.setValue('B1', '=AGINGBUCKET(A1:A2, "2026-11-20")');
    expect(env.recalculate().errors).toEqual([]);
    expect(due.values('B1:B2')).toEqual([['Current'], ['31-60']]);
  });

  it('showStatement with no customer in the selection says so and writes nothing', async () => {
    const env = await environmentWith(ENGLISH);
    select(env, 'Settings', 2);
    expect(call(env, 'showStatement')).toBeNull();
    expect(env.spreadsheet.sheetNames()).not.toContain('Statement');
  });

  it('getStatement since the first invoice closes at OPENBALANCE (11,800) with every line', async () => {
    const env = await environmentWith(ENGLISH);
    const s = call<{ opening: number; closing: number; lines: { date: string; kind: string; reference: string; debit: number; credit: number; balance: number }[]; aging: { buckets: number[] } }>(
      env, 'getStatement', 'c-002', '2026-06-01', '2026-11-20');
    expect(s.opening).toBe(0);
    expect(s.lines.map((l) => [l.date, l.kind, l.reference, l.debit / 100, l.credit / 100, l.balance / 100])).toEqual([
      ['2026-06-01', 'invoice', 'INV-1019', 10000, 0, 10000],
      ['2026-07-21', 'payment', 'INV-1019', 0, 10000, 0],
      ['2026-09-10', 'invoice', 'INV-1006', 15000, 0, 15000],
      ['2026-10-12', 'payment', 'INV-1006', 0, 6000, 9000],
      ['2026-10-25', 'credit-note', 'CN-1001', 0, 1200, 7800],
      ['2026-11-03', 'invoice', 'INV-1007', 4000, 0, 11800],
    ]);
    expect(s.closing).toBe(1180000);
    expect(s.aging.buckets).toEqual([400000, 0, 780000, 0, 0]);
    // Blank dates: the last full month.
    expect(call<{ from: string; to: string }>(env, 'getStatement', 'C-002', null, null)).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(() => call(env, 'getStatement', 'C-002', '2026-11-30', '2026-11-01')).toThrow(/period/);
    expect(() => call(env, 'getStatement', 'NOPE', '', '')).toThrow(/No customer/);
  });
});

describe('the statement email', () => {
  it('is escaped HTML with a plain-text part, to the Email and CC addresses, and logged sent', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.sheet('Customers').setValue('B3', '<b>x</b>');
    env.spreadsheet.sheet('Invoices').setValue('A11', '<img src=x onerror=alert(1)>');
    const r = call<{ status: string; key: string }>(env, 'emailStatement', 'C-002', '2026-09-01', '2026-10-31');
    expect(r.status).toBe('sent');
    expect(r.key).toMatch(/^STMT\|C-002\|2026-09-01\.\.2026-10-31\|M/);
    expect(env.outbox).toHaveLength(1);
    const m = env.outbox[0];
    expect(m.to).toBe('finance.partial@example.com');
    expect(m.cc).toBe('cfo.partial@example.com');
    expect(m.htmlBody).not.toContain('<b>x</b>');
    expect(m.htmlBody).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(m.htmlBody).not.toContain('<img');
    expect(m.htmlBody).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(m.body).toContain('Dear <b>x</b>,');
    expect(m.body).toContain('9,000.00 CNY');
    expect(m.body).toContain('7,800.00 CNY');
    expect(m.subject).toBe('Statement of account 2026-09-01 to 2026-10-31 — Example Trading Co.');
    const rows = logRows(env);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Key: r.key, 'Customer ID': 'C-002', Level: 'statement', State: 'sent' });
  });

  it('a customer without a valid address gets nothing', async () => {
    const env = await environmentWith(ENGLISH);
    env.spreadsheet.sheet('Customers').setValue('C3', 'not an address');
    const r = call<{ status: string }>(env, 'emailStatement', 'C-002', '', '');
    expect(r.status).toBe('no-email');
    expect(env.outbox).toHaveLength(0);
  });
});

// ---------------------------------------------------------------- the monthly send

let english: Workbook;
beforeAll(async () => {
  english = snapshotWorkbook(await environmentWith(ENGLISH));
});

/** Customers whose November closing balance is not zero, from the core on the same sheets. */
function expectedNovember(env: Environment): string[] {
  const sheets = env.spreadsheet.sheetNames().map((name) => ({ name, values: env.spreadsheet.sheet(name).values() as never }));
  const file = readCreditFile(sheets, { timeZone: 'Asia/Shanghai' });
  const all = statements(file, file.customers.map((c) => c.key), dayOf(2026, 11, 1), dayOf(2026, 11, 30));
  return file.customers.filter((c) => all.get(c.key)!.closing !== 0 && c.emails.length > 0).map((c) => c.id).sort();
}

/** Customer ID of each statement email, from the log's sent lines (one line per email). */
function sentCustomers(env: Environment): string[] {
  return logRows(env).filter((r) => r.Level === 'statement' && r.State === 'sent').map((r) => String(r['Customer ID'])).sort();
}

function monthly(env: Environment, opts: Parameters<Environment['execution']>[0] = {}): { status: string; sent: number } | 'killed' {
  try {
    return env.execution({ authMode: 'FULL', ...opts }).call('runMonthlyStatements') as { status: string; sent: number };
  } catch (e) {
    if ((e as Error).name === 'ExecutionKilled' || /kill/i.test(String((e as Error).message))) return 'killed';
    throw e;
  }
}

describe('the monthly statements (2026-12-01: November)', () => {
  it('English fixture: every customer with a balance once; the second run sends nothing', () => {
    const env = environmentFrom(english, { now: DEC_1 });
    const first = monthly(env);
    expect(first).toMatchObject({ status: 'done', sent: 5 });
    expect(sentCustomers(env)).toEqual(['C-001', 'C-002', 'C-003', 'C-004', 'C-006']);
    expect(sentCustomers(env)).toEqual(expectedNovember(env));
    expect(statementMails(env)).toHaveLength(5);
    const c3 = statementMails(env).find((m) => m.to.includes('ap.overpay'))!;
    expect(c3.body).toContain('-800.00 CNY');
    expect(monthly(env)).toMatchObject({ status: 'done', sent: 0 });
    env.clock.advance(24 * 3600e3); // 12-02, still in the catch-up week
    expect(monthly(env)).toMatchObject({ sent: 0 });
    expect(statementMails(env)).toHaveLength(5);
    expect(logRows(env).filter((r) => r.State === 'pending')).toEqual([]);
  });

  it('sample credit file: once per customer, twice run', async () => {
    const env = await environmentWith(SAMPLE, { now: DEC_1, mailQuota: 1000 });
    const first = monthly(env) as { sent: number };
    const expected = expectedNovember(env);
    expect(first.sent).toBe(expected.length);
    expect(first.sent).toBeGreaterThan(10);
    expect(sentCustomers(env)).toEqual(expected);
    expect(monthly(env)).toMatchObject({ sent: 0 });
    expect(statementMails(env)).toHaveLength(expected.length);
  });

  it('only in the week from the Statement Day (Settings), which defaults to the 1st', () => {
    const late = environmentFrom(english, { now: new Date('2026-12-08T09:00:00+08:00') });
    expect(monthly(late)).toMatchObject({ status: 'not-today', sent: 0 });
    expect(late.outbox).toHaveLength(0);
    const catchUp = environmentFrom(english, { now: new Date('2026-12-07T09:00:00+08:00') });
    expect(monthly(catchUp)).toMatchObject({ status: 'done', sent: 5 });
    const fifth = environmentFrom(english, { now: DEC_1 });
    const settings = fifth.spreadsheet.sheet('Settings');
    settings.setValues([['Statement Day', 5]], `A${settings.values().length + 1}`);
    expect(monthly(fifth)).toMatchObject({ status: 'not-today' });
    fifth.clock.set(new Date('2026-12-05T09:00:00+08:00'));
    expect(monthly(fifth)).toMatchObject({ status: 'done', sent: 5 });
  });

  it('catches up across a month end: Statement Day 28 still sends on the six days after it, for the month before', () => {
    const env = environmentFrom(english, { now: new Date('2026-12-02T09:00:00+08:00') });
    const settings = env.spreadsheet.sheet('Settings');
    settings.setValues([['Statement Day', 28]], `A${settings.values().length + 1}`);
    // 28 November's run did not happen: on 2 December October's statements are still due.
    expect(monthly(env)).toMatchObject({ status: 'done', month: '2026-10' });
    env.clock.set(new Date('2026-12-05T09:00:00+08:00')); // 7 days after the 28th: too late
    expect(monthly(env)).toMatchObject({ status: 'not-today', sent: 0 });
    env.clock.set(new Date('2026-12-28T09:00:00+08:00')); // November's, on its own Statement Day
    expect(monthly(env)).toMatchObject({ status: 'done', month: '2026-11' });
  });

  it('a whole month emailed on demand counts: the monthly send does not repeat it', () => {
    const env = environmentFrom(english, { now: DEC_1 });
    expect(call<{ status: string }>(env, 'emailStatement', 'C-002', '2026-11-01', '2026-11-30').status).toBe('sent');
    expect(monthly(env)).toMatchObject({ sent: 4 });
    expect(statementMails(env).filter((m) => m.to === 'finance.partial@example.com')).toHaveLength(1);
  });

  it('out of quota: stops cleanly, logs the rest, carries on the next day, never twice', () => {
    const env = environmentFrom(english, { now: DEC_1, mailQuota: 3 });
    const first = monthly(env) as { status: string; sent: number };
    expect(first.status).toBe('quota');
    expect(first.sent).toBeGreaterThan(0);
    expect(logRows(env).some((r) => r.State === 'skipped' && r.Reason === 'quota')).toBe(true);
    for (let day = 0; day < 4; day++) {
      env.clock.advance(24 * 3600e3);
      monthly(env);
    }
    expect(sentCustomers(env)).toEqual(['C-001', 'C-002', 'C-003', 'C-004', 'C-006']);
    expect(statementMails(env)).toHaveLength(5);
  });

  it('killed at every service call and run again: never two statements to one customer for one month', () => {
    const clean = environmentFrom(english, { now: DEC_1 });
    const x = clean.execution({ authMode: 'FULL' });
    x.call('runMonthlyStatements');
    const calls = x.callCount;
    expect(calls).toBeGreaterThan(20);
    let killedRuns = 0;
    for (let k = 1; k <= calls; k++) {
      const env = environmentFrom(english, { now: DEC_1 });
      if (monthly(env, { killAtCall: k }) === 'killed') killedRuns++;
      env.clock.advance(3600e3);
      monthly(env);
      env.clock.advance(3600e3);
      monthly(env);
      const mails = statementMails(env);
      const recipients = mails.map((m) => m.to);
      expect(new Set(recipients).size).toBe(recipients.length); // one email per customer at most
      // Every customer with a balance got it, or has a line saying its outcome is unknown.
      const rows = logRows(env);
      const unknown = rows.filter((r) => r.State === 'unknown').map((r) => String(r['Customer ID']));
      expect([...new Set([...sentCustomers(env), ...unknown])].sort()).toEqual(['C-001', 'C-002', 'C-003', 'C-004', 'C-006']);
      expect(mails.length).toBeGreaterThanOrEqual(5 - unknown.length);
      expect(rows.filter((r) => r.State === 'pending')).toEqual([]);
    }
    expect(killedRuns).toBe(calls);
  });
});

describe('a month sent before customer IDs were folded', () => {
  // Until IDs were folded, ＫＨ００１'s key was ＫＨ００１: its statement lines in the Reminder Log
  // say STMT|ＫＨ００１|2026-11. The run keys it KH001 now and must still see the month as sent.
  it('is not sent again: the logged key reads as today\'s', () => {
    const env = tinyEnvironment({
      Customers: [['Customer ID', 'Name', 'Email', 'Terms (days)', 'Credit Limit'], ['ＫＨ００１', 'Kaihua', 'ap@kaihua.example.com', 30, 100000], ['KH–002', 'Kaihe', 'ap@kaihe.example.com', 30, 100000], ['C-3', 'Gamma', 'ap@gamma.example.com', 30, 100000]],
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['INV-1', 'ＫＨ００１', sh('2026-11-05'), sh('2026-12-05'), 5000], ['INV-2', 'KH–002', sh('2026-11-05'), sh('2026-12-05'), 6000], ['INV-3', 'C-3', sh('2026-11-05'), sh('2026-12-05'), 7000]],
    }, { now: DEC_1 });
    env.spreadsheet.addSheet('Reminder Log', [
      ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject'],
      [DEC_1, 'S-old', 'STMT|ＫＨ００１|2026-11', '', 'ＫＨ００１', 'statement', 'sent', '', 'ap@kaihua.example.com', 'Statement of account'],
      [DEC_1, 'M-old', 'STMT|KH–002|2026-11|M20261201T010000', '', 'KH–002', 'statement', 'sent', '', 'ap@kaihe.example.com', 'Statement of account'],
    ]);
    expect(monthly(env)).toMatchObject({ status: 'done', sent: 1 });
    expect(statementMails(env).map((m) => m.to)).toEqual(['ap@gamma.example.com']);
    expect(monthly(env)).toMatchObject({ sent: 0 });
  });
});
