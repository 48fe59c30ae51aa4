/**
 * Fault injection on the reminder run, through the built bundle in the emulator: the run is
 * killed at each service call in turn and run again; two runs overlap; the quota runs out in
 * the middle; an invoice is paid between planning and sending. Over all of it: no (invoice,
 * level) is ever emailed twice, and every line a clean run would send is either sent or has a
 * log line saying why not.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH, SAMPLE_NOW } from '../helpers/sample';
import { environmentFrom, snapshotWorkbook, type Workbook } from '../helpers/workbook';
import { DAY_MS, duplicates, killAtEachCall, logStates, overlapAtEachCall, quotaOutAtEachCall, runReminders, sentKeys } from '../helpers/faults';

const run = runReminders;

let book: Workbook;
/** A fresh environment from the fixture. */
const fresh = (): Environment => environmentFrom(book);
let cleanKeys: string[];
let cleanLogKeys: string[];
let cleanCalls: number;

beforeAll(async () => {
  const env = await environmentWith(ENGLISH);
  book = snapshotWorkbook(env);
  const clean = environmentFrom(book);
  const x = clean.execution({ authMode: 'FULL' });
  x.call('runRemindersNow');
  cleanCalls = x.callCount;
  cleanKeys = sentKeys(clean);
  cleanLogKeys = [...logStates(clean).entries()].filter(([, s]) => s.includes('sent')).map(([k]) => k);
});

let faults = 0;
let problems: string[] = [];
beforeEach(() => {
  problems = [];
});

/** After the faulty run(s), two clean runs; then the invariants. */
function settleAndCheck(env: Environment, label: string, settled: string[] = []): void {
  run(env);
  env.clock.advance(60 * 60 * 1000);
  run(env);
  faults++;
  const keys = sentKeys(env);
  const dup = duplicates(keys);
  if (dup.length) problems.push(`${label}: sent twice ${dup.join(', ')}`);
  const states = logStates(env);
  for (const key of cleanLogKeys) {
    if (settled.some((no) => key.startsWith(`${no}|`))) continue;
    const s = states.get(key) ?? [];
    if (!s.some((x) => ['sent', 'unknown', 'pending', 'failed', 'skipped'].includes(x))) problems.push(`${label}: ${key} lost without a log line`);
  }
  for (const [key, s] of states) {
    if (s.includes('unknown') && s.filter((x) => x === 'sent').length > 0) problems.push(`${label}: ${key} unknown yet resent`);
  }
}

describe('reminder run under faults', () => {
  it('has a clean run that sends something to break', () => {
    expect(cleanKeys.length).toBeGreaterThan(2);
    expect(duplicates(cleanKeys)).toEqual([]);
    expect(cleanCalls).toBeGreaterThan(20);
  });

  it('killed at each service call in turn, then run again: no duplicate, nothing lost silently', () => {
    killAtEachCall(cleanCalls + 1, fresh, (env, k, outcome) => {
      if (k <= cleanCalls) expect(outcome).toBe('killed');
      settleAndCheck(env, `kill@${k}`);
    });
    expect(problems).toEqual([]);
  });

  it.each([16, 31, 46])('on day %i, after earlier sends, killed at each service call in turn', (days) => {
    const prepared = () => {
      const env = environmentFrom(book);
      run(env);
      env.clock.advance(days * DAY_MS);
      return env;
    };
    const probe = prepared();
    const x = probe.execution({ authMode: 'FULL' });
    x.call('runRemindersNow');
    const calls = x.callCount;
    const firstDay = sentKeys(probe).length;
    expect(calls).toBeGreaterThan(20);
    killAtEachCall(calls, prepared, (env, k) => settleAndCheck(env, `day${days}-kill@${k}`));
    expect(firstDay).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('killed twice in a row at each pair of nearby calls', () => {
    for (let k = 1; k <= cleanCalls; k += 1) {
      const env = environmentFrom(book);
      run(env, { killAtCall: k });
      run(env, { killAtCall: Math.max(1, cleanCalls - k) });
      settleAndCheck(env, `kill@${k}+${cleanCalls - k}`);
    }
    expect(problems).toEqual([]);
  });

  it('a second run started at each call of the first exits on the lock', () => {
    overlapAtEachCall(cleanCalls, fresh, (env, k, second) => {
      settleAndCheck(env, `overlap@${k}`);
      expect(second === null || (second as { message: string }).message !== undefined || second === 'killed').toBe(true);
    });
    expect(problems).toEqual([]);
  });

  it('the quota runs out at each call: the run stops cleanly and the next day carries on', () => {
    quotaOutAtEachCall(cleanCalls, fresh, (env, k) => {
      const states = logStates(env);
      // every clean-run line is sent or has a log line today
      for (const key of cleanLogKeys) if (!(states.get(key) ?? []).length) problems.push(`quota@${k}: ${key} no log line`);
      env.clock.advance(DAY_MS);
      settleAndCheck(env, `quota@${k}`);
    });
    expect(problems).toEqual([]);
  });

  it('an invoice paid between planning and sending gets no reminder', () => {
    for (let k = 1; k <= cleanCalls; k++) {
      const env = environmentFrom(book);
      run(env, {
        hooks: {
          beforeCall: (_n, count) => {
            if (count !== k) return;
            const payments = env.spreadsheet.sheet('Payments');
            const rows = payments.values();
            // pay C-002's partly paid INV-1006 in full, naming it
            payments.setValues([[new Date('2026-11-20T00:00:00+08:00'), 'C-002', 7800, 'INV-1006']], `A${rows.length + 1}`);
          },
        },
      });
      settleAndCheck(env, `paid@${k}`, ['INV-1006']);
      if (sentKeys(env).some((key) => key.startsWith('INV-1006|') && k < 20)) problems.push(`paid@${k}: INV-1006 reminded after payment`);
    }
    expect(problems).toEqual([]);
  });

  it('counted at least 1,000 injected faults', () => {
    expect(faults).toBeGreaterThanOrEqual(1000);
    console.log(`reminder faults injected: ${faults}, clean run ${cleanCalls} service calls, ${cleanKeys.length} lines sent`);
  });
});

export { SAMPLE_NOW };
