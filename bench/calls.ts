/**
 * Sections 2 and 3: Apps Script service calls per operation, through the BUILT bundle
 * (build/Code.js) in the offline emulator.
 *
 * Each size gets a fresh environment holding the bench credit file plus a Report sheet with the
 * customer IDs; the operations then run one after the other in this order, each counted alone:
 *
 *   CREDITSCORE column cold      =CREDITSCORE(A2:A<n+1>) in Report!B2, first recalculation (empty cache)
 *   CREDITSCORE column warm      the same recalculation again (cache filled)
 *   setupCreditFile, showAgingReport, showCreditScores, showProblems, recalculate
 *   checkSelectedOrder           Orders!A2:A6 selected (every order is made Pending)
 *   onEdit (one Orders row)      env.edit('Orders', 'D2', 1234): the amount of the first order
 *   getReminderPanel             the sidebar's dry run of today's reminders
 *   runRemindersNow              sends today's reminders (emulated mail)
 *
 * Counts: env.calls.total() (every service) and the SpreadsheetApp family (Spreadsheet, Sheet,
 * Range, SpreadsheetApp). Times are wall times of the emulator on this machine, not production.
 */
import { createEnvironment, type Environment } from '../emulator';
import { benchCreditFile } from '../examples/generate';
import { errorRow, errorText, int, ms, progress, timeOnce, type Row } from './lib';

export const SHEETS_FAMILY = ['Spreadsheet', 'Sheet', 'Range', 'SpreadsheetApp'];
const NOW = new Date('2026-11-20T09:00:00+08:00');

export interface CallSize {
  invoices: number;
  customers: number;
}

export interface CallsConfig {
  sizes: CallSize[];
  /** Orders rows at every size (kept constant so the per-order work is the same). */
  orders: number;
}

export interface ColumnConfig {
  customers: number;
  invoices: number;
  payments: number;
}

/** What one operation did at one size. */
export interface OpResult {
  total: number;
  sheets: number;
  byMethod: Record<string, number>;
  ms: number;
  /** Mails the operation sent. */
  mailed: number;
  error?: string;
  note?: string;
}

type Op = { name: string; label: string; run: (env: Environment) => string | void };

function countsOf(env: Environment): Pick<OpResult, 'total' | 'sheets' | 'byMethod'> {
  const byMethod: Record<string, number> = {};
  for (const [k, v] of Object.entries(env.calls)) if (typeof v === 'number') byMethod[k] = v;
  return { total: env.calls.total(), sheets: env.calls.total(SHEETS_FAMILY), byMethod };
}

function recalcNote(r: { evaluated: number; errors: { a1: string; message: string }[] }): string {
  if (r.errors.length) throw new Error(`recalculation: ${r.errors.length} error(s), first ${r.errors[0].a1}: ${r.errors[0].message}`);
  return `${r.evaluated} formula evaluated`;
}

const OPERATIONS: Op[] = [
  { name: 'cfCold', label: 'CREDITSCORE column over every customer ID, cold (first recalculation)', run: (env) => recalcNote(env.recalculate()) },
  { name: 'cfWarm', label: 'CREDITSCORE column, warm (recalculated again)', run: (env) => recalcNote(env.recalculate()) },
  ...['setupCreditFile', 'showAgingReport', 'showCreditScores', 'showProblems', 'recalculate'].map((fn): Op => ({
    name: fn,
    label: fn,
    run: (env) => void env.execution({ authMode: 'FULL' }).call(fn),
  })),
  {
    name: 'checkSelectedOrder',
    label: 'checkSelectedOrder (Orders!A2:A6 selected)',
    run: (env) => {
      env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Orders').id;
      env.spreadsheet.activeRange = { row: 2, col: 1, numRows: 5, numCols: 1 };
      env.execution({ authMode: 'FULL' }).call('checkSelectedOrder');
    },
  },
  {
    name: 'onEdit',
    label: "onEdit of one Orders row (env.edit('Orders', 'D2', 1234))",
    run: (env) => {
      const runs = env.edit('Orders', 'D2', 1234);
      return `${runs.length} handler(s): ${runs.map((r) => r.handler).join(', ')}`;
    },
  },
  {
    name: 'getReminderPanel',
    label: 'getReminderPanel (reminders dry run, sidebar)',
    run: (env) => void env.execution({ authMode: 'FULL' }).call('getReminderPanel'),
  },
  {
    name: 'runRemindersNow',
    label: 'runRemindersNow (sends today\'s reminders)',
    run: (env) => {
      const r = env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent?: number; skipped?: number; failed?: number };
      return `sent ${r?.sent ?? '?'}, skipped ${r?.skipped ?? '?'}, failed ${r?.failed ?? '?'}`;
    },
  },
];

