import { ageCustomer, agingBucket, agingBucketIndex, agingLabels, daysOverdue, daysPastDue, normaliseEdges } from '../../src/core/aging';
import { buildLedger } from '../../src/core/ledger';
import { dayOf } from '../../src/core/calendar';
import { d, invoice, payment, settings } from './builders';

describe('aging labels and buckets', () => {
  it('labels the default edges exactly', () => {
    expect(agingLabels([30, 60, 90])).toEqual(['Current', '1-30', '31-60', '61-90', '91+']);
  });

  it('labels other edges, cleaning unsorted and repeated edges', () => {
    expect(agingLabels([15, 45])).toEqual(['Current', '1-15', '16-45', '46+']);
    expect(agingLabels([60, 30, 30])).toEqual(['Current', '1-30', '31-60', '61+']);
    expect(agingLabels([])).toEqual(['Current', '1+']);
    expect(normaliseEdges([0, -5, 10.7, NaN])).toEqual([10]);
  });

  it.each([
    [-10, 'Current'],
    [0, 'Current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91+'],
    [5000, '91+'],
  ])('puts %i days past due in %s', (days, label) => {
    expect(agingBucket(days, [30, 60, 90])).toBe(label);
  });

  it('uses the edges from settings', () => {
    expect(agingBucket(20, [15, 45])).toBe('16-45');
    expect(agingBucketIndex(46, [15, 45])).toBe(3);
  });
});

describe('day arithmetic', () => {
  it('counts 2024-02-29 (a leap day)', () => {
    expect(d('2024-02-29')).toBe(dayOf(2024, 2, 29));
    expect(d('2024-03-01') - d('2024-02-28')).toBe(2);
    expect(d('2023-03-01') - d('2023-02-28')).toBe(1);
    expect(daysOverdue(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysPastDue(d('2024-02-29'), d('2025-02-28'))).toBe(365);
    expect(d('2024-12-31') - d('2024-01-01')).toBe(365);
  });

  it('gives 0 days overdue when not yet due, and negative days past due', () => {
    expect(daysOverdue(d('2024-05-10'), d('2024-05-01'))).toBe(0);
    expect(daysPastDue(d('2024-05-10'), d('2024-05-01'))).toBe(-9);
    expect(daysOverdue(d('2024-05-10'), d('2024-05-10'))).toBe(0);
  });
});

describe('ageCustomer', () => {
  const asOf = d('2024-06-30');
  const invoices = [
    invoice('A', 'C1', '2024-06-20', 100, { due: '2024-07-20' }), // not due: Current
    invoice('B', 'C1', '2024-05-01', 200, { due: '2024-06-15' }), // 15 past due
    invoice('C', 'C1', '2024-04-01', 400, { due: '2024-05-01' }), // 60 past due
    invoice('D', 'C1', '2024-02-01', 800, { due: '2024-03-01', disputed: true }), // 121 past due, disputed stays in
    invoice('E', 'C1', '2024-01-01', 999, { status: 'void' }),
  ];

  it('sums open amounts into buckets by due date, with credit beside', () => {
    const cl = buildLedger({ invoices, payments: [payment('C1', '2024-06-01', 50, 'C')] }, asOf).customers.get('C1')!;
    const row = ageCustomer(cl, asOf, settings());
    expect(row.buckets).toEqual([100, 200, 350, 0, 800]);
    expect(row.total).toBe(1450);
    expect(row.unappliedCredit).toBe(0);
  });

  it('ages by invoice date with the invoice basis', () => {
    const cl = buildLedger({ invoices, payments: [] }, asOf).customers.get('C1')!;
    const row = ageCustomer(cl, asOf, settings({ agingBasis: 'invoice' }));
    // A 10 days old, B 60, C 90, D 150
    expect(row.buckets).toEqual([0, 100, 200, 400, 800]);
  });

  it('does not net unapplied credit into the buckets', () => {
    const cl = buildLedger({ invoices: invoices.slice(0, 1), payments: [payment('C1', '2024-06-25', 300)] }, asOf).customers.get('C1')!;
    const row = ageCustomer(cl, asOf, settings());
    expect(row.buckets).toEqual([0, 0, 0, 0, 0]);
    expect(row.unappliedCredit).toBe(200);
  });
});
