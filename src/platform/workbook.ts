/**
 * Thin, batched helpers for the custom functions, the on-edit check and the summary cache:
 * sheet shapes (for the cache fingerprint), all document properties in one call, small cache
 * values, ranges of backgrounds and notes (one read or write per block), and where an edit or
 * the selection is. Nothing here knows about credit.
 */

/** A sheet's name and extent, as the cache fingerprint uses it. */
export interface SheetShape {
  name: string;
  lastRow: number;
  lastColumn: number;
}

/** Where a range is: sheet name and 1-based rectangle. */
export interface RangeInfo {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Every sheet's name (tab order) and, for the sheets `wanted` accepts, their last row and column.
 * One getSheets, one getName per sheet, two calls per wanted sheet; never reads values.
 */
export function sheetShapes(wanted: (name: string) => boolean): SheetShape[] {
  const out: SheetShape[] = [];
  for (const s of spreadsheet().getSheets()) {
    const name = s.getName();
    if (wanted(name)) out.push({ name, lastRow: s.getLastRow(), lastColumn: s.getLastColumn() });
  }
  return out;
}

/** All document properties in one call ({} when the service is unavailable). */
export function allDocumentProperties(): Record<string, string> {
  try {
    return PropertiesService.getDocumentProperties().getProperties() ?? {};
  } catch {
    return {};
  }
}

/** Sets several document properties in one call. Fails quietly where properties are read-only (custom functions). */
export function setDocumentProperties(values: Record<string, string>): boolean {
  try {
    PropertiesService.getDocumentProperties().setProperties(values, false);
    return true;
  } catch {
    return false;
  }
}

/** One small value from the document cache; null when missing or no cache. */
export function cacheGet(key: string): string | null {
  try {
    const cache = CacheService.getDocumentCache();
    return cache ? cache.get(key) : null;
  } catch {
    return null;
  }
}

/** Puts one small value in the document cache; quiet on failure (the next reader recomputes). */
export function cachePut(key: string, value: string, ttlSeconds: number): void {
  try {
    const cache = CacheService.getDocumentCache();
    if (cache) cache.put(key, value, ttlSeconds);
  } catch {
    // nothing lost: a miss recomputes
  }
}

/** The sheet and rectangle of a range (an edit event's e.range). */
export function rangeInfo(range: GoogleAppsScript.Spreadsheet.Range): RangeInfo {
  return {
    sheetName: range.getSheet().getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
  };
}

/** The selection (active range) of the user; null when there is none. */
export function activeRangeInfo(): RangeInfo | null {
  const range = spreadsheet().getActiveRange();
  return range ? rangeInfo(range) : null;
}

/** Backgrounds of a block (one call). */
export function readBackgrounds(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, numRows: number, numColumns: number): string[][] {
  return sheet.getRange(row, column, numRows, numColumns).getBackgrounds();
}

/** Sets the backgrounds of a block (one call); null resets a cell to no fill. */
export function writeBackgrounds(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, colors: (string | null)[][]): void {
  if (colors.length === 0 || colors[0].length === 0) return;
  sheet.getRange(row, column, colors.length, colors[0].length).setBackgrounds(colors as string[][]);
}

/** Notes of a block (one call). */
export function readNotes(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, numRows: number, numColumns: number): string[][] {
  return sheet.getRange(row, column, numRows, numColumns).getNotes();
}

/** Sets the notes of a block (one call); '' removes a note. */
export function writeNotes(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, notes: string[][]): void {
  if (notes.length === 0 || notes[0].length === 0) return;
  sheet.getRange(row, column, notes.length, notes[0].length).setNotes(notes);
}
