/**
 * The report sheets in the built bundle, in the emulator: Aging Report, Credit Scores and
 * Problems, on both fixtures, checked against the hand-computed figures of englishFixture().
 */
import { join } from 'node:path';
import { createEnvironment, type Environment } from '../../emulator';
import { EXPECTED_PROBLEMS } from '../../examples/generate';
import { ROOT } from '../helpers/bundle';
import { sh, tinyEnvironment } from '../helpers/tiny';

const ENGLISH = join(ROOT, 'test/fixtures/english.xlsx');
const CHINESE = join(ROOT, 'test/fixtures/chinese-messy.xlsx');
const NOW = new Date('2026-11-20T09:00:00+08:00');
const OWNER = 'owner@example.com';

async function withFixture(path: string, locale = 'en_US'): Promise<Environment> {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', locale, now: NOW, owner: OWNER });
  await env.loadXlsx(path);
  return env;
}

function run(env: Environment, name: string) {
  return env.execution({ authMode: 'FULL' }).call(name) as { sheet: string; language: string; rows: number; message: string };
}

/** As of 2026-11-20 (examples/generate.ts, englishFixture's table): ID → Current, 1-30, 31-60, 61-90, 91+, total, unapplied, balance. */
const AGING: Record<string, number[]> = {
  'C-004': [7500, 8000, 9000, 0, 0, 24500, 0, 24500],
  'C-006': [0, 3000, 0, 4500, 5000, 12500, 0, 12500],
  'C-002': [4000, 0, 7800, 0, 0, 11800, 0, 11800],
  'C-001': [5400, 0, 0, 0, 0, 5400, 0, 5400],
  'C-003': [0, 0, 0, 0, 0, 0, 800, -800],
};
const TOTALS = [16900, 11000, 16800, 4500, 5000, 54200, 800, 53400];

describe.each([
  ['English fixture', ENGLISH, 'en_US', 'Aging Report', ['Customer', 'Customer ID'], 'Total', 'Current', 'Reading…'],
  ['Chinese messy fixture', CHINESE, 'zh_CN', '账龄报告', ['客户名称', '客户编号'], '合计', '未到期', '正在读取…'],
] as const)('Aging Report on the %s', (_label, path, locale, sheetName, firstHeaders, totalWord, currentWord, readingWord) => {
  let env: Environment;
  beforeAll(async () => {
    env = await withFixture(path, locale);
    run(env, 'showAgingReport');
  });

  it('writes the as-of date, one row per customer with a balance, largest first, and totals', () => {
    const s = env.spreadsheet.sheet(sheetName);
    const v = s.values();
    expect(v[0][1]).toEqual(new Date('2026-11-19T16:00:00Z')); // 2026-11-20 in Shanghai
    expect(s.numberFormats('B1')[0][0]).toBe('yyyy-mm-dd');
    expect(v[2]).toEqual([...firstHeaders, currentWord, '1-30', '31-60', '61-90', '91+', expect.any(String), expect.any(String), expect.any(String)]);
    // The basis the buckets count is said in the first row.
    expect(v[0].slice(4, 6)).toEqual(locale === 'zh_CN' ? ['账龄基准', '逾期天数（按到期日）'] : ['Aging basis', 'days past the due date']);
    const rows = v.slice(3, 8);
    // IDs as written, trimmed (the messy file has 'c-002').
    const ids = rows.map((r) => String(r[1]).toUpperCase());
    expect(ids).toEqual(['C-004', 'C-006', 'C-002', 'C-001', 'C-003']);
    rows.forEach((r, i) => expect({ id: ids[i], figures: r.slice(2) }).toEqual({ id: ids[i], figures: AGING[ids[i]] }));
    expect(v[8]).toEqual([totalWord, '', ...TOTALS]);
    expect(v).toHaveLength(9);
    expect(s.numberFormats('C4:J9').flat().every((f) => f === '#,##0.00')).toBe(true);
    expect(s.fontWeights('A3:J3')[0].every((w) => w === 'bold')).toBe(true);
    expect(s.frozenRows).toBe(3);
  });

  it('draws one stacked bar chart over the top customers\' buckets, replaced on rerun', () => {
    const quoted = `'${sheetName}'`;
    const expected = { type: 'BAR', ranges: [`${quoted}!A3:A8`, `${quoted}!C3:G8`], options: expect.objectContaining({ isStacked: true }) };
    expect(env.spreadsheet.sheet(sheetName).charts()).toEqual([expect.objectContaining(expected)]);
    run(env, 'showAgingReport');
    expect(env.spreadsheet.sheet(sheetName).charts()).toEqual([expect.objectContaining(expected)]);
    expect(env.spreadsheet.sheet(sheetName).values()).toHaveLength(9);
  });

  it('shows progress in toasts', () => {
    const messages = env.ui.toasts.map((t) => t.message);
    // The first toast, before the file's language is known, is in the user's language only.
    expect(messages[0]).toBe(readingWord);
    expect(messages.some((m) => /Computing…|正在计算…/.test(m))).toBe(true);
    expect(messages.some((m) => /Writing…|正在写入…/.test(m))).toBe(true);
  });
});

