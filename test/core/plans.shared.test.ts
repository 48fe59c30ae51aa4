/**
 * The fixes of the reviewer's plan defects: a customer's cash shared out among its arrangements,
 * foreign-currency instalments converted cumulatively, a plan completed once what it covers is
 * paid (and reported when it is for more than was open), and the evidence pack counting plans too.
 */
import fc from 'fast-check';
import { assembleEvidence, plansFor } from '../../src/core/evidence';
import { buildLedger } from '../../src/core/ledger';
import { convert } from '../../src/core/money';
import { computePicture } from '../../src/core/picture';
import { DEFAULT_PLAN_SETTINGS, evaluateArrangement, readPlans, type Arrangement } from '../../src/core/plans';
import type { Cell, CreditFile } from '../../src/core/types';
import { customer, d, file, invoice, payment, settings } from './builders';

const TZ = 'Asia/Shanghai';
const HEADER: Cell[] = ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount', 'Currency'];

function arrangement(over: Partial<Arrangement> & Pick<Arrangement, 'id'>): Arrangement {
  return {
    key: over.id.toUpperCase(), customerKey: 'C-1', customerId: 'C-1', type: 'plan', invoiceKeys: null, start: d('2026-11-01'),
    instalments: [{ row: 2, dueDate: d('2026-11-10'), amount: 100_000, note: '' }], rows: [2], ...over,
  };
}

/** INV-1 and INV-2 of 1,000.00 each. */
function books(payments: CreditFile['payments'] = []): CreditFile {
  return file({
    customers: [customer('C-1')],
    invoices: [
      invoice('INV-1', 'C-1', '2026-08-01', 100_000, { due: '2026-08-31' }),
      invoice('INV-2', 'C-1', '2026-08-05', 100_000, { due: '2026-09-04' }),
    ],
    payments,
  });
}

function views(f: CreditFile, arrangements: Arrangement[], asOf: string) {
  return computePicture(f, d(asOf), { kpis: false, plans: { arrangements, settings: DEFAULT_PLAN_SETTINGS } }).customers.get('C-1')!.arrangements;
}

const promiseOn = (id: string, inv: string, row: number) => arrangement({
  id, type: 'promise', invoiceKeys: [inv], start: d('2026-11-15'), instalments: [{ row, dueDate: d('2026-11-22'), amount: 100_000, note: '' }], rows: [row],
});

