import { creditCheck, severity, type CheckSubject } from '../../src/core/check';
import { settings } from './builders';

const subject = (over: Partial<CheckSubject> & { onHold?: boolean; creditLimit?: number | null } = {}): CheckSubject => {
  const { onHold = false, creditLimit = null, ...rest } = over;
  return { customer: { onHold, creditLimit }, exposure: 0, maxDaysPastDue: 0, oldestPastDueNo: '', pastDueCount: 0, pastDueAmount: 0, ...rest };
};
const s = settings();

describe('creditCheck', () => {
  it('says OK with nothing against the customer and no limit', () => {
    expect(creditCheck(subject({ exposure: 10_000_000 }), 10_000_000, s)).toEqual({ verdict: 'OK', reasons: [], text: 'OK' });
  });

  it('blocks a customer on hold', () => {
    const r = creditCheck(subject({ onHold: true }), 100, s);
    expect(r.text).toBe('BLOCK: customer is on credit hold');
  });

  it('blocks when an invoice is more than the hold threshold past due, not at it', () => {
    const at = creditCheck(subject({ maxDaysPastDue: 60, oldestPastDueNo: 'INV-7', pastDueCount: 1, pastDueAmount: 12345 }), 100, s);
    expect(at.verdict).toBe('WARN');
    expect(at.text).toBe('WARN: 1 invoice(s) past due, 123.45 CNY in all, oldest 60 days');
    const over = creditCheck(subject({ maxDaysPastDue: 61, oldestPastDueNo: 'INV-7', pastDueCount: 1, pastDueAmount: 12345 }), 100, s);
    expect(over.text).toBe('BLOCK: invoice INV-7 is 61 days past due (hold after 60 days)');
  });

  it('takes the hold threshold from settings', () => {
    const sub = subject({ maxDaysPastDue: 31, oldestPastDueNo: 'X', pastDueCount: 1, pastDueAmount: 1 });
    expect(creditCheck(sub, 0, settings({ holdThresholdDays: 30 })).verdict).toBe('BLOCK');
    expect(creditCheck(sub, 0, settings({ holdThresholdDays: 31 })).verdict).toBe('WARN');
  });

  it('blocks over the limit and warns over 90% of it', () => {
    const sub = subject({ creditLimit: 100000, exposure: 80000 });
    expect(creditCheck(sub, 10000, s).verdict).toBe('OK'); // 90,000 = 90%: not over
    const warn = creditCheck(sub, 10001, s);
    expect(warn.text).toBe('WARN: exposure 800.00 CNY + this 100.01 CNY is over 90% of the credit limit 1,000.00 CNY');
    expect(creditCheck(sub, 20000, s).verdict).toBe('WARN'); // exactly the limit
    const block = creditCheck(sub, 20001, s);
    expect(block.text).toBe('BLOCK: exposure 800.00 CNY + this 200.01 CNY exceeds the credit limit 1,000.00 CNY');
  });

  it('takes the warn ratio from settings', () => {
    const sub = subject({ creditLimit: 1000, exposure: 0 });
    expect(creditCheck(sub, 751, settings({ warnRatio: 0.75 })).verdict).toBe('WARN');
    expect(creditCheck(sub, 750, settings({ warnRatio: 0.75 })).verdict).toBe('OK');
    expect(creditCheck(subject({ creditLimit: 110 }), 99, settings({ warnRatio: 0.9 })).verdict).toBe('OK'); // 0.9 × 110 is 99, not 99.000…01
  });

  it('treats a blank limit as no limit and a zero limit as cash only', () => {
    expect(creditCheck(subject({ creditLimit: null }), 1e9, s).verdict).toBe('OK');
    const cash = creditCheck(subject({ creditLimit: 0 }), 1, s);
    expect(cash.verdict).toBe('BLOCK');
    expect(cash.reasons[0].code).toBe('CASH_ONLY');
    expect(creditCheck(subject({ creditLimit: 0 }), 0, s).verdict).toBe('OK');
    // A prepayment on account covers the order: exposure + A <= 0.
    expect(creditCheck(subject({ creditLimit: 0, exposure: -500 }), 500, s).verdict).toBe('OK');
  });

  it('warns on any undisputed invoice past due (the subject counts only undisputed ones)', () => {
    expect(creditCheck(subject({ maxDaysPastDue: 1, pastDueCount: 1, pastDueAmount: 100, oldestPastDueNo: 'I' }), 0, s).verdict).toBe('WARN');
  });

  it('lists every reason of the verdict in the contract order, and only those', () => {
    const sub = subject({ onHold: true, creditLimit: 1000, exposure: 900, maxDaysPastDue: 90, oldestPastDueNo: 'I1', pastDueCount: 2, pastDueAmount: 900 });
    const r = creditCheck(sub, 200, s);
    expect(r.verdict).toBe('BLOCK');
    expect(r.reasons.map((x) => x.code)).toEqual(['ON_HOLD', 'OVERDUE_HOLD', 'OVER_LIMIT']);
    expect(r.text.split('; ')).toHaveLength(3);
    const w = creditCheck(subject({ creditLimit: 1000, exposure: 950, maxDaysPastDue: 5, oldestPastDueNo: 'I1', pastDueCount: 1, pastDueAmount: 10 }), 0, s);
    expect(w.reasons.map((x) => x.code)).toEqual(['NEAR_LIMIT', 'PAST_DUE']);
  });

  it('writes the reasons in Chinese but never translates the verdict', () => {
    const r = creditCheck(subject({ onHold: true, creditLimit: 100000, exposure: 100000 }), 1, settings({ language: 'zh' }));
    expect(r.text).toBe('BLOCK: 客户已冻结（暂停赊销）; 敞口 1,000.00 CNY + 本次 0.01 CNY 超过信用额度 1,000.00 CNY');
  });

  it('accepts a money formatter', () => {
    const r = creditCheck(subject({ creditLimit: 0 }), 5, s, { formatMoney: (m, c) => `${c}${m}` });
    expect(r.text).toBe('BLOCK: cash-only customer (credit limit 0): exposure CNY0 + this CNY5 needs prepayment');
    expect(severity('BLOCK')).toBeGreaterThan(severity('WARN'));
  });
});
