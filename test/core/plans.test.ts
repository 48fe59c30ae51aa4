import { buildLedger } from '../../src/core/ledger';
import { computePicture } from '../../src/core/picture';
import {
  brokenInLastYear, brokenSince, DEFAULT_PLAN_SETTINGS, evaluateArrangement, instalmentKey, isPlansSheetName, planSettings,
  readPlans, renderInstalmentEmail, type Arrangement,
} from '../../src/core/plans';
import { ReminderLogIndex } from '../../src/core/reminders/log';
import { planRun } from '../../src/core/reminders/plan';
import { creditScore } from '../../src/core/score';
import type { Cell, CreditFile } from '../../src/core/types';
import { customer, d, file, invoice, payment, settings } from './builders';
import { customer as remCustomer, invoice as remInvoice, iso, planInput } from './reminders/fixtures';

const TZ = 'Asia/Shanghai';
const HEADER: Cell[] = ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount', 'Note'];

function books(): CreditFile {
  return file({
    customers: [customer('C-1'), customer('C-2')],
    invoices: [
      invoice('INV-1', 'C-1', '2024-05-01', 300_000, { due: '2024-05-31' }),
      invoice('INV-2', 'C-1', '2024-05-15', 100_000, { due: '2024-06-14' }),
      invoice('INV-3', 'C-1', '2024-07-10', 50_000, { due: '2024-08-09' }),
      invoice('INV-9', 'C-2', '2024-05-01', 70_000),
    ],
  });
}

function read(rows: Cell[][], f: CreditFile = books(), header: Cell[] = HEADER) {
  return readPlans({ name: 'Plans', values: [header, ...rows] }, { timeZone: TZ, language: 'en', settings: f.settings, customers: f.customers, invoices: f.invoices });
}

/** A plan of C-1 agreed 2024-07-01: three instalments of 1,000.00 on 07-10, 07-20, 07-30. */
function plan(over: Partial<Arrangement> = {}): Arrangement {
  return {
    id: 'P-1', key: 'P-1', customerKey: 'C-1', customerId: 'C-1', type: 'plan', invoiceKeys: ['INV-1'], start: d('2024-07-01'),
    instalments: [
      { row: 2, dueDate: d('2024-07-10'), amount: 100_000, note: '' },
      { row: 3, dueDate: d('2024-07-20'), amount: 100_000, note: '' },
      { row: 4, dueDate: d('2024-07-30'), amount: 100_000, note: '' },
    ],
    rows: [2, 3, 4],
    ...over,
  };
}

function evaluate(a: Arrangement, payments: { date: string; amount: number }[], asOf: string, grace = 3) {
  const f = books();
  f.payments = payments.map((p) => payment('C-1', p.date, p.amount));
  const ledger = buildLedger(f, d(asOf));
  const cl = ledger.customers.get('C-1')!;
  return evaluateArrangement(a, cl.receipts, cl.invoices, d(asOf), grace);
}

