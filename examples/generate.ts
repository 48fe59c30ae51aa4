/**
 * Sample credit files for Credit Desk: the source of truth of every example and fixture.
 *
 * Everything here is deterministic: a seeded PRNG (mulberry32), no Date.now(), every date
 * computed from a fixed as-of day passed in. The functions return plain grids, one per sheet,
 * shaped like what Apps Script's Range.getValues() gives:
 *
 *   - a grid is an array of rows, the header row first (a sheet may start with blank rows
 *     above its header, as the contract allows: "the first non-empty row is the header row");
 *   - a cell is string | number | boolean | Date, '' for a blank cell;
 *   - a date is a JS Date at UTC midnight of the calendar day (2026-11-20 is
 *     new Date(Date.UTC(2026, 10, 20))). scripts/make-examples.ts writes these as real date
 *     cells (format yyyy-mm-dd) and exceljs reads them back as the same UTC-midnight Dates.
 *     (Apps Script gives Dates at midnight in the spreadsheet's time zone; readers should take
 *     the calendar day in whichever zone the Date was made in.)
 *   - money is written in the row's own currency (the invoice's, else the customer's); payments
 *     and credit limits of a USD customer are in USD too.
 *
 * Exported:
 *   sampleCreditFile({ asOf })        ~40 customers, a year of invoices: examples/sample-credit-file.xlsx
 *   englishFixture()                  small, hand-checked: test/fixtures/english.xlsx
 *   chineseMessyFixture()             the same data, Chinese headers and messy cells: test/fixtures/chinese-messy.xlsx
 *   EXPECTED_PROBLEMS                 the bad cells of chineseMessyFixture() a reader must report
 *   benchCreditFile({ ... })          large grids for benchmarks (no xlsx)
 *
 * This module has no dependencies (no exceljs), so tests and benchmarks can use it cheaply.
 */

export type Cell = string | number | boolean | Date;
export type Grid = Cell[][];
/** Sheet name → grid, in sheet order. */
export type CreditWorkbook = Record<string, Grid>;

export interface ExpectedProblem {
  /** Sheet name as written in the workbook. */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Column letter. */
  column: string;
  /** Header text of that column, as written. */
  header: string;
  /** The bad value, as the grid holds it. */
  value: Cell;
  /** What is wrong, for people reading the test. */
  why: string;
}

// ---------------------------------------------------------------------------------------------
// Headers (English, as in docs/contract) and the money columns (for number formats).

export const HEADERS = {
  Customers: [
    'Customer ID', 'Name', 'Email', 'CC', 'Owner', 'Terms (days)', 'Credit Limit', 'Currency',
    'On Hold', 'Reminders Paused Until', 'External Rating', 'Customer Since',
  ],
  Invoices: [
    'Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid',
    'Paid Date', 'Status', 'Disputed',
  ],
  Payments: ['Payment Date', 'Customer ID', 'Amount', 'Invoice No'],
  Orders: ['Order No', 'Customer ID', 'Order Date', 'Amount', 'Status', 'Credit Check'],
  Settings: ['Setting', 'Value'],
} as const;

/** Headers whose numeric cells are money (written with format #,##0.00). */
export const MONEY_HEADERS: readonly string[] = [
  'Amount', 'Credit Limit', 'Amount Paid', '金额', '信用额度', '已付金额', '收款金额',
];

// ---------------------------------------------------------------------------------------------
// Small helpers: PRNG, calendar days, money.

/** mulberry32: a tiny 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' → whole days since 1970-01-01. */
export function dayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1) throw new Error(`no such day: ${iso}`);
  return t / MS_PER_DAY;
}

/** Days since 1970-01-01 → a Date at UTC midnight of that day. */
export function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** A Date at UTC midnight → 'YYYY-MM-DD'. */
export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Google Sheets / Excel serial number of a day (1899-12-30 is 0). */
export function sheetsSerial(day: number): number {
  return day + 25569;
}

const d = (iso: string): Date => dateOf(dayOf(iso));
/** Integer minor units → a number of major units with at most two decimals. */
const money = (minor: number): number => minor / 100;

/** 0-based column index → letter (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function settingsGrid(companyName: string, withFx: boolean): Grid {
  const rows: Grid = [
    ['Setting', 'Value'],
    ['Base Currency', 'CNY'],
    ['Company Name', companyName],
    ['Credit Manager', 'credit@example.com'],
    ['Approvers', 'boss@example.com'],
  ];
  if (withFx) rows.push(['FX USD', 7.1]);
  rows.push(['Default Terms (days)', 30], ['Hold Threshold (days)', 60]);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// sampleCreditFile: a realistic credit file of about 40 customers and a year of invoices.

type Behaviour = 'prompt' | 'late' | 'chronic' | 'bad' | 'mixed' | 'cash';

interface CustomerSpec {
  name: string;
  behaviour: Behaviour;
  currency?: 'USD';
  /** Invoices per month, roughly. */
  rate: number;
  terms: number | '';
  /** 'none': blank limit; 0: cash only; otherwise computed. */
  limit?: 'none' | 0;
  emails?: string;
  cc?: string;
  onHold?: boolean;
  pausedDays?: number;
  /** Keeps Amount Paid / Paid Date on its invoices instead of Payments rows. */
  paysOnInvoice?: boolean;
  /** Days before as-of the relationship began, when it is less than a year. */
  newDays?: number;
  rating?: number;
}

const OWNERS = [
  'li.wei@example.com', 'zhang.min@example.com', 'sarah.jones@example.com',
  'wang.fang@example.cn', 'tom.baker@example.com',
];

