/**
 * The evidence pack sheet (证据包 – <ID>): one section under another — the customer's details,
 * every invoice with its open amount, the statement since the first invoice, every email sent,
 * every collections-log action, and the Plans sheet's rows for the customer as they are written.
 * One block per section, a fixed number of formats per section: the same calls for 10 invoices
 * or 10,000. Pure.
 */
import { dateOfDay } from '../../core/dates';
import { actionTypeWord } from '../../core/collections';
import { pastDueWithDisputed } from '../../core/picture';
import type { EvidencePack } from '../../core/evidence';
import type { Cell, Settings } from '../../core/types';
import type { Block } from '../../platform/format';
import type { Language } from '../../i18n/language';
import { COLLECTIONS_LOG_HEADERS, EVIDENCE_NAMES, EVIDENCE_TEXT } from '../../i18n/collections';
import { STATEMENT_TEXT } from '../../i18n/statements';
import { DATE_FORMAT, major, moneyFormat, type ReportLayout } from '../reports/layout';

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** The pack's sheet names for a customer ID, in both languages (at most 100 characters). */
export function evidenceSheetNames(customerId: string): Record<Language, string> {
  // eslint-disable-next-line no-control-regex
  const id = customerId.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  const name = (prefix: string) => `${prefix} – ${id}`.slice(0, 100);
  return { en: name(EVIDENCE_NAMES.en), zh: name(EVIDENCE_NAMES.zh) };
}

class Sheet {
  row = 1;
  width: number;
  blocks: { row: number; col: number; values: (Cell | null)[][] }[] = [];
  formats: { block: Block; format: string }[] = [];
  bold: Block[] = [];
  constructor(width: number) {
    this.width = width;
  }
  pad(r: Cell[]): Cell[] {
    return r.length >= this.width ? r.slice(0, this.width) : [...r, ...Array<Cell>(this.width - r.length).fill('')];
  }
  /** A section: its title row, then the rows; returns the first row after the title. */
  section(title: string, rows: Cell[][], headerRows = 0): number {
    const start = this.row;
    this.blocks.push({ row: start, col: 1, values: [this.pad([title]), ...rows.map((r) => this.pad(r))] });
    this.bold.push({ row: start, col: 1, numRows: 1 + headerRows, numCols: this.width });
    this.row = start + 1 + rows.length + 1; // a blank row after
    return start + 1;
  }
  format(row: number, col: number, numRows: number, numCols: number, format: string): void {
    this.formats.push({ block: { row, col, numRows, numCols }, format });
  }
}

