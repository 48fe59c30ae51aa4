/**
 * onEdit (simple trigger, AuthMode.LIMITED, runs as the person editing).
 *
 * On an edit of a credit sheet:
 *   1. Orders (or Invoices in a file without Orders): the edited rows are checked in one pass
 *      and their Credit Check cell, note and colour written (src/sheets/orders). This runs before
 *      the versions change, so it finds the summary through the base key (which does not depend
 *      on orders) and costs no re-read of the ledger.
 *   2. The data version of what changed is bumped (ledger: Customers, Invoices, Payments,
 *      Settings; orders: Orders), so cached summaries are no longer used.
 *   3. The Recalc Token in Settings is changed (when the row exists), so formulas that take it
 *      as their last argument recalculate.
 * Steps 2 and 3 run even when the check fails (a protected Credit Check column, an unreadable
 * row …): the data changed either way, and a formula must never be left on a stale value.
 * Edits elsewhere cost two service calls and do nothing.
 */
import { tableOfSheetName } from '../core/read';
import { isPlansSheetName } from '../core/plans';
import { cellsText } from '../i18n/cells';
import { userLanguage } from '../platform/session';
import { sheetNames, toast } from '../platform/spreadsheet';
import { rangeInfo } from '../platform/workbook';
import { bumpVersions, readCacheState } from '../sheets/cache/summaryCache';
import { bumpRecalcToken } from '../sheets/cache/token';
import { checkRows, checkTarget } from '../sheets/orders/run';

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  let where;
  try {
    where = rangeInfo(e.range);
  } catch {
    return;
  }
  const table = tableOfSheetName(where.sheetName);
  // The Plans sheet counts like the ledger: a promise changes scores and reminders.
  if (table === null && !isPlansSheetName(where.sheetName)) return;
  let failure: unknown = null;
  let state: ReturnType<typeof readCacheState> | null = null;
  try {
    state = readCacheState();
    const target = checkTarget(state);
    if (target && target.sheetName === where.sheetName) {
      checkRows(target, where.row, where.row + where.numRows - 1, state);
    }
  } catch (err) {
    failure = err;
  }
  try {
    bumpVersions({ ledger: table !== 'orders', orders: table === 'orders' });
    const names = state ? [...state.ledgerShapes, ...state.orderShapes].map((s) => s.name) : sheetNames();
    bumpRecalcToken(names, { create: false, language: userLanguage() });
  } catch (err) {
    failure ??= err;
  }
  if (failure !== null) {
    const t = cellsText(userLanguage());
    try {
      toast(t.editFailed(failure instanceof Error ? failure.message : String(failure)), t.toastTitle);
    } catch {
      // nothing more to do in a simple trigger
    }
  }
}
