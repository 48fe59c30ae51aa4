/**
 * What changed since the last run, per customer. The state of each run is a Snapshot, kept in the
 * hidden sheet `_CreditDesk_Snapshot`; the risk watch list (watchlist.ts) compares the picture
 * with it. `changesSince` (new BLOCKs and grade drops only) is kept for callers of the first
 * digest; the digest now lists the watch list's lines.
 */
import { creditCheck, type Verdict } from './check';
import type { CreditPicture, CustomerPicture } from './picture';
import type { Grade, Minor } from './types';

export interface SnapshotRow {
  id: string;
  grade: Grade;
  verdict: Verdict;
  exposure: Minor;
  /** The credit limit then (null: none). Undefined in snapshots written before it was kept. */
  limit?: Minor | null;
  /** Exposure was over a set limit (a 0 limit: any exposure). Undefined in older snapshots. */
  overLimit?: boolean;
  /** Largest days past due over open undisputed invoices. Undefined in older snapshots. */
  maxDaysPastDue?: number;
}

export type Snapshot = Map<string, SnapshotRow>;

export interface Change {
  id: string;
  name: string;
  kind: 'new-block' | 'grade-drop';
  from: string;
  to: string;
  /** The check's text for a new BLOCK. */
  detail: string;
}

export const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D'];

/** Over a set limit: exposure > limit (a 0 limit, cash only: any exposure above 0). */
export function isOverLimit(c: Pick<CustomerPicture, 'customer' | 'exposure'>): boolean {
  const limit = c.customer.creditLimit;
  return limit !== null && c.exposure > limit;
}

/** Each customer's grade, the verdict of a zero-amount check, exposure, limit and days past due. */
export function snapshotOf(picture: CreditPicture): Snapshot {
  const snap: Snapshot = new Map();
  for (const [key, c] of picture.customers) {
    snap.set(key, {
      id: c.customer.id,
      grade: c.grade,
      verdict: creditCheck(c, 0, picture.settings).verdict,
      exposure: c.exposure,
      limit: c.customer.creditLimit,
      overLimit: isOverLimit(c),
      maxDaysPastDue: c.maxDaysPastDue,
    });
  }
  return snap;
}

/** New BLOCKs and grade drops between two snapshots; customers new to the file are not changes. */
export function changesSince(before: Snapshot, picture: CreditPicture): Change[] {
  const changes: Change[] = [];
  for (const [key, c] of picture.customers) {
    const prev = before.get(key);
    if (!prev) continue;
    const check = creditCheck(c, 0, picture.settings);
    if (check.verdict === 'BLOCK' && prev.verdict !== 'BLOCK') {
      changes.push({ id: c.customer.id, name: c.customer.name, kind: 'new-block', from: prev.verdict, to: 'BLOCK', detail: check.text });
    }
    if (GRADE_ORDER.indexOf(c.grade) > GRADE_ORDER.indexOf(prev.grade)) {
      changes.push({ id: c.customer.id, name: c.customer.name, kind: 'grade-drop', from: prev.grade, to: c.grade, detail: '' });
    }
  }
  return changes;
}

/** The snapshot sheet's header row; the first five columns are those of the first snapshots. */
export const SNAPSHOT_HEADER = ['Key', 'Customer ID', 'Grade', 'Verdict', 'Exposure', 'Limit', 'Over Limit', 'Max Days Past Due'];

/** Rows of the snapshot sheet (no header): key, ID, grade, verdict, exposure, limit ('' none), over limit (1/0), max dpd. */
export function snapshotRows(snap: Snapshot): (string | number)[][] {
  return [...snap.entries()].map(([key, r]) => [
    key, r.id, r.grade, r.verdict, r.exposure,
    r.limit === null || r.limit === undefined ? '' : r.limit,
    r.overLimit === undefined ? '' : r.overLimit ? 1 : 0,
    r.maxDaysPastDue === undefined ? '' : r.maxDaysPastDue,
  ]);
}

/**
 * Reads a snapshot sheet's values (header row first). Reads the five-column snapshots of earlier
 * versions too: their rows have no limit, over-limit or days past due, so the watch list makes
 * no over-limit or overdue line from them (it cannot know the line was crossed since).
 */
export function readSnapshot(values: unknown[][]): Snapshot {
  const snap: Snapshot = new Map();
  for (const row of values.slice(1)) {
    const key = String(row[0] ?? '');
    const grade = String(row[2] ?? '') as Grade;
    const verdict = String(row[3] ?? '') as Verdict;
    if (!key || !GRADE_ORDER.includes(grade) || !['OK', 'WARN', 'BLOCK'].includes(verdict)) continue;
    const r: SnapshotRow = { id: String(row[1] ?? ''), grade, verdict, exposure: Number(row[4]) || 0 };
    const over = row[6];
    const dpd = row[7];
    if (over !== undefined && over !== '' && dpd !== undefined && dpd !== '' && Number.isFinite(Number(dpd))) {
      const limit = row[5];
      r.limit = limit === '' || limit === undefined || !Number.isFinite(Number(limit)) ? null : Number(limit);
      r.overLimit = over === true || Number(over) === 1;
      r.maxDaysPastDue = Number(dpd);
    }
    snap.set(key, r);
  }
  return snap;
}
