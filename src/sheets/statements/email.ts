/**
 * The statement as an email: a plain-text part and an HTML part in which every value from the
 * sheets (names, numbers, the company) is escaped; the subject is one header-safe line and the
 * addresses are checked, so no cell can inject markup or a mail header. Pure.
 */
import { shownAgingLabels } from '../../core/aging';
import { isoOfDay } from '../../core/dates';
import { formatMoney } from '../../core/format';
import { escapeHtml, headerSafe, recipients, type RenderedEmail } from '../../core/reminders/render';
import type { Statement } from '../../core/statement';
import type { Customer } from '../../core/types';
import type { Language } from '../../i18n/language';
import { agingLabelText } from '../../i18n/reports';
import { STATEMENT_TEXT } from '../../i18n/statements';

const MAX_FIELD = 300;
const cut = (s: string) => (s.length > MAX_FIELD ? `${s.slice(0, MAX_FIELD - 1)}…` : s);
/** Lines listed in a statement email, at most (see renderStatementEmail). */
export const MAX_LINES = 200;

/** Renders a customer's statement email in a language. */
export function renderStatementEmail(st: Statement, customer: Customer, language: Language, company: string): RenderedEmail {
  const t = STATEMENT_TEXT[language];
  const money = (m: number) => formatMoney(m, st.currency);
  const from = isoOfDay(st.from);
  const to = isoOfDay(st.to);
  const name = cut(customer.name);
  const sender = cut(company || (language === 'zh' ? '我司' : 'Accounts Receivable'));
  // At most MAX_LINES lines (MailApp refuses a body over 200 KB); the lines after them are one row
  // with their debits and credits and the balance they end on, so the table still reconciles.
  const shownLines = st.lines.slice(0, MAX_LINES);
  const rest = st.lines.slice(MAX_LINES);
  const rows = shownLines.map((l) => [
    isoOfDay(l.day),
    t.kinds[l.kind] + (l.dateKnown ? '' : ` ${t.dateUnknown}`),
    cut(l.reference),
    l.dueDate === null ? '' : isoOfDay(l.dueDate),
    l.debit ? money(l.debit) : '',
    l.credit ? money(l.credit) : '',
    money(l.balance),
  ]);
  if (rest.length > 0) {
    const debit = rest.reduce((s, l) => s + l.debit, 0);
    const credit = rest.reduce((s, l) => s + l.credit, 0);
    rows.push([isoOfDay(rest[rest.length - 1].day), t.moreLines(rest.length), '', '', debit ? money(debit) : '', credit ? money(credit) : '', money(rest[rest.length - 1].balance)]);
  }
  const opening = [from, t.opening, '', '', '', '', money(st.opening)];
  const closing = [to, t.closing, '', '', '', '', money(st.closing)];
  const agingHead = [...shownAgingLabels(st.agingLabels, st.agingBasis).map((l) => agingLabelText(l, language)), t.total, t.unapplied];
  const agingRow = [...st.aging.buckets.map(money), money(st.aging.total), money(st.unappliedCredit)];

  const text = [
    t.greeting(name),
    '',
    t.intro(from, to),
    '',
    t.headers.join(' | '),
    opening.filter(Boolean).join(' | '),
    ...rows.map((r) => r.join(' | ')),
    ...(rows.length === 0 ? [t.noLines] : []),
    closing.filter(Boolean).join(' | '),
    '',
    `${t.agingAt} ${to}`,
    agingHead.join(' | '),
    agingRow.join(' | '),
    '',
    t.amountsIn(st.currency),
    t.outro,
    '',
    t.signoff(sender),
  ].join('\n');

  const cell = (c: string, right: boolean, bold = false) =>
    `<td style="padding:4px 8px${right ? ';text-align:right' : ''}${bold ? ';font-weight:bold' : ''}">${escapeHtml(c)}</td>`;
  const th = (c: string) => `<th style="text-align:left;padding:4px 8px;border-bottom:1px solid #ccc">${escapeHtml(c)}</th>`;
  const tr = (r: string[], bold = false) => `<tr>${r.map((c, i) => cell(c, i >= 4, bold)).join('')}</tr>`;
  const table =
    `<table style="border-collapse:collapse"><tr>${t.headers.map(th).join('')}</tr>` +
    tr(opening, true) +
    rows.map((r) => tr(r)).join('') +
    (rows.length === 0 ? `<tr><td colspan="7" style="padding:4px 8px;color:#5f6368">${escapeHtml(t.noLines)}</td></tr>` : '') +
    tr(closing, true) +
    '</table>';
  const aging =
    `<p><b>${escapeHtml(`${t.agingAt} ${to}`)}</b></p><table style="border-collapse:collapse"><tr>${agingHead.map(th).join('')}</tr>` +
    `<tr>${agingRow.map((c) => cell(c, true)).join('')}</tr></table>`;
  const para = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const htmlBody =
    `<div style="font-family:Arial,sans-serif;font-size:14px">${para(t.greeting(name))}${para(t.intro(from, to))}${table}${aging}` +
    `${para(t.amountsIn(st.currency))}${para(t.outro)}${para(t.signoff(sender))}</div>`;

  return {
    ...recipients(customer.emails, customer.cc),
    subject: headerSafe(t.subject(company, from, to)),
    body: text,
    htmlBody,
  };
}
