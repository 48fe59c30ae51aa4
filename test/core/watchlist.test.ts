import { computePicture } from '../../src/core/picture';
import { readSnapshot, snapshotOf, snapshotRows, SNAPSHOT_HEADER, type Snapshot, type SnapshotRow } from '../../src/core/watch';
import { isFastRise, watchList, watchOptionsOf } from '../../src/core/watchlist';
import { readWatchSettings } from '../../src/core/read/watchSettings';
import { watchLineText } from '../../src/i18n/dashboard';
import { readCreditFile } from '../../src/core/read';
import { customer, d, file, invoice, order } from './builders';

/**
 * As of 2026-03-31, hold threshold 60:
 *   C-1  limit 20,000.00, open 15,000.00 (due 2026-03-20: 11 dpd) + pending order 6,000.00 = 21,000.00: over limit, BLOCK
 *   C-2  no limit, open 8,000.00 due 2026-01-29: 61 dpd > 60: BLOCK (overdue hold)
 *   C-3  no limit, open 12,000.00 not yet due: OK, exposure 12,000.00
 *   C-4  on hold: BLOCK
 */
const asOf = d('2026-03-31');
const f = file({
  customers: [
    customer('C-1', { name: 'One', creditLimit: 2_000_000, owner: 'a@x.com' }),
    customer('C-2', { name: 'Two' }),
    customer('C-3', { name: 'Three' }),
    customer('C-4', { name: 'Four', onHold: true }),
  ],
  invoices: [
    invoice('I-1', 'C-1', '2026-02-18', 1_500_000, { due: '2026-03-20' }),
    invoice('I-2', 'C-2', '2025-12-30', 800_000, { due: '2026-01-29' }),
    invoice('I-3', 'C-3', '2026-03-20', 1_200_000, { due: '2026-04-19' }),
  ],
  orders: [order('O-1', 'C-1', 600_000)],
});
const picture = computePicture(f, asOf);
const now = snapshotOf(picture);

/** The current snapshot with some customers' rows changed: what the last run saw. */
function before(changes: Record<string, Partial<SnapshotRow>>): Snapshot {
  const snap: Snapshot = new Map([...now].map(([k, r]) => [k, { ...r }]));
  for (const [k, c] of Object.entries(changes)) Object.assign(snap.get(k)!, c);
  return snap;
}
const kinds = (snap: Snapshot, options = {}) => watchList(snap, picture, options).map((l) => `${l.customerId}:${l.kind}`);

describe('the picture used by the watch-list tests', () => {
  it('is as the comment says', () => {
    expect(picture.customers.get('C-1')!.exposure).toBe(2_100_000);
    expect(picture.customers.get('C-2')!.maxDaysPastDue).toBe(61);
    expect(now.get('C-1')).toMatchObject({ verdict: 'BLOCK', overLimit: true, limit: 2_000_000, maxDaysPastDue: 11 });
    expect(now.get('C-2')).toMatchObject({ verdict: 'BLOCK', overLimit: false, limit: null, maxDaysPastDue: 61 });
  });
});

