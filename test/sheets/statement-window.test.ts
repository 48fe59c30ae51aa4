import { inStatementWindow, statementMonthDue, CATCH_UP_DAYS } from '../../src/sheets/statements/run';
import { dayFromYMD, isoOfDay } from '../../src/core/dates';

const day = (y: number, m: number, d: number) => dayFromYMD(y, m, d);
const month = (r: { from: number; to: number } | null) => (r === null ? null : `${isoOfDay(r.from)}..${isoOfDay(r.to)}`);

describe('statementMonthDue: the month whose statements are due on a day', () => {
  it('is the last full month from the Statement Day through CATCH_UP_DAYS after it', () => {
    expect(CATCH_UP_DAYS).toBe(6);
    expect(month(statementMonthDue(day(2026, 12, 1), 1))).toBe('2026-11-01..2026-11-30');
    expect(month(statementMonthDue(day(2026, 12, 7), 1))).toBe('2026-11-01..2026-11-30');
    expect(statementMonthDue(day(2026, 12, 8), 1)).toBeNull();
    expect(statementMonthDue(day(2026, 11, 30), 1)).toBeNull();
  });

  it('runs on across a month end, for the month before the Statement Day', () => {
    const days = [[11, 28], [11, 30], [12, 1], [12, 4]].map(([m, d]) => statementMonthDue(day(2026, m, d), 28));
    expect(days.map(month)).toEqual(Array(4).fill('2026-10-01..2026-10-31'));
    expect(statementMonthDue(day(2026, 12, 5), 28)).toBeNull();
    expect(month(statementMonthDue(day(2026, 12, 28), 28))).toBe('2026-11-01..2026-11-30');
  });

  it('clamps a Statement Day past the month\'s end, and crosses the year', () => {
    expect(month(statementMonthDue(day(2027, 2, 28), 31))).toBe('2027-01-01..2027-01-31');
    expect(month(statementMonthDue(day(2027, 3, 5), 31))).toBe('2027-01-01..2027-01-31');
    expect(month(statementMonthDue(day(2027, 1, 2), 31))).toBe('2026-11-01..2026-11-30'); // 31 Dec + 2 days
    expect(inStatementWindow(day(2027, 1, 7), 31)).toBe(false);
  });
});
