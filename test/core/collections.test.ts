import {
  dueActions, mergeHistory, openNextActions, parseActionType, readCollectionsLog, reminderActions, validateAction,
  type ValidationContext,
} from '../../src/core/collections';
import { LOG_HEADERS, LOG_HEADERS_ZH } from '../../src/core/reminders/log';
import { COLLECTIONS_LOG_HEADERS } from '../../src/i18n/collections';
import { d } from './builders';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('reading the Collections Log', () => {
  it('reads English and Chinese headers, type words in either language, dates as cells or text', () => {
    const en = readCollectionsLog([
      [...COLLECTIONS_LOG_HEADERS.en],
      [utc('2026-11-10'), 'C-001', 'Call', 'Spoke to AP', 'Will pay Friday', 'Check payment', utc('2026-11-14'), 'li.wei@example.com', 'me@example.com'],
      [utc('2026-11-11'), 'c-002 ', '律师函', 'Sent', '', '', '', '', ''],
      ['', '', 'Note', 'no customer: skipped', '', '', '', '', ''],
      ['2026/11/12', 'C-003', 'something else', 'x', '', 'Visit', 'not a date', '', ''],
    ], 'UTC');
    expect(en.actions.map((a) => [a.customerKey, a.type, a.day, a.nextActionDate])).toEqual([
      ['C-001', 'call', d('2026-11-10'), d('2026-11-14')],
      ['C-002', 'legal', d('2026-11-11'), null],
      ['C-003', 'note', d('2026-11-12'), null],
    ]);
    expect(en.problems).toEqual([{ row: 5, field: 'nextActionDate', value: 'not a date' }]);

    const zh = readCollectionsLog([
      [],
      ['客户编号', '日期', '类型', '摘要', '下一步', '下一步日期', '负责人'],
      ['C-001', '2026-11-10', '电话', '已通话', '上门', '2026-11-20', 'zhang@example.com'],
    ], 'Asia/Shanghai');
    expect(zh.actions[0]).toMatchObject({ row: 3, customerId: 'C-001', type: 'call', summary: '已通话', nextAction: '上门', nextActionDate: d('2026-11-20'), owner: 'zhang@example.com' });
  });

  it('never throws on junk', () => {
    for (const junk of [null, 'x', [], [[]], [['Date']], [[1, 2], null, 'row']]) expect(() => readCollectionsLog(junk, 'UTC')).not.toThrow();
  });

  it('parses every type word', () => {
    expect(['reminder', 'Call', '电话', 'Letter', '催款函', 'visit', '上门拜访', 'Dispute', '争议', 'legal', '诉讼', 'Promise', '承诺付款', 'note', '备注'].map(parseActionType))
      .toEqual(['reminder', 'call', 'call', 'letter', 'letter', 'visit', 'visit', 'dispute', 'dispute', 'legal', 'legal', 'promise', 'promise', 'note', 'note']);
    expect(parseActionType('fax')).toBeNull();
  });
});

