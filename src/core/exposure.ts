import type { Day, Minor, Order } from './types';

/**
 * Exposure = open invoice amounts − unapplied credit + Pending and Approved orders.
 *
 * Orders dated after the as-of day are left out; an order with no date counts. Blocked,
 * Invoiced and Cancelled orders do not count (an invoiced order is already an invoice).
 */

/** Does this order add to exposure as of the day? */
export function countsForExposure(order: Order, asOf: Day): boolean {
  return (order.status === 'pending' || order.status === 'approved') && (order.orderDate === null || order.orderDate <= asOf);
}

/** Sum of a customer's Pending and Approved orders as of the day. */
export function pendingOrdersTotal(orders: readonly Order[], asOf: Day): Minor {
  let sum = 0;
  for (const o of orders) if (countsForExposure(o, asOf)) sum += o.amount;
  return sum;
}

/**
 * @example exposure(120000, 20000, 5000) === 105000
 */
export function exposure(openInvoices: Minor, unappliedCredit: Minor, pendingOrders: Minor): Minor {
  return openInvoices - unappliedCredit + pendingOrders;
}

/** Credit available: limit − exposure; null when no limit is set (it may be negative). */
export function available(limit: Minor | null, exposureAmount: Minor): Minor | null {
  return limit === null ? null : limit - exposureAmount;
}
