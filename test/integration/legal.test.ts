/**
 * The evidence pack through the built bundle, on the English fixture after a reminder run, with
 * logged actions and a Plans sheet kept by someone else.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH } from '../helpers/sample';
import { sh, tinyEnvironment } from '../helpers/tiny';

function call<T>(env: Environment, fn: string, ...args: unknown[]): T {
  return env.execution({ authMode: 'FULL' }).call(fn, ...args) as T;
}

function iso(d: unknown): string {
  expect(Object.prototype.toString.call(d)).toBe('[object Date]');
  return new Date((d as Date).getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}

/** The rows of a section: from its title row to the next blank row. */
function section(values: unknown[][], title: string): unknown[][] {
  const start = values.findIndex((r) => r[0] === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const out: unknown[][] = [];
  for (let r = start + 1; r < values.length && values[r].some((c) => c !== ''); r++) out.push(values[r]);
  return out;
}

describe('the evidence pack', () => {
  let env: Environment;
  let values: unknown[][];

  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    call(env, 'runRemindersNow');
    expect(call<{ ok: boolean }>(env, 'logCollectionAction', { customerId: 'C-004', type: 'call', summary: 'Says INV-1010 is disputed', date: '2026-11-02', nextAction: 'Send proof', nextActionDate: '2026-11-09' }).ok).toBe(true);
    expect(call<{ ok: boolean }>(env, 'logCollectionAction', { customerId: 'C-004', type: 'promise', summary: '=1+1 will pay', date: '2026-11-10', nextAction: 'Check payment', nextActionDate: '2026-11-16' }).ok).toBe(true);
    env.spreadsheet.addSheet('Plans', [
      ['Customer ID', 'Type', 'Invoice Nos', 'Due Date', 'Amount', 'Status'],
      ['C-004', 'Promise', 'INV-1011', new Date('2026-11-15T00:00:00+08:00'), 8000, 'Broken'],
      ['C-001', 'Plan', 'INV-1005', new Date('2026-12-01T00:00:00+08:00'), 5400, 'Active'],
      ['C-004', 'Plan', 'INV-1010, INV-1012', new Date('2026-12-15T00:00:00+08:00'), 16500, '+Active'],
    ]);
    env.spreadsheet.activeSheetId = env.spreadsheet.sheet('Customers').id;
    env.spreadsheet.activeRange = { row: 5, col: 1, numRows: 1, numCols: 1 }; // C-004
    const r = call<{ sheet: string; invoices: number; emails: number; actions: number; plans: number; closing: number }>(env, 'buildEvidencePack');
    expect(r).toMatchObject({ sheet: 'Evidence Pack – C-004', invoices: 4, actions: 2, plans: 2, closing: 2450000 });
    values = env.spreadsheet.sheet('Evidence Pack – C-004').values();
  });

  it('opens with the customer details', () => {
    expect(values[0][0]).toBe('Evidence pack — C-004 Overlimit Industries (Creditor: Example Trading Co.)');
    expect(iso(values[1][1])).toBe('2026-11-20');
    const d = Object.fromEntries(section(values, 'Customer details').map((r) => [r[0], r[1]]));
    expect(d).toMatchObject({ 'Customer ID': 'C-004', Name: 'Overlimit Industries', 'Credit Limit': 20000, 'Open Balance': 24500, 'Past Due': 17000, 'Most Days Past Due': 42, Grade: expect.stringMatching(/^[ABCD]$/) });
  });

  it('lists every invoice with its open amount (void left out)', () => {
    const inv = section(values, 'Invoices');
    expect(inv[0]).toEqual(['Invoice No', 'Invoice Date', 'Due Date', 'Amount', 'Open', 'Days Past Due', 'Status', 'Disputed', 'Paid On']);
    expect(inv.slice(1).map((r) => [r[0], iso(r[1]), r[3], r[4], r[6], r[7]])).toEqual([
      ['INV-1020', '2026-06-15', 11000, 0, 'Paid', ''],
      ['INV-1010', '2026-08-10', 9000, 9000, 'Disputed', 'Yes'],
      ['INV-1011', '2026-09-15', 8000, 8000, 'Open', ''],
      ['INV-1012', '2026-10-20', 7500, 7500, 'Open', ''],
    ]);
    expect(iso(inv[1][8])).toBe('2026-08-14');
  });

  it('has the statement since the first invoice, closing at the open balance', () => {
    const st = section(values, 'Statement of account since the first invoice');
    expect([st[0][0], iso(st[0][1]), iso(st[0][3])]).toEqual(['Period', '2026-06-15', '2026-11-20']);
    expect(st[1][6]).toBe(0);
    const closing = st[st.length - 1];
    expect([closing[0], closing[6]]).toEqual(['Closing balance', 24500]);
    expect(st.slice(3, -1).map((r) => [r[1], r[2], r[6]])).toEqual([
      ['Invoice', 'INV-1020', 11000], ['Invoice', 'INV-1010', 20000], ['Payment', 'INV-1020', 9000], ['Invoice', 'INV-1011', 17000], ['Invoice', 'INV-1012', 24500],
    ]);
  });

  it('has every reminder sent, with its date, from the Reminder Log', () => {
    const [header, ...rows] = env.spreadsheet.sheet('Reminder Log').values();
    const sent = rows.filter((r) => r[header.indexOf('State')] === 'sent' && r[header.indexOf('Customer ID')] === 'C-004');
    expect(sent.length).toBeGreaterThan(0);
    const em = section(values, 'Reminders sent');
    expect(em[0]).toEqual(['Sent', 'Key', 'Invoice No', 'Level', 'Recipients', 'Subject', '', '', '']);
    expect(em.slice(1).map((r) => r[1])).toEqual(sent.map((r) => r[header.indexOf('Key')]));
    expect(iso(em[1][0])).toBe('2026-11-20');
  });

  it('has every collections-log action, user text literal', () => {
    const a = section(values, 'Collections log');
    expect(a.slice(1).map((r) => [iso(r[0]), r[2], r[3], iso(r[6])])).toEqual([
      ['2026-11-02', 'Call', 'Says INV-1010 is disputed', '2026-11-09'],
      ['2026-11-10', 'Promise', '=1+1 will pay', '2026-11-16'],
    ]);
  });

  it('has the promises and plans of the Plans sheet as they are, with plans and promises made and broken', () => {
    const p = section(values, 'Repayment plans and promises');
    expect(p[0].slice(0, 6)).toEqual(['Customer ID', 'Type', 'Invoice Nos', 'Due Date', 'Amount', 'Status']);
    expect(p.slice(1, 3).map((r) => [r[1], r[2], r[4], r[5]])).toEqual([['Promise', 'INV-1011', 8000, 'Broken'], ['Plan', 'INV-1010, INV-1012', 16500, '+Active']]);
    expect(p[3][0]).toBe('Plans and promises made: 2; broken: 1.'); // as written: no Plan ID column, one per row
  });

  it('from the sidebar too; an unknown customer is an error; no Plans sheet is said', async () => {
    const other = await environmentWith(ENGLISH);
    const r = call<{ sheet: string; plans: number | null }>(other, 'buildEvidencePackFor', 'c-002');
    expect(r).toMatchObject({ sheet: 'Evidence Pack – C-002', plans: null });
    const v = other.spreadsheet.sheet('Evidence Pack – C-002').values();
    expect(section(v, 'Repayment plans and promises')[0][0]).toBe('No Plans sheet in this file.');
    expect(section(v, 'Reminders sent')[0][0]).toBe('None.');
    expect(() => call(other, 'buildEvidencePackFor', 'C-404')).toThrow(/No customer/);
  });
});