describe('reading the Plans sheet', () => {
  it('groups rows by Plan ID, inherits plan fields on later rows, and sorts instalments by due date', () => {
    const r = read([
      ['P-1', 'C-1', 'Plan', 'INV-1, inv-2', '2024-07-01', '2024-07-20', 1000, 'second'],
      ['p-1', '', '', '', '', '2024-07-10', '1,000.50', 'first'],
      ['PR-7', 'c-2', '承诺', '', new Date('2024-07-02T00:00:00+08:00'), '2024-07-09', 700, ''],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.arrangements).toHaveLength(2);
    const [p, pr] = r.arrangements;
    expect(p).toMatchObject({ id: 'P-1', key: 'P-1', customerKey: 'C-1', type: 'plan', invoiceKeys: ['INV-1', 'INV-2'], start: d('2024-07-01'), rows: [2, 3] });
    expect(p.instalments.map((i) => [i.dueDate, i.amount, i.note])).toEqual([[d('2024-07-10'), 100_050, 'first'], [d('2024-07-20'), 100_000, 'second']]);
    expect(pr).toMatchObject({ customerKey: 'C-2', type: 'promise', invoiceKeys: null, start: d('2024-07-02') });
  });

  it('finds the sheet and its columns by Chinese names and aliases', () => {
    expect(isPlansSheetName('还款计划')).toBe(true);
    expect(isPlansSheetName(' plans ')).toBe(true);
    expect(isPlansSheetName('Plan Status')).toBe(false);
    const r = read([['J-1', 'C-1', '分期', '', '2024-07-01', '2024-07-31', 500]], books(), ['计划编号', '客户编号', '类型', '发票号', '开始日期', '到期日', '金额(元)', '备注']);
    expect(r.problems).toEqual([]);
    expect(r.arrangements[0]).toMatchObject({ id: 'J-1', type: 'plan', instalments: [{ amount: 50_000 }] });
  });

  it('reports bad cells on their row and column, with a sentence, and never throws', () => {
    const r = read([
      ['', 'C-1', 'Plan', '', '2024-07-01', '2024-07-10', 100, ''], // no Plan ID
      ['P-2', 'C-1', 'Maybe', '', '2024-07-01', '2024-07-10', -5, ''], // bad type, bad amount
      ['P-3', 'C-404', 'Plan', '', '2024-07-01', '2024-07-10', 100, ''], // unknown customer
      ['P-4', 'C-1', 'Plan', 'INV-1, NOPE, INV-9', '2024-07-01', '2024-07-15', 100, ''],
      ['P-4', 'C-1', 'Plan', '', '', 'soon', 100, ''], // bad date
      ['P-4', 'C-2', 'Plan', '', '', '2024-07-20', 100, ''], // another customer
    ]);
    const at = (row: number) => r.problems.filter((p) => p.row === row);
    expect(at(2)).toEqual([expect.objectContaining({ column: 'A', header: 'Plan ID', message: expect.stringMatching(/blank/) })]);
    expect(at(3).map((p) => p.column)).toEqual(['C', 'G']);
    expect(at(3)[0].message).toMatch(/Plan \(分期\) or Promise/);
    expect(at(4)[0]).toMatchObject({ column: 'B', value: 'C-404', message: expect.stringMatching(/not in the Customers sheet/) });
    expect(at(5).map((p) => p.column)).toEqual(['D', 'D']);
    expect(at(5)[0].message).toMatch(/NOPE is not in the Invoices sheet/);
    expect(at(5)[1].message).toMatch(/INV-9 belongs to another customer/);
    expect(at(6)).toEqual([expect.objectContaining({ column: 'F', value: 'soon', message: expect.stringMatching(/not a date.*skipped/) })]);
    expect(at(7)[0]).toMatchObject({ column: 'B', message: expect.stringMatching(/belongs to customer C-1/) });
    expect(r.arrangements.map((a) => [a.id, a.invoiceKeys, a.instalments.length])).toEqual([['P-4', ['INV-1'], 1]]);
    // garbage in, problems out
    expect(() => readPlans({ name: 'Plans', values: [[null as unknown as Cell], 5 as unknown as Cell[]] }, { timeZone: TZ, language: 'zh', settings: settings(), customers: [], invoices: [] })).not.toThrow();
  });

  it('says when a required column is missing, and reads nothing then', () => {
    const r = read([['P-1', 'C-1', '2024-07-10', 100]], books(), ['Plan ID', 'Customer ID', 'Due Date', 'Amount']);
    expect(r.arrangements).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/no “Start Date” column/)]);
  });

  it('reads the plan settings from the Settings extras, defaults 3, 3 and 1', () => {
    expect(planSettings(undefined).settings).toEqual(DEFAULT_PLAN_SETTINGS);
    expect(planSettings({ 'Plan Grace (days)': '5', '还款提醒提前天数': '2', 'Weight Promises': '0.5' }).settings).toEqual({ graceDays: 5, reminderDays: 2, promisesWeight: 0.5 });
    const bad = planSettings({ 'plan grace': 'soon' });
    expect(bad.settings.graceDays).toBe(3);
    expect(bad.problems[0].message).toMatch(/whole number of days/);
  });
});

