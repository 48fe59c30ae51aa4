/**
 * The mail quota over a day and the next, through build/Code.js in the emulator: Apps Script's
 * quota is per user and resets 24 hours after the first send, not at a calendar midnight. A
 * "send now" in the morning and the scheduled run in the evening share it; the next day's run
 * has it all again. What a run cannot send is deferred (logged `quota`), then sent, or logged
 * `missed` when a higher level has come due meanwhile; nothing goes twice.
 */
import type { Environment } from '../../emulator';
import { duplicates, sentKeys } from '../helpers/faults';
import { environmentWith, SAMPLE } from '../helpers/sample';
import { reminderLogRows } from '../helpers/tiny';

/** Recipients a day: the sample's first run needs 27 and the digest 1. */
const QUOTA = 15;
/** The daily run's hour: Apps Script fires it within the hour, here at half past. */
const HOUR = 17;
const EVENING = new Date('2026-11-20T17:30:00+08:00'); // past midnight in Los Angeles
const NEXT_EVENING = new Date('2026-11-21T17:30:00+08:00'); // more than 24 hours after the first send

type Row = Record<string, unknown>;
const rowsOf = (env: Environment, run: string) => reminderLogRows(env).filter((r) => r.Run === run);
const keysOf = (rows: Row[], state: string, reason?: string) =>
  rows.filter((r) => r.State === state && (reason === undefined || r.Reason === reason)).map((r) => String(r.Key));
const runIds = (env: Environment) => [...new Set(reminderLogRows(env).map((r) => String(r.Run)))];

/** The sample with the daily run on at 17:00; "send now" at 09:00, then the scheduled run at 17:30. */
async function morningThenEvening() {
  const env = await environmentWith(SAMPLE, { mailQuota: QUOTA });
  const full = () => env.execution({ authMode: 'FULL' });
  full().call('setSchedule', true, HOUR);
  expect(env.triggers.map((t) => [t.handlerFunction, t.schedule?.atHour])).toEqual([['runScheduledReminders', HOUR]]);
  const morning = full().call('runRemindersNow') as { sent: number; message: string };
  const [morningRun] = runIds(env);
  const deferred = keysOf(rowsOf(env, morningRun), 'skipped', 'quota');
  const afterMorning = env.outbox.length;
  env.clock.set(EVENING);
  const [evening] = env.runTimeTriggers();
  return { env, full, morning, morningRun, deferred, afterMorning, evening };
}

describe('the mail quota across the runs of a day', () => {
  it('the evening run sees what the morning "send now" left of the quota: it sends nothing more and defers the rest again, logged and shown', async () => {
    const { env, full, morning, morningRun, deferred, afterMorning, evening } = await morningThenEvening();
    expect(morning.sent).toBeGreaterThan(5);
    expect(morning.message).toMatch(/quota ran out/);
    expect(deferred.length).toBeGreaterThan(5);
    expect(env.outbox.filter((m) => !m.subject.startsWith('Credit Desk digest'))).toHaveLength(morning.sent);

    expect(evening.error).toBeUndefined();
    expect(env.outbox).toHaveLength(afterMorning); // not even the digest: no quota left
    const eveningRun = runIds(env).find((r) => r !== morningRun) ?? '';
    const rows = rowsOf(env, eveningRun);
    expect(keysOf(rows, 'sent')).toEqual([]);
    expect(keysOf(rows, 'pending')).toEqual([]);
    expect(keysOf(rows, 'skipped', 'quota').sort()).toEqual([...deferred].sort());
    expect(rows.some((r) => r.State === 'run' && /quota is used up/.test(String(r.Subject)))).toBe(true);

    // The sidebar: no quota left, the deferred emails still to go, and the last run's outcome says why.
    const panel = full().call('getReminderPanel') as { quotaRemaining: number; emails: { invoiceNos: string[] }[]; schedule: { lastOutcome: string } };
    expect(panel.quotaRemaining).toBe(0);
    const toGo = new Set(panel.emails.flatMap((e) => e.invoiceNos));
    for (const key of deferred) expect(toGo).toContain(key.split('|')[0]);
    expect(panel.schedule.lastOutcome).toMatch(/^sent 0, failed 0, skipped \d+, unknown 0\. The daily mail quota is used up; the next run carries on\.$/);
  });

  it('the next day\'s run, over 24 hours after the first send, sends what was deferred or logs it missed, and nothing goes twice', async () => {
    const { env, full, deferred } = await morningThenEvening();
    const before = env.outbox.length;
    env.clock.set(NEXT_EVENING);
    expect(full().call('getReminderPanel')).toMatchObject({ quotaRemaining: QUOTA });
    const [run] = env.runTimeTriggers();
    expect(run.error).toBeUndefined();
    expect(env.outbox.length - before).toBeGreaterThan(5);

    const nextRun = runIds(env).at(-1) ?? '';
    expect(nextRun.startsWith('R20261121')).toBe(true);
    const rows = rowsOf(env, nextRun);
    const sent = new Set(keysOf(rows, 'sent'));
    const missed = new Set(keysOf(rows, 'skipped', 'missed'));
    // Every deferred line went, or a higher level came due and it is said to be missed: none is
    // left with "the next run carries on" as its last word.
    for (const key of deferred) expect([key, sent.has(key) || missed.has(key)]).toEqual([key, true]);
    expect([...missed].filter((k) => deferred.includes(k)).length).toBeGreaterThan(0);
    // Nothing twice, by the log and by the outbox.
    expect(duplicates(keysOf(reminderLogRows(env), 'sent'))).toEqual([]);
    expect(duplicates(sentKeys(env))).toEqual([]);
  });

  it('a second "send now" the same day, once the quota is out, sends nothing and sends nothing twice after', async () => {
    const env = await environmentWith(SAMPLE, { mailQuota: QUOTA });
    const full = () => env.execution({ authMode: 'FULL' });
    full().call('runRemindersNow');
    const sentBefore = env.outbox.length;
    env.clock.set(EVENING);
    const again = full().call('runRemindersNow') as { sent: number; failed: number; message: string };
    expect(again).toMatchObject({ sent: 0, failed: 0 });
    expect(again.message).toMatch(/quota ran out/);
    expect(env.outbox).toHaveLength(sentBefore);
    expect(reminderLogRows(env).filter((r) => r.State === 'failed')).toEqual([]);
  });
});
