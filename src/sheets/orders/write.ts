/**
 * Writes the verdicts of a block of rows: the Credit Check cells (one write), their notes (one
 * read, one write) and the rows' backgrounds over the known columns (one read, one write; other
 * columns between them keep the colour they had). Rows left alone ('keep') are written back as
 * they were. Only the Credit Check column's values are ever written; a table without one gets it
 * as a new column after the last column with content in any row (header or data).
 */
import type { Cell, Grid } from '../../core/types';
import { cellsText } from '../../i18n/cells';
import type { Language } from '../../i18n/language';
import { sheetByName, writeBlock } from '../../platform/spreadsheet';
import { readBackgrounds, readNotes, writeBackgrounds, writeNotes } from '../../platform/workbook';
import type { RowColor, RowVerdict, TableLayout } from './plan';

/** Row colours: Google Sheets' light green 3, light yellow 3, light red 3, light blue 3. */
export const ROW_COLORS: Record<Exclude<RowColor, null>, string> = {
  ok: '#d9ead3',
  warn: '#fff2cc',
  block: '#f4cccc',
  override: '#cfe2f3',
};

export interface WriteResult {
  /** Rows given a verdict. */
  checked: number;
  /** 0-based Credit Check column used. */
  creditCheck: number;
}

/** Writes the verdicts (rows ascending, contiguous). */
export function writeVerdicts(sheetName: string, values: Grid, layout: TableLayout, verdicts: RowVerdict[], language: Language): WriteResult {
  const changed = verdicts.filter((v) => v.action !== 'keep');
  if (changed.length === 0) return { checked: 0, creditCheck: layout.creditCheck };
  const sheet = sheetByName(sheetName);
  if (!sheet) return { checked: 0, creditCheck: layout.creditCheck };
  let cc = layout.creditCheck;
  let known = layout.known;
  if (cc < 0) {
    cc = layout.width;
    writeBlock(sheet, layout.headerRow, cc + 1, [[cellsText(language).creditCheckHeader]]);
    known = [...known, cc].sort((a, b) => a - b);
  }
  const first = verdicts[0].row;
  const last = verdicts[verdicts.length - 1].row;
  const n = last - first + 1;
  const byRow = new Map(verdicts.map((v) => [v.row, v]));

  const notes = readNotes(sheet, first, cc + 1, n, 1);
  const texts: (Cell | null)[][] = [];
  const newNotes: string[][] = [];
  for (let i = 0; i < n; i++) {
    const v = byRow.get(first + i);
    const old = values[first + i - 1]?.[cc] ?? '';
    if (!v || v.action === 'keep') {
      texts.push([old]);
      newNotes.push([notes[i]?.[0] ?? '']);
    } else {
      texts.push([v.action === 'clear' ? '' : v.text]);
      newNotes.push([v.action === 'clear' ? '' : v.note]);
    }
  }
  writeBlock(sheet, first, cc + 1, texts);
  writeNotes(sheet, first, cc + 1, newNotes);

  const lo = known[0];
  const hi = known[known.length - 1];
  const knownSet = new Set(known);
  // White is how Sheets reports "no fill": written back as no fill, so untouched cells stay as they were.
  const backgrounds = readBackgrounds(sheet, first, lo + 1, n, hi - lo + 1).map((r) =>
    r.map((c): string | null => (c === '#ffffff' || c === '' ? null : c)),
  );
  for (let i = 0; i < n; i++) {
    const v = byRow.get(first + i);
    if (!v || v.action === 'keep') continue;
    const color = v.action === 'clear' || v.color === null ? null : ROW_COLORS[v.color];
    for (let c = lo; c <= hi; c++) if (knownSet.has(c)) backgrounds[i][c - lo] = color;
  }
  writeBackgrounds(sheet, first, lo + 1, backgrounds);
  return { checked: changed.filter((v) => v.action === 'write').length, creditCheck: cc };
}
