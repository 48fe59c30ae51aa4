/**
 * Dates far past today. A year typed wrong (2062 for 2026) would leave the row out of every as-of
 * picture for decades without a word, so such a date is a Problem. The row is still read as
 * written (the as-of rule leaves a later-dated row out until that day, which is right for a date
 * a little ahead): the Problem says what that means for the row.
 *
 * Only when the reader is told today (ReadCreditFileOptions.today): a picture as of an earlier day
 * must not call a row dated after it bad.
 */
import type { Day } from '../types';
import { isoOfDay } from '../dates';
import type { ProblemCode } from '../../i18n/problems';
import type { RowCursor, TableContext } from './table';

/** A date of record (invoice, payment, paid, order) more than a year and a day after today is a Problem. */
export const FAR_FUTURE_DAYS = 366;
/** A due date may be years ahead (retention money, long terms): more than five years is a Problem. */
export const FAR_FUTURE_DUE_DAYS = 1827;

/** Reports `day` in `field` when it is more than `limit` days after today; true when it did. */
export function reportFarFuture<F extends string>(
  c: RowCursor<F>, ctx: TableContext, field: F, day: Day | null, code: ProblemCode, limit: number = FAR_FUTURE_DAYS,
): boolean {
  const today = ctx.today;
  if (today === undefined || day === null || day - today <= limit) return false;
  c.report(field, code, { today: isoOfDay(today) }, { skip: false });
  return true;
}

/**
 * An invoice's dates: the Invoice Date, else the Due Date (which follows it), and the Paid Date.
 * True when the Invoice Date is far ahead (its due date being "before" it is then no news).
 */
export function reportFarFutureInvoice(
  c: RowCursor<'invoiceDate' | 'dueDate' | 'paidDate'>, ctx: TableContext, invoiceDate: Day | null, dueDate: Day | null, paidDate: Day | null,
): boolean {
  const far = reportFarFuture(c, ctx, 'invoiceDate', invoiceDate, 'invoice.farFuture');
  if (!far) reportFarFuture(c, ctx, 'dueDate', dueDate, 'invoice.dueFarFuture', FAR_FUTURE_DUE_DAYS);
  reportFarFuture(c, ctx, 'paidDate', paidDate, 'invoice.paidFarFuture');
  return far;
}
