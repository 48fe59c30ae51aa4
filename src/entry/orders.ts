/**
 * Menu actions Recalculate and Check selected order, and the sidebar's checkOrder and
 * overrideBlock (see src/sheets/orders and docs/custom-functions.md).
 */
import type { CheckResultView, FieldErrors } from '../sidebar/api';
import { cellsText } from '../i18n/cells';
import { userLanguage } from '../platform/session';
import { toast } from '../platform/spreadsheet';
import { activeRangeInfo } from '../platform/workbook';
import { bumpVersions, readCacheState, summariesFor } from '../sheets/cache/summaryCache';
import { bumpRecalcToken } from '../sheets/cache/token';
import { checkOrderView, overrideBlockFor } from '../sheets/orders/override';
import { checkRows, checkTarget } from '../sheets/orders/run';

/**
 * Recalculate: new data versions (every cached summary is dropped), a new Recalc Token (added to
 * Settings when missing), today's summary computed and cached again, and every Pending or Approved
 * order re-checked (payments may have lifted a BLOCK).
 */
export function recalculate(): void {
  const t = cellsText(userLanguage());
  bumpVersions({ ledger: true, orders: true });
  const before = readCacheState();
  const names = [...before.ledgerShapes, ...before.orderShapes].map((s) => s.name);
  const token = bumpRecalcToken(names, { create: true, language: userLanguage() });
  const state = token ? readCacheState() : before;
  summariesFor([state.today], state);
  const target = checkTarget(state);
  if (target && target.table === 'orders') {
    const shape = state.orderShapes.find((s) => s.name === target.sheetName);
    if (shape && shape.lastRow > 1) checkRows(target, 1, shape.lastRow, state);
  }
  toast(t.recalculated(token ? token.a1 : null), t.toastTitle);
}

/** Check selected order: the selected rows of the Orders sheet (or Invoices without Orders). */
export function checkSelectedOrder(): void {
  const t = cellsText(userLanguage());
  const state = readCacheState();
  const target = checkTarget(state);
  if (!target) {
    toast(t.noOrderSheet, t.toastTitle);
    return;
  }
  const sel = activeRangeInfo();
  if (!sel || sel.sheetName !== target.sheetName) {
    toast(t.selectOrders(target.sheetName), t.toastTitle);
    return;
  }
  const { checked } = checkRows(target, sel.row, sel.row + sel.numRows - 1, state);
  toast(checked ? t.checked(checked) : t.selectOrders(target.sheetName), t.toastTitle);
}

/** Sidebar: the check of a new amount for a customer. */
export function checkOrder(customerId: string, amount: string): CheckResultView {
  return checkOrderView(customerId, amount);
}

/** Sidebar: an approver overrides a BLOCK (recorded in the Audit Log). */
export function overrideBlock(customerId: string, amount: string, reason: string, orderNo: string): { ok: true } | FieldErrors {
  return overrideBlockFor(customerId, amount, reason, orderNo);
}
