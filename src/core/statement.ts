/**
 * Statements of account (对账单): per customer, for a period [from, to], the opening balance, the
 * period's invoices, credit notes, refunds and cash received in date order with a running
 * balance, the closing balance and the aging at `to`.
 *
 * The figures come from the ledger (ledger.ts), so they agree with every other figure of the
 * add-on to the cent:
 * - opening balance = the ledger's open − unapplied credit as of `from − 1`, i.e. everything
 *   dated before `from`: invoices − credit notes − cash received;
 * - closing balance = OPENBALANCE as of `to` (the ledger's open − unapplied credit as of `to`);
 * - the lines are exactly what changed the balance between the two.
 *
 * Decisions where the contract is silent:
 * - A credit note dated before the period that the file marks as refunded or used outside the
 *   file (a Paid Date inside the period) appears as a `refund` line on its Paid Date: the credit
 *   was in the opening balance and is not in the closing one.
 * - Cash recorded on the invoice row (Amount Paid, Status Paid) is a `payment` line on its Paid
 *   Date; with no Paid Date it is dated at the Invoice Date with `dateKnown` false. When the Paid
 *   Date is earlier than the Invoice Date (a data slip), the line is dated at the Invoice Date,
 *   because the invoice, and its cash, did not exist before then.
 * - Within a day: invoices, then credit notes, then refunds, then cash, each by sheet row.
 * - Amounts are in the base currency (the ledger converts); the statement says which.
 * - Should the lines ever fail to explain the ledger's closing balance (they do not on any file
 *   the property tests generate), an `adjustment` line makes up the difference and `reconciled`
 *   is false: the closing balance always equals OPENBALANCE, and the gap is shown, not hidden.
 */
import type { CreditFile, Day, Invoice, Minor, Payment, Settings } from './types';
import { buildLedger, type CustomerLedger, type Ledger, type Receipt } from './ledger';
import { ageCustomer, agingLabels, emptyAging, normaliseEdges, type AgingRow } from './aging';
import { dayFromYMD, daysInMonth, ymdOfDay } from './dates';
import { idKey } from './read/cells';

export type StatementLineKind = 'invoice' | 'credit-note' | 'refund' | 'payment' | 'adjustment';

export interface StatementLine {
  day: Day;
  kind: StatementLineKind;
  /** The invoice or credit note number; for cash, the invoice the payment names ('' when none). */
  reference: string;
  /** Invoices only: the Due Date. */
  dueDate: Day | null;
  /** What raised the balance (invoices, refunds of credit). */
  debit: Minor;
  /** What lowered it (credit notes, cash). */
  credit: Minor;
  /** The balance after this line. */
  balance: Minor;
  /** False for cash recorded on an invoice row with no Paid Date. */
  dateKnown: boolean;
  /** Where it comes from: 1-based sheet row of the Invoices or Payments sheet (0 for an adjustment). */
  source: 'invoices' | 'payments' | '';
  row: number;
  /** For cash: how it was recorded. */
  receiptKind?: Receipt['kind'];
}

export interface Statement {
  customerKey: string;
  from: Day;
  to: Day;
  currency: string;
  opening: Minor;
  lines: StatementLine[];
  closing: Minor;
  totals: { invoiced: Minor; credited: Minor; refunded: Minor; received: Minor };
  /** Open invoices, unapplied credit and the aging as of `to`. */
  openInvoices: Minor;
  unappliedCredit: Minor;
  aging: AgingRow;
  agingLabels: string[];
  /** What the aging counts: days past the due date, or days since the invoice date (Settings' Aging Basis). */
  agingBasis: 'due' | 'invoice';
  /** True when the lines explain the ledger's closing balance exactly (no adjustment line). */
  reconciled: boolean;
}

const RANK: Record<StatementLineKind, number> = { invoice: 0, 'credit-note': 1, refund: 2, payment: 3, adjustment: 4 };

