/**
 * The reviewer's plan defects through the built bundle: one payment no longer keeps two
 * arrangements, and a plan for more than was owed is completed (and reported) once it is all paid.
 */
import type { Environment } from '../../emulator';
import { reminderLogRows, sh, tinyEnvironment } from '../helpers/tiny';

const DAY_MS = 24 * 60 * 60 * 1000;
const INVOICES = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed'];
const PLANS = ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount'];

const call = <T>(env: Environment, fn: string, ...args: unknown[]): T => env.execution({ authMode: 'FULL' }).call(fn, ...args) as T;
type Plans = { plans: { id: string; status: string; received: number; brokenOn: string | null; instalments: { state: string; shortfall: number }[] }[] };
const states = (env: Environment) => call<Plans>(env, 'getPlans', 'C-1').plans.map((p) => [p.id, p.status, p.received, p.brokenOn]);
const logged = (env: Environment) => reminderLogRows(env).filter((r) => r.Key !== '').map((r) => `${r.Key} ${r.State} ${r.Reason}`);

describe('one payment, two promises of one customer', () => {
  // INV-1 and INV-2 of 1,000.00; P-1 on INV-1 and P-2 on INV-2, agreed 11-15, due 11-22; 1,000.00
  // paid on 11-19 naming INV-1.
  const env = tinyEnvironment({
    Invoices: [INVOICES, ['INV-1', 'C-1', sh('2026-08-01'), sh('2026-08-31'), 1000, '', '', '', '', ''], ['INV-2', 'C-1', sh('2026-08-05'), sh('2026-09-04'), 1000, '', '', '', '', '']],
    Payments: [['Payment Date', 'Customer ID', 'Amount', 'Invoice No'], [sh('2026-11-19'), 'C-1', 1000, 'INV-1']],
    Plans: [PLANS, ['P-1', 'C-1', 'Promise', 'INV-1', sh('2026-11-15'), sh('2026-11-22'), 1000], ['P-2', 'C-1', 'Promise', 'INV-2', sh('2026-11-15'), sh('2026-11-22'), 1000]],
  });

  it('on 11-20 only P-1 is kept: INV-2 stays paused for P-2, whose instalment reminder goes', () => {
    expect(states(env)).toEqual([['P-1', 'completed', 100_000, null], ['P-2', 'active', 0, null]]);
    call(env, 'runRemindersNow');
    expect(env.outbox.filter((m) => m.to.includes('ap@alpha')).map((m) => m.subject)).toEqual([
      'Reminder: 1,000.00 CNY due on 2026-11-22 under our agreed promise to pay — Example Co',
    ]);
    expect(logged(env)).toEqual(expect.arrayContaining(['INV-2|+30 skipped plan', 'INV-2|+45 skipped plan', 'PLAN|P-2|2026-11-22 sent ']));
    expect(logged(env).some((l) => l.startsWith('PLAN|P-1|'))).toBe(false);
  });

  it('on 11-23 P-2 is broken: warned once, and the ladder resumes for INV-2', () => {
    env.clock.advance(3 * DAY_MS);
    expect(states(env)).toEqual([['P-1', 'completed', 100_000, null], ['P-2', 'broken', 0, '2026-11-23']]);
    call(env, 'runRemindersNow');
    expect(logged(env)).toEqual(expect.arrayContaining(['PLAN|P-2|BROKEN skipped plan-broken', 'INV-2|+30 sent ', 'INV-2|+45 sent ']));
    expect(logged(env).some((l) => l.startsWith('PLAN|P-1|BROKEN'))).toBe(false);
  });
});

describe('a plan for more than is owed, all paid', () => {
  // INV-1 1,000.00; plan 600 + 600 agreed 10-01; 1,000.00 paid 10-05. As of 11-20.
  const env = tinyEnvironment({
    Invoices: [INVOICES, ['INV-1', 'C-1', sh('2026-08-01'), sh('2026-08-31'), 1000, '', '', '', '', '']],
    Payments: [['Payment Date', 'Customer ID', 'Amount', 'Invoice No'], [sh('2026-10-05'), 'C-1', 1000, 'INV-1']],
    Plans: [PLANS, ['P-1', 'C-1', 'Plan', 'INV-1', sh('2026-10-01'), sh('2026-10-10'), 600], ['P-1', '', '', '', '', sh('2026-10-20'), 600]],
  });

  it('is completed, sends and logs nothing, and costs no score', () => {
    const [p] = call<Plans>(env, 'getPlans', 'C-1').plans;
    expect([p.status, p.brokenOn, p.instalments.map((i) => i.state)]).toEqual(['completed', null, ['kept', 'kept']]);
    call(env, 'runRemindersNow');
    expect(env.outbox.filter((m) => m.to.includes('ap@alpha'))).toEqual([]);
    expect(logged(env)).toEqual([]);
    const card = call<{ factors: { name: string; points: number }[] }>(env, 'getCustomerCard', 'C-1');
    expect(card.factors.find((f) => f.name === 'Broken promises')).toMatchObject({ points: 0 });
  });

  it('is reported in the Problems report on its row', () => {
    call(env, 'showProblems');
    const rows = env.spreadsheet.sheet('Problems').values();
    expect(rows).toContainEqual(expect.arrayContaining(['Plans', 2, 'G', 'Amount',
      'Plan P-1 comes to CN¥1,200.00, more than the CN¥1,000.00 its invoices had open on its Start Date 2026-10-01. It still counts; it is completed once those invoices are paid.']));
  });
});
