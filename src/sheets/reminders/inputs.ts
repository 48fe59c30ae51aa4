/**
 * From the computed credit picture to the reminder planner's input: customers, invoices with
 * their open amounts as of today, the ladder and the log.
 */
import { formatMoney } from '../../core/format';
import { isoOfDay } from '../../core/dates';
import type { CreditPicture } from '../../core/picture';
import type { LadderLevel } from '../../core/reminders/ladder';
import type { ReminderLogIndex } from '../../core/reminders/log';
import type { PlanInput, ReminderCustomer, ReminderInvoice } from '../../core/reminders/plan';
import type { RenderContext } from '../../core/reminders/render';
import type { CreditFile, Day } from '../../core/types';
import type { PlanSettings } from '../../core/plans';

export function reminderCustomers(picture: CreditPicture): Map<string, ReminderCustomer> {
  const map = new Map<string, ReminderCustomer>();
  for (const [key, c] of picture.customers) {
    const x = c.customer;
    map.set(key, { key, id: x.id, name: x.name, emails: x.emails, cc: x.cc, owner: x.owner, language: x.language, remindersPausedUntil: x.remindersPausedUntil });
  }
  return map;
}

/** Open invoices as of the picture's day, plus void ones (so that their skip is said). */
export function reminderInvoices(picture: CreditPicture, file: CreditFile): ReminderInvoice[] {
  const out: ReminderInvoice[] = [];
  for (const c of picture.customers.values()) {
    for (const i of c.invoices) {
      out.push({
        key: i.invoice.key, no: i.invoice.no, customerKey: c.customer.key, invoiceDate: i.invoice.invoiceDate,
        dueDate: i.invoice.dueDate, open: i.open, status: i.invoice.status, disputed: i.disputed, remindersStopped: i.invoice.remindersStopped,
      });
    }
  }
  for (const i of file.invoices) {
    if (i.status !== 'void' || i.amount <= 0 || i.invoiceDate > picture.asOf) continue;
    out.push({ key: i.key, no: i.no, customerKey: i.customerKey, invoiceDate: i.invoiceDate, dueDate: i.dueDate, open: i.amount, status: 'void', disputed: i.disputed, remindersStopped: i.remindersStopped });
  }
  return out;
}

/**
 * The planner's input. The picture's plans and promises (computed when it was loaded with them)
 * pause covered invoices; `planSettings` gives the instalment reminder's lead days.
 */
export function planInput(picture: CreditPicture, file: CreditFile, ladder: LadderLevel[], log: ReminderLogIndex, asOf: Day, planSettings?: PlanSettings): PlanInput {
  const s = picture.settings;
  const arrangements = [];
  for (const c of picture.customers.values()) arrangements.push(...(c.arrangements ?? []));
  return {
    asOf,
    ladder,
    customers: reminderCustomers(picture),
    invoices: reminderInvoices(picture, file),
    log,
    internalRecipients: s.creditManager ? [s.creditManager] : [],
    isoOfDay,
    arrangements,
    planReminderDays: planSettings?.reminderDays,
  };
}

export function renderContext(picture: CreditPicture, language: 'en' | 'zh', asOf: Day): RenderContext {
  const s = picture.settings;
  return {
    language,
    company: s.companyName || (language === 'zh' ? '我司' : 'Accounts Receivable'),
    formatAmount: (m) => formatMoney(m, s.baseCurrency),
    isoOfDay,
    asOf,
  };
}