/** A fresh environment holding the bench credit file and a Report sheet with =CREDITSCORE over the IDs. */
export function benchEnvironment(size: CallSize, orders: number, code?: string): Environment {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: NOW, owner: 'owner@example.com', code });
  const book = benchCreditFile({ customers: size.customers, invoices: size.invoices, payments: Math.round(size.invoices * 0.8), orders });
  // Every order Pending, so the checks do the same work at every size (the generated statuses
  // differ with the seed's position, and a Cancelled row is not checked at all).
  const status = book.Orders[0].indexOf('Status');
  for (const row of book.Orders.slice(1)) row[status] = 'Pending';
  for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
  const ids = book.Customers.slice(1).map((r) => [r[0], '']);
  const report = env.spreadsheet.addSheet('Report', [['Customer ID', 'Score'], ...ids]);
  report.setValue('B2', `=CREDITSCORE(A2:A${ids.length + 1})`);
  return env;
}

/** Runs every operation once at one size. */
export function measureSize(size: CallSize, orders: number, code?: string): Record<string, OpResult> {
  const env = benchEnvironment(size, orders, code);
  const out: Record<string, OpResult> = {};
  for (const op of OPERATIONS) {
    env.calls.reset();
    const mailBefore = env.outbox.length;
    const t0 = performance.now();
    let note: string | undefined;
    let error: string | undefined;
    try {
      note = op.run(env) || undefined;
    } catch (e) {
      error = errorText(e);
    }
    const elapsed = performance.now() - t0;
    const mailed = env.outbox.length - mailBefore;
    if (mailed > 0) note = `${note ? `${note}; ` : ''}${mailed} mail(s) sent`;
    out[op.name] = { ...countsOf(env), ms: elapsed, mailed, error, note };
    progress(`calls: ${int(size.invoices)} invoices, ${op.name}: ${out[op.name].total} calls, ${ms(elapsed)}${error ? ` (error: ${error})` : ''}`);
  }
  return out;
}

/** Methods whose counts differ between sizes, as "Type.method a→b→c". */
export function grownMethods(results: Record<string, OpResult>[], op: string): string[] {
  const names = new Set<string>();
  for (const r of results) for (const k of Object.keys(r[op]?.byMethod ?? {})) names.add(k);
  const out: string[] = [];
  for (const k of [...names].sort()) {
    const seq = results.map((r) => r[op]?.byMethod[k] ?? 0);
    if (seq.some((n) => n !== seq[0])) out.push(`${k} ${seq.join('→')}`);
  }
  return out;
}

