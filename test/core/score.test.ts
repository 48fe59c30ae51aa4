import { creditScore, gradeFor, paydexFromDbt, recommend, type ScoreInput } from '../../src/core/score';
import { buildLedger } from '../../src/core/ledger';
import { computePicture } from '../../src/core/picture';
import { d, customer, file, invoice, order, payment, settings } from './builders';
import type { Customer } from '../../src/core/types';

const s = settings();

/** The worked example of docs/credit-score.md, "Worked example". */
function workedExample() {
  const c = customer('C-001', { creditLimit: 1_250_000, customerSince: d('2020-06-30'), externalRating: 60 });
  const invoices = [
    invoice('INV-1', 'C-001', '2023-11-15', 600_000, { due: '2023-12-15' }),
    invoice('INV-2', 'C-001', '2024-01-15', 600_000, { due: '2024-02-14' }),
    invoice('INV-3', 'C-001', '2024-04-20', 400_000, { due: '2024-05-20' }),
    invoice('INV-4', 'C-001', '2024-06-10', 600_000, { due: '2024-07-10' }),
    invoice('INV-5', 'C-001', '2024-03-01', 200_000, { due: '2024-03-31', disputed: true }),
  ];
  const payments = [
    payment('C-001', '2023-12-25', 600_000, 'INV-1'),
    payment('C-001', '2024-03-15', 600_000, 'INV-2'),
    payment('C-001', '2024-06-15', 100_000),
  ];
  const orders = [order('SO-9', 'C-001', 100_000, 'pending')];
  return file({ customers: [c], invoices, payments, orders });
}

function inputFor(c: Customer, invoices: ReturnType<typeof invoice>[], payments: ReturnType<typeof payment>[], asOf: number, exposure?: number): ScoreInput {
  const cl = buildLedger({ invoices, payments }, asOf).customers.get(c.key) ?? { invoices: [], creditNotes: [], openTotal: 0, unappliedCredit: 0 };
  return { asOf, customer: c, invoices: cl.invoices, creditNotes: cl.creditNotes, exposure: exposure ?? cl.openTotal - cl.unappliedCredit };
}

describe('paydexFromDbt: the Paydex-style map', () => {
  it.each([
    [-60, 100],
    [-30, 100],
    [-20, 90],
    [-10, 85],
    [0, 80],
    [15, 70],
    [22, 60],
    [30, 50],
    [45, 45],
    [60, 40],
    [90, 30],
    [120, 20],
    [400, 20],
  ])('maps %d days beyond terms to %d', (dbt, value) => {
    expect(paydexFromDbt(dbt)).toBeCloseTo(value, 10);
  });
});

