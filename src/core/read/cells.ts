/**
 * Coercers for single cells other than dates and money: text, yes/no, whole numbers,
 * email lists, status words, language. Each returns a typed value, null for blank (where
 * blank means something), or a CellError; none throws.
 */
import type { Day, InvoiceStatus, OrderStatus } from '../types';
import { cellError, type CellError } from '../../i18n/problems';
import { isDateObject, isSheetErrorText, isoOfDay, dayFromDate, toHalfWidth, isDashOrBlank } from '../dates';
import { lazy } from '../lazy';

// Globals cached in module scope: inside a vm context (Jest, the emulator) every global
// lookup goes through the context's interceptor, which costs more than the work itself.
const numberIsFinite = Number.isFinite;
const isArray = Array.isArray;

/** Column letter for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) return '';
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** True for a blank cell ('' or whitespace only; null/undefined from odd callers too). */
export function isBlankCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export const MAX_PROBLEM_VALUE = 200;

/** A cell as text for a Problem: dates as YYYY-MM-DD in the zone, TRUE/FALSE, cut to 200 characters. */
export function cellText(v: unknown, timeZone: string): string {
  let s: string;
  try {
    if (typeof v === 'string') s = v;
    else if (typeof v === 'number') s = String(v);
    else if (typeof v === 'boolean') s = v ? 'TRUE' : 'FALSE';
    else if (v === null || v === undefined) s = '';
    else if (isDateObject(v)) {
      const day: Day = dayFromDate(v, timeZone);
      s = Number.isNaN(day) ? 'Invalid Date' : isoOfDay(day);
    } else s = String(v);
  } catch {
    s = '';
  }
  if (s.length <= MAX_PROBLEM_VALUE) return s;
  // Do not cut a surrogate pair in two.
  let cut = s.slice(0, MAX_PROBLEM_VALUE);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Reads a text cell: trimmed text, null for blank. Numbers become their text (1001 → '1001').
 * TRUE/FALSE, dates and spreadsheet errors are rejected.
 */
export function parseText(cell: unknown): string | null | CellError {
  if (typeof cell === 'string') {
    const s = cell.trim();
    if (s === '') return null;
    if (isSheetErrorText(s)) return cellError('cell.sheetError');
    return s;
  }
  if (typeof cell === 'number') return numberIsFinite(cell) ? String(cell) : cellError('cell.sheetError');
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cellError('text.boolean');
  if (isDateObject(cell)) return cellError('text.date');
  return null;
}

/** Longest ID accepted (Customer ID, Invoice No, Order No). */
export const MAX_ID_LENGTH = 100;

/** Reads an ID cell: like parseText, but longer than {@link MAX_ID_LENGTH} characters is rejected. */
export function parseId(cell: unknown): string | null | CellError {
  const v = parseText(cell);
  if (typeof v !== 'string') return v;
  if (v.length > MAX_ID_LENGTH) return cellError('text.tooLong', { max: MAX_ID_LENGTH });
  return idKey(v) === '' ? null : v; // only invisible characters: blank
}

/** Plain printable ASCII: its key is only upper-cased (most IDs; the fast path). */
const PLAIN_ID = /^[\x21-\x7e]*$/;
/** Invisible format characters (zero-width space and joiners, BOM, word joiner, soft hyphen, bidi marks). */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/** Dashes that look like a hyphen. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;

/**
 * The matching key of an ID: IDs that look the same share one. Trimmed, NFKC-folded (full-width
 * `Ｃ－１` is `C-1`), invisible characters dropped (a zero-width space pasted from a web page),
 * dashes as `-`, runs of spaces as one, upper-cased (`c-001 ` and `C-001` share one). The ID shown
 * stays as typed.
 */
export function idKey(id: string): string {
  // Fast path, most IDs: printable ASCII with no lower-case letter is its own key (no regex, no
  // new string: a key that is the cell's own string keeps its cached hash for the Map lookups).
  const n = id.length;
  let lower = false;
  let i = 0;
  for (; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) break;
    if (c >= 0x61 && c <= 0x7a) lower = true;
  }
  if (i === n) return lower ? id.toUpperCase() : id;
  const t = id.trim();
  if (PLAIN_ID.test(t)) return t.toUpperCase();
  // NFKC again after upper-casing: for a few letters (ΐ, ΰ …) upper case decomposes, and a key
  // folded twice must be the same key (the Reminder Log's keys are read folded).
  return t.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(/\s+/g, ' ').trim().toUpperCase().normalize('NFKC');
}

function normWord(s: string): string {
  return toHalfWidth(s).trim().toLowerCase().replace(/[\s.。!！]+$/u, '');
}

