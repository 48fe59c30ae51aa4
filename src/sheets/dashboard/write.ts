/**
 * The small cell helpers of the Dashboard, Cash Forecast and Watch List layouts (written by the
 * reports' writer, ../reports/write.ts, which takes their several charts).
 */
export type { ChartsLayout } from '../reports/write';

/** A number for a cell, or blank when unknown. */
export function numberOrBlank(n: number | null | undefined, digits = 1): number | '' {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return Number(n.toFixed(digits));
}
