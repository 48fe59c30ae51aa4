/**
 * Money in integer minor units (cents, 分), read from cells without floating-point drift.
 *
 * Decisions (see parseMoney for the full list of accepted forms):
 * - `.` is the decimal point; `,` separates thousands (also the Indian 1,23,456.00 grouping),
 *   and spaces or apostrophes between digit groups are ignored. A comma that cannot be a
 *   thousands separator (`1234,50`, `1.234,50`, `1 234,50`, `0,500`) is rejected with a message asking
 *   for `.` decimals, because guessing would turn 1,5 into fifteen hundred or one and a half.
 * - A lone dash (`-`, `—`) is blank, as accounting formats show an empty amount that way.
 * - Amounts with more decimals than the currency has are rounded half away from zero, from
 *   the decimal text (1234.565 → 123457 cents), never from the binary float; except text of one
 *   to three digits, a point and three digits (`1.000`, `1.234`) in a currency of 0 or 2
 *   decimals, which is rejected: it is one thousand where `.` separates thousands.
 */
import type { Minor } from './types';
import { cellError, type CellError } from '../i18n/problems';
import { isDashOrBlank, isDateObject, isSheetErrorText, toHalfWidth } from './dates';
import { lazy } from './lazy';

// Globals cached in module scope: inside a vm context (Jest, the emulator) every global
// lookup goes through the context's interceptor, which costs more than the work itself.
const { abs: mathAbs, trunc: mathTrunc, round: mathRound, sign: mathSign } = Math;
const { isInteger: numberIsInteger, isFinite: numberIsFinite, isNaN: numberIsNaN, isSafeInteger: numberIsSafeInteger, MAX_SAFE_INTEGER: MAX_SAFE } = Number;

// ---------------------------------------------------------------- currencies

/** Active ISO 4217 codes (and CNH, the offshore yuan many Chinese firms invoice in). */
const ISO_CODES = lazy(() => new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNH CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK ' +
    'LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR ' +
    'PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC ' +
    'SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ' +
    'ZAR ZMW ZWG ZWL'
  ).split(' '),
));

const ZERO_DIGITS = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DIGITS = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** True for a known 3-letter ISO 4217 code (upper case). */
export function isCurrencyCode(code: string): boolean {
  return ISO_CODES().has(code);
}

/** Decimal places of a currency's minor unit: 2, or 0 (JPY, KRW, VND, CLP, ISK …), or 3 (KWD, BHD, OMR, JOD, TND …). */
export function minorDigits(currency: string): number {
  if (currency === 'CNY' || currency === 'USD' || currency === 'EUR') return 2;
  const c = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  return ZERO_DIGITS.has(c) ? 0 : THREE_DIGITS.has(c) ? 3 : 2;
}

/**
 * Currency words and signs, and the codes they may stand for. A sign with several codes (`¥`,
 * `$`, `元`, `£`) is read by {@link resolveCurrency}: the row's customer's currency when it is
 * one of them, else the base currency when it is, else it is ambiguous. The first code is what
 * the sign means with no row to read it in (Settings' Base Currency: `¥` → CNY, `$` → USD).
 */
const CURRENCY_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['人民币', ['CNY', 'CNH']], ['美元', ['USD']], ['美金', ['USD']], ['港元', ['HKD']], ['港币', ['HKD']],
  ['欧元', ['EUR']], ['日元', ['JPY']], ['英镑', ['GBP']], ['新台币', ['TWD']], ['台币', ['TWD']],
  ['澳元', ['AUD']], ['加元', ['CAD']], ['新加坡元', ['SGD']], ['新元', ['SGD']], ['韩元', ['KRW']],
  ['瑞士法郎', ['CHF']], ['澳门元', ['MOP']], ['卢布', ['RUB']],
  ['US$', ['USD']], ['HK$', ['HKD']], ['NT$', ['TWD']], ['AU$', ['AUD']], ['A$', ['AUD']], ['CA$', ['CAD']],
  ['C$', ['CAD']], ['NZ$', ['NZD']], ['S$', ['SGD']], ['MX$', ['MXN']], ['R$', ['BRL']],
  ['JP¥', ['JPY']], ['CN¥', ['CNY', 'CNH']], ['RMB', ['CNY', 'CNH']],
  ['元', ['CNY', 'CNH', 'HKD', 'TWD', 'MOP']], ['圆', ['CNY', 'CNH']], ['块', ['CNY', 'CNH']],
  ['¥', ['CNY', 'CNH', 'JPY']],
  ['$', ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD', 'MXN', 'BND', 'FJD', 'JMD', 'TTD', 'BSD', 'BBD', 'BZD', 'BMD', 'KYD', 'XCD', 'ARS', 'CLP', 'COP', 'UYU', 'DOP', 'LRD', 'NAD', 'SBD', 'SRD', 'GYD']],
  ['€', ['EUR']], ['£', ['GBP', 'EGP', 'GIP', 'FKP', 'SHP', 'LBP', 'SYP', 'SSP']], ['₩', ['KRW']], ['₹', ['INR']], ['₫', ['VND']],
  ['₽', ['RUB']], ['฿', ['THB']], ['₱', ['PHP']], ['₺', ['TRY']], ['₪', ['ILS']], ['₦', ['NGN']],
];

