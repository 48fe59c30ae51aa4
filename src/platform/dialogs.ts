/** Messages to the user that need an answer or a read: an alert, falling back to a toast. */
import { toast } from './spreadsheet';

/** Shows an alert with an OK button; where there is no UI (a trigger), a toast instead. */
export function showAlert(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    toast(message, title, 10);
  }
}
