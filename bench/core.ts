/**
 * Section 1: the credit core on plain grids (no Apps Script, no emulator).
 *
 *   bare pass       every cell of every row of every sheet the reader reads, touched once
 *                   (a typeof check and a counter): the cost of merely walking the values;
 *   bare + coerce   the same walk, plus the primitive coercions the reader must do anyway:
 *                   each Date cell → calendar day (dayFromDate, spreadsheet zone) and each number
 *                   cell → minor units (parseMoney's number path);
 *   full            readCreditFile(grids) + computePicture(file, asOf), the work every operation
 *                   of the add-on does on a cache miss;
 * and the full computation on a file 10x as large.
 */
import { dayOf, benchCreditFile, type CreditWorkbook } from '../examples/generate';
import { computePicture } from '../src/core/picture';
import { readCreditFile } from '../src/core/read';
import { dayFromDate, isDateObject } from '../src/core/dates';
import { parseMoney } from '../src/core/money';
import type { Cell, CreditFile } from '../src/core/types';
import { collectGarbage, errorRow, int, median, ms, progress, ratio, timeCall, timeMedian, timeOnce, type Row, type Timing } from './lib';

export interface CoreConfig {
  customers: number;
  invoices: number;
  payments: number;
  /** Timed runs per figure (median), after one warm-up. */
  runs: number;
  /** The large file is `scale` times every count. */
  scale: number;
  /** Timed runs at the large size. */
  scaleRuns: number;
}

const TIME_ZONE = 'Asia/Shanghai';
const AS_OF = '2026-11-20';

type Sheets = { name: string; values: Cell[][] }[];

function sheetsOf(book: CreditWorkbook): Sheets {
  return Object.entries(book).map(([name, values]) => ({ name, values: values as Cell[][] }));
}

/** (a) Touches every cell once: a typeof check and a counter. */
export function barePass(sheets: Sheets): number {
  let n = 0;
  for (let s = 0; s < sheets.length; s++) {
    const values = sheets[s].values;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string') n += 1;
        else if (typeof v === 'number') n += 2;
        else if (typeof v === 'object') n += 3;
        else n += 4;
      }
    }
  }
  return n;
}

/** (b) The same walk with the primitive coercions: Date → day (in the zone), number → minor units. */
export function coercingPass(sheets: Sheets, timeZone: string): number {
  let acc = 0;
  for (let s = 0; s < sheets.length; s++) {
    const values = sheets[s].values;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'number') {
          const m = parseMoney(v, 2);
          if (typeof m === 'number') acc += m;
        } else if (typeof v === 'string') acc += 1;
        else if (isDateObject(v)) acc += dayFromDate(v, timeZone);
        else acc += 3;
      }
    }
  }
  return acc;
}

function fullPass(sheets: Sheets, asOf: number): unknown {
  const file = readCreditFile(sheets, { timeZone: TIME_ZONE });
  return computePicture(file, asOf);
}

function sizeText(c: { customers: number; invoices: number; payments: number }): string {
  return `${int(c.customers)} customers / ${int(c.invoices)} invoices / ${int(c.payments)} payments`;
}

function timingText(t: Timing, runs: number): string {
  return `${ms(t.median)} (median of ${runs}; min ${ms(t.min)}, max ${ms(t.max)}; CPU ${ms(t.cpu)})`;
}

