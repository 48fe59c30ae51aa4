/**
 * Tables, their columns and the header and sheet-name aliases, in English and Chinese.
 *
 * Matching ignores case, spaces and punctuation (ASCII and full-width: （）()：:_-·./# …) and a
 * trailing unit in brackets such as "(days)", "(天)", "(元)", "(CNY)", "(万元)". A column's header
 * that does not match as it is may also end in a unit after a separator: "金额/元", "应收金额 元",
 * "Amount - USD", "Amount in USD" (units.ts says what a unit is). The unit of a money column
 * (`money`) scales and prices its cells: see {@link matchHeader}. The sheet writer (Set up
 * credit file) uses `en` / `zh` of each field as the header it writes, and {@link columnIndex}
 * to find columns in a sheet the user already has.
 */
import type { Cell } from '../types';
import { lazy } from '../lazy';
import { bracketedUnit, unbracketedUnits, type HeaderUnit } from './units';

export type TableName = 'customers' | 'invoices' | 'payments' | 'orders';

export type CustomerField =
  | 'id' | 'name' | 'emails' | 'cc' | 'owner' | 'termsDays' | 'creditLimit' | 'currency'
  | 'onHold' | 'remindersPausedUntil' | 'externalRating' | 'customerSince' | 'language';
export type InvoiceField =
  | 'no' | 'customerId' | 'invoiceDate' | 'dueDate' | 'amount' | 'currency' | 'amountPaid'
  | 'paidDate' | 'status' | 'disputed' | 'remindersStopped';
export type PaymentField = 'date' | 'customerId' | 'amount' | 'currency' | 'invoiceNo';
export type OrderField = 'no' | 'customerId' | 'orderDate' | 'amount' | 'currency' | 'status' | 'creditCheck';

export interface FieldDef<F extends string = string> {
  field: F;
  /** Canonical English header, as Set up writes it. */
  en: string;
  /** Canonical Chinese header, as Set up writes it. */
  zh: string;
  /** Other headers accepted (English and Chinese). */
  aliases: readonly string[];
  /**
   * Headers read only when no other column names the field (客户简称, a short name, is the Name
   * only without a 客户名称 or other Name column): beside one, it is an extra column, not a repeat.
   */
  fallbackAliases?: readonly string[];
  /** A row without it is skipped; a sheet without the column reads no rows. */
  required: boolean;
  /** An amount: a scale or currency in its header's unit (万元, USD '000) applies to its cells. */
  money?: boolean;
}

export interface TableDef<F extends string = string> {
  table: TableName;
  /** Canonical sheet name in English and Chinese. */
  en: string;
  zh: string;
  sheetAliases: readonly string[];
  /** False for Payments and Orders: a file may do without them. */
  requiredSheet: boolean;
  fields: readonly FieldDef<F>[];
}

/** Other headers for a Customer ID column, in every table (and the Plans sheet). */
export const CUSTOMER_ID_ALIASES = ['客户ID', '客户代码', '客户编码', '客户号', 'Customer No', 'Customer Number', 'Customer Code', 'Client ID', 'Cust ID'];
const INVOICE_NO_ALIASES = ['单号', '发票编号', '发票号码', 'Invoice', 'Invoice Number', 'Invoice #', 'Inv No', 'Invoice No.'];

