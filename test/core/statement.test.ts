import fc from 'fast-check';
import { buildLedger } from '../../src/core/ledger';
import { computePicture } from '../../src/core/picture';
import { readCreditFile } from '../../src/core/read';
import {
  firstActivity, isCalendarMonth, lastFullMonth, monthOf, netBalance, statement, statements, type Statement,
} from '../../src/core/statement';
import { englishFixture, sampleCreditFile, dayOf as isoDay } from '../../examples/generate';
import { customer, d, file, invoice, payment, yuan } from './builders';
import { BOOK_IDS, booksArb as booksOf, sameCashBooksArb } from './arbitraries';

function workbook(book: Record<string, unknown[][]>) {
  return readCreditFile(Object.entries(book).map(([name, values]) => ({ name, values: values as never })), { timeZone: 'UTC' });
}

/** The lines as [iso date, kind, reference, debit, credit, balance] in major units. */
function lines(s: Statement): [string, string, string, number, number, number][] {
  const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  return s.lines.map((l) => [iso(l.day), l.kind, l.reference, l.debit / 100, l.credit / 100, l.balance / 100]);
}

/** Opening = ledger net as of from − 1, closing = ledger net as of to (OPENBALANCE), no adjustment. */
function expectMatchesLedger(f: Parameters<typeof statement>[0], id: string, from: number, to: number): Statement {
  const s = statement(f, id, from, to);
  const key = id.trim().toUpperCase();
  expect(s.opening).toBe(netBalance(buildLedger(f, from - 1).customers.get(key)));
  expect(s.closing).toBe(netBalance(buildLedger(f, to).customers.get(key)));
  expect(s.reconciled).toBe(true);
  expect(s.lines.some((l) => l.kind === 'adjustment')).toBe(false);
  const last = s.lines.length ? s.lines[s.lines.length - 1].balance : s.opening;
  expect(last).toBe(s.closing);
  expect(s.opening + s.totals.invoiced + s.totals.refunded - s.totals.credited - s.totals.received).toBe(s.closing);
  return s;
}