/** The ledger's net balance: open invoices − unapplied credit (OPENBALANCE). */
export function netBalance(cl: CustomerLedger | undefined): Minor {
  return cl ? cl.openTotal - cl.unappliedCredit : 0;
}

/** The last full calendar month before `today`: { from, to }. */
export function lastFullMonth(today: Day): { from: Day; to: Day } {
  const { y, m } = ymdOfDay(today);
  const from = dayFromYMD(y, m - 1, 1);
  const p = ymdOfDay(from);
  return { from, to: dayFromYMD(p.y, p.m, daysInMonth(p.y, p.m)) };
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: Day): string {
  const { y, m } = ymdOfDay(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** True when [from, to] is exactly one calendar month. */
export function isCalendarMonth(from: Day, to: Day): boolean {
  const a = ymdOfDay(from);
  const b = ymdOfDay(to);
  return a.d === 1 && a.y === b.y && a.m === b.m && b.d === daysInMonth(b.y, b.m);
}

export interface StatementBooks {
  before: Ledger;
  after: Ledger;
  from: Day;
  to: Day;
  invoicesByRow: Map<number, Invoice>;
  paymentsByRow: Map<number, Payment>;
  /** Invoice number as written, by key. */
  invoiceNoByKey: Map<string, string>;
  settings: Pick<Settings, 'agingEdges' | 'agingBasis' | 'baseCurrency'>;
}

/**
 * The two ledgers a period needs (as of from − 1 and as of to), built once for any number of
 * customers. Linear in the file, plus the ledger's sorts.
 */
export function statementBooks(file: Pick<CreditFile, 'invoices' | 'payments' | 'settings'>, from: Day, to: Day): StatementBooks {
  if (!(to >= from)) throw new RangeError('The period ends before it starts.');
  const invoicesByRow = new Map<number, Invoice>();
  const invoiceNoByKey = new Map<string, string>();
  for (const i of file.invoices) {
    invoicesByRow.set(i.row, i);
    if (!invoiceNoByKey.has(i.key)) invoiceNoByKey.set(i.key, i.no);
  }
  const paymentsByRow = new Map<number, Payment>();
  for (const p of file.payments) paymentsByRow.set(p.row, p);
  return {
    before: buildLedger(file, from - 1),
    after: buildLedger(file, to),
    from,
    to,
    invoicesByRow,
    paymentsByRow,
    invoiceNoByKey,
    settings: file.settings,
  };
}

/** The statement of one customer (by key: trimmed, upper-cased ID) from books built for the period. */
export function statementFrom(books: StatementBooks, customerKey: string): Statement {
  const { from, to } = books;
  const before = books.before.customers.get(customerKey);
  const after = books.after.customers.get(customerKey);
  const opening = netBalance(before);
  const lines: StatementLine[] = [];
  const totals = { invoiced: 0, credited: 0, refunded: 0, received: 0 };

  const line = (l: Omit<StatementLine, 'balance'>): void => {
    lines.push({ ...l, balance: 0 });
  };

  if (after) {
    for (const li of after.invoices) {
      const inv = li.invoice;
      if (inv.invoiceDate < from) continue;
      line({ day: inv.invoiceDate, kind: 'invoice', reference: inv.no, dueDate: inv.dueDate, debit: inv.amount, credit: 0, dateKnown: true, source: 'invoices', row: inv.row });
      totals.invoiced += inv.amount;
    }
    for (const cn of after.creditNotes) {
      const inv = cn.invoice;
      if (inv.invoiceDate < from) continue;
      line({ day: inv.invoiceDate, kind: 'credit-note', reference: inv.no, dueDate: null, debit: 0, credit: cn.credit, dateKnown: true, source: 'invoices', row: inv.row });
      totals.credited += cn.credit;
    }
    for (const r of after.receipts) {
      const fromInvoice = r.kind !== 'payment' ? books.invoicesByRow.get(r.row) : undefined;
      // Cash on an invoice row dated in the period counts in it even if its Paid Date is earlier.
      const day = fromInvoice ? Math.max(r.day, fromInvoice.invoiceDate) : r.day;
      if (day < from) continue;
      const named = r.kind === 'payment' ? books.paymentsByRow.get(r.row)?.invoiceKey ?? '' : '';
      const reference = r.kind === 'payment' ? (named ? books.invoiceNoByKey.get(named) ?? named : '') : fromInvoice?.no ?? '';
      line({
        day, kind: 'payment', reference, dueDate: null, debit: 0, credit: r.amount,
        dateKnown: r.dateKnown, source: r.kind === 'payment' ? 'payments' : 'invoices', row: r.row, receiptKind: r.kind,
      });
      totals.received += r.amount;
    }
  }
  if (before) {
    // Credit notes in the opening balance that left the books in the period (refunded).
    for (const cn of before.creditNotes) {
      const paid = cn.invoice.paidDate;
      if (paid === null || paid < from || paid > to) continue;
      line({ day: paid, kind: 'refund', reference: cn.invoice.no, dueDate: null, debit: cn.credit, credit: 0, dateKnown: true, source: 'invoices', row: cn.invoice.row });
      totals.refunded += cn.credit;
    }
  }

  lines.sort((a, b) => a.day - b.day || RANK[a.kind] - RANK[b.kind] || a.row - b.row);
  let balance = opening;
  for (const l of lines) {
    balance += l.debit - l.credit;
    l.balance = balance;
  }
  const closing = netBalance(after);
  const reconciled = balance === closing;
  if (!reconciled) {
    const diff = closing - balance;
    lines.push({ day: to, kind: 'adjustment', reference: '', dueDate: null, debit: Math.max(0, diff), credit: Math.max(0, -diff), balance: closing, dateKnown: true, source: '', row: 0 });
  }

  const edges = normaliseEdges(books.settings.agingEdges);
  const aging = after ? ageCustomer(after, to, books.settings) : emptyAging(edges);
  return {
    customerKey,
    from,
    to,
    currency: books.settings.baseCurrency,
    opening,
    lines,
    closing,
    totals,
    openInvoices: after?.openTotal ?? 0,
    unappliedCredit: after?.unappliedCredit ?? 0,
    aging,
    agingLabels: agingLabels(edges),
    agingBasis: books.settings.agingBasis === 'invoice' ? 'invoice' : 'due',
    reconciled,
  };
}

/**
 * The statement of account of one customer for [from, to].
 *
 * @example statement(file, 'C-002', dayOf(2026, 10, 1), dayOf(2026, 10, 31)).closing // OPENBALANCE as of 10-31
 */
export function statement(file: Pick<CreditFile, 'invoices' | 'payments' | 'settings'>, customerId: string, from: Day, to: Day): Statement {
  return statementFrom(statementBooks(file, from, to), idKey(String(customerId)));
}

/** Statements of many customers for one period, from one pair of ledgers. */
export function statements(file: Pick<CreditFile, 'invoices' | 'payments' | 'settings'>, customerKeys: readonly string[], from: Day, to: Day): Map<string, Statement> {
  const books = statementBooks(file, from, to);
  const out = new Map<string, Statement>();
  for (const key of customerKeys) out.set(key, statementFrom(books, key));
  return out;
}

/** The first day anything of the customer is dated (invoice, credit note or payment); null when none. */
export function firstActivity(file: Pick<CreditFile, 'invoices' | 'payments'>, customerKey: string): Day | null {
  let first: Day | null = null;
  for (const i of file.invoices) {
    if (i.customerKey !== customerKey || i.status === 'void') continue;
    if (first === null || i.invoiceDate < first) first = i.invoiceDate;
  }
  for (const p of file.payments) {
    if (p.customerKey !== customerKey) continue;
    if (first === null || p.date < first) first = p.date;
  }
  return first;
}
