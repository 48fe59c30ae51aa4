/**
 * Repayment plans and promises through the built bundle, in the emulator, on the English fixture
 * (as of 2026-11-20 in Shanghai). C-002 (Partial Parts Ltd) owes 7,800.00 on INV-1006, due
 * 2026-10-10 (41 days past due: the +30 final notice is due), and 4,000.00 on INV-1007, due
 * 2026-12-03. Plan P-1, agreed 2026-11-18, covers INV-1006 in two instalments of 3,900.00 on
 * 2026-11-23 and 2026-12-07.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH } from '../helpers/sample';
import { environmentFrom, snapshotWorkbook, type Workbook } from '../helpers/workbook';

const DAY_MS = 24 * 60 * 60 * 1000;
const sh = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

const PLAN_ROWS: unknown[][] = [
  ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount', 'Note'],
  ['P-1', 'C-002', 'Plan', 'INV-1006', sh('2026-11-18'), sh('2026-11-23'), 3900, 'first half'],
  ['P-1', '', '', '', '', sh('2026-12-07'), 3900, 'second half'],
];

function runReminders(env: Environment): { sent: number; skipped: number } {
  return env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number; skipped: number };
}

function logRows(env: Environment): Record<string, unknown>[] {
  const [header, ...rows] = env.spreadsheet.sheet('Reminder Log').values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

const toC002 = (env: Environment) => env.outbox.filter((m) => m.to.includes('finance.partial@example.com'));
const instalmentMails = (env: Environment) => toC002(env).filter((m) => m.subject.startsWith('Reminder: '));
const ladderMails = (env: Environment) => toC002(env).filter((m) => !m.subject.startsWith('Reminder: '));
/** Ladder emails to C-002 with INV-1006 among the lines due (not only under "Other open items"). */
const inv1006Mails = (env: Environment) => ladderMails(env).filter((m) => /^INV-1006 \|/m.test(m.body.split('Other open items')[0]));
const digests = (env: Environment) => env.outbox.filter((m) => m.subject.startsWith('Credit Desk digest'));

let book: Workbook;
beforeAll(async () => {
  const env = await environmentWith(ENGLISH);
  env.spreadsheet.addSheet('Plans', PLAN_ROWS);
  book = snapshotWorkbook(env);
});

