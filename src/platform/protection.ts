/** Sheet protection over SpreadsheetApp. */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ProtectResult {
  /** False when the running user may not change this protection (it was left as it was). */
  applied: boolean;
  /** The editors after the change (lower-cased emails). */
  editors: string[];
}

/**
 * Protects a whole sheet so only `editors` may edit it: the sheet's protection (created when
 * missing) gets them added and every other editor removed; domain-wide editing is turned off
 * where the domain allows it; `open` is one cell everyone may still edit (the Recalc Token). A
 * fixed number of calls.
 */
export function restrictSheet(sheet: Sheet, editors: string[], description: string, open?: { row: number; col: number }): ProtectResult {
  const type = SpreadsheetApp.ProtectionType.SHEET;
  const protection = sheet.getProtections(type)[0] ?? sheet.protect();
  if (!protection.canEdit()) {
    return { applied: false, editors: protection.getEditors().map((u) => u.getEmail().toLowerCase()) };
  }
  const wanted = new Set(editors.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''));
  protection.setDescription(description);
  protection.addEditors([...wanted]);
  const others = protection.getEditors().map((u) => u.getEmail()).filter((e) => !wanted.has(e.toLowerCase()));
  protection.removeEditors(others);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  if (open) protection.setUnprotectedRanges([sheet.getRange(open.row, open.col)]);
  return { applied: true, editors: protection.getEditors().map((u) => u.getEmail().toLowerCase()) };
}
