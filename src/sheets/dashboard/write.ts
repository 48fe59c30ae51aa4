/**
 * Writes a report layout that has several charts (the Dashboard, the Cash Forecast, the Watch
 * List): as writeReport in ../reports/write.ts, one call per block, format and chart, whatever the
 * number of rows; the sheet is made active only when asked (never from the scheduled run).
 */
import type { Language } from '../../i18n/language';
import type { ChartSpec } from '../../platform/charts';
import { replaceCharts } from '../../platform/charts';
import { activateSheet, clearOwnedSheet, ensureSize, freezeRows, setBold, setNumberFormat, sheetSize, writeFormulas } from '../../platform/format';
import { ensureSheet, sheetNames, writeBlock } from '../../platform/spreadsheet';
import type { ReportLayout } from '../reports/layout';
import { findReportName } from '../reports/write';

export interface ChartsLayout extends Omit<ReportLayout, 'chart'> {
  charts: ChartSpec[];
}

/** Finds or creates the sheet (either language's name), clears it and writes the layout. Returns its name. */
export function writeChartsLayout(
  reportNames: Record<Language, string>,
  language: Language,
  layout: ChartsLayout,
  options: { activate?: boolean } = {},
): string {
  const name = findReportName(sheetNames(), reportNames) ?? reportNames[language];
  const { sheet } = ensureSheet(name);
  clearOwnedSheet(sheet);
  ensureSize(sheet, sheetSize(sheet), layout.rows, layout.cols);
  for (const b of layout.blocks) writeBlock(sheet, b.row, b.col, b.values);
  for (const f of layout.formulas) writeFormulas(sheet, f.row, f.col, f.formulas);
  for (const f of layout.formats) setNumberFormat(sheet, f.block, f.format);
  for (const b of layout.bold) setBold(sheet, b);
  freezeRows(sheet, layout.frozenRows);
  if (layout.charts.length > 0) replaceCharts(sheet, layout.charts);
  if (options.activate !== false) activateSheet(sheet);
  return name;
}

/** A number for a cell, or blank when unknown. */
export function numberOrBlank(n: number | null | undefined, digits = 1): number | '' {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return Number(n.toFixed(digits));
}