const YES = new Set(['y', 'yes', 'true', '1', 'x', '✓', '✔', '☑', '✅', '√', '是', '对', '有', '是的', 'on']);
const NO = new Set(['n', 'no', 'false', '0', '否', '无', '不', '不是', '没有', '×', '✗', '✘', 'off', '']);

/**
 * Reads a yes/no cell. Yes: Y, Yes, TRUE (text or boolean), 1, x, ✓, ✔, √, 是, 对, 有.
 * No: N, No, FALSE, 0, 否, 无, 不, and blank. Anything else is a CellError.
 */
export function parseYesNo(cell: unknown): boolean | CellError {
  if (typeof cell === 'boolean') return cell;
  if (cell === '' || cell === null || cell === undefined) return false;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : cellError('yesno.unreadable');
  if (typeof cell !== 'string') return cellError('yesno.unreadable');
  if (cell.length > 40) return cellError('yesno.unreadable');
  const w = normWord(cell);
  if (YES.has(w)) return true;
  if (NO.has(w)) return false;
  if (isSheetErrorText(w.toUpperCase())) return cellError('cell.sheetError');
  return cellError('yesno.unreadable');
}

/** Words that mean yes in one yes/no column: its own name and the like (冻结 in On Hold). */
export const FLAG_WORDS = {
  onHold: ['On Hold', 'Hold', 'Held', 'Credit Hold', 'Blocked', 'Stop', '冻结', '已冻结', '信用冻结', '暂停', '暂停赊销', '停止赊销', '停止供货', '停货', '停止发货', '暂停供货'],
  disputed: ['Disputed', 'Dispute', 'In Dispute', '争议', '有争议', '争议中', '纠纷', '有纠纷', '异议', '有异议'],
  remindersStopped: ['Stop Reminders', 'Reminders Stopped', 'No Reminders', 'Stop', 'Stopped', '停止催收', '不催收', '停催'],
} as const;

