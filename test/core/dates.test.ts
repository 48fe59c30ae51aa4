import * as vm from 'node:vm';
import fc from 'fast-check';
import {
  dateOfDay,
  dayFromDate,
  dayFromYMD,
  isDateObject,
  isoOfDay,
  isValidTimeZone,
  isValidYMD,
  MAX_DAY,
  MIN_DAY,
  parseDay,
  todayIn,
  ymdOfDay,
  zoneOffsetMs,
} from '../../src/core/dates';
import { isCellError } from '../../src/i18n/problems';

const SH = 'Asia/Shanghai';
const iso = (v: unknown) => (typeof v === 'number' ? isoOfDay(v) : v);
const code = (v: unknown) => (isCellError(v) ? v.problem : v);

describe('civil calendar', () => {
  test('epoch and known days', () => {
    expect(dayFromYMD(1970, 1, 1)).toBe(0);
    expect(dayFromYMD(1969, 12, 31)).toBe(-1);
    expect(dayFromYMD(2000, 3, 1)).toBe(11017);
    expect(isoOfDay(dayFromYMD(2026, 3, 1))).toBe('2026-03-01');
    expect(dayFromYMD(1899, 12, 30)).toBe(-25569);
    expect(isoOfDay(MIN_DAY)).toBe('1900-01-01');
    expect(isoOfDay(MAX_DAY)).toBe('2199-12-31');
  });

  test('leap years', () => {
    expect(isValidYMD(2024, 2, 29)).toBe(true);
    expect(isValidYMD(2025, 2, 29)).toBe(false);
    expect(isValidYMD(2000, 2, 29)).toBe(true);
    expect(isValidYMD(1900, 2, 29)).toBe(false);
    expect(dayFromYMD(2024, 3, 1) - dayFromYMD(2024, 2, 28)).toBe(2);
    expect(dayFromYMD(2025, 3, 1) - dayFromYMD(2025, 2, 28)).toBe(1);
  });

  test('month overflow rolls over', () => {
    expect(dayFromYMD(2026, 13, 1)).toBe(dayFromYMD(2027, 1, 1));
    expect(dayFromYMD(2026, 0, 1)).toBe(dayFromYMD(2025, 12, 1));
  });

  test('property: dayFromYMD and ymdOfDay round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const { y, m, d } = ymdOfDay(day);
        expect(isValidYMD(y, m, d)).toBe(true);
        expect(dayFromYMD(y, m, d)).toBe(day);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        fc.pre(isValidYMD(y, m, d));
        expect(ymdOfDay(dayFromYMD(y, m, d))).toEqual({ y, m, d });
      }),
    );
  });

  test('property: agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const dt = new Date(day * 86_400_000);
        expect(ymdOfDay(day)).toEqual({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
      }),
    );
  });
});

