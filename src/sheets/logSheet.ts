/**
 * Sheets the add-on appends to or keeps for itself: the logs (Reminder Log, Audit Log, Collections
 * Log) and the hidden stores (`_CreditDesk_Snapshot`, `_CreditDesk_Forecasts`).
 *
 * A name alone proves nothing: a user's own "Audit Log" is never written to. A sheet is the
 * add-on's when it is named like it — its English or Chinese name, any case, or either with the
 * add-on's suffix (" (Credit Desk)", "（信用管理）", " (Credit Desk 2)", …, as for reports,
 * src/sheets/reports/owner.ts) — and its content is what the add-on writes there: for a log, a
 * first row naming every field the log needs (English or Chinese headers; a person's own columns
 * anywhere in between are allowed); for a store, its header row. The first such sheet (plain name
 * before suffixed ones, then tab order) is used. Failing that, a sheet named like it that is
 * completely empty is claimed (headers written). Failing that, a new sheet is created under the
 * first free name: the plain name, else the first free suffixed one. When unsure, a new sheet
 * rather than a user's cells.
 *
 * A log's rows are written by header: each value under its own header, blank in a person's
 * columns; the Reminder Log's State and Reason are written in their own columns. Apart from those
 * two, the logs are only ever appended to.
 *
 * Calls: one getSheets, one getName per sheet, one getDataRange().getValues() per sheet named like
 * the log; a few more to create one (again after a lost race for the name). None depend on the
 * number of rows.
 */
import { logColumns } from '../core/reminders/log';
import type { Cell, Grid } from '../core/types';
import type { Language } from '../i18n/language';
import { insertSheet, namedSheets, type NamedSheet } from '../platform/metadata';
import { safeCell, writeBlock } from '../platform/spreadsheet';
import type { OwnedSheet } from './owned';
import { freeReportName, reportNameRank } from './reports/owner';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OpenedLog {
  owned: OwnedSheet;
  sheet: Sheet;
  /** The sheet's name (the plain name or a suffixed one). */
  name: string;
  /** The whole sheet as read once (header row first). */
  values: Grid;
  /** The field each column of the header row names; undefined for a person's own columns. */
  fields: (string | undefined)[];
  /** The 0-based column of each field the header row names. */
  columns: ReadonlyMap<string, number>;
}

/** The field each cell of a header row names (undefined for a person's own columns; a field's first column only). */
export function headerFields(owned: OwnedSheet, header: readonly unknown[]): (string | undefined)[] {
  const out: (string | undefined)[] = header.map(() => undefined);
  if (owned.fieldOf) {
    const seen = new Set<string>();
    header.forEach((h, i) => {
      const f = owned.fieldOf!(h);
      if (f !== undefined && !seen.has(f)) {
        seen.add(f);
        out[i] = f;
      }
    });
    return out;
  }
  logColumns(header, owned.headers.en, owned.headers.zh).forEach((c, i) => {
    if (c >= 0) out[c] = owned.headers.en[i];
  });
  return out;
}

function columnsOf(fields: readonly (string | undefined)[]): Map<string, number> {
  const m = new Map<string, number>();
  fields.forEach((f, i) => f !== undefined && m.set(f, i));
  return m;
}

/** Whether a first row is the log's header row: it names every field the log needs. */
export function isLogHeader(owned: OwnedSheet, row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  const columns = columnsOf(headerFields(owned, row));
  const required = owned.required ?? owned.headers.en;
  return required.length > 0 && required.every((f) => columns.has(f));
}

/** A row laid out under a header: each field's value in its column, '' in a person's own columns. */
export function rowByHeader(fields: readonly (string | undefined)[], values: Readonly<Record<string, Cell | null | undefined>>): Cell[] {
  return fields.map((f) => (f === undefined ? '' : values[f] ?? ''));
}

const isBlank = (values: Grid): boolean => values.every((r) => r.every((c) => c === '' || c === null));

