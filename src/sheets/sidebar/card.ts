/**
 * getCustomerCard: one customer's score and why, limit, aging, latest invoices and payments,
 * reminder history and flags. With no ID, the customer of the selected row of any sheet whose
 * header row has a Customer ID column.
 */
import { shownAgingLabels } from '../../core/aging';
import { headerRowIndex } from '../../core/read/table';
import { isDateObject, isoOfDay } from '../../core/dates';
import { findCustomer, type CustomerPicture } from '../../core/picture';
import { columnIndex, idKey, tableOfSheetName } from '../../core/read';
import { LOG_HEADERS, LOG_HEADERS_ZH, logColumns } from '../../core/reminders/log';
import type { Cell, CreditFile, Grid } from '../../core/types';
import { factorDetail, invoiceStateText, logStateText, type InvoiceState } from '../../i18n/sidebarServer';
import { factorName } from '../../i18n/reasons';
import { logReasonText } from '../../i18n/reminders';
import type { Language } from '../../i18n/language';
import { selectedRow } from '../../platform/selection';
import type { CustomerCard, InvoiceView, PaymentView, ReminderView } from '../../sidebar/api';
import { isNamedLike, pickLog } from '../logSheet';
import { REMINDER_LOG } from '../owned';
import { loadForSidebar, money } from './load';

const RECENT = 10;
const REMINDER_LINES = 20;

function isReminderLog(name: string): boolean {
  return isNamedLike(name, REMINDER_LOG.names);
}

/** The customer ID in a row, given the sheet's name and its first rows; null when the sheet has no Customer ID column or the row is the header. */
export function customerIdInRow(sheetName: string, top: Grid, row: number, values: readonly Cell[]): string | null {
  const h = headerRowIndex(top);
  if (h < 0 || row <= h + 1) return null;
  const header = top[h];
  const table = tableOfSheetName(sheetName);
  let col: number | undefined;
  if (table === 'customers') col = columnIndex('customers', header).id;
  else {
    col = columnIndex('invoices', header).customerId;
    if (col === undefined && table === null) col = columnIndex('customers', header).id;
  }
  if (col === undefined) return null;
  const v = values[col];
  const id = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return id === '' ? null : id;
}

/** The ID of the customer on the selected row, or null. */
export function selectedCustomerId(): string | null {
  const sel = selectedRow();
  if (!sel) return null;
  return customerIdInRow(sel.sheetName, sel.top, sel.row, sel.values);
}

function invoiceState(i: CustomerPicture['invoices'][number]): InvoiceState {
  if (i.disputed) return 'disputed';
  if (i.open <= 0) return 'paid';
  if (i.daysPastDue > 0) return 'overdue';
  if (i.open < i.invoice.amount) return 'partPaid';
  return 'open';
}

function invoices(cp: CustomerPicture, currency: string, language: Language): InvoiceView[] {
  return [...cp.invoices]
    .sort((a, b) => b.invoice.invoiceDate - a.invoice.invoiceDate || b.invoice.row - a.invoice.row)
    .slice(0, RECENT)
    .map((i) => ({
      no: i.invoice.no,
      invoiceDate: isoOfDay(i.invoice.invoiceDate),
      dueDate: isoOfDay(i.invoice.dueDate),
      amount: money(i.invoice.amount, currency),
      open: money(i.open, currency),
      daysPastDue: i.open > 0 ? Math.max(0, i.daysPastDue) : 0,
      status: invoiceStateText(invoiceState(i), language),
    }));
}

