/**
 * getSettings / saveSettings: the Settings sheet (key/value rows, keys in English or Chinese) and
 * the Reminder Ladder sheet, as the sidebar's SettingsView.
 *
 * Save: only the owner or an approver listed in Settings (as the sheet says now, not as the
 * request says). The view is validated with zod; FieldErrors are keyed by field path
 * ('warnRatio', 'gradeCutoffs.B', 'ladder.2.days', 0-based). On success it writes only the value
 * cells of the keys it manages — agingEdges, the six weights, the A/B/C cut-offs, hold threshold,
 * warn ratio and approvers — one write per run of adjacent rows, appends the keys the sheet lacks
 * below its last row, and writes each ladder level back into the row it was read from (see
 * writeLadder): a user's columns beside or between the ladder's, and the rows the ladder reader
 * left out (a draft level with Days "TBD"), are never written.
 * Ladder levels must go up by days (which also makes them unique), so that the levels keep their
 * order, and their error keys their index, when the ladder is read back.
 */
import { headerRowIndex, usedWidth } from '../../core/read/table';
import * as z from 'zod/mini';
import { lazy } from '../../core/lazy';
import { minorDigits } from '../../core/money';
import { readSettings, settingIdOfKey, settingRows, settingsColumns, SETTINGS_SHEET, tableOfSheetName } from '../../core/read';
import { isEmail } from '../../core/read/cells';
import { audienceWord, isLadderSheetName, LADDER_COLUMNS, LADDER_SHEET, ladderColumnOf, placeLevels, readLadder } from '../../core/reminders/ladderSheet';
import type { LadderLevel } from '../../core/reminders/ladder';
import type { Cell, Grid, ScoreWeights, Settings } from '../../core/types';
import type { Language } from '../../i18n/language';
import { SIDEBAR_TEXT } from '../../i18n/sidebarServer';
import { openSheets, type OpenSheet } from '../../platform/selection';
import { userLanguage } from '../../platform/session';
import { ensureSheet, timeZone, writeBlock } from '../../platform/spreadsheet';
import type { FieldErrors, LadderLevelView, SettingsView } from '../../sidebar/api';
import { isApprover, sheetLanguage } from './load';

export const WEIGHT_KEYS: (keyof ScoreWeights)[] = ['timeliness', 'delinquency', 'utilisation', 'relationship', 'disputes', 'externalRating'];

interface Read {
  settings: Settings;
  settingsSheet: OpenSheet | undefined;
  ladderSheet: OpenSheet | undefined;
  ladder: LadderLevel[];
  /** The 1-based sheet row of each level of `ladder`, parallel to it; empty for the default ladder. */
  ladderRows: number[];
  zone: string;
  language: Language;
}

function readBoth(): Read {
  const zone = timeZone();
  const language = userLanguage();
  const sheets = openSheets((name) => tableOfSheetName(name) === 'settings' || isLadderSheetName(name));
  const settingsSheet = sheets.find((s) => tableOfSheetName(s.name) === 'settings');
  const ladderSheet = sheets.find((s) => isLadderSheetName(s.name));
  const settings = readSettings(settingsSheet, { timeZone: zone, language }).settings;
  const { ladder, rows: ladderRows } = readLadder(ladderSheet ? ladderSheet.values : null, ladderSheet?.name ?? LADDER_SHEET.en, settings.baseCurrency);
  return { settings, settingsSheet, ladderSheet, ladder, ladderRows, zone, language };
}

function levelView(l: LadderLevel): LadderLevelView {
  return {
    days: l.days, audience: l.audience, name: l.name, minOpen: l.minOpen,
    subjectEn: l.templates.en.subject, bodyEn: l.templates.en.body, subjectZh: l.templates.zh.subject, bodyZh: l.templates.zh.body,
  };
}

export function getSettings(): SettingsView {
  const { settings: s, ladder } = readBoth();
  return {
    agingEdges: [...s.agingEdges],
    scoreWeights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, s.scoreWeights[k]])),
    gradeCutoffs: { ...s.gradeCutoffs },
    holdThresholdDays: s.holdThresholdDays,
    warnRatio: s.warnRatio,
    approvers: [...s.approvers],
    ladder: ladder.map(levelView),
  };
}

// ---------------------------------------------------------------- validation

