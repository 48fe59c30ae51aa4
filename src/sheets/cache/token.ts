/**
 * The Recalc Token: a Settings row ("Recalc Token" | number) that Credit Desk changes whenever
 * the credit file changes (onEdit of a credit sheet, Recalculate). Sheets recalculates a custom
 * function only when one of its arguments changes, and never because a sheet it reads changed;
 * a formula that takes the token's cell as its last argument, e.g.
 * `=CREDITSCORE(A2:A, , Settings!B2)` (Set up writes it as the first row), is recalculated each time the token changes.
 *
 * The token's cell must stay writable by everyone who edits the credit file (onEdit runs as the
 * person editing): Set up leaves it out of the Settings protection.
 */
import { isHeaderWord, nameSet, settingsColumns, SETTINGS_SHEET, tableOfSheetName } from '../../core/read';
import { columnLetter } from '../../core/read/cells';
import type { Cell, Grid } from '../../core/types';
import { CELLS_TEXT, RECALC_TOKEN_ALIASES } from '../../i18n/cells';
import type { Language } from '../../i18n/language';
import { openCellInProtection } from '../../platform/protection';
import { readSheet, sheetByName, writeBlock } from '../../platform/spreadsheet';

/** Keys the token row may have (matched like every Settings key). */
export const RECALC_TOKEN_KEYS: readonly string[] = [
  CELLS_TEXT.en.recalcTokenKey, CELLS_TEXT.zh.recalcTokenKey, ...RECALC_TOKEN_ALIASES,
];

const isTokenKey = nameSet(() => RECALC_TOKEN_KEYS);

export interface TokenCell {
  sheetName: string;
  /** 1-based row and column of the value cell. */
  row: number;
  column: number;
  /** The value cell as a formula reference, e.g. `'Settings'!B20`. */
  a1: string;
}

export interface TokenLayout {
  keyCol: number;
  valueCol: number;
  descriptionCol: number;
  /** 0-based row of the token, or -1. */
  tokenRow: number;
}

/** Where the key, value and description columns are and which row is the token (pure). */
export function tokenLayout(values: Grid): TokenLayout {
  const layout = settingsColumns(values);
  const keyCol = layout?.keyCol ?? 0;
  const valueCol = layout?.valueCol ?? 1;
  const named = layout !== null && layout.firstRow > layout.headerRow;
  const descriptionCol = named ? values[layout.headerRow].findIndex((c) => isHeaderWord(c, SETTINGS_SHEET.descriptionHeader)) : -1;
  const tokenRow = values.findIndex((r) => Array.isArray(r) && isTokenKey(r[keyCol]));
  return { keyCol, valueCol, descriptionCol, tokenRow };
}

/** The token's next value: the old one plus one (1 when blank or not a number). */
export function nextTokenValue(old: Cell | undefined): number {
  const n = typeof old === 'number' ? old : Number(typeof old === 'string' ? old.trim() : NaN);
  return Number.isFinite(n) && n >= 0 && n < 1e12 ? Math.floor(n) + 1 : 1;
}

export function tokenA1(sheetName: string, row: number, column: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!${columnLetter(column - 1)}${row}`;
}

/**
 * Changes the token. With `create`, adds the row at the end of Settings when there is none.
 * Returns the token's cell, or null when there is no Settings sheet, no token row (and not
 * `create`), or the cell cannot be written (protected for this user). One read, one write.
 */
export function bumpRecalcToken(sheetNames: readonly string[], opts: { create: boolean; language: Language }): TokenCell | null {
  const name = sheetNames.find((n) => tableOfSheetName(n) === 'settings');
  if (!name) return null;
  const read = readSheet(name);
  const sheet = sheetByName(name);
  if (!read || !sheet) return null;
  const layout = tokenLayout(read.values);
  try {
    if (layout.tokenRow >= 0) {
      const row = layout.tokenRow + 1;
      const column = layout.valueCol + 1;
      writeBlock(sheet, row, column, [[nextTokenValue(read.values[layout.tokenRow][layout.valueCol])]]);
      return { sheetName: name, row, column, a1: tokenA1(name, row, column) };
    }
    if (!opts.create) return null;
    const row = read.values.length + 1;
    const text = CELLS_TEXT[opts.language] ?? CELLS_TEXT.en;
    const width = Math.max(layout.keyCol, layout.valueCol, layout.descriptionCol) + 1;
    const cells: (Cell | null)[] = new Array(width).fill('');
    cells[layout.keyCol] = text.recalcTokenKey;
    cells[layout.valueCol] = 1;
    if (layout.descriptionCol >= 0) cells[layout.descriptionCol] = text.recalcTokenDescription;
    writeBlock(sheet, row, 1, [cells]);
    // Every editor's edit bumps the token: its new cell must stay open under Set up's protection.
    openCellInProtection(sheet, { row, col: layout.valueCol + 1 });
    return { sheetName: name, row, column: layout.valueCol + 1, a1: tokenA1(name, row, layout.valueCol + 1) };
  } catch {
    return null; // protected for this user: the versions still changed, formulas without the token wait
  }
}
