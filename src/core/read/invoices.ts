/**
 * The Invoices sheet.
 *
 * - Invoice No is trimmed, its key upper-cased; a repeated number is a Problem and the later
 *   row is ignored. Customer ID must be a customer read from Customers, else the row is skipped.
 * - Currency blank: the customer's currency. Amount and Amount Paid are written in that
 *   currency and converted to base-currency minor units with Settings' FX rates; with no
 *   rate the row is skipped with a Problem (an amount at an unknown rate would be wrong).
 *   A unit in an amount column's header applies to it: a scale (金额（万元）), and a currency that
 *   is the column's when Currency is blank; a Currency the header contradicts skips the row.
 * - Due Date blank: Invoice Date + the customer's terms (or Settings' Default Terms). An
 *   unreadable Due Date is a Problem and falls back the same way. A Due Date before the
 *   Invoice Date is a Problem but is kept as written: it is more likely a typo in either date
 *   than a rule, and keeping it errs on the side of chasing sooner.
 * - Disputed and Stop Reminders read the column's own word (争议) and "yes - reason" as yes; a
 *   cell that cannot be read is a Problem and stops the invoice's reminders until fixed.
 * - Status: blank means open. Disputed = yes turns an Open invoice into 'disputed'; a Void
 *   invoice stays void and a Paid invoice stays paid (it is settled), but `disputed` is true.
 * - Amount Paid and Paid Date are passed on as written (Amount Paid blank: 0); the ledger
 *   applies "Paid with no Amount Paid means paid in full". Future dates are accepted; one more
 *   than a year after today (a due date: five years) is a Problem, read as written (future.ts). An
 *   invoice's Amount Paid that is written but unreadable, or negative, is a Problem and both
 *   payment columns are left out (Paid Date too): the invoice stays open rather than paid in full.
 *   An Amount Paid above the Amount is kept (the excess is the customer's unapplied credit) with
 *   a Problem saying so; a credit note's Amount Paid is not used by the ledger, so not checked.
 */
import type { Customer, Invoice, InvoiceIndex, Problem } from '../types';
import { isoOfDay, parseDay } from '../dates';
import { convert, minorDigits, parseCurrency } from '../money';
import { idKey, parseFlag, parseInvoiceStatus, parseId } from './cells';
import { INVOICES, type InvoiceField } from './headers';
import { invoiceRowSchema, rowIssues } from './schemas';
import { reportFarFutureInvoice } from './future';
import { isCellError } from '../../i18n/problems';
import { formatMoney } from '../format';
import { NO_PARAMS, OpenTable, SKIP_ROW, type RowCursor, sheetProblem, tableLabel, type SheetValues, type TableContext } from './table';

/** A Problem on Amount Paid that leaves the invoice's payment columns out. */
const PAID_NOT_APPLIED = Object.freeze({ skip: false, then: 'invoice.paidNotApplied' as const });

const NO_REMINDERS = Object.freeze({ then: 'flag.assumedNoReminders' as const });

/** Looks up the row's customer, reporting an unknown or rejected one on the Customer ID cell. */
export function findCustomer<F extends string>(
  c: RowCursor<F>,
  field: F,
  customerId: string | null,
  customers: ReadonlyMap<string, Customer>,
  rejected: ReadonlyMap<string, number>,
): Customer | null {
  if (customerId === null) return null;
  const key = idKey(customerId);
  const customer = customers.get(key);
  if (customer) return customer;
  c.report(field, rejected.has(key) ? 'customer.rejected' : 'customer.unknown', { value: customerId }, { skip: true });
  return null;
}

/** Converts an amount in `currency` to base minor units; null (after a Problem) when it cannot. */
export function toBase<F extends string>(
  c: RowCursor<F>,
  amount: number,
  currency: string,
  ctx: TableContext,
  field: F,
  currencyField: F,
): number | null {
  const base = ctx.settings.baseCurrency;
  if (currency === base) return amount;
  const rate = ctx.settings.fxRates[currency];
  if (rate === undefined) {
    if (!c.skipped) c.report(c.has(currencyField) ? currencyField : field, 'fx.missing', { currency, base }, { skip: true });
    return null;
  }
  const v = convert(amount, currency, rate, minorDigits(base));
  if (v !== v) {
    // NaN
    c.report(field, 'money.tooLarge', NO_PARAMS, SKIP_ROW);
    return null;
  }
  return v;
}