/** The 40 sample customers, C-001 … C-040 in this order. */
const SAMPLE_CUSTOMERS: CustomerSpec[] = [
  { name: '上海明达贸易有限公司', behaviour: 'prompt', rate: 3, terms: 30, limit: 'none', rating: 88 },
  { name: '深圳华信电子', behaviour: 'late', rate: 2, terms: 45 },
  { name: 'Acme Supplies Ltd', behaviour: 'prompt', rate: 1.5, terms: 30,
    emails: 'ap@acme.example.com; finance@acme.example.com', cc: 'cfo@acme.example.com', currency: 'USD' },
  { name: '杭州远航进出口有限公司', behaviour: 'mixed', rate: 2, terms: 60 },
  { name: '北京恒通实业有限公司', behaviour: 'chronic', rate: 1.5, terms: 30, onHold: true, rating: 35 },
  { name: 'Northwind Traders', behaviour: 'late', rate: 1.2, terms: 30, currency: 'USD', rating: 72 },
  { name: '广州粤海食品有限公司', behaviour: 'prompt', rate: 2.5, terms: 15 },
  { name: '成都天府商贸', behaviour: 'late', rate: 1.5, terms: 30, pausedDays: 14 },
  { name: 'Blue Harbor Logistics', behaviour: 'prompt', rate: 1, terms: 45 },
  { name: '南京金陵建材有限公司', behaviour: 'bad', rate: 2, terms: 30, rating: 48 },
  { name: '苏州鑫源机械有限公司', behaviour: 'mixed', rate: 1.5, terms: 60 },
  { name: '武汉长江物流', behaviour: 'chronic', rate: 1, terms: 30, emails: '' },
  { name: 'Golden Gate Imports', behaviour: 'prompt', rate: 1, terms: 30 },
  { name: '青岛海丰水产', behaviour: 'chronic', rate: 1.2, terms: 45 },
  { name: 'Pacific Rim Imports', behaviour: 'mixed', rate: 1, terms: 60, currency: 'USD' },
  { name: '厦门鹭岛电子科技', behaviour: 'prompt', rate: 2, terms: 30 },
  { name: '小李便利店', behaviour: 'cash', rate: 1, terms: 15, limit: 0, paysOnInvoice: true },
  { name: '天津渤海化工有限公司', behaviour: 'late', rate: 1.5, terms: 60 },
  { name: 'Silverline Retail', behaviour: 'prompt', rate: 1.5, terms: 30 },
  { name: '重庆山城汽配', behaviour: 'mixed', rate: 2, terms: '', limit: 'none' },
  { name: '宁波港通贸易', behaviour: 'prompt', rate: 2, terms: 45, rating: 91 },
  { name: 'Evergreen Office Supply', behaviour: 'late', rate: 1, terms: 30 },
  { name: '西安秦川纺织', behaviour: 'chronic', rate: 1, terms: 60 },
  { name: '郑州中原粮油', behaviour: 'prompt', rate: 1.5, terms: 15 },
  { name: 'Maple Leaf Foods Trading', behaviour: 'mixed', rate: 1, terms: 30 },
  { name: '长沙湘江文具', behaviour: 'late', rate: 1, terms: 30 },
  { name: '福州闽江家具有限公司', behaviour: 'prompt', rate: 1.2, terms: 30 },
  { name: 'Redwood Hardware Co', behaviour: 'late', rate: 1.5, terms: 45 },
  { name: '合肥徽商电器', behaviour: 'mixed', rate: 1.2, terms: 30 },
  { name: '大连星海渔具', behaviour: 'prompt', rate: 0.8, terms: 30, paysOnInvoice: true },
  { name: '昆明春城花卉', behaviour: 'chronic', rate: 1, terms: 30 },
  { name: 'Sunrise Packaging', behaviour: 'prompt', rate: 1.5, terms: 60 },
  { name: '沈阳北方重工配件', behaviour: 'late', rate: 1, terms: '', limit: 'none' },
  { name: '东莞精工模具厂', behaviour: 'mixed', rate: 2, terms: 45 },
  { name: 'Lighthouse Marine Supply', behaviour: 'prompt', rate: 0.8, terms: 30 },
  { name: '佛山南海陶瓷', behaviour: 'late', rate: 1.5, terms: 30 },
  { name: '无锡太湖纺机', behaviour: 'chronic', rate: 0.8, terms: 45 },
  { name: 'Harbor View Cafe Group', behaviour: 'prompt', rate: 1, terms: 15, newDays: 120 },
  { name: '济南泉城医疗器械', behaviour: 'mixed', rate: 1, terms: 30 },
  { name: '温州瓯越鞋业', behaviour: 'prompt', rate: 1.2, terms: 30, newDays: 200 },
];

interface SampleInvoice {
  no: string;
  cust: number;
  day: number;
  due: number;
  dueBlank: boolean;
  /** Minor units in the invoice's currency (negative: credit note). */
  amount: number;
  currencyCell: string;
  /** Day it gets paid in full (may be after as-of), or null: never. */
  payDay: number | null;
  status: '' | 'Open' | 'Paid' | 'Void' | 'Disputed';
  disputed: '' | 'Yes';
  /** For credit notes: minor units taken off the payment of this invoice index. */
  credited: number;
}

function delayFor(rng: Rng, behaviour: Behaviour): number {
  switch (behaviour) {
    case 'prompt': return rng.int(-10, 3);
    case 'late': return rng.int(15, 30);
    case 'chronic': return rng.int(60, 90);
    case 'mixed': return rng.chance(0.7) ? rng.int(-5, 5) : rng.int(10, 45);
    default: return 0;
  }
}

function emailSlug(i: number): string {
  return `ap.c${String(i + 1).padStart(3, '0')}@example.${i % 4 === 3 ? 'cn' : 'com'}`;
}

/**
 * A realistic credit file: ~40 customers (English and Chinese names), a year of invoices up to
 * the as-of day with a spread of payment behaviour, partial payments, payments naming invoices
 * and naming none, credit notes, 4 disputed and 2 void invoices, a few invoices paid on the
 * invoice row, ~15 orders and a Settings sheet. Sheets: Customers, Invoices, Payments, Orders,
 * Settings (English headers as in the contract).
 */
