/** Statements of account: the menu actions, the sidebar calls and the monthly send the daily run calls. */
import { COLLECTIONS_ERRORS, COLLECTIONS_TEXT } from '../i18n/collections';
import { showAlert } from '../platform/dialogs';
import { userLanguage } from '../platform/session';
import { selectedCustomerId } from '../sheets/collections/selection';
import {
  emailStatementNow, getStatementView, sendMonthlyStatements as sendMonthly, writeStatementSheet,
  type MonthlyOptions, type MonthlyResult, type SendResult, type StatementSheetResult, type StatementView,
} from '../sheets/statements/run';

function say(message: string): void {
  showAlert(COLLECTIONS_TEXT[userLanguage()].toastTitle, message);
}

/** Menu: the Statement sheet for the customer of the selected row, for the last full month. */
export function showStatement(): StatementSheetResult | null {
  const id = selectedCustomerId();
  if (id === null) {
    say(COLLECTIONS_ERRORS[userLanguage()].noCustomerSelected);
    return null;
  }
  try {
    return writeStatementSheet(id);
  } catch (e) {
    say(e instanceof Error ? e.message : String(e));
    return null;
  }
}

/** Menu: emails the last full month's statement to the customer of the selected row. */
export function emailSelectedStatement(): SendResult | null {
  const id = selectedCustomerId();
  if (id === null) {
    say(COLLECTIONS_ERRORS[userLanguage()].noCustomerSelected);
    return null;
  }
  try {
    const result = emailStatementNow(id);
    say(result.message);
    return result;
  } catch (e) {
    say(e instanceof Error ? e.message : String(e));
    return null;
  }
}

/** Sidebar: a customer's statement for a period as JSON (blank dates: the last full month). */
export function getStatement(customerId: string, fromIso?: string | null, toIso?: string | null): StatementView {
  return getStatementView(customerId, fromIso, toIso);
}

/** Sidebar: emails a customer's statement for a period now. */
export function emailStatement(customerId: string, fromIso?: string | null, toIso?: string | null): SendResult {
  return emailStatementNow(customerId, fromIso, toIso);
}

/**
 * The monthly statements, for the daily run to call (not a registry entry): on the Statement Day
 * (or the six days after it) each customer with a non-zero closing balance gets last month's
 * statement, exactly once. Pass `{ lockHeld: true }` when the caller holds the document lock.
 */
export function sendMonthlyStatements(options: MonthlyOptions = {}): MonthlyResult {
  return sendMonthly(options);
}

/** Trigger: the monthly statements on their own (a time-driven trigger, or a test); same as sendMonthlyStatements(). */
export function runMonthlyStatements(_e?: unknown): MonthlyResult {
  return sendMonthly({});
}