describe('one customer’s cash is shared out among its arrangements', () => {
  it('a payment naming INV-1 keeps the promise on INV-1 only; the promise on INV-2 breaks', () => {
    const f = books([payment('C-1', '2026-11-19', 100_000, 'INV-1')]);
    const both = [promiseOn('P-1', 'INV-1', 2), promiseOn('P-2', 'INV-2', 3)];
    const on20 = views(f, both, '2026-11-20');
    expect(on20.map((v) => [v.arrangement.id, v.status, v.received])).toEqual([['P-1', 'completed', 100_000], ['P-2', 'active', 0]]);
    const on23 = views(f, both, '2026-11-23');
    expect(on23.map((v) => [v.arrangement.id, v.status, v.brokenOn])).toEqual([['P-1', 'completed', null], ['P-2', 'broken', d('2026-11-23')]]);
    // Listed the other way round on the sheet: the same.
    expect(views(f, [both[1], both[0]], '2026-11-23').map((v) => v.status)).toEqual(['broken', 'completed']);
  });

  it('a payment naming an invoice no arrangement covers is the customer’s cash', () => {
    const f = books([payment('C-1', '2026-11-19', 100_000, 'INV-2')]);
    expect(views(f, [promiseOn('P-1', 'INV-1', 2)], '2026-11-23')[0].status).toBe('completed');
  });

  it('goes first where it is needed first (the last day an instalment may be paid), then by plan row', () => {
    // The evidence pack's case: 500 naming INV-1 on 11-05; plan P-1 on INV-1 (1,000 due 11-05, grace
    // 3: by 11-08) and promise PR-1 on every open invoice (100 due 11-06): 100 to PR-1, 400 to P-1.
    const f = books([payment('C-1', '2026-11-05', 50_000, 'INV-1')]);
    const p1 = arrangement({ id: 'P-1', invoiceKeys: ['INV-1'], instalments: [{ row: 2, dueDate: d('2026-11-05'), amount: 100_000, note: '' }, { row: 3, dueDate: d('2026-11-25'), amount: 100_000, note: '' }], rows: [2, 3] });
    const pr1 = arrangement({ id: 'PR-1', type: 'promise', instalments: [{ row: 4, dueDate: d('2026-11-06'), amount: 10_000, note: '' }], rows: [4] });
    const v = views(f, [p1, pr1], '2026-11-20');
    expect(v.map((x) => [x.arrangement.id, x.received, x.status])).toEqual([['P-1', 40_000, 'broken'], ['PR-1', 10_000, 'completed']]);
    // Unnamed cash: to the one due first; on a tie, the first on the sheet.
    const a = arrangement({ id: 'A', rows: [5], instalments: [{ row: 5, dueDate: d('2026-11-10'), amount: 100_000, note: '' }] });
    const b = arrangement({ id: 'B', rows: [2], instalments: [{ row: 2, dueDate: d('2026-11-10'), amount: 100_000, note: '' }] });
    const c = arrangement({ id: 'C', rows: [3], instalments: [{ row: 3, dueDate: d('2026-11-09'), amount: 100_000, note: '' }] });
    const shared = views(books([payment('C-1', '2026-11-02', 150_000)]), [a, b, c], '2026-11-05');
    expect(shared.map((x) => [x.arrangement.id, x.received])).toEqual([['A', 0], ['B', 50_000], ['C', 100_000]]);
  });

  it('the cash counted across a customer’s arrangements never exceeds what the customer paid (property)', () => {
    const BASE = d('2026-01-01');
    const arb = fc.record({
      payments: fc.array(fc.record({ day: fc.integer({ min: -20, max: 200 }), amount: fc.integer({ min: 1, max: 150_000 }), names: fc.integer({ min: 0, max: 3 }) }), { maxLength: 8 }),
      arrangements: fc.array(fc.record({
        start: fc.integer({ min: -30, max: 100 }),
        type: fc.constantFrom<'plan' | 'promise'>('plan', 'promise'),
        names: fc.integer({ min: 0, max: 3 }),
        instalments: fc.uniqueArray(fc.record({ due: fc.integer({ min: 0, max: 200 }), amount: fc.integer({ min: 1, max: 120_000 }) }), { minLength: 1, maxLength: 4, selector: (x) => x.due }),
      }), { minLength: 1, maxLength: 5 }),
      asOf: fc.integer({ min: 0, max: 250 }),
    });
    fc.assert(fc.property(arb, (x) => {
      const inv = ['INV-1', 'INV-2', 'INV-3'];
      const f = file({
        customers: [customer('C-1')],
        invoices: inv.map((no, i) => invoice(no, 'C-1', '2025-12-01', 100_000 * (i + 1), { due: '2025-12-31' })),
        payments: x.payments.map((p) => ({ ...payment('C-1', '2026-01-01', p.amount, p.names === 0 ? null : inv[p.names - 1]), date: BASE + p.day })),
      });
      const list = x.arrangements.map((a, k) => arrangement({
        id: `P-${k}`, type: a.type, start: BASE + a.start, invoiceKeys: a.names === 0 ? null : [inv[a.names - 1]], rows: [k + 2],
        instalments: [...a.instalments].sort((p, q) => p.due - q.due).map((i) => ({ row: k + 2, dueDate: BASE + a.start + i.due, amount: i.amount, note: '' })),
      }));
      const asOf = BASE + x.asOf;
      const cl = buildLedger(f, asOf).customers.get('C-1')!;
      const paid = cl.receipts.reduce((s, r) => s + r.amount, 0);
      const v = computePicture(f, asOf, { kpis: false, plans: { arrangements: list, settings: DEFAULT_PLAN_SETTINGS } }).customers.get('C-1')!.arrangements;
      expect(v.reduce((s, y) => s + y.received, 0)).toBeLessThanOrEqual(paid);
      for (const y of v) expect(y.received).toBeLessThanOrEqual(y.total);
    }), { numRuns: 300 });
  });
});

