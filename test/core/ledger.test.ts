import { buildLedger, paidBetween, type CustomerLedger, type LedgerInvoice } from '../../src/core/ledger';
import { computePicture } from '../../src/core/picture';
import { customer, d, file, invoice, payment } from './builders';

const get = (cl: CustomerLedger | undefined, no: string): LedgerInvoice => {
  const li = cl?.invoices.find((x) => x.invoice.no === no);
  if (!li) throw new Error(`no invoice ${no}`);
  return li;
};

describe('buildLedger: open amounts and allocation', () => {
  const asOf = d('2024-06-30');

  it('leaves an invoice with no payments fully open', () => {
    const l = buildLedger({ invoices: [invoice('I1', 'C1', '2024-05-01', 10000)], payments: [] }, asOf);
    const c = l.customers.get('C1')!;
    expect(get(c, 'I1').open).toBe(10000);
    expect(get(c, 'I1').paidDay).toBeNull();
    expect(c.openTotal).toBe(10000);
    expect(c.unappliedCredit).toBe(0);
  });

  it('applies a partial payment and keeps the rest open', () => {
    const l = buildLedger(
      { invoices: [invoice('I1', 'C1', '2024-05-01', 10000)], payments: [payment('C1', '2024-05-20', 4000, 'I1')] },
      asOf,
    );
    const li = get(l.customers.get('C1'), 'I1');
    expect(li.open).toBe(6000);
    expect(li.allocations).toEqual([{ day: d('2024-05-20'), amount: 4000, kind: 'payment', row: expect.any(Number), dateKnown: true }]);
    expect(li.paidDay).toBeNull();
  });

  it('records the paid day as the day of the allocation that brought the invoice to zero', () => {
    const l = buildLedger(
      {
        invoices: [invoice('I1', 'C1', '2024-05-01', 10000)],
        payments: [payment('C1', '2024-05-20', 4000, 'I1'), payment('C1', '2024-06-03', 6000, 'I1')],
      },
      asOf,
    );
    const li = get(l.customers.get('C1'), 'I1');
    expect(li.open).toBe(0);
    expect(li.paidDay).toBe(d('2024-06-03'));
  });

  it('pays unnamed payments oldest due date first, then invoice date, then number', () => {
    const invoices = [
      invoice('I3', 'C1', '2024-03-01', 1000, { due: '2024-04-10' }),
      invoice('I2', 'C1', '2024-02-01', 1000, { due: '2024-04-10' }),
      invoice('I1', 'C1', '2024-03-15', 1000, { due: '2024-04-01' }),
      invoice('I0', 'C1', '2024-02-01', 1000, { due: '2024-04-10' }),
    ];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-05-01', 2500)] }, asOf);
    const c = l.customers.get('C1')!;
    expect(c.invoices.map((x) => [x.invoice.no, x.open])).toEqual([
      ['I1', 0],
      ['I0', 0],
      ['I2', 500],
      ['I3', 1000],
    ]);
  });

  it('sends the rest of a named payment oldest-first, then to unapplied credit (overpayment)', () => {
    const invoices = [invoice('OLD', 'C1', '2024-01-01', 1000), invoice('NEW', 'C1', '2024-03-01', 1000)];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-04-01', 2500, 'NEW')] }, asOf);
    const c = l.customers.get('C1')!;
    expect(get(c, 'NEW').open).toBe(0);
    expect(get(c, 'OLD').open).toBe(0);
    expect(c.unappliedCredit).toBe(500);
    expect(c.totalPaid).toBe(2500);
  });

  it('leaves unapplied credit when a customer pays with nothing open', () => {
    const l = buildLedger({ invoices: [], payments: [payment('C9', '2024-04-01', 700)] }, asOf);
    expect(l.customers.get('C9')!.unappliedCredit).toBe(700);
  });

  it('allocates credit notes oldest-first at their invoice date', () => {
    const invoices = [invoice('I1', 'C1', '2024-01-01', 1000), invoice('I2', 'C1', '2024-02-01', 1000), invoice('CN1', 'C1', '2024-03-05', -1500)];
    const l = buildLedger({ invoices, payments: [] }, asOf);
    const c = l.customers.get('C1')!;
    expect(get(c, 'I1').open).toBe(0);
    expect(get(c, 'I1').paidDay).toBe(d('2024-03-05'));
    expect(get(c, 'I1').allocations[0]).toMatchObject({ kind: 'credit-note', creditNoteKey: 'CN1' });
    expect(get(c, 'I2').open).toBe(500);
    expect(c.creditNotes).toEqual([expect.objectContaining({ credit: 1500, applied: 1500 })]);
    expect(c.totalPaid).toBe(0);
  });

  it('processes a credit note dated after a payment after it', () => {
    // The payment (Mar 1) pays I1 first; the credit note (Mar 10) then takes I2; the rest is credit.
    const invoices = [invoice('I1', 'C1', '2024-01-01', 1000), invoice('I2', 'C1', '2024-02-01', 1000), invoice('CN1', 'C1', '2024-03-10', -1500)];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-03-01', 1000)] }, asOf);
    const c = l.customers.get('C1')!;
    expect(get(c, 'I1').paidDay).toBe(d('2024-03-01'));
    expect(get(c, 'I1').allocations.map((a) => a.kind)).toEqual(['payment']);
    expect(get(c, 'I2').paidDay).toBe(d('2024-03-10'));
    expect(c.unappliedCredit).toBe(500);
    expect(c.creditNotes[0].applied).toBe(1000);
  });

  it('on one day, processes credit notes before payments', () => {
    const invoices = [invoice('I1', 'C1', '2024-01-01', 1000), invoice('CN1', 'C1', '2024-03-01', -400)];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-03-01', 1000)] }, asOf);
    const c = l.customers.get('C1')!;
    expect(get(c, 'I1').allocations.map((a) => [a.kind, a.amount])).toEqual([
      ['credit-note', 400],
      ['payment', 600],
    ]);
    expect(c.unappliedCredit).toBe(400);
  });

  it('ignores void invoices everywhere, including as a named invoice (a Problem)', () => {
    const invoices = [invoice('V1', 'C1', '2024-01-01', 1000, { status: 'void' }), invoice('I2', 'C1', '2024-02-01', 1000)];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-03-01', 300, 'V1')] }, asOf);
    const c = l.customers.get('C1')!;
    expect(c.invoices.map((x) => x.invoice.no)).toEqual(['I2']);
    expect(get(c, 'I2').open).toBe(700);
    expect(l.problems).toHaveLength(1);
    expect(l.problems[0].message).toMatch(/void/);
  });

  it('allocates unnamed payments to undisputed invoices before disputed ones; a named payment pays a disputed one', () => {
    const invoices = [
      invoice('D1', 'C1', '2024-01-01', 1000, { disputed: true }),
      invoice('S2', 'C1', '2024-02-01', 1000, { status: 'disputed' }),
      invoice('U3', 'C1', '2024-03-01', 1000),
    ];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-04-01', 1500), payment('C1', '2024-04-02', 200, 'S2')] }, asOf);
    const c = l.customers.get('C1')!;
    expect(get(c, 'U3').open).toBe(0);
    expect(get(c, 'D1').open).toBe(500);
    expect(get(c, 'S2').open).toBe(800);
    expect(get(c, 'D1').disputed).toBe(true);
    expect(get(c, 'S2').disputed).toBe(true);
    expect(c.openTotal).toBe(1300);
  });

  it('reports a payment naming an unknown invoice and allocates it oldest-first', () => {
    const invoices = [invoice('I1', 'C1', '2024-01-01', 1000)];
    const p = payment('C1', '2024-03-01', 400, 'NOPE');
    const l = buildLedger({ invoices, payments: [p] }, asOf, { paymentsSheet: '收款', invoiceNoColumn: 'D', invoiceNoHeader: '发票号' });
    expect(get(l.customers.get('C1'), 'I1').open).toBe(600);
    expect(l.problems).toEqual([
      { sheet: '收款', row: p.row, column: 'D', header: '发票号', value: 'NOPE', message: expect.stringMatching(/NOPE.*not in the Invoices sheet/) },
    ]);
  });

  it("reports a payment naming another customer's invoice, with the default sheet and header", () => {
    const invoices = [invoice('I1', 'C1', '2024-01-01', 1000), invoice('X1', 'C2', '2024-01-01', 1000)];
    const l = buildLedger({ invoices, payments: [payment('C1', '2024-03-01', 400, 'X1')] }, asOf);
    expect(get(l.customers.get('C1'), 'I1').open).toBe(600);
    expect(get(l.customers.get('C2'), 'X1').open).toBe(1000);
    expect(l.problems[0]).toMatchObject({ sheet: 'Payments', column: '', header: 'Invoice No', value: 'X1' });
    expect(l.problems[0].message).toMatch(/belongs to customer C2/);
  });
});

