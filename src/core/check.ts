import type { Minor, Settings } from './types';
import { formatMoney, type MoneyFormatter } from './format';
import { reasonText, type ReasonCode, type ReasonParams } from '../i18n/reasons';

/**
 * The credit check of a new amount A for a customer (the contract's "Credit check" rule).
 *
 * BLOCK, for each that holds, in this order:
 *   1. the customer is On Hold                                       ON_HOLD
 *   2. an open undisputed invoice is more than holdThresholdDays past due   OVERDUE_HOLD
 *   3. a limit is set and exposure + A > limit                       OVER_LIMIT, or CASH_ONLY when the limit is 0
 * else WARN, for each that holds, in this order:
 *   4. a limit is set and exposure + A > warnRatio × limit           NEAR_LIMIT
 *   5. an open undisputed invoice is past due (1 day or more)        PAST_DUE
 * else OK.
 *
 * The text is `OK`, or `BLOCK: r1; r2` / `WARN: r1; r2` with every reason of that verdict, in the
 * file's language (settings.language); the verdict words never translate. Disputed invoices never count as past due
 * here. A blank limit (null) means no limit; a limit of 0 means cash only: exposure + A > 0 blocks,
 * so any A > 0 blocks unless the customer's unapplied credit (prepayment) covers it, as the
 * contract's formula says. The check is monotone in A: a larger amount never gets a better verdict.
 */

export type Verdict = 'OK' | 'WARN' | 'BLOCK';

export interface CheckReason {
  code: ReasonCode;
  params: ReasonParams;
}

export interface CreditCheckResult {
  verdict: Verdict;
  /** The reasons of the verdict, in the contract's order (empty for OK). */
  reasons: CheckReason[];
  /** `OK`, `WARN: …` or `BLOCK: …`: what CREDITCHECK returns. */
  text: string;
}

/** What the check needs to know about a customer (a CustomerPicture has all of it). */
export interface CheckSubject {
  customer: { onHold: boolean; creditLimit: Minor | null };
  exposure: Minor;
  /** Largest days past due over open undisputed invoices; 0 when none is past due. */
  maxDaysPastDue: number;
  /** Invoice No of the invoice with maxDaysPastDue; '' when none. */
  oldestPastDueNo: string;
  /** Count and open total of open undisputed invoices past due. */
  pastDueCount: number;
  pastDueAmount: Minor;
}

export interface CheckOptions {
  /** Money formatter for the reasons; default `1,234.56 CNY`. */
  formatMoney?: MoneyFormatter;
  /** Currency code for formatting; default settings.baseCurrency. */
  currency?: string;
}

/** The verdict's severity: larger is worse. */
export function severity(v: Verdict): number {
  return v === 'BLOCK' ? 2 : v === 'WARN' ? 1 : 0;
}

/**
 * Checks a new amount for a customer.
 *
 * @example creditCheck(subject, 500000, DEFAULT_SETTINGS).text === 'WARN: exposure … is over 90% of the credit limit …'
 */
export function creditCheck(
  subject: CheckSubject,
  amount: Minor,
  settings: Pick<Settings, 'holdThresholdDays' | 'warnRatio' | 'language' | 'baseCurrency'>,
  options: CheckOptions = {},
): CreditCheckResult {
  const block: CheckReason[] = [];
  const warn: CheckReason[] = [];
  const limit = subject.customer.creditLimit;
  const after = subject.exposure + amount;

  if (subject.customer.onHold) block.push({ code: 'ON_HOLD', params: {} });
  if (subject.pastDueCount > 0 && subject.maxDaysPastDue > settings.holdThresholdDays) {
    block.push({ code: 'OVERDUE_HOLD', params: { invoiceNo: subject.oldestPastDueNo, days: subject.maxDaysPastDue, threshold: settings.holdThresholdDays } });
  }
  if (limit !== null && after > limit) {
    block.push({ code: limit === 0 ? 'CASH_ONLY' : 'OVER_LIMIT', params: { exposure: subject.exposure, amount, limit } });
  }
  if (limit !== null && limit > 0 && after > warnThreshold(limit, settings.warnRatio)) {
    warn.push({ code: 'NEAR_LIMIT', params: { exposure: subject.exposure, amount, limit, ratio: Math.round(settings.warnRatio * 1000) / 10 } });
  }
  if (subject.pastDueCount > 0) {
    warn.push({ code: 'PAST_DUE', params: { count: subject.pastDueCount, total: subject.pastDueAmount, days: subject.maxDaysPastDue } });
  }
  return verdictOf(block, warn, settings, options);
}

/** The check for an ID that is not in the Customers sheet: BLOCK, no credit to an unknown customer. */
export function unknownCustomerCheck(id: string, settings: Pick<Settings, 'language' | 'baseCurrency'>, options: CheckOptions = {}): CreditCheckResult {
  return verdictOf([{ code: 'UNKNOWN_CUSTOMER', params: { id } }], [], settings, options);
}

/** warnRatio × limit, rounded to a thousandth of a minor unit so that 0.9 × 110 is 99, not 99.000…01. */
function warnThreshold(limit: Minor, ratio: number): number {
  return Math.round(ratio * limit * 1000) / 1000;
}

function verdictOf(
  block: CheckReason[],
  warn: CheckReason[],
  settings: Pick<Settings, 'language' | 'baseCurrency'>,
  options: CheckOptions,
): CreditCheckResult {
  const verdict: Verdict = block.length ? 'BLOCK' : warn.length ? 'WARN' : 'OK';
  const reasons = verdict === 'BLOCK' ? block : verdict === 'WARN' ? warn : [];
  const currency = options.currency ?? settings.baseCurrency;
  const fmt = options.formatMoney ?? formatMoney;
  const text =
    verdict === 'OK' ? 'OK' : `${verdict}: ${reasons.map((r) => reasonText(r.code, r.params, settings.language, currency, fmt)).join('; ')}`;
  return { verdict, reasons, text };
}