/** Sheets named like `names` (plain or suffixed, either language): plain name first, then by suffix, then tab order. */
function namedLike<T extends { name: string }>(sheets: readonly T[], names: Record<Language, string>): T[] {
  return sheets
    .map((s, i) => ({ s, i, rank: reportNameRank(s.name, names) }))
    .filter((x) => x.rank !== null)
    .sort((a, b) => a.rank! - b.rank! || a.i - b.i)
    .map((x) => x.s);
}

/** Whether a name is one a log or store may have (plain or suffixed), for readers picking sheets to read. */
export function isNamedLike(name: string, names: Record<Language, string>): boolean {
  return reportNameRank(name, names) !== null;
}

/**
 * The log among sheets already read (readers): the first named like it whose first row is its
 * header row; else the first with the plain name, as readers always took it (a reader ignores what
 * it cannot read; a log kept by hand under a title row stays readable); else null.
 */
export function pickLog<T extends { name: string; values: Grid }>(sheets: readonly T[], owned: OwnedSheet): T | null {
  const named = namedLike(sheets, owned.names);
  return named.find((s) => isLogHeader(owned, s.values[0])) ?? named.find((s) => reportNameRank(s.name, owned.names) === 0) ?? null;
}

interface Found extends NamedSheet {
  values: Grid;
  /** Created now, or claimed empty: the caller writes its header. */
  fresh: boolean;
  created: boolean;
}

/**
 * One look through the sheets named like `names`, in order, each read once: the add-on's sheet
 * (the first non-blank one it `accepts`; the look stops there), else the first blank one.
 */
function scan(names: Record<Language, string>, accepts: (values: Grid) => boolean, sheets: readonly NamedSheet[]): {
  own: (NamedSheet & { values: Grid }) | null;
  empty: NamedSheet | null;
} {
  let empty: NamedSheet | null = null;
  for (const s of namedLike(sheets, names)) {
    const values = s.sheet.getDataRange().getValues() as Grid;
    if (isBlank(values)) empty ??= s;
    else if (accepts(values)) return { own: { ...s, values }, empty };
  }
  return { own: null, empty };
}

/** The add-on's sheet among those named like `names` (see the file comment), or null. */
function findSheet(names: Record<Language, string>, accepts: (values: Grid) => boolean): (NamedSheet & { values: Grid }) | null {
  return scan(names, accepts, namedSheets()).own;
}

/**
 * The add-on's sheet, an empty one named like it, or a new one under a free name (see the file
 * comment). When another execution takes the name between our look and our insert, we look again:
 * its sheet (empty, or already the log) is then used, as ensureSheet did, rather than a second one.
 */
function openSheet(names: Record<Language, string>, language: Language, accepts: (values: Grid) => boolean, attempt = 0): Found {
  const sheets = namedSheets();
  const { own, empty } = scan(names, accepts, sheets);
  if (own) return { ...own, fresh: false, created: false };
  if (empty) return { ...empty, values: [], fresh: true, created: false };
  const name = freeReportName(sheets.map((s) => s.name), names, language);
  try {
    return { name, sheet: insertSheet(name, sheets.length), values: [], fresh: true, created: true };
  } catch (e) {
    if (attempt >= 3) throw e;
    return openSheet(names, language, accepts, attempt + 1);
  }
}

function opened(owned: OwnedSheet, s: NamedSheet, values: Grid): OpenedLog {
  const fields = headerFields(owned, values[0] ?? []);
  return { owned, sheet: s.sheet, name: s.name, values, fields, columns: columnsOf(fields) };
}

/** Finds (see the file comment) or creates the log sheet; reads it once. */
export function openLog(owned: OwnedSheet, language: Language): OpenedLog {
  const found = openSheet(owned.names, language, (v) => isLogHeader(owned, v[0]));
  if (!found.fresh) return opened(owned, found, found.values);
  const header = owned.headers[language].slice();
  writeBlock(found.sheet, 1, 1, [header]);
  if (found.created) found.sheet.setFrozenRows(1);
  return opened(owned, found, [header]);
}