describe('watchList: each kind triggered and not', () => {
  it('nothing when nothing changed', () => {
    expect(watchList(now, picture)).toEqual([]);
  });

  it('new BLOCK: was WARN or OK, now BLOCK (with the check text); not when it was BLOCK already', () => {
    const lines = watchList(before({ 'C-4': { verdict: 'OK' } }), picture);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ customerId: 'C-4', name: 'Four', kind: 'new-block', from: 'OK', to: 'BLOCK' });
    expect(lines[0].detail).toMatch(/^BLOCK: /);
    expect(kinds(before({ 'C-4': { verdict: 'BLOCK' } }))).toEqual([]);
  });

  it('over limit: was within, now over; not when over already or with no limit', () => {
    const lines = watchList(before({ 'C-1': { overLimit: false, exposure: 1_900_000 } }), picture);
    expect(lines.map((l) => l.kind)).toEqual(['over-limit']);
    expect(lines[0]).toMatchObject({ from: '19,000.00 CNY', to: '21,000.00 CNY', detail: '20,000.00 CNY', exposure: 2_100_000, limit: 2_000_000, owner: 'a@x.com' });
    expect(kinds(before({ 'C-3': { overLimit: false } }))).toEqual([]);
  });

  it('over limit because the limit was lowered: the line says how the limit changed', () => {
    const lines = watchList(before({ 'C-1': { overLimit: false, exposure: 2_100_000, limit: 10_000_000 } }), picture);
    expect(lines[0]).toMatchObject({ kind: 'over-limit', from: '21,000.00 CNY', to: '21,000.00 CNY', detail: '100,000.00 CNY → 20,000.00 CNY' });
  });

  it('overdue beyond the hold threshold: 60 → 61 days; not 59 → 60 nor 61 → 62', () => {
    expect(watchList(before({ 'C-2': { maxDaysPastDue: 60 } }), picture)).toEqual([
      expect.objectContaining({ customerId: 'C-2', kind: 'overdue-hold', from: '60', to: '61', detail: 'I-2' }),
    ]);
    const at60 = computePicture(f, asOf - 1);
    expect(watchList(before({ 'C-2': { maxDaysPastDue: 59 } }), at60).filter((l) => l.kind === 'overdue-hold')).toEqual([]);
    expect(kinds(before({ 'C-2': { maxDaysPastDue: 61 } }))).toEqual([]);
  });

  it('newly overdue: none past due at the last run, some now (C-1: 0 → 11 days); not when it was already, nor beside the hold line', () => {
    expect(watchList(before({ 'C-1': { maxDaysPastDue: 0 } }), picture)).toEqual([
      expect.objectContaining({ customerId: 'C-1', kind: 'new-overdue', from: '0', to: '11', detail: 'I-1' }),
    ]);
    expect(kinds(before({ 'C-1': { maxDaysPastDue: 5 } }))).toEqual([]);
    expect(kinds(before({ 'C-1': { maxDaysPastDue: undefined } }))).toEqual([]); // an old snapshot: no days then
    // C-2 went from none to 61 days at once: the hold line says it; no second line.
    expect(kinds(before({ 'C-2': { maxDaysPastDue: 0 } }))).toEqual(['C-2:overdue-hold']);
    const line = watchList(before({ 'C-1': { maxDaysPastDue: 0 } }), picture)[0];
    expect(watchLineText(line, 'en')).toBe('Newly overdue: One (C-1) invoice I-1 is 11 days past due');
    expect(watchLineText(line, 'zh')).toBe('新增逾期：One（C-1）发票 I-1 已逾期 11 天');
  });

  it('grade drop of one or more; not a rise', () => {
    const grade = picture.customers.get('C-3')!.grade;
    expect(grade).not.toBe('A');
    expect(kinds(before({ 'C-3': { grade: 'A' } }))).toEqual(['C-3:grade-drop']);
    expect(kinds(before({ 'C-3': { grade: 'D' } }))).toEqual([]); // a rise (or the same grade)
  });

  it('exposure rising fast: +50% and above the floor; not +49%, not below the floor', () => {
    // C-3: 12,000.00 now.
    expect(kinds(before({ 'C-3': { exposure: 800_000 } }))).toEqual(['C-3:exposure-rise']); // +50%
    const line = watchList(before({ 'C-3': { exposure: 800_000 } }), picture)[0];
    expect(line).toMatchObject({ from: '8,000.00 CNY', to: '12,000.00 CNY', detail: '+50%' });
    expect(kinds(before({ 'C-3': { exposure: 800_100 } }))).toEqual([]); // +49.98%
    expect(kinds(before({ 'C-3': { exposure: 0 } }))).toEqual(['C-3:exposure-rise']); // from nothing
    expect(kinds(before({ 'C-3': { exposure: 0 } }), { riseFloor: 1_200_001 })).toEqual([]); // below the floor
    expect(kinds(before({ 'C-3': { exposure: 700_000 } }), { risePercent: 80 })).toEqual([]); // +71% < 80%
    expect(isFastRise(100, 150, 50, 0)).toBe(true);
    expect(isFastRise(100, 149, 50, 0)).toBe(false);
    expect(isFastRise(100, 90, 50, 0)).toBe(false);
  });

  it('broken promise: from the plans input, whatever the snapshot', () => {
    const lines = watchList(new Map(), picture, { brokenPromises: [{ customerKey: 'c-3', promisedDay: d('2026-03-25'), detail: 'P-7' }] });
    expect(lines).toEqual([expect.objectContaining({ customerId: 'C-3', kind: 'broken-promise', from: '', to: '2026-03-25', detail: 'P-7' })]);
    expect(watchList(now, picture, { brokenPromises: [] })).toEqual([]);
  });

  it('customers new to the file, or a first run, make no line', () => {
    expect(watchList(new Map(), picture)).toEqual([]);
    const without = before({});
    without.delete('C-4');
    expect(kinds(without)).toEqual([]);
  });

  it('orders lines most severe first, then in Customers order', () => {
    const lines = watchList(before({
      'C-1': { verdict: 'WARN', overLimit: false, grade: 'A', exposure: 1_000_000 },
      'C-4': { verdict: 'OK' },
    }), picture);
    expect(lines.map((l) => `${l.customerId}:${l.kind}`)).toEqual([
      'C-1:new-block', 'C-4:new-block', 'C-1:over-limit',
      ...(picture.customers.get('C-1')!.grade !== 'A' ? ['C-1:grade-drop'] : []),
      'C-1:exposure-rise',
    ]);
  });
});

