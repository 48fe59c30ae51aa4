import { computePicture } from '../../src/core/picture';
import { computeDashboard } from '../../src/core/trend';
import { customer, d, file, invoice, payment } from './builders';

/**
 * A small ledger as of 2026-03-31 (figures in minor units):
 *   alice's A: A1 2026-01-10 due 02-09, 100,000, paid 02-20; A2 2026-03-01 due 03-31, 60,000 open (current).
 *   bob's   B: B1 2026-02-01 due 03-03, 80,000 open (28 days past due); B2 2026-03-15 due 04-14, 40,000 open.
 * Sales: Jan 100,000, Feb 80,000, Mar 100,000; the last 90 days (01-01 … 03-31) 280,000.
 * AR 180,000, current 100,000, overdue 80,000 (share 4/9).
 *   DSO countback: March's 100,000 leaves 80,000 → 31 days + 80,000/80,000 × 28 (February) = 59.
 *   DSO simple 180/280 × 90 = 57.857…; best possible 100/280 × 90 = 32.142…; ADD 100/280 × 90 = 25.714…
 *   CEI (90 days): beginning AR 0 → (280 − 180) ÷ (280 − 100) × 100 = 55.55…
 * alice: AR 60,000 all current; sales90 160,000; countback 60,000/60,000 × 31 = 31; best = simple = 33.75;
 *   ADD 0; CEI (160 − 60) ÷ (160 − 60) = 100.
 * bob: AR 120,000, current 40,000; sales90 120,000; countback 31 + 28 = 59; simple 90; best 30; ADD 60;
 *   CEI (120 − 120) ÷ (120 − 40) = 0; overdue share 2/3.
 * Months: January ends with AR 100,000 all current; CEI over January: 0 + 100,000 − 100,000 over
 *   0 + 100,000 − 100,000: undefined. February: AR 80,000 (B1, not yet due), beginning AR 100,000,
 *   sales 80,000: CEI (180 − 80) ÷ (180 − 80) = 100; collected 100,000. March: beginning AR 80,000,
 *   sales 100,000: CEI (180 − 180) ÷ (180 − 100) = 0.
 */
const asOf = d('2026-03-31');
const f = file({
  customers: [customer('A', { owner: 'Alice@x.com ' }), customer('B', { owner: 'bob@x.com' })],
  invoices: [
    invoice('A1', 'A', '2026-01-10', 100_000, { due: '2026-02-09' }),
    invoice('A2', 'A', '2026-03-01', 60_000, { due: '2026-03-31' }),
    invoice('B1', 'B', '2026-02-01', 80_000, { due: '2026-03-03' }),
    invoice('B2', 'B', '2026-03-15', 40_000, { due: '2026-04-14' }),
  ],
  payments: [payment('A', '2026-02-20', 100_000, 'A1')],
});

