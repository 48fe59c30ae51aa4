/**
 * Sheet layout over SpreadsheetApp: sizes, number formats, bold, frozen rows, formulas, clearing.
 * Batch calls only: each function is a fixed number of calls whatever the number of rows.
 */
import type { Grid } from '../core/types';
import { activeSpreadsheet } from './spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A block of cells, 1-based. */
export interface Block {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface SheetSize {
  maxRows: number;
  maxColumns: number;
  /** Last column with content (0 on an empty sheet). */
  lastColumn: number;
}

/** The sheet's grid size and last used column: three calls. */
export function sheetSize(sheet: Sheet): SheetSize {
  return { maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns(), lastColumn: sheet.getLastColumn() };
}

/**
 * Grows the sheet to at least `rows` x `cols` (a fixed number of calls: one insert per dimension
 * when it is too small). Returns the new size.
 */
export function ensureSize(sheet: Sheet, size: { maxRows: number; maxColumns: number }, rows: number, cols: number): { maxRows: number; maxColumns: number } {
  let { maxRows, maxColumns } = size;
  if (rows > maxRows) {
    sheet.insertRowsAfter(maxRows, rows - maxRows);
    maxRows = rows;
  }
  if (cols > maxColumns) {
    sheet.insertColumnsAfter(maxColumns, cols - maxColumns);
    maxColumns = cols;
  }
  return { maxRows, maxColumns };
}

/** The values of the top `rows` x `cols` cells (clipped to the sheet): one getRange, one getValues. */
export function readTop(sheet: Sheet, size: SheetSize, rows: number): Grid {
  const numRows = Math.min(rows, size.maxRows);
  const numCols = Math.max(1, Math.min(size.lastColumn, size.maxColumns));
  if (size.lastColumn === 0 || numRows < 1) return [];
  return sheet.getRange(1, 1, numRows, numCols).getValues() as Grid;
}

/** One number format on a block: one getRange, one setNumberFormat. */
export function setNumberFormat(sheet: Sheet, block: Block, format: string): void {
  if (block.numRows < 1 || block.numCols < 1) return;
  sheet.getRange(block.row, block.col, block.numRows, block.numCols).setNumberFormat(format);
}

/** Bold text on a block. */
export function setBold(sheet: Sheet, block: Block): void {
  if (block.numRows < 1 || block.numCols < 1) return;
  sheet.getRange(block.row, block.col, block.numRows, block.numCols).setFontWeight('bold');
}

export function freezeRows(sheet: Sheet, rows: number): void {
  sheet.setFrozenRows(rows);
}

/**
 * Writes formulas the add-on built itself (never user text) as one block: one getRange, one
 * setFormulas. '' leaves a cell blank.
 */
export function writeFormulas(sheet: Sheet, row: number, col: number, formulas: string[][]): void {
  if (formulas.length === 0 || formulas[0].length === 0) return;
  sheet.getRange(row, col, formulas.length, formulas[0].length).setFormulas(formulas);
}

/** Clears contents and formats of a sheet the add-on owns, and removes its charts. */
export function clearOwnedSheet(sheet: Sheet): void {
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
}

/** Makes the sheet the one the user sees. */
export function activateSheet(sheet: Sheet): void {
  sheet.activate();
}

/** Sheet name → sheet ID (the `gid` of links), for every sheet: two calls per sheet, none per row. */
export function sheetIds(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of activeSpreadsheet().getSheets()) out[s.getName()] = s.getSheetId();
  return out;
}

/** The spreadsheet owner's email, lower-cased; '' when Apps Script does not say (shared drives). */
export function spreadsheetOwner(): string {
  try {
    const owner = activeSpreadsheet().getOwner();
    return owner ? (owner.getEmail() || '').trim().toLowerCase() : '';
  } catch {
    return '';
  }
}

/** Every value of the sheet's data range: one getDataRange, one getValues. */
export function readAll(sheet: Sheet): Grid {
  return sheet.getDataRange().getValues() as Grid;
}
