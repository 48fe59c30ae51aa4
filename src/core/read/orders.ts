/**
 * The Orders sheet (optional, for limit enforcement).
 *
 * Order No, Customer ID and Amount are required; Amount may not be negative. Status words in
 * English or Chinese; blank means pending. A repeated Order No is a Problem and the later row
 * is ignored. The Credit Check column is written by the add-on and not read. An optional
 * Currency column, and a unit in the Amount header (万元, USD), work as in Payments.
 */
import type { Customer, Order, Problem } from '../types';
import { parseDay } from '../dates';
import { parseCurrency } from '../money';
import { parseOrderStatus, parseId } from './cells';
import type { OrderField } from './headers';
import { orderRowSchema, rowIssues } from './schemas';
import { findCustomer, toBase } from './invoices';
import { reportFarFuture } from './future';
import { NO_PARAMS, OpenTable, SKIP_ROW, type SheetValues, type TableContext } from './table';

export function readOrders(
  sheet: SheetValues | undefined,
  ctx: TableContext,
  customers: ReadonlyMap<string, Customer>,
  rejectedCustomers: ReadonlyMap<string, number> = new Map(),
): { orders: Order[]; problems: Problem[] } {
  const orders: Order[] = [];
  const problems: Problem[] = [];
  if (!sheet) return { orders, problems };
  const t = new OpenTable('orders', sheet, ctx, problems);
  const seen = new Map<string, number>();
  t.forEachRow<OrderField>((c) => {
    const r = c.r;
    const { id: no, duplicate } = c.takeUniqueId('no', 'order.duplicate', seen);
    if (duplicate) return;
    const customerId = c.take('customerId', parseId(c.cell('customerId')));
    const customer = findCustomer(c, 'customerId', customerId, customers, rejectedCustomers);
    const orderDate = c.take('orderDate', parseDay(c.cell('orderDate'), ctx.timeZone));
    const currencyGiven = c.settledCurrency(c.take('currency', parseCurrency(c.cell('currency'), { customer: customer?.currency, base: ctx.settings.baseCurrency }), NO_PARAMS, SKIP_ROW), 'currency', ['amount']);
    const fallback = currencyGiven ?? customer?.currency ?? ctx.settings.baseCurrency;
    const currency = c.currencyOf('amount', 'currency', currencyGiven, fallback, 'currency.headerConflict', SKIP_ROW);
    const amount = currency === null ? null : c.money('amount', currency);
    const status = c.take('status', parseOrderStatus(c.cell('status'))) ?? 'pending';
    if (status === 'pending' || status === 'approved') reportFarFuture(c, ctx, 'orderDate', orderDate, 'order.farFuture');
    // As in invoices: the schema can only fail on a missing value or a negative amount.
    if (no === null || customerId === null || amount === null || amount < 0) {
      const parsed = orderRowSchema().safeParse({ no, customerId, orderDate, amount, currency });
      if (!parsed.success) c.reportIssues(rowIssues(parsed.error));
    }
    if (c.skipped || customer === null || no === null || amount === null) return;
    const baseAmount = toBase(c, amount, currency!, ctx, 'amount', 'currency');
    if (baseAmount === null || c.skipped) return;
    orders.push({ no, row: r + 1, customerKey: customer.key, orderDate, amount: baseAmount, status });
  });
  return { orders, problems };
}