export function readInvoices(
  sheet: SheetValues | undefined,
  ctx: TableContext,
  customers: ReadonlyMap<string, Customer>,
  rejectedCustomers: ReadonlyMap<string, number> = new Map(),
): { invoices: Invoice[]; problems: Problem[]; index: InvoiceIndex; amountPaidAt?: { column: string; header: string } } {
  const invoices: Invoice[] = [];
  const problems: Problem[] = [];
  // The duplicate check's map (key → first sheet row) doubles as the index by key: each accepted
  // row's position in `invoices`, by sheet row. A first row that was skipped has none (-1).
  const seen = new Map<string, number>();
  const positionByRow = new Int32Array(sheet && Array.isArray(sheet.values) ? sheet.values.length + 1 : 0).fill(-1);
  const index: InvoiceIndex = {
    invoices,
    positionOf: (key) => {
      const row = seen.get(key);
      return row === undefined || row >= positionByRow.length ? -1 : positionByRow[row];
    },
  };
  if (!sheet) {
    problems.push(sheetProblem(tableLabel('invoices', ctx.language), 0, 'sheet.missing', ctx.language, {
      table: tableLabel('invoices', ctx.language),
      name: ctx.language === 'zh' ? INVOICES.zh : INVOICES.en,
    }));
    return { invoices, problems, index };
  }
  const t = new OpenTable('invoices', sheet, ctx, problems);
  const tz = ctx.timeZone;
  t.forEachRow<InvoiceField>((c) => {
    const r = c.r;
    const { id: no, key, duplicate } = c.takeUniqueId('no', 'invoice.duplicate', seen);
    if (duplicate) return;
    const customerId = c.take('customerId', parseId(c.cell('customerId')));
    const customer = findCustomer(c, 'customerId', customerId, customers, rejectedCustomers);
    const invoiceDate = c.take('invoiceDate', parseDay(c.cell('invoiceDate'), tz));
    let dueDate = c.take('dueDate', parseDay(c.cell('dueDate'), tz));
    // An unreadable Currency skips the row: the amounts' currency is unknown.
    const currencyGiven = c.settledCurrency(c.take('currency', parseCurrency(c.cell('currency'), { customer: customer?.currency, base: ctx.settings.baseCurrency }), NO_PARAMS, SKIP_ROW), 'currency', ['amount', 'amountPaid']);
    const currency = currencyGiven ?? customer?.currency ?? ctx.settings.baseCurrency;
    // Each amount column in its header's currency when it names one ("Amount (USD)").
    const amountCurrency = c.currencyOf('amount', 'currency', currencyGiven, currency, 'currency.headerConflict', SKIP_ROW);
    const paidCurrency = c.currencyOf('amountPaid', 'currency', currencyGiven, currency, 'currency.headerConflict', SKIP_ROW);
    const amount = amountCurrency === null ? null : c.money('amount', amountCurrency);
    // An invoice's Amount Paid that is written but cannot be read, or is negative, must not let a
    // Paid Date mark the invoice paid in full: its payment columns are left out, so it stays open.
    // (A credit note's Paid Date means refunded, which takes its credit away: that one is kept.)
    const paidRead = paidCurrency === null ? null : c.moneyCell('amountPaid', paidCurrency);
    const paidUnusable = !(amount !== null && amount < 0) && (isCellError(paidRead) || (paidRead !== null && paidRead < 0));
    let amountPaid = 0;
    if (paidUnusable && !isCellError(paidRead)) c.report('amountPaid', 'invoice.paidNegative', NO_PARAMS, PAID_NOT_APPLIED);
    else amountPaid = c.take('amountPaid', paidRead, NO_PARAMS, paidUnusable ? PAID_NOT_APPLIED : undefined) ?? 0;
    const paidDateRead = c.take('paidDate', parseDay(c.cell('paidDate'), tz));
    const paidDate = paidUnusable ? null : paidDateRead;
    const statusWord = c.take('status', parseInvoiceStatus(c.cell('status'))) ?? 'open';
    // A Disputed or Stop Reminders cell that cannot be read stops the reminders for the invoice
    // until it is fixed (no dunning of a customer who may dispute it), but the invoice still
    // counts as past due for the credit check (as disputed it would not).
    const disputedFlag = c.take('disputed', parseFlag(c.cell('disputed'), 'disputed'), NO_PARAMS, NO_REMINDERS) ?? false;
    const stopFlag = c.take('remindersStopped', parseFlag(c.cell('remindersStopped'), 'remindersStopped'), NO_PARAMS, NO_REMINDERS);
    const remindersStopped = stopFlag === true || c.hasFailed('disputed') || c.hasFailed('remindersStopped');
    const farInvoiceDate = reportFarFutureInvoice(c, ctx, invoiceDate, dueDate, paidDateRead);

    // The coercers already give integers and known currency codes, so the schema can only fail
    // on a missing required value: run it (and map its issues) only then. schemas.test checks
    // that this guard and the schema agree.
    if (no === null || customerId === null || invoiceDate === null || amount === null) {
      const parsed = invoiceRowSchema().safeParse({ no, customerId, invoiceDate, dueDate, amount, currency, amountPaid, paidDate });
      if (!parsed.success) c.reportIssues(rowIssues(parsed.error));
    }
    if (c.skipped || customer === null || no === null || invoiceDate === null || amount === null) return;

    // More paid than invoiced: the excess stays an overpayment (the customer's unapplied credit),
    // but a typo there lowers the exposure of every other invoice, so it is said.
    if (amount >= 0 && amountPaid > amount && paidCurrency === amountCurrency) {
      c.report('amountPaid', 'invoice.overpaid', {
        paid: formatMoney(amountPaid, amountCurrency!),
        amount: formatMoney(amount, amountCurrency!),
        extra: formatMoney(amountPaid - amount, amountCurrency!),
      }, { skip: false });
    }
    const baseAmount = toBase(c, amount, amountCurrency!, ctx, 'amount', 'currency');
    if (baseAmount === null) return;
    if (amountPaid !== 0) amountPaid = toBase(c, amountPaid, paidCurrency!, ctx, 'amountPaid', 'currency') ?? 0;
    if (c.skipped) return;

    if (dueDate === null) dueDate = invoiceDate + (customer.termsDays ?? ctx.settings.defaultTermsDays);
    else if (dueDate < invoiceDate && !farInvoiceDate) {
      c.report('dueDate', 'invoice.dueBeforeInvoice', { due: isoOfDay(dueDate), invoiceDate: isoOfDay(invoiceDate) }, { skip: false });
    }
    const disputed = disputedFlag || statusWord === 'disputed';
    positionByRow[r + 1] = invoices.length;
    invoices.push({
      no,
      key,
      row: r + 1,
      customerKey: customer.key,
      customerIndex: customer.index,
      invoiceDate,
      dueDate,
      amount: baseAmount,
      currency: amountCurrency!,
      amountPaid,
      paidDate,
      status: statusWord === 'open' && disputed ? 'disputed' : statusWord,
      disputed,
      remindersStopped,
    });
  });
  return { invoices, problems, index, amountPaidAt: t.place('amountPaid') };
}
