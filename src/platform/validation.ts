/** Data validation rules over SpreadsheetApp: one builder and one setDataValidation per block. */
import type { Block } from './format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A dropdown of `values` on a block. allowInvalid keeps people's own words (Y, ✓, 已付 …) valid
 * input: they get a warning mark, not a rejection.
 */
export function setListValidation(sheet: Sheet, block: Block, values: string[], helpText: string): void {
  if (block.numRows < 1 || block.numCols < 1) return;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(true)
    .setHelpText(helpText)
    .build();
  sheet.getRange(block.row, block.col, block.numRows, block.numCols).setDataValidation(rule);
}

/** A dropdown of the values in another block (e.g. the Customers ID column), invalid input allowed. */
export function setRangeValidation(sheet: Sheet, block: Block, source: Sheet, from: Block, helpText: string): void {
  if (block.numRows < 1 || block.numCols < 1 || from.numRows < 1) return;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(source.getRange(from.row, from.col, from.numRows, from.numCols), true)
    .setAllowInvalid(true)
    .setHelpText(helpText)
    .build();
  sheet.getRange(block.row, block.col, block.numRows, block.numCols).setDataValidation(rule);
}
