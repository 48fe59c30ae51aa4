/** The legal hand-off: the evidence pack from the menu (selected row) and the sidebar. */
import { COLLECTIONS_ERRORS, COLLECTIONS_TEXT } from '../i18n/collections';
import { showAlert } from '../platform/dialogs';
import { userLanguage } from '../platform/session';
import { selectedCustomerId } from '../sheets/collections/selection';
import { writeEvidencePack, type EvidenceResult } from '../sheets/legal/run';

function say(message: string): void {
  showAlert(COLLECTIONS_TEXT[userLanguage()].toastTitle, message);
}

/** Menu: the evidence pack of the customer of the selected row. */
export function buildEvidencePack(): EvidenceResult | null {
  const id = selectedCustomerId();
  if (id === null) {
    say(COLLECTIONS_ERRORS[userLanguage()].noCustomerSelected);
    return null;
  }
  try {
    return writeEvidencePack(id);
  } catch (e) {
    say(e instanceof Error ? e.message : String(e));
    return null;
  }
}

/** Sidebar: the evidence pack of a customer; throws (the sidebar shows it) for an unknown ID. */
export function buildEvidencePackFor(customerId: string): EvidenceResult {
  return writeEvidencePack(customerId);
}
