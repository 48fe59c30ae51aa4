/**
 * fast-check arbitraries of small books (invoices and payments of three customers) shared by the
 * property tests of the ledger, the picture and the statement.
 */
import fc from 'fast-check';
import type { Day, Invoice, InvoiceStatus, Payment } from '../../src/core/types';

/** The customers every generated row belongs to. */
export const BOOK_IDS = ['C1', 'C2', 'C3'];

export interface BookShape {
  /** Day 0 of the books. */
  base: Day;
  /** Invoice dates fall in base .. base + span; payments up to 100 days later. */
  span: number;
  /** Earliest Paid Date relative to the Invoice Date (negative: paid before it was issued). */
  paidAfterMin: number;
  /** Some invoices repeat the previous invoice's number. */
  repeatNumbers: boolean;
}

function invoiceArb(i: number, shape: BookShape): fc.Arbitrary<Invoice> {
  const common = {
    cust: fc.constantFrom(...BOOK_IDS),
    date: fc.integer({ min: 0, max: shape.span }),
    terms: fc.integer({ min: 0, max: 90 }),
    amount: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -300_000, max: 0 }) }),
    status: fc.constantFrom<InvoiceStatus>('open', 'open', 'open', 'paid', 'void', 'disputed'),
    disputed: fc.boolean(),
    amountPaid: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_200_000 })),
    paidAfter: fc.option(fc.integer({ min: shape.paidAfterMin, max: 200 }), { nil: null }),
  };
  const record = shape.repeatNumbers ? fc.record({ ...common, dup: fc.boolean() }) : fc.record(common);
  return record.map((r): Invoice => {
    const n = 'dup' in r && r.dup ? Math.max(0, i - 1) : i;
    return {
      no: `INV-${n}`,
      key: `INV-${n}`,
      row: i + 2,
      customerKey: r.cust,
      invoiceDate: shape.base + r.date,
      dueDate: shape.base + r.date + r.terms,
      amount: r.amount,
      currency: 'CNY',
      amountPaid: r.amountPaid,
      paidDate: r.paidAfter === null ? null : shape.base + r.date + r.paidAfter,
      status: r.status,
      disputed: r.disputed,
      remindersStopped: false,
    };
  });
}

function paymentArb(i: number, invoiceCount: number, shape: BookShape): fc.Arbitrary<Payment> {
  return fc
    .record({
      cust: fc.constantFrom(...BOOK_IDS),
      date: fc.integer({ min: 0, max: shape.span + 100 }),
      amount: fc.integer({ min: 1, max: 1_500_000 }),
      names: fc.oneof(fc.constant(null), fc.constant('UNKNOWN'), fc.integer({ min: 0, max: Math.max(0, invoiceCount - 1) }).map((n) => `INV-${n}`)),
    })
    .map((r): Payment => ({ row: i + 2, date: shape.base + r.date, customerKey: r.cust, amount: r.amount, invoiceKey: r.names }));
}

/**
 * Books of up to 25 invoices and 20 payments (payments may name any of the invoices, or an unknown
 * one), with `extra` values generated beside them (an as-of day, a period …).
 */
export function booksArb<E extends Record<string, fc.Arbitrary<unknown>>>(
  shape: BookShape,
  extra: E,
): fc.Arbitrary<{ invoices: Invoice[]; payments: Payment[] } & { [K in keyof E]: E[K] extends fc.Arbitrary<infer T> ? T : never }> {
  return fc.integer({ min: 0, max: 25 }).chain((n) =>
    fc.record({
      invoices: fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(i, shape))),
      payments: fc.integer({ min: 0, max: 20 }).chain((m) => fc.tuple(...Array.from({ length: m }, (_, i) => paymentArb(i, n, shape)))),
      ...extra,
    }),
  ) as never;
}

/**
 * Small books of customer C1 made to meet the case where the same cash may be recorded twice: a
 * payment naming an invoice that its own row also settles (Status Paid, a Paid Date, Amount Paid),
 * dated before, on or after the row's Paid Date, beside other open invoices that a stray payment
 * would pay. Amounts come from a few round figures, so that payments and invoices often match.
 */
export function sameCashBooksArb<E extends Record<string, fc.Arbitrary<unknown>>>(
  base: Day,
  extra: E,
): fc.Arbitrary<{ invoices: Invoice[]; payments: Payment[] } & { [K in keyof E]: E[K] extends fc.Arbitrary<infer T> ? T : never }> {
  const money = fc.constantFrom(100_000, 200_000, 300_000, 500_000, 1_000_000);
  const inv = (i: number) =>
    fc
      .record({
        date: fc.integer({ min: 0, max: 30 }),
        terms: fc.integer({ min: 0, max: 30 }),
        amount: fc.oneof({ weight: 6, arbitrary: money }, { weight: 1, arbitrary: money.map((m) => -m) }),
        status: fc.constantFrom<InvoiceStatus>('open', 'open', 'paid', 'paid', 'disputed', 'void'),
        amountPaid: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: money }),
        paidAfter: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
      })
      .map((r): Invoice => ({
        no: `INV-${i}`,
        key: `INV-${i}`,
        row: i + 2,
        customerKey: 'C1',
        invoiceDate: base + r.date,
        dueDate: base + r.date + r.terms,
        amount: r.amount,
        currency: 'CNY',
        amountPaid: r.amountPaid,
        paidDate: r.paidAfter === null ? null : base + r.date + r.paidAfter,
        status: r.status,
        disputed: false,
        remindersStopped: false,
      }));
  const pay = (i: number, n: number) =>
    fc
      .record({
        date: fc.integer({ min: 0, max: 80 }),
        amount: money,
        names: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((k) => `INV-${k}`) }),
      })
      .map((r): Payment => ({ row: i + 2, date: base + r.date, customerKey: 'C1', amount: r.amount, invoiceKey: r.names }));
  return fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      invoices: fc.tuple(...Array.from({ length: n }, (_, i) => inv(i))),
      payments: fc.integer({ min: 0, max: 6 }).chain((m) => fc.tuple(...Array.from({ length: m }, (_, i) => pay(i, n)))),
      ...extra,
    }),
  ) as never;
}