export function sampleCreditFile(opts: { asOf: string; seed?: number }): CreditWorkbook {
  const asOf = dayOf(opts.asOf);
  const rng = new Rng(opts.seed ?? 20261120);
  const start = asOf - 365;
  const ids = SAMPLE_CUSTOMERS.map((_, i) => `C-${String(i + 1).padStart(3, '0')}`);

  // Size of a typical invoice per customer, in minor units of its currency.
  const base = SAMPLE_CUSTOMERS.map((c) => {
    const [lo, hi] = c.currency === 'USD' ? [800, 15000] : c.behaviour === 'cash' ? [500, 3000] : [3000, 80000];
    return Math.exp(rng.uniform(Math.log(lo), Math.log(hi))) * 100;
  });

  // 1. Invoices, per customer, then sorted by date and numbered.
  let invoices: SampleInvoice[] = [];
  SAMPLE_CUSTOMERS.forEach((c, ci) => {
    const from = c.newDays ? asOf - c.newDays : start;
    const months = (asOf - from) / 30.4;
    const n = Math.max(2, Math.round(months * c.rate * rng.uniform(0.85, 1.15)));
    const terms = c.terms === '' ? 30 : c.terms;
    for (let k = 0; k < n; k++) {
      const day = rng.int(from, asOf);
      let amount = Math.round(base[ci] * rng.uniform(0.5, 1.5));
      amount = rng.chance(0.4) ? Math.round(amount / 10000) * 10000 || 10000 : amount;
      const due = day + terms;
      let payDay: number | null;
      if (c.behaviour === 'cash') payDay = day;
      else if (c.behaviour === 'bad') payDay = day < asOf - 150 ? due + rng.int(0, 12) : null;
      else payDay = Math.max(day + 1, due + delayFor(rng, c.behaviour));
      invoices.push({
        no: '', cust: ci, day, due, dueBlank: rng.chance(0.05), amount,
        currencyCell: c.currency ? (rng.chance(0.5) ? c.currency : '') : rng.chance(0.03) ? 'CNY' : '',
        payDay, status: '', disputed: '', credited: 0,
      });
    }
  });
  invoices.sort((a, b) => a.day - b.day || a.cust - b.cust || a.amount - b.amount);
  invoices.forEach((inv, i) => (inv.no = `INV-${10001 + i}`));

  const eligible = (inv: SampleInvoice): boolean => {
    const b = SAMPLE_CUSTOMERS[inv.cust].behaviour;
    return b !== 'cash' && b !== 'bad' && !SAMPLE_CUSTOMERS[inv.cust].paysOnInvoice && inv.status === '';
  };

  // 2. Four disputed invoices (past due, kept open), from different customers.
  const disputedCustomers = new Set<number>();
  const disputeCandidates = invoices.filter((inv) => eligible(inv) && inv.due < asOf - 5 && inv.due > asOf - 75);
  for (let i = 0; i < disputeCandidates.length && disputedCustomers.size < 4; i++) {
    const inv = disputeCandidates[Math.floor(rng.next() * disputeCandidates.length)];
    if (disputedCustomers.has(inv.cust) || inv.status !== '') continue;
    disputedCustomers.add(inv.cust);
    inv.payDay = null;
    if (disputedCustomers.size % 2 === 1) inv.status = 'Disputed';
    else {
      inv.status = 'Open';
      inv.disputed = 'Yes';
    }
  }

  // 3. Two void invoices.
  let voids = 0;
  while (voids < 2) {
    const inv = invoices[rng.int(0, invoices.length - 1)];
    if (!eligible(inv) || inv.day > asOf - 20) continue;
    inv.status = 'Void';
    inv.payDay = null;
    voids++;
  }

  // 4. Credit notes (negative amounts) against ~2% of invoices; the customer pays that much less.
  const creditNotes: SampleInvoice[] = [];
  for (const inv of invoices) {
    if (!eligible(inv) || !rng.chance(0.02)) continue;
    const cnDay = inv.day + rng.int(3, 20);
    if (cnDay > asOf) continue;
    const cn = Math.round((inv.amount * rng.uniform(0.05, 0.2)) / 100) * 100;
    inv.credited = cn;
    creditNotes.push({
      no: `CN-${String(creditNotes.length + 1).padStart(4, '0')}`, cust: inv.cust, day: cnDay, due: cnDay,
      dueBlank: true, amount: -cn, currencyCell: inv.currencyCell, payDay: null, status: '',
      disputed: '', credited: 0,
    });
  }
  invoices = invoices.concat(creditNotes).sort((a, b) => a.day - b.day || (a.no < b.no ? -1 : 1));

  // 5. Payments and the Status / Amount Paid / Paid Date cells.
  const payments: { day: number; cust: number; amount: number; inv: string }[] = [];
  const invoiceRows: Grid = [[...HEADERS.Invoices]];
  for (const inv of invoices) {
    const c = SAMPLE_CUSTOMERS[inv.cust];
    let amountPaid: Cell = '';
    let paidDate: Cell = '';
    const owed = inv.amount - inv.credited;
    const isCn = inv.amount < 0;
    if (!isCn && inv.status !== 'Void' && inv.status !== 'Disputed' && inv.disputed === '') {
      const paid = inv.payDay !== null && inv.payDay <= asOf;
      if (c.paysOnInvoice) {
        if (paid) {
          inv.status = 'Paid';
          paidDate = dateOf(inv.payDay!);
          if (rng.chance(0.5)) amountPaid = money(owed);
        } else if (inv.due < asOf && rng.chance(0.5)) {
          amountPaid = money(Math.round(owed * 0.4));
          paidDate = dateOf(Math.min(asOf, inv.due + 3));
          inv.status = 'Open';
        } else inv.status = 'Open';
      } else if (paid) {
        const r = rng.next();
        if (r < 0.08 && inv.payDay! - inv.day > 10) {
          // Partial, then the rest.
          const first = Math.round(owed * rng.uniform(0.3, 0.7));
          payments.push({ day: Math.max(inv.day + 1, inv.payDay! - rng.int(7, 20)), cust: inv.cust, amount: first, inv: inv.no });
          payments.push({ day: inv.payDay!, cust: inv.cust, amount: owed - first, inv: inv.no });
        } else if (r < 0.22 && !disputedCustomers.has(inv.cust)) {
          payments.push({ day: inv.payDay!, cust: inv.cust, amount: owed, inv: '' });
        } else {
          payments.push({ day: inv.payDay!, cust: inv.cust, amount: owed, inv: inv.no });
        }
      } else {
        if (inv.due < asOf && rng.chance(c.behaviour === 'bad' ? 0.1 : 0.15)) {
          const part = Math.round((owed * rng.uniform(0.2, 0.6)) / 100) * 100;
          payments.push({ day: rng.int(Math.max(inv.day + 1, inv.due - 10), asOf), cust: inv.cust, amount: part, inv: inv.no });
        }
        if (inv.day < asOf - 10 && rng.chance(0.5)) inv.status = 'Open';
      }
    }
    invoiceRows.push([
      inv.no, ids[inv.cust], dateOf(inv.day), inv.dueBlank ? '' : dateOf(inv.due), money(inv.amount),
      inv.currencyCell, amountPaid, paidDate, inv.status, inv.disputed,
    ]);
  }
  payments.sort((a, b) => a.day - b.day || a.cust - b.cust);
  const paymentRows: Grid = [[...HEADERS.Payments]];
  for (const p of payments) paymentRows.push([dateOf(p.day), ids[p.cust], money(p.amount), p.inv]);

  // 6. Customers, with limits sized from their trade.
  const customerRows: Grid = [[...HEADERS.Customers]];
  SAMPLE_CUSTOMERS.forEach((c, i) => {
    const terms = c.terms === '' ? 30 : c.terms;
    const monthly = base[i] * c.rate;
    let limit: Cell;
    if (c.limit === 'none') limit = '';
    else if (c.limit === 0) limit = 0;
    else {
      const step = c.currency === 'USD' ? 500000 : 1000000;
      const raw = (monthly * (terms + 20)) / 30 * rng.uniform(1.2, 2.5);
      limit = money(Math.max(step, Math.round(raw / step) * step));
    }
    const since = c.newDays ? asOf - c.newDays : asOf - rng.int(400, 3650);
    customerRows.push([
      ids[i], c.name, c.emails ?? emailSlug(i), c.cc ?? '', OWNERS[i % OWNERS.length], c.terms, limit,
      c.currency ?? '', c.onHold ? 'Yes' : '', c.pausedDays ? dateOf(asOf + c.pausedDays) : '',
      c.rating ?? '', dateOf(since),
    ]);
  });

  // 7. Orders: ~15 in the last two weeks, Credit Check left blank for the add-on.
  const orderRows: Grid = [[...HEADERS.Orders]];
  const orderStatuses = [
    'Pending', 'Pending', 'Pending', 'Pending', 'Pending', 'Approved', 'Approved', 'Approved',
    'Approved', 'Invoiced', 'Invoiced', 'Invoiced', 'Invoiced', 'Cancelled', 'Cancelled',
  ];
  const orderCustomers = [4, 9, 0, 1, 5, 16]; // on hold, bad, no-limit, late, USD, cash only first
  orderStatuses.forEach((status, k) => {
    const ci = k < orderCustomers.length ? orderCustomers[k] : rng.int(0, ids.length - 1);
    const amount = Math.round((base[ci] * rng.uniform(0.5, 1.5)) / 100) * 100;
    orderRows.push([`SO-${2611001 + k}`, ids[ci], dateOf(asOf - rng.int(0, 14)), money(amount), status, '']);
  });

  return {
    Customers: customerRows,
    Invoices: invoiceRows,
    Payments: paymentRows,
    Orders: orderRows,
    Settings: settingsGrid('示例贸易有限公司 / Example Trading Co.', true),
  };
}

