import { factorDetail } from '../../src/i18n/sidebarServer';
import type { ScoreFactor } from '../../src/core/score';

const f = (factor: ScoreFactor['factor'], detail: ScoreFactor['detail']): ScoreFactor => ({ factor, points: 0, weight: 1, detail });

describe('factorDetail: the sentence says what the numbers are', () => {
  it('gives the real share of three months\' sales when the score caps it, and says when there were no sales', () => {
    const capped = f('delinquency', { overdue: 900_000, oldestDaysPastDue: 40, overdueShare: 1, threeMonthsSales: 300_000 });
    expect(factorDetail(capped, 'CNY', 'en')).toBe('9,000.00 CNY is past due now, the oldest 40 days: 300% of three months\' sales (counted as 100%).');
    expect(factorDetail(capped, 'CNY', 'zh')).toContain('为三个月销售额的 300%（按 100% 计）');
    const noSales = f('delinquency', { overdue: 100_000, oldestDaysPastDue: 10, overdueShare: 1, threeMonthsSales: 0 });
    expect(factorDetail(noSales, 'CNY', 'en')).toMatch(/no sales in the last 12 months it counts as 100%/);
    const part = f('delinquency', { overdue: 100_000, oldestDaysPastDue: 10, overdueShare: 0.25, threeMonthsSales: 400_000 });
    expect(factorDetail(part, 'CNY', 'en')).toMatch(/: 25% of three months' sales\.$/);
  });

  it('does not call open invoices paid', () => {
    const open = f('timeliness', { dbt: 516, paydex: 20, invoices: 1, amount: 100_000, window: 'all' });
    expect(factorDetail(open, 'CNY', 'en')).not.toMatch(/^Paid/);
    expect(factorDetail(open, 'CNY', 'en')).toMatch(/^516 days late on average over all 1 earlier invoice .*open ones by their lateness so far/);
    expect(factorDetail(open, 'CNY', 'zh')).toContain('未付的按至今逾期天数');
  });

  it('says in Chinese how many broken promises count, and the most', () => {
    expect(factorDetail(f('promises', { broken: 1, counted: 1 }), 'CNY', 'zh')).toContain('（计 1 项，最多 3 项）');
  });

  it('writes Chinese sentences with full-width punctuation, keeping numbers and codes as they are', () => {
    const texts = [
      factorDetail(f('timeliness', { dbt: 3.5, paydex: 72, invoices: 4, window: '12m' }), 'CNY', 'zh'),
      factorDetail(f('delinquency', { overdue: 900_000, oldestDaysPastDue: 40, threeMonthsSales: 300_000 }), 'CNY', 'zh'),
      factorDetail(f('utilisation', { limit: 1_000_000, exposure: 500_000, ratio: 0.5 }), 'CNY', 'zh'),
      factorDetail(f('relationship', { since: 20000, years: 2.5, fromFirstInvoice: 'yes' }), 'CNY', 'zh'),
      factorDetail(f('disputes', { disputed: 100_000, invoiced: 1_000_000, share: 0.1 }), 'CNY', 'zh'),
      factorDetail(f('promises', { broken: 2, counted: 2 }), 'CNY', 'zh'),
    ];
    for (const text of texts) expect(text).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]|\([^)]*[\u4e00-\u9fff]/);
    expect(texts[0]).toContain('（已付的按付款日，未付的按至今逾期天数；Paydex 72）');
  });
});
