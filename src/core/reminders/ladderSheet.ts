/**
 * The ladder as people keep it: a "Reminder Ladder" (催收阶梯) sheet, one row per level, beside
 * Settings and protected like it. A table is easier to edit than forty key/value rows.
 *
 * | Days | Audience | Name | Min Amount | Subject (EN) | Body (EN) | Subject (ZH) | Body (ZH) |
 *
 * A missing sheet, or one with no valid row, gives the default ladder. A bad row is reported
 * and left out; blank template cells take the default template of the nearest default level.
 */
import type { Problem } from '../types';
import { columnLetter } from '../read/cells';
import { nameLookup, normalizeHeader } from '../read/headers';
import { lazy } from '../lazy';
import { parseMoney, minorDigits } from '../money';
import { levelNameIn } from '../../i18n/ladder';
import { DEFAULT_LADDER, type Audience, type LadderLevel } from './ladder';

export const LADDER_SHEET = { en: 'Reminder Ladder', zh: '催收阶梯' } as const;

export const LADDER_COLUMNS = [
  { id: 'days', en: 'Days', zh: '天数', aliases: ['Days From Due', '相对到期日天数'] },
  { id: 'audience', en: 'Audience', zh: '对象', aliases: ['To', '发送对象'] },
  { id: 'name', en: 'Name', zh: '名称', aliases: ['Level', '级别'] },
  { id: 'minOpen', en: 'Min Amount', zh: '最低金额', aliases: ['Minimum', 'Minimum Open Amount', '最低未付金额'] },
  { id: 'subjectEn', en: 'Subject (EN)', zh: '英文主题', aliases: ['Subject EN', 'Subject'] },
  { id: 'bodyEn', en: 'Body (EN)', zh: '英文正文', aliases: ['Body EN', 'Body'] },
  { id: 'subjectZh', en: 'Subject (ZH)', zh: '中文主题', aliases: ['Subject ZH', '主题'] },
  { id: 'bodyZh', en: 'Body (ZH)', zh: '中文正文', aliases: ['Body ZH', '正文'] },
] as const;

type ColumnId = (typeof LADDER_COLUMNS)[number]['id'];

const looseColumnOf = nameLookup<ColumnId>(() => LADDER_COLUMNS.map((c) => [c.id, [c.en, c.zh, ...c.aliases]] as const));

/** A header as text with nothing dropped but case, spaces and punctuation: "Subject (ZH)" → "subjectzh". */
function strictKey(name: unknown): string {
  return typeof name === 'string' && name.length <= 200 ? name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') : '';
}

const strictColumns = lazy(() => {
  const m = new Map<string, ColumnId>();
  for (const c of LADDER_COLUMNS) {
    for (const name of [c.en, c.zh, ...c.aliases]) {
      const k = strictKey(name);
      if (k && !m.has(k)) m.set(k, c.id);
    }
  }
  return m;
});

/**
 * The ladder column a header names, or undefined. Its own names first, as written: matched like
 * every header, the trailing "(EN)" / "(ZH)" is dropped as a unit, which would read "Subject (ZH)"
 * as the English subject and leave the Chinese templates without a column.
 */
export function ladderColumnOf(cell: unknown): ColumnId | undefined {
  return strictColumns().get(strictKey(cell)) ?? looseColumnOf(cell);
}

export function isLadderSheetName(name: string): boolean {
  const k = normalizeHeader(name);
  return k === normalizeHeader(LADDER_SHEET.en) || k === normalizeHeader(LADDER_SHEET.zh);
}

/** The ladder's rows as "Set up" writes them, in a language (the default levels' names in it too). */
export function ladderRows(ladder: LadderLevel[], language: 'en' | 'zh'): (string | number)[][] {
  const header = LADDER_COLUMNS.map((c) => c[language]);
  const rows = ladder.map((l) => [
    l.days,
    audienceWord(l.audience, language),
    levelNameIn(l.name, language),
    l.minOpen / 100,
    l.templates.en.subject,
    l.templates.en.body,
    l.templates.zh.subject,
    l.templates.zh.body,
  ]);
  return [header, ...rows];
}

export function audienceWord(a: Audience, language: 'en' | 'zh'): string {
  if (language === 'zh') return a === 'customer' ? '客户' : '内部';
  return a === 'customer' ? 'Customer' : 'Internal';
}

function parseAudience(v: unknown): Audience | null {
  const s = String(v ?? '').trim().toLowerCase();
  if (['customer', '客户', ''].includes(s)) return 'customer';
  if (['internal', '内部', 'owner', 'escalation', '升级'].includes(s)) return 'internal';
  return null;
}

export interface LadderRead {
  ladder: LadderLevel[];
  problems: Problem[];
  /**
   * The 1-based sheet row each level of `ladder` was read from, parallel to it; empty when the
   * ladder is the default one (no sheet, or no valid row), whose levels come from no row.
   */
  rows: number[];
}