describe('buildLedger: the invoice columns Amount Paid, Paid Date and Status', () => {
  const asOf = d('2024-06-30');

  it('takes Amount Paid as a partial payment on the Paid Date', () => {
    const l = buildLedger({ invoices: [invoice('I1', 'C1', '2024-05-01', 1000, { amountPaid: 300, paid: '2024-05-15' })], payments: [] }, asOf);
    const li = get(l.customers.get('C1'), 'I1');
    expect(li.open).toBe(700);
    expect(li.allocations[0]).toMatchObject({ kind: 'amount-paid', day: d('2024-05-15'), dateKnown: true });
  });

  it('takes a Paid Date with no Amount Paid as paid in full on that day', () => {
    const l = buildLedger({ invoices: [invoice('I1', 'C1', '2024-05-01', 1000, { paid: '2024-05-20' })], payments: [] }, asOf);
    const li = get(l.customers.get('C1'), 'I1');
    expect(li.open).toBe(0);
    expect(li.paidDay).toBe(d('2024-05-20'));
    expect(l.customers.get('C1')!.totalPaid).toBe(1000);
  });

  it('takes Status Paid with no date as paid, date unknown', () => {
    const l = buildLedger({ invoices: [invoice('I1', 'C1', '2024-05-01', 1000, { status: 'paid' })], payments: [] }, asOf);
    const li = get(l.customers.get('C1'), 'I1');
    expect(li.open).toBe(0);
    expect(li.paidDay).toBeNull();
    expect(li.paidDateUnknown).toBe(true);
  });

  it('takes Status Paid as settled in full even with a smaller Amount Paid', () => {
    const l = buildLedger({ invoices: [invoice('I1', 'C1', '2024-05-01', 1000, { status: 'paid', amountPaid: 900, paid: '2024-05-10' })], payments: [] }, asOf);
    const li = get(l.customers.get('C1'), 'I1');
    expect(li.open).toBe(0);
    expect(li.paidDay).toBe(d('2024-05-10'));
    expect(li.allocations.map((a) => [a.kind, a.amount])).toEqual([
      ['amount-paid', 900],
      ['marked-paid', 100],
    ]);
  });

  it('sends an Amount Paid above the amount to other invoices, then to credit', () => {
    const invoices = [invoice('I1', 'C1', '2024-05-01', 1000, { amountPaid: 1600, paid: '2024-05-10' }), invoice('I2', 'C1', '2024-05-02', 400)];
    const l = buildLedger({ invoices, payments: [] }, asOf);
    const c = l.customers.get('C1')!;
    expect(c.openTotal).toBe(0);
    expect(c.unappliedCredit).toBe(200);
  });

  it('keeps unnamed payments off invoices settled by their own columns, even before their Paid Date', () => {
    const invoices = [invoice('SELF', 'C1', '2024-01-01', 1000, { paid: '2024-06-20' }), invoice('I2', 'C1', '2024-02-01', 1000)];
    const payments = [payment('C1', '2024-03-01', 1500)];
    const now = buildLedger({ invoices, payments }, asOf).customers.get('C1')!;
    expect(get(now, 'SELF').allocations.map((a) => [a.kind, a.amount])).toEqual([['marked-paid', 1000]]);
    expect(get(now, 'SELF').settledByColumns).toBe(true);
    expect(now.unappliedCredit).toBe(500);
    const before = buildLedger({ invoices, payments }, d('2024-06-19')).customers.get('C1')!;
    expect(get(before, 'SELF').open).toBe(1000);
    expect(get(before, 'I2').open).toBe(0);
    expect(before.unappliedCredit).toBe(500);
  });

  it('keeps month-end books when the rest of an invoice is recorded as a payment naming it; marking it paid in its own columns moves earlier unnamed cash (the documented price of monotonicity)', () => {
    const monthEnd = d('2024-02-29');
    const a = invoice('A', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31' });
    const b = invoice('B', 'C1', '2024-02-01', 1_000_000, { due: '2024-03-02' });
    const unnamed = payment('C1', '2024-02-10', 400_000);
    const books = (invoices: ReturnType<typeof invoice>[], payments: ReturnType<typeof payment>[]) => {
      const cl = buildLedger({ invoices, payments }, monthEnd).customers.get('C1')!;
      return { a: get(cl, 'A').open, b: get(cl, 'B').open };
    };
    const atTheTime = books([a, b], [unnamed]);
    expect(atTheTime).toEqual({ a: 600_000, b: 1_000_000 });
    // On 2024-03-10 the rest of A comes in, recorded in Payments naming A: February is unchanged.
    expect(books([a, b], [unnamed, payment('C1', '2024-03-10', 600_000, 'A')])).toEqual(atTheTime);
    // Marked Paid in A's own columns instead: A is settled by its columns, so the February cash was for B.
    expect(books([invoice('A', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31', status: 'paid', paid: '2024-03-10' }), b], [unnamed])).toEqual({ a: 1_000_000, b: 600_000 });
  });

  it('ignores a credit note marked Paid (refunded)', () => {
    const invoices = [invoice('I1', 'C1', '2024-05-01', 1000), invoice('CN', 'C1', '2024-05-02', -400, { status: 'paid' })];
    const l = buildLedger({ invoices, payments: [] }, asOf);
    expect(l.customers.get('C1')!.openTotal).toBe(1000);
    expect(l.customers.get('C1')!.creditNotes).toEqual([]);
  });

  it('allocates a credit note marked Paid as of a day before its Paid Date (it was still unused then)', () => {
    const invoices = [invoice('I1', 'C1', '2024-05-01', 1000), invoice('CN', 'C1', '2024-05-02', -400, { status: 'paid', paid: '2024-05-20' })];
    const before = buildLedger({ invoices, payments: [] }, d('2024-05-19')).customers.get('C1')!;
    expect(before.openTotal).toBe(600);
    expect(before.creditNotes.map((cn) => [cn.credit, cn.applied])).toEqual([[400, 400]]);
    const after = buildLedger({ invoices, payments: [] }, d('2024-05-20')).customers.get('C1')!;
    expect(after.openTotal).toBe(1000);
    expect(after.creditNotes).toEqual([]);
  });
});

describe('buildLedger: the same cash recorded twice (a Payments row naming an invoice its own row settles)', () => {
  const asOf = d('2024-06-30');
  /** A marked paid on 02-10 (Status Paid and Paid Date), B open and overdue beside it. */
  const books = (payments: ReturnType<typeof payment>[], over: Parameters<typeof invoice>[4] = { status: 'paid', paid: '2024-02-10' }) => {
    const a = invoice('A', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31', ...over });
    const b = invoice('B', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31' });
    const l = buildLedger({ invoices: [a, b], payments }, asOf);
    return { l, a, c: l.customers.get('C1')! };
  };

  it('counts a payment dated on or after the Paid Date once: it does not pay the next invoice, and a Problem says so', () => {
    for (const day of ['2024-02-10', '2024-02-11', '2024-05-01']) {
      const p = payment('C1', day, 1_000_000, 'A');
      const { l, c } = books([p]);
      expect([get(c, 'A').open, get(c, 'B').open]).toEqual([0, 1_000_000]);
      expect(get(c, 'A').paidDay).toBe(d('2024-02-10'));
      expect(c.unappliedCredit).toBe(0);
      expect(c.totalPaid).toBe(1_000_000);
      expect(c.receipts.map((r) => [r.kind, r.amount])).toEqual([['marked-paid', 1_000_000]]);
      expect(c.recordedTwice).toEqual([{ kind: 'payment', row: p.row, day: d(day), invoiceKey: 'A', amount: 1_000_000 }]);
      expect(l.problems).toEqual([
        { sheet: 'Payments', row: p.row, column: '', header: 'Invoice No', value: 'A', message: expect.stringMatching(/^This payment names invoice A, which its own row in the Invoices sheet already records as paid on 2024-02-10\. Credit Desk takes the two as the same cash recorded twice and counts it once/) },
      ]);
    }
  });

  it('takes a payment dated before the Paid Date as the invoice\'s cash: the marking settles only the rest; no Problem', () => {
    const { l, c } = books([payment('C1', '2024-02-09', 400_000, 'A')]);
    expect(get(c, 'A').allocations.map((x) => [x.kind, x.amount])).toEqual([['payment', 400_000], ['marked-paid', 600_000]]);
    expect(get(c, 'B').open).toBe(1_000_000);
    expect(c.totalPaid).toBe(1_000_000);
    expect(l.problems).toEqual([]);
  });

  it('paying one day later never scores better: the reviewer\'s D that became B is now the same on both days', () => {
    const a = invoice('A', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31', status: 'paid', paid: '2024-02-10' });
    const b = invoice('B', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31' });
    const grade = (day: string) => computePicture(file({ customers: [customer('C1')], invoices: [a, b], payments: [payment('C1', day, 1_000_000, 'A')] }), asOf).customers.get('C1')!.score;
    const onTime = grade('2024-02-09');
    const late = grade('2024-02-10');
    expect(onTime.grade).toBe('D');
    expect(late.score).toBeLessThanOrEqual(onTime.score);
    expect(late.grade).toBe('D');
  });

  it('sends only what a payment holds beyond the row\'s own record to the oldest open invoice (an overpayment)', () => {
    const { c } = books([payment('C1', '2024-03-01', 1_300_000, 'A')]);
    expect([get(c, 'A').open, get(c, 'B').open]).toEqual([0, 700_000]);
    expect(c.recordedTwice.map((t) => t.amount)).toEqual([1_000_000]);
    expect(c.receipts.map((r) => [r.kind, r.amount])).toEqual([['marked-paid', 1_000_000], ['payment', 300_000]]);
    expect(c.totalPaid).toBe(1_300_000);
  });

  it('matches payments after the Paid Date only against what the marking itself paid, once: a part paid before, then two rows after', () => {
    const before = payment('C1', '2024-02-01', 400_000, 'A');
    const after1 = payment('C1', '2024-02-15', 500_000, 'A');
    const after2 = payment('C1', '2024-02-20', 500_000, 'A');
    const { c } = books([before, after1, after2]);
    // The marking paid 600,000 (what 02-01 left); 02-15 is that cash; 100,000 of 02-20 is too, 400,000 is new.
    expect(c.recordedTwice.map((t) => [t.row, t.amount])).toEqual([[after1.row, 500_000], [after2.row, 100_000]]);
    expect(get(c, 'B').open).toBe(600_000);
    expect(c.totalPaid).toBe(1_400_000);
  });

  it('Status Paid with no Paid Date takes the date of the payment naming it: the same cash, counted once, on that day (not undated)', () => {
    const { l, c } = books([payment('C1', '2024-03-01', 1_000_000, 'A')], { status: 'paid' });
    expect([get(c, 'A').open, get(c, 'B').open]).toEqual([0, 1_000_000]);
    expect(get(c, 'A').paidDateUnknown).toBe(false);
    expect(get(c, 'A').paidDay).toBe(d('2024-03-01'));
    expect(c.receipts.map((r) => [r.kind, r.day, r.amount, r.dateKnown])).toEqual([['marked-paid', d('2024-03-01'), 1_000_000, true]]);
    expect(c.totalPaid).toBe(1_000_000);
    expect(l.problems[0].message).toMatch(/marks as paid, with no Paid Date\. .* counts it once, on this payment’s date/);
    // as of a day before the payment, A is still open (it was paid when the payment came)
    const before = buildLedger({ invoices: [invoice('A', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31', status: 'paid' })], payments: [payment('C1', '2024-03-01', 1_000_000, 'A')] }, d('2024-02-15'));
    expect(get(before.customers.get('C1')!, 'A').open).toBe(1_000_000);
  });

  it('Status Paid with no Paid Date and two part payments naming it: each pays on its day, the marking settles the rest on the last', () => {
    const { c } = books([payment('C1', '2024-02-01', 400_000, 'A'), payment('C1', '2024-03-01', 600_000, 'A')], { status: 'paid' });
    expect(get(c, 'A').paidDay).toBe(d('2024-03-01'));
    expect(get(c, 'B').open).toBe(1_000_000);
    expect(c.totalPaid).toBe(1_000_000);
    expect(c.receipts.every((r) => r.dateKnown)).toBe(true);
  });

  it('a payment naming it dated after today (a post-dated cheque, a year typed wrong) does not reopen, today, an invoice marked Paid', () => {
    const a = invoice('A', 'C1', '2024-01-01', 1_000_000, { due: '2024-01-31', status: 'paid' });
    for (const late of ['2024-07-15', '2062-03-01']) {
      const payments = [payment('C1', late, 1_000_000, 'A')];
      const today = buildLedger({ invoices: [a], payments, today: d('2024-06-30') }, d('2024-06-30')).customers.get('C1')!;
      expect(get(today, 'A')).toMatchObject({ open: 0, paidDateUnknown: true });
      // without a today (a hand-made input), the payment dates it and A is open before that day
      expect(get(buildLedger({ invoices: [a], payments }, d('2024-06-30')).customers.get('C1')!, 'A').open).toBe(1_000_000);
    }
  });

  it('Status Paid with no Paid Date and no payment naming it stays paid from its Invoice Date, date unknown', () => {
    const { c } = books([], { status: 'paid' });
    expect(get(c, 'A')).toMatchObject({ open: 0, paidDateUnknown: true });
  });

  it('treats a Paid Date alone (no Status) the same way', () => {
    const { c } = books([payment('C1', '2024-02-10', 1_000_000, 'A')], { paid: '2024-02-10' });
    expect(get(c, 'B').open).toBe(1_000_000);
    expect(c.totalPaid).toBe(1_000_000);
  });

  it('Status Paid with an Amount Paid: a payment before the Paid Date pays first, and the Amount Paid beyond what was left is the same cash (a Problem on the Amount Paid cell)', () => {
    const p = payment('C1', '2024-02-01', 1_000_000, 'A');
    const { l, a, c } = books([p], { status: 'paid', amountPaid: 1_000_000, paid: '2024-02-10' });
    expect([get(c, 'A').open, get(c, 'B').open]).toEqual([0, 1_000_000]);
    expect(get(c, 'A').paidDay).toBe(d('2024-02-01'));
    expect(c.totalPaid).toBe(1_000_000);
    expect(c.recordedTwice).toEqual([{ kind: 'amount-paid', row: a.row, day: d('2024-02-10'), invoiceKey: 'A', amount: 1_000_000 }]);
    expect(l.problems).toEqual([
      { sheet: 'Invoices', row: a.row, column: '', header: 'Amount Paid', value: 'A', message: expect.stringMatching(/^Amount Paid on invoice A is more than was left to pay after the Payments rows that name it\./) },
    ]);
  });

  it('keeps the Amount Paid column and a payment naming an invoice not marked paid as two payments (a part, then the rest)', () => {
    const { l, c } = books([payment('C1', '2024-03-01', 600_000, 'A')], { amountPaid: 400_000, paid: '2024-02-10' });
    expect([get(c, 'A').open, get(c, 'B').open]).toEqual([0, 1_000_000]);
    expect(get(c, 'A').paidDay).toBe(d('2024-03-01'));
    expect(l.problems).toEqual([]);
  });

  it('a Paid Date before the Invoice Date (a slip) counts from the Invoice Date: a payment dated before the invoice existed stays cash, as it was on its day', () => {
    const a = invoice('A', 'C1', '2024-03-10', 1_000_000, { paid: '2024-03-09' });
    const other = invoice('O', 'C1', '2024-01-01', 1_000_000);
    const p = payment('C1', '2024-03-09', 1_000_000, 'A');
    const onItsDay = buildLedger({ invoices: [a, other], payments: [p] }, d('2024-03-09')).customers.get('C1')!;
    const later = buildLedger({ invoices: [a, other], payments: [p] }, d('2024-03-10'));
    const cl = later.customers.get('C1')!;
    // On 03-09 A did not exist: the payment paid O. Later it pays A (named), the marking settles nothing more.
    expect(onItsDay.receipts.map((r) => [r.kind, r.day, r.amount])).toEqual([['payment', d('2024-03-09'), 1_000_000]]);
    expect(cl.receipts.map((r) => [r.kind, r.day, r.amount])).toEqual([['payment', d('2024-03-09'), 1_000_000]]);
    expect(onItsDay.openTotal - onItsDay.unappliedCredit).toBe(0);
    expect(cl.openTotal - cl.unappliedCredit).toBe(1_000_000);
    expect(get(cl, 'A').paidDay).toBe(d('2024-03-10'));
    expect(later.problems).toEqual([]);
  });

  it('points the Problem at the Payments sheet and column the reader found, in the file\'s language', () => {
    const a = invoice('A', 'C1', '2024-01-01', 1_000_000, { status: 'paid', paid: '2024-02-10' });
    const p = payment('C1', '2024-02-10', 1_000_000, 'A');
    const places = {
      language: 'zh' as const,
      payments: { sheet: '收款', invoiceNoColumn: 'D', invoiceNoHeader: '发票号' },
      invoices: { sheet: '发票', amountPaidColumn: 'G', amountPaidHeader: '已付金额' },
    };
    const l = buildLedger({ invoices: [a], payments: [p], places }, asOf);
    expect(l.problems).toEqual([
      { sheet: '收款', row: p.row, column: 'D', header: '发票号', value: 'A', message: expect.stringMatching(/^此收款指明发票 A，而发票表中该发票本行已记为已付（2024-02-10）。信用管理视为同一笔款项记了两次，只计一次/) },
    ]);
  });
});

describe('buildLedger: as of a day in the past', () => {
  const invoices = [
    invoice('I1', 'C1', '2024-01-10', 1000, { paid: '2024-03-05' }),
    invoice('I2', 'C1', '2024-02-10', 1000),
    invoice('I3', 'C1', '2024-03-10', 1000),
    invoice('CN', 'C1', '2024-03-20', -200),
  ];
  const payments = [payment('C1', '2024-02-28', 300, 'I2'), payment('C1', '2024-03-15', 700, 'I2')];

  it('leaves out invoices, credit notes and payments dated after it', () => {
    const l = buildLedger({ invoices, payments }, d('2024-02-29'));
    const c = l.customers.get('C1')!;
    expect(c.invoices.map((x) => x.invoice.no)).toEqual(['I1', 'I2']);
    expect(c.creditNotes).toEqual([]);
    expect(get(c, 'I2').open).toBe(700);
    expect(c.totalPaid).toBe(300);
  });

  it('keeps an invoice open whose Paid Date is after it', () => {
    const c = buildLedger({ invoices, payments }, d('2024-03-04')).customers.get('C1')!;
    expect(get(c, 'I1').open).toBe(1000);
    const later = buildLedger({ invoices, payments }, d('2024-03-05')).customers.get('C1')!;
    expect(get(later, 'I1').open).toBe(0);
    expect(get(later, 'I1').paidDay).toBe(d('2024-03-05'));
  });

  it('is reproducible: the same as-of gives the same ledger whatever came later', () => {
    const early = buildLedger({ invoices: invoices.slice(0, 2), payments: payments.slice(0, 1) }, d('2024-02-29'));
    const full = buildLedger({ invoices, payments }, d('2024-02-29'));
    expect(full).toEqual(early);
  });

  it('never dates an allocation before its invoice: a prepayment pays a later invoice on its date', () => {
    const l = buildLedger({ invoices: [invoice('I9', 'C2', '2024-03-10', 500)], payments: [payment('C2', '2024-03-01', 800)] }, d('2024-03-31'));
    const c = l.customers.get('C2')!;
    expect(get(c, 'I9').paidDay).toBe(d('2024-03-10'));
    expect(c.unappliedCredit).toBe(300);
    const before = buildLedger({ invoices: [invoice('I9', 'C2', '2024-03-10', 500)], payments: [payment('C2', '2024-03-01', 800)] }, d('2024-03-05'));
    expect(before.customers.get('C2')!.unappliedCredit).toBe(800);
  });

  it('counts cash received in a period', () => {
    const c = buildLedger({ invoices, payments }, d('2024-06-30')).customers.get('C1')!;
    expect(paidBetween(c, d('2024-03-01'), d('2024-03-31'))).toBe(1000 + 700);
    expect(c.totalPaid).toBe(2000);
  });
});
