import fc from 'fast-check';
import { computePicture } from '../../src/core/picture';
import type { Arrangement } from '../../src/core/plans';
import type { Invoice, Payment } from '../../src/core/types';
import { customer, d, file, settings } from './builders';

const BASE = d('2023-01-01');
const SPAN = 500;

const invoiceArb = (i: number) =>
  fc.record({ date: fc.integer({ min: 0, max: SPAN }), terms: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 1, max: 500_000 }) })
    .map((r): Invoice => ({
      no: `INV-${i}`, key: `INV-${i}`, row: i + 2, customerKey: 'C1', invoiceDate: BASE + r.date, dueDate: BASE + r.date + r.terms,
      amount: r.amount, currency: 'CNY', amountPaid: 0, paidDate: null, status: 'open', disputed: false, remindersStopped: false,
    }));

const paymentArb = (i: number) =>
  fc.record({ date: fc.integer({ min: 0, max: SPAN + 100 }), amount: fc.integer({ min: 1, max: 600_000 }) })
    .map((r): Payment => ({ row: i + 2, date: BASE + r.date, customerKey: 'C1', amount: r.amount, invoiceKey: null }));

/** Plans and promises agreed on or before BASE: every payment is on or after their Start Date. */
const arrangementArb = (i: number) =>
  fc.record({
    type: fc.constantFrom<'plan' | 'promise'>('plan', 'promise'),
    startBack: fc.integer({ min: 0, max: 30 }),
    instalments: fc.array(fc.record({ due: fc.integer({ min: 0, max: SPAN + 100 }), amount: fc.integer({ min: 1, max: 400_000 }) }), { minLength: 1, maxLength: 5 }),
  }).map((r): Arrangement => {
    const byDue = new Map<number, number>();
    for (const x of r.instalments) byDue.set(BASE + x.due, (byDue.get(BASE + x.due) ?? 0) + x.amount);
    return {
      id: `P-${i}`, key: `P-${i}`, customerKey: 'C1', customerId: 'C1', type: r.type, invoiceKeys: null, start: BASE - r.startBack,
      instalments: [...byDue].sort((a, b) => a[0] - b[0]).map(([dueDate, amount], k) => ({ row: k + 2, dueDate, amount, note: '' })),
      rows: [],
    };
  });

const booksArb = fc.record({
  invoices: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(i)))),
  payments: fc.integer({ min: 0, max: 12 }).chain((m) => fc.tuple(...Array.from({ length: m }, (_, i) => paymentArb(i)))),
  arrangements: fc.integer({ min: 1, max: 4 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => arrangementArb(i)))),
  asOf: fc.integer({ min: 0, max: SPAN + 150 }).map((x) => BASE + x),
  grace: fc.integer({ min: 0, max: 10 }),
  weight: fc.double({ min: 0, max: 5, noNaN: true }),
  rating: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});

type Books = { invoices: Invoice[]; payments: Payment[]; arrangements: Arrangement[]; asOf: number; grace: number; weight: number; rating: number | null };

function scoreOf(b: Books, payments: Payment[] = b.payments): number {
  const f = file({ customers: [customer('C1', { creditLimit: 1_000_000, externalRating: b.rating })], invoices: b.invoices, payments, settings: settings() });
  const p = computePicture(f, b.asOf, { kpis: false, plans: { arrangements: b.arrangements, settings: { graceDays: b.grace, reminderDays: 3, promisesWeight: b.weight } } });
  return p.customers.get('C1')!.score.score;
}

describe('plans and the score: properties', () => {
  it('the score stays a whole number in 0-100 with any plans, promises and weight', () => {
    fc.assert(fc.property(booksArb, (b) => {
      const s = scoreOf(b);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }), { numRuns: 200 });
  });

  it('paying later never raises the score: fast-check\'s case of plans for a customer who owes nothing', () => {
    // Three plans of 1 due the day before; a payment of 1 (nothing owed: it is credit). A receipt
    // after the last invoice was settled used to move the plans' settle day past their grace: they
    // broke when the customer paid, and were kept when it paid later (41 against 53).
    const plan = (i: number): Arrangement => ({
      id: `P-${i}`, key: `P-${i}`, customerKey: 'C1', customerId: 'C1', type: 'plan', invoiceKeys: null, start: BASE,
      instalments: [{ row: 2, dueDate: BASE, amount: 1, note: '' }], rows: [],
    });
    const b: Books = {
      invoices: [], payments: [{ row: 2, date: BASE + 1, customerKey: 'C1', amount: 1, invoiceKey: null }],
      arrangements: [plan(0), plan(1), plan(2)], asOf: BASE + 1, grace: 0, weight: 1, rating: 0,
    };
    const later = b.payments.map((p) => ({ ...p, date: p.date + 1 }));
    expect(scoreOf(b, later)).toBeLessThanOrEqual(scoreOf(b));
    expect(scoreOf(b)).toBe(scoreOf({ ...b, arrangements: [] }));
  });

  it('paying later never raises the score, plans and promises included', () => {
    fc.assert(fc.property(booksArb, fc.nat(), fc.integer({ min: 1, max: 200 }), (b, pick, delay) => {
      fc.pre(b.payments.length > 0);
      const index = pick % b.payments.length;
      const later = b.payments.map((p, i) => (i === index ? { ...p, date: p.date + delay } : p));
      expect(scoreOf(b, later)).toBeLessThanOrEqual(scoreOf(b));
    }), { numRuns: 500 });
  });

  it('a broken plan or promise never raises the score compared with no plans at all', () => {
    fc.assert(fc.property(booksArb, (b) => {
      expect(scoreOf(b)).toBeLessThanOrEqual(scoreOf({ ...b, arrangements: [] }));
    }), { numRuns: 200 });
  });
});
