import { readCollectionsLog } from '../../src/core/collections';
import { assembleEvidence, plansFor, sentEmails } from '../../src/core/evidence';
import { computePicture } from '../../src/core/picture';
import { readCreditFile } from '../../src/core/read';
import { LOG_HEADERS } from '../../src/core/reminders/log';
import { COLLECTIONS_LOG_HEADERS } from '../../src/i18n/collections';
import { englishFixture } from '../../examples/generate';
import { d } from './builders';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const file = readCreditFile(Object.entries(englishFixture()).map(([name, values]) => ({ name, values: values as never })), { timeZone: 'UTC' });
const asOf = d('2026-11-20');
const picture = computePicture(file, asOf, { kpis: false });

const reminderLog = [
  [...LOG_HEADERS],
  [utc('2026-10-20'), 'R1', 'INV-1010|+1', 'INV-1010', 'C-004', '+1', 'sent', '', 'ap.overlimit@example.com', 'Reminder'],
  [utc('2026-10-20'), 'R1', 'INV-1011|-3', 'INV-1011', 'C-004', '-3', 'skipped', 'disputed', '', ''],
  [utc('2026-11-13'), 'R2', 'INV-1011|+1', 'INV-1011', 'c-004', '+1', 'sent', '', 'ap.overlimit@example.com', 'Overdue'],
  [utc('2026-11-13'), 'R2', 'INV-1006|+30', 'INV-1006', 'C-002', '+30', 'sent', '', 'finance.partial@example.com', 'Overdue'],
  [utc('2026-11-14'), 'R3', 'INV-1012|-3', 'INV-1012', 'C-004', '-3', 'unknown', '', '', ''],
];
const actions = readCollectionsLog([
  [...COLLECTIONS_LOG_HEADERS.en],
  [utc('2026-11-02'), 'C-004', 'Call', 'Says INV-1010 is disputed', 'Dispute', 'Send proof of delivery', utc('2026-11-09'), 'sarah.jones@example.com', 'me'],
  [utc('2026-11-10'), 'C-004', 'Promise', 'Will pay 8,000 by 11-15', 'Promise', 'Check payment', utc('2026-11-16'), 'sarah.jones@example.com', 'me'],
  [utc('2026-11-10'), 'C-001', 'Note', 'other customer', '', '', '', '', ''],
], 'UTC').actions;
const plans = [
  ['Customer ID', 'Type', 'Invoice Nos', 'Due Date', 'Amount', 'Status', 'My own column'],
  ['C-004', 'Promise', 'INV-1011', utc('2026-11-15'), 8000, 'Broken', '=not a formula'],
  ['C-001', 'Plan', 'INV-1005', utc('2026-12-01'), 5400, 'Active', ''],
  ['c-004 ', 'Plan', 'INV-1010;INV-1012', utc('2026-12-15'), 16500, 'Active', 'x'],
  ['C-004', '承诺', 'INV-1012', utc('2026-11-30'), 7500, '已履行'],
];

