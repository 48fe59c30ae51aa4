/**
 * The thin layer over SpreadsheetApp. Batch I/O only: one read per sheet, one write per
 * output block. Nothing here knows about credit; src/sheets/ decides what to read and write.
 */
import type { Cell, Grid } from '../core/types';

export interface SheetValues {
  name: string;
  /** Rows from sheet row 1 as getValues() returns them ('' for blanks). */
  values: Grid;
}

/** A sheet as read, with its handle so that a caller can write back without looking it up again. */
export interface OpenSheet extends SheetValues {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The spreadsheet's time zone: "today" and every Date cell are read in it. */
export function timeZone(): string {
  return spreadsheet().getSpreadsheetTimeZone();
}

/** The spreadsheet's locale, e.g. zh_CN; '' when Apps Script does not give it. One call. */
export function locale(): string {
  try {
    const l = spreadsheet().getSpreadsheetLocale();
    return typeof l === 'string' ? l : '';
  } catch {
    return '';
  }
}

/** Names of all sheets, in tab order. One call. */
export function sheetNames(): string[] {
  return spreadsheet().getSheets().map((s) => s.getName());
}

/**
 * Reads every sheet whose name passes `wanted`: one getDataRange().getValues() per sheet.
 * Empty sheets give an empty grid.
 */
export function readSheets(wanted: (name: string) => boolean): OpenSheet[] {
  const out: OpenSheet[] = [];
  for (const sheet of spreadsheet().getSheets()) {
    const name = sheet.getName();
    if (wanted(name)) out.push({ name, sheet, values: sheet.getDataRange().getValues() as Grid });
  }
  return out;
}

/** Reads one sheet by exact name; null when there is no such sheet. */
export function readSheet(name: string): SheetValues | null {
  const sheet = spreadsheet().getSheetByName(name);
  return sheet ? { name, values: sheet.getDataRange().getValues() as Grid } : null;
}

/** The sheet by name, created (at the end) when missing. */
export function ensureSheet(name: string): { sheet: GoogleAppsScript.Spreadsheet.Sheet; created: boolean } {
  const ss = spreadsheet();
  const found = ss.getSheetByName(name);
  if (found) return { sheet: found, created: false };
  try {
    return { sheet: ss.insertSheet(name, ss.getSheets().length), created: true };
  } catch (e) {
    // Another execution created it between our look and our insert: use theirs.
    const now = ss.getSheetByName(name);
    if (now) return { sheet: now, created: false };
    throw e;
  }
}

export function sheetByName(name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return spreadsheet().getSheetByName(name);
}

/**
 * Text a user supplied, made safe to write: a leading apostrophe keeps it text, so
 * `=HYPERLINK(...)`, `+1`, `00123` or `2026-01-01` is stored exactly as written and never
 * becomes a formula, a number or a date.
 */
export function asText(value: string): string {
  return `'${value}`;
}

/** Characters a cell holds at most, its leading apostrophe included: Sheets refuses a longer write whole. */
export const MAX_CELL_CHARS = 50_000;

/**
 * A value for a written cell: strings become literal text (cut to fit a cell, ending in "…", so
 * that one long text never makes a whole block's write fail), everything else as is.
 */
export function safeCell(value: Cell | null | undefined): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  if (value === '') return '';
  const text = asText(value);
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/**
 * Makes the sheet at least `rows` x `columns`: a range past a sheet's last row or column does not
 * exist, so a block written there would fail. Two calls, and one insert per dimension that is
 * too small (a few hundred rows spare, so that appends do not insert every time).
 */
export function growTo(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, Math.max(rows - maxRows, 500));
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Writes a block at (row, column), 1-based: the sheet grown when the block goes past its end,
 * then one getRange and one setValues. Strings are written as literal text (see asText). Rows
 * must all have the same width.
 */
export function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  values: (Cell | null)[][],
): GoogleAppsScript.Spreadsheet.Range | null {
  if (values.length === 0 || values[0].length === 0) return null;
  growTo(sheet, row + values.length - 1, column + values[0].length - 1);
  const range = sheet.getRange(row, column, values.length, values[0].length);
  range.setValues(values.map((r) => r.map(safeCell)));
  return range;
}

/** Shows a short message in the corner of the spreadsheet. */
export function toast(message: string, title: string, seconds = 5): void {
  spreadsheet().toast(message, title, seconds);
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return spreadsheet();
}

/** Applies pending writes now: what the log says is on the sheet before a mail goes out. */
export function flush(): void {
  SpreadsheetApp.flush();
}
