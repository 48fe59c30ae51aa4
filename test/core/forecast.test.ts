import { buildLedger } from '../../src/core/ledger';
import { computePicture } from '../../src/core/picture';
import {
  actualByWeek, FORECAST_STORE_HEADER, forecastCollections, forecastStoreRows, needsStoring, pastWeeks, portfolioDelay,
  readForecasts, weekStartOf,
} from '../../src/core/forecast';
import { customer, d, file, invoice, payment } from './builders';

/**
 * As of Tuesday 2026-03-31: week 1 is Monday 03-30 … Sunday 04-05 (it holds 04-01), week 2
 * 04-06 … 04-12, week 4 04-20 … 04-26, week 13 06-22 … 06-28.
 *   A paid A1 (2026-01-10, 100,000) on 02-20: 41 days to pay. A2 (03-01, 60,000) → 04-11: week 2.
 *   Portfolio delay: A1 paid 02-20, due 02-09: 11 days.
 *   B has no history: B1 due 03-03 + 11 = 03-14, passed, 28 days past due → week 1 (catch-up, 80,000);
 *     B2 due 04-14 + 11 = 04-25 → week 4 (40,000).
 *   C: disputed 5,000 → not forecast.  D: due 2025-11-01 (150 days past due) → doubtful 7,000.
 *   E: due 2026-08-01 + 11 → after week 13: later 9,000.
 */
const asOf = d('2026-03-31');
const f = file({
  customers: ['A', 'B', 'C', 'D', 'E'].map((id) => customer(id)),
  invoices: [
    invoice('A1', 'A', '2026-01-10', 100_000, { due: '2026-02-09' }),
    invoice('A2', 'A', '2026-03-01', 60_000, { due: '2026-03-31' }),
    invoice('B1', 'B', '2026-02-01', 80_000, { due: '2026-03-03' }),
    invoice('B2', 'B', '2026-03-15', 40_000, { due: '2026-04-14' }),
    invoice('C1', 'C', '2026-03-10', 5_000, { due: '2026-04-09', disputed: true }),
    invoice('D1', 'D', '2025-10-01', 7_000, { due: '2025-11-01' }),
    invoice('E1', 'E', '2026-03-30', 9_000, { due: '2026-08-01' }),
  ],
  payments: [payment('A', '2026-02-20', 100_000, 'A1')],
});

describe('weekStartOf', () => {
  it('gives the Monday on or before a day', () => {
    expect(weekStartOf(d('2026-03-31'))).toBe(d('2026-03-30'));
    expect(weekStartOf(d('2026-03-30'))).toBe(d('2026-03-30'));
    expect(weekStartOf(d('2026-04-05'))).toBe(d('2026-03-30'));
    expect(weekStartOf(d('1970-01-01'))).toBe(d('1969-12-29'));
  });
});

describe('forecastCollections on a hand-computed ledger', () => {
  const picture = computePicture(f, asOf);
  const fc = forecastCollections(picture);

  it('uses each customer\'s days to pay, else due date + the portfolio delay', () => {
    expect(picture.customers.get('A')!.avgDaysToPay).toBe(41);
    expect(portfolioDelay(picture)).toBe(11);
    expect(fc.portfolioDelay).toBe(11);
  });

  it('puts every open invoice in its week, or beside', () => {
    expect(fc.weeks).toHaveLength(13);
    expect(fc.weeks[0]).toEqual({ start: d('2026-03-30'), end: d('2026-04-05'), expected: 80_000, invoices: 1 });
    expect(fc.weeks[1]).toEqual({ start: d('2026-04-06'), end: d('2026-04-12'), expected: 60_000, invoices: 1 });
    expect(fc.weeks[3]).toEqual({ start: d('2026-04-20'), end: d('2026-04-26'), expected: 40_000, invoices: 1 });
    expect(fc.weeks[12]).toMatchObject({ start: d('2026-06-22'), end: d('2026-06-28'), expected: 0 });
    expect(fc.weeks.map((w) => w.expected)).toEqual([80_000, 60_000, 0, 40_000, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(fc).toMatchObject({ catchUp: 80_000, disputed: 5_000, doubtful: 7_000, doubtfulDays: 90, later: 9_000 });
    const total = fc.weeks.reduce((s, w) => s + w.expected, 0) + fc.later + fc.disputed + fc.doubtful;
    expect(total).toBe(picture.portfolio.total);
  });

  it('with no payment history anywhere, the delay is 0', () => {
    const p = computePicture(file({ ...f, payments: [] }), asOf);
    expect(portfolioDelay(p)).toBeNull();
    expect(forecastCollections(p).portfolioDelay).toBe(0);
  });
});

describe('stored forecasts against actual receipts', () => {
  // Receipts: 03-25 20,000 (week of 03-23) and 03-18 10,000 (week of 03-16).
  const g = file({
    customers: [customer('A')],
    invoices: [invoice('A1', 'A', '2026-03-01', 50_000, { due: '2026-03-31' })],
    payments: [payment('A', '2026-03-25', 20_000), payment('A', '2026-03-18', 10_000)],
  });
  const ledger = buildLedger(g, asOf);
  const stored = readForecasts([
    FORECAST_STORE_HEADER,
    ['2026-03-10', '2026-03-23', 40_000, 'CNY'],
    ['2026-03-16', '2026-03-23', 25_000, 'CNY'], // the latest before 03-23: used
    ['2026-03-23', '2026-03-23', 99_000, 'CNY'], // made in the week itself: not used
    ['2026-03-09', '2026-03-16', 12_000, 'USD'], // another currency: not used
    ['junk', '2026-03-16', 1, 'CNY'],
  ]);

  it('reads the store, skipping rows that do not read', () => {
    expect(stored).toHaveLength(4);
    expect(stored[0]).toEqual({ madeOn: d('2026-03-10'), weekStart: d('2026-03-23'), expected: 40_000, currency: 'CNY' });
  });

  it('sums actual receipts per week', () => {
    expect(actualByWeek(ledger, [d('2026-03-16'), d('2026-03-23'), d('2026-03-30')])).toEqual([10_000, 20_000, 0]);
  });

  it('compares the past 8 weeks with the latest forecast made before each began', () => {
    const past = pastWeeks(stored, ledger, asOf, 'CNY');
    expect(past).toHaveLength(8);
    expect(past[0].start).toBe(d('2026-02-02'));
    expect(past[7]).toEqual({ start: d('2026-03-23'), end: d('2026-03-29'), madeOn: d('2026-03-16'), forecast: 25_000, actual: 20_000, difference: -5_000 });
    expect(past[6]).toEqual({ start: d('2026-03-16'), end: d('2026-03-22'), madeOn: null, forecast: null, actual: 10_000, difference: null });
  });

  it('stores once per week: 13 rows keyed by made-on and week start', () => {
    const fc = forecastCollections(computePicture(f, asOf));
    const rows = forecastStoreRows(fc, 'CNY');
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['2026-03-31', '2026-03-30', 80_000, 'CNY']);
    expect(needsStoring(stored, asOf)).toBe(true);
    const after = [...stored, ...readForecasts([FORECAST_STORE_HEADER, ...rows])];
    expect(needsStoring(after, asOf)).toBe(false);
    expect(needsStoring(after, d('2026-04-05'))).toBe(false); // Sunday, same week
    expect(needsStoring(after, d('2026-04-06'))).toBe(true); // next Monday
  });
});
