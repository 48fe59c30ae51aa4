/** "The customer of the selected row": the Customer ID in the selected row of any sheet with such a column. */
import { fieldOfHeader } from '../../core/read';
import { headerRowIndex } from '../../core/read/table';
import type { Cell, Grid } from '../../core/types';
import { selectedRow } from '../../platform/selection';

/** The column of the Customer ID in a header row (Customers' ID or another table's Customer ID); -1 when none. */
export function customerColumn(header: readonly Cell[]): number {
  const i = header.findIndex((h) => fieldOfHeader('invoices', h) === 'customerId');
  return i >= 0 ? i : header.findIndex((h) => fieldOfHeader('customers', h) === 'id');
}

/** The Customer ID in a selected row, given the top of its sheet; null when there is none. */
export function customerIdInRow(top: Grid, row: number, values: readonly Cell[]): string | null {
  const h = headerRowIndex(top);
  if (h < 0 || row - 1 <= h) return null;
  const col = customerColumn(top[h]);
  if (col < 0) return null;
  const id = String(values[col] ?? '').trim();
  return id === '' ? null : id;
}

/** The Customer ID of the user's selected row; null when the selection has none. */
export function selectedCustomerId(): string | null {
  const sel = selectedRow();
  return sel ? customerIdInRow(sel.top, sel.row, sel.values) : null;
}
