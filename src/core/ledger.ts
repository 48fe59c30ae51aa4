import type { Day, Invoice, InvoiceIndex, Minor, Payment, Problem, RecordPlaces } from './types';
import { CustomerSlots } from './slots';
import { isoOfDay } from './dates';
import { problemMessage, type ProblemCode } from '../i18n/problems';

/**
 * The ledger: who owes what on each invoice as of a day, after allocating payments and credit
 * notes by the contract's rules (../shared/spec/credit-file.md, "Rules").
 *
 * "As of" a day means the books at the end of that day. Left out: invoices and credit notes
 * dated after it, payments dated after it, and any Paid Date / Amount Paid dated after it (the
 * invoice was still open then). Void invoices are ignored everywhere.
 *
 * Decisions where the contract is silent (also in docs/credit-score.md, "Ledger decisions"):
 * - Every invoice dated on or before as-of exists for the whole allocation: a payment pays the
 *   oldest open invoice even when that invoice was issued after the payment (a prepayment is
 *   applied to the next invoice). The allocation is then recorded on the later of the payment's
 *   day and the invoice's date, so an invoice is never paid before it exists. Consequently
 *   unapplied credit remains only when every invoice of the customer is settled.
 * - The oldest-first order is Due Date, then Invoice Date, then Invoice No (code-unit order of the
 *   upper-cased number), with **disputed invoices after all undisputed ones**: an unnamed payment
 *   does not settle a disputed invoice while an undisputed one is open. A payment that names a
 *   disputed invoice pays it.
 * - Events are processed by day; on one day: the invoice's own Amount Paid column, then the
 *   invoice's Paid status / Paid Date, then credit notes, then payments; then by sheet row.
 * - The Amount Paid column is a payment naming its own invoice, dated at the Paid Date; with no
 *   Paid Date it counts from the Invoice Date with the date unknown. An Amount Paid above the
 *   invoice's amount is an overpayment: the excess goes oldest-first, then to unapplied credit.
 * - Status Paid settles the invoice in full (after any Amount Paid), on the Paid Date when given;
 *   with no Paid Date the invoice is paid from its Invoice Date, date unknown (`paidDay` null,
 *   `paidDateUnknown` true); such invoices carry no days-to-pay information. A Paid Date with no
 *   Amount Paid settles in full on that day whatever the status.
 * - An invoice settled by its own columns (Status Paid, or a Paid Date with no Amount Paid) is
 *   left out of oldest-first allocation, even as of a day before its Paid Date: the file says
 *   when and how it was paid, so an unnamed payment or a credit note is for something else.
 *   Without this, the same cash could be counted twice, and moving a payment later could make
 *   the books look better (a fast-check counterexample: an invoice whose Paid Date moves past
 *   as-of would be paid earlier by an unnamed payment, and the score would rise). The price: an
 *   invoice that took unnamed cash, then is marked paid in its own columns, moves that cash to
 *   the next invoice in reports as of earlier days too. Recording the final payment in Payments,
 *   naming the invoice, keeps earlier reports as they were (docs/credit-score.md).
 * - A credit note (negative Amount) is allocated oldest-first on its Invoice Date. A credit note
 *   with a Paid Date on or before as-of, or marked Paid with no Paid Date, is taken as refunded or
 *   used outside the file and is not allocated; one whose Paid Date is after as-of was still
 *   unused then and is allocated.
 * - The same cash recorded twice. When an invoice's own row settles it (Status Paid, or a Paid Date
 *   with no Amount Paid) and a Payments row also names it, the two are almost always one payment
 *   recorded twice. Each record pays what is still open on the invoice; what is left of the later
 *   one, up to what the other record paid on the invoice and no other row has matched yet, is the
 *   same cash and is not counted again (it is listed in `recordedTwice`, and a Problem says so: on
 *   the Payments row, or on the Amount Paid cell when the row's Amount Paid came later); only what
 *   is beyond both goes oldest-first as an overpayment. So a payment dated before the Paid Date
 *   pays the invoice and the marking settles the rest, and one dated on or after it adds nothing up
 *   to what the marking paid. (It used to pay the next invoice, so paying one day later could raise
 *   the score, D to B.) The cash stays on the day of the first record, so earlier reports keep.
 *   The Amount Paid column and a payment naming an invoice not marked paid are two payments.
 * - A payment naming an invoice that is not in the file, is void, is a credit note, or belongs to
 *   another customer is reported as a Problem and allocated oldest-first. A payment naming an
 *   invoice dated after as-of is allocated oldest-first without a Problem (the invoice did not
 *   exist yet on that day).
 * - Invoices and payments whose customer is not in Customers are still ledgered under their key;
 *   the credit picture leaves them out (the reader reports them).
 */