describe('the Reminder Log as actions', () => {
  const log = [
    [...LOG_HEADERS],
    [utc('2026-11-01'), 'R1', 'INV-1|+15', 'INV-1', 'C-001', '+15', 'sent', '', 'a@x.com', 'Overdue'],
    [utc('2026-11-01'), 'R1', 'INV-2|+15', 'INV-2', 'C-001', '+15', 'sent', '', 'a@x.com', 'Overdue'],
    [utc('2026-11-01'), 'R1', 'INV-3|+15', 'INV-3', 'C-002', '+15', 'skipped', 'paused', '', ''],
    [utc('2026-11-02'), 'R2', 'INV-4|+1', 'INV-4', 'C-002', '+1', 'failed', 'boom', '', ''],
    [utc('2026-12-01'), 'S1', 'STMT|C-001|2026-11', '', 'C-001', 'statement', 'sent', '', 'a@x.com', 'Statement'],
  ];
  it('one action per email sent, statements named by their month', () => {
    const a = reminderActions(log, 'UTC', 'en');
    expect(a.map((x) => [x.customerKey, x.day, x.type, x.summary])).toEqual([
      ['C-001', d('2026-11-01'), 'reminder', 'Reminder +15 emailed for INV-1, INV-2'],
      ['C-001', d('2026-12-01'), 'reminder', 'Statement of account 2026-11 emailed'],
    ]);
    const zh = reminderActions([[...LOG_HEADERS_ZH], ...log.slice(1)], 'UTC', 'zh');
    expect(zh[1].summary).toBe('已发送对账单 2026-11');
  });

  it("keys actions of either log by the reader's folded customer key (full-width, dashes, invisible characters)", () => {
    const folded = reminderActions([
      [...LOG_HEADERS],
      [utc('2026-11-01'), 'R1', 'INV-1|+15', 'INV-1', 'ＫＨ００１', '+15', 'sent', '', 'a@x.com', 'Overdue'],
      [utc('2026-11-01'), 'R1', 'INV-2|+15', 'INV-2', 'KH001', '+15', 'sent', '', 'a@x.com', 'Overdue'],
      [utc('2026-11-02'), 'R2', 'INV-3|+15', 'INV-3', 'KH–002', '+15', 'sent', '', 'b@x.com', 'Overdue'],
    ], 'UTC', 'en');
    expect(folded.map((x) => [x.customerKey, x.summary])).toEqual([
      ['KH001', 'Reminder +15 emailed for INV-1, INV-2'], // one email: the lines of the run name one customer
      ['KH-002', 'Reminder +15 emailed for INV-3'],
    ]);
    const logged = readCollectionsLog([
      [...COLLECTIONS_LOG_HEADERS.en],
      [utc('2026-11-15'), 'ＫＨ００１', 'Call', 'x', '', '', '', '', ''],
      [utc('2026-11-15'), 'KH\u2013002\u200b', 'Call', 'x', '', '', '', '', ''],
    ], 'UTC').actions;
    expect(logged.map((x) => [x.customerId, x.customerKey])).toEqual([['ＫＨ００１', 'KH001'], ['KH\u2013002\u200b', 'KH-002']]);
  });

  it('merges with logged actions in date order', () => {
    const logged = readCollectionsLog([[...COLLECTIONS_LOG_HEADERS.en], [utc('2026-11-15'), 'C-001', 'Call', 'x', '', '', '', '', '']], 'UTC').actions;
    const all = mergeHistory(logged, reminderActions(log, 'UTC', 'en'));
    expect(all.map((x) => [x.source, x.day])).toEqual([['reminders', d('2026-11-01')], ['log', d('2026-11-15')], ['reminders', d('2026-12-01')]]);
  });
});

describe('next actions due', () => {
  const rows = [
    [...COLLECTIONS_LOG_HEADERS.en],
    [utc('2026-11-01'), 'C-001', 'Call', 'first', '', 'Call back', utc('2026-11-05'), 'li@x.com', ''],
    [utc('2026-11-06'), 'C-001', 'Call', 'called back', '', 'Visit', utc('2026-11-25'), 'li@x.com', ''],
    [utc('2026-11-02'), 'C-002', 'Letter', 'sent', '', 'Check reply', utc('2026-11-20'), 'LI@x.com', ''],
    [utc('2026-11-03'), 'C-003', 'Promise', 'will pay', '', 'Check payment', utc('2026-11-10'), 'zhang@x.com', ''],
    [utc('2026-11-04'), 'C-004', 'Call', 'no next step', '', '', '', 'zhang@x.com', ''],
    [utc('2026-11-01'), 'C-005', 'Call', 'x', '', 'Call', utc('2026-11-08'), 'zhang@x.com', ''],
    [utc('2026-11-09'), 'C-005', 'Note', 'paid, closed', '', '', '', 'zhang@x.com', ''],
  ];
  const actions = readCollectionsLog(rows, 'UTC').actions;

  it('only the latest logged action of a customer carries its open next action', () => {
    expect([...openNextActions(actions).keys()].sort()).toEqual(['C-001', 'C-002', 'C-003']);
    expect(openNextActions(actions).get('C-001')!.nextAction).toBe('Visit');
  });

  it('due today or overdue, per owner without case, or everyone', () => {
    const today = d('2026-11-20');
    expect(dueActions(actions, today).map((i) => [i.action.customerKey, i.daysOverdue])).toEqual([['C-002', 0], ['C-003', 10]]);
    expect(dueActions(actions, today, 'li@X.com').map((i) => i.action.customerKey)).toEqual(['C-002']);
    expect(dueActions(actions, today, 'nobody@x.com')).toEqual([]);
    // By owner (without case), then date.
    expect(dueActions(actions, d('2026-11-25'), null).map((i) => i.action.customerKey)).toEqual(['C-002', 'C-001', 'C-003']);
  });
});

