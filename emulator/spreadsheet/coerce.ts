/**
 * Turning what a script or a user writes into what a cell stores, as Sheets does:
 * "=..." is a formula, "'..." literal text, number-like and date-like strings are parsed unless
 * the cell's number format is "@" (plain text).
 */
import { utcFields } from '../util/timezone';
import { StoredValue, WallTime, isDate, wallFromDate } from './values';

/** The result of writing one value: the stored value, a formula, and a format Sheets would apply. */
export interface Written {
  value: StoredValue;
  formula?: string;
  /** Number format Sheets auto-applies when the cell has none (dates, percentages, currency). */
  formatHint?: string;
}

const NUMBER = /^([+-])?(\$)?((?:\d{1,3}(?:,\d{3})+)|\d*)(\.\d+)?(?:[eE]([+-]?\d+))?(%)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses a number the way Sheets does on input ("1,234.5", "12%", "$3", "-0.5"); null if not one. */
export function parseNumber(text: string): { value: number; formatHint?: string } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign, dollar, intPart, frac, exp, pct] = m;
  if (!intPart && !frac) return null;
  let n = Number((intPart || '0').replace(/,/g, '') + (frac ?? ''));
  if (exp) n *= Math.pow(10, Number(exp));
  if (sign === '-') n = -n;
  if (pct) return { value: n / 100, formatHint: frac ? '0.00%' : '0%' };
  if (dollar) return { value: n, formatHint: '"$"#,##0.00' };
  return { value: n };
}

/** Parses a date-time string (ISO-like, or M/d/yyyy for en_US); null if not one. */
export function parseDateText(text: string, locale: string): { value: WallTime; formatHint: string } | null {
  let m = ISO_DATE.exec(text);
  let y: number, mo: number, d: number;
  let hint: string;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    hint = m[4] === undefined ? 'yyyy-mm-dd' : m[6] === undefined ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd hh:mm:ss';
  } else if (locale.startsWith('en_US') && (m = US_DATE.exec(text))) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    hint = m[4] === undefined ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
  } else {
    return null;
  }
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = utcFields(y, mo, d, h, mi, s, ms);
  const check = new Date(wall);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return { value: new WallTime(wall), formatHint: hint };
}

/** Interprets a string typed into a cell. */
export function parseInputText(text: string, numberFormat: string | undefined, locale: string): Written {
  if (numberFormat === '@') return { value: text };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const t = text.trim();
  if (t === '') return { value: text };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const n = parseNumber(t);
  if (n) return n;
  const d = parseDateText(t, locale);
  if (d) return d;
  return { value: text };
}

/** Interprets any value a script passes to setValue(s) (or a user types). */
export function coerceWrite(v: unknown, numberFormat: string | undefined, locale: string, timeZone: string): Written {
  if (v === null || v === undefined || v === '') return { value: '' };
  if (typeof v === 'string') return parseInputText(v, numberFormat, locale);
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { value: '#NUM!' };
  if (typeof v === 'boolean') return { value: v };
  if (isDate(v)) return Number.isNaN(v.getTime()) ? { value: '' } : { value: wallFromDate(v, timeZone) };
  if (v instanceof WallTime) return { value: v };
  return { value: String(v) };
}