/** What an allocation came from. */
export type AllocationKind = 'payment' | 'credit-note' | 'amount-paid' | 'marked-paid';

export interface Allocation {
  /** The day it counts from: the later of the source's day and the invoice's date. */
  day: Day;
  amount: Minor;
  kind: AllocationKind;
  /** Sheet row of the source: the payment's row, the credit note's row, or the invoice's own row. */
  row: number;
  /** For a credit note: its invoice key. */
  creditNoteKey?: string;
  /** False when the source had no date (Amount Paid or Status Paid with no Paid Date). */
  dateKnown: boolean;
}

export interface LedgerInvoice {
  invoice: Invoice;
  /** Disputed = yes or Status Disputed. */
  disputed: boolean;
  /** Amount − everything allocated to it, as of the ledger's day; never below 0. */
  open: Minor;
  /** As-of − Due Date; negative when not yet due. */
  daysPastDue: number;
  allocations: Allocation[];
  /** The day of the allocation that brought it to zero; null while open or when that day is unknown. */
  paidDay: Day | null;
  /** Settled, but by a source with no date. */
  paidDateUnknown: boolean;
  /**
   * Status Paid, or a Paid Date with no Amount Paid: the invoice's own columns say it was paid in
   * full, so unnamed payments and credit notes never go to it (a payment naming it still does).
   */
  settledByColumns: boolean;
}

export interface LedgerCreditNote {
  invoice: Invoice;
  /** The credit as a positive amount (−Amount). */
  credit: Minor;
  /** How much of it was applied to invoices; the rest is in the customer's unapplied credit. */
  applied: Minor;
}

/** Cash received from a customer. */
export interface Receipt {
  day: Day;
  amount: Minor;
  kind: 'payment' | 'amount-paid' | 'marked-paid';
  row: number;
  dateKnown: boolean;
  /**
   * Key of the invoice the record names (a payment naming one, an invoice row's Amount Paid or Paid
   * marking); null or absent when it names none. Plans share a customer's cash by it (plans/keep.ts).
   */
  invoiceKey?: string | null;
}

/** Cash on a Payments row, or an invoice row's Amount Paid, taken as the same cash as the other record. */
export interface RecordedTwice {
  /** The record that came later, whose cash is not counted again: a Payments row, or an invoice row's Amount Paid. */
  kind: 'payment' | 'amount-paid';
  /** Its sheet row. */
  row: number;
  day: Day;
  /** The invoice both name, by key. */
  invoiceKey: string;
  /** How much of it was not counted again. */
  amount: Minor;
}

export interface CustomerLedger {
  key: string;
  /** Positive invoices dated on or before as-of, in oldest-first allocation order. */
  invoices: LedgerInvoice[];
  creditNotes: LedgerCreditNote[];
  /**
   * Cash received up to as-of, in processing order. A record whose cash was partly the same cash as
   * another's counts only the rest (none at all when it was all the same cash).
   */
  receipts: Receipt[];
  /** Cash recorded twice (a Payments row and the invoice's own row), counted once. */
  recordedTwice: RecordedTwice[];
  /** Payments and credit notes not applied to any invoice (>= 0). */
  unappliedCredit: Minor;
  /** Sum of the invoices' open amounts (>= 0). */
  openTotal: Minor;
  /** Sum of receipts: all cash received up to as-of, each counted once. */
  totalPaid: Minor;
}

