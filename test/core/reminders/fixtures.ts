import { DEFAULT_LADDER } from '../../../src/core/reminders/ladder';
import { ReminderLogIndex } from '../../../src/core/reminders/log';
import type { PlanInput, ReminderCustomer, ReminderInvoice } from '../../../src/core/reminders/plan';

export const DAY0 = 20000; // 2024-10-03

export function iso(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function customer(over: Partial<ReminderCustomer> = {}): ReminderCustomer {
  return { key: 'C-1', id: 'C-1', name: 'Acme Ltd', emails: ['ap@acme.example.com'], cc: [], owner: 'li.wei@example.com', language: null, remindersPausedUntil: null, ...over };
}

export function invoice(over: Partial<ReminderInvoice> = {}): ReminderInvoice {
  return { key: 'INV-1', no: 'INV-1', customerKey: 'C-1', invoiceDate: DAY0 - 30, dueDate: DAY0, open: 100_00, status: 'open', disputed: false, remindersStopped: false, ...over };
}

export function planInput(over: Partial<PlanInput> = {}): PlanInput {
  const c = customer();
  return {
    asOf: DAY0 + 1,
    ladder: DEFAULT_LADDER,
    customers: new Map([[c.key, c]]),
    invoices: [invoice()],
    log: new ReminderLogIndex(),
    internalRecipients: ['credit@example.com'],
    isoOfDay: iso,
    ...over,
  };
}