describe('instalments in a foreign currency', () => {
  const usd = (rate: number) => file({
    customers: [customer('C-1', { currency: 'USD' })],
    invoices: [invoice('INV-1', 'C-1', '2026-08-01', 712_493, { due: '2026-08-31' })],
    settings: settings({ fxRates: { USD: rate } }),
  });
  const read = (f: CreditFile, rows: Cell[][]) =>
    readPlans({ name: 'Plans', values: [HEADER, ...rows] }, { timeZone: TZ, language: 'en', settings: f.settings, customers: f.customers, invoices: f.invoices });

  it('3 × USD 333.33 at 7.125 add up to USD 999.99 converted once', () => {
    const r = read(usd(7.125), [
      ['P-1', 'C-1', 'Plan', 'INV-1', '2026-10-01', '2026-10-10', 333.33, 'USD'],
      ['P-1', '', '', '', '', '2026-10-20', 333.33, 'USD'],
      ['P-1', '', '', '', '', '2026-10-30', 333.33, 'USD'],
    ]);
    expect(r.problems).toEqual([]);
    const amounts = r.arrangements[0].instalments.map((i) => i.amount);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(convert(99_999, 'USD', 7.125, 2));
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(712_493);
  });

  it('the base instalments always sum to the total converted once (property, several rates)', () => {
    fc.assert(fc.property(
      fc.constantFrom(7.125, 6.8957, 0.0463, 1.3333, 152.37, 0.9, 7.1),
      fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 6 }),
      (rate, cents) => {
        const f = usd(rate);
        const rows: Cell[][] = cents.map((c, i) => ['P-1', 'C-1', 'Plan', 'INV-1', '2026-10-01', `2026-10-${String(10 + i).padStart(2, '0')}`, c / 100, 'USD']);
        const r = read(f, rows);
        const total = convert(cents.reduce((s, c) => s + c, 0), 'USD', rate, 2);
        const got = r.arrangements.flatMap((a) => a.instalments.map((i) => i.amount));
        if (got.length === cents.length) expect(got.reduce((s, a) => s + a, 0)).toBe(total);
        else expect(r.problems.length).toBeGreaterThan(0); // an instalment worth 0 in base: reported, not read
      },
    ), { numRuns: 300 });
  });
});

