/**
 * Which sheet a report is written to. The add-on rewrites a report sheet in full, so it must only
 * ever rewrite a sheet it created: a sheet is the add-on's when it carries the add-on's developer
 * metadata (key OWNER_KEY, value the report's English name), put there when the add-on created it.
 * A name alone proves nothing: a user's own "Dashboard" or "风险预警" is never cleared.
 *
 * A report's sheet is looked for among the sheets named like it: its English or Chinese name
 * (any case, trimmed), or either of them with the add-on's suffix — " (Credit Desk)",
 * " (Credit Desk 2)", …, or "（信用管理）", "（信用管理 2）", … in Chinese. The marked one found first
 * (the plain name before the suffixed ones, then tab order) is the report's. When there is none,
 * a new sheet is created under the plain name in the user's language, or, when a sheet the
 * add-on does not own holds that name, under the first free suffixed name; and it is marked.
 *
 * Sheets written by versions before the mark carry none. Such a sheet is claimed (and marked)
 * only when it carries no mark of the add-on at all (a sheet marked for another report is never
 * claimed), has the report's plain name and its content starts exactly as the add-on writes
 * it: the same number of frozen rows as the report, and a first row whose every text cell (the
 * report's title or labels: "As of", "Base currency", the statement's title, the Problems
 * headers, …) and every blank is, cell for cell, what the report is about to write there; the
 * report's dates and numbers in that row change from run to run, so any value passes there.
 * Anything else — a user's sheet with that name, or an old report in the other language or
 * currency — is left as it is and the report goes to a suffixed sheet: when unsure, a new sheet
 * rather than lost data.
 *
 * An empty unmarked sheet is not claimed either, although a run stopped between creating a sheet
 * and marking it (the next call) leaves one: it may as well be a sheet the user just added.
 *
 * Calls: one getSheets and one getName per sheet; per sheet named like the report, one
 * getDeveloperMetadata, one getKey per metadata on it and one getValue per mark; four more to look at an unmarked
 * plain-named sheet; two to create and mark a sheet. None depend on the number of rows.
 */
import type { Cell } from '../../core/types';
import type { Language } from '../../i18n/language';
import { addMetadata, firstRowAndFrozen, insertSheet, metadataValues, namedSheets, type NamedSheet } from '../../platform/metadata';
import type { ReportLayout } from './layout';

/** The developer-metadata key of the sheets the add-on created; the value is the report's English name. */
export const OWNER_KEY = 'creditDesk.owner';

/** Sheet names are at most 100 characters. */
const MAX_NAME = 100;

const SUFFIX: Record<Language, { pattern: RegExp; text: (n: number) => string }> = {
  en: { pattern: /^(.*) \(credit desk(?: (\d+))?\)$/i, text: (n) => (n === 1 ? ' (Credit Desk)' : ` (Credit Desk ${n})`) },
  zh: { pattern: /^(.*)（信用管理(?: (\d+))?）$/, text: (n) => (n === 1 ? '（信用管理）' : `（信用管理 ${n}）`) },
};

/** The n-th suffixed name of a report (n ≥ 1), its base shortened to keep it within 100 characters. */
export function suffixedName(base: string, n: number, language: Language): string {
  const suffix = SUFFIX[language].text(n);
  return base.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
}

const norm = (name: string) => name.trim().toLowerCase();

/**
 * Where a sheet name stands among a report's names: 0 for its English or Chinese name, n for the
 * n-th suffixed name (either language's base, either suffix), null for any other name.
 */
export function reportNameRank(name: string, reportNames: Record<Language, string>): number | null {
  const wanted = norm(name);
  const bases = [reportNames.en, reportNames.zh];
  if (bases.some((b) => norm(b) === wanted)) return 0;
  for (const language of ['en', 'zh'] as const) {
    const m = SUFFIX[language].pattern.exec(name.trim());
    if (!m) continue;
    const n = m[2] === undefined ? 1 : Number(m[2]);
    if (n >= 1 && bases.some((b) => norm(suffixedName(b, n, language)) === wanted)) return n;
  }
  return null;
}

