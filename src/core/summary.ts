/**
 * The credit summary: the few figures per customer that custom functions and on-edit checks
 * need, small enough to keep in the document cache so that a column of formulas does not
 * re-read the sheets for every cell.
 */
import type { CheckSubject } from './check';
import type { CreditPicture } from './picture';
import type { Day, Grade, Minor, Settings } from './types';

export interface CustomerSummary extends CheckSubject {
  id: string;
  name: string;
  score: number;
  grade: Grade;
  openBalance: Minor;
  /** Exposure without Pending and Approved orders: an order check adds the orders it reads. */
  exposureBeforeOrders: Minor;
  available: Minor | null;
  aging: Minor[];
}

export type SummarySettings = Pick<Settings, 'holdThresholdDays' | 'warnRatio' | 'language' | 'baseCurrency' | 'agingEdges' | 'approvers'>;

export interface CreditSummary {
  asOf: Day;
  settings: SummarySettings;
  agingLabels: string[];
  customers: Record<string, CustomerSummary>;
}

/** The summary of a computed picture. */
export function summarise(picture: CreditPicture): CreditSummary {
  const customers: Record<string, CustomerSummary> = {};
  for (const [key, c] of picture.customers) {
    customers[key] = {
      id: c.customer.id,
      name: c.customer.name,
      customer: { onHold: c.customer.onHold, creditLimit: c.customer.creditLimit },
      score: c.score.score,
      grade: c.grade,
      openBalance: c.openBalance,
      exposure: c.exposure,
      exposureBeforeOrders: c.exposure - c.pendingOrders,
      available: c.available,
      maxDaysPastDue: c.maxDaysPastDue,
      oldestPastDueNo: c.oldestPastDueNo,
      pastDueCount: c.pastDueCount,
      pastDueAmount: c.pastDueAmount,
      aging: c.aging.buckets.slice(),
    };
  }
  const s = picture.settings;
  return {
    asOf: picture.asOf,
    settings: {
      holdThresholdDays: s.holdThresholdDays,
      warnRatio: s.warnRatio,
      language: s.language,
      baseCurrency: s.baseCurrency,
      agingEdges: s.agingEdges.slice(),
      approvers: s.approvers.slice(),
    },
    agingLabels: picture.agingLabels.slice(),
    customers,
  };
}