export const CUSTOMERS: TableDef<CustomerField> = {
  table: 'customers',
  en: 'Customers',
  zh: '客户',
  sheetAliases: ['Customer', 'Clients', '客户档案', '客户信息', '客户资料', '客户表', '客户信用档案'],
  requiredSheet: true,
  fields: [
    { field: 'id', en: 'Customer ID', zh: '客户编号', aliases: ['编号', ...CUSTOMER_ID_ALIASES], required: true },
    { field: 'name', en: 'Name', zh: '客户名称', aliases: ['名称', '公司', '公司名称', 'Customer Name', 'Company', 'Company Name'], fallbackAliases: ['客户简称'], required: true },
    { field: 'emails', en: 'Email', zh: '邮箱', aliases: ['电子邮件', '电邮', '邮件', '邮箱地址', 'E-mail', 'Emails', 'Email Address', 'Email Addresses'], required: false },
    { field: 'cc', en: 'CC', zh: '抄送', aliases: ['抄送邮箱', 'CC Email', 'CC Emails'], required: false },
    { field: 'owner', en: 'Owner', zh: '负责人', aliases: ['销售', '业务员', '销售负责人', 'Sales Owner', 'Account Owner', 'Salesperson', 'Sales Rep'], required: false },
    { field: 'termsDays', en: 'Terms (days)', zh: '账期(天)', aliases: ['账期', '付款期限', '信用期', 'Terms', 'Payment Terms', 'Credit Terms'], required: false },
    { field: 'creditLimit', en: 'Credit Limit', zh: '信用额度', aliases: ['授信额度', '额度', 'Limit'], required: false, money: true },
    { field: 'currency', en: 'Currency', zh: '币种', aliases: ['货币', 'Ccy'], required: false },
    { field: 'onHold', en: 'On Hold', zh: '冻结', aliases: ['暂停赊销', '信用冻结', '是否冻结', 'Hold', 'Credit Hold'], required: false },
    { field: 'remindersPausedUntil', en: 'Reminders Paused Until', zh: '暂停催收至', aliases: ['Pause Reminders Until', 'Paused Until', '暂停催收到'], required: false },
    { field: 'externalRating', en: 'External Rating', zh: '外部评级', aliases: ['外部评分', 'Rating', 'External Score'], required: false },
    { field: 'customerSince', en: 'Customer Since', zh: '合作开始日期', aliases: ['合作日期', '开始合作日期', 'Since', 'Start Date'], required: false },
    { field: 'language', en: 'Language', zh: '语言', aliases: ['Lang', '邮件语言'], required: false },
  ],
};

export const INVOICES: TableDef<InvoiceField> = {
  table: 'invoices',
  en: 'Invoices',
  zh: '发票',
  sheetAliases: ['Invoice', 'Receivables', 'Accounts Receivable', 'AR', '应收', '应收账款', '应收款', '应收账款明细', '应收明细', '发票表'],
  requiredSheet: true,
  fields: [
    { field: 'no', en: 'Invoice No', zh: '发票号', aliases: INVOICE_NO_ALIASES, required: true },
    { field: 'customerId', en: 'Customer ID', zh: '客户编号', aliases: ['客户', 'Customer', ...CUSTOMER_ID_ALIASES], required: true },
    { field: 'invoiceDate', en: 'Invoice Date', zh: '开票日期', aliases: ['日期', '发票日期', '开单日期', 'Date', 'Issue Date'], required: true },
    { field: 'dueDate', en: 'Due Date', zh: '到期日', aliases: ['到期日期', '应收日期', 'Due', 'Payment Due'], required: false },
    { field: 'amount', en: 'Amount', zh: '金额', aliases: ['应收金额', '发票金额', '含税金额', '价税合计', '开票金额', 'Invoice Amount', 'Total'], required: true, money: true },
    { field: 'currency', en: 'Currency', zh: '币种', aliases: ['货币', 'Ccy'], required: false },
    { field: 'amountPaid', en: 'Amount Paid', zh: '已付金额', aliases: ['已收金额', '回款金额', '实收金额', '到账金额', 'Paid Amount', 'Amount Received'], required: false, money: true },
    { field: 'paidDate', en: 'Paid Date', zh: '付款日期', aliases: ['收款日期', '回款日期', 'Date Paid', 'Payment Date'], required: false },
    { field: 'status', en: 'Status', zh: '状态', aliases: ['发票状态', '付款状态', '收款状态', 'Invoice Status'], required: false },
    { field: 'disputed', en: 'Disputed', zh: '争议', aliases: ['有争议', '是否争议', 'Dispute', 'In Dispute'], required: false },
    { field: 'remindersStopped', en: 'Stop Reminders', zh: '停止催收', aliases: ['不催收', 'Reminders Stopped', 'No Reminders'], required: false },
  ],
};

