/**
 * Shapes of custom-function arguments and results. Pure.
 *
 * Sheets passes a single cell as a scalar and a range as rows of cells; a custom function returns
 * a scalar or rows that spill. These helpers keep the output the shape of the input, blank for
 * blank, and line up a second argument (amount, as_of) with the first: a scalar (or a one-cell
 * range) applies to every cell; a range with the same number of rows applies row by row (its
 * column j, or its last column when it is narrower).
 */

export type Scalar = string | number | boolean | Date | null | undefined;
export type Input = Scalar | Scalar[][];

/** Marks a second argument whose shape does not fit the first. */
export const MISMATCH: unique symbol = Symbol('mismatch');

/** True for what Sheets gives for an empty cell or an omitted argument. */
export function isBlankInput(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** True when the argument is a range (rows of cells). */
export function isRange(v: unknown): v is Scalar[][] {
  return Array.isArray(v);
}

/** Every cell of an input, as a flat list. */
export function cellsOf(input: Input): Scalar[] {
  if (!isRange(input)) return [input];
  const out: Scalar[] = [];
  for (const row of input) {
    if (Array.isArray(row)) for (const c of row) out.push(c);
    else out.push(row as Scalar);
  }
  return out;
}

/** Maps each cell, keeping the input's shape: a scalar gives a scalar, rows give rows. */
export function mapCells<T>(input: Input, fn: (cell: Scalar, row: number, column: number) => T): T | T[][] {
  if (!isRange(input)) return fn(input, 0, 0);
  return input.map((row, i) => (Array.isArray(row) ? row.map((c, j) => fn(c, i, j)) : [fn(row as Scalar, i, 0)]));
}

/** The first non-blank cell of a row ('' when none). */
export function firstNonBlank(row: readonly Scalar[]): Scalar {
  for (const c of row) if (!isBlankInput(c)) return c;
  return '';
}

/** Maps each input row to one output row (AGING): a scalar gives one row, a range one row per input row. */
export function mapRows<T>(input: Input, fn: (cell: Scalar, row: number) => T[]): T[][] {
  if (!isRange(input)) return [fn(input, 0)];
  return input.map((row, i) => fn(Array.isArray(row) ? firstNonBlank(row) : (row as Scalar), i));
}

/**
 * The value of a second argument for cell (row, column) of the first. Scalars and one-cell ranges
 * apply everywhere; a range with as many rows as the first applies row by row; anything else is
 * MISMATCH.
 */
export function alignedCell(arg: Input, row: number, column: number, firstRows: number): Scalar | typeof MISMATCH {
  if (!isRange(arg)) return arg;
  if (arg.length === 0) return undefined;
  if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return arg[0][0];
  if (arg.length !== firstRows) return MISMATCH;
  const r = arg[row];
  if (!Array.isArray(r)) return r as Scalar;
  if (r.length === 0) return undefined;
  return r[Math.min(column, r.length - 1)];
}

/** The number of rows of an input (1 for a scalar). */
export function rowCount(input: Input): number {
  return isRange(input) ? input.length : 1;
}