// ---------------------------------------------------------------------------------------------
// englishFixture: small and hand-checkable. As of 2026-11-20, base currency CNY, no FX.
//
// | ID    | Name                 | Terms | Limit  | Meant to exercise                                            | Open as of 2026-11-20                        |
// |-------|----------------------|-------|--------|--------------------------------------------------------------|----------------------------------------------|
// | C-001 | Prompt Pay Co        | 30    | 50,000 | prompt payer (paid 1-2 days before due); a payment naming no  | INV-1005 5,400.00, Current (Due Date blank:  |
// |       |                      |       |        | invoice (P4 → INV-1004); a Due Date left blank (INV-1005)     | 2026-11-02 + 30 = 2026-12-02). Pending order |
// |       |                      |       |        |                                                              | SO-001 3,000 → exposure 8,400: OK            |
// | C-002 | Partial Parts Ltd    | 30    | 40,000 | partial payment (INV-1006 15,000 − 6,000 on 10-12); credit    | INV-1006 7,800 (41 dpd, 31-60), INV-1007     |
// |       |                      |       |        | note CN-1001 −1,200 (allocated to INV-1006); paid 20 days     | 4,000 Current; balance 11,800; Approved      |
// |       |                      |       |        | late once (INV-1019)                                         | SO-003 5,000 → exposure 16,800: WARN (past due) |
// | C-003 | Overpay Trading      | 45    | (blank)| overpayment: P6 12,500 on INV-1008 12,000 → 500 unapplied;    | no open invoice; unapplied credit 800;       |
// |       |                      |       |        | credit note CN-1002 −300 with nothing to apply to; no limit;  | balance −800; CREDITAVAILABLE blank          |
// |       |                      |       |        | two emails                                                   |                                              |
// | C-004 | Overlimit Industries | 60    | 20,000 | over limit; disputed INV-1010 (Disputed = Yes, 42 dpd); void  | INV-1010 9,000 (31-60, disputed), INV-1011   |
// |       |                      |       |        | INV-1013 (ignored)                                           | 8,000 (6 dpd, 1-30), INV-1012 7,500 Current; |
// |       |                      |       |        |                                                              | balance 24,500 + Pending SO-002 2,000 =      |
// |       |                      |       |        |                                                              | exposure 26,500 > 20,000: BLOCK              |
// | C-005 | Cash Only Shop       | 15    | 0      | limit 0 = cash only; invoices paid on the invoice row (Amount | nothing open; Cancelled SO-004 not counted;  |
// |       |                      |       |        | Paid + Paid Date; Status Paid + Paid Date alone)              | any amount > 0: BLOCK                        |
// | C-006 | Held Ltd             | 30    | 30,000 | On Hold; invoices > 60 days past due (93 and 72); a payment   | INV-1016 5,000 (91+), INV-1017 4,500 (61-90),|
// |       |                      |       |        | naming none (P9 1,000 → INV-1016)                             | INV-1018 3,000 (16 dpd, 1-30); 12,500: BLOCK |

