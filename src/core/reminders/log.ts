/**
 * The Reminder Log (催收记录): one row per (invoice, level) line and state change. It is the
 * memory that makes sending exactly-once: a key that is sent, pending or unknown is never sent
 * again by a run.
 *
 * States: pending (written before the send), sent, failed (the send threw: not sent),
 * skipped (not sent, with a reason; planned again next run), unknown (a pending line found by a
 * later run: it may or may not have gone; a person confirms it).
 */
import type { SkipReason } from './plan';
import { idKey } from '../read/cells';

export type LineState = 'pending' | 'sent' | 'failed' | 'skipped' | 'unknown';

export const LOG_HEADERS = ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject'] as const;
export const LOG_HEADERS_ZH = ['时间', '运行', '键', '发票号', '客户编号', '级别', '状态', '原因', '收件人', '主题'] as const;

/**
 * The key of one (invoice, level): `INV-001|+15`. The invoice number is folded by idKey, as
 * invoices are matched everywhere else: `ＩＮＶ－００１` retyped as `INV-001` is the same invoice,
 * and its reminder is not sent again.
 */
export function reminderKey(invoiceNo: string, levelDays: number): string {
  const label = levelDays > 0 ? `+${levelDays}` : String(levelDays);
  return `${idKey(invoiceNo)}|${label}`;
}

/**
 * A Key cell as the log's index holds it: trimmed and upper-cased, with its ID folded by idKey as
 * the runs build keys — the invoice number of an invoice key (`NO|+15`: the part before the last
 * `|`), the customer or plan of a statement's or a plan's key (`STMT|<customer key>|…`,
 * `PLAN|<plan key>|…`). A key written before IDs were folded (`STMT|ＫＨ００１|2026-10`,
 * `ＩＮＶ－１|+15`) is then the key the run looks for today: nothing already sent is sent again.
 */
export function logKey(cell: unknown): string {
  const key = String(cell ?? '').trim().toUpperCase();
  if (!key.startsWith('STMT|') && !key.startsWith('PLAN|')) {
    const bar = key.lastIndexOf('|');
    return bar > 0 ? `${idKey(key.slice(0, bar))}${key.slice(bar)}` : key;
  }
  const parts = key.split('|');
  if (parts.length < 3) return key;
  parts[1] = idKey(parts[1]);
  return parts.join('|');
}

/**
 * Reasons the log writes for lines that are not skips, as language-neutral codes (a skip's
 * reason is its SkipReason): a pending line found by a later run, and a person's confirmation
 * of a send of unknown outcome. The words are in src/i18n/reminders.ts.
 */
export const LOG_REASONS = ['stopped-before-outcome', 'confirmed-sent', 'confirmed-not-sent'] as const;
export type LogReason = typeof LOG_REASONS[number];

/** English texts earlier versions wrote in the Reason column, read as their codes. */
const LEGACY_REASONS = new Map<string, LogReason>([
  ['confirmed sent', 'confirmed-sent'],
  ['confirmed not-sent', 'confirmed-not-sent'],
  ['confirmed not sent', 'confirmed-not-sent'],
]);

/** A Reason cell as a code: codes as they are, earlier versions' English texts as their code, other text trimmed. */
export function logReasonCode(reason: unknown): string {
  const text = String(reason ?? '').trim();
  return LEGACY_REASONS.get(text.toLowerCase().replace(/\s+/g, ' ')) ?? text;
}

/** The answers a person may give about a send of unknown outcome. */
export type ConfirmOutcome = 'sent' | 'not-sent';

/**
 * What the log records for a person's answer: 'sent' closes the line; 'not-sent' marks it
 * failed, so the next run plans it again. Null for anything else (nothing is written).
 */
export function confirmation(outcome: unknown): { state: LineState; reason: LogReason } | null {
  if (outcome === 'sent') return { state: 'sent', reason: 'confirmed-sent' };
  if (outcome === 'not-sent') return { state: 'failed', reason: 'confirmed-not-sent' };
  return null;
}

/** States that stop a line from being sent again. */
export function isFinal(state: LineState): boolean {
  return state === 'sent' || state === 'pending' || state === 'unknown';
}