// Built on first use.
const viewSchema = lazy(() => {
  const finite = z.number().check(z.refine(Number.isFinite));
  const whole = (lo: number, hi: number) => z.number().check(z.refine(Number.isInteger), z.gte(lo), z.lte(hi));
  const oneLine = (max: number) => z.string().check(z.maxLength(max), z.refine((s: string) => !/[\r\n\u2028\u2029]/.test(s), { error: 'lineBreak' }));
  const percent = () => finite.check(z.gte(0), z.lte(100));
  const levelSchema = z.object({
    days: whole(-365, 3650),
    audience: z.string().check(z.refine((s) => s === 'customer' || s === 'internal')),
    name: oneLine(100),
    minOpen: z.number().check(z.refine(Number.isInteger), z.gte(0), z.lte(1e13)),
    subjectEn: oneLine(250),
    bodyEn: z.string().check(z.maxLength(5000)),
    subjectZh: oneLine(250),
    bodyZh: z.string().check(z.maxLength(5000)),
  });
  return z.object({
    agingEdges: z.array(whole(1, 3650)).check(z.minLength(1), z.maxLength(12)),
    // Any key, each value checked (unknown keys are reported below). For the plain objects
    // google.script.run passes this is z.record(z.string(), …), without bundling $ZodRecord (2.5 KB);
    // the two differ only on values it cannot pass (class instances, Maps, inherited keys).
    scoreWeights: z.catchall(z.object({}), finite.check(z.gte(0), z.lte(5))),
    gradeCutoffs: z.object({ A: percent(), B: percent(), C: percent() }),
    holdThresholdDays: whole(1, 365),
    warnRatio: finite.check(z.gt(0), z.lte(1)),
    approvers: z.array(z.string().check(z.maxLength(254))).check(z.maxLength(50)),
    ladder: z.array(levelSchema).check(z.minLength(1), z.maxLength(20)),
  });
});

/** The message kind of a field path: 'ladder.2.days' → 'ladder.days', 'gradeCutoffs.B' → 'gradeCutoffs'. */
function kindOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'ladder') return parts.length >= 3 ? `ladder.${parts[2]}` : 'ladder';
  return parts[0];
}

/**
 * Validates a SettingsView; returns the errors keyed by field path (empty: valid). Each field is
 * checked on its own, and the rules between fields (edges going up, A > B > C, ladder days going
 * up) on the fields that passed, so that one bad field does not hide the others' errors.
 */
export function validateSettings(view: unknown, language: Language): Record<string, string> {
  const t = SIDEBAR_TEXT[language];
  const errors: Record<string, string> = {};
  const add = (key: string, message: string): void => {
    if (!(key in errors)) errors[key] = message;
  };
  if (typeof view !== 'object' || view === null) return { '': t.field[''] };
  const raw = view as Record<string, unknown>;
  const ok: Partial<Record<keyof SettingsView, boolean>> = {};
  for (const [field, schema] of Object.entries(viewSchema().shape) as [keyof SettingsView, z.ZodMiniType][]) {
    const parsed = schema.safeParse(raw[field]);
    ok[field] = parsed.success;
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const path = [field, ...issue.path.map(String)];
      // Per-element paths of arrays the sidebar edits as one field.
      const key = field === 'agingEdges' || field === 'approvers' ? field : path.join('.');
      add(key, issue.message === 'lineBreak' ? t.lineBreak : t.field[kindOf(key)] ?? t.field['']);
    }
  }
  const v = view as SettingsView;
  if (ok.agingEdges && v.agingEdges.some((e, i) => i > 0 && e <= v.agingEdges[i - 1])) add('agingEdges', t.edgesOrder);
  if (ok.scoreWeights) {
    for (const k of Object.keys(v.scoreWeights)) if (!WEIGHT_KEYS.includes(k as keyof ScoreWeights)) add(`scoreWeights.${k}`, t.weightUnknown(k));
    // Every weight must be given: a missing one would be saved as 1 over what the sheet holds.
    for (const k of WEIGHT_KEYS) if (!Object.prototype.hasOwnProperty.call(v.scoreWeights, k)) add(`scoreWeights.${k}`, t.field.scoreWeights);
  }
  if (ok.gradeCutoffs) {
    if (!(v.gradeCutoffs.A > v.gradeCutoffs.B)) add('gradeCutoffs.B', t.cutoffOrderB);
    if (!(v.gradeCutoffs.B > v.gradeCutoffs.C)) add('gradeCutoffs.C', t.cutoffOrderC);
  }
  if (ok.approvers) {
    const bad = v.approvers.map((a) => a.trim()).filter((a) => a !== '' && !isEmail(a));
    if (bad.length) add('approvers', t.approverEmail(bad.join(', ')));
  }
  if (Array.isArray(v.ladder)) {
    const days = (i: number): number | null => {
      const d = (v.ladder[i] as { days?: unknown } | undefined)?.days;
      return typeof d === 'number' && Number.isInteger(d) ? d : null;
    };
    for (let i = 1; i < v.ladder.length; i++) {
      const prev = days(i - 1);
      const cur = days(i);
      if (prev !== null && cur !== null && cur <= prev) add(`ladder.${i}.days`, t.ladderOrder(prev));
    }
  }
  return errors;
}

