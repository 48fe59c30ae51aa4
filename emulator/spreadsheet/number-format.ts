/**
 * Sheets number formats: what getDisplayValues shows for a value under a format.
 * Supports general, numeric patterns (0, 0.00, #,##0, #,##0.00, 0%, 0.0%, currency literals,
 * negative sections), date-time patterns (yyyy-mm-dd, M/d/yyyy h:mm am/pm, mmm, dddd, ...) and "@".
 */
import { StoredValue, WallTime, wallFromSerial } from './values';

/** What Apps Script's getNumberFormat returns for a cell with no explicit format. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The format shown for a date cell with no explicit format, by locale. */
export function defaultDateFormat(w: WallTime, locale: string): string {
  const midnight = w.ms % 86400000 === 0;
  if (locale.startsWith('en_US') || locale === 'en') return midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
  return midnight ? 'yyyy-mm-dd' : 'yyyy-mm-dd H:mm:ss';
}

function isGeneral(fmt: string | undefined): boolean {
  return !fmt || fmt === DEFAULT_NUMBER_FORMAT || /^general$/i.test(fmt);
}

/** Removes quoted literals, escapes and bracketed parts, leaving the pattern characters. */
function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/[_*]./g, '');
}

/** True when a format shows dates/times (has y, m, d, h or s and no 0/# digits). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (isGeneral(fmt)) return false;
  const core = stripLiterals(fmt as string).split(';')[0];
  return /[ymdhs]/i.test(core) && !/[0#?]/.test(core.replace(/\.0+/, ''));
}

/** The text Sheets displays for `v` under `fmt`. */
export function formatDisplay(v: StoredValue, fmt: string | undefined, locale: string): string {
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (v instanceof WallTime) {
    if (isDateFormat(fmt)) return formatDatePattern(v, fmt as string);
    if (isGeneral(fmt)) return formatDatePattern(v, defaultDateFormat(v, locale));
    if (fmt === '@') return formatGeneral(v.serial());
    return formatNumber(v.serial(), fmt as string);
  }
  if (isDateFormat(fmt)) return formatDatePattern(wallFromSerial(v), fmt as string);
  if (isGeneral(fmt) || fmt === '@') return formatGeneral(v);
  return formatNumber(v, fmt as string);
}