describe('the evidence pack on a Plans sheet laid out as docs/plans.md says', () => {
  const INVOICES = [
    ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed'],
    ['I-1', 'C-1', sh('2026-06-01'), sh('2026-07-01'), 3000, 'CNY', '', '', 'Open', ''],
    ['I-2', 'C-1', sh('2026-07-01'), sh('2026-07-31'), 1000, 'CNY', '', '', 'Open', 'Yes'],
  ];
  // Customer ID blank on a plan's later rows, no Status column, a promise typed "PTP".
  const PLANS = [
    ['Plan ID', 'Customer ID', 'Type', 'Invoice Nos', 'Start Date', 'Due Date', 'Amount'],
    ['P-1', 'C-1', 'Plan', 'I-1', sh('2026-10-01'), sh('2026-10-15'), 1000],
    ['P-1', '', '', '', '', sh('2026-11-15'), 1000],
    ['P-1', '', '', '', '', sh('2026-12-15'), 1000],
    ['PR-1', 'C-1', 'PTP', 'I-2', sh('2026-10-20'), sh('2026-11-01'), 1000],
  ];

  it.each(['Plans', 'Payment Plans'])('lists every row of the customer\'s plans, counts the broken plan and promise, and counts disputed invoices past due (sheet "%s")', (name) => {
    const env = tinyEnvironment({ Invoices: INVOICES, [name]: PLANS });
    const r = call<{ sheet: string; plans: number | null }>(env, 'buildEvidencePackFor', 'C-1');
    expect(r.plans).toBe(4);
    const values = env.spreadsheet.sheet(r.sheet).values();
    const rows = section(values, 'Repayment plans and promises');
    expect(rows.slice(1, 5).map((x) => x[0])).toEqual(['P-1', 'P-1', 'P-1', 'PR-1']);
    expect(rows.at(-1)?.[0]).toBe('Plans and promises made: 2; broken: 2.'); // plan P-1 (nothing paid) and promise PR-1, as getPlans says
    const detail = (label: string) => values.find((x) => x[0] === label)?.[1];
    expect(detail('Past Due')).toBe(4000); // I-1 3,000 and the disputed I-2 1,000, as in the invoice table
    expect(detail('Most Days Past Due')).toBe(142);
  });
});
