/** Messages to the user that need an answer or a read: alerts (falling back to a toast) and dialogs. */
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

/** Shows already-safe HTML (the caller escapes every value) in a modal dialog. */
export function showHtmlDialog(html: string, title: string, width = 720, height = 560): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