/** Lower-cased, half-width, without spaces and punctuation: 'On-Hold' → 'onhold'. */
export function flagKey(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
const FLAG_KEYS = lazy(() => {
  const m = new Map<string, Set<string>>();
  for (const [field, words] of Object.entries(FLAG_WORDS)) m.set(field, new Set(words.map(flagKey)));
  return m;
});
/** "Yes - legal", "是，质量问题": yes with a reason; "No - paid", "否（已解决）": no with one. */
const YES_WITH_REASON = /^(?:y|yes|true|是的?|有)\s*[-–—:：,，;；(（/、]|^(?:yes|是的?)\s+\S/u;
const NO_WITH_REASON = /^(?:n|no|false|否|无|没有)\s*[-–—:：,，;；(（/、]|^(?:no|否)\s+\S/u;
/** A column word negated: 不冻结, 未冻结, 无争议, not held, no dispute. */
const NEGATION = /^(?:没有|不|未|没|无|非|not|no)/u;

/** Words that say a hold was lifted or never set (已解冻, 正常, a dash): not held. Only On Hold: in Stop Reminders or Disputed, 取消 or OK is too unclear to send reminders on. */
const LIFTED = new Set(['解冻', '已解冻', '解除', '已解除', '取消', '已取消', '正常', '解除冻结', '已解除冻结', 'released', 'lifted', 'cleared', 'normal', 'ok', '-', '–', '—', '--']);

/**
 * Reads a yes/no column of a table (On Hold, Disputed, Stop Reminders): as {@link parseYesNo},
 * and also yes for the column's own words (冻结 in On Hold, 争议 in Disputed) and for a yes with a
 * reason ("Yes - legal", "是，质量问题"); no for those negated (不冻结, no dispute) or a no with a
 * reason. Anything else is a CellError, for the reader to decide what it assumes.
 */
export function parseFlag(cell: unknown, field: keyof typeof FLAG_WORDS): boolean | CellError {
  const v = parseYesNo(cell);
  if (typeof v === 'boolean' || typeof cell !== 'string' || cell.length > 80) return v;
  const w = normWord(cell);
  if (YES_WITH_REASON.test(w)) return true;
  if (NO_WITH_REASON.test(w)) return false;
  if (field === 'onHold' && LIFTED.has(w)) return false;
  const words = FLAG_KEYS().get(field)!;
  const k = flagKey(w);
  if (words.has(k)) return true;
  const neg = NEGATION.exec(k);
  if (neg && words.has(k.slice(neg[0].length))) return false;
  return v;
}

/**
 * Reads a number cell, null for blank. Text may be full-width, carry thousands commas and,
 * when `units` is given, a unit word before or after (Terms: `Net 30`, `30 days`, `30天`).
 */
export function parseNumber(cell: unknown, units?: RegExp): number | null | CellError {
  if (typeof cell === 'number') return numberIsFinite(cell) ? cell : cellError('cell.sheetError');
  if (cell === '' || cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cellError('number.unreadable');
  if (typeof cell !== 'string' || isDateObject(cell)) return cellError('number.unreadable');
  let s = toHalfWidth(cell).trim();
  if (isDashOrBlank(s)) return null;
  if (s.length > 40) return cellError('number.unreadable');
  if (isSheetErrorText(s)) return cellError('cell.sheetError');
  if (units) s = s.replace(units, '').trim().replace(units, '').trim(); // "Net 30 days": a unit before and after
  // A first group starting with 0 (`0,047`, `00,500`) is a decimal comma, never thousands: unreadable, like `1,5`.
  if (/^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return cellError('number.unreadable');
  return Number(s);
}

/** Units allowed around a number of days: `Net 30`, `30 days`, `30 天`, `30日`, `账期30天`, `30天账期`. */
export const DAY_UNITS = /^(?:net|账期)\s*:?\s*|\s*(?:days?|天|日|d)(?:\s*账期)?$/i;

/** Month-end terms (月结30天, `EOM`): a different terms model, never read as plain days. */
const MONTH_END_TERMS = /月结|\beom\b|end\s*of\s*(?:the\s*)?month|month[\s-]*end/i;

/**
 * Reads a Terms cell as days ({@link parseNumber} with {@link DAY_UNITS}). Month-end terms
 * (`月结30天`: the end of the month, then 30 days) are not plain days: their own CellError, so the
 * Problem says to write the Due Date or plain days instead of a guess.
 */
export function parseTermsDays(cell: unknown): number | null | CellError {
  const v = parseNumber(cell, DAY_UNITS);
  if (typeof v === 'object' && v !== null && v.problem === 'number.unreadable' && typeof cell === 'string' && cell.length <= 80 && MONTH_END_TERMS.test(toHalfWidth(cell))) {
    return cellError('terms.monthEnd');
  }
  return v;
}

// ---------------------------------------------------------------- emails

/**
 * An address mail can be sent to: plain ASCII local@domain.tld, no display name, spaces, commas or
 * line breaks; the last label starts with a letter. The one definition: the reader keeps only these
 * (another is a Problem) and the mailer sends only to these (src/core/reminders/render.ts).
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;

export function isEmail(s: string): boolean {
  return s.length <= 254 && EMAIL.test(s);
}

/** Longer address cells are not split (a real list of addresses is far shorter). */
const MAX_ADDRESS_CELL = 5000;

/**
 * Splits an address cell into pieces on , ; 、 and whitespace (also full-width ，；).
 * A `Name <addr>` form gives addr, `mailto:` and invisible characters (zero-width space …) are
 * dropped, repeats are dropped. Pieces are
 * not checked: see {@link isEmail}.
 */
export function splitAddressList(cell: unknown): string[] | CellError {
  if (cell === '' || cell === null || cell === undefined) return [];
  if (typeof cell === 'boolean') return cellError('text.boolean');
  if (isDateObject(cell)) return cellError('text.date');
  if (typeof cell === 'number') return [String(cell)];
  if (typeof cell !== 'string') return [];
  const s = cell.trim();
  if (s === '') return [];
  if (isSheetErrorText(s)) return cellError('cell.sheetError');
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (piece: string) => {
    const p = piece.replace(INVISIBLE, '').replace(/^mailto:/i, ''); // a zero-width space pasted with the address
    if (p === '') return;
    const k = p.toLowerCase();
    if (seen.has(k)) return;
    seen.add(k);
    out.push(p);
  };
  if (s.length > MAX_ADDRESS_CELL) {
    add(s); // not an address list: one invalid piece, without scanning it further
    return out;
  }
  // Linear passes only (no backtracking on long cells): drop quoted display names, split on
  // separators, and take the <addr> of a `Name <addr>` segment.
  const flattened = toHalfWidth(s).replace(/"[^"]*"/g, ' ');
  for (const segment of flattened.split(/[,;、]/)) {
    const lt = segment.indexOf('<');
    const gt = lt >= 0 ? segment.indexOf('>', lt) : -1;
    if (lt >= 0 && gt > lt) add(segment.slice(lt + 1, gt).trim());
    else for (const piece of segment.split(/\s+/)) add(piece);
  }
  return out;
}

/** Splits an address cell and sorts the pieces into valid addresses and invalid ones. */
export function splitEmails(cell: unknown): { valid: string[]; invalid: string[] } | CellError {
  const pieces = splitAddressList(cell);
  if (!isArray(pieces)) return pieces;
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const p of pieces) (isEmail(p) ? valid : invalid).push(p);
  return { valid, invalid };
}

// ---------------------------------------------------------------- words

function wordTable<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, string[]][]) {
    m.set(value, value);
    for (const w of words) {
      m.set(normWord(w), value);
      m.set(w, value); // exact spelling: a lookup before normalising
    }
  }
  return m;
}

/** Invoice status words, English and Chinese. */
export const INVOICE_STATUS_WORDS: Record<InvoiceStatus, string[]> = {
  open: ['Open', 'Unpaid', 'Outstanding', 'Due', 'Overdue', 'Partial', 'Partially Paid', '开放', '未付', '未收', '未结', '未结清', '待付', '待收', '未付款', '未收款', '待收款', '逾期', '已逾期', '部分付款', '部分收款', '部分回款'],
  paid: ['Paid', 'Closed', 'Settled', '已付', '已收', '已付款', '已收款', '已结清', '结清', '已结', '已付清', '已回款', '已收回', '已收清', '已核销', '已到账'],
  void: ['Void', 'Voided', 'Cancelled', 'Canceled', '作废', '已作废', '取消', '已取消'],
  disputed: [...FLAG_WORDS.disputed], // the Disputed column's own yes-words
};

/**
 * A reversal (红冲): not read as any status. It may already be entered as a negative row, so
 * reading it as Void could count the reversal twice; its Problem says what to write instead.
 */
const INVOICE_REVERSAL_WORDS = new Set(['红冲', '已红冲', '冲红', '已冲红', '红字冲销']);

/** Order status words, English and Chinese. */
export const ORDER_STATUS_WORDS: Record<OrderStatus, string[]> = {
  pending: ['Pending', 'New', 'Open', '待审', '待审批', '待审核', '审核中', '待定', '新建', '未审'],
  // Shipped but not yet invoiced is still exposure (the contract counts Pending and Approved
  // orders): goods gone or going, with no invoice in Invoices yet. Invoiced is for an order
  // whose invoice is in the Invoices sheet.
  approved: ['Approved', '已批准', '批准', '已审批', '已审核', '通过', '已通过', 'Shipped', '待发货', '已发货', '已出库'],
  blocked: ['Blocked', 'On Hold', 'Held', '已冻结', '冻结', '已拦截', '拦截', '暂停', '已拒绝', '拒绝', '驳回', '已驳回'],
  invoiced: ['Invoiced', 'Billed', '已开票', '开票', '已完成'],
  cancelled: ['Cancelled', 'Canceled', 'Void', '已取消', '取消', '作废'],
};

const INVOICE_STATUS = lazy(() => wordTable(INVOICE_STATUS_WORDS));
const ORDER_STATUS = lazy(() => wordTable(ORDER_STATUS_WORDS));

function parseWord<T extends string>(table: Map<string, T>, cell: unknown, code: 'status.invoice' | 'status.order' | 'language.unknown'): T | null | CellError {
  if (cell === '' || cell === null || cell === undefined) return null;
  if (typeof cell !== 'string') return cellError(code);
  const hit = table.get(cell);
  if (hit !== undefined) return hit;
  const s = cell.trim();
  if (s === '' || isDashOrBlank(s)) return null;
  if (isSheetErrorText(s)) return cellError('cell.sheetError');
  if (s.length > 40) return cellError(code);
  return table.get(normWord(s)) ?? cellError(code);
}

/** Reads an invoice Status cell; null for blank (meaning open). */
export function parseInvoiceStatus(cell: unknown): InvoiceStatus | null | CellError {
  const v = parseWord(INVOICE_STATUS(), cell, 'status.invoice');
  if (typeof v === 'object' && v !== null && v.problem === 'status.invoice' && typeof cell === 'string' && INVOICE_REVERSAL_WORDS.has(normWord(cell))) {
    return cellError('status.invoiceReversal');
  }
  return v;
}

/** Reads an order Status cell; null for blank (meaning pending). */
export function parseOrderStatus(cell: unknown): OrderStatus | null | CellError {
  return parseWord(ORDER_STATUS(), cell, 'status.order');
}

const LANGUAGES = lazy(() => wordTable<'en' | 'zh'>({
  en: ['English', 'EN', 'en-US', 'en-GB', 'Eng', '英文', '英语'],
  zh: ['中文', 'Chinese', 'ZH', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh-Hant', 'cn', '简体中文', '繁体中文', '繁體中文', '簡體中文', '汉语', '普通话'],
}));

/** Reads a Language cell: English/en/英文 → 'en', 中文/zh/Chinese → 'zh'; null for blank. */
export function parseLanguage(cell: unknown): 'en' | 'zh' | null | CellError {
  return parseWord(LANGUAGES(), cell, 'language.unknown');
}
