import type { Customer, Day, Grade, Minor, Settings } from './types';
import type { LedgerCreditNote, LedgerInvoice } from './ledger';
import type { FactorCode } from '../i18n/reasons';
import { minorDigits } from './format';

/**
 * The credit score: a transparent scorecard, 0-100, with a grade A-D and a recommended limit
 * and terms. The model, its tables and a worked example are in docs/credit-score.md; keep the two
 * in step.
 *
 *   raw      = 70 (base)
 *            + wT × (Paydex(DBT) − 70)                         timeliness
 *            − wD × (10 × overdueShare + 10 × min(1, oldestDaysPastDue / 90))   delinquency
 *            − wU × 10 × clamp((exposure / limit − 0.8) / 0.4, 0, 1)             utilisation
 *            + wR × min(5, years as a customer)                                  relationship
 *            − wS × min(10, 40 × disputedShare)                                  disputes
 *            − wP × 5 × min(3, broken plans and promises in the last 365 days)   promises
 *   blended  = raw + α × (External Rating − raw), α = clamp(0.25 × wE, 0, 1)     external rating
 *   score    = round(clamp(blended, 0, 100))
 *
 * DBT (days beyond terms) is the amount-weighted average over the customer's undisputed invoices
 * that fell due in the last 365 days: paid ones at paid day − due date (negative: early), open ones
 * at their lateness so far (as-of − due date). Invoices not yet due do not count yet, and invoices
 * settled with no known date carry no information. When no invoice fell due in the last 365 days,
 * every invoice that fell due before counts instead (a customer who has always paid on terms, but
 * bought nothing due this year, still scores as one: the contract's anchor). With no such invoice
 * at all the timeliness factor is 0: the neutral base 70. Which set counted depends on due dates
 * only, never on payment days, so paying later still never raises the score.
 *
 * Paying later never raises the score: a later paid day raises that invoice's DBT term (and an
 * invoice left open counts at as-of − due, at least any paid day's term); it can only add to the
 * overdue amount, the oldest days past due and the exposure; the other factors do not depend on
 * payment days; a later payment can only add missed instalments to a plan or promise (the
 * promises factor counts any missed instalment whose break falls in the window, see
 * src/core/plans/keep.ts); and the external blend keeps the order because α <= 1. That is why the overdue
 * share is measured against three months' average sales rather than against the open balance
 * (which would shrink when another invoice is left unpaid).
 */

export interface ScoreFactor {
  factor: FactorCode;
  /** Its contribution to the score, rounded to 0.1 for display. */
  points: number;
  /** The weight from Settings it was scaled by (1 for the base). */
  weight: number;
  /** The figures behind it, for "why" (days, shares, amounts in minor units). */
  detail: Record<string, number | string | null>;
}

export interface CreditScore {
  /** 0-100, whole points. */
  score: number;
  grade: Grade;
  /** The unrounded, unclamped sum of the factors. */
  raw: number;
  factors: ScoreFactor[];
  /** Amount-weighted average days beyond terms; null with no payment history. */
  dbt: number | null;
  /** Net amount invoiced in the last 365 days ÷ 12, in minor units (floored, >= 0). */
  avgMonthlySales: Minor;
}

export interface ScoreInput {
  asOf: Day;
  customer: Pick<Customer, 'creditLimit' | 'customerSince' | 'externalRating'>;
  /** The customer's ledger invoices (positive amounts, dated on or before as-of). */
  invoices: readonly LedgerInvoice[];
  creditNotes: readonly LedgerCreditNote[];
  exposure: Minor;
  /**
   * Repayment plans and promises: how many broke in the last 365 days and the factor's weight
   * (Settings "Weight Promises"). Absent: the customer has none, and the factor is not listed.
   */
  promises?: { broken: number; weight: number };
}

/** Points per broken plan or promise, and how many count at most. */
export const PROMISE_POINTS = 5;
export const PROMISE_CAP = 3;

export interface Recommendation {
  grade: Grade;
  /** Recommended credit limit in minor units (0 with prepayment). */
  limit: Minor;
  termsDays: number;
  prepayment: boolean;
}

/** The neutral score with no payment history. */
export const NEUTRAL_SCORE = 70;

/** The Paydex-style map: days beyond terms → 0-100, piecewise linear between these knots, flat outside. */
export const PAYDEX_KNOTS: ReadonlyArray<readonly [number, number]> = [
  [-30, 100],
  [-20, 90],
  [0, 80],
  [15, 70],
  [22, 60],
  [30, 50],
  [60, 40],
  [90, 30],
  [120, 20],
];