export interface Ledger {
  asOf: Day;
  customers: Map<string, CustomerLedger>;
  /** Problems found while allocating (payments naming unknown invoices …). */
  problems: Problem[];
}

export interface LedgerInput {
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  /** The reader's index of `invoices` by key; used only when made for this very list. */
  invoiceIndex?: InvoiceIndex;
  /** The customers the records' `customerIndex` points into (only their count is used). */
  customers?: readonly unknown[];
  /** Where Problems point and their language (the reader's CreditFile has it); LedgerOptions win. */
  places?: RecordPlaces;
  /**
   * The day the records were read on (the reader's CreditFile has it): a payment dated after it
   * (a post-dated cheque, a year typed wrong) does not date an undated Paid marking.
   */
  today?: Day;
}

/** Where Problems about payments point. */
export interface LedgerOptions {
  /** Sheet name of the payments; default: the input's places, else 'Payments'. */
  paymentsSheet?: string;
  /** Column letter of the payments' Invoice No column; default: the input's places, else ''. */
  invoiceNoColumn?: string;
  /** Header text of that column as the user wrote it; default: the input's places, else 'Invoice No'. */
  invoiceNoHeader?: string;
  /**
   * Open amounts only: no Allocation or Receipt records (allocations stay empty, receipts and
   * totalPaid too). For ledgers that only feed AR figures, e.g. the KPIs' beginning AR.
   */
  openOnly?: boolean;
}

/** An index of invoices by key (first row wins), for lists that come without the reader's. */
export function indexInvoices(invoices: readonly Invoice[]): InvoiceIndex {
  const positions = new Map<string, number>();
  for (let i = 0; i < invoices.length; i++) if (!positions.has(invoices[i].key)) positions.set(invoices[i].key, i);
  return { invoices, positionOf: (key) => positions.get(key) ?? -1 };
}

/** Is the invoice disputed (flag or status)? */
export function isDisputed(invoice: Invoice): boolean {
  return invoice.disputed || invoice.status === 'disputed';
}

/** Oldest-first allocation order: undisputed first, then Due Date, Invoice Date, Invoice No. */
export function compareOldestFirst(a: LedgerInvoice, b: LedgerInvoice): number {
  if (a.disputed !== b.disputed) return a.disputed ? 1 : -1;
  return (
    a.invoice.dueDate - b.invoice.dueDate ||
    a.invoice.invoiceDate - b.invoice.invoiceDate ||
    (a.invoice.key < b.invoice.key ? -1 : a.invoice.key > b.invoice.key ? 1 : a.invoice.row - b.invoice.row)
  );
}

/** Rank of an event kind within one day. */
const RANK: Record<AllocationKind, number> = { 'amount-paid': 0, 'marked-paid': 1, 'credit-note': 2, payment: 3 };

interface AllocEvent {
  /** Packed (day, kind rank, row) for a fast numeric sort. */
  order: number;
  day: Day;
  kind: AllocationKind;
  row: number;
  /** For marked-paid: ignored (the event settles whatever is open). */
  amount: Minor;
  target: LedgerInvoice | null;
  dateKnown: boolean;
  creditNote: LedgerCreditNote | null;
}

interface Group {
  ledger: CustomerLedger;
  events: AllocEvent[];
  /** oldestFirstRank of each of ledger.invoices, same order (taken while the invoice record is at hand). */
  ranks: number[];
}

/** Days fit in 18 bits with an offset, the rank in 2, a sheet row in 24: 44 bits, exact in a double. */
const DAY_OFFSET = 2 ** 17;
function eventOrder(day: Day, kind: AllocationKind, row: number): number {
  return ((day + DAY_OFFSET) * 4 + RANK[kind]) * 2 ** 24 + row;
}

function compareEvents(a: AllocEvent, b: AllocEvent): number {
  return a.order - b.order || a.day - b.day || RANK[a.kind] - RANK[b.kind] || a.row - b.row;
}

