/**
 * For the fault-injection suites: running the reminder run so that a kill is an outcome, and
 * reading what was sent and logged from the outbox and the Reminder Log alone.
 */
import type { Environment } from '../../emulator';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The default ladder's customer levels, days from the due date. */
const CUSTOMER_LEVELS = [-3, 1, 15, 30];

/** runRemindersNow in a FULL execution; 'killed' when the execution was killed. */
export function runReminders(env: Environment, opts: Parameters<Environment['execution']>[0] = {}): unknown {
  try {
    return env.execution({ authMode: 'FULL', ...opts }).call('runRemindersNow');
  } catch (e) {
    if ((e as Error).name === 'ExecutionKilled' || /kill/i.test(String((e as Error).message))) return 'killed';
    throw e;
  }
}

/**
 * The (invoice, level) keys each email carried, worked out from the outbox alone: the due
 * table's rows give each invoice's due date, the send time (in Shanghai, the fixtures' zone) the
 * day, and the default ladder the level that was due; an escalation is the +45 internal level.
 * `otherKey` names the key of an email that is not a ladder email (an instalment reminder).
 */
export function sentKeys(env: Environment, otherKey: (subject: string) => string | null = () => null): string[] {
  const keys: string[] = [];
  for (const m of env.outbox) {
    const subject = String(m.subject);
    const other = otherKey(subject);
    if (other) { keys.push(other); continue; }
    if (subject.startsWith('Credit Desk digest') || subject.startsWith('信用管理日报')) continue;
    const internal = subject.startsWith('Escalation') || subject.startsWith('升级处理');
    const today = Math.floor((new Date(m.time).getTime() + 8 * 3600_000) / DAY_MS);
    const table = String(m.body).split(/\n(?:Total: |合计：)/)[0];
    for (const line of table.split('\n')) {
      const match = /^(\S+) \| \d{4}-\d{2}-\d{2} \| (\d{4}-\d{2}-\d{2}) \|/.exec(line);
      if (!match) continue;
      const due = Math.floor(Date.parse(`${match[2]}T00:00:00Z`) / DAY_MS);
      const level = internal ? 45 : Math.max(...CUSTOMER_LEVELS.filter((l) => today - due >= l));
      keys.push(`${match[1]}|${level > 0 ? `+${level}` : level}`);
    }
  }
  return keys;
}

/** The keys that stand more than once. */
export function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

/** The Reminder Log: key → every state it was written with. */
export function logStates(env: Environment): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!env.spreadsheet.sheetNames().includes('Reminder Log')) return map;
  const [header, ...rows] = env.spreadsheet.sheet('Reminder Log').values();
  const k = header.indexOf('Key');
  const s = header.indexOf('State');
  for (const r of rows) {
    const key = String(r[k]);
    if (key) map.set(key, [...(map.get(key) ?? []), String(r[s])]);
  }
  return map;
}

type Prepare = () => Environment;

/**
 * For each service call k in 1 … calls: a fresh environment from `prepare`, a reminder run
 * killed at call k, then `check(env, k, outcome)` ('killed' when the kill happened).
 */
export function killAtEachCall(calls: number, prepare: Prepare, check: (env: Environment, k: number, outcome: unknown) => void): void {
  for (let k = 1; k <= calls; k++) {
    const env = prepare();
    check(env, k, runReminders(env, { killAtCall: k }));
  }
}

/**
 * For each call k: a fresh environment and a reminder run that starts a second run just before
 * its call k; then `check(env, k, second)` with what the second run returned (null if it never
 * started).
 */
export function overlapAtEachCall(calls: number, prepare: Prepare, check: (env: Environment, k: number, second: unknown) => void): void {
  for (let k = 1; k <= calls; k++) {
    const env = prepare();
    let second: unknown = null;
    runReminders(env, {
      hooks: {
        beforeCall: (_name, count) => {
          if (count === k && second === null) second = runReminders(env);
        },
      },
    });
    check(env, k, second);
  }
}

/** For each call k: a fresh environment and a reminder run whose mail quota drops to 1 just before call k; then `check(env, k)`. */
export function quotaOutAtEachCall(calls: number, prepare: Prepare, check: (env: Environment, k: number) => void): void {
  for (let k = 1; k <= calls; k++) {
    const env = prepare();
    runReminders(env, { hooks: { beforeCall: (_name, count) => { if (count === k) env.mail.setRemaining(1); } } });
    check(env, k);
  }
}
