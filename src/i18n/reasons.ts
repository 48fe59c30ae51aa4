/**
 * Words people read from the credit core: the credit check's reasons and the score's factor
 * names, in English and Chinese. The verdict words OK, WARN and BLOCK, the aging labels and the
 * grades are never translated (formulas compare them); only what follows `WARN:` / `BLOCK:` is.
 */
import { formatMoney, type MoneyFormatter } from '../core/format';
import type { Language } from './language';

export type { Language };

export type ReasonCode = 'ON_HOLD' | 'OVERDUE_HOLD' | 'OVER_LIMIT' | 'CASH_ONLY' | 'NEAR_LIMIT' | 'PAST_DUE' | 'UNKNOWN_CUSTOMER';

export type ReasonParams = Record<string, string | number>;

/** Params that are money in minor units (formatted with the currency). */
const MONEY_PARAMS = new Set(['exposure', 'amount', 'limit', 'total']);

const REASONS: Record<Language, Record<ReasonCode, string>> = {
  en: {
    ON_HOLD: 'customer is on credit hold',
    OVERDUE_HOLD: 'invoice {invoiceNo} is {days} days past due (hold after {threshold} days)',
    OVER_LIMIT: 'exposure {exposure}[ + this {amount}] exceeds the credit limit {limit}',
    CASH_ONLY: 'cash-only customer (credit limit 0): exposure {exposure}[ + this {amount} needs prepayment]',
    NEAR_LIMIT: 'exposure {exposure}[ + this {amount}] is over {ratio}% of the credit limit {limit}',
    PAST_DUE: '{count} invoice(s) past due, {total} in all, oldest {days} days',
    UNKNOWN_CUSTOMER: 'customer {id} is not in the Customers sheet',
  },
  zh: {
    ON_HOLD: '客户已冻结（暂停赊销）',
    OVERDUE_HOLD: '发票 {invoiceNo} 已逾期 {days} 天（逾期超过 {threshold} 天即冻结）',
    OVER_LIMIT: '敞口 {exposure}[ + 本次 {amount}] 超过信用额度 {limit}',
    CASH_ONLY: '现款客户（信用额度为 0）：敞口 {exposure}[ + 本次 {amount} 需预付]',
    NEAR_LIMIT: '敞口 {exposure}[ + 本次 {amount}] 超过信用额度 {limit} 的 {ratio}%',
    PAST_DUE: '{count} 张发票逾期，合计 {total}，最长逾期 {days} 天',
    UNKNOWN_CUSTOMER: '客户 {id} 不在客户档案中',
  },
};

/**
 * One reason as text in the language, money params formatted.
 *
 * @example reasonText('ON_HOLD', {}, 'zh', 'CNY') === '客户已冻结（暂停赊销）'
 */
export function reasonText(code: ReasonCode, params: ReasonParams, language: Language, currency: string, fmt: MoneyFormatter = formatMoney): string {
  // A [bracketed] part speaks of the amount checked: left out for an amount of 0 (the customer as
  // it stands: CREDITCHECK with no amount, the watch list), kept without its brackets otherwise.
  const template = (REASONS[language] ?? REASONS.en)[code].replace(/\[([^\]]*)\]/g, (_, part: string) => (params.amount === 0 ? '' : part));
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return '';
    if (MONEY_PARAMS.has(name) && typeof v === 'number') return fmt(v, currency);
    return String(v);
  });
}

export type FactorCode = 'base' | 'timeliness' | 'delinquency' | 'utilisation' | 'relationship' | 'disputes' | 'promises' | 'externalRating';

const FACTOR_NAMES: Record<Language, Record<FactorCode, string>> = {
  en: {
    base: 'Starting point',
    timeliness: 'Payment timeliness',
    delinquency: 'Current delinquency',
    utilisation: 'Credit limit utilisation',
    relationship: 'Relationship length',
    disputes: 'Disputes',
    promises: 'Broken promises',
    externalRating: 'External rating',
  },
  zh: {
    base: '基础分',
    timeliness: '付款及时性',
    delinquency: '当前逾期',
    utilisation: '额度使用率',
    relationship: '合作时长',
    disputes: '争议',
    promises: '违约承诺',
    externalRating: '外部评级',
  },
};

/** A score factor's name for people. */
export function factorName(code: FactorCode, language: Language): string {
  return (FACTOR_NAMES[language] ?? FACTOR_NAMES.en)[code];
}

const GRADE_WORDS: Record<Language, Record<'A' | 'B' | 'C' | 'D', string>> = {
  en: { A: 'low risk', B: 'moderate risk', C: 'elevated risk', D: 'high risk: prepayment' },
  zh: { A: '低风险', B: '中等风险', C: '较高风险', D: '高风险：须预付' },
};

/** A grade's meaning for people (the grade letter itself never translates). */
export function gradeMeaning(grade: 'A' | 'B' | 'C' | 'D', language: Language): string {
  return (GRADE_WORDS[language] ?? GRADE_WORDS.en)[grade];
}