/**
 * The small English fixture described in the table above: 6 customers, 22 invoice rows
 * (20 invoices, 2 credit notes), 10 payments, 4 orders, and Settings.
 */
export function englishFixture(): CreditWorkbook {
  const customers: Grid = [
    [...HEADERS.Customers],
    ['C-001', 'Prompt Pay Co', 'ap.promptpay@example.com', '', 'li.wei@example.com', 30, 50000, '', '', '', 85, d('2019-03-01')],
    ['C-002', 'Partial Parts Ltd', 'finance.partial@example.com', 'cfo.partial@example.com', 'zhang.min@example.com', 30, 40000, '', '', '', '', d('2021-06-15')],
    ['C-003', 'Overpay Trading', 'ap.overpay@example.com; boss.overpay@example.com', '', 'li.wei@example.com', 45, '', '', '', '', '', d('2023-01-10')],
    ['C-004', 'Overlimit Industries', 'ap.overlimit@example.com', '', 'sarah.jones@example.com', 60, 20000, '', '', '', 55, d('2024-05-20')],
    ['C-005', 'Cash Only Shop', 'shop.cash@example.com', '', 'zhang.min@example.com', 15, 0, '', '', '', '', d('2025-09-01')],
    ['C-006', 'Held Ltd', 'ap.held@example.com', '', 'zhang.min@example.com', 30, 30000, '', 'Yes', '', 30, d('2020-11-11')],
  ];
  const inv = (no: string, c: string, date: string, due: string, amount: number, status = '', disputed = '', paid: Cell = '', paidDate = ''): Cell[] =>
    [no, c, d(date), due ? d(due) : '', amount, '', paid, paidDate ? d(paidDate) : '', status, disputed];
  const invoices: Grid = [
    [...HEADERS.Invoices],
    inv('INV-1019', 'C-002', '2026-06-01', '2026-07-01', 10000),
    inv('INV-1020', 'C-004', '2026-06-15', '2026-08-14', 11000),
    inv('INV-1001', 'C-001', '2026-07-01', '2026-07-31', 8000),
    inv('INV-1016', 'C-006', '2026-07-20', '2026-08-19', 6000, 'Open'),
    inv('INV-1002', 'C-001', '2026-08-03', '2026-09-02', 9500),
    inv('INV-1010', 'C-004', '2026-08-10', '2026-10-09', 9000, 'Open', 'Yes'),
    inv('INV-1017', 'C-006', '2026-08-10', '2026-09-09', 4500, 'Open'),
    inv('INV-1008', 'C-003', '2026-08-20', '2026-10-04', 12000),
    inv('INV-1003', 'C-001', '2026-09-01', '2026-10-01', 7250.5),
    inv('INV-1006', 'C-002', '2026-09-10', '2026-10-10', 15000, 'Open'),
    inv('INV-1011', 'C-004', '2026-09-15', '2026-11-14', 8000, 'Open'),
    inv('INV-1014', 'C-005', '2026-10-01', '2026-10-16', 2000, 'Paid', '', 2000, '2026-10-01'),
    inv('INV-1004', 'C-001', '2026-10-02', '2026-11-01', 6000),
    inv('INV-1018', 'C-006', '2026-10-05', '2026-11-04', 3000, 'Open'),
    inv('INV-1009', 'C-003', '2026-10-15', '2026-11-29', 3000),
    inv('INV-1012', 'C-004', '2026-10-20', '2026-12-19', 7500, 'Open'),
    inv('INV-1013', 'C-004', '2026-10-21', '2026-12-20', 5000, 'Void'),
    inv('CN-1001', 'C-002', '2026-10-25', '', -1200),
    inv('INV-1005', 'C-001', '2026-11-02', '', 5400, 'Open'),
    inv('INV-1007', 'C-002', '2026-11-03', '2026-12-03', 4000, 'Open'),
    inv('INV-1015', 'C-005', '2026-11-10', '2026-11-25', 1500, 'Paid', '', '', '2026-11-10'),
    inv('CN-1002', 'C-003', '2026-11-15', '', -300),
  ];
  const payments: Grid = [
    [...HEADERS.Payments],
    [d('2026-07-21'), 'C-002', 10000, 'INV-1019'],
    [d('2026-07-29'), 'C-001', 8000, 'INV-1001'],
    [d('2026-08-14'), 'C-004', 11000, 'INV-1020'],
    [d('2026-09-01'), 'C-001', 9500, 'INV-1002'],
    [d('2026-09-15'), 'C-006', 1000, ''],
    [d('2026-09-30'), 'C-001', 7250.5, 'INV-1003'],
    [d('2026-10-02'), 'C-003', 12500, 'INV-1008'],
    [d('2026-10-12'), 'C-002', 6000, 'INV-1006'],
    [d('2026-10-30'), 'C-001', 6000, ''],
    [d('2026-11-12'), 'C-003', 3000, 'INV-1009'],
  ];
  const orders: Grid = [
    [...HEADERS.Orders],
    ['SO-001', 'C-001', d('2026-11-18'), 3000, 'Pending', ''],
    ['SO-002', 'C-004', d('2026-11-19'), 2000, 'Pending', ''],
    ['SO-003', 'C-002', d('2026-11-12'), 5000, 'Approved', ''],
    ['SO-004', 'C-005', d('2026-11-16'), 800, 'Cancelled', ''],
  ];
  return {
    Customers: customers,
    Invoices: invoices,
    Payments: payments,
    Orders: orders,
    Settings: settingsGrid('Example Trading Co.', false),
  };
}