/** Packed (disputed, due, invoice date) of the oldest-first order. */
function oldestFirstRank(li: LedgerInvoice): number {
  return ((li.disputed ? 2 ** 18 : 0) + li.invoice.dueDate + DAY_OFFSET) * 2 ** 18 + li.invoice.invoiceDate + DAY_OFFSET;
}

function clip(text: string): string {
  return text.length > 200 ? text.slice(0, 200) : text;
}

/**
 * Builds the ledger as of the end of `asOf`: every customer's invoices with open amounts,
 * allocations and paid days, credit notes, receipts and unapplied credit. Linear in the rows,
 * plus a sort within each customer.
 *
 * @example
 *   buildLedger({ invoices, payments }, dayOf(2024, 3, 31)).customers.get('C-001')?.openTotal
 */
export function buildLedger(input: LedgerInput, asOf: Day, options: LedgerOptions = {}): Ledger {
  return buildLedgers(input, [{ asOf, openOnly: options.openOnly }], options)[0];
}

/** One ledger of `buildLedgers`: its as-of day and whether it keeps open amounts only. */
export interface LedgerDay {
  asOf: Day;
  openOnly?: boolean;
}

/**
 * Several ledgers of the same records, one per day, each exactly `buildLedger(input, day.asOf,
 * { ...options, openOnly: day.openOnly })`, made in one pass over the records: each invoice and
 * payment is read, grouped and (when it names an invoice) looked up once for all the days, which
 * is most of a ledger's cost on a large file (e.g. the picture's ledger and the KPIs' beginning AR).
 *
 * @example
 *   const [now, then] = buildLedgers(file, [{ asOf }, { asOf: asOf - 90, openOnly: true }]);
 */