describe('computeDashboard on a hand-computed ledger', () => {
  const data = computeDashboard(f, asOf);

  it('headline figures', () => {
    const h = data.headline;
    expect(h).toMatchObject({ ar: 180_000, currentAr: 100_000, overdue: 80_000, sales90: 280_000, beginningAr: 0, ceiSales: 280_000 });
    expect(h.overdueShare).toBeCloseTo(4 / 9, 10);
    expect(h.dso).toBeCloseTo(59, 10);
    expect(h.dsoSimple).toBeCloseTo((180 / 280) * 90, 10);
    expect(h.bestPossibleDso).toBeCloseTo((100 / 280) * 90, 10);
    expect(h.averageDaysDelinquent).toBeCloseTo((80 / 280) * 90, 10);
    expect(h.cei).toBeCloseTo((100 / 180) * 100, 10);
  });

  it('agrees with the picture\'s KPIs', () => {
    const k = computePicture(f, asOf).kpis!;
    expect(data.headline.dso).toBeCloseTo(k.dso!, 10);
    expect(data.headline.bestPossibleDso).toBeCloseTo(k.bestPossibleDso!, 10);
    expect(data.headline.averageDaysDelinquent).toBeCloseTo(k.averageDaysDelinquent!, 10);
    expect(data.headline.cei).toBeCloseTo(k.cei.value!, 10);
    expect(data.headline.overdue).toBe(k.overdueAmount);
  });

  it('per owner: split by the Owner column, largest AR first', () => {
    const [bob, alice] = data.owners;
    expect(data.owners.map((o) => o.owner)).toEqual(['bob@x.com', 'Alice@x.com']);
    expect(alice).toMatchObject({ customers: 1, ar: 60_000, overdue: 0, overdueShare: 0, sales90: 160_000 });
    expect(alice.dso).toBeCloseTo(31, 10);
    expect(alice.bestPossibleDso).toBeCloseTo(33.75, 10);
    expect(alice.averageDaysDelinquent).toBeCloseTo(0, 10);
    expect(alice.cei).toBeCloseTo(100, 10);
    expect(bob).toMatchObject({ customers: 1, ar: 120_000, overdue: 80_000, sales90: 120_000 });
    expect(bob.overdueShare).toBeCloseTo(2 / 3, 10);
    expect(bob.dso).toBeCloseTo(59, 10);
    expect(bob.dsoSimple).toBeCloseTo(90, 10);
    expect(bob.bestPossibleDso).toBeCloseTo(30, 10);
    expect(bob.averageDaysDelinquent).toBeCloseTo(60, 10);
    expect(bob.cei).toBeCloseTo(0, 10);
    // The owners add up to the whole.
    expect(alice.ar + bob.ar).toBe(data.headline.ar);
  });

  it('month by month: 12 month-ends, each as of that day, CEI over the month', () => {
    expect(data.months.map((m) => m.month)).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
    const [jan, feb, mar] = data.months.slice(-3);
    expect(jan).toMatchObject({ end: d('2026-01-31'), ar: 100_000, currentAr: 100_000, overdue: 0, ceiSales: 100_000, beginningAr: 0, cei: null, collected: 0 });
    expect(jan.dso).toBeCloseTo((100_000 / 100_000) * 31, 10); // January's sales exhaust AR: 31 days
    expect(feb).toMatchObject({ end: d('2026-02-28'), ar: 80_000, currentAr: 80_000, beginningAr: 100_000, ceiSales: 80_000, collected: 100_000 });
    expect(feb.cei).toBeCloseTo(100, 10);
    expect(feb.dso).toBeCloseTo(28, 10);
    expect(mar).toMatchObject({ end: asOf, ar: 180_000, overdue: 80_000, beginningAr: 80_000, ceiSales: 100_000, collected: 0 });
    expect(mar.cei).toBeCloseTo(0, 10);
    expect(mar.dso).toBeCloseTo(59, 10);
    expect(data.months[0]).toMatchObject({ ar: 0, dso: 0, cei: null, overdueShare: null });
  });

  it('a mid-month as-of: the last point is the month so far', () => {
    const mid = computeDashboard(f, d('2026-03-20'));
    expect(mid.months.at(-1)).toMatchObject({ month: '2026-03', end: d('2026-03-20'), ar: 180_000 });
    expect(mid.months.at(-2)!.end).toBe(d('2026-02-28'));
  });

  it('customers with no owner are one group, listed last', () => {
    const g = computeDashboard(file({ ...f, customers: [customer('A'), customer('B', { owner: 'bob@x.com' })] }), asOf);
    expect(g.owners.map((o) => o.owner)).toEqual(['bob@x.com', '']);
  });
});

describe('computeDashboard when a credit note is larger than what its customer owes', () => {
  it('computes CEI on receivables net of unapplied credit, as computeKpis does (0 here, not −66.7)', () => {
    const end = d('2026-11-20');
    const g = file({
      customers: [customer('C1'), customer('C2')],
      invoices: [
        invoice('I1', 'C1', '2026-09-01', 5_000, { due: '2026-10-01' }),
        invoice('I2', 'C2', '2026-10-10', 1_000),
        invoice('CN2', 'C2', '2026-10-12', -3_000),
      ],
      payments: [],
    });
    const dash = computeDashboard(g, end);
    expect(dash.headline.cei).toBe(0);
    expect(dash.headline.ar).toBe(5_000);
    expect(dash.headline.cei).toBe(computePicture(g, end).kpis!.cei.value);
    for (const m of dash.months) if (m.cei !== null) expect(m.cei).toBeGreaterThanOrEqual(0);
  });
});
