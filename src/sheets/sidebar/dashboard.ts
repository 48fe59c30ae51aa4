/**
 * getDashboard: everything the dashboard shows, from one read of the credit file.
 */
import { shownAgingLabels } from '../../core/aging';
import { isoOfDay } from '../../core/dates';
import { creditCheck } from '../../core/check';
import { pastDueWithDisputed, type CustomerPicture } from '../../core/picture';
import { locale } from '../../platform/spreadsheet';
import { scheduleState } from '../reminders/schedule';
import type { Dashboard, RiskyCustomer } from '../../sidebar/api';
import { approverRoles, loadForSidebar, money } from './load';

/** A Sheets locale (en_US, zh_CN) as a BCP 47 tag (en-US, zh-CN); 'en-US' when blank. */
export function bcp47(sheetsLocale: string): string {
  const tag = String(sheetsLocale ?? '').trim().replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : 'en-US';
}

/** Riskiest first: a BLOCK (for any new amount) first, then the lowest score, then the most past due. */
export function riskiest(customers: Iterable<CustomerPicture>, settings: Parameters<typeof creditCheck>[2], n = 5): CustomerPicture[] {
  const ranked: { cp: CustomerPicture; blocked: boolean }[] = [];
  for (const cp of customers) {
    if (cp.openInvoices <= 0) continue;
    ranked.push({ cp, blocked: creditCheck(cp, 0, settings).verdict === 'BLOCK' });
  }
  ranked.sort((a, b) =>
    Number(b.blocked) - Number(a.blocked)
    || a.cp.score.score - b.cp.score.score
    || b.cp.pastDueAmount - a.cp.pastDueAmount
    || (a.cp.customer.id < b.cp.customer.id ? -1 : a.cp.customer.id > b.cp.customer.id ? 1 : 0));
  return ranked.slice(0, n).map((r) => r.cp);
}

export function getDashboard(): Dashboard {
  const { picture, language } = loadForSidebar();
  const s = picture.settings;
  const currency = s.baseCurrency;
  const ar = picture.kpis?.ar ?? picture.portfolio.total;
  const overdue = picture.kpis?.overdueAmount ?? 0;
  const dso = picture.kpis?.dso ?? null;
  const risky: RiskyCustomer[] = riskiest(picture.customers.values(), s).map((cp) => {
    const pastDue = pastDueWithDisputed(cp).amount;
    return {
      id: cp.customer.id,
      name: cp.customer.name,
      score: cp.score.score,
      grade: cp.grade,
      overdue: money(pastDue, currency),
      exposure: money(cp.exposure, currency),
      limit: cp.customer.creditLimit === null ? null : money(cp.customer.creditLimit, currency),
      maxDaysPastDue: cp.maxDaysPastDue,
    };
  });
  return {
    language,
    locale: bcp47(locale()),
    currency,
    asOf: isoOfDay(picture.asOf),
    receivable: money(ar, currency),
    overdue: money(overdue, currency),
    overdueShare: ar > 0 ? Math.round((overdue / ar) * 10000) / 10000 : 0,
    dso: dso === null || !Number.isFinite(dso) ? null : Math.round(dso * 10) / 10,
    aging: { labels: shownAgingLabels(picture.agingLabels, picture.settings.agingBasis), amounts: [...picture.portfolio.buckets] },
    riskiest: risky,
    schedule: scheduleState(),
    problemCount: picture.problems.length,
    ...approverRoles(s.approvers),
  };
}
