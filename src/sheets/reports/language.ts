/** The language Set up and the reports write in. */
import { nameSet, tableOfSheetName } from '../../core/read/headers';
import { settingRows } from '../../core/read/settings';
import type { Grid } from '../../core/types';
import { languageOfLocale, type Language } from '../../i18n/language';
import { userLanguage } from '../../platform/session';
import { locale } from '../../platform/spreadsheet';

/** The user's language; Chinese also when the spreadsheet's locale is Chinese. */
export function chooseLanguage(): Language {
  if (userLanguage() === 'zh') return 'zh';
  return languageOfLocale(locale());
}

const isLanguageKey = nameSet(() => {
  const row = settingRows().find((r) => r.id === 'language');
  return row ? [row.en, row.zh, ...row.aliases] : [];
});

/** True when a Settings grid has a Language row with a value. */
export function hasLanguageSetting(values: Grid): boolean {
  for (const row of values) {
    for (let i = 0; i + 1 < row.length; i++) {
      if (isLanguageKey(row[i]) && String(row[i + 1] ?? '').trim() !== '') return true;
    }
  }
  return false;
}

/**
 * The language of a report: the Settings "Language" row when the file has one (it is the
 * language of reports, reasons and emails), else the user's.
 */
export function reportLanguage(sheets: { name: string; values: Grid }[], settingsLanguage: Language): Language {
  const settings = sheets.find((s) => tableOfSheetName(s.name) === 'settings');
  if (settings && hasLanguageSetting(settings.values)) return settingsLanguage;
  return chooseLanguage();
}
