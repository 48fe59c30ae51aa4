/**
 * The summary cache's fingerprint: what must change for a cached credit summary to be stale.
 * Pure: no Apps Script service.
 *
 * Two keys per summary (see docs/custom-functions.md):
 *   base key  = hash(format, ledger version, shapes of Customers/Invoices/Payments/Settings, zone, locale, as-of)
 *   full key  = hash(base key, orders version, shapes of Orders sheets)
 * The full summary (scores, exposure and CREDITAVAILABLE depend on orders) is stored under the full
 * key; the base key points at it. The order check only needs what does not depend on orders
 * (exposure before orders, limits, holds, past due), so it finds a summary through the base key
 * even after the Orders sheet changed, and adds the orders it reads itself.
 */
import type { Day } from '../../core/types';

/**
 * Bump when the serialised form or what the summary holds changes: a summary of an older format is
 * neither found (its keys name the format) nor read, so the custom functions never serve what an
 * earlier version computed during the cache's 6 hours after a deploy.
 * 2: the reader's folded customer keys (idKey), limits scaled by a header's unit, fail-safe limits.
 * 3: the file's language (settings.language, the language of CREDITCHECK's reasons and the order
 *    check's notes) follows the locale when Settings has no Language row; a format-2 summary said
 *    English for such a file.
 */
export const SUMMARY_FORMAT = 3;

/** Document-property keys of the data versions. */
export const LEDGER_VERSION_KEY = 'creditDesk.ledgerVersion';
export const ORDERS_VERSION_KEY = 'creditDesk.ordersVersion';

/** Cache lifetime: the longest CacheService allows. Versions, not time, keep it honest. */
export const SUMMARY_TTL_SECONDS = 21_600;

export interface ShapeLike {
  name: string;
  lastRow: number;
  lastColumn: number;
}

export interface FingerprintInput {
  ledgerVersion: string;
  ordersVersion: string;
  /** Shapes of the ledger sheets (Customers, Invoices, Payments, Settings), tab order. */
  ledgerShapes: readonly ShapeLike[];
  /** Shapes of the Orders sheets, tab order. */
  orderShapes: readonly ShapeLike[];
  timeZone: string;
  /**
   * The spreadsheet's locale: without a Settings Language row it sets the file's language, hence
   * the text of the reasons, and changing it (File › Settings) is no edit that bumps a version.
   */
  locale?: string;
  asOf: Day;
}

/**
 * A 64-bit string hash (two independent 32-bit FNV-1a-style lanes with murmur finalisers),
 * as 16 hex digits. Not cryptographic: it only has to make accidental collisions unlikely.
 */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5 ^ text.length;
  let h2 = 0x27d4eb2f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const fin = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const hex = (n: number): string => ('00000000' + n.toString(16)).slice(-8);
  return hex(fin(h1)) + hex(fin(h2 ^ h1));
}

function shapesText(shapes: readonly ShapeLike[]): string {
  return shapes.map((s) => `${s.name.length}:${s.name}:${s.lastRow}x${s.lastColumn}`).join('|');
}

/** The base key: everything but the orders. */
export function baseKey(f: Omit<FingerprintInput, 'ordersVersion' | 'orderShapes'>): string {
  return `cd:b${SUMMARY_FORMAT}:${hash64(['base', SUMMARY_FORMAT, f.ledgerVersion, shapesText(f.ledgerShapes), f.timeZone, f.locale ?? '', f.asOf].join('\u0001'))}`;
}

/** The full key: the base key plus the orders. */
export function fullKey(f: FingerprintInput): string {
  return `cd:s${SUMMARY_FORMAT}:${hash64(['full', baseKey(f), f.ordersVersion, shapesText(f.orderShapes)].join('\u0001'))}`;
}

/** A fresh version token: different from any earlier one with overwhelming likelihood, no read needed. */
export function newVersion(now: number, random: number = Math.random()): string {
  return `${now.toString(36)}.${Math.floor(random * 0x7fffffff).toString(36)}`;
}
