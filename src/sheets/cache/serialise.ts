/**
 * The cached credit summary and its compact serialisation. Pure.
 *
 * What is cached is summarise(picture) (src/core/summary.ts) less the customer names (nothing
 * that reads the cache shows them), plus what the order check needs to read the Orders sheet
 * without the Customers sheet: each customer's currency (when not the base currency) and the
 * FX rates. One row per customer, as a JSON array:
 *
 *   [key, id, onHold 0/1, limit|null, score, grade, openBalance, exposure, exposureBeforeOrders,
 *    available|null, maxDaysPastDue, oldestPastDueNo, pastDueCount, pastDueAmount, [aging…], currency|0]
 *
 * About 90 characters a customer: 10,000 customers fit in ~30 cache chunks.
 */
import type { CreditPicture } from '../../core/picture';
import { summarise, type CreditSummary, type CustomerSummary } from '../../core/summary';
import type { Grade } from '../../core/types';
import { SUMMARY_FORMAT } from './fingerprint';

export interface CachedSummary {
  summary: CreditSummary;
  /** Customer key → currency, only where it differs from the base currency. */
  currencies: Record<string, string>;
  /** Settings FX rates (base units for one unit of the currency). */
  fxRates: Record<string, number>;
}

/** The summary of a picture, with what the order check needs besides. */
export function cachedSummaryOf(picture: CreditPicture): CachedSummary {
  const summary = summarise(picture);
  const currencies: Record<string, string> = {};
  for (const [key, c] of picture.customers) {
    if (c.customer.currency && c.customer.currency !== picture.settings.baseCurrency) currencies[key] = c.customer.currency;
  }
  return { summary, currencies, fxRates: { ...picture.settings.fxRates } };
}

type Row = [
  string, string, number, number | null, number, string, number, number, number, number | null,
  number, string, number, number, number[], string | 0,
];

export function serialiseSummary(c: CachedSummary): string {
  const s = c.summary;
  const rows: Row[] = [];
  for (const key of Object.keys(s.customers)) {
    const x = s.customers[key];
    rows.push([
      key, x.id, x.customer.onHold ? 1 : 0, x.customer.creditLimit, x.score, x.grade, x.openBalance, x.exposure,
      x.exposureBeforeOrders, x.available, x.maxDaysPastDue, x.oldestPastDueNo, x.pastDueCount, x.pastDueAmount,
      x.aging, c.currencies[key] ?? 0,
    ]);
  }
  const st = s.settings;
  return JSON.stringify({
    f: SUMMARY_FORMAT,
    a: s.asOf,
    s: [st.holdThresholdDays, st.warnRatio, st.language, st.baseCurrency, st.agingEdges, st.approvers],
    x: c.fxRates,
    l: s.agingLabels,
    c: rows,
  });
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);

/** The summary back from its text; null for anything not written by this format. */
export function parseSummary(text: string | null | undefined): CachedSummary | null {
  if (!text) return null;
  let o: { f?: unknown; a?: unknown; s?: unknown; x?: unknown; l?: unknown; c?: unknown };
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (!o || o.f !== SUMMARY_FORMAT || !isNum(o.a) || !Array.isArray(o.s) || !Array.isArray(o.l) || !Array.isArray(o.c)) return null;
  const [hold, warn, language, base, edges, approvers] = o.s as unknown[];
  if (!isNum(hold) || !isNum(warn) || (language !== 'en' && language !== 'zh') || typeof base !== 'string') return null;
  if (!Array.isArray(edges) || !Array.isArray(approvers)) return null;
  const customers: Record<string, CustomerSummary> = {};
  const currencies: Record<string, string> = {};
  for (const r of o.c as unknown[]) {
    if (!Array.isArray(r) || r.length !== 16) return null;
    const [key, id, onHold, limit, score, grade, open, exposure, ebo, available, maxDpd, oldestNo, pdCount, pdAmount, aging, currency] = r as Row;
    if (typeof key !== 'string' || typeof id !== 'string' || !isNumOrNull(limit) || !isNum(score) || typeof grade !== 'string') return null;
    if (!isNum(open) || !isNum(exposure) || !isNum(ebo) || !isNumOrNull(available) || !isNum(maxDpd) || !isNum(pdCount) || !isNum(pdAmount)) return null;
    if (!Array.isArray(aging) || !aging.every(isNum)) return null;
    customers[key] = {
      id,
      name: '',
      customer: { onHold: onHold === 1, creditLimit: limit },
      score,
      grade: grade as Grade,
      openBalance: open,
      exposure,
      exposureBeforeOrders: ebo,
      available,
      maxDaysPastDue: maxDpd,
      oldestPastDueNo: typeof oldestNo === 'string' ? oldestNo : '',
      pastDueCount: pdCount,
      pastDueAmount: pdAmount,
      aging: aging.slice(),
    };
    if (typeof currency === 'string' && currency) currencies[key] = currency;
  }
  const fxRates: Record<string, number> = {};
  if (o.x && typeof o.x === 'object') {
    for (const [k, v] of Object.entries(o.x as Record<string, unknown>)) if (isNum(v)) fxRates[k] = v;
  }
  return {
    summary: {
      asOf: o.a,
      settings: {
        holdThresholdDays: hold,
        warnRatio: warn,
        language,
        baseCurrency: base,
        agingEdges: (edges as unknown[]).filter(isNum),
        approvers: (approvers as unknown[]).filter((a): a is string => typeof a === 'string'),
      },
      agingLabels: (o.l as unknown[]).map(String),
      customers,
    },
    currencies,
    fxRates,
  };
}