describe('keeping and breaking', () => {
  it('keeps a plan paid with the exact cash, and completes it', () => {
    const v = evaluate(plan(), [{ date: '2024-07-10', amount: 100_000 }, { date: '2024-07-20', amount: 100_000 }, { date: '2024-07-30', amount: 100_000 }], '2024-08-05');
    expect(v.instalments.map((i) => i.state)).toEqual(['kept', 'kept', 'kept']);
    expect(v.status).toBe('completed');
    expect(v.received).toBe(300_000);
  });

  it('is active while instalments are upcoming or in their grace', () => {
    const v = evaluate(plan(), [{ date: '2024-07-09', amount: 100_000 }], '2024-07-21');
    expect(v.instalments.map((i) => i.state)).toEqual(['kept', 'due', 'upcoming']);
    expect(v.status).toBe('active');
    expect(v.dueSoFar).toBe(200_000);
  });

  it('misses a partly paid instalment when its grace ends, and stays broken after a late catch-up', () => {
    const partial = [{ date: '2024-07-10', amount: 100_000 }, { date: '2024-07-20', amount: 60_000 }];
    expect(evaluate(plan(), partial, '2024-07-23').status).toBe('active'); // 07-20 + 3 days of grace
    const v = evaluate(plan(), partial, '2024-07-24');
    expect(v.instalments.map((i) => i.state)).toEqual(['kept', 'missed', 'upcoming']);
    expect(v.status).toBe('broken');
    expect(v.brokenOn).toBe(d('2024-07-24'));
    expect(v.missed!.shortfall).toBe(40_000);
    const late = evaluate(plan(), [...partial, { date: '2024-07-25', amount: 40_000 }], '2024-07-26');
    expect(late.status).toBe('broken');
  });

  it('counts a payment inside the grace days, not after them', () => {
    const onTime = (date: string) => evaluate(plan(), [{ date: '2024-07-05', amount: 100_000 }, { date, amount: 100_000 }], '2024-07-28').instalments[1].state;
    expect(onTime('2024-07-23')).toBe('kept');
    expect(onTime('2024-07-24')).toBe('missed');
    expect(evaluate(plan(), [{ date: '2024-07-14', amount: 100_000 }], '2024-07-15', 0).instalments[0].state).toBe('missed');
  });

  it('counts only cash received on or after the Start Date', () => {
    // 200.00 of INV-1's 300.00 paid the day before: INV-1 is still open, and none of it counts.
    const v = evaluate(plan(), [{ date: '2024-06-30', amount: 200_000 }], '2024-07-14');
    expect(v.received).toBe(0);
    expect(v.status).toBe('broken');
  });

  it('breaks a promise the day after its date without the amount', () => {
    const promise = plan({ id: 'PR', key: 'PR', type: 'promise', instalments: [{ row: 2, dueDate: d('2024-07-10'), amount: 150_000, note: '' }] });
    expect(evaluate(promise, [{ date: '2024-07-10', amount: 100_000 }], '2024-07-10').status).toBe('active');
    const broken = evaluate(promise, [{ date: '2024-07-10', amount: 100_000 }], '2024-07-11');
    expect(broken.status).toBe('broken');
    expect(broken.graceDays).toBe(0);
    expect(broken.brokenOn).toBe(d('2024-07-11'));
    expect(evaluate(promise, [{ date: '2024-07-10', amount: 150_000 }], '2024-07-11').status).toBe('completed');
  });

  it('covers the invoices it names, or all the customer’s invoices open at its start', () => {
    expect(evaluate(plan(), [], '2024-07-05').covered.map((c) => c.no)).toEqual(['INV-1']);
    // INV-2 was paid before the start; INV-3 is dated after it.
    const all = evaluate(plan({ invoiceKeys: null }), [{ date: '2024-06-20', amount: 100_000 }], '2024-07-15');
    const f = books();
    f.payments = [payment('C-1', '2024-06-20', 100_000, 'INV-2')];
    const cl = buildLedger(f, d('2024-07-15')).customers.get('C-1')!;
    expect(evaluateArrangement(plan({ invoiceKeys: null }), cl.receipts, cl.invoices, d('2024-07-15'), 3).covered.map((c) => c.no)).toEqual(['INV-1']);
    expect(all.covered.map((c) => c.no).sort()).toEqual(['INV-1', 'INV-2']); // unnamed payment went to INV-1 (oldest), partly
  });

  it('is not in force before its Start Date', () => {
    const v = evaluate(plan({ start: d('2024-07-12') }), [], '2024-07-11');
    expect(v.started).toBe(false);
    expect(v.instalments.every((i) => i.state === 'upcoming')).toBe(true);
  });

  it('brokenSince lists what broke in (since, asOf], for the watch list', () => {
    const broken = evaluate(plan(), [], '2024-08-10');
    expect(brokenSince([broken], d('2024-07-13'), d('2024-08-10'))).toEqual([
      expect.objectContaining({ kind: 'broken-plan', planId: 'P-1', customerId: 'C-1', brokenOn: d('2024-07-14'), missedDue: d('2024-07-10'), shortfall: 100_000, invoiceNos: ['INV-1'] }),
    ]);
    expect(brokenSince([broken], d('2024-07-14'), d('2024-08-10'))).toEqual([]);
    expect(brokenInLastYear([broken], d('2024-08-10'))).toBe(1);
    expect(brokenInLastYear([broken], d('2025-07-14'))).toBe(1); // later missed instalments (07-24, 08-03) still in the window
    expect(brokenInLastYear([broken], d('2025-08-03'))).toBe(0);
  });
});