/**
 * Paydex-style value of an average days beyond terms.
 *
 * @example paydexFromDbt(0) === 80; paydexFromDbt(30) === 50; paydexFromDbt(-20) === 90; paydexFromDbt(45) === 45
 */
export function paydexFromDbt(dbt: number): number {
  const k = PAYDEX_KNOTS;
  if (dbt <= k[0][0]) return k[0][1];
  for (let i = 1; i < k.length; i++) {
    const [x1, y1] = k[i];
    if (dbt <= x1) {
      const [x0, y0] = k[i - 1];
      return y0 + ((dbt - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return k[k.length - 1][1];
}

/**
 * The grade for a score by the cut-offs.
 *
 * @example gradeFor(80, { A: 80, B: 60, C: 40 }) === 'A'; gradeFor(39, …) === 'D'
 */
export function gradeFor(score: number, cutoffs: Settings['gradeCutoffs']): Grade {
  if (score >= cutoffs.A) return 'A';
  if (score >= cutoffs.B) return 'B';
  if (score >= cutoffs.C) return 'C';
  return 'D';
}

const YEAR = 365;
const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
const round1 = (x: number): number => Math.round(x * 10) / 10 + 0; // + 0 turns -0 into 0
const round4 = (x: number): number => Math.round(x * 10000) / 10000 + 0;

/** Scores one customer. Linear in its invoices. */
export function creditScore(input: ScoreInput, settings: Pick<Settings, 'scoreWeights' | 'gradeCutoffs'>): CreditScore {
  const { asOf, customer } = input;
  const w = settings.scoreWeights;
  const windowStart = asOf - YEAR; // exclusive: the last 365 days are (asOf − 365, asOf]

  let dbtWeight = 0;
  let dbtSum = 0;
  let dbtCount = 0;
  // The same over every invoice that fell due, for a customer with none in the last 365 days.
  let allWeight = 0;
  let allSum = 0;
  let allCount = 0;
  let overdue = 0;
  let oldest = 0;
  let gross12 = 0;
  let disputed12 = 0;
  let net12 = 0;
  let first: Day | null = null;

  for (const li of input.invoices) {
    const inv = li.invoice;
    const due = inv.dueDate;
    if (first === null || inv.invoiceDate < first) first = inv.invoiceDate;
    if (inv.invoiceDate > windowStart) {
      gross12 += inv.amount;
      net12 += inv.amount;
      if (li.disputed) disputed12 += inv.amount;
    }
    if (li.disputed) continue;
    if (li.open > 0 && asOf - due > 0) {
      overdue += li.open;
      if (asOf - due > oldest) oldest = asOf - due;
    }
    if (due > asOf || inv.amount <= 0) continue;
    let beyond: number;
    if (li.open > 0) beyond = asOf - due;
    else if (li.paidDay !== null) beyond = li.paidDay - due;
    else continue; // settled, date unknown
    allWeight += inv.amount;
    allSum += inv.amount * beyond;
    allCount++;
    if (due <= windowStart) continue;
    dbtWeight += inv.amount;
    dbtSum += inv.amount * beyond;
    dbtCount++;
  }
  const allHistory = dbtWeight === 0 && allWeight > 0;
  if (allHistory) {
    dbtWeight = allWeight;
    dbtSum = allSum;
    dbtCount = allCount;
  }
  for (const cn of input.creditNotes) {
    if (first === null || cn.invoice.invoiceDate < first) first = cn.invoice.invoiceDate;
    if (cn.invoice.invoiceDate > windowStart) net12 -= cn.credit;
  }
  const avgMonthlySales = Math.max(0, Math.floor(net12 / 12));

  const factors: ScoreFactor[] = [];
  factors.push({ factor: 'base', points: NEUTRAL_SCORE, weight: 1, detail: {} });

  // Timeliness
  const dbt = dbtWeight > 0 ? dbtSum / dbtWeight : null;
  const paydex = dbt === null ? null : paydexFromDbt(dbt);
  const timeliness = paydex === null ? 0 : w.timeliness * (paydex - NEUTRAL_SCORE);
  factors.push({
    factor: 'timeliness',
    points: timeliness,
    weight: w.timeliness,
    detail: { dbt: dbt === null ? null : round1(dbt), paydex: paydex === null ? null : round1(paydex), invoices: dbtCount, amount: dbtWeight, window: allHistory ? 'all' : 'year' },
  });

  // Current delinquency
  const overdueShare = overdue <= 0 ? 0 : avgMonthlySales <= 0 ? 1 : Math.min(1, overdue / (3 * avgMonthlySales));
  const oldestPart = Math.min(1, oldest / 90);
  const delinquency = -w.delinquency * (10 * overdueShare + 10 * oldestPart);
  factors.push({
    factor: 'delinquency',
    points: delinquency,
    weight: w.delinquency,
    detail: { overdue, oldestDaysPastDue: oldest, overdueShare: round4(overdueShare), threeMonthsSales: 3 * avgMonthlySales },
  });

  // Utilisation
  const limit = customer.creditLimit;
  let ratio: number | null = null;
  let utilPart = 0;
  if (limit !== null) {
    if (limit > 0) {
      ratio = input.exposure / limit;
      utilPart = clamp((ratio - 0.8) / 0.4, 0, 1);
    } else if (input.exposure > 0) {
      utilPart = 1; // cash only, yet owing
    }
  }
  const utilisation = -w.utilisation * 10 * utilPart;
  factors.push({
    factor: 'utilisation',
    points: utilisation,
    weight: w.utilisation,
    detail: { exposure: input.exposure, limit, ratio: ratio === null ? null : round4(ratio) },
  });

  // Relationship length
  const since = customer.customerSince ?? first;
  const years = since === null ? 0 : Math.max(0, (asOf - since) / 365.25);
  const relationship = w.relationship * Math.min(5, years);
  factors.push({
    factor: 'relationship',
    points: relationship,
    weight: w.relationship,
    detail: { since, years: round1(years), fromFirstInvoice: customer.customerSince === null && since !== null ? 'yes' : 'no' },
  });

  // Disputes
  const disputedShare = gross12 > 0 ? disputed12 / gross12 : 0;
  const disputes = -w.disputes * Math.min(10, 40 * disputedShare);
  factors.push({
    factor: 'disputes',
    points: disputes,
    weight: w.disputes,
    detail: { disputed: disputed12, invoiced: gross12, share: round4(disputedShare) },
  });

  let raw = NEUTRAL_SCORE + timeliness + delinquency + utilisation + relationship + disputes;

  // Broken plans and promises (only listed for a customer who has any)
  if (input.promises) {
    const broken = Math.max(0, Math.floor(input.promises.broken));
    const weight = Number.isFinite(input.promises.weight) ? Math.max(0, input.promises.weight) : 1;
    const promises = -weight * PROMISE_POINTS * Math.min(PROMISE_CAP, broken);
    raw += promises;
    factors.push({ factor: 'promises', points: promises, weight, detail: { broken, counted: Math.min(PROMISE_CAP, broken) } });
  }

  // External rating, blended with the scorecard's sum kept within 0-100: a rating of 100 for a
  // customer whose factors sum past 100 is then no penalty (it showed −1.2 for a sum of 103.8).
  const rating = customer.externalRating;
  if (rating !== null && Number.isFinite(rating)) {
    const alpha = clamp(0.25 * w.externalRating, 0, 1);
    const blend = alpha * (clamp(rating, 0, 100) - clamp(raw, 0, 100));
    raw = clamp(raw, 0, 100);
    raw += blend;
    factors.push({ factor: 'externalRating', points: blend, weight: w.externalRating, detail: { rating, blend: alpha } });
  } else {
    factors.push({ factor: 'externalRating', points: 0, weight: w.externalRating, detail: { rating: null, blend: 0 } });
  }

  for (const f of factors) f.points = round1(f.points);
  const score = Math.round(clamp(raw, 0, 100));
  return { score, grade: gradeFor(score, settings.gradeCutoffs), raw, factors, dbt, avgMonthlySales };
}

/**
 * The recommended limit and terms for a grade: limitMonths × average monthly sales, rounded down
 * to 100 major units of the base currency; D (prepayment) gets limit 0.
 *
 * @example recommend('B', 1_234_567, settings) → { limit: 2_460_000, termsDays: 30, … } // 2 × 12,345.67 → 24,600.00
 */
export function recommend(grade: Grade, avgMonthlySales: Minor, settings: Pick<Settings, 'gradePolicies' | 'baseCurrency'>): Recommendation {
  const policy = settings.gradePolicies.find((p) => p.grade === grade);
  if (!policy || policy.prepayment) return { grade, limit: 0, termsDays: policy?.termsDays ?? 0, prepayment: true };
  const unit = 100 * 10 ** minorDigits(settings.baseCurrency);
  // Months × sales in minor units, rounded to a whole minor unit before it is floored to the step:
  // 1.15 × 200,000 is 229,999.99999999997 in binary floating point, which is 230,000, not 229,900.
  const product = Math.round(policy.limitMonths * Math.max(0, avgMonthlySales));
  const limit = Math.floor(product / unit) * unit;
  return { grade, limit, termsDays: policy.termsDays, prepayment: false };
}