export function buildLedgers(input: LedgerInput, days: readonly LedgerDay[], options: Omit<LedgerOptions, 'openOnly'> = {}): Ledger[] {
  const places = input.places;
  const language = places?.language ?? 'en';
  const sheet = options.paymentsSheet ?? (places?.payments.sheet || 'Payments');
  const column = options.invoiceNoColumn ?? places?.payments.invoiceNoColumn ?? '';
  const header = options.invoiceNoHeader ?? (places?.payments.invoiceNoHeader || 'Invoice No');
  const invoices = input.invoices;
  const payments = input.payments;
  const count = input.customers?.length ?? 0;
  const n = days.length;
  const asOfs = days.map((d) => d.asOf);

  const makeGroup = (key: string): Group => ({
    ledger: { key, invoices: [], creditNotes: [], receipts: [], recordedTwice: [], unappliedCredit: 0, openTotal: 0, totalPaid: 0 },
    events: [],
    ranks: [],
  });
  /** Per day: the customers' groups, the ledger entry of each invoice that takes part (by position in `invoices`), the Problems. */
  const groupsOf = asOfs.map(() => new CustomerSlots<Group>(count, makeGroup));
  const entriesOf = asOfs.map((): (LedgerInvoice | undefined)[] => new Array(invoices.length));
  const reportedOf = asOfs.map((): { at: number; problem: Problem }[] => []);

  // With the reader's customer indexes, records are visited customer by customer: each customer's
  // entries are then made together and sit together in memory for every later pass (at a million
  // rows, list order means a cache miss per row in each pass). Groups are still made in order of
  // first appearance, and Problems reported in list order, so the ledger is the same either way.
  // (A record takes part on a day unless it is after it: `!(date > asOf)`, as a void invoice or a
  // payment that is not positive never does.)
  // Every invoice by key (first row wins): the reader's index when it was made for this list.
  let index: InvoiceIndex | null = input.invoiceIndex?.invoices === invoices ? input.invoiceIndex : null;
  const lookup = (key: string): number => {
    if (index === null) index = indexInvoices(invoices);
    return index.positionOf(key);
  };
  const markedDays = markedPaidDays(invoices, payments, lookup, input.today);

  const invoiceOrder = customerOrder(invoices, count);
  const paymentOrder = customerOrder(payments, count);
  if (invoiceOrder !== null || paymentOrder !== null) {
    for (let i = 0; i < invoices.length; i++) {
      const inv = invoices[i];
      if (inv.status === 'void') continue;
      for (let d = 0; d < n; d++) if (!(inv.invoiceDate > asOfs[d])) groupsOf[d].get(inv.customerKey, inv.customerIndex);
    }
    for (let i = 0; i < payments.length; i++) {
      const p = payments[i];
      if (!(p.amount > 0)) continue;
      for (let d = 0; d < n; d++) if (!(p.date > asOfs[d])) groupsOf[d].get(p.customerKey, p.customerIndex);
    }
  }

  for (let k = 0; k < invoices.length; k++) {
    const i = invoiceOrder === null ? k : invoiceOrder[k];
    const inv = invoices[i];
    if (inv.status === 'void') continue;
    for (let d = 0; d < n; d++) {
      const asOf = asOfs[d];
      if (inv.invoiceDate > asOf) continue;
      const g = groupsOf[d].get(inv.customerKey, inv.customerIndex);
      const rowPaid = inv.paidDate ?? (markedDays === null ? null : markedDays.get(i) ?? null);
      const paidDate = rowPaid !== null && rowPaid <= asOf ? rowPaid : null;
      const paidLater = rowPaid !== null && rowPaid > asOf;
      if (inv.amount < 0) {
        if (paidDate !== null || (inv.status === 'paid' && !paidLater)) continue; // refunded or used outside the file
        const cn: LedgerCreditNote = { invoice: inv, credit: -inv.amount, applied: 0 };
        g.ledger.creditNotes.push(cn);
        g.events.push({ order: eventOrder(inv.invoiceDate, 'credit-note', inv.row), day: inv.invoiceDate, kind: 'credit-note', row: inv.row, amount: cn.credit, target: null, dateKnown: true, creditNote: cn });
        continue;
      }
      const li: LedgerInvoice = {
        invoice: inv,
        disputed: isDisputed(inv),
        open: inv.amount,
        daysPastDue: asOf - inv.dueDate,
        allocations: [],
        paidDay: null,
        paidDateUnknown: false,
        settledByColumns: inv.status === 'paid' || (inv.paidDate !== null && inv.amountPaid <= 0),
      };
      g.ledger.invoices.push(li);
      g.ranks.push(oldestFirstRank(li));
      entriesOf[d][i] = li;
      if (paidLater) continue; // still open at the end of asOf
      // A Paid Date before the Invoice Date (a slip) counts from the Invoice Date: the invoice, and
      // its cash, did not exist before then (as the statement dates it).
      const day = paidDate === null ? inv.invoiceDate : Math.max(paidDate, inv.invoiceDate);
      const dateKnown = paidDate !== null;
      if (inv.amountPaid > 0) {
        g.events.push({ order: eventOrder(day, 'amount-paid', inv.row), day, kind: 'amount-paid', row: inv.row, amount: inv.amountPaid, target: li, dateKnown, creditNote: null });
      }
      if (inv.status === 'paid' || (paidDate !== null && inv.amountPaid <= 0)) {
        g.events.push({ order: eventOrder(day, 'marked-paid', inv.row), day, kind: 'marked-paid', row: inv.row, amount: 0, target: li, dateKnown, creditNote: null });
      }
    }
  }

  /** Per day: invoices settled by their own columns that a payment names (only their cash can be recorded twice). */
  const namedSettledOf = asOfs.map(() => new Set<LedgerInvoice>());
  for (let k = 0; k < payments.length; k++) {
    const at = paymentOrder === null ? k : paymentOrder[k];
    const p = payments[at];
    if (!(p.amount > 0)) continue;
    // The invoice it names, looked up on its first day: the same whatever the day (only whether
    // it exists yet, its date against the day's as-of, differs).
    let looked = false;
    let position = -1;
    let why: ProblemCode | null = null;
    let owner = '';
    for (let d = 0; d < n; d++) {
      const asOf = asOfs[d];
      if (p.date > asOf) continue;
      const g = groupsOf[d].get(p.customerKey, p.customerIndex);
      let target: LedgerInvoice | null = null;
      if (p.invoiceKey !== null && p.invoiceKey !== '') {
        if (!looked) {
          looked = true;
          position = lookup(p.invoiceKey);
          const named = position >= 0 ? invoices[position] : undefined;
          owner = named?.customerKey ?? '';
          if (!named) why = 'payment.invoiceUnknown';
          else if (named.customerKey !== p.customerKey) why = 'payment.invoiceOtherCustomer';
          else if (named.status === 'void') why = 'payment.invoiceVoid';
          else if (named.amount < 0) why = 'payment.invoiceCreditNote';
        }
        if (why !== null) {
          const value = clip(p.invoiceKey);
          const params = { value, owner, customer: p.customerKey };
          reportedOf[d].push({ at, problem: { sheet, row: p.row, column, header, value, message: problemMessage(why, language, params) } });
        } else if (invoices[position].invoiceDate <= asOf) {
          target = entriesOf[d][position] ?? null;
          if (target !== null && target.settledByColumns) namedSettledOf[d].add(target);
        }
      }
      g.events.push({ order: eventOrder(p.date, 'payment', p.row), day: p.date, kind: 'payment', row: p.row, amount: p.amount, target, dateKnown: true, creditNote: null });
    }
  }

  const invoicesSheet = places?.invoices.sheet || 'Invoices';
  return asOfs.map((asOf, d) => {
    const reported = reportedOf[d];
    if (paymentOrder !== null) reported.sort((a, b) => a.at - b.at);
    const problems: Problem[] = [];
    for (const r of reported) problems.push(r.problem);
    const openOnly = days[d].openOnly === true;
    const twice: Twice = (kind, row, li) => {
      const value = clip(li.invoice.no);
      if (kind === 'payment') {
        const paidDate = li.invoice.paidDate;
        const on = paidDate === null ? '' : language === 'zh' ? `（${isoOfDay(paidDate)}）` : ` on ${isoOfDay(paidDate)}`;
        const code = isUndatedPaid(li.invoice) ? 'payment.sameCashAsUndatedRow' : 'payment.sameCashAsRow';
        problems.push({ sheet, row, column, header, value, message: problemMessage(code, language, { value, on }) });
      } else {
        const at = places?.invoices;
        problems.push({ sheet: invoicesSheet, row, column: at?.amountPaidColumn ?? '', header: at?.amountPaidHeader || 'Amount Paid', value, message: problemMessage('amountPaid.sameCashAsPayments', language, { value }) });
      }
    };
    const customers = new Map<string, CustomerLedger>();
    for (const [key, g] of groupsOf[d].map) {
      allocateCustomer(g, openOnly, namedSettledOf[d], twice);
      customers.set(key, g.ledger);
    }
    return { asOf, customers, problems };
  });
}

