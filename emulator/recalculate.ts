/**
 * Custom-function recalculation: every formula `=NAME(arg, ...)` whose NAME is a function of the
 * code is evaluated in its own custom-function execution, as Sheets does. Arguments: A1 ranges
 * (open-ended and cross-sheet allowed; a single cell passes a scalar, a range a 2-D array, and
 * open-ended ranges run to the sheet's last row as in Sheets, blanks included), strings, numbers,
 * booleans. A 2-D result spills down/right. Other formulas keep their cached value.
 */
import { ExecutionKilled } from './errors';
import { parseA1, rectToA1 } from './spreadsheet/a1';
import { Cell, SheetModel } from './spreadsheet/model';
import { StoredValue, isDate, toScriptValue, wallFromDate } from './spreadsheet/values';
import type { Environment } from './environment';
import type { ExecutionHooks } from './execution';

/** What a recalculation did. */
export interface RecalcResult {
  /** Custom-function cells evaluated. */
  evaluated: number;
  /** Cells that ended in an error. */
  errors: Array<{ sheet: string; a1: string; code: string; message: string }>;
}

type Arg = { kind: 'ref'; text: string } | { kind: 'value'; value: string | number | boolean };

/** Sheets built-ins left alone (their cached value is kept). */
const BUILTINS = new Set(
  ('SUM SUMIF SUMIFS AVERAGE AVERAGEIF AVERAGEIFS COUNT COUNTA COUNTIF COUNTIFS COUNTBLANK IF IFS IFERROR IFNA VLOOKUP HLOOKUP XLOOKUP ' +
    'INDEX MATCH MIN MAX MINIFS MAXIFS ROUND ROUNDUP ROUNDDOWN TODAY NOW DATE DATEVALUE TEXT CONCATENATE CONCAT LEN LEFT RIGHT MID UPPER ' +
    'LOWER TRIM AND OR NOT ABS ARRAYFORMULA QUERY FILTER SORT UNIQUE IMPORTRANGE EDATE EOMONTH DATEDIF DAYS NETWORKDAYS WEEKDAY YEAR ' +
    'MONTH DAY HYPERLINK SPLIT JOIN TEXTJOIN SUBSTITUTE VALUE ISBLANK ISNUMBER ISTEXT ISERROR ISNA ROWS COLUMNS INDIRECT OFFSET ' +
    'SUMPRODUCT PRODUCT MOD INT CEILING FLOOR SPARKLINE IMAGE REGEXMATCH REGEXEXTRACT REGEXREPLACE LOOKUP CHOOSE SWITCH LET LAMBDA ' +
    'MAP BYROW BYCOL NA GOOGLEFINANCE GOOGLETRANSLATE TRANSPOSE SEQUENCE ROW COLUMN N T HOUR MINUTE SECOND TIME').split(' '),
);

/** Parses `=NAME(args)`; null when the formula is anything else. */
export function parseCall(formula: string): { name: string; args: Arg[] } | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\((.*)\)\s*$/s.exec(formula);
  if (!m) return null;
  const body = m[2];
  const parts: string[] = [];
  let cur = '';
  let inStr = false;
  let inQuote = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inStr) {
      cur += ch;
      if (ch === '"') {
        if (body[i + 1] === '"') cur += body[++i];
        else inStr = false;
      }
    } else if (inQuote) {
      cur += ch;
      if (ch === "'") inQuote = false;
    } else if (ch === '"') {
      inStr = true;
      cur += ch;
    } else if (ch === "'") {
      inQuote = true;
      cur += ch;
    } else if (ch === ',') {
      parts.push(cur);
      cur = '';
    } else if (ch === '(' || ch === ')') {
      return null;
    } else cur += ch;
  }
  if (inStr || inQuote) return null;
  if (cur.trim() !== '' || parts.length) parts.push(cur);
  const args: Arg[] = [];
  for (const raw of parts) {
    const t = raw.trim();
    if (/^".*"$/s.test(t)) args.push({ kind: 'value', value: t.slice(1, -1).replace(/""/g, '"') });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) args.push({ kind: 'value', value: Number(t) });
    else if (/^(TRUE|FALSE)$/i.test(t)) args.push({ kind: 'value', value: t.toUpperCase() === 'TRUE' });
    else if (t === '') args.push({ kind: 'value', value: '' });
    else if (parseA1(t)) args.push({ kind: 'ref', text: t });
    else return null;
  }
  return { name: m[1], args };
}

function toStored(v: unknown, timeZone: string): StoredValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDate(v)) return Number.isNaN(v.getTime()) ? '#NUM!' : wallFromDate(v, timeZone);
  return String(v);
}

