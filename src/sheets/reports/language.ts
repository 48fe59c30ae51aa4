/**
 * The file's language where the credit file is not read whole (Set up): the one rule of
 * core/read/language.ts — the Settings Language row, else the spreadsheet's locale, else the
 * credit sheets' names, else English — over the Settings grid and the sheets' names. Everything
 * that reads the credit file gets the same answer as `file.settings.language`.
 */
import { fileLanguage } from '../../core/read/language';
import { readSettings } from '../../core/read/settings';
import type { Grid } from '../../core/types';
import type { Language } from '../../i18n/language';
import { locale } from '../../platform/spreadsheet';

/** The file's language from the sheets' names and the Settings sheet as read (undefined: none). One service call. */
export function spreadsheetLanguage(names: readonly string[], settings: { name: string; values: Grid } | undefined): Language {
  const read = settings ? readSettings(settings, { timeZone: 'UTC', language: 'en' }) : null;
  return fileLanguage({ settingsLanguage: read?.language ?? null, locale: locale(), sheetNames: names });
}