// ---------------------------------------------------------------------------------------------
// chineseMessyFixture: the English fixture's books, kept the messy way.
//
// Read correctly, every good row means exactly what the same row of englishFixture() means
// (same IDs, dates, amounts, statuses), so both fixtures must give the same balances, aging
// and credit checks. The differences are only in how things are written: Chinese sheet names
// and headers, extra columns (地区, 备注) between known ones, columns in another order, no
// Currency / External Rating columns, a blank row above the Payments header, blank rows in the
// middle, IDs with stray spaces and lower case, dates as Date cells, '2026/7/1', '2026-9-1',
// '2026年10月2日' or a Sheets serial number, amounts as '¥7,250.50', '12000元', '(1,200.00)',
// '300 CR', statuses 开放/已付/作废/争议, yes/no as 是/否/✓ — plus four deliberately bad rows,
// listed in EXPECTED_PROBLEMS, which a reader must report (and leave out of the books):
//   - an '#N/A' amount, an impossible date '2026-02-30', an unknown customer C-099,
//   - a second row reusing invoice number INV-1004 (the first INV-1004 row is the good one).

interface Messy {
  book: CreditWorkbook;
  problems: ExpectedProblem[];
}

function buildChineseMessy(): Messy {
  const problems: ExpectedProblem[] = [];
  const serial = (iso: string): number => sheetsSerial(dayOf(iso));
  const bad = (sheet: string, grid: Grid, header: string, why: string): void => {
    const col = grid.find((r) => r.some((c) => c !== ''))!.indexOf(header);
    const row = grid.length; // the row just pushed, 1-based
    problems.push({ sheet, row, column: columnLetter(col), header, value: grid[row - 1][col], why });
  };

  const customers: Grid = [
    ['客户编号', '客户名称', '地区', '邮箱', '抄送', '负责人', '账期(天)', '信用额度', '冻结', '备注', '暂停催收至', '合作开始日期'],
    ['C-001', '上海明达贸易有限公司', '华东', 'ap.promptpay@example.com', '', 'li.wei@example.com', 30, '¥50,000.00', '否', '老客户', '', '2019/3/1'],
    ['c-002 ', '深圳华信电子', '华南', 'finance.partial@example.com', 'cfo.partial@example.com', 'zhang.min@example.com', '30', 40000, '', '', '', d('2021-06-15')],
    ['', '', '', '', '', '', '', '', '', '', '', ''],
    [' C-003', '杭州远航进出口有限公司', '华东', 'ap.overpay@example.com, boss.overpay@example.com', '', 'li.wei@example.com', 45, '', '否', '不设额度', '', '2023年1月10日'],
    ['C-004 ', '北京恒通实业有限公司', '华北', 'ap.overlimit@example.com', '', 'sarah.jones@example.com', 60, '20,000', '', '经常超额度', '', serial('2024-05-20')],
    ['C-005', '小李便利店', '华北', 'shop.cash@example.com', '', 'zhang.min@example.com', 15, 0, '', '现款现货', '', '2025-9-1'],
    ['C-006', '苏州鑫源机械有限公司', '华东', 'ap.held@example.com', '', 'zhang.min@example.com', 30, '30000元', '✓', '已冻结', '', d('2020-11-11')],
  ];

  const invoices: Grid = [
    ['发票号', '客户编号', '备注', '开票日期', '到期日', '金额', '已付金额', '付款日期', '状态', '争议'],
  ];
  const I = '应收账款';
  const push = (...row: Cell[]): void => {
    invoices.push(row);
  };
  push('INV-1019', 'C-002', '', '2026/6/1', '2026/7/1', 10000, '', '', '', '');
  push('INV-1020', 'c-004', '', d('2026-06-15'), d('2026-08-14'), '11,000.00', '', '', '', '否');
  push('INV-1001', 'C-001', '首单', '2026/7/1', '2026-7-31', 8000, '', '', '', '');
  push('INV-1016', 'C-006', '', d('2026-07-20'), d('2026-08-19'), 6000, '', '', '开放', '');
  push('INV-1002', 'C-001', '', d('2026-08-03'), '2026年9月2日', '¥9,500.00', '', '', '', '否');
  push('INV-1010', 'C-004', '对方称货物有损', '2026-8-10', '2026-10-9', 9000, '', '', '争议', '是');
  push('INV-1017', 'C-006 ', '', serial('2026-08-10'), serial('2026-09-09'), 4500, '', '', '开放', '');
  push(' INV-1008', ' c-003 ', '', d('2026-08-20'), d('2026-10-04'), '12000元', '', '', '', '');
  push('', '', '', '', '', '', '', '', '', '');
  push('INV-1003', 'C-001', '', '2026-9-1', '2026-10-1', '¥7,250.50', '', '', '', '');
  push('INV-1006', 'c-002', '部分回款', d('2026-09-10'), d('2026-10-10'), 15000, '', '', '开放', '否');
  push('INV-1011', 'C-004', '', d('2026-09-15'), '2026/11/14', 8000, '', '', '开放', '');
  push('INV-1014', 'C-005', '现款', '2026年10月1日', d('2026-10-16'), 2000, '2,000.00', '2026/10/1', '已付', '');
  push('INV-1004', 'C-001', '', '2026年10月2日', d('2026-11-01'), 6000, '', '', '', '');
  push('INV-1018', 'C-006', '', d('2026-10-05'), d('2026-11-04'), '3000', '', '', '开放', '');
  push('INV-1009', 'C-003', '', d('2026-10-15'), d('2026-11-29'), 3000, '', '', '', '');
  push('INV-1012', 'C-004', '', d('2026-10-20'), d('2026-12-19'), 7500, '', '', '开放', '否');
  push('INV-1013', 'C-004', '开错了', d('2026-10-21'), d('2026-12-20'), 5000, '', '', '作废', '');
  push('CN-1001', 'C-002', '退货', d('2026-10-25'), '', '(1,200.00)', '', '', '', '');
  push('INV-1005', 'C-001', '到期日按账期', serial('2026-11-02'), '', '5,400', '', '', '开放', '');
  push('INV-1007', 'C-002', '', d('2026-11-03'), d('2026-12-03'), '4000.00元', '', '', '开放', '');
  push('', '', '', '', '', '', '', '', '', '');
  push('INV-1015', 'C-005', '', d('2026-11-10'), d('2026-11-25'), 1500, '', d('2026-11-10'), '已付', '');
  push('CN-1002', 'C-003', '折让', '2026-11-15', '', '300 CR', '', '', '', '');
  push('INV-1021', 'C-001', '公式出错', d('2026-11-15'), d('2026-12-15'), '#N/A', '', '', '开放', '');
  bad(I, invoices, '金额', 'an #N/A error where the amount should be');
  push('INV-1022', 'C-002', '', '2026-02-30', '', 1800, '', '', '开放', '');
  bad(I, invoices, '开票日期', 'February 30th does not exist');
  push('INV-1023', 'C-099', '', d('2026-11-16'), d('2026-12-16'), 2500, '', '', '开放', '');
  bad(I, invoices, '客户编号', 'customer C-099 is not in 客户档案');
  const firstRow = invoices.findIndex((r) => r[0] === 'INV-1004') + 1;
  push('INV-1004', 'C-001', '重复录入', d('2026-11-18'), d('2026-12-18'), 999, '', '', '开放', '');
  bad(I, invoices, '发票号', `invoice number INV-1004 already used on row ${firstRow}`);

  // A blank row above the header, and the columns in another order.
  const payments: Grid = [
    ['', '', '', '', ''],
    ['收款日期', '客户编号', '收款金额', '备注', '发票号'],
    ['2026/7/21', 'C-002', 10000, '', 'INV-1019'],
    [d('2026-07-29'), 'C-001', '8,000.00', '', 'INV-1001'],
    ['2026年8月14日', 'C-004', 11000, '', 'inv-1020'],
    [d('2026-09-01'), 'C-001', '¥9,500.00', '', 'INV-1002 '],
    [serial('2026-09-15'), 'C-006', 1000, '未指明发票', ''],
    ['2026-9-30', 'c-001', '7250.5元', '', 'INV-1003'],
    [d('2026-10-02'), 'C-003', '12,500.00', '多付500', 'INV-1008'],
    ['', '', '', '', ''],
    [d('2026-10-12'), ' C-002', 6000, '部分付款', 'INV-1006'],
    [d('2026-10-30'), 'C-001', 6000, '', ''],
    ['2026/11/12', 'C-003', '3000元', '', 'INV-1009'],
  ];

  const orders: Grid = [
    ['订单号', '客户编号', '下单日期', '金额', '状态', '信用检查'],
    ['SO-001', 'C-001', '2026/11/18', 3000, 'Pending', ''],
    ['SO-002', 'c-004', d('2026-11-19'), '2,000.00', 'Pending', ''],
    ['SO-003', 'C-002', '2026年11月12日', 5000, 'Approved', ''],
    ['SO-004', 'C-005 ', d('2026-11-16'), '800元', 'Cancelled', ''],
  ];

  const settings = settingsGrid('示例贸易有限公司', false);
  settings[0] = ['设置项', '值'];

  return {
    book: { 客户档案: customers, 应收账款: invoices, 回款: payments, 订单: orders, 设置: settings },
    problems,
  };
}

