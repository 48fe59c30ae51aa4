import { readCustomers } from '../../../src/core/read/customers';
import { defaultSettings } from '../../../src/core/read/settings';
import type { Cell, Settings } from '../../../src/core/types';
import { customersSheet, dateCell, day, find, TZ, where } from './helpers';

function ctx(over: Partial<Settings> = {}, language: 'en' | 'zh' = 'en') {
  return { timeZone: TZ, language, settings: { ...defaultSettings(), ...over } };
}

describe('readCustomers', () => {
  test('a clean row', () => {
    const r = readCustomers(customersSheet([['C-001', 'Acme', 'ar@acme.com', 'cfo@acme.com', 'sales@us.com', 45, 100000, '', 'N']]), ctx());
    expect(r.problems).toEqual([]);
    expect(r.customers).toEqual([
      {
        id: 'C-001', key: 'C-001', row: 2, index: 0, name: 'Acme', emails: ['ar@acme.com'], cc: ['cfo@acme.com'], owner: 'sales@us.com',
        termsDays: 45, creditLimit: 10000000, currency: 'CNY', onHold: false, remindersPausedUntil: null,
        externalRating: null, customerSince: null, language: null,
      },
    ]);
  });

  test('IDs are trimmed and matched case-insensitively; a duplicate is a Problem and the later row ignored', () => {
    const r = readCustomers(customersSheet([['C-001', 'Acme'], ['c-001 ', 'Acme again'], [' C-002', 'Beta']]), ctx());
    expect(r.customers.map((c) => [c.id, c.key, c.name])).toEqual([['C-001', 'C-001', 'Acme'], ['C-002', 'C-002', 'Beta']]);
    expect(where(r.problems)).toEqual(['Customers!A3']);
    expect(r.problems[0]).toMatchObject({ header: 'Customer ID', value: 'c-001 ' });
    expect(r.problems[0]!.message).toBe('Customer ID c-001 already appears in row 2. Keep one row per customer; this row is ignored.');
  });

  test('a row without a required value is skipped with a Problem that says so', () => {
    const r = readCustomers(customersSheet([['', 'No ID'], ['C-003', '']]), ctx());
    expect(r.customers).toEqual([]);
    expect(where(r.problems)).toEqual(['Customers!A2', 'Customers!B3']);
    expect(r.problems[0]!.message).toBe('“Customer ID” is blank. Fill it in. This row is skipped until it is fixed.');
    expect(r.rejected.get('C-003')).toBe(3);
  });

  test('emails: each invalid address is a Problem, the valid ones kept; owner is one address', () => {
    const r = readCustomers(
      customersSheet([['C-1', 'A', 'a@b.com; not-an-email, c@d.cn', 'x@', 'o1@b.com, o2@b.com']]),
      ctx(),
    );
    const c = r.customers[0]!;
    expect(c.emails).toEqual(['a@b.com', 'c@d.cn']);
    expect(c.cc).toEqual([]);
    expect(c.owner).toBe('o1@b.com');
    expect(r.problems.map((p) => [p.column, p.value])).toEqual([
      ['C', 'not-an-email'],
      ['D', 'x@'],
      ['E', 'o1@b.com, o2@b.com'],
    ]);
    expect(r.problems[0]!.message).toContain('not-an-email');
  });

  test('terms: whole days 0..3650, units allowed, blank is null', () => {
    const r = readCustomers(
      customersSheet([['C-1', 'A', '', '', '', '30天'], ['C-2', 'B', '', '', '', 'Net 60'], ['C-3', 'C', '', '', '', 7.5], ['C-4', 'D', '', '', '', 4000], ['C-5', 'E', '', '', '', 'soon'], ['C-6', 'F']]),
      ctx(),
    );
    expect(r.customers.map((c) => c.termsDays)).toEqual([30, 60, null, null, null, null]);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [4, 'F', '“Terms (days)” must be a whole number.'],
      [5, 'F', '“Terms (days)” must be between 0 and 3650.'],
      [6, 'F', '“Terms (days)” is not a number. Write a number such as 30.'],
    ]);
  });

  test('credit limit: blank is no limit, 0 is cash only, negative is a Problem; converted to base', () => {
    const r = readCustomers(
      customersSheet([
        ['C-1', 'A', '', '', '', '', ''],
        ['C-2', 'B', '', '', '', '', 0],
        ['C-3', 'C', '', '', '', '', -5],
        ['C-4', 'D', '', '', '', '', '10,000', 'USD'],
        ['C-5', 'E', '', '', '', '', 1000, 'EUR'],
        ['C-6', 'F', '', '', '', '', 'USD 500', 'usd'],
      ]),
      ctx({ fxRates: { USD: 7.1 } }),
    );
    expect(r.customers.map((c) => [c.id, c.creditLimit, c.currency])).toEqual([
      ['C-1', null, 'CNY'],
      ['C-2', 0, 'CNY'],
      ['C-3', 0, 'CNY'], // negative: a Problem, and cash only until fixed
      ['C-4', 7100000, 'USD'],
      ['C-5', null, 'EUR'],
      ['C-6', 355000, 'USD'],
    ]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[4, 'G'], [6, 'G']]);
    expect(r.problems[1]!.message).toContain('no exchange rate for EUR');
  });

  test('bad currency: a Problem, and the customer is skipped (its limit and invoices would be read in the wrong currency)', () => {
    const r = readCustomers(customersSheet([['C-1', 'A', '', '', '', '', '', 'Dollars'], ['C-2', 'B', '', '', '', '', '', 'USD']]), ctx());
    expect(r.customers.map((c) => c.id)).toEqual(['C-2']);
    expect([...r.rejected.keys()]).toEqual(['C-1']);
    expect(where(r.problems)).toEqual(['Customers!H2']);
    expect(r.problems[0].message).toMatch(/skipped/);
  });

  test('terms with a unit before and after: "Net 30 days", "NET 45 DAYS", "net 30天"', () => {
    const r = readCustomers(customersSheet([['C-1', 'A', '', '', '', 'Net 30 days'], ['C-2', 'B', '', '', '', 'NET 45 DAYS'], ['C-3', 'C', '', '', '', 'net 30天']]), ctx());
    expect(r.customers.map((c) => c.termsDays)).toEqual([30, 45, 30]);
    expect(r.problems).toEqual([]);
  });

  test('optional columns: on hold, paused until, rating, since, language', () => {
    const headers = ['客户编号', '客户名称', '冻结', '暂停催收至', '外部评级', '合作开始日期', '语言'];
    const r = readCustomers(
      customersSheet(
        [
          ['C-1', 'A', '是', dateCell(2026, 4, 1), 85, '2019-05-01', '中文'],
          ['C-2', 'B', 'maybe', 'soon', 120, 'x', 'Klingon'],
        ],
        headers,
      ),
      ctx({}, 'zh'),
    );
    expect(r.customers[0]).toMatchObject({ onHold: true, remindersPausedUntil: day(2026, 4, 1), externalRating: 85, customerSince: day(2019, 5, 1), language: 'zh' });
    expect(r.customers[1]).toMatchObject({ onHold: true, remindersPausedUntil: null, externalRating: null, customerSince: null, language: null });
    expect(find(r.problems, 'Customers', 3).map((p) => p.column)).toEqual(['C', 'D', 'F', 'G', 'E']);
    expect(find(r.problems, 'Customers', 3, 'E')[0]!.message).toBe('“外部评级”必须在 0 到 100 之间。');
    expect(find(r.problems, 'Customers', 3, 'C')[0]!.message).toBe('“冻结”应填“是”或“否”（Y 或 N），留空表示否。修正之前，该客户按“冻结”处理。');
  });

  test('a header row repeated among the data is not read (no phantom customer), with one Problem on its row', () => {
    const r = readCustomers(customersSheet([['C-1', 'A'], ['客户编号 ', '客户名称', '邮箱'], ['C-2', 'B']], ['客户编号', '客户名称', '邮箱']), ctx());
    expect(r.customers.map((c) => c.id)).toEqual(['C-1', 'C-2']);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([[3, '', 'This row repeats the header row, so it is not read as data and nothing is written in it. Delete it if it is not needed.']]);
  });

  test('IDs that only look different (full-width, a zero-width space) are one customer: the later rows are duplicates', () => {
    const r = readCustomers(customersSheet([['C-1', 'A'], ['Ｃ－１', 'A'], ['C-1\u200b', 'A']]), ctx());
    expect(r.customers.map((c) => [c.id, c.key])).toEqual([['C-1', 'C-1']]);
    expect(where(r.problems)).toEqual(['Customers!A3', 'Customers!A4']);
    expect(r.problems[0]!.message).toBe('Customer ID Ｃ－１ already appears in row 2. Keep one row per customer; this row is ignored.');
  });

  test('On Hold fails safe: the column\'s own words and "yes - reason" are yes; an unreadable cell counts as held, with a Problem', () => {
    const rows = ['冻结', '暂停', 'Hold', 'Yes - legal', '是，法务处理中', '#N/A', 'maybe', '不冻结', 'No - paid', 'N', ''];
    const r = readCustomers(customersSheet(rows.map((v, i) => [`C-${i}`, 'A', '', '', '', '', '', '', v])), ctx());
    expect(r.customers.map((c) => c.onHold)).toEqual([true, true, true, true, true, true, true, false, false, false, false]);
    expect(where(r.problems)).toEqual(['Customers!I7', 'Customers!I8']);
    expect(r.problems[1]!.message).toBe('“On Hold” should be yes or no. Write Y or N (是 or 否), or leave it blank for no. Until it is fixed the customer counts as On Hold.');
  });

  test('Credit Limit fails safe: unreadable or a dash counts as 0 (cash only), with a Problem; blank is no limit', () => {
    const rows: Cell[] = ['#REF!', 'N/A', '无', true, '-', '—', ''];
    const r = readCustomers(customersSheet(rows.map((v, i) => [`C-${i}`, 'A', '', '', '', '', v])), ctx());
    expect(r.customers.map((c) => c.creditLimit)).toEqual([0, 0, 0, 0, 0, 0, null]);
    expect(where(r.problems)).toEqual(['Customers!G2', 'Customers!G3', 'Customers!G4', 'Customers!G5', 'Customers!G6', 'Customers!G7']);
    expect(r.problems[1]!.message).toMatch(/ Until it is fixed the credit limit counts as 0 \(cash only\)\. For no limit, leave the cell empty\.$/);
    expect(r.problems[4]!.message).toBe('“Credit Limit” holds a dash, which accounts often use for zero, so the credit limit counts as 0 (cash only). Write 0 for cash only, or leave the cell empty for no limit.');
  });

  test('a missing required column: one Problem on the header row, no rows read', () => {
    const r = readCustomers({ name: '客户', values: [[''], ['', ''], ['Name', 'Email'], ['Acme', 'a@b.com']] }, ctx());
    expect(r.customers).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ sheet: '客户', row: 3, column: '' });
    expect(r.problems[0]!.message).toContain('Customer ID');
  });

  test('the header row is the first non-empty row; blank rows are skipped', () => {
    const r = readCustomers({ name: 'Customers', values: [['', ''], ['', '  '], ['客户编号', '名称'], ['', ''], ['C-1', 'A']] }, ctx());
    expect(r.customers.map((c) => [c.id, c.row])).toEqual([['C-1', 5]]);
  });

  test('no sheet: a Problem, empty list', () => {
    const r = readCustomers(undefined, ctx());
    expect(r.customers).toEqual([]);
    expect(r.problems[0]).toMatchObject({ sheet: 'Customers', row: 0, column: '' });
  });
});

