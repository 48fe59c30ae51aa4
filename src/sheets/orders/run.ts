/**
 * Running the order check on a block of rows: finds the table (the first Orders sheet, or the
 * first Invoices sheet in a file without Orders), gets the summary, reads the sheet once, plans
 * and writes. Call counts do not depend on the size of the credit file (see docs/custom-functions.md).
 */
import { tableOfSheetName } from '../../core/read';
import type { Grid } from '../../core/types';
import { readSheet } from '../../platform/spreadsheet';
import { loadCreditFile } from '../creditFile';
import { baseSummaryFor, type CacheState } from '../cache/summaryCache';
import { overridesFrom, planInvoiceChecks, planOrderChecks, tableLayout } from './plan';
import { writeVerdicts } from './write';

export interface CheckTarget {
  sheetName: string;
  table: 'orders' | 'invoices';
}

/** The sheet order checks apply to: the first Orders sheet, else the first Invoices sheet; null when neither. */
export function checkTarget(state: CacheState): CheckTarget | null {
  if (state.orderShapes.length) return { sheetName: state.orderShapes[0].name, table: 'orders' };
  const inv = state.ledgerShapes.find((s) => tableOfSheetName(s.name) === 'invoices');
  return inv ? { sheetName: inv.name, table: 'invoices' } : null;
}

export interface CheckRowsResult {
  checked: number;
}

/** Checks rows firstRow..lastRow (1-based) of the target sheet and writes the verdicts. */
export function checkRows(target: CheckTarget, firstRow: number, lastRow: number, state: CacheState): CheckRowsResult {
  const asOf = state.today;
  const overrides = overridesFrom(state.props);
  if (target.table === 'orders') {
    const { data, loaded } = baseSummaryFor(asOf, state);
    const values: Grid | undefined = loaded ? loaded.sheets.find((s) => s.name === target.sheetName)?.values : readSheet(target.sheetName)?.values;
    if (!values) return { checked: 0 };
    const layout = tableLayout('orders', values);
    if (!layout) return { checked: 0 };
    const last = Math.min(lastRow, values.length);
    const first = Math.max(firstRow, layout.headerRow + 1);
    if (first > last) return { checked: 0 };
    const verdicts = planOrderChecks({ sheetName: target.sheetName, values, layout, firstRow: first, lastRow: last, data, asOf, timeZone: state.timeZone, overrides });
    return { checked: writeVerdicts(target.sheetName, values, layout, verdicts, data.summary.settings.language).checked };
  }
  const loaded = loadCreditFile();
  const values = loaded.sheets.find((s) => s.name === target.sheetName)?.values;
  if (!values) return { checked: 0 };
  const layout = tableLayout('invoices', values);
  if (!layout) return { checked: 0 };
  const last = Math.min(lastRow, values.length);
  const first = Math.max(firstRow, layout.headerRow + 1);
  if (first > last) return { checked: 0 };
  const verdicts = planInvoiceChecks({ sheetName: target.sheetName, values, layout, firstRow: first, lastRow: last, file: loaded.file, asOf, timeZone: state.timeZone, overrides });
  return { checked: writeVerdicts(target.sheetName, values, layout, verdicts, loaded.file.settings.language).checked };
}
