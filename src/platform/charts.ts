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

/** A horizontal bar chart (stacked or not, legend on the right) as a ChartSpec. */
export function barChart(spec: BarChartSpec): ChartSpec {
  return {
    type: 'BAR',
    ranges: spec.ranges,
    anchorRow: spec.anchorRow,
    anchorCol: spec.anchorCol,
    title: spec.title,
    options: { isStacked: spec.stacked, legend: { position: 'right' } },
  };
}

export interface ChartSpec {
  type: 'BAR' | 'COLUMN' | 'LINE';
  /** Data blocks: the first is the domain (labels), the others the series; headers in their first row. */
  ranges: Block[];
  anchorRow: number;
  anchorCol: number;
  title: string;
  /** Further chart options (e.g. vAxis, series). */
  options?: Record<string, unknown>;
}

/**
 * Replaces every chart on the sheet by the given ones (bar, column or line): a fixed number of
 * calls per chart, whatever the number of rows.
 */
export function replaceCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  for (const spec of specs) {
    let builder = sheet.newChart().setChartType(Charts.ChartType[spec.type]);
    for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.col, r.numRows, r.numCols));
    builder = builder
      .setNumHeaders(1)
      .setOption('title', spec.title)
      .setOption('legend', { position: 'bottom' })
      .setPosition(spec.anchorRow, spec.anchorCol, 0, 0);
    for (const [k, v] of Object.entries(spec.options ?? {})) builder = builder.setOption(k, v);
    sheet.insertChart(builder.build());
  }
}
