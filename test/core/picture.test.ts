import { checkCustomer, computePicture, customerKeyOf, findCustomer } from '../../src/core/picture';
import { d, customer, file, invoice, order, payment, settings } from './builders';

const asOf = d('2024-06-30');

function sample() {
  return file({
    customers: [
      customer('C-001', { creditLimit: 1_000_000 }),
      customer('C-002', { creditLimit: 0 }),
      customer('C-003', { onHold: true }),
    ],
    invoices: [
      invoice('I1', 'C-001', '2024-03-01', 300_000, { due: '2024-03-31', disputed: true }), // 91 past due, disputed
      invoice('I2', 'C-001', '2024-05-01', 200_000, { due: '2024-05-31' }), // 30 past due
      invoice('I3', 'C-001', '2024-06-15', 400_000, { due: '2024-07-15' }), // current
      invoice('I4', 'C-001', '2024-06-20', 100_000, { status: 'void' }),
      invoice('I5', 'C-002', '2024-06-01', 50_000, { paid: '2024-06-10' }),
      invoice('I6', 'ORPHAN', '2024-06-01', 77_000),
      invoice('I7', 'C-001', '2024-07-05', 900_000), // after as-of
    ],
    payments: [payment('C-001', '2024-06-01', 50_000), payment('C-002', '2024-06-20', 10_000), payment('C-001', '2024-06-02', 1, 'BAD')],
    orders: [order('O1', 'C-001', 100_000, 'approved')],
    problems: [{ sheet: 'Invoices', row: 9, column: 'B', header: 'Customer ID', value: 'ORPHAN', message: 'Unknown customer.' }],
  });
}

describe('computePicture', () => {
  it('builds each customer: open, credit, balance, exposure, available, aging, past due', () => {
    const p = computePicture(sample(), asOf);
    expect(p.agingLabels).toEqual(['Current', '1-30', '31-60', '61-90', '91+']);
    expect(p.order).toEqual(['C-001', 'C-002', 'C-003']);
    const c1 = findCustomer(p, ' c-001 ')!;
    // The unnamed 500.00 and 0.01 go to I2 (undisputed, oldest) before the disputed I1.
    expect(c1.invoices.map((i) => [i.invoice.no, i.open, i.daysPastDue, i.bucket])).toEqual([
      ['I2', 149_999, 30, '1-30'],
      ['I3', 400_000, -15, 'Current'],
      ['I1', 300_000, 91, '91+'],
    ]);
    expect(c1.openInvoices).toBe(849_999);
    expect(c1.openBalance).toBe(849_999);
    expect(c1.pendingOrders).toBe(100_000);
    expect(c1.exposure).toBe(949_999);
    expect(c1.available).toBe(50_001);
    expect(c1.aging.buckets).toEqual([400_000, 149_999, 0, 0, 300_000]);
    expect(c1.maxDaysPastDue).toBe(30); // the disputed I1 does not count
    expect(c1.pastDueCount).toBe(1);
    expect(c1.oldestPastDueNo).toBe('I2');

    const c2 = findCustomer(p, 'C-002')!;
    expect(c2.unappliedCredit).toBe(10_000);
    expect(c2.openBalance).toBe(-10_000);
    expect(c2.exposure).toBe(-10_000);
    expect(c2.available).toBe(10_000);
    expect(c2.avgDaysToPay).toBe(9);

    const c3 = findCustomer(p, 'C-003')!;
    expect(c3.available).toBeNull();
    expect(c3.score.score).toBe(70);
  });

  it('sums the portfolio and leaves out customers not in Customers', () => {
    const p = computePicture(sample(), asOf);
    expect(p.portfolio.total).toBe(849_999);
    expect(p.portfolio.buckets.reduce((a, b) => a + b, 0)).toBe(p.portfolio.total);
    expect(p.portfolio.unappliedCredit).toBe(10_000);
    expect(p.kpis!.ar).toBe(849_999);
    expect(p.kpis!.topDebtors[0]).toEqual({ key: 'C-001', open: 849_999 });
  });

  it("lists the file's problems, then the ledger's", () => {
    const p = computePicture(sample(), asOf);
    expect(p.problems.map((x) => x.value)).toEqual(['ORPHAN', 'BAD']);
  });

  it('answers CREDITCHECK by customer ID', () => {
    const f = sample();
    const p = computePicture(f, asOf);
    expect(checkCustomer(p, 'c-001', 0).text).toBe('WARN: exposure 9,499.99 CNY is over 90% of the credit limit 10,000.00 CNY; 1 invoice(s) past due, 1,499.99 CNY in all, oldest 30 days'); // no "+ this 0.00" for an amount of 0
    expect(checkCustomer(p, 'c-001', 1).text).toMatch(/^WARN: exposure 9,499.99 CNY \+ this 0.01 CNY is over 90%/);
    expect(checkCustomer(p, 'C-001', 50_002).verdict).toBe('BLOCK');
    expect(checkCustomer(p, 'C-002', 10_000).text).toBe('OK');
    expect(checkCustomer(p, 'C-002', 10_001).verdict).toBe('BLOCK');
    expect(checkCustomer(p, 'C-003', 1).text).toBe('BLOCK: customer is on credit hold');
    expect(checkCustomer(p, 'NOBODY', 1).text).toBe('BLOCK: customer NOBODY is not in the Customers sheet');
    const zh = computePicture({ ...f, settings: settings({ language: 'zh' }) }, asOf);
    expect(checkCustomer(zh, 'C-003', 1).text).toBe('BLOCK: 客户已冻结（暂停赊销）');
  });

  it('reflects as-of: in the past, later payments are ignored and later paid dates still open', () => {
    const p = computePicture(sample(), d('2024-06-05'));
    const c2 = findCustomer(p, 'C-002')!;
    expect(c2.openInvoices).toBe(50_000);
    expect(c2.unappliedCredit).toBe(0);
    expect(c2.maxDaysPastDue).toBe(0);
  });

  it('ages on the invoice basis when Settings say so, keeping days past due on the due date', () => {
    const f = { ...sample(), settings: settings({ agingBasis: 'invoice' as const }) };
    const c1 = findCustomer(computePicture(f, asOf), 'C-001')!;
    expect(c1.invoices.find((i) => i.invoice.no === 'I3')!.bucket).toBe('1-30');
    expect(c1.invoices.find((i) => i.invoice.no === 'I3')!.daysPastDue).toBe(-15);
  });

  it('keys customers like the reader', () => {
    expect(customerKeyOf('  c-001 ')).toBe('C-001');
    expect(customerKeyOf('Ｃ－００１')).toBe('C-001'); // a formula's full-width ID finds the customer
    expect(customerKeyOf('C-001\u200b')).toBe('C-001');
  });
});