export const PAYMENTS: TableDef<PaymentField> = {
  table: 'payments',
  en: 'Payments',
  zh: '收款',
  sheetAliases: ['Payment', 'Receipts', 'Cash Received', '回款', '收款记录', '回款记录', '收款明细', '回款明细'],
  requiredSheet: false,
  fields: [
    { field: 'date', en: 'Payment Date', zh: '收款日期', aliases: ['日期', '回款日期', '到账日期', 'Date', 'Received Date'], required: true },
    { field: 'customerId', en: 'Customer ID', zh: '客户编号', aliases: ['客户', 'Customer', ...CUSTOMER_ID_ALIASES], required: true },
    { field: 'amount', en: 'Amount', zh: '收款金额', aliases: ['金额', '回款金额', '实收金额', '到账金额', 'Payment Amount', 'Amount Received'], required: true, money: true },
    { field: 'currency', en: 'Currency', zh: '币种', aliases: ['货币', 'Ccy'], required: false },
    { field: 'invoiceNo', en: 'Invoice No', zh: '发票号', aliases: INVOICE_NO_ALIASES, required: false },
  ],
};

export const ORDERS: TableDef<OrderField> = {
  table: 'orders',
  en: 'Orders',
  zh: '订单',
  sheetAliases: ['Order', 'Sales Orders', '销售订单', '订单表'],
  requiredSheet: false,
  fields: [
    { field: 'no', en: 'Order No', zh: '订单号', aliases: ['订单编号', 'Order', 'Order Number', 'Order #'], required: true },
    { field: 'customerId', en: 'Customer ID', zh: '客户编号', aliases: ['客户', 'Customer', ...CUSTOMER_ID_ALIASES], required: true },
    { field: 'orderDate', en: 'Order Date', zh: '下单日期', aliases: ['订单日期', '日期', 'Date'], required: false },
    { field: 'amount', en: 'Amount', zh: '金额', aliases: ['订单金额', 'Order Amount'], required: true, money: true },
    { field: 'currency', en: 'Currency', zh: '币种', aliases: ['货币', 'Ccy'], required: false },
    { field: 'status', en: 'Status', zh: '状态', aliases: ['订单状态', 'Order Status'], required: false },
    { field: 'creditCheck', en: 'Credit Check', zh: '信用检查', aliases: ['信用审核', 'Credit Status'], required: false },
  ],
};

export const TABLES = { customers: CUSTOMERS, invoices: INVOICES, payments: PAYMENTS, orders: ORDERS } as const;

/** The Settings sheet: name aliases and its two columns' headers. */
export const SETTINGS_SHEET = {
  en: 'Settings',
  zh: '设置',
  sheetAliases: ['Setting', 'Config', 'Configuration', '配置', '参数'],
  keyHeader: { en: 'Setting', zh: '设置项', aliases: ['Key', 'Name', 'Item', '项目', '名称', '参数'] },
  valueHeader: { en: 'Value', zh: '值', aliases: ['数值', '内容', '设置值'] },
  descriptionHeader: { en: 'Description', zh: '说明', aliases: ['Notes', '备注', '描述'] },
} as const;

// ---------------------------------------------------------------- matching

const TRAILING_UNIT = /[([（【［][^()[\]（）【】［］]*[)\]）】］]\s*$/u;

/**
 * The form a header or sheet name is matched by: compatibility forms folded (full-width to
 * ASCII), lower case, a trailing bracketed unit dropped, then only letters and digits kept.
 */