export interface LogRow {
  key: string;
  state: LineState;
  reason: string;
  /** 1-based sheet row, for updating the state in place. */
  row: number;
}

/** What a run needs to know of the log: the latest state of each key and the skips already said. */
export class ReminderLogIndex {
  private readonly states = new Map<string, LogRow>();
  private readonly skipsSaid = new Set<string>();

  constructor(rows: LogRow[] = []) {
    for (const r of rows) this.add(r);
  }

  add(row: LogRow): void {
    this.finalByInvoice = null;
    if (row.state === 'skipped') {
      this.skipsSaid.add(`${row.key}|${row.reason}`);
      if (!this.states.has(row.key)) this.states.set(row.key, row);
      return;
    }
    const prev = this.states.get(row.key);
    // A final state is never undone by a later non-final row (e.g. a stray 'failed').
    if (prev && isFinal(prev.state) && !isFinal(row.state)) return;
    // 'sent' or a person's confirmation beats 'pending'/'unknown'.
    if (prev && prev.state === 'sent' && row.state !== 'sent') return;
    this.states.set(row.key, row);
  }

  state(key: string): LineState | null {
    return this.states.get(key)?.state ?? null;
  }

  private finalByInvoice: Map<string, number[]> | null = null;

  /** The level days of an invoice's final lines (sent, pending, unknown), from keys `NO|+15`. */
  finalDays(invoiceNo: string): number[] {
    if (this.finalByInvoice === null) {
      const m = new Map<string, number[]>();
      for (const [key, row] of this.states) {
        if (!isFinal(row.state)) continue;
        const bar = key.lastIndexOf('|');
        const days = Number(key.slice(bar + 1).replace(/^\+/, ''));
        if (bar <= 0 || !Number.isInteger(days)) continue;
        const no = key.slice(0, bar);
        m.set(no, [...(m.get(no) ?? []), days]);
      }
      this.finalByInvoice = m;
    }
    return this.finalByInvoice.get(idKey(invoiceNo)) ?? [];
  }

  row(key: string): LogRow | undefined {
    return this.states.get(key);
  }

  hasSkip(key: string, reason: SkipReason): boolean {
    return this.skipsSaid.has(`${key}|${reason}`);
  }

  /** Keys still pending: a run that finds them did not see them through, so their outcome is unknown. */
  pending(): LogRow[] {
    return [...this.states.values()].filter((r) => r.state === 'pending');
  }

  unknown(): LogRow[] {
    return [...this.states.values()].filter((r) => r.state === 'unknown');
  }
}

const STATES: LineState[] = ['pending', 'sent', 'failed', 'skipped', 'unknown'];

/**
 * Reads the log sheet's grid (header row first), keys as {@link logKey} reads them. Rows without a
 * key or with an unknown state are ignored (a person may annotate the log); a person may write
 * `sent` or `skipped` over `unknown` to confirm it.
 */
export function readReminderLog(values: unknown[][]): ReminderLogIndex {
  const index = new ReminderLogIndex();
  if (values.length === 0) return index;
  const [, , keyCol, , , , stateCol, reasonCol] = logColumns(values[0], LOG_HEADERS, LOG_HEADERS_ZH);
  if (keyCol < 0 || stateCol < 0) return index;
  for (let r = 1; r < values.length; r++) {
    const key = logKey(values[r][keyCol]);
    const state = String(values[r][stateCol] ?? '').trim().toLowerCase() as LineState;
    if (!key || !STATES.includes(state)) continue;
    index.add({ key, state, reason: reasonCol >= 0 ? String(values[r][reasonCol] ?? '') : '', row: r + 1 });
  }
  return index;
}

/**
 * Where a log's headers are in a header row: for each of the log's headers (English `en[i]` or
 * Chinese `zh[i]`, trimmed, any case), the 0-based column of its first occurrence, or -1. A person
 * may insert columns of their own anywhere: the add-on reads and writes its columns by header.
 */
export function logColumns(header: readonly unknown[], en: readonly string[], zh: readonly string[]): number[] {
  const h = header.map((c) => String(c ?? '').trim().toLowerCase());
  return en.map((name, i) => {
    const a = h.indexOf(name.toLowerCase());
    return a >= 0 ? a : h.indexOf(zh[i].toLowerCase());
  });
}