describe('the evidence pack', () => {
  const pack = assembleEvidence({
    file, picture: picture.customers.get('C-004')!, asOf, timeZone: 'UTC', language: 'en', reminderLog, actions, plans,
  });

  it('has every invoice with its open amount and the statement since the first invoice, closing at OPENBALANCE', () => {
    expect(pack.picture.invoices.map((i) => [i.invoice.no, i.open])).toEqual(
      expect.arrayContaining([['INV-1020', 0], ['INV-1010', 900000], ['INV-1011', 800000], ['INV-1012', 750000]]),
    );
    expect(pack.statement.from).toBe(d('2026-06-15'));
    expect(pack.statement.opening).toBe(0);
    expect(pack.statement.closing).toBe(2450000);
    expect(pack.statement.closing).toBe(picture.customers.get('C-004')!.openBalance);
    expect(pack.statement.lines.map((l) => l.reference)).toEqual(['INV-1020', 'INV-1010', 'INV-1020', 'INV-1011', 'INV-1012']); // 06-15, 08-10, the payment 08-14, 09-15, 10-20
  });

  it('has every email sent to the customer (sent state only), and its logged actions', () => {
    expect(pack.emails.map((e) => [e.key, e.invoiceNo])).toEqual([['INV-1010|+1', 'INV-1010'], ['INV-1011|+1', 'INV-1011']]);
    expect(pack.actions.map((a) => a.type)).toEqual(['call', 'promise']);
    expect(pack.history.map((h) => h.source)).toEqual(['reminders', 'log', 'log', 'reminders']);
  });

  it("has the Plans sheet's rows of the customer as they are, and counts plans and promises made and broken", () => {
    expect(pack.plans).not.toBeNull();
    expect(pack.plans!.header).toEqual(plans[0]);
    expect(pack.plans!.rows.map((r) => r[2])).toEqual(['INV-1011', 'INV-1010;INV-1012', 'INV-1012']);
    expect(pack.plans!.rows[0][6]).toBe('=not a formula');
    expect(pack.plans!.rows[2]).toHaveLength(7);
    // As written (no Plan ID column, not the reader's layout): two promises and a plan, one per row.
    expect(pack.plans!.made).toBe(3);
    expect(pack.plans!.broken).toBe(1);
  });

  it('reads a missing or odd Plans sheet and Reminder Log defensively', () => {
    expect(plansFor(null, 'C-004')).toBeNull();
    expect(plansFor([], 'C-004')).toMatchObject({ rows: [], customerColumn: null });
    expect(plansFor([['Whatever', 'Else'], ['C-004', 1]], 'C-004')).toMatchObject({ rows: [], customerColumn: null });
    expect(plansFor([[], ['客户编号', '类型', '状态'], ['C-004', '承诺付款', '违约']], 'C-004')).toMatchObject({ made: 1, broken: 1 });
    expect(sentEmails(null, 'C-004')).toEqual([]);
    expect(sentEmails([['nothing']], 'C-004')).toEqual([]);
    const bare = assembleEvidence({ file, picture: picture.customers.get('C-005')!, asOf, timeZone: 'UTC', language: 'zh', reminderLog: null, actions: [], plans: null });
    expect(bare).toMatchObject({ emails: [], actions: [], plans: null });
    expect(bare.statement.closing).toBe(0);
  });
});

describe('the evidence pack of a customer whose ID is not plain ASCII', () => {
  // The reader folds IDs (full-width to ASCII, dashes to '-'): the pack finds the customer's
  // emails, actions and plan rows written either way.
  for (const id of ['ＫＨ００１', 'KH–001']) {
    it(`finds everything about ${id}`, () => {
      const own = readCreditFile([
        { name: 'Customers', values: [['Customer ID', 'Name', 'Email', 'Credit Limit'], [id, 'Acme', 'a@example.com', 10000]] },
        { name: 'Invoices', values: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['INV-1', id, utc('2026-09-01'), utc('2026-09-30'), 5000]] },
      ] as never, { timeZone: 'UTC' });
      const cp = [...computePicture(own, asOf, { kpis: false }).customers.values()][0]!;
      expect(cp.customer.id).toBe(id);
      const log = [[...LOG_HEADERS], [utc('2026-10-20'), 'R1', 'INV-1|+1', 'INV-1', id, '+1', 'sent', '', 'a@example.com', 'Reminder']];
      const logged = readCollectionsLog([[...COLLECTIONS_LOG_HEADERS.en], [utc('2026-11-02'), id, 'Call', 'Says will pay', 'Promise', '', '', '', 'me']], 'UTC').actions;
      const pack = assembleEvidence({
        file: own, picture: cp, asOf, timeZone: 'UTC', language: 'en', reminderLog: log, actions: logged,
        plans: [['Customer ID', 'Type', 'Status'], [id, 'Promise', 'Broken']],
      });
      expect(pack.emails.map((e) => e.invoiceNo)).toEqual(['INV-1']);
      expect(pack.actions.map((a) => a.type)).toEqual(['call']);
      expect(pack.history.map((h) => h.source)).toEqual(['reminders', 'log']);
      expect(pack.plans).toMatchObject({ rows: [[id, 'Promise', 'Broken']], made: 1, broken: 1 });
      expect(pack.statement.closing).toBe(cp.openBalance);
    });
  }
});