export function normalizeHeader(text: unknown): string {
  let s: string;
  if (typeof text === 'string') s = text;
  else if (typeof text === 'number' && Number.isFinite(text)) s = String(text);
  else return '';
  if (s.length > 200) return '';
  s = s.normalize('NFKC').toLowerCase().trim();
  const stripped = s.replace(TRAILING_UNIT, '');
  if (/[\p{L}\p{N}]/u.test(stripped)) s = stripped;
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A lookup from a name, matched like a header, to the value whose names include it (the first
 * value to name it wins). The map is built on first use, so loading the bundle builds none.
 *
 * @example nameLookup(() => [['due', ['Due Date', '到期日']]])('due date') === 'due'
 */
export function nameLookup<V>(entries: () => Iterable<readonly [V, Iterable<string>]>): (name: unknown) => V | undefined {
  const map = lazy(() => {
    const m = new Map<string, V>();
    for (const [value, names] of entries()) {
      for (const name of names) {
        const k = normalizeHeader(name);
        if (k && !m.has(k)) m.set(k, value);
      }
    }
    return m;
  });
  return (name) => map().get(normalizeHeader(name));
}

/** True when a cell, matched like a header, is one of the words' names (English, Chinese or an alias). */
export function isHeaderWord(cell: unknown, words: { en: string; zh: string; aliases: readonly string[] }): boolean {
  const k = normalizeHeader(cell);
  return k !== '' && [words.en, words.zh, ...words.aliases].some((a) => normalizeHeader(a) === k);
}

/** True for a name that, matched like a header, is one of `names` (built on first use). */
export function nameSet(names: () => Iterable<string>): (name: unknown) => boolean {
  const lookup = nameLookup(() => [[true, names()] as const]);
  return (name) => lookup(name) === true;
}

const headerMaps: Partial<Record<TableName, (header: unknown) => string | undefined>> = {};

/**
 * Field keys that are too generic to be a header's name: a "No." column numbering the rows, or an
 * "ID" column of another system, is not the Invoice No / Order No / Customer ID column.
 */
const GENERIC_KEYS = new Set(['no', 'id']);

function headerLookup(table: TableName): (header: unknown) => string | undefined {
  const names = (f: FieldDef) => [...(GENERIC_KEYS.has(f.field) ? [] : [f.field]), f.en, f.zh, ...f.aliases, ...(f.fallbackAliases ?? [])];
  return (headerMaps[table] ||= nameLookup(() => (TABLES[table].fields as readonly FieldDef[]).map((f) => [f.field, names(f)] as const)));
}

/** A header's field and the unit written after its name (null: none, or one that is no unit). */
export interface HeaderMatch<F extends string> {
  field: F;
  unit: HeaderUnit | null;
  /** The header as it named the field: the whole header, or the part before an unbracketed unit (信用额度 of 信用额度/万元). */
  name: unknown;
}

/**
 * The field a header names in a table and its unit, or null. A header matches as it is (its
 * names, its aliases, its key as in `invoice_date`, a trailing bracket dropped: the unit is what
 * the bracket holds, when that is a unit); failing that, as a name followed by a unit after a
 * separator ("金额/元", "Amount - USD"), so that a real header ending in a word that is no unit
 * ("CC Email") is never cut.
 */
export function matchHeader<T extends TableName>(table: T, header: unknown): HeaderMatch<FieldOf<T>> | null {
  const lookup = headerLookup(table);
  const field = lookup(header);
  if (field !== undefined) return { field: field as FieldOf<T>, unit: bracketedUnit(header), name: header };
  for (const { name, unit } of unbracketedUnits(header)) {
    const f = lookup(name);
    if (f !== undefined) return { field: f as FieldOf<T>, unit, name };
  }
  return null;
}

/** The field a header names in a table (see {@link matchHeader}), or null. */
export function fieldOfHeader<T extends TableName>(table: T, header: unknown): FieldOf<T> | null {
  return matchHeader(table, header)?.field ?? null;
}

export type FieldOf<T extends TableName> = T extends 'customers'
  ? CustomerField
  : T extends 'invoices'
    ? InvoiceField
    : T extends 'payments'
      ? PaymentField
      : OrderField;

export interface ColumnMatch<F extends string> {
  /** Field → 0-based column index (the first column with that header). */
  index: Partial<Record<F, number>>;
  /** Later columns naming a field already found: they are not read. */
  duplicates: { field: F; index: number; first: number }[];
  /** Field → the unit in the header of its column (the one in `index`), when it has one. */
  units: Partial<Record<F, HeaderUnit>>;
}

/** Each field's own headers (en and zh, matched like headers), per table. */
const exactHeaders: Partial<Record<TableName, Map<string, string>>> = {};
/** Each field's fallback headers (matched like headers), per table. */
const fallbackHeaders: Partial<Record<TableName, Map<string, string>>> = {};

/** How strongly a header names its field: 2 its own header, 1 an alias, 0 a fallback alias. */
const EXACT = 2, ALIAS = 1, FALLBACK = 0;

/**
 * Matches a header row to a table's fields, noting repeated headers. A field's own header (its
 * en or zh name) wins over an alias wherever it stands: with `Customer` (names) before
 * `Customer ID`, Customer ID is read and `Customer` is left as an extra column, not a repeat.
 * Likewise an alias wins over a fallback alias (客户简称 beside 公司名称: the full name is read).
 * Two columns of the same rank: the first is read and the later one is a repeat.
 */
export function matchColumns<T extends TableName>(table: T, headerRow: readonly unknown[]): ColumnMatch<FieldOf<T>> {
  const index: Partial<Record<FieldOf<T>, number>> = {};
  let duplicates: { field: FieldOf<T>; index: number; first: number }[] = [];
  const units: Partial<Record<FieldOf<T>, HeaderUnit>> = {};
  const row = Array.isArray(headerRow) ? headerRow : [];
  let exact = exactHeaders[table];
  let fallback = fallbackHeaders[table];
  if (!exact || !fallback) {
    exact = new Map();
    fallback = new Map();
    for (const d of TABLES[table].fields as readonly FieldDef[]) {
      for (const h of [d.en, d.zh]) exact.set(normalizeHeader(h), d.field);
      for (const h of d.fallbackAliases ?? []) fallback.set(normalizeHeader(h), d.field);
    }
    exactHeaders[table] = exact;
    fallbackHeaders[table] = fallback;
  }
  const rankOf: Partial<Record<FieldOf<T>, number>> = {};
  for (let i = 0; i < row.length; i++) {
    const m = matchHeader(table, row[i]);
    if (m === null) continue;
    const f = m.field;
    const key = normalizeHeader(m.name); // the name without its unit: 信用额度/万元 is the own header
    const rank = exact.get(key) === f ? EXACT : fallback.get(key) === f ? FALLBACK : ALIAS;
    const first = index[f];
    const firstRank = rankOf[f] ?? -1;
    if (first === undefined || rank > firstRank) {
      if (first !== undefined) duplicates = duplicates.filter((d) => d.field !== f); // the weaker columns are extra columns
      index[f] = i;
      rankOf[f] = rank;
      if (m.unit) units[f] = m.unit;
      else delete units[f];
    } else if (rank === firstRank) duplicates.push({ field: f, index: i, first });
  }
  return { index, duplicates, units };
}

/** Field → 0-based column index for a header row of a table (first match wins; unknown columns ignored). */
export function columnIndex<T extends TableName>(table: T, headerRow: readonly Cell[]): Partial<Record<FieldOf<T>, number>> {
  return matchColumns(table, headerRow).index;
}

const sheetTable = nameLookup<TableName | 'settings'>(() => [
  ...Object.values(TABLES).map((t) => [t.table, [t.table, t.en, t.zh, ...t.sheetAliases]] as const),
  ['settings', [SETTINGS_SHEET.en, SETTINGS_SHEET.zh, ...SETTINGS_SHEET.sheetAliases]],
]);

/** The table a sheet name stands for, 'settings', or null. */
export function tableOfSheetName(name: unknown): TableName | 'settings' | null {
  return sheetTable(name) ?? null;
}

/** The header to write for a field in a language. */
export function headerFor<T extends TableName>(table: T, field: FieldOf<T>, language: 'en' | 'zh'): string {
  const f = (TABLES[table].fields as readonly FieldDef<string>[]).find((d) => d.field === field);
  return f ? (language === 'zh' ? f.zh : f.en) : String(field);
}