/**
 * Positions of `records` grouped by customer: a stable counting sort on customerIndex (list order
 * within a customer). Null when some record has no index in [0, count): then list order is used.
 */
function customerOrder(records: readonly { customerIndex?: number }[], count: number): Int32Array | null {
  const n = records.length;
  if (count === 0 || n === 0) return null;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const c = records[i].customerIndex;
    if (c === undefined || !(c >= 0 && c < count) || (c | 0) !== c) return null;
    start[c + 1]++;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[start[records[i].customerIndex as number]++] = i;
  return order;
}

/**
 * The day an invoice marked Paid with no Paid Date (and no Amount Paid) was paid, when Payments
 * rows of its customer name it: the latest of them, not before the invoice (the row says "paid",
 * the payments say when; it is then the same cash as they are, counted once, on that day).
 * Payments dated after `today` (when known) are left out: a post-dated cheque or a year typed
 * wrong must not reopen, today, an invoice its row says is paid. By
 * position in `invoices`; null when no invoice is so marked and named (most files: one pass over
 * the invoices, none over the payments).
 */
function markedPaidDays(invoices: readonly Invoice[], payments: readonly Payment[], lookup: (key: string) => number, today: Day | undefined): Map<number, Day> | null {
  let any = false;
  for (let i = 0; i < invoices.length && !any; i++) any = isUndatedPaid(invoices[i]);
  if (!any) return null;
  let days: Map<number, Day> | null = null;
  for (const p of payments) {
    if (p.invoiceKey === null || p.invoiceKey === '' || !(p.amount > 0)) continue;
    if (today !== undefined && p.date > today) continue; // what the Status says today stands today
    const position = lookup(p.invoiceKey);
    const inv = position >= 0 ? invoices[position] : undefined;
    if (!inv || !isUndatedPaid(inv) || inv.customerKey !== p.customerKey) continue;
    const day = Math.max(p.date, inv.invoiceDate);
    if (days === null) days = new Map();
    const had = days.get(position);
    if (had === undefined || day > had) days.set(position, day);
  }
  return days;
}