describe('statement on the English fixture (hand-computed from the fixture table)', () => {
  const f = workbook(englishFixture());
  const asOf = d('2026-11-20');
  const picture = computePicture(f, asOf);

  it('C-002 for October: partial payment and credit note', () => {
    const s = expectMatchesLedger(f, 'C-002', d('2026-10-01'), d('2026-10-31'));
    expect(s.opening).toBe(yuan(15000));
    expect(lines(s)).toEqual([
      ['2026-10-12', 'payment', 'INV-1006', 0, 6000, 9000],
      ['2026-10-25', 'credit-note', 'CN-1001', 0, 1200, 7800],
    ]);
    expect(s.closing).toBe(yuan(7800));
    // INV-1006 is 21 days past due at 10-31: bucket 1-30.
    expect(s.agingLabels).toEqual(['Current', '1-30', '31-60', '61-90', '91+']);
    expect(s.aging.buckets).toEqual([0, yuan(7800), 0, 0, 0]);
  });

  it('C-002 since its first invoice: closing is OPENBALANCE today (11,800)', () => {
    const s = expectMatchesLedger(f, 'c-002 ', d('2026-06-01'), asOf);
    expect(s.opening).toBe(0);
    expect(lines(s)).toEqual([
      ['2026-06-01', 'invoice', 'INV-1019', 10000, 0, 10000],
      ['2026-07-21', 'payment', 'INV-1019', 0, 10000, 0],
      ['2026-09-10', 'invoice', 'INV-1006', 15000, 0, 15000],
      ['2026-10-12', 'payment', 'INV-1006', 0, 6000, 9000],
      ['2026-10-25', 'credit-note', 'CN-1001', 0, 1200, 7800],
      ['2026-11-03', 'invoice', 'INV-1007', 4000, 0, 11800],
    ]);
    expect(s.closing).toBe(picture.customers.get('C-002')!.openBalance);
    expect(s.closing).toBe(yuan(11800));
    // INV-1006 41 dpd (31-60), INV-1007 Current.
    expect(s.aging.buckets).toEqual([yuan(4000), 0, yuan(7800), 0, 0]);
    expect(firstActivity(f, 'C-002')).toBe(d('2026-06-01'));
  });

  it('C-003 for November: overpayment carried as credit, credit note, negative closing', () => {
    const s = expectMatchesLedger(f, 'C-003', d('2026-11-01'), d('2026-11-30'));
    expect(s.opening).toBe(yuan(2500));
    expect(lines(s)).toEqual([
      ['2026-11-12', 'payment', 'INV-1009', 0, 3000, -500],
      ['2026-11-15', 'credit-note', 'CN-1002', 0, 300, -800],
    ]);
    expect(s.closing).toBe(yuan(-800));
    expect(s.unappliedCredit).toBe(yuan(800));
  });

  it('C-005: cash recorded on the invoice row (Status Paid + Paid Date) is a payment line', () => {
    const s = expectMatchesLedger(f, 'C-005', d('2026-11-01'), d('2026-11-30'));
    expect(lines(s)).toEqual([
      ['2026-11-10', 'invoice', 'INV-1015', 1500, 0, 1500],
      ['2026-11-10', 'payment', 'INV-1015', 0, 1500, 0],
    ]);
    expect(s.lines[1].receiptKind).toBe('marked-paid');
  });

  it('a period with nothing in it: no lines, closing = opening', () => {
    const s = expectMatchesLedger(f, 'C-006', d('2026-11-05'), d('2026-11-20'));
    expect(s.lines).toEqual([]);
    expect(s.closing).toBe(s.opening);
    expect(s.closing).toBe(yuan(12500));
    const none = expectMatchesLedger(f, 'C-404', d('2026-10-01'), d('2026-10-31'));
    expect(none).toMatchObject({ opening: 0, closing: 0, lines: [] });
  });

  it('every customer, every month of 2026: opening and closing equal the ledger to the cent', () => {
    for (let m = 1; m <= 12; m++) {
      const from = isoDay(`2026-${String(m).padStart(2, '0')}-01`);
      const { to } = lastFullMonth(m === 12 ? isoDay('2027-01-15') : isoDay(`2026-${String(m + 1).padStart(2, '0')}-15`));
      for (const c of f.customers) expectMatchesLedger(f, c.key, from, to);
    }
  });
});

describe('statement on the sample credit file', () => {
  const f = workbook(sampleCreditFile({ asOf: '2026-11-20' }) as never);
  it('October for every customer matches the ledger', () => {
    const { from, to } = lastFullMonth(d('2026-11-20'));
    const all = statements(f, f.customers.map((c) => c.key), from, to);
    const ledger = buildLedger(f, to);
    for (const [key, s] of all) {
      expect(s.reconciled).toBe(true);
      expect(s.closing).toBe(netBalance(ledger.customers.get(key)));
    }
    expect([...all.values()].some((s) => s.lines.length > 3)).toBe(true);
  });
});

