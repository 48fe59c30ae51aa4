/**
 * Numbers, money and dates for a person, with Intl for the spreadsheet's locale. Money arrives in
 * integer minor units; the currency's own number of decimals turns it into major units.
 */
import type { MoneyValue } from './api';

const digitsCache = new Map<string, number>();

/** Decimals of a currency's minor unit (CNY 2, JPY 0, KWD 3); 2 for an unknown code. */
export function currencyDigits(currency: string): number {
  const code = currency.trim().toUpperCase();
  let d = digitsCache.get(code);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(code, d);
  }
  return d;
}

export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** A major-units amount a person typed ("1,234.5") as minor units, or null when it is not a number. */
export function parseMajor(text: string, currency: string): number | null {
  const clean = text.replace(/[\s,，]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  return Math.round(Number(clean) * 10 ** currencyDigits(currency));
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'en';
  } catch {
    return 'en';
  }
}

export interface Formatter {
  locale: string;
  money(v: MoneyValue | null | undefined): string;
  /** Minor units of a currency, formatted as money. */
  amount(minor: number, currency: string): string;
  /** Minor units as a plain number with the currency's decimals, no symbol (tables with the code in the header). */
  plain(minor: number, currency: string): string;
  /** Short money for chart labels: ¥12.3K. */
  compact(minor: number, currency: string): string;
  number(n: number, maxDigits?: number): string;
  /** A share 0..1 as a percentage. */
  percent(share: number): string;
  /** 'YYYY-MM-DD' as a date. */
  date(iso: string | null | undefined): string;
  /** 'YYYY-MM-DD' as a short day and month (chart labels): Nov 23 / 11月23日. */
  dayMonth(iso: string | null | undefined): string;
  /** An ISO date-time as date and time. */
  dateTime(iso: string | null | undefined): string;
  /** An hour of day 0-23 as a time: 9 → 09:00 / 9 AM. */
  hour(h: number): string;
}

const DASH = '—';

/** `timeZone`: the spreadsheet's, for date-times (the browser's own zone when absent or unknown). */
export function makeFormatter(requested: string, timeZone?: string): Formatter {
  const locale = safeLocale(requested);
  const moneyFmt = new Map<string, Intl.NumberFormat>();
  const moneyFor = (currency: string, compact: boolean): Intl.NumberFormat | null => {
    const key = `${currency}|${compact}`;
    if (!moneyFmt.has(key)) {
      try {
        moneyFmt.set(key, new Intl.NumberFormat(locale, compact
          ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
          : { style: 'currency', currency }));
      } catch {
        return null;
      }
    }
    return moneyFmt.get(key) ?? null;
  };
  const number = (n: number, maxDigits = 0): string =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(n);
  const amount = (minor: number, currency: string): string => {
    const major = toMajor(minor, currency);
    const f = moneyFor(currency, false);
    return f ? f.format(major) : `${number(major, currencyDigits(currency))} ${currency}`;
  };
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayMonthFmt = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const isoDate = (iso: string): Date | null => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  };
  const dtOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  let dateTimeFmt: Intl.DateTimeFormat;
  try {
    dateTimeFmt = new Intl.DateTimeFormat(locale, timeZone ? { ...dtOptions, timeZone } : dtOptions);
  } catch {
    dateTimeFmt = new Intl.DateTimeFormat(locale, dtOptions);
  }
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return {
    locale,
    amount,
    money: (v) => (v ? amount(v.minor, v.currency) : DASH),
    plain: (minor, currency) => {
      const d = currencyDigits(currency);
      return new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(toMajor(minor, currency));
    },
    compact: (minor, currency) => {
      const f = moneyFor(currency, true);
      const major = toMajor(minor, currency);
      return f ? f.format(major) : number(major, 0);
    },
    number,
    percent: (share) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share),
    date: (iso) => {
      if (!iso) return DASH;
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      if (!m) return iso;
      return dateFmt.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },
    dayMonth: (iso) => {
      if (!iso) return DASH;
      const d = isoDate(iso);
      return d ? dayMonthFmt.format(d) : iso;
    },
    dateTime: (iso) => {
      if (!iso) return DASH;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    },
    hour: (h) => timeFmt.format(new Date(Date.UTC(2000, 0, 1, h, 0))),
  };
}