describe('the snapshot sheet', () => {
  it('round-trips the new columns', () => {
    const values = [SNAPSHOT_HEADER, ...snapshotRows(now)];
    expect(readSnapshot(values)).toEqual(now);
  });

  it('reads a five-column snapshot of an earlier version: no over-limit or overdue line from it', () => {
    const old = [SNAPSHOT_HEADER.slice(0, 5), ...snapshotRows(now).map((r) => r.slice(0, 5))];
    const snap = readSnapshot(old);
    expect(snap.get('C-1')).toEqual({ id: 'C-1', grade: now.get('C-1')!.grade, verdict: 'BLOCK', exposure: 2_100_000 });
    snap.get('C-1')!.exposure = 2_000_000;
    expect(kinds(snap)).toEqual([]);
  });
});

describe('watchOptionsOf', () => {
  it('reads the Settings keys in English or Chinese, with units; defaults otherwise', () => {
    expect(watchOptionsOf(undefined, 'CNY')).toEqual({ risePercent: 50, riseFloor: 1_000_000 });
    expect(watchOptionsOf({ 'Watch Exposure Rise (%)': '80%', 'Watch Exposure Floor': '5,000' }, 'CNY')).toEqual({ risePercent: 80, riseFloor: 500_000 });
    expect(watchOptionsOf({ '预警敞口增幅(%)': '30', '预警敞口下限': '2000元' }, 'JPY')).toEqual({ risePercent: 30, riseFloor: 2000 });
    expect(watchOptionsOf({ 'watch exposure rise': 'lots' }, 'CNY').risePercent).toBe(50);
  });
});

describe('readWatchSettings', () => {
  it('reads a fraction (the 0.5 a cell formatted 50% holds) as that share, 1 and more as percents', () => {
    expect(readWatchSettings({ 'Watch Exposure Rise (%)': '0.5' }, 'CNY').settings.risePercent).toBe(50);
    expect(readWatchSettings({ 'Watch Exposure Rise (%)': '0.25' }, 'CNY').settings.risePercent).toBe(25);
    expect(readWatchSettings({ 'Watch Exposure Rise (%)': '1' }, 'CNY').settings.risePercent).toBe(1);
    expect(readWatchSettings({ 'Watch Exposure Rise (%)': '50%' }, 'CNY').settings.risePercent).toBe(50);
  });

  it('reports a value it cannot read, in the file language, and keeps the default', () => {
    const en = readWatchSettings({ 'Watch Exposure Rise (%)': '#N/A', 'Watch Exposure Floor': 'fifty' }, 'CNY', 'en', 'Settings');
    expect(en.settings).toEqual({ risePercent: 50, riseFloor: 1_000_000 });
    expect(en.problems.map((p) => [p.sheet, p.header, p.value])).toEqual([['Settings', 'Watch Exposure Rise (%)', '#N/A'], ['Settings', 'Watch Exposure Floor', 'fifty']]);
    expect(en.problems[0].message).toMatch(/a percentage above 0.*50%/);
    const zh = readWatchSettings({ '预警敞口增幅(%)': '-5' }, 'CNY', 'zh', '设置');
    expect(zh.problems[0].message).toMatch(/大于 0 的百分比/);
    expect(readWatchSettings({ 'Watch Exposure Rise (%)': '' }, 'CNY').problems).toEqual([]);
  });

  it('puts those Problems among the file\'s, so the Problems sheet lists them', () => {
    const file = readCreditFile([{ name: 'Settings', values: [['Setting', 'Value'], ['Watch Exposure Rise (%)', 'lots']] }], { timeZone: 'Asia/Shanghai', language: 'en' });
    expect(file.problems.some((p) => p.sheet === 'Settings' && p.header === 'Watch Exposure Rise (%)' && p.value === 'lots')).toBe(true);
  });

  it('reads a Settings cell holding the number 0.5 (typed 50% in Sheets) as 50%', () => {
    const file = readCreditFile([{ name: 'Settings', values: [['Setting', 'Value'], ['Watch Exposure Rise (%)', 0.5]] }], { timeZone: 'Asia/Shanghai', language: 'en' });
    expect(watchOptionsOf(file.settingsExtra, 'CNY').risePercent).toBe(50);
    expect(file.problems.filter((p) => p.sheet === 'Settings')).toEqual([]);
  });
});
