/**
 * What changed since the last run, per customer: the risk lines a credit manager wants in the
 * daily digest (a new BLOCK, a grade drop). The state of each run is a Snapshot.
 */
import { creditCheck, type Verdict } from './check';
import type { CreditPicture } from './picture';
import type { Grade } from './types';

export interface SnapshotRow {
  id: string;
  grade: Grade;
  verdict: Verdict;
  exposure: number;
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

const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D'];

/** Each customer's grade and the verdict of a zero-amount check: what the account is now. */
export function snapshotOf(picture: CreditPicture): Snapshot {
  const snap: Snapshot = new Map();
  for (const [key, c] of picture.customers) {
    snap.set(key, { id: c.customer.id, grade: c.grade, verdict: creditCheck(c, 0, picture.settings).verdict, exposure: c.exposure });
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

export function snapshotRows(snap: Snapshot): (string | number)[][] {
  return [...snap.entries()].map(([key, r]) => [key, r.id, r.grade, r.verdict, r.exposure]);
}

export function readSnapshot(values: unknown[][]): Snapshot {
  const snap: Snapshot = new Map();
  for (const row of values.slice(1)) {
    const key = String(row[0] ?? '');
    const grade = String(row[2] ?? '') as Grade;
    const verdict = String(row[3] ?? '') as Verdict;
    if (!key || !GRADE_ORDER.includes(grade) || !['OK', 'WARN', 'BLOCK'].includes(verdict)) continue;
    snap.set(key, { id: String(row[1] ?? ''), grade, verdict, exposure: Number(row[4]) || 0 });
  }
  return snap;
}