describe.each([
  ['English fixture', ENGLISH, 'en_US', 'Credit Scores', 'Score'],
  ['Chinese messy fixture', CHINESE, 'zh_CN', '信用评分', '评分'],
] as const)('Credit Scores on the %s', (_label, path, locale, sheetName, scoreWord) => {
  it('writes one row per customer: score, grade A-D, one column per factor, recommendation', async () => {
    const env = await withFixture(path, locale);
    const r = run(env, 'showCreditScores');
    expect(r.sheet).toBe(sheetName);
    const v = env.spreadsheet.sheet(sheetName).values();
    const header = v[2];
    expect(header[2]).toBe(scoreWord);
    expect(header).toHaveLength(16); // name, ID, score, grade, 8 factors (promises last), limit, recommended limit, terms, prepayment
    const rows = v.slice(3);
    expect(rows.map((x) => String(x[1]).toUpperCase())).toEqual(['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006']);
    for (const row of rows) {
      expect(typeof row[2]).toBe('number');
      expect(row[2]).toBeGreaterThanOrEqual(0);
      expect(row[2]).toBeLessThanOrEqual(100);
      expect(['A', 'B', 'C', 'D']).toContain(row[3]);
      expect(row.slice(4, 12).every((p) => typeof p === 'number')).toBe(true);
      expect(row[11]).toBe(0); // no Plans sheet: no broken promise
      expect(row[4]).toBe(70); // the starting point
    }
    // Held Ltd: on hold, 93 days past due: grade D and prepayment.
    const held = rows.find((x) => x[1] === 'C-006')!;
    expect(held[3]).toBe('D');
    expect(held[15]).toBe(locale === 'zh_CN' ? '是' : 'Yes');
    // The prompt payer grades A.
    expect(rows.find((x) => x[1] === 'C-001')![3]).toBe('A');
  });
});

describe('Aging Report on the invoice-date basis', () => {
  it('says so in its first row, and its first bucket is the day of the invoice, not "not yet due"', async () => {
    for (const [path, locale, sheetName, sameDay, basisText, settingValue] of [
      [ENGLISH, 'en_US', 'Aging Report', '0', 'days since the invoice date', 'Invoice Date'],
      [CHINESE, 'zh_CN', '账龄报告', '当日', '开票后天数（按开票日）', '开票日期'],
    ] as const) {
      const env = await withFixture(path, locale);
      const settings = env.spreadsheet.sheetNames().find((n) => n === 'Settings' || n === '设置')!;
      const st = env.spreadsheet.sheet(settings);
      st.setValues([[locale === 'zh_CN' ? '账龄口径' : 'Aging Basis', settingValue]], `A${st.lastRow() + 1}`);
      run(env, 'showAgingReport');
      const v = env.spreadsheet.sheet(sheetName).values();
      expect(v[0][5]).toBe(basisText);
      expect(v[2][2]).toBe(sameDay);
      // The statement and the sidebar head that bucket the same way.
      const stmt = env.execution({ authMode: 'FULL' }).call('getStatement', 'C-002', '', '') as { aging: { labels: string[] } };
      expect(stmt.aging.labels[0]).toBe('0');
      const card = env.execution({ authMode: 'FULL' }).call('getCustomerCard', 'C-002') as { aging: { labels: string[] } };
      expect(card.aging.labels[0]).toBe('0');
    }
  });
});

