/**
 * A month of collections on the sample credit file, end to end, through the built bundle in the
 * emulator: the daily trigger runs every morning from 2026-11-20 to 2026-12-20, and between runs a
 * person works the way a credit controller does — agrees a promise, logs a call, looks at the
 * statement, the watch list, the KPIs and the forecast, from the menu and the sidebar.
 *
 * The customer: C-010 南京金陵建材有限公司 (going bad, 91+ open). On 2026-11-21 it promises to pay
 * 20,000.00 by 2026-11-28 and does not: the promise breaks, the ladder resumes, the watch list
 * and the digest say so, and its score falls.
 */
import type { Environment } from '../../emulator';
import { environmentWith, SAMPLE } from '../helpers/sample';

const DAY_MS = 24 * 60 * 60 * 1000;
const sh = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

function full(env: Environment) {
  return env.execution({ authMode: 'FULL', user: 'owner@example.com' });
}

function rowsOf(env: Environment, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = env.spreadsheet.sheet(sheet).values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

describe('a month of collections on the sample credit file', () => {
  let env: Environment;
  const scores: Record<string, number> = {};
  const sentKeys: string[] = [];

  beforeAll(async () => {
    env = await environmentWith(SAMPLE);
    full(env).call('setupCreditFile');
    full(env).call('turnOnReminders');
    scores.before = full(env).call('CREDITSCORE', 'C-010') as number;

    for (let day = 0; day <= 30; day++) {
      const today = new Date(sh('2026-11-20').getTime() + day * DAY_MS);
      env.clock.set(new Date(today.getTime() + 9 * 60 * 60 * 1000));
      if (day === 1) {
        // The customer calls and promises 20,000.00 by the 28th; the controller records both.
        env.spreadsheet.addSheet('Plans', [
          ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount', 'Note'],
          ['PR-10', 'C-010', 'Promise', '', sh('2026-11-21'), sh('2026-11-28'), 20000, 'promised on the phone'],
        ]);
        const logged = full(env).call('logCollectionAction', {
          customerId: 'C-010', type: 'call', summary: 'Promised 20,000 by 28 Nov', outcome: 'promise',
          nextAction: 'Check the payment', nextActionDate: '2026-11-29', owner: 'owner@example.com',
        }) as { ok: boolean };
        expect(logged.ok).toBe(true);
      }
      const before = env.outbox.length;
      env.runTimeTriggers();
      for (const m of env.outbox.slice(before)) sentKeys.push(`${m.to}|${m.subject}`);
    }
    scores.after = full(env).call('CREDITSCORE', 'C-010') as number;
  }, 300_000);

  it('ran every morning with one trigger, and never emailed the same reminder twice', () => {
    expect(env.triggers.filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
    const runs = rowsOf(env, 'Reminder Log').filter((r) => r.State === 'run' && String(r.Subject).startsWith('schedule'));
    expect(runs.length).toBe(31);
    const sent = rowsOf(env, 'Reminder Log').filter((r) => r.State === 'sent').map((r) => r.Key);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('paused the ladder for C-010 while the promise was kept, and resumed it once broken', () => {
    const log = rowsOf(env, 'Reminder Log');
    const c010 = log.filter((r) => r['Customer ID'] === 'C-010' || String(r.Key).startsWith('PLAN|PR-10'));
    expect(c010.some((r) => r.Reason === 'plan')).toBe(true);
    expect(log.some((r) => r.Key === 'PLAN|PR-10|BROKEN')).toBe(true);
  });

  it('put the broken promise on the watch list and in the digest, and it lowered the score', () => {
    const digests = env.outbox.filter((m) => m.subject.startsWith('Credit Desk digest'));
    expect(digests.length).toBe(31);
    expect(digests.some((m) => /C-010/.test(m.body) && /promise/i.test(m.body))).toBe(true);
    expect(scores.after).toBeLessThan(scores.before);
    const plans = full(env).call('getPlans', 'C-010') as { plans?: { state: string }[] } | { state: string }[] | null;
    expect(JSON.stringify(plans)).toContain('broken');
  });

  it('sent each customer with a balance one statement for November on 1 December, and no more', () => {
    const statements = rowsOf(env, 'Reminder Log').filter((r) => String(r.Key).startsWith('STMT|') && r.State === 'sent');
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.every((r) => String(r.Key).endsWith('|2026-11'))).toBe(true);
    expect(new Set(statements.map((r) => r.Key)).size).toBe(statements.length);
  });

  it('shows the statement, the due-today list, the KPIs and the forecast from the menu and the sidebar', () => {
    const statement = full(env).call('getStatement', 'C-010', '2026-11-01', '2026-11-30') as { closing: number; opening: number } & Record<string, unknown>;
    expect(statement).not.toBeNull();
    const due = full(env).call('getDueToday', 'owner@example.com') as unknown;
    expect(JSON.stringify(due)).toContain('C-010');
    full(env).call('showDashboardSheet');
    expect(env.spreadsheet.sheetNames()).toContain('Dashboard');
    expect(env.spreadsheet.sheet('Dashboard').charts().length).toBeGreaterThanOrEqual(2);
    full(env).call('showCashForecast');
    const forecast = full(env).call('getCashForecast') as unknown;
    expect(JSON.stringify(forecast).length).toBeGreaterThan(100);
    expect(env.spreadsheet.sheetNames()).toContain('Cash Forecast');
    const watch = full(env).call('getWatchList') as unknown;
    expect(watch).toBeTruthy();
  });
});
