/** Menu action: Set up credit file (建立信用档案). */
import { runSetup, type SetupResult } from '../sheets/setup/run';

/** Creates the missing sheets, headers and settings; protects Settings and the Reminder Ladder. */
export function setupCreditFile(): SetupResult {
  return runSetup();
}
