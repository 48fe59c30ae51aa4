import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  EXPECTED_PROBLEMS,
  HEADERS,
  MONEY_HEADERS,
  benchCreditFile,
  chineseMessyFixture,
  columnLetter,
  dayOf,
  englishFixture,
  isoOf,
  sampleCreditFile,
  sheetsSerial,
  type Cell,
  type CreditWorkbook,
  type Grid,
} from '../../examples/generate';

const ROOT = resolve(__dirname, '../..');
const AS_OF = '2026-11-20';
const asOf = dayOf(AS_OF);
const dayOfDate = (v: Cell): number => (v as Date).getTime() / 86_400_000;
const key = (v: Cell): string => String(v).trim().toUpperCase();
const body = (g: Grid): Grid => g.slice(1);
const col = (g: Grid, header: string): number => {
  const i = g[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};
const hasHan = (s: Cell): boolean => /[\u4e00-\u9fff]/.test(String(s));

const sample = sampleCreditFile({ asOf: AS_OF });
const english = englishFixture();
const messy = chineseMessyFixture();

describe('determinism', () => {
  it('gives the same grids every time', () => {
    expect(sampleCreditFile({ asOf: AS_OF })).toEqual(sample);
    expect(englishFixture()).toEqual(english);
    expect(chineseMessyFixture()).toEqual(messy);
    const opts = { customers: 200, invoices: 2000, payments: 1500, asOf: AS_OF };
    expect(benchCreditFile(opts)).toEqual(benchCreditFile(opts));
  });

  it('moves with the as-of day and the seed, not the clock', () => {
    const later = sampleCreditFile({ asOf: '2026-12-20' });
    const shift = (g: Grid, c: number) => body(g).map((r) => dayOfDate(r[c]));
    expect(shift(later.Invoices, 2)).toEqual(shift(sample.Invoices, 2).map((x) => x + 30));
    expect(sampleCreditFile({ asOf: AS_OF, seed: 1 })).not.toEqual(sample);
  });
});

describe('shape', () => {
  it('has the contract sheets and English headers', () => {
    for (const book of [sample, english]) {
      expect(Object.keys(book)).toEqual(['Customers', 'Invoices', 'Payments', 'Orders', 'Settings']);
      for (const [name, headers] of Object.entries(HEADERS)) expect(book[name][0]).toEqual([...headers]);
    }
    expect(Object.keys(benchCreditFile({ customers: 10, invoices: 50, payments: 20 }))).toEqual(Object.keys(sample));
  });

  it('has the Chinese sheet names and aliases in the messy fixture', () => {
    expect(Object.keys(messy)).toEqual(['客户档案', '应收账款', '回款', '订单', '设置']);
    expect(messy['客户档案'][0]).toEqual(expect.arrayContaining(['客户编号', '客户名称', '邮箱', '抄送', '负责人', '账期(天)', '信用额度', '冻结', '暂停催收至', '合作开始日期']));
    expect(messy['应收账款'][0]).toEqual(expect.arrayContaining(['发票号', '客户编号', '开票日期', '到期日', '金额', '已付金额', '付款日期', '状态', '争议']));
    expect(messy['回款'][1]).toEqual(expect.arrayContaining(['收款日期', '客户编号', '收款金额', '发票号']));
    expect(messy['订单'][0]).toEqual(['订单号', '客户编号', '下单日期', '金额', '状态', '信用检查']);
    // Unknown columns between known ones, and a blank row above the Payments header.
    expect(messy['客户档案'][0].indexOf('地区')).toBe(2);
    expect(messy['应收账款'][0].indexOf('备注')).toBe(2);
    expect(messy['回款'][0].every((c) => c === '')).toBe(true);
  });

  it('has row counts in range, and rectangular grids', () => {
    expect(body(sample.Customers).length).toBeGreaterThanOrEqual(35);
    expect(body(sample.Customers).length).toBeLessThanOrEqual(45);
    expect(body(sample.Invoices).length).toBeGreaterThanOrEqual(600);
    expect(body(sample.Invoices).length).toBeLessThanOrEqual(900);
    expect(body(sample.Orders).length).toBe(15);
    expect(body(english.Customers).length).toBe(6);
    expect(body(english.Invoices).length).toBeGreaterThanOrEqual(18);
    expect(body(english.Invoices).length).toBeLessThanOrEqual(24);
    expect(body(english.Payments).length).toBeGreaterThanOrEqual(8);
    expect(body(english.Orders).length).toBe(4);
    for (const book of [sample, english, messy]) {
      for (const grid of Object.values(book)) {
        const width = grid[0].length;
        for (const row of grid) expect(row.length).toBe(width);
      }
    }
  });

  it('makes the benchmark file with the requested counts', () => {
    const b = benchCreditFile({ customers: 10000, invoices: 100000, payments: 80000, asOf: AS_OF });
    expect(b.Customers.length - 1).toBe(10000);
    expect(b.Invoices.length - 1).toBe(100000);
    expect(b.Payments.length - 1).toBe(80000);
    const ids = new Set(body(b.Customers).map((r) => r[0]));
    const invs = new Set(body(b.Invoices).map((r) => r[0]));
    expect(invs.size).toBe(100000);
    expect(body(b.Invoices).every((r) => ids.has(r[1]))).toBe(true);
    expect(body(b.Payments).every((r) => ids.has(r[1]) && (r[3] === '' || invs.has(r[3])))).toBe(true);
    expect(body(b.Payments).every((r) => (r[2] as number) > 0 && dayOfDate(r[0]) <= asOf)).toBe(true);
  });
});

describe('the sample credit file', () => {
  const C = sample.Customers;
  const I = sample.Invoices;
  const P = sample.Payments;
  const cust = body(C);
  const inv = body(I);

  it('has the customer situations', () => {
    const paused = cust.filter((r) => r[col(C, 'Reminders Paused Until')] instanceof Date);
    expect(paused).toHaveLength(1);
    expect(dayOfDate(paused[0][col(C, 'Reminders Paused Until')])).toBeGreaterThan(asOf);
    expect(cust.filter((r) => r[col(C, 'Email')] === '')).toHaveLength(1);
    const twoEmails = cust.filter((r) => String(r[col(C, 'Email')]).split(/[;,]/).length === 2);
    expect(twoEmails).toHaveLength(1);
    expect(twoEmails[0][col(C, 'CC')]).not.toBe('');
    expect(cust.filter((r) => r[col(C, 'On Hold')] === 'Yes')).toHaveLength(1);
    expect(cust.filter((r) => r[col(C, 'Credit Limit')] === 0)).toHaveLength(1);
    expect(cust.filter((r) => r[col(C, 'Credit Limit')] === '').length).toBeGreaterThanOrEqual(2);
    expect(new Set(cust.map((r) => r[col(C, 'Terms (days)')]))).toEqual(new Set([15, 30, 45, 60, '']));
    expect(cust.filter((r) => hasHan(r[1])).length).toBeGreaterThanOrEqual(10);
    expect(cust.filter((r) => !hasHan(r[1])).length).toBeGreaterThanOrEqual(10);
    expect(cust.map((r) => r[1])).toEqual(expect.arrayContaining(['上海明达贸易有限公司', '深圳华信电子', 'Northwind Traders', 'Acme Supplies Ltd']));
    expect(new Set(cust.map((r) => r[0])).size).toBe(cust.length);
  });

  it('sends mail to example domains only', () => {
    const addresses = cust.flatMap((r) => [r[2], r[3], r[4]].flatMap((v) => String(v).split(/[;,]/)).map((s) => s.trim()).filter(Boolean));
    expect(addresses.length).toBeGreaterThan(40);
    for (const a of addresses) expect(a).toMatch(/^[^@\s]+@([a-z]+\.)?example\.(com|cn)$/);
  });

  it('has USD customers and an FX row', () => {
    expect(cust.filter((r) => r[col(C, 'Currency')] === 'USD').length).toBeGreaterThanOrEqual(2);
    expect(sample.Settings).toEqual(expect.arrayContaining([['FX USD', 7.1], ['Base Currency', 'CNY'], ['Hold Threshold (days)', 60], ['Default Terms (days)', 30]]));
    expect(sample.Settings.map((r) => r[0])).toEqual(['Setting', 'Base Currency', 'Company Name', 'Credit Manager', 'Approvers', 'FX USD', 'Default Terms (days)', 'Hold Threshold (days)']);
  });

  it('has a year of invoices, none after the as-of day', () => {
    const days = inv.map((r) => dayOfDate(r[col(I, 'Invoice Date')]));
    expect(Math.min(...days)).toBeLessThanOrEqual(asOf - 330);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(asOf - 366);
    expect(Math.max(...days)).toBeLessThanOrEqual(asOf);
    expect(Math.max(...days)).toBeGreaterThanOrEqual(asOf - 10);
    expect(new Set(inv.map((r) => r[0])).size).toBe(inv.length);
    expect(body(P).every((r) => dayOfDate(r[0]) <= asOf && (r[2] as number) > 0)).toBe(true);
  });

  it('has disputes, voids, credit notes, partial payments and payments naming none', () => {
    const disputed = inv.filter((r) => r[col(I, 'Status')] === 'Disputed' || r[col(I, 'Disputed')] === 'Yes');
    expect(disputed.length).toBeGreaterThanOrEqual(3);
    expect(disputed.length).toBeLessThanOrEqual(5);
    expect(inv.filter((r) => r[col(I, 'Status')] === 'Void')).toHaveLength(2);
    expect(inv.filter((r) => (r[col(I, 'Amount')] as number) < 0).length).toBeGreaterThanOrEqual(5);
    const named = new Map<Cell, number>();
    for (const r of body(P)) if (r[3] !== '') named.set(r[3], (named.get(r[3]) ?? 0) + 1);
    expect([...named.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
    expect(body(P).filter((r) => r[3] === '').length).toBeGreaterThanOrEqual(10);
    const onInvoice = inv.filter((r) => r[col(I, 'Paid Date')] !== '');
    expect(onInvoice.length).toBeGreaterThanOrEqual(3);
    expect(onInvoice.some((r) => r[col(I, 'Amount Paid')] !== '')).toBe(true);
    expect(inv.some((r) => r[col(I, 'Due Date')] === '')).toBe(true);
  });

  it('has a spread of payment behaviour, including a customer gone bad with 91+ open', () => {
    const dueOf = new Map(inv.map((r) => [r[0], r[3] === '' ? null : dayOfDate(r[3])]));
    const lateness = new Map<Cell, number[]>();
    for (const p of body(P)) {
      const due = p[3] === '' ? null : dueOf.get(p[3]);
      if (due == null) continue;
      lateness.set(p[1], [...(lateness.get(p[1]) ?? []), dayOfDate(p[0]) - due]);
    }
    const avg = [...lateness.values()].map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length);
    expect(avg.filter((x) => x <= 3).length).toBeGreaterThanOrEqual(5);
    expect(avg.filter((x) => x >= 12 && x <= 35).length).toBeGreaterThanOrEqual(3);
    expect(avg.filter((x) => x >= 50).length).toBeGreaterThanOrEqual(2);
    // Gone bad: paid a while ago, nothing paid lately, invoices over 90 days past due unpaid.
    const paid = new Set(body(P).map((r) => r[3]));
    const bad = cust.filter((c) => {
      const mine = inv.filter((r) => r[1] === c[0] && (r[4] as number) > 0 && r[3] !== '');
      return mine.some((r) => dayOfDate(r[3]) < asOf - 90 && !paid.has(r[0])) && mine.some((r) => paid.has(r[0]));
    });
    expect(bad.map((c) => c[0])).toContain('C-010');
  });

  it('has ~15 orders with every status but Blocked and a blank Credit Check', () => {
    const O = body(sample.Orders);
    expect(new Set(O.map((r) => r[4]))).toEqual(new Set(['Pending', 'Approved', 'Invoiced', 'Cancelled']));
    expect(O.every((r) => r[5] === '' && dayOfDate(r[2]) <= asOf && dayOfDate(r[2]) >= asOf - 14)).toBe(true);
  });
});

describe('referential integrity', () => {
  it('every invoice, payment and order names a customer that exists (the messy one bad row aside)', () => {
    const check = (book: CreditWorkbook, c: string, i: string, p: string, o: string) => {
      const ids = new Set(book[c].filter((r) => r[0] !== '' && !r.includes('客户编号') && !r.includes('Customer ID')).map((r) => key(r[0])));
      const invNos = new Set(book[i].map((r) => key(r[0])));
      const unknown: Cell[] = [];
      const pCust = book[p].findIndex((r) => r.some((x) => x !== '')); // header row of payments
      const pc = book[p][pCust].findIndex((h) => h === '客户编号' || h === 'Customer ID');
      const pi = book[p][pCust].findIndex((h) => h === '发票号' || h === 'Invoice No');
      for (const r of body(book[i])) if (r[1] !== '' && !ids.has(key(r[1]))) unknown.push(r[1]);
      for (const r of book[p].slice(pCust + 1)) {
        if (r[pc] !== '') expect(ids.has(key(r[pc]))).toBe(true);
        if (r[pi] !== '') expect(invNos.has(key(r[pi]))).toBe(true);
      }
      for (const r of body(book[o])) expect(ids.has(key(r[1]))).toBe(true);
      return unknown;
    };
    expect(check(sample, 'Customers', 'Invoices', 'Payments', 'Orders')).toEqual([]);
    expect(check(english, 'Customers', 'Invoices', 'Payments', 'Orders')).toEqual([]);
    expect(check(messy, '客户档案', '应收账款', '回款', '订单')).toEqual(['C-099']);
  });
});

describe('the English fixture', () => {
  it('adds up to the balances in its table', () => {
    const I = english.Invoices;
    const bal = new Map<Cell, number>();
    const add = (c: Cell, cents: number) => bal.set(c, (bal.get(c) ?? 0) + cents);
    for (const r of body(I)) {
      if (r[8] === 'Void') continue;
      const amount = Math.round((r[4] as number) * 100);
      add(r[1], amount);
      if (r[6] !== '') add(r[1], -Math.round((r[6] as number) * 100));
      else if (r[8] === 'Paid') add(r[1], -amount);
    }
    for (const p of body(english.Payments)) add(p[1], -Math.round((p[2] as number) * 100));
    expect(Object.fromEntries(bal)).toEqual({
      'C-001': 540000, 'C-002': 1180000, 'C-003': -80000, 'C-004': 2450000, 'C-005': 0, 'C-006': 1250000,
    });
  });

  it('has the cases it claims', () => {
    const C = body(english.Customers);
    const I = body(english.Invoices);
    expect(C.map((r) => r[6])).toEqual([50000, 40000, '', 20000, 0, 30000]);
    expect(C.filter((r) => r[8] === 'Yes').map((r) => r[0])).toEqual(['C-006']);
    expect(I.filter((r) => r[8] === 'Void').map((r) => r[0])).toEqual(['INV-1013']);
    expect(I.filter((r) => r[9] === 'Yes').map((r) => r[0])).toEqual(['INV-1010']);
    expect(I.filter((r) => (r[4] as number) < 0).map((r) => r[0])).toEqual(['CN-1001', 'CN-1002']);
    expect(I.filter((r) => r[3] === '' && (r[4] as number) > 0).map((r) => r[0])).toEqual(['INV-1005']);
    const inv1016 = I.find((r) => r[0] === 'INV-1016')!;
    expect(asOf - dayOfDate(inv1016[3])).toBe(93);
  });
});

/** A minimal reading of the messy cells, just enough to compare them with the English fixture. */
function parseDate(v: Cell): string {
  if (v === '') return '';
  if (v instanceof Date) return isoOf(v);
  if (typeof v === 'number') return isoOf(new Date((v - 25569) * 86_400_000));
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(v.toString().trim());
  if (!m) throw new Error(`date? ${v}`);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  dayOf(iso); // throws on 2026-02-30
  return iso;
}
function parseMoney(v: Cell): number | '' {
  if (v === '' || typeof v === 'number') return v as number | '';
  let s = String(v).trim();
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (/CR$/i.test(s)) {
    sign = -1;
    s = s.replace(/CR$/i, '');
  }
  s = s.replace(/[¥,元\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`money? ${v}`);
  return sign * Number(s);
}
const STATUS: Record<string, string> = { '': '', 开放: 'Open', 已付: 'Paid', 作废: 'Void', 争议: 'Disputed' };

describe('the Chinese messy fixture', () => {
  const I = messy['应收账款'];

  it('holds the bad values exactly where EXPECTED_PROBLEMS says', () => {
    expect(EXPECTED_PROBLEMS).toHaveLength(4);
    for (const p of EXPECTED_PROBLEMS) {
      const grid = messy[p.sheet];
      const headerRow = grid.find((r) => r.some((c) => c !== ''))!;
      const c = headerRow.indexOf(p.header);
      expect(columnLetter(c)).toBe(p.column);
      expect(grid[p.row - 1][c]).toEqual(p.value);
    }
    const [na, date, cust, dup] = EXPECTED_PROBLEMS;
    expect(na.value).toBe('#N/A');
    expect(() => parseMoney(na.value)).toThrow();
    expect(date.value).toBe('2026-02-30');
    expect(() => parseDate(date.value)).toThrow();
    const ids = new Set(body(messy['客户档案']).filter((r) => r[0] !== '').map((r) => key(r[0])));
    expect(ids.has(key(cust.value))).toBe(false);
    const firstDup = I.findIndex((r) => key(r[0]) === key(dup.value)) + 1;
    expect(firstDup).toBeGreaterThan(1);
    expect(firstDup).toBeLessThan(dup.row);
  });

  it('has no other bad cell: every other row reads to the English fixture', () => {
    const bad = new Set(EXPECTED_PROBLEMS.map((p) => p.row));
    const H = I[0];
    const at = (r: Cell[], h: string) => r[H.indexOf(h)];
    const read = body(I)
      .map((r, i) => ({ r, row: i + 2 }))
      .filter(({ r, row }) => !bad.has(row) && r.some((c) => c !== ''))
      .map(({ r }) => [
        key(at(r, '发票号')), key(at(r, '客户编号')), parseDate(at(r, '开票日期')), parseDate(at(r, '到期日')),
        parseMoney(at(r, '金额')), parseMoney(at(r, '已付金额')), parseDate(at(r, '付款日期')),
        STATUS[String(at(r, '状态'))], at(r, '争议') === '是' ? 'Yes' : '',
      ]);
    const want = body(english.Invoices).map((r) => [
      r[0], r[1], isoOf(r[2] as Date), r[3] === '' ? '' : isoOf(r[3] as Date), r[4], r[6], r[7] === '' ? '' : isoOf(r[7] as Date),
      r[8], r[9],
    ]);
    // The messy file marks INV-1010 both 争议 and 是; English keeps Status Open with Disputed = Yes.
    const norm = (rows: Cell[][]) => rows.map((x) => (x[7] === 'Disputed' ? [...x.slice(0, 7), 'Open', 'Yes'] : x));
    expect(norm(read)).toEqual(norm(want));

    const P = messy['回款'];
    const payments = P.slice(2).filter((r) => r.some((c) => c !== '')).map((r) => [parseDate(r[0]), key(r[1]), parseMoney(r[2]), key(r[4]) || '']);
    const wantP = body(english.Payments).map((r) => [isoOf(r[0] as Date), r[1], r[2], r[3]]);
    expect(payments).toEqual(wantP);

    const C = messy['客户档案'];
    const customers = body(C).filter((r) => r[0] !== '').map((r) => [key(r[0]), Number(r[6]), parseMoney(r[7]), r[8] === '✓' ? 'Yes' : '', parseDate(r[11])]);
    expect(customers).toEqual(body(english.Customers).map((r) => [r[0], r[5], r[6], r[8], isoOf(r[11] as Date)]));

    const O = body(messy['订单']).map((r) => [r[0], key(r[1]), parseDate(r[2]), parseMoney(r[3]), r[4]]);
    expect(O).toEqual(body(english.Orders).map((r) => [r[0], r[1], isoOf(r[2] as Date), r[3], r[4]]));
  });

  it('is messy in every way promised', () => {
    const all = Object.values(messy).flatMap((g) => g.flat());
    expect(all.some((v) => v instanceof Date)).toBe(true);
    for (const s of ['2026/7/1', '2026-9-1', '2026年10月2日', '¥7,250.50', '12000元', '(1,200.00)', '300 CR', ' c-003 ', '✓', '是', '否', '开放', '已付', '作废', '争议']) {
      expect(all).toContain(s);
    }
    expect(all).toContain(sheetsSerial(dayOf('2026-11-02')));
    expect(I.some((r, i) => i > 0 && i < I.length - 1 && r.every((c) => c === ''))).toBe(true);
  });
});

/** Every cell of an exceljs worksheet as the generator's grid would hold it. */
function readBack(ws: ExcelJS.Worksheet, rows: number, cols: number): Grid {
  const out: Grid = [];
  for (let r = 1; r <= rows; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= cols; c++) {
      const v = ws.getCell(r, c).value as unknown;
      if (v === null || v === undefined) row.push('');
      else if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') row.push(v);
      else if (typeof v === 'object' && 'error' in (v as object)) row.push((v as { error: string }).error);
      else if (typeof v === 'object' && 'richText' in (v as object)) row.push((v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join(''));
      else throw new Error(`unexpected cell ${JSON.stringify(v)}`);
    }
    out.push(row);
  }
  return out;
}

async function expectWorkbook(file: string, book: CreditWorkbook): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(Object.keys(book));
  for (const [name, grid] of Object.entries(book)) {
    const ws = wb.getWorksheet(name)!;
    expect(ws.rowCount).toBe(grid.length);
    expect(readBack(ws, grid.length, grid[0].length)).toEqual(grid);
    const h = grid.findIndex((r) => r.some((c) => c !== ''));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h + 1 });
    expect(ws.getCell(h + 1, 1).font?.bold).toBe(true);
    grid.forEach((row, r) => {
      if (r <= h) return;
      row.forEach((v, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        if (v instanceof Date) expect(cell.numFmt).toBe('yyyy-mm-dd');
        else if (typeof v === 'number' && MONEY_HEADERS.includes(String(grid[h][c]))) expect(cell.numFmt).toBe('#,##0.00');
      });
    });
  }
}

describe('the xlsx files', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'credit-desk-examples-'));
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/make-examples.ts'), '--out', dir], { cwd: ROOT, stdio: 'pipe' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('written by the CLI read back to the same grids', async () => {
    await expectWorkbook(join(dir, 'sample-credit-file.xlsx'), sample);
    await expectWorkbook(join(dir, 'english.xlsx'), english);
    await expectWorkbook(join(dir, 'chinese-messy.xlsx'), messy);
  });

  it('in the repo are the generator output (run `npx tsx scripts/make-examples.ts` after changing it)', async () => {
    await expectWorkbook(join(ROOT, 'examples/sample-credit-file.xlsx'), sample);
    await expectWorkbook(join(ROOT, 'test/fixtures/english.xlsx'), english);
    await expectWorkbook(join(ROOT, 'test/fixtures/chinese-messy.xlsx'), messy);
  });
});
