/** The collections log: logging actions from the sidebar, a customer's history, and what is due today. */
import { customerHistory, dueToday, logAction, writeDueToday, type ActionView, type DueView, type LogActionResult } from '../sheets/collections/run';

/** Sidebar: checks and logs an action; field errors as { ok: false, errors: { field: message } }. */
export function logCollectionAction(entry: unknown): LogActionResult {
  return logAction(entry);
}

/** Sidebar: a customer's collections history, logged actions and emails sent, in date order. */
export function getCollectionHistory(customerId: string): ActionView[] {
  return customerHistory(customerId);
}

/** Sidebar: next actions due today or overdue for an owner (default: the active user; '' or 'all': everyone). */
export function getDueToday(owner?: string | null): { asOf: string; owner: string | null; items: DueView[] } {
  return dueToday(owner);
}

/** Menu: writes the Due Today sheet. */
export function showDueToday(): { sheet: string; count: number; message: string } {
  return writeDueToday();
}
