/**
 * The friendly instalment reminder: its Reminder Log key and its email. One per instalment,
 * exactly once, keyed `PLAN|<PLAN ID>|<due date>` (upper-cased like every log key), sent on the
 * same pending → sent protocol as the ladder's lines (src/sheets/reminders/run.ts).
 */
import type { Day, Minor } from '../types';
import { isoOfDay } from '../dates';
import { idKey } from '../read/cells';
import { escapeHtml, headerSafe, recipients, type RenderContext, type RenderedEmail } from '../reminders/render';
import type { ReminderCustomer } from '../reminders/plan';
import { ALL_OPEN_INVOICES, INSTALMENT_TEMPLATES, KIND_IN_TEXT } from '../../i18n/plans';
import type { ArrangementView, InstalmentView } from './keep';

/** Log key of an instalment's reminder: `PLAN|P-7|2026-11-23`. */
export function instalmentKey(planId: string, dueDate: Day): string {
  return `PLAN|${idKey(planId)}|${isoOfDay(dueDate)}`;
}

/** Log key of a broken plan's warning (said once): `PLAN|P-7|BROKEN`. */
export function brokenKey(planId: string): string {
  return `PLAN|${idKey(planId)}|BROKEN`;
}

/** The level label of plan lines in the Reminder Log. */
export const PLAN_LEVEL = 'plan';

export interface InstalmentReminder {
  key: string;
  customer: ReminderCustomer;
  view: ArrangementView;
  instalment: InstalmentView;
  /** What is still to pay for this instalment: cumulative − cash counted so far (> 0). */
  amountDue: Minor;
  to: string[];
  cc: string[];
}

const MAX_FIELD = 500;
const cut = (s: string): string => (s.length > MAX_FIELD ? `${s.slice(0, MAX_FIELD - 1)}…` : s);

/** The merge fields of an instalment reminder. */
export function instalmentFields(r: InstalmentReminder, ctx: RenderContext): Record<string, string> {
  const v = r.view;
  const lang = ctx.language;
  return {
    customer_name: cut(r.customer.name),
    customer_id: cut(r.customer.id),
    plan_id: cut(v.arrangement.id),
    kind: KIND_IN_TEXT[lang][v.arrangement.type],
    amount: ctx.formatAmount(r.amountDue),
    instalment_amount: ctx.formatAmount(r.instalment.amount),
    due_date: ctx.isoOfDay(r.instalment.dueDate),
    start_date: ctx.isoOfDay(v.arrangement.start),
    invoices: cut(v.arrangement.invoiceKeys === null ? ALL_OPEN_INVOICES[lang] : v.covered.map((c) => c.no).join(', ')),
    received: ctx.formatAmount(v.received),
    total: ctx.formatAmount(v.total),
    company: cut(ctx.company),
    owner: cut(r.customer.owner),
    as_of: ctx.isoOfDay(ctx.asOf),
  };
}

function fill(template: string, fields: Record<string, string>, escape: (s: string) => string): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => escape(name in fields ? fields[name] : whole));
}

/** Renders the instalment reminder in the context's language. Every sheet value is escaped in the HTML part. */
export function renderInstalmentEmail(r: InstalmentReminder, ctx: RenderContext): RenderedEmail {
  const template = INSTALMENT_TEMPLATES[ctx.language];
  const fields = instalmentFields(r, ctx);
  const body = fill(template.body, fields, (s) => s);
  const paragraphs = template.body.split(/\n{2,}/).map((p) => `<p>${fill(p, fields, escapeHtml).replace(/\n/g, '<br>')}</p>`);
  return {
    ...recipients(r.to, r.cc),
    subject: headerSafe(fill(template.subject, fields, (s) => s)),
    body,
    htmlBody: `<div style="font-family:Arial,sans-serif;font-size:14px">${paragraphs.join('\n')}</div>`,
  };
}
