/**
 * The legal hand-off (证据包): everything about one customer a lawyer or a collection agency
 * needs, assembled from what the add-on already knows — the customer's details, every invoice with
 * its open amount, the statement of account since the first invoice, every email sent (Reminder
 * Log, state `sent`), every collections-log action, and the repayment plans and promises of a
 * Plans sheet when the file has one.
 *
 * Pure: it takes the values the sheets hold and gives data; src/sheets/legal/ lays it out.
 *
 * Decisions:
 * - The statement runs from the customer's first activity (invoice, credit note or payment) to
 *   the as-of day, so it opens at 0 and closes at OPENBALANCE.
 * - The Plans sheet is someone else's table: it is read defensively (header row = first non-empty
 *   row; a "Customer ID" / 客户编号 column is needed) and its rows are shown as they are, every
 *   column, in sheet order. Counts of promises made and broken are given when Type and Status
 *   columns say so in English or Chinese.
 */
import type { Cell, CreditFile, Day } from './types';
import type { CustomerPicture } from './picture';
import type { ArrangementView } from './plans/keep';
import { firstActivity, statement, type Statement } from './statement';
import { mergeHistory, reminderActions, type CollectionAction } from './collections';
import { nameSet } from './read/headers';
import { headerRowIndex, isBlankRow } from './read/table';
import { idKey } from './read/cells';
import type { Language } from '../i18n/language';

export interface SentEmail {
  /** The Time cell as written by the run (a Date). */
  time: Cell;
  key: string;
  invoiceNo: string;
  level: string;
  recipients: string;
  subject: string;
  row: number;
}

export interface PlansExtract {
  /** The header row as written. */
  header: Cell[];
  /** This customer's rows, every column, as written. */
  rows: Cell[][];
  /** Plans and promises made: the customer's evaluated arrangements (else, from the Type column: one per Plan ID, or per row). */
  made: number;
  /** Of them, broken: computed status (else, from the Status column as written). */
  broken: number;
  /** Null when the sheet has no Customer ID column. */
  customerColumn: number | null;
}

export interface EvidencePack {
  customerKey: string;
  asOf: Day;
  picture: CustomerPicture;
  statement: Statement;
  /** Every email sent to or about the customer, in log order. */
  emails: SentEmail[];
  /** Logged actions and sent emails, in date order. */
  history: CollectionAction[];
  /** Logged actions only (Collections Log rows of the customer). */
  actions: CollectionAction[];
  /** Null when the file has no Plans sheet. */
  plans: PlansExtract | null;
}

export interface EvidenceInput {
  file: Pick<CreditFile, 'invoices' | 'payments' | 'settings'>;
  picture: CustomerPicture;
  asOf: Day;
  timeZone: string;
  language: Language;
  /** Reminder Log values (header first), or null when there is no such sheet. */
  reminderLog: unknown[][] | null;
  /** Collections actions already read (readCollectionsLog), any customer. */
  actions: readonly CollectionAction[];
  /** Plans sheet values, or null. */
  plans: unknown[][] | null;
}

/** Sent lines of the Reminder Log for one customer. */
export function sentEmails(values: unknown[][] | null, customerKey: string): SentEmail[] {
  if (!values || values.length === 0) return [];
  const header = (values[0] as unknown[]).map((c) => String(c ?? '').trim().toLowerCase());
  const col = (en: string, zh: string): number => {
    const i = header.indexOf(en.toLowerCase());
    return i >= 0 ? i : header.indexOf(zh);
  };
  const c = {
    time: col('Time', '时间'), key: col('Key', '键'), invoice: col('Invoice No', '发票号'), customer: col('Customer ID', '客户编号'),
    level: col('Level', '级别'), state: col('State', '状态'), recipients: col('Recipients', '收件人'), subject: col('Subject', '主题'),
  };
  if (c.state < 0 || c.customer < 0) return [];
  const out: SentEmail[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] as Cell[];
    if (!Array.isArray(row)) continue;
    const at = (i: number): Cell => (i >= 0 ? row[i] ?? '' : '');
    if (String(at(c.state)).trim().toLowerCase() !== 'sent') continue;
    if (idKey(String(at(c.customer))) !== customerKey) continue;
    out.push({
      time: at(c.time), key: String(at(c.key)), invoiceNo: String(at(c.invoice)), level: String(at(c.level)),
      recipients: String(at(c.recipients)), subject: String(at(c.subject)), row: r + 1,
    });
  }
  return out;
}