/** Words and signs, longest first so `US$` wins over `$`. Matching is case-insensitive for Latin letters. */
const WORDS_LONGEST_FIRST = lazy(() => [...CURRENCY_WORDS].sort((a, b) => b[0].length - a[0].length));
const WORD_LOOKUP = lazy(() => new Map(CURRENCY_WORDS.map(([w, codes]) => [w.toUpperCase(), codes])));

/** The currency words and signs (人民币, 美元, 元, US$, ¥ …) with the codes each may stand for, longest first. */
export function currencyWords(): ReadonlyArray<readonly [string, readonly string[]]> {
  return WORDS_LONGEST_FIRST();
}

/** Where a currency sign is read: the row's customer's currency (blank: none) and the base currency. */
export interface CurrencyContext {
  readonly customer?: string | null;
  readonly base: string;
  /** A sign still ambiguous is its first, usual code (`$` → USD, `£` → GBP) instead of a Problem: for the Customers sheet, where the row is the customer. */
  readonly usualWhenAmbiguous?: boolean;
}

/**
 * The code a sign or word standing for `codes` means in a row (one rule for the Currency and the
 * Amount columns): its only code; else the customer's currency when it is one of them (`¥` on a
 * JPY customer is JPY, `$` on an HKD customer HKD); else the base currency when it is; else null
 * (ambiguous: `$` for a CNY customer in a CNY file could be USD, HKD, SGD …), except that the
 * yuan's words (RMB, 人民币) are CNY.
 */
export function resolveCurrency(codes: readonly string[], ctx: CurrencyContext): string | null {
  if (codes.length === 1) return codes[0]!;
  if (ctx.customer && codes.includes(ctx.customer)) return ctx.customer;
  if (codes.includes(ctx.base)) return ctx.base;
  // RMB, 人民币, 圆: the yuan, on- or offshore; CNY unless the row is CNH.
  return codes.length === 2 && codes[0] === 'CNY' && codes[1] === 'CNH' ? 'CNY' : null;
}

/** The codes a Currency cell written as a sign or word may stand for (`$` → USD, HKD …); null for an ISO code, a blank or an unknown word. */
export function currencyCandidates(cell: unknown): readonly string[] | null {
  if (typeof cell !== 'string') return null;
  const up = toHalfWidth(cell).trim().toUpperCase();
  if (up === '' || ISO_CODES().has(up)) return null;
  return WORD_LOOKUP().get(up) ?? null;
}

/**
 * Reads a Currency cell: a 3-letter ISO code in any case (`usd`), `RMB`, a Chinese name
 * (人民币, 美元 …) or a sign (`€`, `£`, `¥`, `$`, `元`). A sign that stands for several
 * currencies is read with {@link resolveCurrency} in the row's `ctx` (a CellError when it is
 * ambiguous there); without a ctx it is its first code (`¥` → CNY, `$` → USD).
 * Returns the code, null for blank, or a CellError.
 */
export function parseCurrency(cell: unknown, ctx?: CurrencyContext): string | null | CellError {
  if (cell === '' || cell === null || cell === undefined) return null;
  if (typeof cell !== 'string') return cellError('currency.unknown');
  const s = toHalfWidth(cell).trim();
  if (s === '') return null;
  if (isSheetErrorText(s)) return cellError('cell.sheetError');
  const up = s.toUpperCase();
  if (ISO_CODES().has(up)) return up;
  const codes = WORD_LOOKUP().get(up);
  if (!codes) return cellError('currency.unknown');
  if (!ctx) return codes[0]!;
  return resolveCurrency(codes, ctx) ?? (ctx.usualWhenAmbiguous ? codes[0]! : cellError('currency.ambiguous', { candidates: codes.slice(0, 6).join(', ') }));
}

// ---------------------------------------------------------------- decimal arithmetic

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The integer nearest to (intDigits.fracDigits × 10^shift), half away from zero, negated when
 * `negative`; NaN when it would not be a safe integer.
 */