/** The first name free for a new report sheet: the plain name in `language`, else the first free suffixed one. */
export function freeReportName(taken: readonly string[], reportNames: Record<Language, string>, language: Language): string {
  const used = new Set(taken.map(norm));
  const base = reportNames[language];
  if (!used.has(norm(base))) return base;
  for (let n = 1; ; n++) {
    const name = suffixedName(base, n, language);
    if (!used.has(norm(name))) return name;
  }
}

/** A found cell against the one the report writes: text and blanks must be equal; dates and numbers may be any value. */
function sameCell(written: Cell | null | undefined, found: unknown): boolean {
  if (written === null || written === undefined || written === '') return found === '' || found === null || found === undefined;
  if (typeof written === 'string') return found === written;
  return true;
}

/**
 * Whether an unmarked sheet's content starts as the report writes it (see the file comment): the
 * report's frozen rows, and a first row matching the layout's first row cell for cell.
 */
export function looksLikeReport(layout: Pick<ReportLayout, 'blocks' | 'frozenRows'>, found: { row: readonly unknown[]; frozenRows: number }): boolean {
  const first = layout.blocks.find((b) => b.row === 1 && b.col === 1)?.values[0];
  if (!first || first.length === 0 || found.frozenRows !== layout.frozenRows || found.row.length < first.length) return false;
  return first.every((cell, i) => sameCell(cell, found.row[i]));
}

/** The sheets named like the report, plain name first, then by suffix number, then tab order. */
function candidates(sheets: readonly NamedSheet[], reportNames: Record<Language, string>): (NamedSheet & { rank: number })[] {
  return sheets
    .map((s) => ({ ...s, rank: reportNameRank(s.name, reportNames) }))
    .filter((s): s is NamedSheet & { rank: number } => s.rank !== null)
    .sort((a, b) => a.rank - b.rank);
}

/** The report names the sheet is marked for ([] when unmarked). */
function marksOf(s: NamedSheet): (string | null)[] {
  return metadataValues(s.sheet, OWNER_KEY);
}

/**
 * The report's sheet that the add-on owns (marked), or null: only sheets named like the report
 * are looked at. For readers (the sidebar's Watch List); `sheets` when already listed.
 */
export function findOwnedReport(reportNames: Record<Language, string>, sheets: readonly NamedSheet[] = namedSheets()): NamedSheet | null {
  return candidates(sheets, reportNames).find((s) => marksOf(s).includes(reportNames.en)) ?? null;
}

/**
 * The sheet to write the report to: the add-on's own (marked), or an unmarked earlier-version
 * report claimed and marked, or a new marked sheet at the end under a free name (see the file comment).
 */
export function openReportSheet(
  reportNames: Record<Language, string>,
  language: Language,
  layout: Pick<ReportLayout, 'blocks' | 'frozenRows'>,
): NamedSheet & { created: boolean } {
  const sheets = namedSheets();
  const named = candidates(sheets, reportNames).map((s) => ({ ...s, marks: marksOf(s) }));
  const owned = named.find((s) => s.marks.includes(reportNames.en));
  if (owned) return { name: owned.name, sheet: owned.sheet, created: false };
  // A sheet marked for another report is the add-on's but not this report's: never claimed here.
  const width = layout.blocks.find((b) => b.row === 1 && b.col === 1)?.values[0]?.length ?? 0;
  const legacy = named.find((s) => s.rank === 0 && s.marks.length === 0 && width > 0 && looksLikeReport(layout, firstRowAndFrozen(s.sheet, width)));
  if (legacy) {
    addMetadata(legacy.sheet, OWNER_KEY, reportNames.en);
    return { name: legacy.name, sheet: legacy.sheet, created: false };
  }
  const taken = sheets.map((s) => s.name);
  for (;;) {
    const name = freeReportName(taken, reportNames, language);
    let sheet: GoogleAppsScript.Spreadsheet.Sheet;
    try {
      sheet = insertSheet(name, sheets.length);
    } catch (e) {
      // Another execution took the name between our look and our insert: try the next free name.
      if (taken.length > sheets.length + 5) throw e;
      taken.push(name);
      continue;
    }
    addMetadata(sheet, OWNER_KEY, reportNames.en);
    return { name, sheet, created: true };
  }
}