/**
 * The English fixture's books with Chinese sheet names and headers and messy cells (see the
 * comment above). Sheets: 客户档案, 应收账款, 回款, 订单, 设置.
 */
export function chineseMessyFixture(): CreditWorkbook {
  return buildChineseMessy().book;
}

/** The bad cells of chineseMessyFixture(): exactly what a reader must report as problems. */
export const EXPECTED_PROBLEMS: readonly ExpectedProblem[] = buildChineseMessy().problems;

// ---------------------------------------------------------------------------------------------
// benchCreditFile: large grids, quickly.

const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '南京', '成都', '武汉', '苏州', '天津', '重庆', '宁波', '厦门'];
const WORDS = ['明达', '华信', '恒通', '鑫源', '远航', '金陵', '海丰', '长江', '天府', '粤海', '瑞丰', '永盛', '宏图', '嘉禾', '中鼎'];
const SUFFIXES = ['贸易有限公司', '电子', '实业有限公司', '机械', '商贸', '物流有限公司', '建材'];
const EN_WORDS = ['Northwind', 'Acme', 'Bluewater', 'Summit', 'Redwood', 'Harbor', 'Evergreen', 'Silverline', 'Pioneer', 'Lakeside', 'Granite'];
const EN_SUFFIXES = ['Traders', 'Supplies Ltd', 'Trading Co', 'Industries', 'Imports', 'Logistics'];

export interface BenchOptions {
  customers?: number;
  invoices?: number;
  payments?: number;
  orders?: number;
  asOf?: string;
  seed?: number;
}

/**
 * Large, realistic-looking grids for benchmarks (defaults: 10,000 customers, 100,000 invoices,
 * 80,000 payments, 1,000 orders, as of 2026-11-20). Invoices spread over the year before as-of;
 * customers are prompt (50%), late (30%), chronic (15%) or bad (5%); ~2% of invoices are credit
 * notes, ~1% disputed, ~0.5% void; ~15% of payments name no invoice, ~8% are partial. Every
 * ID referenced exists. All amounts in CNY. Same options, same grids.
 */
