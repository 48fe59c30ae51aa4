/**
 * The credit summary through the document cache: what custom functions, the on-edit order check
 * and the sidebar's order check read instead of the whole credit file.
 *
 * A cache hit costs a constant number of service calls whatever the size of the file: the zone,
 * the locale, all document properties (one call), every sheet's name and the credit sheets' last row and
 * column, and one cache read (two for the order check's base key). A miss reads each credit sheet
 * once, computes the picture and stores the summary (see fingerprint.ts for the keys).
 */
import { todayIn } from '../../core/dates';
import { tableOfSheetName } from '../../core/read';
import type { Day } from '../../core/types';
import { cacheGetLarge, cachePutLarge } from '../../platform/cache';
import { locale, timeZone } from '../../platform/spreadsheet';
import { allDocumentProperties, cacheGet, cachePut, setDocumentProperties, sheetShapes, type SheetShape } from '../../platform/workbook';
import { isLoadedSheet, loadCreditFile, pictureOf, type LoadedFile } from '../creditFile';
import {
  baseKey, fullKey, LEDGER_VERSION_KEY, newVersion, ORDERS_VERSION_KEY, SUMMARY_TTL_SECONDS, type FingerprintInput,
} from './fingerprint';
import { cachedSummaryOf, parseSummary, serialiseSummary, type CachedSummary } from './serialise';

/** What the fingerprint is made of, read once per execution. */
export interface CacheState {
  timeZone: string;
  /** The spreadsheet's locale ('' when unknown): part of the fingerprint, as it can set the file's language. */
  locale: string;
  today: Day;
  /** Every document property (versions, overrides). */
  props: Record<string, string>;
  ledgerShapes: SheetShape[];
  orderShapes: SheetShape[];
}

/** Reads the zone, the document properties and the credit sheets' shapes. Constant cost. */
export function readCacheState(now: Date = new Date()): CacheState {
  const zone = timeZone();
  const loc = locale();
  const props = allDocumentProperties();
  const shapes = sheetShapes(isLoadedSheet);
  return {
    timeZone: zone,
    locale: loc,
    today: todayIn(zone, now),
    props,
    ledgerShapes: shapes.filter((s) => tableOfSheetName(s.name) !== 'orders'),
    orderShapes: shapes.filter((s) => tableOfSheetName(s.name) === 'orders'),
  };
}

export function fingerprintOf(state: CacheState, asOf: Day): FingerprintInput {
  return {
    ledgerVersion: state.props[LEDGER_VERSION_KEY] ?? '',
    ordersVersion: state.props[ORDERS_VERSION_KEY] ?? '',
    ledgerShapes: state.ledgerShapes,
    orderShapes: state.orderShapes,
    timeZone: state.timeZone,
    locale: state.locale,
    asOf,
  };
}

/** Summaries parsed in this execution, by full key (a column with several as-of days reads each once). */
const memo = new Map<string, CachedSummary>();

function store(state: CacheState, asOf: Day, data: CachedSummary): void {
  const f = fingerprintOf(state, asOf);
  const key = fullKey(f);
  cachePutLarge(key, serialiseSummary(data), SUMMARY_TTL_SECONDS);
  cachePut(baseKey(f), key, SUMMARY_TTL_SECONDS);
  memo.set(key, data);
}

function compute(loaded: LoadedFile, asOf: Day): CachedSummary {
  return cachedSummaryOf(pictureOf(loaded, asOf, { kpis: false }));
}

/**
 * The full summaries for the days (custom functions). Reads the cache once per day; on any miss,
 * reads the credit file once and computes each missing day.
 */
export function summariesFor(days: readonly Day[], state: CacheState): Map<Day, CachedSummary> {
  const out = new Map<Day, CachedSummary>();
  const missing: Day[] = [];
  for (const day of new Set(days)) {
    const key = fullKey(fingerprintOf(state, day));
    const hit = memo.get(key) ?? parseSummary(cacheGetLarge(key));
    if (hit) {
      memo.set(key, hit);
      out.set(day, hit);
    } else missing.push(day);
  }
  if (missing.length) {
    const loaded = loadCreditFile();
    for (const day of missing) {
      const data = compute(loaded, day);
      store(state, day, data);
      out.set(day, data);
    }
  }
  return out;
}

/**
 * A summary good for the order check as of a day: found through the base key, so a change to
 * the Orders sheet alone does not force a re-read (the check reads the orders itself). On a miss,
 * the file is read and returned too, so the caller need not read the Orders sheet again.
 */
export function baseSummaryFor(asOf: Day, state: CacheState): { data: CachedSummary; loaded: LoadedFile | null } {
  const f = fingerprintOf(state, asOf);
  const pointer = cacheGet(baseKey(f));
  if (pointer) {
    const hit = memo.get(pointer) ?? parseSummary(cacheGetLarge(pointer));
    if (hit) {
      memo.set(pointer, hit);
      return { data: hit, loaded: null };
    }
  }
  const loaded = loadCreditFile();
  const data = compute(loaded, asOf);
  store(state, asOf, data);
  return { data, loaded };
}

/**
 * Marks the data changed: a new ledger version (Customers, Invoices, Payments, Settings) and/or
 * orders version. Old cache entries are simply never asked for again (they expire).
 */
export function bumpVersions(which: { ledger?: boolean; orders?: boolean }, now: number = Date.now()): void {
  const values: Record<string, string> = {};
  if (which.ledger) values[LEDGER_VERSION_KEY] = newVersion(now);
  if (which.orders) values[ORDERS_VERSION_KEY] = newVersion(now + 1);
  if (Object.keys(values).length) setDocumentProperties(values);
  memo.clear();
}

/** Forgets summaries parsed in this execution (tests, and after a bump). */
export function clearMemo(): void {
  memo.clear();
}
