/**
 * Units written in a header: a scale (万, 千元, 百万, 亿, k, '000, thousands, millions …), a
 * currency (人民币, RMB, USD, 美元, ¥, $ …), both ("万元", "USD '000", "$000", "in thousands of
 * USD", "单位：万元"), or days and months ("天", "days").
 *
 * A unit is either in trailing brackets — "信用额度（万元）", "Amount (USD)" — or after a separator
 * at the end — "金额/元", "应收金额 元", "Amount - USD", "Amount in USD". Only text made wholly of
 * these words is a unit: "Amount (incl. VAT)" names none, and "CC Email" or "Amount Paid" do not
 * end in one.
 */
import { currencyWords, isCurrencyCode } from '../money';
import { lazy } from '../lazy';

export interface HeaderUnit {
  /** The power of ten the column's numbers are multiplied by: 4 for 万, 3 for k or '000, 0 for none. */
  scale: number;
  /** The currencies the unit may stand for (the first when nothing else says which), or null. */
  currencies: readonly string[] | null;
  /** The unit as written, trimmed. */
  text: string;
}

type Token =
  | { readonly kind: 'scale'; readonly scale: number }
  | { readonly kind: 'currency'; readonly codes: readonly string[] }
  | { readonly kind: 'other' }
  | { readonly kind: 'filler' };

const SCALES: readonly (readonly [string, number])[] = [
  ['千', 3], ['万', 4], ['十万', 5], ['百万', 6], ['千万', 7], ['亿', 8],
  ['k', 3], ['thousand', 3], ['thousands', 3], ["'000", 3], ["'000s", 3], ['000', 3], ['000s', 3], ["000's", 3],
  ['m', 6], ['mn', 6], ['mm', 6], ['mio', 6], ['million', 6], ['millions', 6],
  ['bn', 9], ['billion', 9], ['billions', 9],
];
/**
 * Units that scale and price nothing. 元 (圆, 块) among them: in a header it says "in units, not
 * 万", whatever the currency (美元 is "US yuan"; a 信用额度（元） column holds a USD customer's
 * limit in dollars), so it names no currency, unlike 人民币, RMB, CNY or ¥.
 */
const OTHER = ['days', 'day', 'd', '天', '日', 'months', 'month', '个月', '月', '元', '圆', '块'];
const FILLER = ['in', 'of', '单位'];

/** Every word a unit is made of, lower case, longest first (so 百万 wins over 万, and US$ over $). */
const WORDS = lazy(() => {
  const out: [string, Token][] = [];
  for (const [w, scale] of SCALES) out.push([w, { kind: 'scale', scale }]);
  for (const w of OTHER) out.push([w, { kind: 'other' }]);
  for (const w of FILLER) out.push([w, { kind: 'filler' }]);
  for (const [w, codes] of currencyWords()) if (!OTHER.includes(w)) out.push([w.toLowerCase(), { kind: 'currency', codes }]);
  return out.sort((a, b) => b[0].length - a[0].length);
});

const SEPARATOR = /[\s,;:/\\|._\-–—]/;
const ALNUM = /[a-z0-9]/;

function tokenAt(s: string, i: number): { length: number; token: Token } | null {
  const code = /^[a-z]{3}(?![a-z0-9])/.exec(s.slice(i, i + 4));
  if (code && isCurrencyCode(code[0].toUpperCase())) return { length: 3, token: { kind: 'currency', codes: [code[0].toUpperCase()] } };
  for (const [w, token] of WORDS()) {
    if (!s.startsWith(w, i)) continue;
    // A Latin word ends where letters and digits do: "d" is no unit in "dollars".
    if (ALNUM.test(w[w.length - 1]!) && ALNUM.test(s[i + w.length] ?? '')) continue;
    return { length: w.length, token };
  }
  return null;
}

/**
 * Reads unit text ("万元", "USD '000", "in thousands", "天"); null when it is not wholly a unit, names
 * two scales, or names currencies that cannot be one ("USD EUR").
 */
export function parseUnit(text: string): HeaderUnit | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const s = text.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").trim();
  let scale: number | null = null;
  let currencies: readonly string[] | null = null;
  let words = 0;
  for (let i = 0; i < s.length; ) {
    if (SEPARATOR.test(s[i]!)) {
      i++;
      continue;
    }
    const hit = tokenAt(s, i);
    if (!hit) return null;
    i += hit.length;
    const t = hit.token;
    if (t.kind === 'filler') continue;
    words++;
    if (t.kind === 'scale') {
      if (scale !== null) return null;
      scale = t.scale;
    } else if (t.kind === 'currency') {
      currencies = currencies === null ? t.codes : currencies.filter((c) => t.codes.includes(c));
      if (currencies.length === 0) return null;
    }
  }
  return words === 0 ? null : { scale: scale ?? 0, currencies, text: text.trim() };
}

const BRACKETED = /[([（【［]([^()[\]（）【】［］]*)[)\]）】］]\s*$/u;

/** The unit in a header's trailing brackets ("信用额度（万元）" → 万元), or null when they hold none. */
export function bracketedUnit(header: unknown): HeaderUnit | null {
  if (typeof header !== 'string' || header.length > 200) return null;
  const m = BRACKETED.exec(header);
  return m && /[\p{L}\p{N}]/u.test(header.slice(0, m.index)) ? parseUnit(m[1]!) : null;
}

const SEPARATOR_RUN = /[\s,;:/\\|_\-–—]+/gu;

/**
 * The ways to read a header as a name and an unbracketed unit after a separator at its end
 * ("金额/元", "Amount - USD", "Amount in USD"), the last separator first; none when it ends in no unit.
 */
export function unbracketedUnits(header: unknown): { name: string; unit: HeaderUnit }[] {
  if (typeof header !== 'string' || header.length > 200) return [];
  const s = header.normalize('NFKC').trim();
  const out: { name: string; unit: HeaderUnit }[] = [];
  const cuts = [...s.matchAll(SEPARATOR_RUN)];
  for (let k = cuts.length - 1; k >= 0 && out.length < 4; k--) {
    const m = cuts[k]!;
    const name = s.slice(0, m.index);
    if (!/[\p{L}\p{N}]/u.test(name)) continue;
    const unit = parseUnit(s.slice(m.index! + m[0].length));
    if (unit) out.push({ name, unit });
  }
  return out;
}

/**
 * The currency of a money column's cells in one row: with no currency in the header, the row's
 * Currency (`given`) or else `fallback` (the customer's, or the base currency). A header that names
 * one is the column's currency when the Currency cell is blank — `fallback` when the header's word
 * can stand for it (元 for a HKD customer), else `base` when it can, else its first code — and a
 * Currency cell it cannot stand for is a contradiction: null (a sign such as `$` is settled for
 * the whole row before, by RowCursor.settledCurrency).
 */
export function columnCurrency(
  unit: HeaderUnit | undefined,
  given: string | null,
  fallback: string,
  base?: string,
): string | null {
  const named = unit?.currencies;
  if (!named) return given ?? fallback;
  if (given !== null) {
    return named.includes(given) ? given : null;
  }
  if (named.includes(fallback)) return fallback;
  if (base !== undefined && named.includes(base)) return base;
  return named[0]!;
}