function decimalToInteger(intDigits: string, fracDigits: string, shift: number, negative: boolean): number {
  let all = intDigits + fracDigits;
  // The decimal point sits after `point` digits of `all`.
  let point = intDigits.length + shift;
  let z = 0;
  while (z < all.length && all.charCodeAt(z) === 48 /* '0' */) z++;
  all = all.slice(z);
  point -= z;
  if (all.length === 0) return 0;
  let intStr: string;
  let roundUp = false;
  if (point <= 0) {
    intStr = '';
    roundUp = point === 0 && all.charCodeAt(0) >= 53; /* '5' */
  } else if (point >= all.length) {
    if (point > 16) return NaN;
    intStr = all + '0'.repeat(point - all.length);
  } else {
    intStr = all.slice(0, point);
    roundUp = all.charCodeAt(point) >= 53;
  }
  if (intStr.length > 16) return NaN;
  const n = (intStr === '' ? 0 : Number(intStr)) + (roundUp ? 1 : 0);
  if (n > MAX_SAFE) return NaN;
  return negative && n !== 0 ? -n : n;
}

const RE_NUMBER_REPR = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** A finite number to minor units by its shortest decimal text; NaN when not safe. */
function numberToMinor(n: number, digits: number): number {
  const scale = POW10[digits] ?? 10 ** digits;
  const v = n * scale;
  if (numberIsInteger(n) && mathAbs(v) <= MAX_SAFE) return v === 0 ? 0 : v;
  if (mathAbs(v) < 2 ** 36) {
    const frac = mathAbs(v - mathTrunc(v));
    if (mathAbs(frac - 0.5) > 1e-3) {
      const r = mathSign(v) * mathRound(mathAbs(v));
      return r === 0 ? 0 : r;
    }
  }
  const m = RE_NUMBER_REPR.exec(String(n));
  if (!m) return NaN;
  return decimalToInteger(m[2]!, m[3] ?? '', digits + (m[4] ? Number(m[4]) : 0), m[1] === '-');
}

// ---------------------------------------------------------------- parsing cells

function stripCurrencyToken(s: string, atStart: boolean): { rest: string; codes: readonly string[] } | null {
  const up = s.toUpperCase();
  if (atStart) {
    const m = /^([A-Z]{3})(?![A-Z])/.exec(up);
    if (m && ISO_CODES().has(m[1]!)) return { rest: s.slice(3), codes: [m[1]!] };
    for (const [w, codes] of WORDS_LONGEST_FIRST()) if (up.startsWith(w.toUpperCase())) return { rest: s.slice(w.length), codes };
  } else {
    const m = /(?<![A-Z])([A-Z]{3})$/.exec(up);
    if (m && ISO_CODES().has(m[1]!)) return { rest: s.slice(0, -3), codes: [m[1]!] };
    for (const [w, codes] of WORDS_LONGEST_FIRST()) if (up.endsWith(w.toUpperCase())) return { rest: s.slice(0, -w.length), codes };
  }
  return null;
}

interface ParsedText {
  negative: boolean;
  intDigits: string;
  fracDigits: string;
  shift: number;
  codes: (readonly string[])[];
}

