import type { Minor } from './types';
import { minorDigits } from './money';

/**
 * Formats an amount in minor units for a person. The check's default is `formatMoney` below;
 * callers with a locale can pass `(m, c) => formatMinor(m, c, locale)` from money.ts.
 */
export type MoneyFormatter = (amount: Minor, currency: string) => string;

export { minorDigits };

/**
 * The plain, locale-free formatter: thousands with ',', decimals with '.', then the code.
 * Integer arithmetic only.
 *
 * @example formatMoney(123456, 'CNY') === '1,234.56 CNY'; formatMoney(-5, 'USD') === '-0.05 USD'
 */
export const formatMoney: MoneyFormatter = (amount, currency) => {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = Math.abs(Math.round(amount));
  const scale = 10 ** digits;
  const major = Math.floor(abs / scale);
  const minor = abs - major * scale;
  const majorText = String(major).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = digits > 0 ? `${majorText}.${String(minor).padStart(digits, '0')}` : majorText;
  return `${negative ? '-' : ''}${text}${currency ? ` ${currency}` : ''}`;
};
