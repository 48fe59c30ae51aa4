/**
 * Append-only log sheets the add-on owns (Reminder Log, Audit Log): found by their English or
 * Chinese name, created with a header row when missing, and only ever appended to — apart from
 * the Reminder Log's State column, which moves a line from pending to its outcome.
 */
import type { Cell, Grid } from '../core/types';
import type { Language } from '../i18n/language';
import { activeSpreadsheet, ensureSheet, sheetByName, sheetNames, writeBlock } from '../platform/spreadsheet';
import { findOwnedName, type OwnedSheet } from './owned';

export interface OpenedLog {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The whole sheet as read once (header row first). */
  values: Grid;
}

/** Finds or creates the log sheet; reads it once. */
export function openLog(owned: OwnedSheet, language: Language): OpenedLog {
  const names = activeSpreadsheet().getSheets().map((s) => s.getName());
  const existing = findOwnedName(names, owned);
  const { sheet, created } = ensureSheet(existing ?? owned.names[language]);
  if (created) {
    writeBlock(sheet, 1, 1, [owned.headers[language].slice()]);
    sheet.setFrozenRows(1);
    return { sheet, values: [owned.headers[language].slice()] };
  }
  const values = sheet.getDataRange().getValues() as Grid;
  if (values.length === 0 || values[0].every((c) => c === '')) {
    writeBlock(sheet, 1, 1, [owned.headers[language].slice()]);
    return { sheet, values: [owned.headers[language].slice()] };
  }
  return { sheet, values };
}

/** The log sheet when it exists, read once; null (and nothing created) when it does not. */
export function existingLog(owned: OwnedSheet): OpenedLog | null {
  const name = findOwnedName(sheetNames(), owned);
  const sheet = name === null ? null : sheetByName(name);
  return sheet ? { sheet, values: sheet.getDataRange().getValues() as Grid } : null;
}

/**
 * Appends rows below the last row: one getLastRow, one write (which grows a full sheet). Returns
 * the first row written.
 */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: (Cell | null)[][]): number {
  if (rows.length === 0) return 0;
  const first = sheet.getLastRow() + 1;
  const width = Math.max(...rows.map((r) => r.length));
  writeBlock(sheet, first, 1, rows.map((r) => [...r, ...Array(width - r.length).fill('')]));
  return first;
}

/** The Reminder Log's State column (then Reason): Time, Run, Key, Invoice No, Customer ID, Level, State, … */
export const STATE_COLUMN = 7;

/**
 * Writes `outcome` (State, Reason) on the given sheet rows: one write per run of consecutive rows,
 * so a crashed email's lines (always together) take one call however many there are.
 */
export function setLineStates(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly number[], outcome: [Cell, Cell]): void {
  const sorted = [...rows].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[j - 1] + 1) j++;
    sheet.getRange(sorted[i], STATE_COLUMN, j - i, 2).setValues(sorted.slice(i, j).map(() => [...outcome]));
    i = j;
  }
}
