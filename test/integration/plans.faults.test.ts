/**
 * Fault injection on a reminder run that sends an instalment reminder (the sibling of
 * reminders.faults.test.ts): the English fixture with plan P-1 of C-002 (see plans.test.ts), whose
 * first instalment (2026-11-23) is reminded on 2026-11-20. The run is killed at each service call
 * in turn, overlapped by a second run, and starved of quota at each call; then run twice more.
 * Over all of it: the instalment reminder is never emailed twice, nor any ladder line; a reminder
 * not sent has a log line saying why; the covered invoice never gets a ladder email while the plan
 * is kept; an unknown outcome is never resent.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH } from '../helpers/sample';
import { DAY_MS, killAtEachCall, logStates, overlapAtEachCall, quotaOutAtEachCall, runReminders, sentKeys as sentAll } from '../helpers/faults';
import { environmentFrom, snapshotWorkbook, type Workbook } from '../helpers/workbook';

const sh = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

/** As in plans.test.ts: C-002's plan P-1 over INV-1006, agreed 2026-11-18. */
const PLAN_ROWS: unknown[][] = [
  ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount', 'Note'],
  ['P-1', 'C-002', 'Plan', 'INV-1006', sh('2026-11-18'), sh('2026-11-23'), 3900, 'first half'],
  ['P-1', '', '', '', '', sh('2026-12-07'), 3900, 'second half'],
];
const KEY = 'PLAN|P-1|2026-11-23';

const run = runReminders;
/** Keys sent, the instalment reminder's from its subject ("… due on YYYY-MM-DD …"). */
const sentKeys = (env: Environment): string[] =>
  sentAll(env, (subject) => {
    const due = /^Reminder: .* due on (\d{4}-\d{2}-\d{2}) /.exec(subject);
    return due ? `PLAN|P-1|${due[1]}` : null;
  });

let book: Workbook;
/** A fresh environment from the fixture with the plan. */
const fresh = (): Environment => environmentFrom(book);
let cleanCalls: number;
let problems: string[] = [];
let faults = 0;

beforeAll(async () => {
  const env = await environmentWith(ENGLISH);
  env.spreadsheet.addSheet('Plans', PLAN_ROWS);
  book = snapshotWorkbook(env);
  const clean = environmentFrom(book);
  const x = clean.execution({ authMode: 'FULL' });
  x.call('runRemindersNow');
  cleanCalls = x.callCount;
});

beforeEach(() => {
  problems = [];
});

function settleAndCheck(env: Environment, label: string): void {
  run(env);
  env.clock.advance(60 * 60 * 1000);
  run(env);
  faults++;
  const keys = sentKeys(env);
  const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (dup.length) problems.push(`${label}: sent twice ${dup.join(', ')}`);
  if (keys.some((k) => k.startsWith('INV-1006|'))) problems.push(`${label}: INV-1006 reminded during its plan`);
  const states = logStates(env).get(KEY) ?? [];
  const mailed = keys.filter((k) => k === KEY).length;
  if (mailed === 0 && !states.some((s) => ['unknown', 'pending', 'failed', 'skipped'].includes(s))) problems.push(`${label}: ${KEY} lost without a log line`);
  if (mailed === 1 && !states.includes('sent') && !states.includes('unknown')) problems.push(`${label}: ${KEY} mailed but logged ${states.join('/')}`);
  for (const [key, s] of logStates(env)) if (s.includes('unknown') && s.includes('sent')) problems.push(`${label}: ${key} unknown yet resent`);
}

describe('a reminder run with an instalment reminder, under faults', () => {
  it('has a clean run that sends the instalment reminder', () => {
    const env = environmentFrom(book);
    run(env);
    expect(sentKeys(env).filter((k) => k === KEY)).toHaveLength(1);
    expect(cleanCalls).toBeGreaterThan(20);
  });

  it('killed at each service call in turn, then run again: never twice, never lost silently', () => {
    killAtEachCall(cleanCalls + 1, fresh, (env, k, outcome) => {
      if (k <= cleanCalls) expect(outcome).toBe('killed');
      settleAndCheck(env, `kill@${k}`);
    });
    expect(problems).toEqual([]);
  });

  it('killed at each call on the reminder day of the second instalment, after the first was kept', () => {
    const prepared = () => {
      const env = environmentFrom(book);
      run(env);
      const payments = env.spreadsheet.sheet('Payments');
      payments.setValues([[new Date('2026-11-22T00:00:00+08:00'), 'C-002', 3900, '']], `A${payments.values().length + 1}`);
      env.clock.advance(14 * DAY_MS); // 12-04
      return env;
    };
    const probe = prepared();
    const x = probe.execution({ authMode: 'FULL' });
    x.call('runRemindersNow');
    const calls = x.callCount;
    expect(probe.outbox.filter((m) => m.subject.includes('due on 2026-12-07'))).toHaveLength(1);
    for (let k = 1; k <= calls; k++) {
      const env = prepared();
      run(env, { killAtCall: k });
      run(env);
      run(env);
      faults++;
      const second = env.outbox.filter((m) => m.subject.includes('due on 2026-12-07')).length;
      const states = logStates(env).get('PLAN|P-1|2026-12-07') ?? [];
      if (second > 1) problems.push(`day14-kill@${k}: second instalment reminded ${second} times`);
      if (second === 0 && !states.includes('unknown')) problems.push(`day14-kill@${k}: second instalment lost (${states.join('/')})`);
    }
    expect(problems).toEqual([]);
  });

  it('a second run started at each call of the first exits on the lock', () => {
    overlapAtEachCall(cleanCalls, fresh, (env, k) => settleAndCheck(env, `overlap@${k}`));
    expect(problems).toEqual([]);
  });

  it('the quota runs out at each call: the reminder is sent or logged, and goes the next day at most once', () => {
    quotaOutAtEachCall(cleanCalls, fresh, (env, k) => {
      const mailed = sentKeys(env).includes(KEY);
      if (!mailed && !(logStates(env).get(KEY) ?? []).length) problems.push(`quota@${k}: ${KEY} no log line`);
      env.clock.advance(DAY_MS);
      settleAndCheck(env, `quota@${k}`);
    });
    expect(problems).toEqual([]);
  });

  it('counted the injected faults', () => {
    expect(faults).toBeGreaterThan(100);
    console.log(`plan reminder faults injected: ${faults}, clean run ${cleanCalls} service calls`);
  });
});