describe('time zones', () => {
  test('the midnight boundary: 2026-03-01T00:00+08:00', () => {
    const d = new Date('2026-03-01T00:00:00+08:00');
    expect(isoOfDay(dayFromDate(d, SH))).toBe('2026-03-01');
    expect(isoOfDay(dayFromDate(d, 'UTC'))).toBe('2026-02-28');
    expect(isoOfDay(dayFromDate(new Date('2026-02-28T23:59:59.999+08:00'), SH))).toBe('2026-02-28');
    expect(isoOfDay(dayFromDate(new Date('2026-03-01T04:59:59Z'), 'America/New_York'))).toBe('2026-02-28');
    expect(isoOfDay(dayFromDate(new Date('2026-03-01T05:00:00Z'), 'America/New_York'))).toBe('2026-03-01');
  });

  test('dateOfDay gives midnight in the zone, as Sheets stores a date cell', () => {
    const day = dayFromYMD(2026, 3, 1);
    expect(dateOfDay(day, SH).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(dateOfDay(day, 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(dateOfDay(day, 'America/New_York').toISOString()).toBe('2026-03-01T05:00:00.000Z');
    // DST starts 2026-03-08 in New York (02:00), midnight is still EST
    expect(dateOfDay(dayFromYMD(2026, 3, 8), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(dateOfDay(dayFromYMD(2026, 3, 9), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(dateOfDay(dayFromYMD(2026, 3, 1), 'Asia/Kolkata').toISOString()).toBe('2026-02-28T18:30:00.000Z');
  });

  test('a zone whose DST starts at midnight: the first instant of the day', () => {
    // America/Santiago 2023-09-03: 00:00 → 01:00
    const day = dayFromYMD(2023, 9, 3);
    const d = dateOfDay(day, 'America/Santiago');
    expect(dayFromDate(d, 'America/Santiago')).toBe(day);
    expect(dayFromDate(new Date(d.getTime() - 1), 'America/Santiago')).toBe(day - 1);
  });

  test('property: dateOfDay and dayFromDate round trip in several zones', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY + 365 * 30, max: MAX_DAY - 365 }), fc.constantFrom(...zones), (day, tz) => {
        const d = dateOfDay(day, tz);
        expect(dayFromDate(d, tz)).toBe(day);
        expect(dayFromDate(new Date(d.getTime() - 1), tz)).toBe(day - 1);
      }),
      { numRuns: 400 },
    );
  });

  test('hour-bucket cache: a transition inside an hour is exact (India 1942, +5:30 zones)', () => {
    // Every instant of a 3-hour window around a DST change, minute by minute, against Intl.
    const tz = 'America/New_York';
    const start = Date.parse('2026-11-01T04:00:00Z');
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = start; t < start + 3 * 3600_000; t += 60_000) {
      expect(isoOfDay(dayFromDate(new Date(t), tz))).toBe(fmt.format(new Date(t)));
    }
    expect(zoneOffsetMs('Asia/Kolkata', Date.parse('2026-03-01T00:00:00Z'))).toBe(5.5 * 3600_000);
  });

  test('unknown zone reads as UTC, never throws', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(SH)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(dayFromDate(new Date('2026-03-01T00:00:00Z'), 'Mars/Olympus')).toBe(dayFromYMD(2026, 3, 1));
  });

  test('todayIn uses the given now', () => {
    const now = new Date('2026-03-01T17:00:00Z');
    expect(isoOfDay(todayIn(SH, now))).toBe('2026-03-02');
    expect(isoOfDay(todayIn('UTC', now))).toBe('2026-03-01');
  });

  test('Dates from another realm (vm context) are recognised', () => {
    const foreign = vm.runInNewContext('new Date("2026-03-01T00:00:00+08:00")');
    expect(foreign instanceof Date).toBe(false);
    expect(isDateObject(foreign)).toBe(true);
    expect(iso(parseDay(foreign, SH))).toBe('2026-03-01');
  });

  test('100k dates over 1,500 days ask Intl at most twice per hour they fall in, not per date', () => {
    // Speed is measured in bench/ (1b); here the property that makes it fast: the zone offset is
    // cached per hour, so Intl is asked (formatToParts, two ends of the hour) once per new hour.
    const base = dayFromYMD(2031, 1, 1); // days no other test has cached
    // Shanghai midnights made without Intl (the zone is UTC+8 all year), so only dayFromDate asks
    const dates = Array.from({ length: 100_000 }, (_, i) => new Date((base + (i % 1500)) * 86_400_000 - 8 * 3_600_000));
    const formatToParts = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      let sum = 0;
      for (const d of dates) sum += dayFromDate(d, SH);
      expect(sum).toBe(dates.reduce((n, _, i) => n + base + (i % 1500), 0));
      expect(formatToParts.mock.calls.length).toBeGreaterThan(0);
      expect(formatToParts.mock.calls.length).toBeLessThanOrEqual(2 * 1500);
    } finally {
      formatToParts.mockRestore();
    }
  });
});

