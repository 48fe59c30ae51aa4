/**
 * Small helpers of the benchmarks: timing (median after a warm-up, a forced GC before each run),
 * the machine line, the one result table and error-proof cells.
 */
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';

/** One row of the result table. */
export interface Row {
  /** Section and figure, e.g. "1c". */
  id: string;
  figure: string;
  result: string;
  target: string;
  verdict: string;
}

/** A row whose measurement threw: the error goes in its result cell. */
export function errorRow(id: string, figure: string, e: unknown, target = '—'): Row {
  return { id, figure, result: `error: ${errorText(e)}`, target, verdict: 'not measured' };
}

export function errorText(e: unknown): string {
  const msg = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return msg.replace(/\s+/g, ' ').slice(0, 300);
}

let gcFn: (() => void) | null = null;

/** Runs a full garbage collection when V8 lets us expose it (it does without flags via v8.setFlagsFromString). */
export function collectGarbage(): void {
  if (gcFn === null) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gcFn = vm.runInNewContext('gc') as () => void;
    } catch {
      gcFn = () => undefined;
    }
  }
  gcFn();
}

export interface Timing {
  /** Wall time, ms. */
  median: number;
  min: number;
  max: number;
  runs: number[];
  /** Median CPU time of the process (user + system, all threads: GC helpers included), ms. */
  cpu: number;
}

/** Wall and CPU time of one call. */
export function timeCall(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sink.value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Anything computed inside a timed function goes here so V8 cannot drop the work. */
export const sink: { value: unknown } = { value: undefined };

/** Median of `runs` timed calls of `fn` after `warmups` untimed ones, a GC before each call. */
export function timeMedian(fn: () => unknown, runs: number, warmups = 1): Timing {
  for (let i = 0; i < warmups; i++) {
    collectGarbage();
    sink.value = fn();
  }
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const t = timeCall(fn);
    times.push(t.wall);
    cpus.push(t.cpu);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0], max: sorted[sorted.length - 1], runs: times, cpu: median(cpus) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time of one call. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** 1234.5 → "1,235 ms"; small values keep a decimal. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 100) return `${Math.round(x).toLocaleString('en-US')} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function int(n: number): string {
  return n.toLocaleString('en-US');
}

export function ratio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}x` : String(x);
}

/** The machine line: node, CPU, cores, load average. */
export function machineLine(): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  return `node ${process.version} · ${model} · ${cpus.length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GB · load average ${loadText()}`;
}

export function loadText(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(' / ') + ' (1 / 5 / 15 min)';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** The rows as one markdown table. */
export function markdownTable(rows: Row[]): string {
  const lines = ['| # | Figure | Result | Target | Verdict |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${cell(r.id)} | ${cell(r.figure)} | ${cell(r.result)} | ${cell(r.target)} | ${cell(r.verdict)} |`);
  return lines.join('\n');
}

/** Progress on stderr, so stdout is just the table. */
export function progress(text: string): void {
  if (process.env.BENCH_SILENT) return;
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}