/** Payments sheet rows and payments written on invoice rows (Amount Paid + Paid Date), latest first. */
function payments(cp: CustomerPicture, file: CreditFile, currency: string, asOf: number): PaymentView[] {
  const noOf = new Map<string, string>();
  for (const i of cp.invoices) noOf.set(i.invoice.key, i.invoice.no);
  const lines: { day: number; row: number; view: PaymentView }[] = [];
  for (const p of file.payments) {
    if (p.customerKey !== cp.customer.key || p.date > asOf) continue;
    lines.push({ day: p.date, row: p.row, view: { date: isoOfDay(p.date), amount: money(p.amount, currency), invoiceNo: p.invoiceKey ? noOf.get(p.invoiceKey) ?? p.invoiceKey : '' } });
  }
  for (const i of cp.invoices) {
    const inv = i.invoice;
    if (inv.amountPaid > 0 && inv.paidDate !== null && inv.paidDate <= asOf) {
      lines.push({ day: inv.paidDate, row: inv.row, view: { date: isoOfDay(inv.paidDate), amount: money(inv.amountPaid, currency), invoiceNo: inv.no } });
    }
  }
  return lines.sort((a, b) => b.day - a.day || b.row - a.row).slice(0, RECENT).map((l) => l.view);
}

/** This customer's Reminder Log lines, latest first. */
export function reminderLines(values: Grid | null, customerKey: string, language: Language): ReminderView[] {
  if (!values || values.length < 2) return [];
  const [time, , , invoiceNo, customerId, level, state, reason] = logColumns(values[0], LOG_HEADERS, LOG_HEADERS_ZH);
  if (customerId < 0) return [];
  const out: ReminderView[] = [];
  for (let r = values.length - 1; r >= 1 && out.length < REMINDER_LINES; r--) {
    const row = values[r];
    if (idKey(String(row[customerId] ?? '')) !== customerKey) continue;
    const t = time >= 0 ? row[time] : '';
    out.push({
      time: isDateObject(t) ? t.toISOString() : String(t ?? ''),
      level: level >= 0 ? String(row[level] ?? '') : '',
      state: state >= 0 ? logStateText(String(row[state] ?? ''), language) : '',
      invoiceNo: invoiceNo >= 0 ? String(row[invoiceNo] ?? '') : '',
      // A code (a skip's reason, a confirmation, …) in the user's language; a send's error as it is.
      reason: reason >= 0 ? logReasonText(row[reason], language) : '',
    });
  }
  return out;
}

export function getCustomerCard(customerId: string | null): CustomerCard | null {
  const id = customerId === null || customerId === undefined || String(customerId).trim() === '' ? selectedCustomerId() : String(customerId);
  if (id === null) return null;
  const { picture, file, language, sheets } = loadForSidebar(isReminderLog, false);
  const cp = findCustomer(picture, id);
  if (!cp) return null;
  const currency = picture.settings.baseCurrency;
  const c = cp.customer;
  const limit = c.creditLimit;
  const log = pickLog(sheets.filter((s) => isReminderLog(s.name)), REMINDER_LOG);
  return {
    id: c.id,
    name: c.name,
    score: cp.score.score,
    grade: cp.grade,
    factors: cp.score.factors.map((f) => ({ name: factorName(f.factor, language), points: f.points, detail: factorDetail(f, currency, language) })),
    limit: limit === null ? null : money(limit, currency),
    exposure: money(cp.exposure, currency),
    available: cp.available === null ? null : money(cp.available, currency),
    // Cash only (limit 0): any exposure uses the whole (zero) limit.
    utilisation: limit === null ? null : limit > 0 ? Math.round((cp.exposure / limit) * 10000) / 10000 : cp.exposure > 0 ? 1 : 0,
    aging: { labels: shownAgingLabels(picture.agingLabels, picture.settings.agingBasis), amounts: [...cp.aging.buckets] },
    invoices: invoices(cp, currency, language),
    payments: payments(cp, file, currency, picture.asOf),
    reminders: reminderLines(log ? log.values : null, c.key, language),
    onHold: c.onHold,
    remindersPausedUntil: c.remindersPausedUntil === null ? null : isoOfDay(c.remindersPausedUntil),
    recommendation: {
      limit: cp.recommendation.prepayment ? null : money(cp.recommendation.limit, currency),
      termsDays: cp.recommendation.termsDays,
      prepayment: cp.recommendation.prepayment,
    },
  };
}
