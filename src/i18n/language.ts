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
