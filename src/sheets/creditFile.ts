/**
 * Loading the credit file from the spreadsheet: one read per credit sheet, then the core reads
 * the values and computes the picture. Every operation that needs the credit file starts here.
 */
import { todayIn } from '../core/dates';
import { computePicture, type CreditPicture, type PictureOptions } from '../core/picture';
import { readCreditFile, tableOfSheetName } from '../core/read';
import type { CreditFile, Day } from '../core/types';
import { readSheets, timeZone, type SheetValues } from '../platform/spreadsheet';

export interface LoadedFile {
  file: CreditFile;
  sheets: SheetValues[];
  timeZone: string;
  today: Day;
}

/** Reads Customers, Invoices, Payments, Orders and Settings (by name, in either language). */
export function loadCreditFile(now: Date = new Date()): LoadedFile {
  const zone = timeZone();
  const sheets = readSheets((name) => tableOfSheetName(name) !== null);
  const file = readCreditFile(sheets, { timeZone: zone });
  return { file, sheets, timeZone: zone, today: todayIn(zone, now) };
}

export interface LoadedPicture extends LoadedFile {
  picture: CreditPicture;
  asOf: Day;
}

/** Loads the credit file and computes the whole picture as of a day (default today). */
export function loadPicture(asOf?: Day | null, options: PictureOptions = {}): LoadedPicture {
  const loaded = loadCreditFile();
  const day = asOf ?? loaded.today;
  return { ...loaded, asOf: day, picture: computePicture(loaded.file, day, options) };
}
