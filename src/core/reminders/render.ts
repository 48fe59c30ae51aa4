/**
 * Rendering a communication into an email: subject, plain-text body and HTML body.
 * Every value from the sheet is HTML-escaped in the HTML part; subjects and addresses are
 * validated so that no cell can inject a mail header.
 */
import type { Communication, ReminderInvoice } from './plan';
import type { Template } from './ladder';
import { isEmail } from '../read/cells';
import { levelNameIn } from '../../i18n/ladder';

export interface RenderContext {
  language: 'en' | 'zh';
  company: string;
  formatAmount: (minor: number) => string;
  isoOfDay: (day: number) => string;
  asOf: number;
}

export interface RenderedEmail {
  to: string;
  cc: string;
  subject: string;
  body: string;
  htmlBody: string;
}

const MAX_SUBJECT = 250;
const MAX_FIELD = 500;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One line of header-safe text: control characters (CR, LF, tabs, NUL…) become spaces. */
export function headerSafe(text: string, max = MAX_SUBJECT): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A sender's display name (Settings' Company Name) that can only be a name: one line, and none of
 * the characters that give a From header structure (quotes, angle brackets, commas, semicolons,
 * colons, @, backslashes, brackets). `Acme" <ceo@bank.example>` would otherwise show as if sent
 * by that mailbox, and `Acme, Inc.; x@evil.example` as a list of addresses. They become spaces.
 */