describe('edge cases', () => {
  const c = customer('C1');
  it('a credit note refunded in the period shows as a refund line', () => {
    const f = file({
      customers: [c],
      invoices: [
        invoice('I1', 'C1', '2026-01-05', 100_00),
        invoice('CN1', 'C1', '2026-01-10', -30_00, { paid: '2026-02-10' }),
      ],
    });
    const s = expectMatchesLedger(f, 'C1', d('2026-02-01'), d('2026-02-28'));
    expect(lines(s)).toEqual([['2026-02-10', 'refund', 'CN1', 30, 0, 100]]);
    expect(s.opening).toBe(70_00);
  });

  it('partial payments and a prepayment applied to a later invoice', () => {
    const f = file({
      customers: [c],
      invoices: [invoice('I1', 'C1', '2026-01-05', 100_00), invoice('I2', 'C1', '2026-02-05', 50_00)],
      payments: [payment('C1', '2026-01-20', 40_00, 'I1'), payment('C1', '2026-01-25', 80_00)],
    });
    const jan = expectMatchesLedger(f, 'C1', d('2026-01-01'), d('2026-01-31'));
    expect(jan.closing).toBe(-20_00);
    const feb = expectMatchesLedger(f, 'C1', d('2026-02-01'), d('2026-02-28'));
    expect(lines(feb)).toEqual([['2026-02-05', 'invoice', 'I2', 50, 0, 30]]);
    expect(feb.closing).toBe(30_00);
  });

  it('a Paid Date before the Invoice Date: the cash is dated at the invoice', () => {
    const f = file({ customers: [c], invoices: [invoice('I1', 'C1', '2026-02-05', 100_00, { status: 'paid', paid: '2026-01-20' })] });
    const s = expectMatchesLedger(f, 'C1', d('2026-02-01'), d('2026-02-28'));
    expect(lines(s)).toEqual([
      ['2026-02-05', 'invoice', 'I1', 100, 0, 100],
      ['2026-02-05', 'payment', 'I1', 0, 100, 0],
    ]);
  });

  it("takes the customer's ID as typed, folded as the reader keys it (full-width, dashes)", () => {
    const f = file({ customers: [customer('C-1')], invoices: [invoice('I1', 'C-1', '2026-02-05', 100_00)] });
    for (const typed of ['ｃ－１', 'C–1', ' c-1 ']) expect(statement(f, typed, d('2026-02-01'), d('2026-02-28')).closing).toBe(100_00);
  });

  it('the period must not end before it starts', () => {
    expect(() => statement(file(), 'C1', d('2026-02-01'), d('2026-01-31'))).toThrow(RangeError);
  });

  it('month helpers', () => {
    expect(lastFullMonth(d('2026-01-01'))).toEqual({ from: d('2025-12-01'), to: d('2025-12-31') });
    expect(lastFullMonth(d('2024-03-31'))).toEqual({ from: d('2024-02-01'), to: d('2024-02-29') });
    expect(monthOf(d('2026-10-31'))).toBe('2026-10');
    expect(isCalendarMonth(d('2026-10-01'), d('2026-10-31'))).toBe(true);
    expect(isCalendarMonth(d('2026-10-01'), d('2026-10-30'))).toBe(false);
  });
});

// ------------------------------------------------------------------ property over generated ledgers

const BASE = d('2025-01-01');
const SPAN = 500;
const IDS = BOOK_IDS;

const booksArb = booksOf({ base: BASE, span: SPAN, paidAfterMin: -20, repeatNumbers: true }, {
  from: fc.integer({ min: -10, max: SPAN + 120 }).map((x) => BASE + x),
  length: fc.integer({ min: 0, max: 200 }),
});

describe('property: any books, any period', () => {
  it('opening = ledger as of from − 1, closing = OPENBALANCE as of to, to the cent; lines explain the difference', () => {
    fc.assert(
      fc.property(booksArb, ({ invoices, payments, from, length }) => {
        const f = file({ customers: IDS.map((id) => customer(id)), invoices, payments });
        for (const key of IDS) expectMatchesLedger(f, key, from, from + length);
        // The same as the credit picture's openBalance (what OPENBALANCE returns).
        const p = computePicture(f, from + length, { kpis: false });
        for (const key of IDS) expect(statement(f, key, from, from + length).closing).toBe(p.customers.get(key)!.openBalance);
      }),
      { numRuns: 400 },
    );
  });

  it('reconciles too when payments name invoices that their own rows settle (the same cash recorded twice is counted once)', () => {
    const sameCash = sameCashBooksArb(BASE, { from: fc.integer({ min: -10, max: 100 }).map((x) => BASE + x), length: fc.integer({ min: 0, max: 60 }) });
    fc.assert(
      fc.property(sameCash, ({ invoices, payments, from, length }) => {
        const f = file({ customers: [customer('C1')], invoices, payments });
        expectMatchesLedger(f, 'C1', from, from + length);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 400) },
    );
  });
});