describe('readCustomers: units in the Credit Limit header', () => {
  const headers = ['Customer ID', 'Name', 'Credit Limit', 'Currency', 'Terms'];
  const read = (limitHeader: string, rows: Cell[][], over: Partial<Settings> = {}, termsHeader = 'Terms') =>
    readCustomers(customersSheet(rows, [...headers.slice(0, 2), limitHeader, headers[3]!, termsHeader]), ctx(over));

  test('信用额度（万元）: 50 is 500,000 yuan, exactly, from numbers and from text', () => {
    const r = read('信用额度（万元）', [['C-1', 'A', 50], ['C-2', 'B', 1.2345], ['C-3', 'C', '1.2345'], ['C-4', 'D', '¥0.5'], ['C-5', 'E', '']]);
    expect(r.problems).toEqual([]);
    expect(r.customers.map((c) => c.creditLimit)).toEqual([50_000_000, 1_234_500, 1_234_500, 500_000, null]);
  });

  test.each([
    ['Credit Limit (k)', 3],
    ["Credit Limit ('000)", 3],
    ['Credit Limit (in thousands)', 3],
    ['Credit Limit (millions)', 6],
    ['信用额度（千元）', 3],
    ['信用额度（百万元）', 6],
    ['信用额度（亿元）', 8],
    ['信用额度/万元', 4],
    ['信用额度（元）', 0],
  ])('%s scales by 10^%d', (header, scale) => {
    const r = read(header, [['C-1', 'A', 2]]);
    expect(r.problems).toEqual([]);
    expect(r.customers[0]!.creditLimit).toBe(2 * 10 ** (scale + 2));
  });

  test('more decimals than fen after scaling: rounded half away from zero, as any amount is', () => {
    const r = read('信用额度（万元）', [['C-1', 'A', 1.2345675], ['C-2', 'B', '1.2345674'], ['C-3', 'C', -0.0000005]]);
    expect(r.customers.map((c) => c.creditLimit)).toEqual([1_234_568, 1_234_567, 0]);
    expect(where(r.problems)).toEqual(['Customers!C4']); // a negative limit, as without a unit: cash only until fixed
  });

  test('a cell that writes its own 万 is read as written, not scaled twice', () => {
    const r = read('信用额度（万元）', [['C-1', 'A', '50万']]);
    expect(r.customers[0]!.creditLimit).toBe(50_000_000);
  });

  test('a header currency is the limit\'s when Currency is blank, converted with the FX rate', () => {
    const r = read('Credit Limit (USD \'000)', [['C-1', 'A', 10], ['C-2', 'B', 10, 'usd']], { fxRates: { USD: 7.1 } });
    expect(r.problems).toEqual([]);
    expect(r.customers.map((c) => [c.creditLimit, c.currency])).toEqual([[7_100_000, 'CNY'], [7_100_000, 'USD']]);
  });

  test('a header currency without a rate: the limit is not enforced, with a Problem', () => {
    const r = read('Credit Limit (USD)', [['C-1', 'A', 10]]);
    expect(r.customers[0]!.creditLimit).toBeNull();
    expect(r.problems[0]!.message).toMatch(/no exchange rate for USD/);
  });

  test('a Currency other than the header’s: the header says the limit’s currency, the Currency cell what the customer trades in', () => {
    const r = read('Credit Limit (USD)', [['C-1', 'A', 10, 'EUR']], { fxRates: { USD: 7, EUR: 8 } });
    expect(r.customers.map((c) => [c.id, c.creditLimit, c.currency])).toEqual([['C-1', 7000, 'EUR']]);
    expect(r.problems).toEqual([]);
  });

  test('the base currency, 元, RMB or ¥ in the header of a CNY file changes nothing', () => {
    for (const h of ['信用额度(CNY)', '信用额度(元)', '信用额度(RMB)', '信用额度(¥)', '信用额度（人民币）']) {
      const r = read(h, [['C-1', 'A', 100]]);
      expect([h, r.problems, r.customers[0]!.creditLimit]).toEqual([h, [], 10_000]);
    }
  });

  test('a scale on a column that is no amount ("Terms（万）") is not applied, and a Problem says so', () => {
    const r = read('Credit Limit', [['C-1', 'A', 100, '', 30]], {}, 'Terms（万）');
    expect(r.customers[0]!.termsDays).toBe(30);
    expect(where(r.problems)).toEqual(['Customers!E1']);
    expect(r.problems[0]!.message).toBe('The unit 万 in “Terms（万）” is not applied: only amounts (Credit Limit, Amount, Amount Paid) are read in 万, thousands or millions. The column is read as written.');
  });
});
