/**
 * The Invoices sheet.
 *
 * - Invoice No is trimmed, its key upper-cased; a repeated number is a Problem and the later
 *   row is ignored. Customer ID must be a customer read from Customers, else the row is skipped.
 * - Currency blank: the customer's currency. Amount and Amount Paid are written in that
 *   currency and converted to base-currency minor units with Settings' FX rates; with no
 *   rate the row is skipped with a Problem (an amount at an unknown rate would be wrong).
 * - Due Date blank: Invoice Date + the customer's terms (or Settings' Default Terms). An
 *   unreadable Due Date is a Problem and falls back the same way. A Due Date before the
 *   Invoice Date is a Problem but is kept as written: it is more likely a typo in either date
 *   than a rule, and keeping it errs on the side of chasing sooner.
 * - Status: blank means open. Disputed = yes turns an Open invoice into 'disputed'; a Void
 *   invoice stays void and a Paid invoice stays paid (it is settled), but `disputed` is true.
 * - Amount Paid and Paid Date are passed on as written (Amount Paid blank: 0); the ledger
 *   applies "Paid with no Amount Paid means paid in full". Future dates are accepted.
 */
import type { Customer, Invoice, InvoiceIndex, Problem } from '../types';
import { isoOfDay, parseDay } from '../dates';
import { convert, minorDigits, parseCurrency, parseMoney } from '../money';
import { idKey, parseInvoiceStatus, parseId, parseYesNo } from './cells';
import { INVOICES, type InvoiceField } from './headers';
import { invoiceRowSchema, rowIssues } from './schemas';
import { NO_PARAMS, OpenTable, SKIP_ROW, type RowCursor, sheetProblem, tableLabel, type SheetValues, type TableContext } from './table';

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
    const currency = c.take('currency', parseCurrency(c.cell('currency')), NO_PARAMS, SKIP_ROW) ?? customer?.currency ?? ctx.settings.baseCurrency;
    const digits = minorDigits(currency);
    const amount = c.take('amount', parseMoney(c.cell('amount'), digits, currency));
    let amountPaid = c.take('amountPaid', parseMoney(c.cell('amountPaid'), digits, currency)) ?? 0;
    const paidDate = c.take('paidDate', parseDay(c.cell('paidDate'), tz));
    const statusWord = c.take('status', parseInvoiceStatus(c.cell('status'))) ?? 'open';
    const disputedFlag = c.take('disputed', parseYesNo(c.cell('disputed'))) ?? false;
    const remindersStopped = c.take('remindersStopped', parseYesNo(c.cell('remindersStopped'))) ?? false;

    // The coercers already give integers and known currency codes, so the schema can only fail
    // on a missing required value: run it (and map its issues) only then. schemas.test checks
    // that this guard and the schema agree.
    if (no === null || customerId === null || invoiceDate === null || amount === null) {
      const parsed = invoiceRowSchema().safeParse({ no, customerId, invoiceDate, dueDate, amount, currency, amountPaid, paidDate });
      if (!parsed.success) c.reportIssues(rowIssues(parsed.error));
    }
    if (c.skipped || customer === null || no === null || invoiceDate === null || amount === null) return;

    const baseAmount = toBase(c, amount, currency, ctx, 'amount', 'currency');
    if (baseAmount === null) return;
    if (amountPaid !== 0) amountPaid = toBase(c, amountPaid, currency, ctx, 'amountPaid', 'currency') ?? 0;
    if (c.skipped) return;

    if (dueDate === null) dueDate = invoiceDate + (customer.termsDays ?? ctx.settings.defaultTermsDays);
    else if (dueDate < invoiceDate) {
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
      currency,
      amountPaid,
      paidDate,
      status: statusWord === 'open' && disputed ? 'disputed' : statusWord,
      disputed,
      remindersStopped,
    });
  });
  return { invoices, problems, index, amountPaidAt: t.place('amountPaid') };
}