describe('a plan for more than is owed', () => {
  const twoSix = arrangement({ id: 'P-1', invoiceKeys: ['INV-1'], start: d('2026-10-01'), rows: [2, 3], instalments: [
    { row: 2, dueDate: d('2026-10-10'), amount: 60_000, note: '' }, { row: 3, dueDate: d('2026-10-20'), amount: 60_000, note: '' },
  ] });

  it('is completed, not broken, once the invoices it covers are paid', () => {
    const f = books([payment('C-1', '2026-10-05', 100_000, 'INV-1')]);
    const [v] = views(f, [twoSix], '2026-11-20');
    expect(v.status).toBe('completed');
    expect(v.brokenOn).toBeNull();
    expect(v.instalments.map((i) => [i.state, i.shortfall])).toEqual([['kept', 0], ['kept', 0]]);
    const c1 = computePicture(f, d('2026-11-20'), { kpis: false, plans: { arrangements: [twoSix], settings: DEFAULT_PLAN_SETTINGS } }).customers.get('C-1')!;
    expect(c1.score.factors.find((x) => x.factor === 'promises')!.points).toBe(0);
  });

  it('from the day the last covered invoice was paid; a miss before that day stands', () => {
    // 600 by 10-10; the last 400 on 10-30, after the second instalment's grace (10-23): broken on 10-24.
    const f = books([payment('C-1', '2026-10-08', 60_000, 'INV-1'), payment('C-1', '2026-10-30', 40_000, 'INV-1')]);
    const [late] = views(f, [twoSix], '2026-11-20');
    expect([late.status, late.brokenOn]).toEqual(['broken', d('2026-10-24')]);
    // Paid by 10-22, within the grace: completed.
    const g = books([payment('C-1', '2026-10-08', 60_000, 'INV-1'), payment('C-1', '2026-10-22', 40_000, 'INV-1')]);
    expect(views(g, [twoSix], '2026-11-20')[0].status).toBe('completed');
  });

  it('naming no invoice: completed when the customer owes nothing', () => {
    const all = { ...twoSix, invoiceKeys: null, instalments: [{ row: 2, dueDate: d('2026-10-10'), amount: 150_000, note: '' }, { row: 3, dueDate: d('2026-10-20'), amount: 150_000, note: '' }] };
    const paid = books([payment('C-1', '2026-10-05', 200_000)]);
    expect(views(paid, [all], '2026-11-20')[0].status).toBe('completed');
    const owes = books([payment('C-1', '2026-10-05', 199_999)]);
    expect(views(owes, [all], '2026-11-20')[0].status).toBe('broken');
    // Alone, without the customer's balance, it is judged on cash only.
    const cl = buildLedger(paid, d('2026-11-20')).customers.get('C-1')!;
    expect(evaluateArrangement(all, cl.receipts, cl.invoices, d('2026-11-20'), 3).status).toBe('broken');
  });

  it('is reported on its first row when read, in the file’s language, and still counts', () => {
    const f = books([payment('C-1', '2026-09-20', 30_000, 'INV-1')]);
    const rows: Cell[][] = [
      ['P-1', 'C-1', 'Plan', 'INV-1', '2026-10-01', '2026-10-10', 400, ''],
      ['P-1', '', '', '', '', '2026-10-20', 400, ''],
      ['P-2', 'C-1', 'Plan', '', '2026-10-01', '2026-10-10', 1300, ''],
      ['P-3', 'C-1', 'Plan', '', '2026-10-01', '2026-10-10', 1800, ''],
    ];
    const read = (language: 'en' | 'zh') => readPlans({ name: 'Plans', values: [HEADER, ...rows] }, {
      timeZone: TZ, language, settings: f.settings, customers: f.customers, invoices: f.invoices, payments: f.payments,
    });
    const en = read('en');
    expect(en.arrangements.map((a) => a.id)).toEqual(['P-1', 'P-2', 'P-3']);
    expect(en.problems.map((p) => [p.sheet, p.row, p.column, p.header])).toEqual([['Plans', 2, 'G', 'Amount'], ['Plans', 5, 'G', 'Amount']]);
    expect(en.problems[0].message).toBe('Plan P-1 comes to CN¥800.00, more than the CN¥700.00 its invoices had open on its Start Date 2026-10-01. It still counts; it is completed once those invoices are paid.');
    expect(en.problems[1].message).toContain('more than the CN¥1,700.00 the customer owed');
    expect(read('zh').problems[0].message).toContain('超过其发票在开始日期 2026-10-01 的未付金额');
    // Without the payments (a caller that does not pass them), nothing is checked.
    expect(readPlans({ name: 'Plans', values: [HEADER, ...rows] }, { timeZone: TZ, language: 'en', settings: f.settings, customers: f.customers, invoices: f.invoices }).problems).toEqual([]);
  });
});

describe('the evidence pack counts plans and promises', () => {
  it('a broken plan counts as broken beside a kept promise', () => {
    const f = books([payment('C-1', '2026-11-05', 50_000, 'INV-1')]);
    const p1 = arrangement({ id: 'P-1', invoiceKeys: ['INV-1'], instalments: [{ row: 2, dueDate: d('2026-11-05'), amount: 100_000, note: '' }], rows: [2] });
    const pr1 = arrangement({ id: 'PR-1', type: 'promise', instalments: [{ row: 3, dueDate: d('2026-11-06'), amount: 10_000, note: '' }], rows: [3] });
    const picture = computePicture(f, d('2026-11-20'), { kpis: false, plans: { arrangements: [p1, pr1], settings: DEFAULT_PLAN_SETTINGS } }).customers.get('C-1')!;
    const values = [['Plan ID', 'Customer ID', 'Type', 'Due Date', 'Amount'], ['P-1', 'C-1', 'Plan', '2026-11-05', 1000], ['PR-1', 'C-1', 'Promise', '2026-11-06', 100]];
    const pack = assembleEvidence({ file: f, picture, asOf: d('2026-11-20'), timeZone: 'UTC', language: 'en', reminderLog: null, actions: [], plans: values });
    expect(pack.plans).toMatchObject({ made: 2, broken: 1 });
    // As written, with a Plan ID column: one per plan, not one per row.
    const written = [['Plan ID', 'Customer ID', 'Type', 'Status'], ['P-1', 'C-1', 'Plan', 'Broken'], ['P-1', 'C-1', 'Plan', 'Broken'], ['PR-1', 'C-1', 'Promise', 'Kept']];
    expect(plansFor(written, 'C-1')).toMatchObject({ made: 2, broken: 1 });
  });
});
