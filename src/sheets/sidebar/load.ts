/**
 * One read pass for the sidebar: the credit sheets (as loadPicture reads them) and, in the same
 * getSheets pass, any other sheet the call needs (the Reminder Log, the Reminder Ladder), with
 * their handles for writing back.
 */
import type { CreditPicture } from '../../core/picture';
import type { CreditFile, Day } from '../../core/types';
import { activeUserEmail, userLanguage } from '../../platform/session';
import { spreadsheetOwner } from '../../platform/format';
import type { OpenSheet } from '../../platform/spreadsheet';
import { loadCreditFileWith, pictureOf, type LoadedWith } from '../creditFile';
import type { Language } from '../../i18n/language';

export interface SidebarLoad {
  file: CreditFile;
  picture: CreditPicture;
  timeZone: string;
  today: Day;
  language: Language;
  /** Every sheet read, credit sheets and the extra ones. */
  sheets: OpenSheet[];
}

/** Reads the credit file and the sheets `extra` names in one pass; computes the picture as of today. */
export function loadForSidebar(extra: (name: string) => boolean = () => false, withKpis = true): SidebarLoad {
  const language = userLanguage();
  const loaded = loadCreditFileWith(extra, { language });
  const sheets = readBack(loaded);
  const picture = pictureOf(loaded, loaded.today, { kpis: withKpis });
  return { file: loaded.file, picture, timeZone: loaded.timeZone, today: loaded.today, language, sheets };
}

/** Every sheet of a load with its handle: the credit sheets and the extra ones. */
function readBack(loaded: LoadedWith): OpenSheet[] {
  return [...loaded.sheets, ...loaded.extra.filter((s) => !loaded.sheets.includes(s))];
}

function listed(approvers: readonly string[], me: string): boolean {
  return me !== '' && approvers.some((a) => a.trim().toLowerCase() === me);
}

/**
 * The user's roles, from one look at who the user is: isApprover (below), and canOverride, for a
 * user listed in Settings → Approvers, the only ones who may override a BLOCK.
 */
export function approverRoles(approvers: readonly string[]): { isApprover: boolean; canOverride: boolean } {
  const me = activeUserEmail();
  const canOverride = listed(approvers, me);
  return { isApprover: canOverride || (me !== '' && spreadsheetOwner() === me), canOverride };
}

/**
 * Whether the user at the keyboard may change On Hold and edit Settings: the spreadsheet's owner,
 * or an address listed in Settings → Approvers. An unknown user (Apps Script withholds the
 * address) is never an approver. Overriding a BLOCK takes a listed approver (approverRoles).
 */
export function isApprover(approvers: readonly string[]): boolean {
  return approverRoles(approvers).isApprover;
}

/** Chinese when the sheet's name or its header row is written in Chinese. */
export function sheetLanguage(name: string, headerRow: readonly unknown[] = []): Language {
  const cjk = /[\u3400-\u9fff]/;
  if (cjk.test(name)) return 'zh';
  const texts = headerRow.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  const zh = texts.filter((t) => cjk.test(t)).length;
  return zh > 0 && zh * 2 >= texts.length ? 'zh' : 'en';
}

/** Money as the sidebar's contract carries it. */
export function money(minor: number, currency: string): { minor: number; currency: string } {
  return { minor: Math.round(minor), currency };
}