/** The log sheet when it exists, read once; null (and nothing created) when it does not. */
export function existingLog(owned: OwnedSheet): OpenedLog | null {
  const found = findSheet(owned.names, (v) => isLogHeader(owned, v[0]));
  return found ? opened(owned, found, found.values) : null;
}

/** A hidden store's sheet: its name, and the header its first row starts with. */
export interface StoreSheet {
  name: string;
  header: readonly string[];
}

const storeNames = (store: StoreSheet): Record<Language, string> => ({ en: store.name, zh: store.name });
const isStore = (store: StoreSheet) => (values: Grid): boolean => store.header.every((h, i) => values[0]?.[i] === h);

/**
 * The store's sheet (see the file comment), created hidden when there is none: its values ([] when
 * new or claimed empty). Never a sheet with content the add-on did not write there.
 */
export function openStore(store: StoreSheet): { sheet: Sheet; values: Grid; created: boolean } {
  const found = openSheet(storeNames(store), 'en', isStore(store));
  if (found.created) found.sheet.hideSheet();
  return { sheet: found.sheet, values: found.values, created: found.created };
}

/** The store's values when its sheet exists; nothing is created. */
export function readStore(store: StoreSheet): Grid | null {
  return findSheet(storeNames(store), isStore(store))?.values ?? null;
}

/**
 * Appends records (field → value) below the last row, each laid out under the log's header: one
 * getLastRow, one write (which grows a full sheet). Returns the first row written.
 */
export function appendRecords(log: OpenedLog, records: readonly Readonly<Record<string, Cell | null | undefined>>[]): number {
  if (records.length === 0) return 0;
  const first = log.sheet.getLastRow() + 1;
  writeBlock(log.sheet, first, 1, records.map((r) => rowByHeader(log.fields, r)));
  return first;
}

/**
 * Appends rows given in the log's own column order (its English headers), each value written
 * under its header wherever that column is. Returns the first row written.
 */
export function appendRows(log: OpenedLog, rows: readonly (readonly (Cell | null)[])[]): number {
  const en = log.owned.headers.en;
  return appendRecords(log, rows.map((r) => Object.fromEntries(en.map((h, i) => [h, r[i] ?? '']))));
}

/**
 * Writes `outcome` (State, Reason) in the Reminder Log's State and Reason columns on the given
 * sheet rows: one write per run of consecutive rows when the two columns are side by side (two
 * when a person put a column between them), so a crashed email's lines (always together) take
 * one call however many there are.
 */
export function setLineStates(log: OpenedLog, rows: readonly number[], outcome: [Cell, Cell]): void {
  const state = log.columns.get('State');
  const reason = log.columns.get('Reason');
  if (state === undefined) throw new Error(`${log.name}: no State column`);
  // As text, like every write: the Reason of a failed send is the mail service's message, which
  // may quote what a user typed.
  outcome = [safeCell(outcome[0]), safeCell(outcome[1])];
  const sorted = [...rows].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1] + 1) j++;
    const n = j - i;
    if (reason === state + 1) log.sheet.getRange(sorted[i], state + 1, n, 2).setValues(Array.from({ length: n }, () => [...outcome]));
    else {
      log.sheet.getRange(sorted[i], state + 1, n, 1).setValues(Array.from({ length: n }, () => [outcome[0]]));
      if (reason !== undefined) log.sheet.getRange(sorted[i], reason + 1, n, 1).setValues(Array.from({ length: n }, () => [outcome[1]]));
    }
    i = j;
  }
}

/** A row's value under a field's header ('' when the log has no such column). */
export function logCell(log: OpenedLog, row: readonly unknown[] | undefined, field: string): unknown {
  const c = log.columns.get(field);
  return c === undefined || !row ? '' : row[c] ?? '';
}
