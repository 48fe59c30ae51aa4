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

/**
 * Leaves one more cell of a protected sheet open to every editor (the Recalc Token after its row
 * was added again), keeping the cells already open. Nothing when the sheet has no protection or
 * the running user may not change it. A fixed number of calls.
 */
export function openCellInProtection(sheet: Sheet, cell: { row: number; col: number }): boolean {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (!protection || !protection.canEdit()) return false;
  protection.setUnprotectedRanges([...protection.getUnprotectedRanges(), sheet.getRange(cell.row, cell.col)]);
  return true;
}
