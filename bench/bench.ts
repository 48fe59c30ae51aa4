/**
 * The whole benchmark: four sections, one table. bench/run.ts is the command line
 * (`npm run bench`, `npm run bench -- --quick`); tests call runBench with tiny sizes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleRows, ROOT, type BundleConfig } from './bundle';
import { callRows, columnRows, type CallsConfig, type ColumnConfig } from './calls';
import { coreRows, type CoreConfig } from './core';
import { errorRow, loadText, machineLine, markdownTable, ms, type Row } from './lib';

export interface BenchConfig {
  name: string;
  core: CoreConfig | null;
  calls: CallsConfig | null;
  column: ColumnConfig | null;
  bundle: BundleConfig | null;
}

/** The sizes the figures in docs/performance.md are measured at. */
export const FULL: BenchConfig = {
  name: 'full',
  core: { customers: 10_000, invoices: 100_000, payments: 80_000, runs: 5, scale: 10, scaleRuns: 3 },
  calls: {
    sizes: [
      { invoices: 10, customers: 10 },
      { invoices: 1_000, customers: 100 },
      { invoices: 100_000, customers: 1_000 },
    ],
    orders: 20,
  },
  column: { customers: 10_000, invoices: 100_000, payments: 80_000 },
  bundle: { coldStarts: 20, targetKb: 150, targetMs: 20, metafile: true },
};

/** Small sizes for a shared machine: a minute or so. */
export const QUICK: BenchConfig = {
  name: 'quick',
  core: { customers: 1_000, invoices: 10_000, payments: 8_000, runs: 5, scale: 10, scaleRuns: 3 },
  calls: {
    sizes: [
      { invoices: 10, customers: 10 },
      { invoices: 100, customers: 20 },
      { invoices: 1_000, customers: 100 },
    ],
    orders: 20,
  },
  column: { customers: 1_000, invoices: 10_000, payments: 8_000 },
  bundle: { coldStarts: 20, targetKb: 150, targetMs: 20, metafile: true },
};

/** The commit measured and whether src/ had uncommitted changes (read-only git commands). */
export function gitLine(): string {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length;
    return `git ${head}${dirty ? ` + ${dirty} uncommitted change(s) under src/` : ', src/ clean'}`;
  } catch {
    return 'git: unknown';
  }
}

export interface BenchResult {
  rows: Row[];
  /** Machine line at the start, load average at the end, and the table. */
  markdown: string;
  elapsedMs: number;
}

/** Runs every section; a section that throws becomes an error row and the rest still run. */
export async function runBench(cfg: BenchConfig): Promise<BenchResult> {
  const t0 = performance.now();
  const machine = machineLine();
  const rows: Row[] = [];
  const section = async (id: string, name: string, fn: () => Row[] | Promise<Row[]>): Promise<void> => {
    try {
      rows.push(...(await fn()));
    } catch (e) {
      rows.push(errorRow(id, name, e));
    }
  };
  // One snapshot of the bundle for every section, so a rebuild during the run changes nothing.
  let code: string | undefined;
  let bundleLine = 'build/Code.js: missing (run npm run build)';
  try {
    code = readFileSync(join(ROOT, 'build', 'Code.js'), 'utf8');
    bundleLine = `build/Code.js sha1 ${createHash('sha1').update(code).digest('hex').slice(0, 10)}, ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB`;
  } catch {
    code = undefined;
  }
  if (cfg.core) {
    const core = cfg.core;
    await section('1', 'Core', () => coreRows(core));
  }
  if (cfg.calls) {
    const calls = cfg.calls;
    await section('2', 'Service calls per operation', () => callRows(calls, code));
  }
  if (cfg.column) {
    const column = cfg.column;
    await section('3', 'Custom-function column', () => columnRows(column, code));
  }
  if (cfg.bundle) {
    const bundle = cfg.bundle;
    await section('4', 'Bundle', () => bundleRows(bundle, code));
  }
  const elapsedMs = performance.now() - t0;
  const markdown = [
    `Run: \`${cfg.name}\` sizes · ${machine}`,
    `Code: ${gitLine()} · ${bundleLine}`,
    `Load average at the end: ${loadText()} · whole run ${ms(elapsedMs)}`,
    '',
    markdownTable(rows),
  ].join('\n');
  return { rows, markdown, elapsedMs };
}
