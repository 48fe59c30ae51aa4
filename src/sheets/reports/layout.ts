/**
 * A report as data: the blocks of values, the formulas the add-on builds, number formats, bold
 * blocks, frozen rows and a chart. The builders (aging.ts, scores.ts, problems.ts) are pure; the
 * writer (write.ts) applies a layout with one call per block, whatever the number of rows.
 */
import type { Cell } from '../../core/types';
import type { Block } from '../../platform/format';
import type { BarChartSpec } from '../../platform/charts';
import { minorDigits } from '../../core/money';

export interface ReportLayout {
  /** Values; strings are written as literal text (never formulas). */
  blocks: { row: number; col: number; values: (Cell | null)[][] }[];
  /** Formulas built by the add-on from escaped parts. */
  formulas: { row: number; col: number; formulas: string[][] }[];
  formats: { block: Block; format: string }[];
  bold: Block[];
  frozenRows: number;
  chart: BarChartSpec | null;
  /** The extent the sheet must have. */
  rows: number;
  cols: number;
}

/** The number format of money in a currency: '#,##0.00', '#,##0' for yen. */
export function moneyFormat(currency: string): string {
  const digits = minorDigits(currency);
  return digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
}

/** Minor units to a number of major units (exact for sums of cents). */
export function major(minor: number, currency: string): number {
  const digits = minorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

export const DATE_FORMAT = 'yyyy-mm-dd';
