/**
 * The collections log through the built bundle: actions logged from the sidebar (checked on the
 * server, field errors back), the history merged with the reminder emails, and what is due today.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH } from '../helpers/sample';
import { sh, tinyEnvironment } from '../helpers/tiny';

function call<T>(env: Environment, fn: string, ...args: unknown[]): T {
  return env.execution({ authMode: 'FULL' }).call(fn, ...args) as T;
}

function iso(d: unknown): string {
  expect(Object.prototype.toString.call(d)).toBe('[object Date]');
  return new Date((d as Date).getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}

type LogResult = { ok: true; row: number; action: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

describe('logging collection actions from the sidebar', () => {
  it('appends a checked action to the Collections Log, created with its headers; user text stays literal', async () => {
    const env = await environmentWith(ENGLISH);
    const r = call<LogResult>(env, 'logCollectionAction', {
      customerId: 'c-002', type: 'call', summary: '=HYPERLINK("http://evil","click")', outcome: 'Promised to pay Friday',
      nextAction: 'Check the payment', nextActionDate: '2026-11-27',
    });
    expect(r).toMatchObject({ ok: true, row: 2, action: { customerId: 'C-002', type: 'call', typeText: 'Call', owner: 'zhang.min@example.com', loggedBy: 'owner@example.com', date: '2026-11-20' } });
    const sheet = env.spreadsheet.sheet('Collections Log');
    const [header, row] = sheet.values();
    expect(header).toEqual(['Date', 'Customer ID', 'Type', 'Summary', 'Outcome', 'Next Action', 'Next Action Date', 'Owner', 'Logged By']);
    expect(iso(row[0])).toBe('2026-11-20');
    expect(row.slice(1, 6)).toEqual(['C-002', 'Call', '=HYPERLINK("http://evil","click")', 'Promised to pay Friday', 'Check the payment']);
    expect(iso(row[6])).toBe('2026-11-27');
    expect(row.slice(7)).toEqual(['zhang.min@example.com', 'owner@example.com']);
    expect(sheet.cell(2, 4).formula ?? '').toBe('');
  });

  it('returns field errors and writes nothing', async () => {
    const env = await environmentWith(ENGLISH);
    const r = call<LogResult>(env, 'logCollectionAction', { customerId: 'C-002', type: 'call', summary: 'x', nextAction: 'Visit', nextActionDate: '27/11/2026' });
    expect(r).toEqual({ ok: false, errors: { nextActionDate: 'Write the date as YYYY-MM-DD, e.g. 2026-11-20.' } });
    const bad = call<LogResult>(env, 'logCollectionAction', { customerId: 'C-999', type: '', summary: '' });
    expect(bad.ok).toBe(false);
    expect(Object.keys((bad as { errors: object }).errors).sort()).toEqual(['customerId', 'summary', 'type']);
    expect(env.spreadsheet.sheetNames()).not.toContain('Collections Log');
  });

  it('in Chinese for a Chinese user', async () => {
    const env = await environmentWith(ENGLISH, { locale: 'zh_CN' });
    const r = call<LogResult>(env, 'logCollectionAction', { customerId: 'C-002', type: '电话', summary: 'x', nextAction: '上门' });
    expect(r).toEqual({ ok: false, errors: { nextActionDate: '请填写下一步的日期。' } });
  });
});

describe('history and due today', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    call(env, 'runRemindersNow');
    const log = (e: object) => expect(call<LogResult>(env, 'logCollectionAction', e).ok).toBe(true);
    log({ customerId: 'C-002', type: 'call', summary: 'Called AP', date: '2026-11-10', nextAction: 'Call back', nextActionDate: '2026-11-18', owner: 'zhang.min@example.com' });
    log({ customerId: 'C-004', type: 'dispute', summary: 'INV-1010 disputed', date: '2026-11-12', nextAction: 'Send proof of delivery', nextActionDate: '2026-11-20', owner: 'owner@example.com' });
    log({ customerId: 'C-006', type: 'letter', summary: 'Demand letter', date: '2026-11-15', nextAction: 'Legal', nextActionDate: '2026-12-01', owner: 'owner@example.com' });
    log({ customerId: 'C-001', type: 'call', summary: 'x', date: '2026-11-01', nextAction: 'Call', nextActionDate: '2026-11-05' });
    log({ customerId: 'C-001', type: 'note', summary: 'Paid, closed', date: '2026-11-06' });
  });

  it('getDueToday: the active user by default, another owner, or everyone', () => {
    const mine = call<{ owner: string; items: { customerId: string; nextAction: string; daysOverdue: number; openBalance: number }[] }>(env, 'getDueToday');
    expect(mine.owner).toBe('owner@example.com');
    expect(mine.items.map((i) => [i.customerId, i.nextAction, i.daysOverdue, i.openBalance])).toEqual([['C-004', 'Send proof of delivery', 0, 2450000]]);
    const zhang = call<{ items: { customerId: string; daysOverdue: number }[] }>(env, 'getDueToday', 'Zhang.Min@example.com');
    expect(zhang.items.map((i) => [i.customerId, i.daysOverdue])).toEqual([['C-002', 2]]);
    const all = call<{ items: { customerId: string }[] }>(env, 'getDueToday', 'all');
    expect(all.items.map((i) => i.customerId)).toEqual(['C-004', 'C-002']);
  });

  it('showDueToday writes every owner\'s due next actions to the Due Today sheet', () => {
    const r = call<{ sheet: string; count: number }>(env, 'showDueToday');
    expect(r).toMatchObject({ sheet: 'Due Today', count: 2 });
    const v = env.spreadsheet.sheet('Due Today').values();
    expect(v[3]).toEqual(['Owner', 'Next Action Date', 'Days Overdue', 'Customer ID', 'Name', 'Next Action', 'Last Action', 'Last Action Date', 'Summary', 'Open Balance']);
    expect([v[4][0], iso(v[4][1]), ...v[4].slice(2, 7), iso(v[4][7]), v[4][8], v[4][9]]).toEqual(
      ['owner@example.com', '2026-11-20', 0, 'C-004', 'Overlimit Industries', 'Send proof of delivery', 'Dispute', '2026-11-12', 'INV-1010 disputed', 24500]);
    expect(v[5].slice(0, 4)).toEqual(['zhang.min@example.com', expect.any(Date), 2, 'C-002']);
  });

  it("a customer's history merges the logged actions with the reminder emails of the Reminder Log", () => {
    const h = call<{ source: string; type: string; date: string; summary: string }[]>(env, 'getCollectionHistory', 'C-002');
    expect(h.filter((a) => a.source === 'log').map((a) => a.summary)).toEqual(['Called AP']);
    const emails = h.filter((a) => a.source === 'reminders');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((a) => a.type === 'reminder' && a.date === '2026-11-20' && /^Reminder .* emailed/.test(a.summary))).toBe(true);
    // Not written twice: the Collections Log holds only the logged actions.
    expect(env.spreadsheet.sheet('Collections Log').values()).toHaveLength(6);
  });
});

describe('a customer whose ID is written full-width', () => {
  // The reader keys ＫＨ００１ as KH001: logging, the history and the due list find it by that key.
  it('logs an action for it, lists it due with its name and open balance, and shows its history with the reminder emails', () => {
    const env = tinyEnvironment({
      Customers: [['Customer ID', 'Name', 'Email', 'Owner', 'Terms (days)', 'Credit Limit'], ['ＫＨ００１', 'Kaihua Trading', 'ap@kaihua.example.com', 'owner@example.com', 30, 100000]],
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['INV-1', 'ＫＨ００１', sh('2026-09-01'), sh('2026-10-01'), 5000]],
    });
    call(env, 'runRemindersNow');
    const r = call<LogResult>(env, 'logCollectionAction', { customerId: 'ＫＨ００１', type: 'call', summary: 'Called AP', date: '2026-11-18', nextAction: 'Call back', nextActionDate: '2026-11-19' });
    expect(r).toMatchObject({ ok: true, action: { customerId: 'ＫＨ００１' } });
    expect(call<LogResult>(env, 'logCollectionAction', { customerId: 'kh001', type: 'note', summary: 'Earlier note', date: '2026-11-10' }).ok).toBe(true);
    const due = call<{ items: { customerId: string; name: string; openBalance: number; daysOverdue: number }[] }>(env, 'getDueToday', 'all');
    expect(due.items).toEqual([expect.objectContaining({ customerId: 'ＫＨ００１', name: 'Kaihua Trading', openBalance: 500000 })]);
    const h = call<{ source: string; summary: string }[]>(env, 'getCollectionHistory', 'ＫＨ００１');
    expect(h.filter((a) => a.source === 'log').map((a) => a.summary)).toEqual(['Earlier note', 'Called AP']);
    expect(h.some((a) => a.source === 'reminders')).toBe(true);
  });
});
