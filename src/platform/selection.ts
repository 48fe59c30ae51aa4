/**
 * The user's selection and the sheets the sidebar reads and writes, with their handles. Batch
 * only: a constant number of calls per operation, whatever the size of the sheets.
 */
import type { Cell, Grid } from '../core/types';

/** The sheets `wanted` names, read once each, with their handles (see readSheets). */
export { readSheets as openSheets, type OpenSheet } from './spreadsheet';

/** The selected row and the top of its sheet (where the header row is). */
export interface SelectedRow {
  sheetName: string;
  /** 1-based row of the selection's first cell. */
  row: number;
  /** The first rows of the sheet (up to `topRows`), full width. */
  top: Grid;
  /** The selected row, full width. */
  values: Cell[];
}

/**
 * The row of the user's selection with the first `topRows` rows of its sheet: getActiveRange,
 * getSheet, getName, getRow, getLastRow, getLastColumn and at most two getRange + getValues.
 * Null when nothing is selected or the selection is below the data.
 */
export function selectedRow(topRows = 10): SelectedRow | null {
  const range = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
  if (!range) return null;
  const sheet = range.getSheet();
  const row = range.getRow();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1 || row > lastRow) return null;
  const n = Math.min(topRows, lastRow);
  const top = sheet.getRange(1, 1, n, lastColumn).getValues() as Grid;
  const values = row <= n ? top[row - 1] : (sheet.getRange(row, 1, 1, lastColumn).getValues() as Grid)[0];
  return { sheetName: sheet.getName(), row, top, values };
}
