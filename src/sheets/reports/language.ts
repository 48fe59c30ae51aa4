/**
 * The file's language where the credit file is not read whole (Set up): the one rule of
 * core/read/language.ts — the Settings Language row, else the spreadsheet's locale, else the
 * credit sheets' names, else English — over the Settings grid and the sheets' names. Everything
 * that reads the credit file gets the same answer as `file.settings.language`.
 */
import { fileLanguage } from '../../core/read/language';
import { tableOfSheetName } from '../../core/read/headers';
import { readSettings } from '../../core/read/settings';
import type { Grid } from '../../core/types';
import type { Language } from '../../i18n/language';
import { locale, readSheet, sheetNames } from '../../platform/spreadsheet';

/** The file's language from the sheets' names and the Settings sheet as read (undefined: none). One service call. */
export function spreadsheetLanguage(names: readonly string[], settings: { name: string; values: Grid } | undefined): Language {
  const read = settings ? readSettings(settings, { timeZone: 'UTC', language: 'en' }) : null;
  return fileLanguage({ settingsLanguage: read?.language ?? null, locale: locale(), sheetNames: names });
}

/**
 * The Settings sheet read alone (one getValues), and the file's language by the whole rule, for
 * runs that do not read the credit file (a run that finds another holding the lock, the monthly
 * statements' first look): the same answer as a full read's `file.settings.language`.
 */
export function settingsAndLanguage(): { settings: { name: string; values: Grid } | undefined; language: Language } {
  const names = sheetNames();
  const name = names.find((n) => tableOfSheetName(n) === 'settings');
  const settings = name === undefined ? undefined : readSheet(name) ?? undefined;
  return { settings, language: spreadsheetLanguage(names, settings) };
}