describe('Problems on the Chinese messy fixture', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await withFixture(CHINESE, 'zh_CN');
    run(env, 'showProblems');
  });

  it('lists every expected problem with a link formula to its cell', () => {
    const s = env.spreadsheet.sheet('数据问题');
    const v = s.values();
    const f = s.formulas();
    expect(v[0]).toEqual(['工作表', '行', '列', '表头', '值', '问题', '链接']);
    const gid = env.spreadsheet.sheet('应收账款').id;
    for (const p of EXPECTED_PROBLEMS) {
      const i = v.findIndex((r) => r[0] === p.sheet && r[1] === p.row && r[2] === p.column);
      expect({ problem: p.why, found: i > 0 }).toEqual({ problem: p.why, found: true });
      expect(v[i][5]).not.toBe('');
      expect(f[i][6]).toBe(`=HYPERLINK("#gid=${gid}&range=${p.column}${p.row}", "转到 ${p.sheet}!${p.column}${p.row}")`);
    }
    expect(f.slice(1).every((r) => r.slice(0, 6).every((x) => x === ''))).toBe(true);
  });
});

describe('Problems on the English fixture', () => {
  it('says there is none', async () => {
    const env = await withFixture(ENGLISH);
    const r = run(env, 'showProblems');
    expect(r.rows).toBe(0);
    expect(env.spreadsheet.sheet('Problems').values()).toEqual([
      ['Sheet', 'Row', 'Column', 'Header', 'Value', 'Problem', 'Link'],
      ['No problems found.', '', '', '', '', '', ''],
    ]);
  });
});

describe('a year typed wrong', () => {
  it('an invoice and a payment dated 2062 (meant 2026) are listed in Problems, as far past today', () => {
    const env = tinyEnvironment({
      Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['I-1', 'C-1', sh('2062-08-01'), '', 150000]],
      Payments: [['Payment Date', 'Customer ID', 'Amount'], [sh('2062-09-01'), 'C-1', 5000]],
    });
    run(env, 'showProblems');
    const v = env.spreadsheet.sheet('Problems').values().slice(1);
    expect(v.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([['Invoices', 2, 'C', '2062-08-01'], ['Payments', 2, 'A', '2062-09-01']]);
    expect(String(v[0][5])).toMatch(/more than a year after today \(2026-11-20\)/);
  });
});

describe('a cell of 50,000 characters (the most Sheets holds)', () => {
  it('is written into a report cut to fit, and the report is written', async () => {
    const env = await withFixture(ENGLISH);
    env.spreadsheet.sheet('Customers').setValue('B2', 'N'.repeat(50_000));
    run(env, 'showAgingReport');
    const v = env.spreadsheet.sheet('Aging Report').values();
    const name = String(v.find((r) => r[1] === 'C-001')?.[0]);
    expect(name.length).toBe(49_999);
    expect(name.endsWith('N…')).toBe(true);
  });
});

describe('text from users never becomes a formula', () => {
  const EVIL = '=HYPERLINK("http://x","y")';

  async function evilEnv(): Promise<Environment> {
    const env = await withFixture(ENGLISH);
    const c = env.spreadsheet.sheet('Customers');
    c.setValue('B2', `'${EVIL}`); // typed as text by the user
    expect(c.values('B2')[0][0]).toBe(EVIL);
    // A bad cell whose value is formula-like text, on a sheet whose name has a quote in it.
    const inv = env.spreadsheet.sheet('Invoices');
    inv.name = '"Invoices"';
    inv.setValue('E2', "'=1+1");
    return env;
  }

  it('in the aging and score reports', async () => {
    const env = await evilEnv();
    run(env, 'showAgingReport');
    run(env, 'showCreditScores');
    for (const name of ['Aging Report', 'Credit Scores']) {
      const s = env.spreadsheet.sheet(name);
      const v = s.values();
      const i = v.findIndex((r) => r[1] === 'C-001');
      expect(v[i][0]).toBe(EVIL);
      expect(s.formulas().flat().every((x) => x === '')).toBe(true);
    }
  });

  it('in the problems report: values stay text, the link label is escaped', async () => {
    const env = await evilEnv();
    run(env, 'showProblems');
    const s = env.spreadsheet.sheet('Problems');
    const v = s.values();
    const f = s.formulas();
    const i = v.findIndex((r) => r[0] === '"Invoices"' && r[1] === 2);
    expect(i).toBeGreaterThan(0);
    expect(v[i][4]).toBe('=1+1');
    expect(f[i].slice(0, 6)).toEqual(['', '', '', '', '', '']);
    const gid = env.spreadsheet.sheet('"Invoices"').id;
    expect(f[i][6]).toBe(`=HYPERLINK("#gid=${gid}&range=E2", "Go to ""Invoices""!E2")`);
  });
});
