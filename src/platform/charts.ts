/** Embedded charts over SpreadsheetApp and Charts. */
import type { Block } from './format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BarChartSpec {
  /** Data blocks: the first is the domain (labels), the others the series; headers in their first row. */
  ranges: Block[];
  /** Where the chart's top-left corner sits. */
  anchorRow: number;
  anchorCol: number;
  title: string;
  stacked: boolean;
}

/**
 * Replaces every chart on the sheet by one horizontal bar chart: a fixed number of calls (the
 * sheet's old charts, usually one, are removed first).
 */
export function replaceBarChart(sheet: Sheet, spec: BarChartSpec): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  let builder = sheet.newChart().setChartType(Charts.ChartType.BAR);
  for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.col, r.numRows, r.numCols));
  const chart = builder
    .setNumHeaders(1)
    .setOption('isStacked', spec.stacked)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'right' })
    .setPosition(spec.anchorRow, spec.anchorCol, 0, 0)
    .build();
  sheet.insertChart(chart);
}
