/** Java SimpleDateFormat patterns, as Utilities.formatDate uses them. */
import { offsetMs, toWallClock } from './timezone';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(offMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  const mins = Math.round(offMs / 60000);
  if (style.startsWith('X') && mins === 0) return 'Z';
  const sign = mins < 0 ? '-' : '+';
  const h = String(Math.floor(Math.abs(mins) / 60)).padStart(2, '0');
  const m = String(Math.abs(mins) % 60).padStart(2, '0');
  if (style === 'X') return `${sign}${h}`;
  if (style === 'XXX') return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

function shortZoneName(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Formats instant `ms` in `timeZone` with a Java SimpleDateFormat pattern; throws on an illegal letter. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const w = toWallClock(ms, timeZone);
  const dayOfYear = Math.floor((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const num = (v: number): string => String(v).padStart(n, '0');
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
      case 'u':
        if (ch === 'u') out += num(w.weekday === 0 ? 7 : w.weekday);
        else out += n === 2 ? String(w.year % 100).padStart(2, '0') : num(w.year);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : num(w.month);
        break;
      case 'd':
        out += num(w.day);
        break;
      case 'D':
        out += num(dayOfYear);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += num(w.hour);
        break;
      case 'k':
        out += num(w.hour === 0 ? 24 : w.hour);
        break;
      case 'K':
        out += num(w.hour % 12);
        break;
      case 'h':
        out += num(w.hour % 12 === 0 ? 12 : w.hour % 12);
        break;
      case 'm':
        out += num(w.minute);
        break;
      case 's':
        out += num(w.second);
        break;
      case 'S':
        out += num(w.millisecond);
        break;
      case 'z':
        out += shortZoneName(ms, timeZone);
        break;
      case 'Z':
        out += offsetText(offsetMs(ms, timeZone), 'Z');
        break;
      case 'X':
        out += offsetText(offsetMs(ms, timeZone), n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