describe('validating a logged action', () => {
  const ctx: ValidationContext = {
    today: d('2026-11-20'),
    customers: new Map([
      ['C-001', { id: 'C-001', key: 'C-001', owner: 'li.wei@example.com' }],
      ['C-002', { id: 'C-002', key: 'C-002', owner: '' }],
    ]),
    user: 'me@example.com',
    language: 'en',
  };

  it('accepts a good entry and fills the defaults', () => {
    const r = validateAction({ customerId: ' c-001 ', type: '电话', summary: 'Spoke to AP', nextAction: 'Call back', nextActionDate: '2026-11-25' }, ctx);
    expect(r).toEqual({
      ok: true,
      action: {
        day: d('2026-11-20'), customerId: 'C-001', customerKey: 'C-001', type: 'call', summary: 'Spoke to AP', outcome: '',
        nextAction: 'Call back', nextActionDate: d('2026-11-25'), owner: 'li.wei@example.com', loggedBy: 'me@example.com',
      },
    });
    const own = validateAction({ customerId: 'C-002', type: 'note', summary: 'x', date: '2026-11-01' }, ctx);
    expect(own.ok && own.action.owner).toBe('me@example.com');
    expect(own.ok && own.action.day).toBe(d('2026-11-01'));
  });

  it('returns every field error, in the language asked', () => {
    const r = validateAction({ customerId: 'C-404', type: 'fax', summary: '', nextAction: 'Visit', nextActionDate: '2026-02-30', owner: 'not mail', date: '2026-12-01' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['customerId', 'date', 'nextActionDate', 'owner', 'summary', 'type']);
    expect(r.errors.nextActionDate).toBe('Write the date as YYYY-MM-DD, e.g. 2026-11-20.');
    expect(r.errors.customerId).toBe('No customer with this ID in the Customers sheet.');
    expect(r.errors.date).toBe('An action cannot be logged for a day after today.');
    const zh = validateAction({ customerId: 'C-001', type: 'call', summary: 'x', nextAction: 'Visit' }, { ...ctx, language: 'zh' });
    expect(zh).toEqual({ ok: false, errors: { nextActionDate: '请填写下一步的日期。' } });
  });

  it('finds a customer whose ID is written full-width or with a dash, by its folded key', () => {
    const folded: ValidationContext = { ...ctx, customers: new Map([['KH001', { id: 'ＫＨ００１', key: 'KH001', owner: '' }], ['KH-002', { id: 'KH–002', key: 'KH-002', owner: '' }]]) };
    for (const [typed, key] of [['ＫＨ００１', 'KH001'], ['kh001', 'KH001'], ['KH–002', 'KH-002'], ['ＫＨ－００２', 'KH-002']]) {
      expect(validateAction({ customerId: typed, type: 'call', summary: 'x' }, folded)).toMatchObject({ ok: true, action: { customerKey: key } });
    }
  });

  it('cross-field rules and hostile input', () => {
    const base = { customerId: 'C-001', type: 'call', summary: 'x' };
    expect(validateAction({ ...base, nextActionDate: '2026-11-25' }, ctx)).toMatchObject({ ok: false, errors: { nextAction: expect.any(String) } });
    expect(validateAction({ ...base, nextAction: 'a', nextActionDate: '2026-11-01', date: '2026-11-10' }, ctx)).toMatchObject({ ok: false, errors: { nextActionDate: 'The next action date cannot be before the action itself.' } });
    expect(validateAction({ ...base, summary: 'y'.repeat(1001) }, ctx)).toMatchObject({ ok: false, errors: { summary: 'Too long: at most 1000 characters.' } });
    expect(validateAction({ ...base, summary: 42 }, ctx)).toMatchObject({ ok: false, errors: { summary: 'Expected text.' } });
    for (const junk of [null, 'x', 3, [], undefined]) expect(validateAction(junk, ctx)).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
    const formula = validateAction({ ...base, summary: '=IMPORTXML("http://evil")' }, ctx);
    expect(formula.ok && formula.action.summary).toBe('=IMPORTXML("http://evil")'); // kept as text; the sheet writer keeps it literal
  });
});
