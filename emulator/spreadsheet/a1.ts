/** A1 notation: parsing and printing. Rows and columns are 1-based. */

/** A rectangle of cells. `numRows`/`numCols` of null mean open-ended (to the sheet's end). */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A parsed A1 reference, possibly open-ended, possibly naming a sheet. */
export interface A1Ref {
  sheetName: string | null;
  row: number;
  col: number;
  /** Last row, or null for "to the last row of the sheet". */
  endRow: number | null;
  /** Last column, or null for "to the last column of the sheet". */
  endCol: number | null;
}

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" -> 1, "AA" -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "'Sheet 1'!A1:B2" into sheet name and the rest; the sheet name is unquoted. */
export function splitSheet(ref: string): { sheetName: string | null; rest: string } {
  const trimmed = ref.trim();
  const bang = trimmed.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, rest: trimmed };
  let name = trimmed.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, rest: trimmed.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses A1 notation: "B2", "A1:C3", "A2:A" (open-ended rows), "A:C", "2:5", with an optional
 * sheet prefix. Returns null when it is not A1 notation.
 */
export function parseA1(ref: string): A1Ref | null {
  const { sheetName, rest } = splitSheet(ref);
  const [a, b, extra] = rest.split(':');
  if (extra !== undefined || !a) return null;
  const p = PART.exec(a);
  if (!p) return null;
  const aCol = p[1] ? columnNumber(p[1]) : null;
  const aRow = p[2] ? Number(p[2]) : null;
  if (b === undefined) {
    if (aCol === null || aRow === null || aRow < 1) return null;
    return { sheetName, row: aRow, col: aCol, endRow: aRow, endCol: aCol };
  }
  const q = PART.exec(b);
  if (!q) return null;
  const bCol = q[1] ? columnNumber(q[1]) : null;
  const bRow = q[2] ? Number(q[2]) : null;
  if (aCol === null && bCol !== null) return null;
  if (aCol === null && aRow === null) return null;
  if (bCol === null && bRow === null) return null;
  if (aRow === 0 || bRow === 0) return null;
  // "A:C" whole columns, "2:5" whole rows, "A2:A" open-ended rows, "A2:3" open-ended columns.
  const row1 = aRow ?? 1;
  const col1 = aCol ?? 1;
  const endRow = aRow === null ? null : bRow;
  const endCol = aCol === null || bCol === null ? (aCol === null ? null : bCol) : bCol;
  const r0 = endRow === null ? row1 : Math.min(row1, endRow);
  const r1 = endRow === null ? null : Math.max(row1, endRow);
  const c0 = endCol === null ? col1 : Math.min(col1, endCol);
  const c1 = endCol === null ? null : Math.max(col1, endCol);
  return { sheetName, row: r0, col: c0, endRow: r1, endCol: c1 };
}

/** "A1" for one cell, "A1:B2" otherwise. */
export function rectToA1(r: Rect): string {
  const start = columnLetter(r.col) + r.row;
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${columnLetter(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Quotes a sheet name for use in a reference when needed: 'Sheet 1'. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** True when two rectangles share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows && inner.col + inner.numCols <= outer.col + outer.numCols;
}
