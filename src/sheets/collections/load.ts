/**
 * One read pass for the collections workbench: the credit sheets and, in the same getSheets pass,
 * the Reminder Log, the Collections Log and the Plans sheet when the operation needs them. Nothing
 * is created here; a missing sheet simply reads as absent.
 */
import type { CreditPicture } from '../../core/picture';
import { isPlansSheetName } from '../../core/plans';
import type { CreditFile, Day, Grid } from '../../core/types';
import { COLLECTIONS_LOG_HEADERS, COLLECTIONS_LOG_NAMES } from '../../i18n/collections';
import type { SheetValues } from '../../platform/spreadsheet';
import { loadCreditFileWith, pictureOf } from '../creditFile';
import { logFieldOfHeader } from '../../core/collections';
import { isNamedLike, pickLog } from '../logSheet';
import { REMINDER_LOG, type OwnedSheet } from '../owned';

/** The Collections Log (催收跟进): appended to by the sidebar, also kept by hand. */
export const COLLECTIONS_LOG: OwnedSheet = {
  names: COLLECTIONS_LOG_NAMES,
  headers: COLLECTIONS_LOG_HEADERS,
  // Kept by hand too: its headers are matched with their aliases; a log names at least the customer.
  fieldOf: (h) => logFieldOfHeader(h),
  required: ['customerId'],
};

/** The Plans sheet (还款计划) another part of the add-on keeps; read only. */

export type ExtraSheet = 'reminderLog' | 'collectionsLog' | 'plans';

/** A name the log may have: its English or Chinese name, or either suffixed (src/sheets/logSheet.ts). */
function isOwned(name: string, sheet: OwnedSheet): boolean {
  return isNamedLike(name, sheet.names);
}

/** The Plans sheet under any name the plans reader takes (Payment Plans, 分期, 付款承诺 …). */
const isPlansName = isPlansSheetName;

/** Which extra sheet a name is, if any. */
export function extraSheetOf(name: string): ExtraSheet | null {
  if (isOwned(name, REMINDER_LOG)) return 'reminderLog';
  if (isOwned(name, COLLECTIONS_LOG)) return 'collectionsLog';
  if (isPlansName(name)) return 'plans';
  return null;
}

export interface WorkbenchLoad {
  file: CreditFile;
  picture: CreditPicture;
  timeZone: string;
  today: Day;
  /** Credit sheets as read. */
  sheets: SheetValues[];
  /** The extra sheets asked for, when present. */
  extra: Partial<Record<ExtraSheet, Grid>>;
}

/** Reads the credit file and the extra sheets in one pass; computes the picture as of today. */
export function loadWorkbench(want: readonly ExtraSheet[] = [], now: Date = new Date()): WorkbenchLoad {
  const wanted = new Set(want);
  const loaded = loadCreditFileWith((name) => {
    const x = extraSheetOf(name);
    return x !== null && wanted.has(x);
  }, { now });
  const extra: Partial<Record<ExtraSheet, Grid>> = {};
  for (const s of loaded.extra) {
    const x = extraSheetOf(s.name);
    if (x === 'plans' && wanted.has(x) && extra[x] === undefined) extra[x] = s.values;
  }
  // A log is the sheet named like it whose first row is its header row (a user's own sheet of that name is not).
  const logs: [ExtraSheet, OwnedSheet][] = [['reminderLog', REMINDER_LOG], ['collectionsLog', COLLECTIONS_LOG]];
  for (const [x, owned] of logs) {
    const found = wanted.has(x) ? pickLog(loaded.extra.filter((s) => extraSheetOf(s.name) === x), owned) : null;
    if (found) extra[x] = found.values;
  }
  const picture = pictureOf(loaded, loaded.today, { kpis: false });
  return { file: loaded.file, picture, timeZone: loaded.timeZone, today: loaded.today, sheets: loaded.sheets, extra };
}

export { customerLanguage } from '../../i18n/language';