describe('a repayment plan in the reminder run', () => {
  it('without the plan, C-002 gets the +30 final notice for INV-1006 today (the baseline)', () => {
    const env = environmentFrom(book.filter((s) => s.name !== 'Plans'));
    runReminders(env);
    expect(inv1006Mails(env)).toHaveLength(1);
  });

  it('during the plan: no ladder email for the covered invoice, the instalment reminder 3 days before, once', () => {
    const env = environmentFrom(book);
    runReminders(env);
    expect(ladderMails(env)).toEqual([]);
    const [mail, ...more] = instalmentMails(env);
    expect(more).toEqual([]);
    expect(mail.subject).toBe('Reminder: 3,900.00 CNY due on 2026-11-23 under our agreed repayment plan — Example Trading Co.');
    expect(mail.cc).toBe('cfo.partial@example.com');
    expect(mail.body).toContain('(P-1)');
    expect(mail.body).toContain('Covered invoices: INV-1006.');
    const rows = logRows(env);
    expect(rows.filter((r) => r.Key === 'INV-1006|+30')).toEqual([expect.objectContaining({ State: 'skipped', Reason: 'plan' })]);
    expect(rows.filter((r) => r.Key === 'PLAN|P-1|2026-11-23').map((r) => r.State)).toEqual(['sent']);
    expect(rows.find((r) => r.Key === 'PLAN|P-1|2026-11-23')).toMatchObject({ Level: 'plan', 'Customer ID': 'C-002' });

    // Again today, tomorrow and on the due date: nothing more to C-002.
    runReminders(env);
    env.clock.advance(DAY_MS);
    runReminders(env);
    env.clock.advance(2 * DAY_MS);
    runReminders(env);
    expect(toC002(env)).toHaveLength(1);
    // the 'plan' skip was said once
    expect(logRows(env).filter((r) => r.Key === 'INV-1006|+30' && r.Reason === 'plan')).toHaveLength(1);
  });

  it('a kept instalment keeps the ladder paused, and the next instalment is reminded 3 days before it', () => {
    const env = environmentFrom(book);
    runReminders(env);
    const payments = env.spreadsheet.sheet('Payments');
    payments.setValues([[sh('2026-11-23'), 'C-002', 3900, '']], `A${payments.values().length + 1}`);
    env.clock.advance(7 * DAY_MS); // 11-27: past the first instalment's grace
    runReminders(env);
    expect(ladderMails(env)).toEqual([]);
    expect(instalmentMails(env)).toHaveLength(1);
    env.clock.advance(7 * DAY_MS); // 12-04: three days before 12-07
    runReminders(env);
    expect(inv1006Mails(env)).toEqual([]); // INV-1007, not covered, is on the ladder as usual
    expect(ladderMails(env).map((m) => m.subject)).toEqual([expect.stringMatching(/^Overdue notice/)]);
    const mails = instalmentMails(env);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toMatch(/3,900\.00 CNY due on 2026-12-07/);
    expect(mails[1].body).toContain('Received since the agreement:');
  });

  it('after a missed instalment: the ladder email goes, and the digest tells of the broken plan, once', () => {
    const env = environmentFrom(book);
    runReminders(env);
    env.clock.advance(7 * DAY_MS); // 11-27: 11-23 + 3 days of grace have passed without cash
    const before = env.outbox.length;
    runReminders(env);
    const fresh = env.outbox.slice(before);
    const ladder = fresh.filter((m) => m.to.includes('finance.partial@example.com'));
    expect(ladder).toHaveLength(1);
    expect(ladder[0].subject).toMatch(/^Final notice/i);
    expect(ladder[0].body).toMatch(/^INV-1006 \| 2026-09-10 \| 2026-10-10 \|/m);
    const digest = fresh.find((m) => m.subject.startsWith('Credit Desk digest'))!;
    // told by the risk watch list (brokenSince over the run's picture) in the digest
    expect(digest.body).toMatch(/Partial Parts Ltd \(C-002\).*2026-11-23.*P-1/);
    const rows = logRows(env);
    expect(rows.filter((r) => r.Key === 'INV-1006|+30').map((r) => r.State)).toEqual(['skipped', 'sent']);
    expect(rows.filter((r) => r.Key === 'PLAN|P-1|BROKEN')).toEqual([expect.objectContaining({ State: 'skipped', Reason: 'plan-broken' })]);

    env.clock.advance(DAY_MS);
    const told = digests(env).length;
    runReminders(env);
    // The next day tells nothing new of P-1 (and a run with nothing to tell sends no digest).
    expect(digests(env).slice(told).filter((m) => m.body.includes('P-1'))).toEqual([]);
  });

  it('the Plan Status report and the sidebar call show each instalment’s computed state, a broken promise included', () => {
    const env = environmentFrom(book);
    env.spreadsheet.sheet('Plans').setValues([['PR-9', 'C-004', 'Promise', '', sh('2026-11-01'), sh('2026-11-15'), 5000, 'by phone']], 'A4');
    const x = env.execution({ authMode: 'FULL' });
    const result = x.call('showPlanStatus') as { sheet: string; rows: number; plans: number };
    expect(result).toMatchObject({ sheet: 'Plan Status', rows: 3, plans: 2 });
    const v = env.spreadsheet.sheet('Plan Status').values();
    expect(v[2]).toEqual(['Plan ID', 'Customer ID', 'Customer', 'Type', 'Invoices', 'Start Date', 'Due Date', 'Amount', 'Due So Far', 'Received Since Start', 'Instalment', 'Plan', 'Note', 'Row']);
    // Customers-sheet order: C-002 before C-004
    expect(v.slice(3).map((r) => [r[0], r[1], r[3], r[7], r[10], r[11]])).toEqual([
      ['P-1', 'C-002', 'Plan', 3900, 'upcoming', 'active'],
      ['P-1', 'C-002', 'Plan', 3900, 'upcoming', 'active'],
      ['PR-9', 'C-004', 'Promise', 5000, 'missed', 'broken'],
    ]);
    expect(v[5][4]).toMatch(/^all invoices open at the start: /);
    // The user's Plans sheet is untouched.
    expect(env.spreadsheet.sheet('Plans').values()[0]).toEqual(PLAN_ROWS[0]);

    const plans = x.call('getPlans', 'c-004') as { customerId: string; asOf: string; plans: { id: string; status: string; brokenOn: string; instalments: { dueDate: string; state: string; amount: number }[] }[] };
    expect(plans).toMatchObject({ customerId: 'C-004', asOf: '2026-11-20' });
    expect(plans.plans).toEqual([expect.objectContaining({ id: 'PR-9', status: 'broken', brokenOn: '2026-11-16', instalments: [expect.objectContaining({ dueDate: '2026-11-15', state: 'missed', amount: 500_000 })] })]);
    expect(x.call('getPlans', 'NOPE')).toBeNull();
  });
});

describe('a broken promise counts the same everywhere', () => {
  it('lowers CREDITSCORE in a cell, the Credit Scores report and the sidebar card alike', () => {
    // A promise to pay 7,800.00 by 2026-11-10 that was not kept: broken on 2026-11-11.
    const broken = [PLAN_ROWS[0], ['PR-1', 'C-002', 'Promise', 'INV-1006', sh('2026-11-01'), sh('2026-11-10'), 7800, '']];
    const score = (env: Environment) => env.execution({ customFunction: true }).call('CREDITSCORE', 'C-002') as number;
    const without = environmentFrom(book.filter((s) => s.name !== 'Plans'));
    const withPromise = environmentFrom([...book.filter((s) => s.name !== 'Plans'), { name: 'Plans', rows: broken }]);
    const before = score(without);
    const after = score(withPromise);
    expect(after).toBeLessThan(before);
    const card = withPromise.execution({ authMode: 'FULL' }).call('getCustomerCard', 'C-002') as { score: number; factors: { name: string; points: number; detail: string }[] };
    expect(card.score).toBe(after);
    expect(card.factors.find((f) => f.name === 'Broken promises')).toMatchObject({ points: -5 });
    withPromise.execution({ authMode: 'FULL' }).call('showCreditScores');
    const rows = withPromise.spreadsheet.sheet('Credit Scores').values();
    expect(rows.find((r) => r[1] === 'C-002')?.[2]).toBe(after);
  });
});

describe('the preview', () => {
  it('lists the instalment reminder beside the ladder emails, and sends nothing', () => {
    const env = environmentFrom(book);
    env.clock.set(new Date('2026-11-20T09:00:00+08:00'));
    const panel = env.execution({ authMode: 'FULL' }).call('getReminderPanel') as { emails: { customerId: string; level: string; subject: string }[] };
    const instalment = panel.emails.filter((e) => e.customerId === 'C-002' && e.level.startsWith('Instalment'));
    expect(instalment).toHaveLength(1);
    expect(instalment[0].subject.startsWith('Reminder: ')).toBe(true);
    expect(env.outbox).toHaveLength(0);
  });
});
