import { averageDaysToPay, cei, ceiForPeriod, computeKpis, dsoCountback, dsoSimple } from '../../src/core/kpis';
import { buildLedger } from '../../src/core/ledger';
import { d, invoice, payment } from './builders';

// One customer: sales Jan 10,000, Feb 20,000, Mar 30,000 (2024: February has 29 days).
const invoices = [
  invoice('J1', 'C1', '2024-01-10', 10_000), // due 02-09, paid 02-20
  invoice('F1', 'C1', '2024-02-10', 20_000), // due 03-11, 5,000 paid 03-20: 15,000 open, 20 days past due
  invoice('M1', 'C1', '2024-03-10', 30_000), // due 04-09: current
];
const payments = [payment('C1', '2024-02-20', 10_000, 'J1'), payment('C1', '2024-03-20', 5_000, 'F1')];
const asOf = d('2024-03-31');

function kpis(ceiFrom: number, extra: { invoices?: typeof invoices } = {}) {
  const all = { invoices: [...invoices, ...(extra.invoices ?? [])], payments };
  return computeKpis({ asOf, ledger: buildLedger(all, asOf), beginLedger: buildLedger(all, ceiFrom - 1), ceiFrom, invoices: all.invoices });
}

describe('KPI formulas', () => {
  it('computes simple DSO', () => {
    expect(dsoSimple(45_000, 60_000, 90)).toBe(67.5);
    expect(dsoSimple(45_000, 0, 90)).toBeNull();
  });

  it('computes countback DSO', () => {
    expect(dsoCountback(45_000, [{ days: 31, sales: 30_000 }, { days: 29, sales: 20_000 }])).toBe(52.75);
    expect(dsoCountback(0, [])).toBe(0);
    expect(dsoCountback(100, [{ days: 31, sales: 0 }, { days: 30, sales: 200 }])).toBe(31 + 15);
    expect(dsoCountback(100, [{ days: 31, sales: 0 }])).toBeNull();
    expect(dsoCountback(1000, [{ days: 31, sales: 100 }])).toBe(31);
  });

  it('computes CEI', () => {
    expect(cei(20_000, 30_000, 45_000, 30_000)).toBe(25);
    expect(cei(0, 0, 0, 0)).toBeNull();
  });

  it('computes amount-weighted days to pay over the last 365 days', () => {
    const inv = [invoice('A', 'C', '2024-01-01', 100), invoice('B', 'C', '2024-01-01', 300), invoice('Z', 'C', '2022-01-01', 999)];
    const pay = [payment('C', '2024-01-11', 100, 'A'), payment('C', '2024-01-31', 300, 'B'), payment('C', '2022-03-01', 999, 'Z')];
    const cl = buildLedger({ invoices: inv, payments: pay }, d('2024-06-30')).customers.get('C')!;
    expect(averageDaysToPay(cl.invoices, d('2024-06-30'))).toBe(25);
    expect(averageDaysToPay([], d('2024-06-30'))).toBeNull();
  });
});

describe('computeKpis on a hand-computed portfolio', () => {
  it('gives AR, overdue, DSO (countback headline and simple), best possible DSO and ADD', () => {
    const k = kpis(d('2024-03-01'));
    expect(k.ar).toBe(45_000);
    expect(k.currentAr).toBe(30_000);
    expect(k.overdueAmount).toBe(15_000);
    expect(k.overdueCount).toBe(1);
    expect(k.sales90).toBe(60_000);
    expect(k.dso).toBe(52.75);
    expect(k.dsoSimple).toBe(67.5);
    expect(k.bestPossibleDso).toBe(45);
    expect(k.averageDaysDelinquent).toBe(22.5);
  });

  it('gives CEI over a period from beginning AR, sales and ending AR', () => {
    const k = kpis(d('2024-03-01'));
    expect(k.cei).toEqual({ from: d('2024-03-01'), to: asOf, beginningAr: 20_000, sales: 30_000, endingAr: 45_000, endingCurrentAr: 30_000, value: 25 });
    expect(ceiForPeriod({ invoices, payments }, d('2024-03-01'), asOf).value).toBe(25);
    expect(ceiForPeriod({ invoices, payments }, d('2024-01-03'), asOf).value).toBe(50);
  });

  it('lists top debtors by open amount and counts disputed amounts', () => {
    const k = kpis(d('2024-03-01'), {
      invoices: [invoice('X', 'C2', '2024-03-15', 50_000, { disputed: true }), invoice('Y', 'C3', '2024-03-15', 45_000), invoice('Z', 'C4', '2024-03-15', 1_000)],
    });
    expect(k.topDebtors.map((x) => [x.key, x.open])).toEqual([
      ['C2', 50_000],
      ['C1', 45_000],
      ['C3', 45_000],
      ['C4', 1_000],
    ]);
    expect(k.disputedAmount).toBe(50_000);
    expect(k.disputedCount).toBe(1);
  });

  it('nets credit notes into sales', () => {
    const k = kpis(d('2024-03-01'), { invoices: [invoice('CN', 'C1', '2024-03-30', -6_000)] });
    expect(k.sales90).toBe(54_000);
    expect(k.ar).toBe(39_000);
  });
});

describe('CEI with a credit note larger than what its customer owes', () => {
  // C1 owes 5,000 (due 10-01, past due); C2 was invoiced 1,000 and credited 3,000: 2,000 unapplied
  // credit. Nothing was collected, so CEI is 0 (gross receivables, 5,000, against net sales,
  // 3,000, gave −66.7).
  const all = {
    invoices: [
      invoice('I1', 'C1', '2026-09-01', 5_000, { due: '2026-10-01' }),
      invoice('I2', 'C2', '2026-10-10', 1_000),
      invoice('CN2', 'C2', '2026-10-12', -3_000),
    ],
    payments: [],
  };
  const end = d('2026-11-20');
  const from = end - 89;

  it('nets unapplied credit out of both ends, so the numerator is the cash collected', () => {
    const k = computeKpis({ asOf: end, ledger: buildLedger(all, end), beginLedger: buildLedger(all, from - 1), ceiFrom: from, invoices: all.invoices });
    expect(k.ar).toBe(5_000); // the AR figure itself stays gross (docs/kpis.md)
    expect(k.unappliedCredit).toBe(2_000);
    expect(k.cei).toEqual({ from, to: end, beginningAr: 0, sales: 3_000, endingAr: 3_000, endingCurrentAr: -2_000, value: 0 });
    expect(ceiForPeriod(all, from, end).value).toBe(0);
  });

  it('counts cash against the net figures: paying 1,500 of I1 gives 1,500 ÷ 5,000', () => {
    const paid = { ...all, payments: [payment('C1', '2026-11-01', 1_500, 'I1')] };
    expect(ceiForPeriod(paid, from, end).value).toBeCloseTo(30, 10);
  });
});