describe('gradeFor and recommend', () => {
  it('grades by the cut-offs', () => {
    expect([100, 80, 79, 60, 59, 40, 39, 0].map((x) => gradeFor(x, s.gradeCutoffs))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(gradeFor(75, { A: 75, B: 50, C: 25 })).toBe('A');
  });

  it('recommends limitMonths × monthly sales rounded down to 100 yuan, and prepayment for D', () => {
    expect(recommend('A', 1_234_567, s)).toEqual({ grade: 'A', limit: 3_700_000, termsDays: 60, prepayment: false });
    expect(recommend('B', 1_234_567, s)).toEqual({ grade: 'B', limit: 2_460_000, termsDays: 30, prepayment: false });
    expect(recommend('C', 1_234_567, s)).toEqual({ grade: 'C', limit: 1_230_000, termsDays: 15, prepayment: false });
    expect(recommend('D', 1_234_567, s)).toEqual({ grade: 'D', limit: 0, termsDays: 0, prepayment: true });
    expect(recommend('A', 123_456, settings({ baseCurrency: 'JPY' }))).toMatchObject({ limit: 370_300 });
    // A fractional number of months: 1.15 × 2,000.00 is 2,300.00 (binary floating point gives 229,999.99… minor units).
    const fractional = settings({ gradePolicies: s.gradePolicies.map((p) => (p.grade === 'B' ? { ...p, limitMonths: 1.15 } : p)) });
    expect(recommend('B', 200_000, fractional)).toMatchObject({ limit: 230_000 });
  });
});

describe('creditScore', () => {
  const asOf = d('2024-06-30');

  it('gives the neutral 70 with no history, no limit and nothing else known', () => {
    const r = creditScore(inputFor(customer('N'), [], [], asOf), s);
    expect(r.score).toBe(70);
    expect(r.grade).toBe('B');
    expect(r.dbt).toBeNull();
    expect(r.factors.map((f) => f.factor)).toEqual(['base', 'timeliness', 'delinquency', 'utilisation', 'relationship', 'disputes', 'externalRating']);
  });

  it('scores a customer who always paid on terms and owes nothing overdue at 80 or more (the anchor)', () => {
    const c = customer('P');
    const invoices = [invoice('A', 'P', '2024-01-01', 100_000), invoice('B', 'P', '2024-03-01', 100_000)];
    const payments = [payment('P', '2024-01-31', 100_000, 'A'), payment('P', '2024-03-31', 100_000, 'B')];
    const r = creditScore(inputFor(c, invoices, payments, asOf), s);
    expect(r.dbt).toBe(0);
    expect(r.score).toBeGreaterThanOrEqual(80);
  });

  it('keeps the anchor for a customer whose invoices on terms all fell due more than a year ago: every earlier invoice counts then', () => {
    const c = customer('P');
    const invoices = [
      invoice('A', 'P', '2023-01-01', 1_000_000, { due: '2023-01-31' }),
      invoice('B', 'P', '2023-05-01', 1_000_000, { due: '2023-05-31' }),
      invoice('N', 'P', '2024-06-20', 1_000_000, { due: '2024-07-20' }), // not yet due
    ];
    const payments = [payment('P', '2023-01-31', 1_000_000, 'A'), payment('P', '2023-05-31', 1_000_000, 'B')];
    const r = creditScore(inputFor(c, invoices, payments, asOf), s);
    expect(r.dbt).toBe(0);
    expect(r.score).toBeGreaterThanOrEqual(80);
    expect(r.grade).toBe('A');
    expect(r.factors.find((x) => x.factor === 'timeliness')!.detail).toMatchObject({ invoices: 2, window: 'all' });
    // One invoice due within the year: only the year counts, as before.
    const late = [invoice('L', 'P', '2024-01-01', 1_000_000, { due: '2024-01-31' })];
    const withYear = creditScore(inputFor(c, [...invoices, ...late], [...payments, payment('P', '2024-03-01', 1_000_000, 'L')], asOf), s);
    expect(withYear.dbt).toBe(30);
    expect(withYear.factors.find((x) => x.factor === 'timeliness')!.detail).toMatchObject({ invoices: 1, window: 'year' });
  });

  it('blends the external rating with the sum kept within 0-100: a rating of 100 is no penalty for a sum over 100', () => {
    // Paid on the invoice day (30 days early) for five years or more: the factors sum past 100.
    const invoices = [invoice('A', 'S', '2019-01-01', 100_000), invoice('B', 'S', '2024-03-01', 100_000)];
    const payments = [payment('S', '2019-01-01', 100_000, 'A'), payment('S', '2024-03-01', 100_000, 'B')];
    const star = (rating: number | null) => creditScore(inputFor(customer('S', { customerSince: d('2018-01-01'), externalRating: rating }), invoices, payments, asOf), s);
    const unrated = star(null);
    const sum = unrated.factors.reduce((a, f) => a + f.points, 0);
    expect(sum).toBeGreaterThan(100);
    expect(unrated.score).toBe(100);
    const top = star(100);
    expect(top.factors.find((f) => f.factor === 'externalRating')!.points).toBe(0);
    expect(top.score).toBe(100);
    // A rating of 0 pulls a quarter of the way from 100 (not from the sum past it).
    expect(star(0).factors.find((f) => f.factor === 'externalRating')!.points).toBe(-25);
    expect(star(0).score).toBe(75);
  });

  it('maps 30 days beyond terms near 50 and 90 days near 30', () => {
    const c = customer('L', { customerSince: asOf });
    const at = (late: number): number => {
      const invoices = [invoice('A', 'L', '2023-12-01', 100_000, { due: '2024-01-01' })];
      const payments = [payment('L', '2024-01-01', 100_000, 'A', { date: d('2024-01-01') + late })];
      return creditScore(inputFor(c, invoices, payments, asOf), s).score;
    };
    expect(at(30)).toBe(50);
    expect(at(90)).toBe(30);
    expect(at(-20)).toBe(90);
  });

  it('counts an open overdue invoice at its lateness so far, and leaves out disputed and not-yet-due ones', () => {
    const c = customer('O', { customerSince: asOf });
    const invoices = [
      invoice('A', 'O', '2024-04-01', 100_000, { due: '2024-05-31' }), // 30 days late so far
      invoice('B', 'O', '2024-04-01', 900_000, { due: '2024-05-01', disputed: true }),
      invoice('C', 'O', '2024-06-20', 900_000, { due: '2024-07-20' }),
    ];
    const r = creditScore(inputFor(c, invoices, [], asOf), s);
    expect(r.dbt).toBe(30);
    expect(r.factors.find((f) => f.factor === 'timeliness')!.points).toBe(-20);
  });

  it('penalises utilisation above 80% of the limit, fully at 120%, and owing anything on a zero limit', () => {
    const util = (limit: number | null, exposure: number): number =>
      creditScore({ asOf, customer: customer('U', { creditLimit: limit }), invoices: [], creditNotes: [], exposure }, s).factors.find((f) => f.factor === 'utilisation')!.points;
    expect(util(null, 1e9)).toBe(0);
    expect(util(1000, 800)).toBe(0);
    expect(util(1000, 1000)).toBe(-5);
    expect(util(1000, 5000)).toBe(-10);
    expect(util(0, 1)).toBe(-10);
    expect(util(0, 0)).toBe(0);
  });

  it('scales every factor by its weight, and 0 turns it off', () => {
    const c = customer('W', { creditLimit: 1000, externalRating: 100 });
    const input = { asOf, customer: c, invoices: [], creditNotes: [], exposure: 1000 };
    expect(creditScore(input, s).score).toBe(Math.round(65 + 0.25 * (100 - 65)));
    const off = settings({ scoreWeights: { ...s.scoreWeights, utilisation: 0, externalRating: 0 } });
    expect(creditScore(input, off).score).toBe(70);
    const full = settings({ scoreWeights: { ...s.scoreWeights, externalRating: 4 } });
    expect(creditScore(input, full).score).toBe(100);
  });

  it('computes the worked example of docs/credit-score.md exactly', () => {
    const f = workedExample();
    const p = computePicture(f, asOf);
    const cp = p.customers.get('C-001')!;
    expect(cp.exposure).toBe(1_200_000);
    const r = cp.score;
    expect(r.dbt).toBeCloseTo(25.25, 10);
    expect(r.avgMonthlySales).toBe(200_000);
    expect(Object.fromEntries(r.factors.map((x) => [x.factor, x.points]))).toEqual({
      base: 70,
      timeliness: -14.1,
      delinquency: -9.6,
      utilisation: -4,
      relationship: 4,
      disputes: -3.3,
      externalRating: 4.2,
    });
    expect(r.raw).toBeCloseTo(47.2865, 4);
    expect(r.score).toBe(47);
    expect(cp.grade).toBe('C');
    expect(cp.recommendation).toEqual({ grade: 'C', limit: 200_000, termsDays: 15, prepayment: false });
    expect(r.factors.find((x) => x.factor === 'timeliness')!.detail).toEqual({ dbt: 25.3, paydex: 55.9, invoices: 3, amount: 1_600_000, window: 'year' });
    expect(r.factors.find((x) => x.factor === 'delinquency')!.detail).toEqual({ overdue: 300_000, oldestDaysPastDue: 41, overdueShare: 0.5, threeMonthsSales: 600_000 });
  });
});
