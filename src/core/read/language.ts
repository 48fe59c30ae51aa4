/**
 * The language of a credit file: what its Problems, credit-check reasons and notes, reports, log
 * sheets and internal emails are written in, and what "Set up credit file" writes as the Settings
 * Language row when it adds one. One rule, everywhere:
 *
 *   1. the Settings "Language" (语言) row, when it is there and readable (English / 中文);
 *   2. else the spreadsheet's locale, when it is known: any zh locale (zh_CN, zh_TW …) is Chinese,
 *      any other English;
 *   3. else Chinese when the credit sheets carry Chinese names (the Customers sheet, or Invoices
 *      when there is no Customers sheet, named 客户, 客户档案, 发票, 应收账款 …);
 *   4. else English.
 *
 * Customer-facing emails still go in each customer's own Language column first (see
 * customerLanguage), and the add-on's own UI (menus, alerts, sidebar) in the user's language.
 * Pure.
 */
import { languageOfLocale, type Language } from '../../i18n/language';
import { tableOfSheetName } from './headers';

export interface FileLanguageInput {
  /** The Settings Language row's value when present and readable; null otherwise. */
  settingsLanguage: Language | null;
  /** The spreadsheet's locale (getSpreadsheetLocale, e.g. 'zh_CN'); '' or absent when unknown. */
  locale?: string | null;
  /** The names of the spreadsheet's sheets (or of the credit sheets read). */
  sheetNames: readonly string[];
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The language the names of the credit sheets are written in, or null when none is found. */
export function languageOfSheetNames(names: readonly string[]): Language | null {
  const named = (table: 'customers' | 'invoices') => names.find((n) => tableOfSheetName(n) === table);
  const name = named('customers') ?? named('invoices');
  if (name === undefined) return null;
  return HAN.test(name) ? 'zh' : 'en';
}

/**
 * The file's language by the rule above.
 *
 * @example fileLanguage({ settingsLanguage: null, locale: 'zh_CN', sheetNames: ['Customers'] }) // 'zh'
 * @example fileLanguage({ settingsLanguage: 'en', locale: 'zh_CN', sheetNames: ['客户'] }) // 'en'
 * @example fileLanguage({ settingsLanguage: null, locale: '', sheetNames: ['客户', '发票'] }) // 'zh'
 */
export function fileLanguage(input: FileLanguageInput): Language {
  if (input.settingsLanguage === 'en' || input.settingsLanguage === 'zh') return input.settingsLanguage;
  const locale = typeof input.locale === 'string' ? input.locale.trim() : '';
  if (locale !== '') return languageOfLocale(locale);
  return languageOfSheetNames(Array.isArray(input.sheetNames) ? input.sheetNames : []) === 'zh' ? 'zh' : 'en';
}
