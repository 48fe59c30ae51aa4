/**
 * The Payments sheet (optional).
 *
 * Payment Date, Customer ID and Amount are required; Amount must be more than 0 (refunds and
 * credit notes belong in Invoices as negative amounts). Customer ID must be a known customer.
 * Invoice No is optional and kept as a key (trimmed, upper-cased); the ledger checks it.
 * Beyond the contract, an optional Currency column (币种) is read: blank means the customer's
 * currency, and the amount is converted to base like an invoice's. A unit in the Amount header
 * (万元, USD) applies as in Invoices.
 */
import type { Customer, Payment, Problem } from '../types';
import { parseDay } from '../dates';
import { parseCurrency } from '../money';
import { idKey, parseId } from './cells';
import type { PaymentField } from './headers';
import { paymentRowSchema, rowIssues } from './schemas';
import { findCustomer, toBase } from './invoices';
import { reportFarFuture } from './future';
import { NO_PARAMS, OpenTable, SKIP_ROW, type SheetValues, type TableContext } from './table';

export function readPayments(
  sheet: SheetValues | undefined,
  ctx: TableContext,
  customers: ReadonlyMap<string, Customer>,
  rejectedCustomers: ReadonlyMap<string, number> = new Map(),
): { payments: Payment[]; problems: Problem[]; invoiceNoAt?: { column: string; header: string } } {
  const payments: Payment[] = [];
  const problems: Problem[] = [];
  if (!sheet) return { payments, problems };
  const t = new OpenTable('payments', sheet, ctx, problems);
  t.forEachRow<PaymentField>((c) => {
    const r = c.r;
    const date = c.take('date', parseDay(c.cell('date'), ctx.timeZone));
    const customerId = c.take('customerId', parseId(c.cell('customerId')));
    const customer = findCustomer(c, 'customerId', customerId, customers, rejectedCustomers);
    const currencyGiven = c.settledCurrency(c.take('currency', parseCurrency(c.cell('currency'), { customer: customer?.currency, base: ctx.settings.baseCurrency }), NO_PARAMS, SKIP_ROW), 'currency', ['amount']);
    const fallback = currencyGiven ?? customer?.currency ?? ctx.settings.baseCurrency;
    const currency = c.currencyOf('amount', 'currency', currencyGiven, fallback, 'currency.headerConflict', SKIP_ROW);
    const amount = currency === null ? null : c.money('amount', currency);
    const invoiceNo = c.take('invoiceNo', parseId(c.cell('invoiceNo')));
    reportFarFuture(c, ctx, 'date', date, 'payment.farFuture');
    // As in invoices: the schema can only fail on a missing value or an amount <= 0.
    if (date === null || customerId === null || amount === null || amount <= 0) {
      const parsed = paymentRowSchema().safeParse({ date, customerId, amount, currency, invoiceNo });
      if (!parsed.success) c.reportIssues(rowIssues(parsed.error));
    }
    if (c.skipped || customer === null || date === null || amount === null) return;
    const baseAmount = toBase(c, amount, currency!, ctx, 'amount', 'currency');
    if (baseAmount === null || c.skipped) return;
    payments.push({
      row: r + 1,
      date,
      customerKey: customer.key,
      customerIndex: customer.index,
      amount: baseAmount,
      invoiceKey: invoiceNo === null ? null : idKey(invoiceNo),
    });
  });
  return { payments, problems, invoiceNoAt: t.place('invoiceNo') };
}