/** Sheets' general format: integers as is, otherwise up to 10 significant digits. */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [m, e] = n.toExponential(5).split('e');
    const mant = String(parseFloat(m));
    const exp = Number(e);
    return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(parseFloat(n.toPrecision(10)));
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Formats a number under a numeric pattern. */
export function formatNumber(n: number, fmt: string): string {
  const sections = splitSections(fmt);
  let section = sections[0];
  let value = n;
  let sign = '';
  if (n < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  } else if (n < 0) {
    sign = '-';
    value = -n;
  }
  const parts: Array<{ lit: string } | { block: string }> = [];
  let lit = '';
  let block: string | null = null;
  let percent = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit += section[i + 1] ?? '';
      i++;
    } else if (ch === '_') {
      lit += ' ';
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) lit += inner.slice(1).split('-')[0];
      i = end < 0 ? section.length : end;
    } else if (block === null && /[0#?.,]/.test(ch) && !(ch === ',' && lit === '' && parts.length === 0 && i === 0)) {
      if (lit) parts.push({ lit });
      lit = '';
      let j = i;
      while (j < section.length && /[0#?.,]/.test(section[j])) j++;
      block = section.slice(i, j);
      parts.push({ block });
      i = j - 1;
    } else if (ch === '%') {
      percent++;
      lit += '%';
    } else {
      lit += ch;
    }
  }
  if (lit) parts.push({ lit });
  value *= Math.pow(100, percent);
  const digits = block === null ? '' : renderBlock(value, block);
  const nonZero = block !== null && /[1-9]/.test(digits);
  const body = parts.map((p) => ('lit' in p ? p.lit : digits)).join('');
  return (sign && (nonZero || block === null) ? sign : '') + body;
}

function renderBlock(value: number, block: string): string {
  const dot = block.indexOf('.');
  let intPat = dot < 0 ? block : block.slice(0, dot);
  const fracPat = dot < 0 ? '' : block.slice(dot + 1).replace(/,/g, '');
  let scaled = value;
  while (intPat.endsWith(',')) {
    scaled /= 1000;
    intPat = intPat.slice(0, -1);
  }
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const fracMax = (fracPat.match(/[0#?]/g) ?? []).length;
  const fracMin = (fracPat.match(/0/g) ?? []).length;
  const fixed = roundFixed(scaled, fracMax);
  let [intStr, fracStr = ''] = fixed.split('.');
  while (fracStr.length > fracMin && fracStr.endsWith('0')) fracStr = fracStr.slice(0, -1);
  if (intStr === '0' && minInt === 0) intStr = '';
  intStr = intStr.padStart(minInt, '0');
  if (grouping) intStr = intStr.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return intStr + (dot >= 0 && (fracStr.length > 0 || fracMax === 0) ? '.' + fracStr : fracStr ? '.' + fracStr : '');
}

/** toFixed with half-away-from-zero rounding on the decimal representation. */
function roundFixed(value: number, decimals: number): string {
  const shifted = Number(Math.round(Number(value + 'e' + decimals)) + 'e-' + decimals);
  return (Number.isFinite(shifted) ? shifted : value).toFixed(decimals);
}

type DateToken = { kind: 'lit'; text: string } | { kind: 'y' | 'm' | 'd' | 'h' | 's' | 'ampm' | 'ap' | 'frac'; len: number; minute?: boolean };

function tokenizeDate(fmt: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      tokens.push({ kind: 'lit', text: fmt.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? fmt.length : end;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: fmt[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i);
      i = end < 0 ? fmt.length : end;
    } else if (fmt.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'ampm', len: 5 });
      i += 4;
    } else if (fmt.slice(i, i + 3).toLowerCase() === 'a/p') {
      tokens.push({ kind: 'ap', len: 3 });
      i += 2;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < fmt.length && fmt[j].toLowerCase() === lower) j++;
      tokens.push({ kind: lower as 'y', len: j - i });
      i = j - 1;
    } else if (ch === '.' && fmt[i + 1] === '0') {
      let j = i + 1;
      while (j < fmt.length && fmt[j] === '0') j++;
      tokens.push({ kind: 'frac', len: j - i - 1 });
      i = j - 1;
    } else {
      tokens.push({ kind: 'lit', text: ch });
    }
  }
  // "m" after an hour or before a second means minutes.
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, idx) => {
    if (t.kind !== 'm' || t.len > 2) return;
    const prev = fields[idx - 1];
    const next = fields[idx + 1];
    if ((prev && prev.kind === 'h') || (next && next.kind === 's')) t.minute = true;
  });
  return tokens;
}

/** Formats a wall time under a Sheets date-time pattern. */
export function formatDatePattern(w: WallTime, fmt: string): string {
  const d = new Date(w.ms);
  const tokens = tokenizeDate(splitSections(fmt)[0]);
  const twelve = tokens.some((t) => t.kind === 'ampm' || t.kind === 'ap');
  const pad = (n: number, len: number): string => String(n).padStart(len, '0');
  const hour = d.getUTCHours();
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'lit':
          return t.text;
        case 'y':
          return t.len <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
        case 'm':
          if (t.minute) return pad(d.getUTCMinutes(), t.len);
          if (t.len <= 2) return pad(d.getUTCMonth() + 1, t.len);
          if (t.len === 3) return MONTHS[d.getUTCMonth()].slice(0, 3);
          if (t.len === 4) return MONTHS[d.getUTCMonth()];
          return MONTHS[d.getUTCMonth()][0];
        case 'd':
          if (t.len <= 2) return pad(d.getUTCDate(), t.len);
          return t.len === 3 ? DAYS[d.getUTCDay()].slice(0, 3) : DAYS[d.getUTCDay()];
        case 'h':
          return pad(twelve ? ((hour + 11) % 12) + 1 : hour, Math.min(t.len, 2));
        case 's':
          return pad(d.getUTCSeconds(), Math.min(t.len, 2));
        case 'frac':
          return '.' + pad(d.getUTCMilliseconds(), 3).slice(0, t.len);
        case 'ampm':
          return hour < 12 ? 'AM' : 'PM';
        case 'ap':
          return hour < 12 ? 'A' : 'P';
        default:
          return '';
      }
    })
    .join('');
}