describe('the reminder planner with plans', () => {
  const DAY0 = 20000; // the fixtures' due date of INV-1
  const active = (over: Partial<Arrangement> = {}) => {
    const a = plan({ customerKey: 'C-1', customerId: 'C-1', start: DAY0 - 5, invoiceKeys: ['INV-1'], instalments: [{ row: 2, dueDate: DAY0 + 20, amount: 5_000, note: '' }, { row: 3, dueDate: DAY0 + 40, amount: 5_000, note: '' }], ...over });
    return (asOf: number, receipts: { day: number; amount: number }[] = []) =>
      evaluateArrangement(a, receipts.map((r) => ({ ...r, dateKnown: true })), [], asOf, 3);
  };

  it('skips covered invoices with reason plan, once, for both audiences, and sends the others', () => {
    const asOf = DAY0 + 16;
    const input = planInput({ asOf, invoices: [remInvoice(), remInvoice({ key: 'INV-2', no: 'INV-2' })], arrangements: [{ ...active()(asOf), covered: [{ key: 'INV-1', no: 'INV-1' }] }] });
    const p = planRun(input);
    expect(p.communications.flatMap((c) => c.lines.map((l) => l.key))).toEqual(['INV-2|+15']);
    expect(p.skips.filter((s) => s.reason === 'plan')).toEqual([expect.objectContaining({ key: 'INV-1|+15', detail: 'P-1' })]);
    const said = new ReminderLogIndex([{ key: 'INV-1|+15', state: 'skipped', reason: 'plan', row: 2 }]);
    expect(planRun({ ...input, log: said }).skips.filter((s) => s.reason === 'plan')).toEqual([]);
    const late = DAY0 + 46; // internal +45 is due too: paused as well
    const p2 = planRun(planInput({ asOf: late, arrangements: [{ ...active({ instalments: [{ row: 2, dueDate: DAY0 + 60, amount: 5_000, note: '' }] })(late), covered: [{ key: 'INV-1', no: 'INV-1' }] }] }));
    expect(p2.communications).toEqual([]);
    expect(p2.skips.filter((s) => s.reason === 'plan').map((s) => s.key)).toEqual(['INV-1|+30', 'INV-1|+45']);
  });

  it('plans the instalment reminder from 3 days before its due date until the date, unless covered or already logged', () => {
    const at = (asOf: number, log = new ReminderLogIndex(), receipts: { day: number; amount: number }[] = []) =>
      planRun(planInput({ asOf, log, arrangements: [{ ...active()(asOf, receipts), covered: [{ key: 'INV-1', no: 'INV-1' }] }] })).instalments;
    expect(at(DAY0 + 16)).toEqual([]);
    expect(at(DAY0 + 17).map((r) => [r.key, r.amountDue])).toEqual([[instalmentKey('P-1', DAY0 + 20), 5_000]]);
    expect(at(DAY0 + 17)[0].key).toBe(`PLAN|P-1|${iso(DAY0 + 20)}`);
    expect(at(DAY0 + 20)).toHaveLength(1);
    expect(at(DAY0 + 21)).toEqual([]);
    expect(at(DAY0 + 18, new ReminderLogIndex([{ key: `PLAN|P-1|${iso(DAY0 + 20)}`, state: 'sent', reason: '', row: 2 }]))).toEqual([]);
    expect(at(DAY0 + 18, undefined, [{ day: DAY0 + 17, amount: 5_000 }])).toEqual([]);
    expect(at(DAY0 + 18, undefined, [{ day: DAY0 + 17, amount: 2_000 }]).map((r) => r.amountDue)).toEqual([3_000]);
  });

  it('resumes the ladder after a missed instalment at the level due then, warns once, and the lower levels are missed as usual', () => {
    const asOf = DAY0 + 24; // instalment of DAY0 + 20 missed after 3 days of grace
    const v = { ...active()(asOf), covered: [{ key: 'INV-1', no: 'INV-1' }] };
    expect(v.status).toBe('broken');
    const log = new ReminderLogIndex([{ key: 'INV-1|+15', state: 'skipped', reason: 'plan', row: 2 }]);
    const p = planRun(planInput({ asOf, log, arrangements: [v] }));
    expect(p.communications.flatMap((c) => c.lines.map((l) => l.key))).toEqual(['INV-1|+15']);
    expect(p.skips.map((s) => [s.key, s.reason])).toEqual([['INV-1|-3', 'missed'], ['INV-1|+1', 'missed'], ['PLAN|P-1|BROKEN', 'plan-broken']]);
    expect(p.warnings.map((w) => [w.planId, w.brokenOn])).toEqual([['P-1', DAY0 + 24]]);
    const warned = new ReminderLogIndex([{ key: 'PLAN|P-1|BROKEN', state: 'skipped', reason: 'plan-broken', row: 3 }]);
    expect(planRun(planInput({ asOf, log: warned, arrangements: [v] })).warnings).toEqual([]);
  });

  it('respects a customer pause and a missing address for instalment reminders', () => {
    const asOf = DAY0 + 18;
    const v = { ...active()(asOf), covered: [{ key: 'INV-1', no: 'INV-1' }] };
    const paused = remCustomer({ remindersPausedUntil: DAY0 + 30 });
    const p = planRun(planInput({ asOf, customers: new Map([['C-1', paused]]), arrangements: [v] }));
    expect(p.instalments).toEqual([]);
    expect(p.skips.map((s) => s.reason)).toContain('paused');
    const none = planRun(planInput({ asOf, customers: new Map([['C-1', remCustomer({ emails: [] })]]), arrangements: [v] }));
    expect(none.skips.map((s) => [s.key, s.reason])).toContainEqual([`PLAN|P-1|${iso(DAY0 + 20)}`, 'no-email']);
  });

  it('renders the instalment reminder in English and Chinese, escaping sheet values', () => {
    const asOf = DAY0 + 17;
    const [r] = planRun(planInput({ asOf, customers: new Map([['C-1', remCustomer({ name: 'Acme <b>&' })]]), arrangements: [{ ...active()(asOf), covered: [{ key: 'INV-1', no: 'INV-1' }] }] })).instalments;
    const ctx = { language: 'en' as const, company: 'Example Trading Co.', formatAmount: (m: number) => (m / 100).toFixed(2), isoOfDay: iso, asOf };
    const en = renderInstalmentEmail(r, ctx);
    expect(en.to).toBe('ap@acme.example.com');
    expect(en.subject).toBe(`Reminder: 50.00 due on ${iso(DAY0 + 20)} under our agreed repayment plan — Example Trading Co.`);
    expect(en.body).toContain('Dear Acme <b>&,');
    expect(en.htmlBody).toContain('Acme &#60;b&#62;&#38;');
    expect(en.body).not.toMatch(/^\S+ \| \d{4}-\d{2}-\d{2} \| \d{4}-\d{2}-\d{2} \|/m);
    const zh = renderInstalmentEmail(r, { ...ctx, language: 'zh' });
    expect(zh.subject).toContain('分期还款计划');
    expect(zh.body).toContain('下一笔款项 50.00');
  });
});