export function senderName(text: string, max = 100): string {
  return headerSafe(text.replace(/["<>,;:@\\()[\]]+/g, ' '), max);
}

/** True for one plain address: no display name, no spaces, no commas, no line breaks (the reader's {@link isEmail}). */
export function isValidAddress(address: string): boolean {
  return isEmail(address);
}

/** Recipients of one message, at most (MailApp refuses a message to more). */
export const MAX_RECIPIENTS = 50;

/**
 * To and CC of one message: valid addresses, To first, at most MAX_RECIPIENTS in all (a customer
 * with more addresses gets the first ones; CC before To is never kept over To).
 */
export function recipients(to: string[], cc: string[]): { to: string; cc: string } {
  const t = [...new Set(to.map((a) => a.trim()).filter(isValidAddress))].slice(0, MAX_RECIPIENTS);
  const c = [...new Set(cc.map((a) => a.trim()).filter(isValidAddress))].filter((a) => !t.includes(a)).slice(0, MAX_RECIPIENTS - t.length);
  return { to: t.join(','), cc: c.join(',') };
}

function cut(text: string): string {
  return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD - 1)}…` : text;
}

const TABLE_HEAD = {
  en: ['Invoice', 'Invoice date', 'Due date', 'Open amount', 'Days overdue'],
  zh: ['发票号', '开票日期', '到期日', '未付金额', '逾期天数'],
};
const OTHER_HEAD = { en: 'Other open items', zh: '其他未结款项' };
const MORE = {
  en: (n: number) => `… and ${n} more invoice${n === 1 ? '' : 's'}`,
  zh: (n: number) => `……另有 ${n} 张发票`,
};

/**
 * Rows listed per table, at most. MailApp refuses a body over 200 KB and an HTML row is about
 * 400 bytes: a customer with hundreds of open invoices gets the oldest ones listed and one row
 * saying how many more and how much they come to; the totals always count them all.
 */
export const MAX_TABLE_ROWS = 100;
export const MAX_OTHER_ROWS = 50;
const TOTAL = { en: 'Total', zh: '合计' };
/** What follows a label in the plain-text part: a full-width colon in Chinese. */
const COLON = { en: ': ', zh: '：' };

interface Row {
  cells: string[];
}

function rowsOf(invoices: ReminderInvoice[], ctx: RenderContext, max: number): Row[] {
  const listed = invoices.slice(0, max).map((i) => ({
    cells: [cut(i.no), ctx.isoOfDay(i.invoiceDate), ctx.isoOfDay(i.dueDate), ctx.formatAmount(i.open), String(Math.max(0, ctx.asOf - i.dueDate))],
  }));
  const rest = invoices.slice(max);
  if (rest.length === 0) return listed;
  return [...listed, { cells: [MORE[ctx.language](rest.length), '', '', ctx.formatAmount(rest.reduce((s, i) => s + i.open, 0)), ''] }];
}

function htmlTable(head: string[], rows: Row[], total: string, totalLabel: string): string {
  const th = head.map((h) => `<th style="text-align:left;padding:4px 8px;border-bottom:1px solid #ccc">${escapeHtml(h)}</th>`).join('');
  const tr = rows
    .map((r) => `<tr>${r.cells.map((c, i) => `<td style="padding:4px 8px${i >= 3 ? ';text-align:right' : ''}">${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  const foot = `<tr><td colspan="3" style="padding:4px 8px;font-weight:bold">${escapeHtml(totalLabel)}</td><td style="padding:4px 8px;text-align:right;font-weight:bold">${escapeHtml(total)}</td><td></td></tr>`;
  return `<table style="border-collapse:collapse">${`<tr>${th}</tr>`}${tr}${foot}</table>`;
}

function textTable(head: string[], rows: Row[], total: string, totalLabel: string, colon: string): string {
  const lines = [head.join(' | '), ...rows.map((r) => r.cells.join(' | ')), `${totalLabel}${colon}${total}`];
  return lines.join('\n');
}

/** The merge fields of a communication, as plain text (escaped later for HTML). */
export function mergeFields(comm: Communication, ctx: RenderContext): Record<string, string> {
  const due = comm.lines.reduce((s, l) => s + l.invoice.open, 0);
  const open = due + comm.otherOpen.reduce((s, i) => s + i.open, 0);
  const maxDays = comm.lines.reduce((m, l) => Math.max(m, l.daysPastDue), 0);
  return {
    customer_name: cut(comm.customer.name),
    customer_id: cut(comm.customer.id),
    total_due: ctx.formatAmount(due),
    total_open: ctx.formatAmount(open),
    max_days_overdue: String(Math.max(0, maxDays)),
    owner: cut(comm.customer.owner),
    company: cut(ctx.company),
    as_of: ctx.isoOfDay(ctx.asOf),
    level: levelNameIn(comm.level.name, ctx.language),
  };
}

/**
 * Fills a template: the template's own text and every merge field pass through `escape` (the
 * template comes from a sheet too); only {{invoice_table}} goes in as given, already built.
 */
function fill(template: string, fields: Record<string, string>, table: string, escape: (s: string) => string): string {
  const field = /\{\{\s*([a-z_]+)\s*\}\}/g;
  let out = '';
  let last = 0;
  for (let m = field.exec(template); m !== null; m = field.exec(template)) {
    out += escape(template.slice(last, m.index));
    const name = m[1];
    out += name === 'invoice_table' ? table : name in fields ? escape(fields[name]) : escape(m[0]);
    last = m.index + m[0].length;
  }
  return out + escape(template.slice(last));
}

/** Renders the email of a communication with the template of its level in the given language. */
export function renderEmail(comm: Communication, ctx: RenderContext): RenderedEmail {
  const template: Template = comm.level.templates[ctx.language];
  const fields = mergeFields(comm, ctx);
  const head = TABLE_HEAD[ctx.language];
  const dueRows = rowsOf(comm.lines.map((l) => l.invoice), ctx, MAX_TABLE_ROWS);
  const otherRows = rowsOf(comm.otherOpen, ctx, MAX_OTHER_ROWS);
  const dueTotal = fields.total_due;
  const otherTotal = ctx.formatAmount(comm.otherOpen.reduce((s, i) => s + i.open, 0));

  let html = htmlTable(head, dueRows, dueTotal, TOTAL[ctx.language]);
  let text = textTable(head, dueRows, dueTotal, TOTAL[ctx.language], COLON[ctx.language]);
  if (otherRows.length > 0) {
    html += `<p><b>${escapeHtml(OTHER_HEAD[ctx.language])}</b></p>${htmlTable(head, otherRows, otherTotal, TOTAL[ctx.language])}`;
    text += `\n\n${OTHER_HEAD[ctx.language]}\n${textTable(head, otherRows, otherTotal, TOTAL[ctx.language], COLON[ctx.language])}`;
  }

  const body = fill(template.body, fields, text, (s) => s);
  const paragraphs = template.body.split(/\n{2,}/).map((p) => {
    const filled = fill(p, fields, html, escapeHtml);
    return p.includes('{{invoice_table}}') ? filled : `<p>${filled.replace(/\n/g, '<br>')}</p>`;
  });
  const htmlBody = `<div style="font-family:Arial,sans-serif;font-size:14px">${paragraphs.join('\n')}</div>`;
  return {
    ...recipients(comm.to, comm.cc),
    subject: headerSafe(fill(template.subject, fields, '', (s) => s)),
    body,
    htmlBody,
  };
}