/** `code`: the bundle's source, read once (default: build/Code.js at each execution). */
export function callRows(cfg: CallsConfig, code?: string): Row[] {
  const rows: Row[] = [];
  const results: Record<string, OpResult>[] = [];
  const sizes: CallSize[] = [];
  for (const size of cfg.sizes) {
    try {
      progress(`calls: ${int(size.invoices)} invoices, ${int(size.customers)} customers`);
      results.push(measureSize(size, cfg.orders, code));
      sizes.push(size);
    } catch (e) {
      rows.push(errorRow('2', `Service calls at ${int(size.invoices)} invoices`, e));
    }
  }
  if (results.length === 0) return rows;
  const sizeText = sizes.map((s) => `${int(s.invoices)}`).join(' / ');
  const largest = sizes[sizes.length - 1];
  OPERATIONS.forEach((op, i) => {
    const per = results.map((r) => r[op.name]);
    const totals = per.map((r) => r.total).join(' · ');
    const family = per.map((r) => r.sheets).join(' · ');
    const last = per[per.length - 1];
    const errors = per.map((r, k) => (r.error ? `at ${int(sizes[k].invoices)}: ${r.error}` : null)).filter(Boolean);
    const slow = last.ms > 60_000 ? ' (over 60 s)' : '';
    const grown = grownMethods(results, op.name);
    // Growing a sheet past its size is one insert per dimension whatever the number of rows
    // (platform/format.ts ensureSize): bounded, so told apart from growth with rows.
    const bounded = grown.length > 0 && grown.every((g) => /^Sheet\.insert(Rows|Columns)After [01](→[01])*$/.test(g));
    const parts = [
      `calls ${totals}; SpreadsheetApp family ${family}`,
      `emulator time at ${int(largest.invoices)}: ${ms(last.ms)}${slow}`,
    ];
    if (last.note) parts.push(last.note);
    if (errors.length) parts.push(`ERROR ${errors.join('; ')}`);
    rows.push({
      id: `2${String.fromCharCode(97 + i)}`,
      figure: `Calls: ${op.label} — at ${sizeText} invoices`,
      result: parts.join('; '),
      target: 'constant',
      verdict: grown.length === 0
        ? (errors.length ? 'constant, but fails (see result)' : 'constant')
        : bounded
        ? `constant but for ${grown.join(', ')}: one insert once the sheet needs more than its 1,000 rows (bounded: at most one per dimension)`
        : `GROWS: ${grown.join(', ')}${per.some((r) => r.mailed !== per[0].mailed) ? ` (mails sent ${per.map((r) => r.mailed).join('→')})` : ''}${errors.length ? '; runs ended in errors, so part of the difference is where each stopped' : ''}`,
    });
  });
  return rows;
}

/** Section 3: one execution of CREDITSCORE over a column of every customer ID, cold then warm. */
export function columnRows(cfg: ColumnConfig, code?: string): Row[] {
  const rows: Row[] = [];
  const label = `${int(cfg.customers)} customers / ${int(cfg.invoices)} invoices / ${int(cfg.payments)} payments`;
  let env: Environment;
  let ids: string[][];
  try {
    progress(`column: ${label}`);
    env = createEnvironment({ timeZone: 'Asia/Shanghai', now: NOW, owner: 'owner@example.com', code });
    const book = benchCreditFile({ customers: cfg.customers, invoices: cfg.invoices, payments: cfg.payments });
    for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
    ids = book.Customers.slice(1).map((r) => [String(r[0])]);
  } catch (e) {
    rows.push(errorRow('3', `CREDITSCORE column, ${label}`, e));
    return rows;
  }
  for (const [id, which] of [['3a', 'cold (empty cache)'], ['3b', 'warm (second execution)']] as const) {
    env.calls.reset();
    try {
      const { ms: t, value } = timeOnce(() => env.execution({ customFunction: true }).call('CREDITSCORE', ids));
      const out = value as unknown[][];
      const numbers = Array.isArray(out) ? out.filter((r) => typeof r[0] === 'number').length : 0;
      rows.push({
        id,
        figure: `CREDITSCORE over a ${int(ids.length)}×1 range in one custom-function execution, ${which}; file ${label}`,
        result: `emulator time ${ms(t)}; calls ${env.calls.total()} (SpreadsheetApp family ${env.calls.total(SHEETS_FAMILY)}); ${int(numbers)} of ${int(ids.length)} cells got a score`,
        target: '—',
        verdict: numbers === ids.length ? 'all scored' : 'some cells not scored',
      });
    } catch (e) {
      rows.push(errorRow(id, `CREDITSCORE ${int(ids.length)}×1, ${which}`, e));
    }
    progress(`column: ${which} done`);
  }
  return rows;
}