describe('the score factor for broken plans and promises', () => {
  const s = settings();
  const base = { asOf: d('2024-06-30'), customer: customer('N'), invoices: [], creditNotes: [], exposure: 0 };

  it('takes 5 points per broken one in the last 12 months, at most 15, scaled by its weight', () => {
    const pts = (broken: number, weight = 1) => creditScore({ ...base, promises: { broken, weight } }, s);
    expect(pts(0).score).toBe(70);
    expect(pts(1).score).toBe(65);
    expect(pts(2).factors.find((f) => f.factor === 'promises')).toEqual({ factor: 'promises', points: -10, weight: 1, detail: { broken: 2, counted: 2 } });
    expect(pts(7).score).toBe(55);
    expect(pts(3, 0).score).toBe(70);
    expect(pts(3, 2).score).toBe(40);
    expect(pts(3, 1000).score).toBe(0);
    expect(creditScore(base, s).factors.map((f) => f.factor)).not.toContain('promises');
  });

  it('gives the variant of the worked example in docs/credit-score.md: one broken promise → 44, grade C', () => {
    const c = customer('C-001', { creditLimit: 1_250_000, customerSince: d('2020-06-30'), externalRating: 60 });
    const f = file({
      customers: [c],
      invoices: [
        invoice('INV-1', 'C-001', '2023-11-15', 600_000, { due: '2023-12-15' }),
        invoice('INV-2', 'C-001', '2024-01-15', 600_000, { due: '2024-02-14' }),
        invoice('INV-3', 'C-001', '2024-04-20', 400_000, { due: '2024-05-20' }),
        invoice('INV-4', 'C-001', '2024-06-10', 600_000, { due: '2024-07-10' }),
        invoice('INV-5', 'C-001', '2024-03-01', 200_000, { due: '2024-03-31', disputed: true }),
      ],
      payments: [payment('C-001', '2023-12-25', 600_000, 'INV-1'), payment('C-001', '2024-03-15', 600_000, 'INV-2'), payment('C-001', '2024-06-15', 100_000)],
    });
    f.orders = [{ no: 'SO-9', row: 2, customerKey: 'C-001', orderDate: null, amount: 100_000, status: 'pending' }];
    const promise = plan({ customerKey: 'C-001', customerId: 'C-001', type: 'promise', invoiceKeys: ['INV-3'], start: d('2024-05-25'), instalments: [{ row: 2, dueDate: d('2024-06-01'), amount: 300_000, note: '' }] });
    const r = computePicture(f, d('2024-06-30'), { plans: { arrangements: [promise], settings: DEFAULT_PLAN_SETTINGS } }).customers.get('C-001')!;
    expect(r.arrangements[0].status).toBe('broken');
    expect(r.score.factors.find((x) => x.factor === 'promises')!.points).toBe(-5);
    expect(r.score.factors.find((x) => x.factor === 'externalRating')!.points).toBe(5.5);
    expect(r.score.raw).toBeCloseTo(43.5365, 4);
    expect(r.score.score).toBe(44);
    expect(r.grade).toBe('C');
  });

  it('comes into the picture for a customer with plans, with the weight from Settings', () => {
    const f = books();
    f.settingsExtra = { 'Weight Promises': '2' };
    const promise = plan({ type: 'promise', start: d('2024-06-01'), instalments: [{ row: 2, dueDate: d('2024-06-10'), amount: 1, note: '' }] });
    const ps = planSettings(f.settingsExtra).settings;
    const withPlans = computePicture(f, d('2024-06-30'), { plans: { arrangements: [promise], settings: ps } });
    const without = computePicture(f, d('2024-06-30'));
    const c1 = withPlans.customers.get('C-1')!;
    expect(c1.arrangements[0].status).toBe('broken');
    expect(c1.score.factors.find((x) => x.factor === 'promises')!.points).toBe(-10);
    expect(c1.score.raw).toBeCloseTo(without.customers.get('C-1')!.score.raw - 10, 10);
    expect(withPlans.customers.get('C-2')!.score.factors.map((x) => x.factor)).not.toContain('promises');
    expect(without.customers.get('C-1')!.arrangements).toEqual([]);
  });
});
