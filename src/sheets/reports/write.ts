/**
 * Writes a report layout to an add-on-owned sheet, rewritten in full. Which sheet that is — never
 * a user's sheet that merely has the report's name — is owner.ts's decision.
 */
import type { Language } from '../../i18n/language';
import { barChart, replaceCharts, type ChartSpec } from '../../platform/charts';
import {
  activateSheet, clearOwnedSheet, ensureSize, freezeRows, setBold, setNumberFormat, sheetSize, writeFormulas,
} from '../../platform/format';
import { writeBlock } from '../../platform/spreadsheet';
import type { ReportLayout } from './layout';
import { openReportSheet } from './owner';

/** A layout with several charts (the Dashboard, the Cash Forecast, the Watch List). */
export interface ChartsLayout extends Omit<ReportLayout, 'chart'> {
  charts: ChartSpec[];
}

/**
 * Finds or creates the report's own sheet (owner.ts: marked as the add-on's, or a new one beside
 * a user's sheet of the same name), clears it (values, formats, charts) and writes the layout:
 * one call per block, format and chart, whatever the number of rows. The sheet is made active
 * unless `activate` is false (never from the scheduled run). Returns the sheet's name.
 */
export function writeReport(
  reportNames: Record<Language, string>,
  language: Language,
  layout: ReportLayout | ChartsLayout,
  options: { activate?: boolean } = {},
): string {
  const { name, sheet } = openReportSheet(reportNames, language, layout);
  clearOwnedSheet(sheet);
  ensureSize(sheet, sheetSize(sheet), layout.rows, layout.cols);
  for (const b of layout.blocks) writeBlock(sheet, b.row, b.col, b.values);
  for (const f of layout.formulas) writeFormulas(sheet, f.row, f.col, f.formulas);
  for (const f of layout.formats) setNumberFormat(sheet, f.block, f.format);
  for (const b of layout.bold) setBold(sheet, b);
  freezeRows(sheet, layout.frozenRows);
  const charts = 'charts' in layout ? layout.charts : layout.chart ? [barChart(layout.chart)] : [];
  if (charts.length > 0) replaceCharts(sheet, charts);
  if (options.activate !== false) activateSheet(sheet);
  return name;
}