/** Reads the ladder sheet's grid; `sheet` names it in Problems. */
export function readLadder(values: unknown[][] | null, sheet: string, baseCurrency: string): LadderRead {
  const problems: Problem[] = [];
  const byDefault = (): LadderRead => ({ ladder: DEFAULT_LADDER, problems, rows: [] });
  if (!values || values.length < 2) return byDefault();
  const headerRow = values.findIndex((r) => r.some((c) => String(c ?? '').trim() !== ''));
  if (headerRow < 0) return byDefault();
  const col = new Map<ColumnId, number>();
  values[headerRow].forEach((h, i) => {
    const id = ladderColumnOf(h);
    if (id && !col.has(id)) col.set(id, i);
  });
  if (!col.has('days')) {
    problems.push({ sheet, row: headerRow + 1, column: '', header: 'Days', value: '', message: 'The ladder has no Days column, so the default ladder is used. Add a "Days" header.' });
    return byDefault();
  }
  const digits = minorDigits(baseCurrency);
  const read: { level: LadderLevel; row: number }[] = [];
  const seen = new Set<number>();
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    const get = (id: ColumnId) => (col.has(id) ? row[col.get(id)!] : '');
    const text = (id: ColumnId) => String(get(id) ?? '').trim();
    // A row whose ladder cells are all blank is no level, whatever the user keeps in other columns.
    if ([...col.values()].every((i) => String(row[i] ?? '').trim() === '')) continue;
    const problem = (id: ColumnId, message: string) =>
      problems.push({ sheet, row: r + 1, column: col.has(id) ? columnLetter(col.get(id)!) : '', header: LADDER_COLUMNS.find((c) => c.id === id)!.en, value: text(id).slice(0, 200), message });
    const days = Number(text('days').replace(/^\+/, ''));
    if (!Number.isInteger(days) || Math.abs(days) > 3650) {
      problem('days', 'Days must be a whole number of days from the due date, e.g. -3 or 15. This level is left out.');
      continue;
    }
    if (seen.has(days)) {
      problem('days', 'Two levels have the same Days. The second is left out.');
      continue;
    }
    const audience = parseAudience(get('audience'));
    if (!audience) {
      problem('audience', 'Audience must be Customer or Internal (客户 or 内部). This level is left out.');
      continue;
    }
    const min = text('minOpen') === '' ? 0 : parseMoney(get('minOpen'), digits);
    if (typeof min !== 'number') {
      problem('minOpen', 'Min Amount must be an amount, e.g. 100. This level is left out.');
      continue;
    }
    seen.add(days);
    const fallback = nearestDefault(days, audience);
    read.push({ row: r + 1, level: {
      days,
      audience,
      name: text('name') || fallback.name,
      minOpen: min,
      templates: {
        en: { subject: text('subjectEn') || fallback.templates.en.subject, body: text('bodyEn') || fallback.templates.en.body },
        zh: { subject: text('subjectZh') || fallback.templates.zh.subject, body: text('bodyZh') || fallback.templates.zh.body },
      },
    } });
  }
  if (read.length === 0) return byDefault();
  read.sort((a, b) => a.level.days - b.level.days);
  return { ladder: read.map((l) => l.level), problems, rows: read.map((l) => l.row) };
}

function nearestDefault(days: number, audience: Audience): LadderLevel {
  const same = DEFAULT_LADDER.filter((l) => l.audience === audience);
  const pool = same.length ? same : DEFAULT_LADDER;
  return pool.reduce((best, l) => (Math.abs(l.days - days) < Math.abs(best.days - days) ? l : best), pool[0]);
}

/**
 * Where a saved ladder's levels go in the sheet the levels `read` came from, so that each level
 * stays on its row, beside whatever the user keeps there: a level with the Days of a level read
 * goes to that level's row; the others, in their order, to the rows of the levels read that are
 * left, top down, then to the rows from `below` on. `rows` is each level's 1-based row, parallel
 * to `days`; `freed` the rows of levels read that no level takes (levels deleted), top down.
 */
export function placeLevels(days: readonly number[], read: readonly { days: number; row: number }[], below: number): { rows: number[]; freed: number[] } {
  const rowOfDays = new Map(read.map((l) => [l.days, l.row]));
  const taken = new Set<number>();
  const rows = days.map((d) => {
    const row = rowOfDays.get(d);
    if (row === undefined || taken.has(row)) return 0;
    taken.add(row);
    return row;
  });
  const free = read.map((l) => l.row).filter((r) => !taken.has(r)).sort((a, b) => a - b);
  let next = below;
  for (let i = 0; i < rows.length; i++) if (rows[i] === 0) rows[i] = free.shift() ?? next++;
  return { rows, freed: free };
}