/** Marked Paid in its Status with no Paid Date and no Amount Paid: settled in full, when unknown. */
function isUndatedPaid(inv: Invoice): boolean {
  return inv.status === 'paid' && inv.paidDate === null && inv.amountPaid <= 0 && inv.amount > 0;
}

/** Reports cash taken as recorded twice: the later record's kind and row, and the invoice. */
type Twice = (kind: 'payment' | 'amount-paid', row: number, li: LedgerInvoice) => void;

/** What each record of an invoice's cash paid on it and no other record has matched yet. */
interface TwoRecords {
  /** By the invoice's own row (Amount Paid, Paid marking). */
  row: Minor;
  /** By Payments rows naming it. */
  named: Minor;
}

/** Small lists are sorted in place by insertion (stable, as Array.prototype.sort): no comparator calls, no wrappers. */
const INSERTION_SORT_MAX = 24;

/** Sorts the invoices oldest-first, by their packed ranks (same order), then compareOldestFirst on ties. */
function sortOldestFirst(invoices: LedgerInvoice[], ranks: number[]): void {
  const n = invoices.length;
  if (n <= INSERTION_SORT_MAX) {
    for (let i = 1; i < n; i++) {
      const li = invoices[i];
      const rank = ranks[i];
      let j = i - 1;
      while (j >= 0 && (ranks[j] - rank || compareOldestFirst(invoices[j], li)) > 0) {
        invoices[j + 1] = invoices[j];
        ranks[j + 1] = ranks[j];
        j--;
      }
      invoices[j + 1] = li;
      ranks[j + 1] = rank;
    }
    return;
  }
  const ranked = invoices.map((li, i) => ({ rank: ranks[i], li }));
  ranked.sort((a, b) => a.rank - b.rank || compareOldestFirst(a.li, b.li));
  for (let i = 0; i < n; i++) invoices[i] = ranked[i].li;
}

/** Sorts events by day, kind, row (compareEvents), stably. */
function sortEvents(events: AllocEvent[]): void {
  const n = events.length;
  if (n > INSERTION_SORT_MAX) {
    events.sort(compareEvents);
    return;
  }
  for (let i = 1; i < n; i++) {
    const ev = events[i];
    let j = i - 1;
    while (j >= 0 && compareEvents(events[j], ev) > 0) {
      events[j + 1] = events[j];
      j--;
    }
    events[j + 1] = ev;
  }
}

/** Allocates up to `want` to the invoice; returns the amount allocated. */
function apply(li: LedgerInvoice, want: Minor, ev: AllocEvent, openOnly: boolean): Minor {
  const amount = Math.min(want, li.open);
  if (amount <= 0) return 0;
  const day = Math.max(ev.day, li.invoice.invoiceDate);
  if (!openOnly) {
    const alloc: Allocation = { day, amount, kind: ev.kind, row: ev.row, dateKnown: ev.dateKnown };
    if (ev.creditNote) alloc.creditNoteKey = ev.creditNote.invoice.key;
    // Most invoices get one allocation: a one-element literal, not a push's 17-slot store.
    if (li.allocations.length === 0) li.allocations = [alloc];
    else li.allocations.push(alloc);
  }
  li.open -= amount;
  if (li.open === 0) {
    li.paidDay = ev.dateKnown ? day : null;
    li.paidDateUnknown = !ev.dateKnown;
  }
  return amount;
}