// ---------------------------------------------------------------- writing

const MANAGED = new Set(['agingEdges', 'holdThresholdDays', 'warnRatio', 'approvers', ...WEIGHT_KEYS.map((k) => `weight.${k}`), 'gradeMin.A', 'gradeMin.B', 'gradeMin.C']);

/** The value cell of each managed setting: its 1-based row, and the key/value columns (as readSettings finds them). */
export function settingsLayout(values: Grid): { keyCol: number; valueCol: number; rows: Map<string, number>; headerRow: number } {
  const layout = settingsColumns(values);
  if (layout === null) return { keyCol: 0, valueCol: 1, rows: new Map(), headerRow: -1 };
  const { keyCol, valueCol, headerRow, firstRow } = layout;
  const rows = new Map<string, number>();
  for (let r = firstRow; r < values.length; r++) {
    const id = settingIdOfKey(values[r][keyCol]);
    if (id && MANAGED.has(id) && !rows.has(id)) rows.set(id, r + 1); // the first row of a key counts, as when reading
  }
  return { keyCol, valueCol, rows, headerRow };
}

function managedValues(v: SettingsView): Map<string, Cell> {
  const out = new Map<string, Cell>();
  out.set('agingEdges', v.agingEdges.join(','));
  out.set('holdThresholdDays', v.holdThresholdDays);
  out.set('warnRatio', v.warnRatio);
  for (const k of WEIGHT_KEYS) out.set(`weight.${k}`, v.scoreWeights[k] ?? 1);
  for (const g of ['A', 'B', 'C'] as const) out.set(`gradeMin.${g}`, v.gradeCutoffs[g]);
  out.set('approvers', v.approvers.map((a) => a.trim()).filter(Boolean).join(', '));
  return out;
}

function writeSettings(sheet: OpenSheet | undefined, view: SettingsView, language: Language): void {
  let target = sheet;
  if (!target) {
    const created = ensureSheet(SETTINGS_SHEET[language]).sheet;
    const header = [language === 'zh' ? SETTINGS_SHEET.keyHeader.zh : SETTINGS_SHEET.keyHeader.en, language === 'zh' ? SETTINGS_SHEET.valueHeader.zh : SETTINGS_SHEET.valueHeader.en];
    writeBlock(created, 1, 1, [header]);
    target = { name: SETTINGS_SHEET[language], sheet: created, values: [header] };
  }
  const { keyCol, valueCol, rows } = settingsLayout(target.values);
  const lang = sheetLanguage(target.name, target.values[Math.max(0, headerRowIndex(target.values))] ?? []);
  const values = managedValues(view);
  // Existing keys: one write per run of adjacent rows in the value column.
  const present = [...rows.entries()].sort((a, b) => a[1] - b[1]);
  let run: { start: number; cells: Cell[][] } | null = null;
  const flush = (): void => {
    if (run) writeBlock(target!.sheet, run.start, valueCol + 1, run.cells);
    run = null;
  };
  for (const [id, row] of present) {
    if (run && run.start + run.cells.length === row) run.cells.push([values.get(id)!]);
    else {
      flush();
      run = { start: row, cells: [[values.get(id)!]] };
    }
  }
  flush();
  // Missing keys: appended below the last row, in settingRows() order.
  const missing = settingRows().filter((r) => MANAGED.has(r.id) && !rows.has(r.id));
  if (missing.length === 0) return;
  const first = target.values.length + 1;
  const keyText = (id: string): string => {
    const row = settingRows().find((r) => r.id === id)!;
    return lang === 'zh' ? row.zh : row.en;
  };
  if (valueCol === keyCol + 1) {
    writeBlock(target.sheet, first, keyCol + 1, missing.map((r) => [keyText(r.id), values.get(r.id)!]));
  } else {
    writeBlock(target.sheet, first, keyCol + 1, missing.map((r) => [keyText(r.id)]));
    writeBlock(target.sheet, first, valueCol + 1, missing.map((r) => [values.get(r.id)!]));
  }
}

/**
 * Writes the saved ladder into the ladder sheet, each level into the row it was read from
 * (placeLevels: matched by Days, then the rows left, then below the last used row), so that the
 * cells a user keeps beside a level stay beside it. The ladder's cells of levels deleted are
 * cleared; the rows the reader left out (a level it rejected, a row with no ladder cell) keep
 * every cell. Only the ladder's own cells are written: one write per run of adjacent ladder
 * columns (a user's columns beside or between them keep their cells, formulas included) and per
 * block of adjacent ladder rows — one block in the usual sheet, and never more than the ladder's
 * levels and deleted levels (at most 20 each), whatever the sheet's length. A ladder column the
 * header lacks is added after the last column with content in any row, header cell included;
 * existing header cells are not rewritten.
 */