function setError(cell: Cell, code: string, message: string): void {
  cell.value = code;
  cell.error = message;
}

/** Runs the recalculation over every sheet. */
export function recalculate(env: Environment, opts: { code?: string; hooks?: ExecutionHooks; maxRuntimeMs?: number }): RecalcResult {
  const ss = env.spreadsheet;
  const tz = ss.timeZone;
  const result: RecalcResult = { evaluated: 0, errors: [] };
  const probe = env.execution({ customFunction: true, code: opts.code });
  probe.end();
  const functions = probe.functionNames().filter((n) => !n.endsWith('_'));
  const lookup = (name: string): string | null => functions.find((f) => f === name) ?? functions.find((f) => f.toUpperCase() === name.toUpperCase()) ?? null;

  for (const sheet of ss.sheets) sheet.forEachCell((c) => {
    if (c.spillFrom) {
      c.value = '';
      delete c.spillFrom;
      delete c.error;
    }
  });

  const formulaCells: Array<{ sheet: SheetModel; row: number; col: number; cell: Cell }> = [];
  for (const sheet of ss.sheets) sheet.forEachCell((cell, row, col) => cell.formula && formulaCells.push({ sheet, row, col, cell }));

  for (const { sheet, row, col, cell } of formulaCells) {
    const call = parseCall(cell.formula as string);
    if (!call) continue;
    const fn = lookup(call.name);
    const a1 = rectToA1({ row, col, numRows: 1, numCols: 1 });
    const fail = (code: string, message: string): void => {
      setError(cell, code, message);
      result.errors.push({ sheet: sheet.name, a1, code, message });
    };
    delete cell.error;
    if (!fn) {
      if (BUILTINS.has(call.name.toUpperCase())) continue;
      fail('#NAME?', `Unknown function: '${call.name}'.`);
      continue;
    }
    const args: unknown[] = [];
    let bad: string | null = null;
    for (const a of call.args) {
      if (a.kind === 'value') {
        args.push(a.value);
        continue;
      }
      const ref = parseA1(a.text);
      const target = ref && (ref.sheetName === null ? sheet : ss.findSheet(ref.sheetName));
      if (!ref || !target) {
        bad = `Unresolved sheet name '${ref?.sheetName ?? a.text}'.`;
        break;
      }
      const rect = target.resolve(ref);
      const grid = target.map(rect, (c) => toScriptValue(c?.value, tz));
      args.push(rect.numRows === 1 && rect.numCols === 1 ? grid[0][0] : grid);
    }
    if (bad) {
      fail('#REF!', bad);
      continue;
    }
    result.evaluated++;
    let value: unknown;
    try {
      // getActiveRange() in a custom function is the cell of its formula.
      const selection = { sheetId: sheet.id, rect: { row, col, numRows: 1, numCols: 1 } };
      value = env.execution({ customFunction: true, code: opts.code, hooks: opts.hooks, maxRuntimeMs: opts.maxRuntimeMs, selection }).call(fn, ...args);
    } catch (e) {
      const message = e instanceof ExecutionKilled ? e.message : e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e);
      fail('#ERROR!', message);
      continue;
    }
    if (!Array.isArray(value)) {
      cell.value = toStored(value, tz);
      continue;
    }
    const grid: unknown[][] = (value as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
    if (grid.length === 0 || grid[0].length === 0) {
      cell.value = '';
      continue;
    }
    const width = Math.max(...grid.map((r) => r.length));
    if (row + grid.length - 1 > sheet.maxRows || col + width - 1 > sheet.maxColumns) {
      fail('#REF!', 'Array result was not expanded because it would extend past the edge of the sheet.');
      continue;
    }
    let blocked: string | null = null;
    for (let i = 0; i < grid.length && !blocked; i++) {
      for (let j = 0; j < width; j++) {
        if (i === 0 && j === 0) continue;
        const t = sheet.peek(row + i, col + j);
        if (t && (t.value !== '' || t.formula)) {
          blocked = rectToA1({ row: row + i, col: col + j, numRows: 1, numCols: 1 });
          break;
        }
      }
    }
    if (blocked) {
      fail('#REF!', `Array result was not expanded because it would overwrite data in ${blocked}.`);
      continue;
    }
    const origin = `${row},${col}`;
    grid.forEach((r, i) =>
      r.forEach((v, j) => {
        if (i === 0 && j === 0) {
          cell.value = toStored(v, tz);
          return;
        }
        const t = sheet.cell(row + i, col + j);
        t.value = toStored(v, tz);
        t.spillFrom = origin;
      }),
    );
  }
  return result;
}