function allocateCustomer(g: Group, openOnly: boolean, namedSettled: ReadonlySet<LedgerInvoice>, twice: Twice): void {
  const cl = g.ledger;
  const invoices = cl.invoices;
  if (invoices.length > 1) sortOldestFirst(invoices, g.ranks);
  sortEvents(g.events);
  let next = 0; // first invoice in oldest-first order that may still be open

  // Kept only for invoices in namedSettled (most books: none).
  let records: Map<LedgerInvoice, TwoRecords> | null = null;
  const recordsOf = (li: LedgerInvoice): TwoRecords => {
    if (records === null) records = new Map();
    let r = records.get(li);
    if (r === undefined) records.set(li, (r = { row: 0, named: 0 }));
    return r;
  };

  for (const ev of g.events) {
    if (ev.kind === 'marked-paid') {
      const settled = ev.target ? apply(ev.target, ev.target.open, ev, openOnly) : 0;
      if (settled > 0 && ev.target && namedSettled.has(ev.target)) recordsOf(ev.target).row += settled;
      if (settled > 0 && !openOnly) cl.receipts.push({ day: ev.day, amount: settled, kind: 'marked-paid', row: ev.row, dateKnown: ev.dateKnown, invoiceKey: ev.target!.invoice.key });
      continue;
    }
    let rest = ev.amount;
    let same = 0;
    if (ev.target) rest -= apply(ev.target, rest, ev, openOnly);
    if (ev.target && namedSettled.has(ev.target)) {
      // Only payments and Amount Paid have a target: each paid what is open, then what is left of
      // it is matched against what the invoice's other record paid (the same cash recorded twice).
      const li = ev.target;
      const paid = ev.amount - rest;
      const r = recordsOf(li);
      if (ev.kind === 'payment') {
        r.named += paid;
        same = Math.min(rest, r.row);
        r.row -= same;
      } else {
        r.row += paid;
        same = Math.min(rest, r.named);
        r.named -= same;
      }
      rest -= same;
      if (same > 0) {
        twice(ev.kind === 'payment' ? 'payment' : 'amount-paid', ev.row, li);
        if (!openOnly) cl.recordedTwice.push({ kind: ev.kind === 'payment' ? 'payment' : 'amount-paid', row: ev.row, day: ev.day, invoiceKey: li.invoice.key, amount: same });
      }
    }
    if (ev.kind !== 'credit-note' && !openOnly && ev.amount > same) {
      cl.receipts.push({ day: ev.day, amount: ev.amount - same, kind: ev.kind, row: ev.row, dateKnown: ev.dateKnown, invoiceKey: ev.target ? ev.target.invoice.key : null });
    }
    while (rest > 0 && next < invoices.length) {
      const li = invoices[next];
      if (li.open === 0 || li.settledByColumns) {
        next++;
        continue;
      }
      rest -= apply(li, rest, ev, openOnly);
    }
    if (ev.creditNote) ev.creditNote.applied = ev.amount - rest;
    cl.unappliedCredit += rest;
  }

  let open = 0;
  for (const li of invoices) {
    open += li.open;
    if (li.invoice.amount === 0) {
      // A zero-amount invoice: settled on its own date.
      li.paidDay = li.invoice.invoiceDate;
    }
  }
  cl.openTotal = open;
  let paid = 0;
  for (const r of cl.receipts) paid += r.amount;
  cl.totalPaid = paid;
}

/** Cash received by a customer on days in [from, to] (receipts with unknown dates left out). */
export function paidBetween(cl: CustomerLedger, from: Day, to: Day): Minor {
  let sum = 0;
  for (const r of cl.receipts) if (r.dateKnown && r.day >= from && r.day <= to) sum += r.amount;
  return sum;
}