const isCustomerHeader = nameSet(() => ['Customer ID', '客户编号', '客户ID', 'Customer', '客户', '编号']);
const isTypeHeader = nameSet(() => ['Type', '类型']);
const isStatusHeader = nameSet(() => ['Status', '状态']);
const PROMISE = /promise|承诺|^\s*ptp\s*$/i;
const PLAN = /plan|instal|分期|计划/i;
const isPlanIdHeader = nameSet(() => ['Plan ID', '计划编号', 'Plan No', '计划号']);
const BROKEN = /broken|missed|failed|违约|未履行|爽约|逾期|未兑现|失约/i;

/**
 * This customer's rows of a Plans sheet, read defensively: the rows whose Customer ID is the
 * customer's, and every row of the customer's plans and promises as the plans reader read them
 * (a plan's later rows leave Customer ID blank). The plans and promises made and broken are
 * counted from those evaluated arrangements (the same as getPlans and the score: a Status column
 * is never read there); when the plans reader found none for the customer (a sheet kept in
 * another layout), from the Type and Status columns as written (one per Plan ID when there is
 * that column, else one per row typed as a plan or a promise).
 */
export function plansFor(values: unknown[][] | null, customerKey: string, evaluated?: readonly ArrangementView[]): PlansExtract | null {
  const arrangements = evaluated && evaluated.length > 0 ? evaluated : undefined;
  if (!values) return null;
  const h = headerRowIndex(values);
  if (h < 0) return { header: [], rows: [], made: 0, broken: 0, customerColumn: null };
  const header = (values[h] as Cell[]).slice();
  const cc = header.findIndex(isCustomerHeader);
  if (cc < 0) return { header, rows: [], made: 0, broken: 0, customerColumn: null };
  const tc = header.findIndex(isTypeHeader);
  const sc = header.findIndex(isStatusHeader);
  const idc = header.findIndex(isPlanIdHeader);
  const typed = new Set<string>();
  const typedBroken = new Set<string>();
  const rows: Cell[][] = [];
  let made = 0;
  let broken = 0;
  const theirs = new Set<number>();
  for (const v of arrangements ?? []) for (const row of v.arrangement.rows) theirs.add(row);
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r] as Cell[];
    if (!Array.isArray(row) || isBlankRow(row)) continue;
    if (idKey(String(row[cc] ?? '')) !== customerKey && !theirs.has(r + 1)) continue;
    const full = header.map((_, i) => (row[i] ?? '') as Cell);
    rows.push(full);
    if (arrangements === undefined && tc >= 0 && (PROMISE.test(String(row[tc] ?? '')) || PLAN.test(String(row[tc] ?? '')))) {
      // One per Plan ID when the sheet has that column (a plan's rows share it), else one per row.
      const id = idc >= 0 ? idKey(String(row[idc] ?? '')) : '';
      const isBroken = sc >= 0 && BROKEN.test(String(row[sc] ?? ''));
      if (idc >= 0 && id !== '') {
        typed.add(id);
        if (isBroken) typedBroken.add(id);
      } else {
        made++;
        if (isBroken) broken++;
      }
    }
  }
  if (arrangements !== undefined) {
    // Plans and promises alike, as getPlans and the score count them (docs/collections.md §6).
    made = arrangements.length;
    broken = arrangements.filter((v) => v.status === 'broken').length;
  } else if (idc >= 0) {
    made = typed.size;
    broken = typedBroken.size;
  }
  return { header, rows, made, broken, customerColumn: cc };
}

/** Assembles the evidence pack of one customer. */
export function assembleEvidence(input: EvidenceInput): EvidencePack {
  const key = input.picture.customer.key;
  const from = firstActivity(input.file, key) ?? input.asOf;
  const st = statement(input.file, key, Math.min(from, input.asOf), input.asOf);
  const actions = input.actions.filter((a) => a.customerKey === key);
  const emails = reminderActions(input.reminderLog ?? [], input.timeZone, input.language).filter((a) => a.customerKey === key);
  return {
    customerKey: key,
    asOf: input.asOf,
    picture: input.picture,
    statement: st,
    emails: sentEmails(input.reminderLog, key),
    history: mergeHistory(actions, emails),
    actions,
    plans: plansFor(input.plans, key, input.picture.arrangements),
  };
}