export function benchCreditFile(opts: BenchOptions = {}): CreditWorkbook {
  const nC = opts.customers ?? 10_000;
  const nI = opts.invoices ?? 100_000;
  const nP = opts.payments ?? 80_000;
  const nO = opts.orders ?? Math.max(1, Math.round(nC / 10));
  const asOf = dayOf(opts.asOf ?? '2026-11-20');
  const rng = new Rng(opts.seed ?? 7);
  const dates = new Map<number, Date>();
  const date = (day: number): Date => {
    let v = dates.get(day);
    if (!v) dates.set(day, (v = dateOf(day)));
    return v;
  };
  const termsChoices = [15, 30, 30, 30, 45, 60];

  const ids: string[] = new Array(nC);
  const terms: number[] = new Array(nC);
  const behaviour: Behaviour[] = new Array(nC);
  const size: number[] = new Array(nC);
  const customers: Grid = [[...HEADERS.Customers]];
  for (let i = 0; i < nC; i++) {
    ids[i] = `C-${String(i + 1).padStart(5, '0')}`;
    terms[i] = termsChoices[rng.int(0, termsChoices.length - 1)];
    const r = rng.next();
    behaviour[i] = r < 0.5 ? 'prompt' : r < 0.8 ? 'late' : r < 0.95 ? 'chronic' : 'bad';
    size[i] = Math.round(Math.exp(rng.uniform(Math.log(1000), Math.log(100000)))) * 100;
    const limit = rng.chance(0.05) ? '' : Math.round((size[i] * 3) / 1e6) * 1e4 || 10000;
    const name = i % 2 === 0
      ? `${CITIES[i % CITIES.length]}${WORDS[(i >> 1) % WORDS.length]}${SUFFIXES[(i >> 3) % SUFFIXES.length]}`
      : `${EN_WORDS[(i >> 1) % EN_WORDS.length]} ${EN_SUFFIXES[(i >> 4) % EN_SUFFIXES.length]} ${i + 1}`;
    customers.push([
      ids[i], name, `ap${i + 1}@example.com`, '', OWNERS[i % OWNERS.length], terms[i], limit,
      '', rng.chance(0.01) ? 'Yes' : '', '', rng.chance(0.2) ? rng.int(20, 99) : '', date(asOf - rng.int(200, 4000)),
    ]);
  }

  // Invoice dates ascending (as a real sheet grows), customers skewed towards low indexes.
  const invCust = new Int32Array(nI);
  const invDue = new Int32Array(nI);
  const invAmount = new Float64Array(nI);
  const invoices: Grid = new Array(nI + 1);
  invoices[0] = [...HEADERS.Invoices];
  for (let k = 0; k < nI; k++) {
    const ci = Math.floor(Math.pow(rng.next(), 1.5) * nC);
    const day = asOf - 365 + Math.floor((k * 366) / nI);
    const due = day + terms[ci];
    const r = rng.next();
    const cn = r < 0.02;
    const amountMinor = Math.round(size[ci] * rng.uniform(0.3, 1.7) * (cn ? -0.1 : 1));
    invCust[k] = ci;
    invDue[k] = due;
    invAmount[k] = cn ? 0 : amountMinor;
    const status = r > 0.995 ? 'Void' : r > 0.985 ? 'Disputed' : '';
    if (status === 'Void') invAmount[k] = 0;
    invoices[k + 1] = [
      `${cn ? 'CN' : 'INV'}-${String(k + 1).padStart(6, '0')}`, ids[ci], date(day), cn || r < 0.1 ? '' : date(due),
      amountMinor / 100, '', '', '', status, '',
    ];
  }

  // Payments: spread over the invoices, each paying one (or a part), dated by behaviour.
  const payRows: { day: number; row: Cell[] }[] = new Array(nP);
  let made = 0;
  for (let j = 0; j < nP; j++) {
    let k = Math.floor((j * nI) / nP);
    let tries = 0;
    while (invAmount[k] === 0 && tries++ < 20) k = (k + 1) % nI;
    const ci = invCust[k];
    const b = behaviour[ci];
    const invDay = invDue[k] - terms[ci];
    let day = invDue[k] + (b === 'bad' ? rng.int(30, 200) : delayFor(rng, b));
    day = Math.min(asOf, Math.max(invDay + 1, day));
    const full = invAmount[k] !== 0 ? invAmount[k] : size[ci];
    const amount = rng.chance(0.08) ? Math.round(full * rng.uniform(0.2, 0.8)) : full;
    const names = rng.chance(0.85) && invAmount[k] !== 0;
    payRows[made++] = {
      day,
      row: [date(day), ids[ci], Math.max(1, amount) / 100, names ? (invoices[k + 1][0] as string) : ''],
    };
  }
  payRows.sort((a, b) => a.day - b.day);
  const payments: Grid = new Array(nP + 1);
  payments[0] = [...HEADERS.Payments];
  for (let j = 0; j < nP; j++) payments[j + 1] = payRows[j].row;

  const orders: Grid = [[...HEADERS.Orders]];
  const os = ['Pending', 'Pending', 'Approved', 'Invoiced', 'Cancelled', 'Blocked'];
  for (let o = 0; o < nO; o++) {
    const ci = rng.int(0, nC - 1);
    orders.push([`SO-${String(o + 1).padStart(6, '0')}`, ids[ci], date(asOf - rng.int(0, 30)), Math.round(size[ci] * rng.uniform(0.3, 1.5)) / 100, os[rng.int(0, os.length - 1)], '']);
  }

  return {
    Customers: customers,
    Invoices: invoices,
    Payments: payments,
    Orders: orders,
    Settings: settingsGrid('Bench Trading Co.', true),
  };
}