export function coreRows(cfg: CoreConfig): Row[] {
  const rows: Row[] = [];
  const asOf = dayOf(AS_OF);
  const size = sizeText(cfg);
  let sheets: Sheets | null = null;
  let full: Timing | null = null;
  let bare: Timing | null = null;
  let coerced: Timing | null = null;

  try {
    progress(`core: generating ${size}`);
    sheets = sheetsOf(benchCreditFile({ customers: cfg.customers, invoices: cfg.invoices, payments: cfg.payments, asOf: AS_OF }));
  } catch (e) {
    rows.push(errorRow('1', `Core: generating ${size}`, e));
    return rows;
  }
  const s = sheets;
  const cells = s.reduce((n, sh) => n + sh.values.reduce((m, r) => m + r.length, 0), 0);

  try {
    progress('core: bare pass');
    bare = timeMedian(() => barePass(s), cfg.runs);
    rows.push({ id: '1a', figure: `Core bare pass: touch every cell once (typeof + counter), ${size} (${int(cells)} cells)`, result: timingText(bare, cfg.runs), target: '—', verdict: 'baseline' });
  } catch (e) {
    rows.push(errorRow('1a', 'Core bare pass', e));
  }
  try {
    progress('core: bare pass with coercions');
    coerced = timeMedian(() => coercingPass(s, TIME_ZONE), cfg.runs);
    rows.push({ id: '1b', figure: 'Core bare pass + primitive coercions (each Date → day via dayFromDate, each number → minor units via parseMoney)', result: timingText(coerced, cfg.runs), target: '—', verdict: 'stricter-but-fair baseline' });
  } catch (e) {
    rows.push(errorRow('1b', 'Core bare pass + coercions', e));
  }
  try {
    progress('core: full computation');
    full = timeMedian(() => fullPass(s, asOf), cfg.runs);
    rows.push({ id: '1c', figure: `Core full computation: readCreditFile(grids) + computePicture(file, asOf), ${size}`, result: timingText(full, cfg.runs), target: '—', verdict: '—' });
  } catch (e) {
    rows.push(errorRow('1c', 'Core full computation', e));
  }
  if (full && bare) {
    const r = full.median / bare.median;
    rows.push({
      id: '1d', figure: 'Ratio full / bare pass (1c / 1a)', result: ratio(r), target: '≤ 3x',
      verdict: r <= 3 ? 'met' : `NOT met: the bare pass only reads values already in memory (${ms(bare.median)}); the full pass must parse, validate and coerce every cell, key and sort per customer, allocate and age every invoice — see 1e for the fair baseline`,
    });
  }
  if (full && coerced) {
    const r = full.median / coerced.median;
    rows.push({
      id: '1e', figure: 'Ratio full / bare pass with coercions (1c / 1b)', result: ratio(r), target: '≤ 3x',
      verdict: r <= 3 ? 'met' : 'NOT met against the stricter baseline either (see the split in 1f / 1g)',
    });
  }

  let file: CreditFile | null = null;
  try {
    progress('core: readCreditFile alone');
    const read = timeMedian(() => readCreditFile(s, { timeZone: TIME_ZONE }), cfg.runs);
    file = readCreditFile(s, { timeZone: TIME_ZONE });
    rows.push({ id: '1f', figure: 'readCreditFile alone (grids → records and problems)', result: timingText(read, cfg.runs), target: '—', verdict: full ? `${Math.round((read.median / full.median) * 100)}% of 1c` : '—' });
  } catch (e) {
    rows.push(errorRow('1f', 'readCreditFile alone', e));
  }
  if (file) {
    const f = file;
    try {
      progress('core: computePicture alone');
      const pic = timeMedian(() => computePicture(f, asOf), cfg.runs);
      rows.push({ id: '1g', figure: 'computePicture alone (records → picture, with KPIs)', result: timingText(pic, cfg.runs), target: '—', verdict: full ? `${Math.round((pic.median / full.median) * 100)}% of 1c` : '—' });
      const lean = timeMedian(() => computePicture(f, asOf, { kpis: false }), cfg.runs);
      rows.push({ id: '1h', figure: 'computePicture alone, { kpis: false } (what custom functions use)', result: timingText(lean, cfg.runs), target: '—', verdict: '—' });
    } catch (e) {
      rows.push(errorRow('1g', 'computePicture alone', e));
    }
  }
  file = null;
  collectGarbage();

  // The 10x file. On a shared machine the load drifts over minutes, so each timed 10x run is
  // bracketed by 1x runs and divided by their mean: both sides of a ratio see the same load.
  const big = { customers: cfg.customers * cfg.scale, invoices: cfg.invoices * cfg.scale, payments: cfg.payments * cfg.scale };
  try {
    progress(`core: generating ${sizeText(big)}`);
    const gen = timeOnce(() => sheetsOf(benchCreditFile({ ...big, asOf: AS_OF })));
    const bs = gen.value;
    progress(`core: full computation at ${cfg.scale}x (generated in ${ms(gen.ms)}), bracketed by 1x runs`);
    const one = (sh: Sheets): { wall: number; cpu: number } => {
      collectGarbage();
      return timeCall(() => fullPass(sh, asOf));
    };
    one(bs); // warm-up
    const small = [one(s)];
    const large: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < cfg.scaleRuns; i++) {
      large.push(one(bs));
      small.push(one(s));
      progress(`core: ${cfg.scale}x run ${i + 1}: ${ms(large[i].wall)} (1x around it: ${ms(small[i].wall)}, ${ms(small[i + 1].wall)})`);
    }
    const walls = large.map((x) => x.wall);
    rows.push({
      id: '1i', figure: `Core full computation at ${cfg.scale}x: ${sizeText(big)}`,
      result: `${ms(median(walls))} (median of ${cfg.scaleRuns}; min ${ms(Math.min(...walls))}, max ${ms(Math.max(...walls))}; CPU ${ms(median(large.map((x) => x.cpu)))})`,
      target: '—', verdict: '—',
    });
    const wallRatios = large.map((x, i) => x.wall / ((small[i].wall + small[i + 1].wall) / 2));
    const cpuRatios = large.map((x, i) => x.cpu / ((small[i].cpu + small[i + 1].cpu) / 2));
    const r = median(wallRatios);
    const rc = median(cpuRatios);
    const limit = cfg.scale * 1.2;
    rows.push({
      id: '1j', figure: `Ratio ${cfg.scale}x file / 1x file: each ${cfg.scale}x run over the mean of the 1x runs just before and after it`,
      result: `${ratio(r)} wall (median; runs ${wallRatios.map(ratio).join(', ')}); ${ratio(rc)} CPU time; 1x runs in between: ${small.map((x) => ms(x.wall)).join(', ')}`,
      target: `≤ ${Math.round(limit)}x`,
      verdict: r <= limit ? 'met' : rc <= limit ? 'NOT met in wall time, met in CPU time (the machine was busy)' : 'NOT met: grows faster than linearly',
    });
  } catch (e) {
    rows.push(errorRow('1i', `Core full computation at ${cfg.scale}x`, e));
  }
  sheets = null;
  collectGarbage();
  return rows;
}
