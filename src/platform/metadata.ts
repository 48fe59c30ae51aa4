/**
 * Developer metadata on sheets: the mark by which the add-on knows a sheet it created (see
 * src/sheets/reports/owner.ts), and the sheet list it looks for marks in. A fixed number of calls
 * per sheet looked at, none per row.
 */
import { activeSpreadsheet } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface NamedSheet {
  name: string;
  sheet: Sheet;
}

/** Every sheet with its name, in tab order: one getSheets, one getName per sheet. */
export function namedSheets(): NamedSheet[] {
  return activeSpreadsheet().getSheets().map((sheet) => ({ name: sheet.getName(), sheet }));
}

/**
 * The values of the sheet's developer metadata under `key` (null for a mark without a value), as
 * this script sees them: one getDeveloperMetadata, one getKey per metadata, one getValue per match.
 */
export function metadataValues(sheet: Sheet, key: string): (string | null)[] {
  return sheet.getDeveloperMetadata().filter((m) => m.getKey() === key).map((m) => m.getValue());
}

/** Adds `key` = `value` metadata to the sheet, visible to the document (the default): one call. */
export function addMetadata(sheet: Sheet, key: string, value: string): void {
  sheet.addDeveloperMetadata(key, value);
}

/** Inserts a sheet named `name` at 0-based `index` (throws when the name is taken): one call. */
export function insertSheet(name: string, index: number): Sheet {
  return activeSpreadsheet().insertSheet(name, index);
}

/** The sheet's first row over `width` columns (fewer when the sheet is narrower) and its frozen rows: four calls. */
export function firstRowAndFrozen(sheet: Sheet, width: number): { row: unknown[]; frozenRows: number } {
  const frozenRows = sheet.getFrozenRows();
  const columns = Math.min(width, sheet.getMaxColumns());
  const row = columns < 1 ? [] : (sheet.getRange(1, 1, 1, columns).getValues()[0] as unknown[]);
  return { row, frozenRows };
}