/** Splits amount text into sign, digits and the currencies it names; a CellError when it is not an amount. */
function parseAmountText(raw: string): ParsedText | null | CellError {
  let s = toHalfWidth(raw).replace(/[\u00a0\u2007\u2009\u202f\u3000]/g, ' ').replace(/\u2212/g, '-').trim();
  if (isDashOrBlank(s)) return null;
  if (s.length > 80) return cellError('money.unreadable');
  if (isSheetErrorText(s)) return cellError('cell.sheetError');
  let negative = false;
  let signs = 0;
  const codes: (readonly string[])[] = [];
  let shift = 0;
  let zheng = false;
  // Peel signs, parentheses, CR/DR, currency words and 万/亿 off both ends.
  for (let guard = 0; guard < 12; guard++) {
    s = s.trim();
    const before = s;
    if (s.length >= 2 && s.startsWith('(') && s.endsWith(')')) {
      s = s.slice(1, -1);
      negative = !negative;
      signs++;
    } else if (s.startsWith('-') || s.startsWith('+')) {
      if (s[0] === '-') negative = !negative;
      s = s.slice(1);
      signs++;
    } else if (/\d\s*-$/.test(s)) {
      s = s.slice(0, -1);
      negative = !negative;
      signs++;
    } else if (/[\d\s)]CR$/i.test(s)) {
      s = s.slice(0, -2);
      negative = !negative;
      signs++;
    } else if (/[\d\s)]DR$/i.test(s)) {
      s = s.slice(0, -2);
      signs++;
    } else if (!zheng && s.charCodeAt(s.length - 1) === 0x6574 /* 整 */ && /[元圆][\s]*整$/.test(s)) {
      s = s.slice(0, -1); // 12,000元整: 整 ("exactly") after 元, as written on cheques and invoices
      zheng = true;
    } else if (/[\d\s]万$/.test(s) && shift === 0) {
      s = s.slice(0, -1);
      shift = 4;
    } else if (/[\d\s]亿$/.test(s) && shift === 0) {
      s = s.slice(0, -1);
      shift = 8;
    } else {
      const lead = stripCurrencyToken(s, true);
      if (lead && lead.rest !== s) {
        s = lead.rest;
        codes.push(lead.codes);
      } else {
        const tail = stripCurrencyToken(s, false);
        if (tail && tail.rest !== s) {
          s = tail.rest;
          codes.push(tail.codes);
        }
      }
    }
    if (s === before) break;
  }
  if (signs > 1 || codes.length > 2) return cellError('money.unreadable');
  s = s.trim();
  // Spaces and apostrophes between digit groups are thousands separators.
  s = s.replace(/(\d)[ '’](?=\d{3}(?:\D|$))/g, '$1');
  let intPart: string;
  let fracPart = '';
  const m = /^(\d[\d,]*)?(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === undefined && !m[2])) {
    if (/^\d+,\d{1,2}$/.test(s) || /^\d{1,3}(?:[. ]\d{3})+,\d+$/.test(s)) return cellError('money.decimalComma');
    return cellError('money.unreadable');
  }
  intPart = m[1] ?? '';
  fracPart = m[2] ?? '';
  if (intPart.includes(',')) {
    // A first group starting with 0 (`0,500`, `00,500`) cannot be thousands: it is a decimal comma.
    if (!/^[1-9]\d{0,2}(?:,\d{2,3})*,\d{3}$/.test(intPart)) {
      return /^(?:\d+,\d{1,2}|0\d*,\d+)$/.test(intPart) && fracPart === '' ? cellError('money.decimalComma') : cellError('money.unreadable');
    }
    intPart = intPart.replace(/,/g, '');
  }
  return { negative, intDigits: intPart, fracDigits: fracPart, shift, codes };
}

const RE_THOUSAND_OR_DECIMAL = /^[1-9]\d{0,2}$/;

/**
 * Reads an amount cell into minor units with `digits` decimals (see {@link minorDigits}).
 * Returns the Minor, null for a blank cell (or a lone dash), or a CellError.
 *
 * Accepted: numbers (rounded half away from zero from their shortest decimal text); text
 * with a currency sign, word or code before or after (¥ ￥ $ € £ 元 RMB CNY USD US$ HK$ 人民币 …),
 * thousands separators (`1,234.50`, `1 234.50`, `1'234.50`, Indian `1,23,456.00`), full-width
 * digits, `万`/`亿` multipliers (`1.5万` = 15000), `整` after 元 (`12,000元整` = 12000), negatives as `-1`, `−1`, `(1)`, `1-`
 * or a trailing `CR` (a trailing `DR` is positive).
 *
 * When `rowCurrency` is given and the text names a currency that cannot be it (`USD 100`
 * in a CNY row), the cell is rejected rather than read at the wrong rate.
 *
 * `scale` is a power of ten the amount is written in, from the column's header (4 for 万元, 3 for
 * `(000)`): 1.2345 in a 万元 column is 12,345.00. It is exact (decimal, not float), and rounds half
 * away from zero at the minor unit like any amount with more decimals than its currency has. A
 * cell that writes its own 万 or 亿 is read as written: `50万` in a 万元 column is 500,000.
 *
 * Rejected: TRUE/FALSE, dates, spreadsheet errors (#N/A), `abc`, `1.2.3`, decimal commas,
 * `1.000`-like text in a currency with fewer than 3 decimals,
 * percentages, and amounts beyond 2^53 minor units.
 */
