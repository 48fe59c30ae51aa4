/** The two languages Credit Desk speaks. */
export type Language = 'en' | 'zh';

/**
 * The language for a user locale such as `zh_CN`, `zh-TW` or `en_US`: Chinese for any zh locale,
 * English otherwise.
 *
 * @example languageOfLocale('zh_CN') // 'zh'
 */
export function languageOfLocale(locale: string | null | undefined): Language {
  return /^zh/i.test(String(locale ?? '').trim()) ? 'zh' : 'en';
}

/**
 * The language of a customer's emails: its Language column, else Chinese when its name is written
 * in Chinese, else the fallback (the Settings language).
 *
 * @example customerLanguage({ language: null, name: '上海明达' }, 'en') // 'zh'
 */
export function customerLanguage(customer: { language: Language | null; name: string }, fallback: Language): Language {
  if (customer.language) return customer.language;
  return /[\u4e00-\u9fff]/.test(customer.name) ? 'zh' : fallback;
}
