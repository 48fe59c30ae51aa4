/** Dialogs and alerts in the spreadsheet. */

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(message);
}

/** Shows already-safe HTML (the caller escapes every value) in a modal dialog. */
export function showHtmlDialog(html: string, title: string, width = 720, height = 560): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