export function evidenceLayout(pack: EvidencePack, settings: Settings, language: Language, timeZone: string): ReportLayout {
  const t = EVIDENCE_TEXT[language];
  const st = STATEMENT_TEXT[language];
  const cur = settings.baseCurrency;
  const money = moneyFormat(cur);
  const m = (minor: number) => major(minor, cur);
  const date = (day: number | null): Cell => (day === null ? '' : dateOfDay(day, timeZone));
  const cp = pack.picture;
  const c = cp.customer;
  const plansWidth = pack.plans ? pack.plans.header.length : 0;
  const width = Math.max(9, plansWidth, COLLECTIONS_LOG_HEADERS[language].length);
  const s = new Sheet(width);

  // Title
  const titleRow = s.section(settings.companyName ? (language === 'zh' ? `${t.title} — ${c.id} ${c.name}（${t.company}：${settings.companyName}）` : `${t.title} — ${c.id} ${c.name} (${t.company}: ${settings.companyName})`) : `${t.title} — ${c.id} ${c.name}`, [[t.generated, date(pack.asOf)]]);
  s.format(titleRow, 2, 1, 1, DATE_FORMAT);

  // Customer details. Past due here counts disputed invoices too, as the invoice table below and
  // the aging and the Dashboard do (the credit check's figures leave them out).
  const { amount: pastDue, mostDays } = pastDueWithDisputed(cp);
  const d = t.details;
  const details: Cell[][] = [
    [d[0], c.id], [d[1], c.name], [d[2], c.emails.join(', ')], [d[3], c.cc.join(', ')], [d[4], c.owner],
    [d[5], c.termsDays ?? settings.defaultTermsDays], [d[6], c.creditLimit === null ? '' : m(c.creditLimit)], [d[7], c.currency || cur],
    [d[8], c.onHold ? t.yes : t.no], [d[9], date(c.customerSince)], [d[10], m(cp.openBalance)], [d[11], m(pastDue)],
    [d[12], mostDays], [d[13], cp.score.score], [d[14], cp.grade],
  ];
  const dr = s.section(t.customer, details);
  s.format(dr + 6, 2, 1, 1, money);
  s.format(dr + 9, 2, 1, 1, DATE_FORMAT);
  s.format(dr + 10, 2, 2, 1, money);

  // Invoices
  const invoices = [...cp.invoices].sort((a, b) => a.invoice.invoiceDate - b.invoice.invoiceDate || a.invoice.row - b.invoice.row);
  const ir = s.section(t.invoices, [
    t.invoiceHeaders,
    ...invoices.map((i) => [
      i.invoice.no, date(i.invoice.invoiceDate), date(i.invoice.dueDate), m(i.invoice.amount), m(i.open),
      i.open > 0 ? Math.max(0, i.daysPastDue) : '', t.status[i.disputed ? 'disputed' : i.open === 0 ? 'paid' : i.invoice.status] ?? i.invoice.status,
      i.disputed ? t.yes : '', date(i.open === 0 ? i.paidDay : null),
    ]),
  ], 1);
  // Formats cover at least one row, so the calls do not depend on what the customer has.
  const ni = Math.max(1, invoices.length);
  s.format(ir + 1, 2, ni, 2, DATE_FORMAT);
  s.format(ir + 1, 4, ni, 2, money);
  s.format(ir + 1, 9, ni, 1, DATE_FORMAT);

  // Statement since the first invoice
  const stmt = pack.statement;
  const sr = s.section(t.statement, [
    [st.period, date(stmt.from), st.to, date(stmt.to)],
    [st.opening, '', '', '', '', '', m(stmt.opening)],
    [...st.headers],
    ...stmt.lines.map((l) => [
      date(l.day), st.kinds[l.kind] + (l.dateKnown ? '' : ` ${st.dateUnknown}`), l.reference, date(l.dueDate),
      l.debit ? m(l.debit) : '', l.credit ? m(l.credit) : '', m(l.balance),
    ]),
    [st.closing, '', '', '', '', '', m(stmt.closing)],
  ]);
  const nl = stmt.lines.length;
  const nl1 = Math.max(1, nl);
  s.format(sr, 2, 1, 1, DATE_FORMAT);
  s.format(sr, 4, 1, 1, DATE_FORMAT);
  s.format(sr + 1, 7, 1, 1, money);
  s.format(sr + 3, 1, nl1, 1, DATE_FORMAT);
  s.format(sr + 3, 4, nl1, 1, DATE_FORMAT);
  s.format(sr + 3, 5, nl + 1, 3, money);
  s.bold.push({ row: sr + 2, col: 1, numRows: 1, numCols: width }, { row: sr + 3 + nl, col: 1, numRows: 1, numCols: width });

  // Emails sent
  const er = s.section(t.reminders, pack.emails.length
    ? [t.reminderHeaders, ...pack.emails.map((e) => [e.time, e.key, e.invoiceNo, e.level, e.recipients, e.subject])]
    : [[t.none]], pack.emails.length ? 1 : 0);
  s.format(er + 1, 1, Math.max(1, pack.emails.length), 1, DATE_TIME_FORMAT);

  // Collections log actions
  const ar = s.section(t.actions, pack.actions.length
    ? [
        [...COLLECTIONS_LOG_HEADERS[language]],
        ...pack.actions.map((a) => [date(a.day), a.customerId, actionTypeWord(a.type, language), a.summary, a.outcome, a.nextAction, date(a.nextActionDate), a.owner, a.loggedBy]),
      ]
    : [[t.none]], pack.actions.length ? 1 : 0);
  s.format(ar + 1, 1, Math.max(1, pack.actions.length), 1, DATE_FORMAT);
  s.format(ar + 1, 7, Math.max(1, pack.actions.length), 1, DATE_FORMAT);

  // Plans and promises, as written
  const p = pack.plans;
  const summary = language === 'zh'
    ? `还款计划与付款承诺共 ${p?.made ?? 0} 项，违约 ${p?.broken ?? 0} 项。`
    : `Plans and promises made: ${p?.made ?? 0}; broken: ${p?.broken ?? 0}.`;
  if (!p) s.section(t.plans, [[t.noPlans]]);
  else if (p.rows.length === 0) s.section(t.plans, [[t.none]]);
  else s.section(t.plans, [p.header, ...p.rows, [summary]], 1);

  return {
    blocks: s.blocks,
    formulas: [],
    formats: s.formats,
    bold: s.bold,
    frozenRows: 0,
    chart: null,
    rows: s.row,
    cols: width,
  };
}