export function parseMoney(cell: unknown, digits: number, rowCurrency?: string, scale = 0): Minor | null | CellError {
  if (typeof cell === 'number') {
    if (!numberIsFinite(cell)) return cellError('money.unreadable');
    const v = numberToMinor(cell, digits + scale);
    return numberIsNaN(v) ? cellError('money.tooLarge') : v;
  }
  if (cell === '' || cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cellError('money.boolean');
  if (isDateObject(cell)) return cellError('money.date');
  if (typeof cell !== 'string') return cellError('money.unreadable');
  const p = parseAmountText(cell);
  if (p === null || 'problem' in p) return p;
  // `1.000`, `€1.234`: one to three digits, a point and three more is one thousand where `.`
  // separates thousands; in a currency with fewer decimals it cannot be read either way.
  // Under a scaled header (万元) the point can only be a decimal point: 12.500 万 is 125,000.
  if (digits < 3 && scale === 0 && p.fracDigits.length === 3 && p.shift === 0 && RE_THOUSAND_OR_DECIMAL.test(p.intDigits)) return cellError('money.pointOrThousands');
  if (rowCurrency) {
    // The row's currency already comes from its Currency cell, its customer or the base, so a
    // sign read by the same rule as the Currency column must come to it.
    for (const codes of p.codes) {
      if (resolveCurrency(codes, { customer: rowCurrency, base: rowCurrency }) !== rowCurrency) return cellError('money.currencyMismatch', { written: codes[0]!, currency: rowCurrency });
    }
  }
  const v = decimalToInteger(p.intDigits, p.fracDigits, digits + (p.shift || scale), p.negative);
  return numberIsNaN(v) ? cellError('money.tooLarge') : v;
}

// ---------------------------------------------------------------- formatting and conversion

const formatters = new Map<string, Intl.NumberFormat | null>();

/**
 * Display text for an amount in minor units, e.g. formatMinor(123450, 'CNY', 'zh-CN') →
 * '¥1,234.50'. Falls back to '1234.50 XXX' when Intl does not know the currency or locale.
 */
export function formatMinor(minor: Minor, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      f = null;
    }
    formatters.set(key, f);
  }
  const value = minor / (POW10[digits] ?? 10 ** digits);
  if (f) return f.format(value === 0 ? 0 : value);
  return `${value.toFixed(digits)} ${currency}`;
}

/** A positive finite rate as integer mantissa and decimal scale: 7.1 → { mant: 71, scale: 1 } (mant NaN past 15 digits). */
interface RateParts {
  mant: number;
  mantText: string;
  scale: number;
}
let lastRate = NaN;
let lastRateParts: RateParts | null = null;

function rateParts(rate: number): RateParts | null {
  if (rate === lastRate) return lastRateParts;
  const parts = ratePartsOf(rate);
  lastRate = rate;
  lastRateParts = parts;
  return parts;
}

function ratePartsOf(rate: number): RateParts | null {
  if (typeof rate !== 'number' || !numberIsFinite(rate) || rate <= 0) return null;
  const m = RE_NUMBER_REPR.exec(String(rate));
  if (!m) return null;
  const frac = m[3] ?? '';
  const e = m[4] ? Number(m[4]) : 0;
  const digits = (m[2]! + frac).replace(/^0+/, '') || '0';
  return { mant: digits.length <= 15 ? Number(digits) : NaN, mantText: digits, scale: frac.length - e };
}

/** Integer division rounding half away from zero; exact for safe integers. */
function divRound(num: number, p: number): number {
  const r = num % p;
  let q = (num - r) / p;
  if (2 * mathAbs(r) >= p) q += num < 0 ? -1 : 1;
  return q === 0 ? 0 : q;
}

function bigDivRound(num: bigint, p: bigint): bigint {
  const r = num % p;
  let q = num / p;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= p) q += num < 0n ? -1n : 1n;
  return q;
}

/**
 * Converts minor units of `fromCurrency` into minor units with `toDigits` decimals at `rate`
 * (target units per one unit of fromCurrency), rounding half away from zero with exact
 * integer arithmetic (BigInt when the product would leave the safe range).
 * NaN when the rate is not a positive finite number or the result is not a safe integer.
 */
export function convert(minor: Minor, fromCurrency: string, rate: number, toDigits: number): Minor {
  const rp = rateParts(rate);
  if (!rp || !numberIsSafeInteger(minor)) return NaN;
  const exp = toDigits - minorDigits(fromCurrency) - rp.scale;
  const product = minor * rp.mant;
  if (numberIsSafeInteger(product) && numberIsSafeInteger(rp.mant) && exp > -16 && exp < 16) {
    if (exp >= 0) {
      const v = product * POW10[exp]!;
      if (numberIsSafeInteger(v)) return v === 0 ? 0 : v;
    } else {
      return divRound(product, POW10[-exp]!);
    }
  }
  try {
    let big = BigInt(minor) * BigInt(rp.mantText);
    big = exp >= 0 ? big * 10n ** BigInt(exp) : bigDivRound(big, 10n ** BigInt(-exp));
    const v = Number(big);
    return numberIsSafeInteger(v) ? (v === 0 ? 0 : v) : NaN;
  } catch {
    return NaN;
  }
}