function writeLadder(sheet: OpenSheet | undefined, ladder: LadderLevelView[], read: { days: number; row: number }[], baseCurrency: string, language: Language): void {
  const digits = minorDigits(baseCurrency);
  const cellOf = (l: LadderLevelView, id: (typeof LADDER_COLUMNS)[number]['id'], lang: Language): Cell => {
    switch (id) {
      case 'days': return l.days;
      case 'audience': return audienceWord(l.audience, lang);
      case 'minOpen': return l.minOpen / 10 ** digits;
      default: return l[id];
    }
  };
  if (!sheet) {
    const created = ensureSheet(LADDER_SHEET[language]).sheet;
    writeBlock(created, 1, 1, [LADDER_COLUMNS.map((c) => c[language]), ...ladder.map((l) => LADDER_COLUMNS.map((c) => cellOf(l, c.id, language)))]);
    return;
  }
  const values = sheet.values;
  let h = values.findIndex((r) => r.some((c) => String(c ?? '').trim() !== ''));
  if (h < 0) h = 0;
  const header: readonly Cell[] = values[h] ?? [];
  const lang = sheetLanguage(sheet.name, [...header]);
  // Ladder column id by 0-based sheet column; added columns go after everything used.
  const idAt = new Map<number, (typeof LADDER_COLUMNS)[number]['id']>();
  const seen = new Set<string>();
  header.forEach((cell, i) => {
    const id = ladderColumnOf(cell);
    if (id && !seen.has(id)) {
      seen.add(id);
      idAt.set(i, id);
    }
  });
  const added = new Set<number>();
  let next = usedWidth(values);
  for (const c of LADDER_COLUMNS) {
    if (seen.has(c.id)) continue;
    added.add(next);
    idAt.set(next++, c.id);
  }
  const columnOf = new Map(LADDER_COLUMNS.map((c) => [c.id, c]));

  // The rows written (1-based): each level's, and those of levels deleted (null: cleared).
  // New rows go below the last used row (getDataRange's), and below the header.
  const placed = placeLevels(ladder.map((l) => l.days), read, Math.max(values.length, h + 1) + 1);
  const owned = new Map<number, LadderLevelView | null>();
  placed.rows.forEach((row, i) => owned.set(row, ladder[i]));
  for (const row of placed.freed) owned.set(row, null);
  const sorted = [...owned.keys()].sort((a, b) => a - b);
  const blocks: { start: number; end: number }[] = [];
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.end === row - 1) last.end = row;
    else blocks.push({ start: row, end: row });
  }
  const lastRow = sorted[sorted.length - 1];
  const cellAt = (row: number, col: number): Cell => {
    const level = owned.get(row);
    return level ? cellOf(level, idAt.get(col)!, lang) : '';
  };

  // Runs of adjacent ladder columns, split where existing columns meet added ones.
  const cols = [...idAt.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const col of cols) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === col - 1 && added.has(run[0]) === added.has(col)) run.push(col);
    else runs.push([col]);
  }
  for (const run of runs) {
    if (added.has(run[0])) {
      // An added column has nothing below its header (it comes after every used column): one
      // block from the header to the last row written.
      const block: Cell[][] = [run.map((col) => columnOf.get(idAt.get(col)!)![lang])];
      for (let row = h + 2; row <= lastRow; row++) block.push(run.map((col) => cellAt(row, col)));
      writeBlock(sheet.sheet, h + 1, run[0] + 1, block);
      continue;
    }
    for (const { start, end } of blocks) {
      const block: Cell[][] = [];
      for (let row = start; row <= end; row++) block.push(run.map((col) => cellAt(row, col)));
      writeBlock(sheet.sheet, start, run[0] + 1, block);
    }
  }
}

export function saveSettings(view: SettingsView): { ok: true } | FieldErrors {
  const read = readBoth();
  const t = SIDEBAR_TEXT[read.language];
  if (!isApprover(read.settings.approvers)) return { ok: false, errors: { '': t.notApprover(read.settings.approvers.join(', ')) } };
  const errors = validateSettings(view, read.language);
  if (Object.keys(errors).length) return { ok: false, errors };
  const clean: SettingsView = {
    ...view,
    approvers: view.approvers.map((a) => a.trim()).filter(Boolean),
    ladder: view.ladder.map((l) => ({ ...l, name: l.name.trim(), subjectEn: l.subjectEn.trim(), subjectZh: l.subjectZh.trim() })),
  };
  writeSettings(read.settingsSheet, clean, read.language);
  const readLevels = read.ladderRows.map((row, i) => ({ days: read.ladder[i].days, row }));
  writeLadder(read.ladderSheet, clean.ladder, readLevels, read.settings.baseCurrency, read.language);
  return { ok: true };
}