describe('parseDay', () => {
  test.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T10:30:00', '2026-03-01'],
    ['2026-03-01 23:59:59Z', '2026-03-01'],
    ['2026-03-01T23:30:00+08:00', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026/03/01', '2026-03-01'],
    ['2026-3-1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026 年 3 月 1 日', '2026-03-01'],
    ['2026年3月1号', '2026-03-01'],
    ['２０２６－０３－０１', '2026-03-01'],
    ['２０２６年３月１日', '2026-03-01'],
    ['20260301', '2026-03-01'],
    ['  2026-03-01  ', '2026-03-01'],
    ['1 Mar 2026', '2026-03-01'],
    ['01-Mar-2026', '2026-03-01'],
    ['March 1, 2026', '2026-03-01'],
    ['25/3/2026', '2026-03-25'],
    ['3/25/2026', '2026-03-25'],
    ['3/3/2026', '2026-03-03'],
    ['46082', '2026-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('text %s → %s', (input, expected) => {
    expect(iso(parseDay(input, SH))).toBe(expected);
  });

  test('serial numbers (days since 1899-12-30), range-checked', () => {
    expect(iso(parseDay(46082, SH))).toBe('2026-03-01');
    expect(iso(parseDay(46082.99, SH))).toBe('2026-03-01');
    expect(iso(parseDay(18264, SH))).toBe('1950-01-01');
    expect(code(parseDay(18263, SH))).toBe('date.outOfRange');
    expect(code(parseDay(2026, SH))).toBe('date.outOfRange');
    expect(code(parseDay(20260301, SH))).toBe('date.outOfRange');
    expect(code(parseDay(-5, SH))).toBe('date.outOfRange');
    expect(code(parseDay(NaN, SH))).toBe('date.outOfRange');
    expect(code(parseDay(Infinity, SH))).toBe('date.outOfRange');
  });

  test('blank and dash are null', () => {
    expect(parseDay('', SH)).toBeNull();
    expect(parseDay('   ', SH)).toBeNull();
    expect(parseDay('-', SH)).toBeNull();
    expect(parseDay('—', SH)).toBeNull();
    expect(parseDay(null, SH)).toBeNull();
    expect(parseDay(undefined, SH)).toBeNull();
  });

  test.each([
    ['2026-02-30', 'date.impossible'],
    ['2025-02-29', 'date.impossible'],
    ['2026-13-01', 'date.impossible'],
    ['2026-00-10', 'date.impossible'],
    ['2026年2月30日', 'date.impossible'],
    ['20261301', 'date.impossible'],
    ['31/31/2026', 'date.impossible'],
    ['3/1/2026', 'date.ambiguous'],
    ['01/02/2026', 'date.ambiguous'],
    ['1.2.2026', 'date.ambiguous'],
    ['3/1/26', 'date.unreadable'],
    ['tomorrow', 'date.unreadable'],
    ['2026-03', 'date.unreadable'],
    ['#N/A', 'cell.sheetError'],
    ['#REF!', 'cell.sheetError'],
    ['1850-01-01', 'date.outOfRange'],
    ['2300-01-01', 'date.outOfRange'],
  ])('rejects %s (%s)', (input, expected) => {
    expect(code(parseDay(input, SH))).toBe(expected);
  });

  test('a 50,000-character cell is rejected quickly', () => {
    expect(code(parseDay('2026-03-01'.repeat(5000), SH))).toBe('date.unreadable');
  });

  test('Date objects', () => {
    expect(iso(parseDay(dateOfDay(dayFromYMD(2026, 3, 1), SH), SH))).toBe('2026-03-01');
    expect(code(parseDay(new Date(NaN), SH))).toBe('date.invalidObject');
    // a time-only cell (Sheets day 0, 1899-12-30)
    expect(code(parseDay(new Date('1899-12-30T09:30:00Z'), 'UTC'))).toBe('date.outOfRange');
  });

  test('booleans and other odd values', () => {
    expect(code(parseDay(true, SH))).toBe('date.boolean');
    expect(code(parseDay({}, SH))).toBe('date.unreadable');
    expect(code(parseDay([], SH))).toBe('date.unreadable');
  });
});
