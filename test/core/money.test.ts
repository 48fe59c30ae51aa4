import fc from 'fast-check';
import { convert, formatMinor, isCurrencyCode, minorDigits, parseCurrency, parseMoney, resolveCurrency } from '../../src/core/money';
import { isCellError, type CellError } from '../../src/i18n/problems';

const code = (v: unknown) => (isCellError(v) ? v.problem : v);

describe('minorDigits', () => {
  test.each([
    ['CNY', 2], ['USD', 2], ['EUR', 2], ['usd', 2], ['XYZ', 2],
    ['JPY', 0], ['KRW', 0], ['VND', 0], ['CLP', 0], ['ISK', 0],
    ['KWD', 3], ['BHD', 3], ['OMR', 3], ['JOD', 3], ['TND', 3],
  ])('%s → %i', (c, d) => expect(minorDigits(c)).toBe(d));
});

describe('parseMoney: numbers', () => {
  test.each([
    [1234.5, 2, 123450],
    [1234.565, 2, 123457],
    [-1234.565, 2, -123457],
    [1.005, 2, 101],
    [0.285, 2, 29],
    [1.255, 2, 126],
    [8.345, 2, 835],
    [0.1 + 0.2, 2, 30],
    [0.125, 2, 13],
    [-0.125, 2, -13],
    [0.004, 2, 0],
    [1e-7, 2, 0],
    [100, 0, 100],
    [99.5, 0, 100],
    [1.2345, 3, 1235],
    [123456789012.34, 2, 12345678901234],
    [0, 2, 0],
    [-0, 2, 0],
  ])('%d with %i digits → %i', (n, digits, expected) => {
    expect(parseMoney(n, digits)).toBe(expected);
  });

  test('no negative zero', () => {
    expect(Object.is(parseMoney(-0.001, 2), 0)).toBe(true);
    expect(Object.is(parseMoney('-0', 2), 0)).toBe(true);
  });

  test('too large or not finite', () => {
    expect(code(parseMoney(1e21, 2))).toBe('money.tooLarge');
    expect(code(parseMoney(Number.MAX_SAFE_INTEGER, 2))).toBe('money.tooLarge');
    expect(code(parseMoney(NaN, 2))).toBe('money.unreadable');
    expect(code(parseMoney(Infinity, 2))).toBe('money.unreadable');
  });
});

describe('parseMoney: text', () => {
  test.each([
    ['1234.50', 123450],
    ['1,234.50', 123450],
    ['1,234,567.89', 123456789],
    ['1 234.50', 123450],
    ["1'234.50", 123450],
    ['1,23,456.78', 12345678],
    ['¥1,234.50', 123450],
    ['￥1,234.50', 123450],
    ['1,234.50元', 123450],
    ['1,234.50 元', 123450],
    ['RMB 1,234.50', 123450],
    ['CNY1234.5', 123450],
    ['1234.5 cny', 123450],
    ['人民币1234.50', 123450],
    ['CN¥1,234.50', 123450],
    ['１２３４．５０', 123450],
    ['１，２３４．５０元', 123450],
    ['-1234.50', -123450],
    ['−1234.50', -123450],
    ['(1,234.50)', -123450],
    ['¥(1,234.50)', -123450],
    ['(¥1,234.50)', -123450],
    ['-¥1,234.50', -123450],
    ['¥-1,234.50', -123450],
    ['1234.50 CR', -123450],
    ['1234.50CR', -123450],
    ['1234.50 DR', 123450],
    ['1234.50-', -123450],
    ['+12', 1200],
    ['1.5万', 1500000],
    ['1.5万元', 1500000],
    ['2亿', 20000000000],
    ['.5', 50],
    ['12.', 1200],
    ['1234.565', 123457],
    ['0.125', 13],
    ['1,234.567', 123457],
    ['1.2345', 123],
    ['1.234万', 1234000],
    ['  12  ', 1200],
    ['0', 0],
  ])('%s → %i (CNY)', (text, expected) => {
    expect(parseMoney(text, 2, 'CNY')).toBe(expected);
  });

  test('other currencies', () => {
    expect(parseMoney('$1,234.50', 2, 'USD')).toBe(123450);
    expect(parseMoney('US$1,234.50', 2, 'USD')).toBe(123450);
    expect(parseMoney('-$1,234.50', 2, 'USD')).toBe(-123450);
    expect(code(parseMoney('€1.234', 2, 'EUR'))).toBe('money.pointOrThousands'); // was 1.23 EUR: one thousand in Europe
    expect(parseMoney('¥1,234', 0, 'JPY')).toBe(1234);
    expect(parseMoney('JP¥1,234', 0, 'JPY')).toBe(1234);
    expect(parseMoney('KWD 1,234.5', 3, 'KWD')).toBe(1234500);
    expect(parseMoney('HK$100', 2, 'HKD')).toBe(10000);
    expect(parseMoney('100 元', 2, 'HKD')).toBe(10000);
  });

  test('a currency in the text that is not the row’s currency is rejected', () => {
    const r = parseMoney('USD 1,234.50', 2, 'CNY');
    expect(code(r)).toBe('money.currencyMismatch');
    expect(isCellError(r) && r.params).toEqual({ written: 'USD', currency: 'CNY' });
    expect(code(parseMoney('€5', 2, 'CNY'))).toBe('money.currencyMismatch');
    expect(code(parseMoney('JP¥5', 0, 'CNY'))).toBe('money.currencyMismatch');
    // without a row currency any sign is accepted
    expect(parseMoney('USD 1,234.50', 2)).toBe(123450);
  });

  test('blank and lone dash are null', () => {
    for (const v of ['', '   ', '-', '—', '–', null, undefined]) expect(parseMoney(v, 2)).toBeNull();
  });

  test.each([
    ['#N/A', 'cell.sheetError'],
    ['#REF!', 'cell.sheetError'],
    ['#VALUE!', 'cell.sheetError'],
    ['#DIV/0!', 'cell.sheetError'],
    ['abc', 'money.unreadable'],
    ['1.2.3', 'money.unreadable'],
    ['12abc34', 'money.unreadable'],
    ['50%', 'money.unreadable'],
    ['1e5', 'money.unreadable'],
    ['--5', 'money.unreadable'],
    ['(-5)', 'money.unreadable'],
    ['=1+1', 'money.unreadable'],
    ['1234,50', 'money.decimalComma'],
    ['1,5', 'money.decimalComma'],
    ['1.234,50', 'money.decimalComma'],
    ['1 234,50', 'money.decimalComma'],
    ['1.000', 'money.pointOrThousands'],
    ['1.234', 'money.pointOrThousands'],
    ['12.500', 'money.pointOrThousands'],
    ['-999.999', 'money.pointOrThousands'],
    ['¥1.000', 'money.pointOrThousands'],
    ['0,500', 'money.decimalComma'],
    ['0,925', 'money.decimalComma'],
    ['00,500', 'money.decimalComma'],
    ['0,5', 'money.decimalComma'],
    ['0,000', 'money.decimalComma'],
    ['000,500', 'money.decimalComma'],
    ['0,123,456', 'money.unreadable'],
    ['¥0,500', 'money.decimalComma'],
    ['1,2345', 'money.unreadable'],
    ['12,34,5', 'money.unreadable'],
    ['null', 'money.unreadable'],
    ['NaN', 'money.unreadable'],
    ['Infinity', 'money.unreadable'],
    ['😀', 'money.unreadable'],
    ['99999999999999999999', 'money.tooLarge'],
  ])('rejects %s (%s)', (text, expected) => {
    expect(code(parseMoney(text, 2, 'CNY'))).toBe(expected);
  });

  test('rejects a 50,000-character cell', () => {
    expect(code(parseMoney('1'.repeat(50_000), 2))).toBe('money.unreadable');
  });

  test('booleans, dates and objects', () => {
    expect(code(parseMoney(true, 2))).toBe('money.boolean');
    expect(code(parseMoney(new Date(), 2))).toBe('money.date');
    expect(code(parseMoney({}, 2))).toBe('money.unreadable');
  });
});

describe('property: parseMoney of a formatted amount gives back the amount', () => {
  const cases: [string, string][] = [
    ['CNY', 'zh-CN'], ['CNY', 'en-US'], ['USD', 'en-US'], ['USD', 'zh-CN'], ['JPY', 'ja-JP'], ['JPY', 'en-US'],
    ['EUR', 'en-IE'], ['GBP', 'en-GB'], ['KWD', 'en-US'], ['INR', 'en-IN'], ['HKD', 'zh-HK'],
  ];
  test.each(cases)('%s in %s', (currency, locale) => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
        const text = formatMinor(minor, currency, locale);
        expect(parseMoney(text, minorDigits(currency), currency)).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });

  test('plain decimal text round trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        const neg = minor < 0 ? '-' : '';
        const s = String(Math.abs(minor)).padStart(digits + 1, '0');
        const text = digits ? `${neg}${s.slice(0, -digits)}.${s.slice(-digits)}` : `${neg}${s}`;
        expect(parseMoney(text, digits)).toBe(minor === 0 ? 0 : minor);
      }),
    );
  });

  test('numbers with at most `digits` decimals come back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(parseMoney(minor / 100, 2)).toBe(minor);
      }),
    );
  });
});

describe('formatMinor', () => {
  test('display', () => {
    expect(formatMinor(123450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMinor(-123450, 'USD', 'en-US')).toBe('-$1,234.50');
    expect(formatMinor(1234, 'JPY', 'ja-JP')).toBe('￥1,234');
    expect(formatMinor(1234500, 'KWD', 'en-US')).toContain('1,234.500');
  });

  test('an unknown currency or locale does not throw', () => {
    expect(formatMinor(123450, 'NOPE', 'en-US')).toBe('1234.50 NOPE');
    expect(() => formatMinor(1, 'CNY', 'not a locale!!')).not.toThrow();
  });
});

describe('convert', () => {
  test('integer-safe rounding', () => {
    expect(convert(12345, 'USD', 7.1, 2)).toBe(87650); // 123.45 USD × 7.1 = 876.495 → 876.50
    expect(convert(-12345, 'USD', 7.1, 2)).toBe(-87650);
    expect(convert(100, 'JPY', 0.0493, 2)).toBe(493); // 100 JPY → 4.93 CNY
    expect(convert(1, 'USD', 7.12345678901234, 2)).toBe(7);
    expect(convert(1000, 'KWD', 23.5, 2)).toBe(2350); // 1.000 KWD → 23.50
    expect(convert(100, 'USD', 150.25, 0)).toBe(150); // 1 USD → 150 JPY (150.25 rounds down)
    expect(convert(5, 'USD', 0.1, 2)).toBe(1); // 0.5 → 1 (half away from zero)
    expect(convert(-5, 'USD', 0.1, 2)).toBe(-1);
    expect(convert(0, 'USD', 7.1, 2)).toBe(0);
  });

  test('large amounts use exact integer arithmetic', () => {
    expect(convert(900_719_925_474, 'USD', 7.123456, 2)).toBe(6_416_238_757_437); // 900719925474 × 7.123456 = 6416238757437.318144
    expect(convert(1e15, 'USD', 7.1, 2)).toBe(7.1e15);
  });

  test('bad rates give NaN, never throw', () => {
    expect(convert(100, 'USD', 0, 2)).toBeNaN();
    expect(convert(100, 'USD', -1, 2)).toBeNaN();
    expect(convert(100, 'USD', NaN, 2)).toBeNaN();
    expect(convert(100, 'USD', Infinity, 2)).toBeNaN();
    expect(convert(Number.MAX_SAFE_INTEGER, 'USD', 1e6, 2)).toBeNaN();
  });

  test('property: matches BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 10_000_000 }), (minor, rateMicro) => {
        const rate = rateMicro / 1e6;
        // exact: minor × rateMicro / 1e6, rounded half away from zero
        const num = BigInt(minor) * BigInt(rateMicro);
        const den = 1_000_000n;
        let q = num / den;
        const r = num % den;
        if ((r < 0n ? -r : r) * 2n >= den) q += num < 0n ? -1n : 1n;
        // String(rate) may be shorter than 6 decimals but is the same number
        expect(convert(minor, 'USD', rate, 2)).toBe(Number(q));
      }),
    );
  });
});

describe('parseCurrency', () => {
  test.each([
    ['CNY', 'CNY'], ['cny', 'CNY'], [' usd ', 'USD'], ['RMB', 'CNY'], ['rmb', 'CNY'], ['人民币', 'CNY'], ['元', 'CNY'],
    ['¥', 'CNY'], ['￥', 'CNY'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['美元', 'USD'], ['港币', 'HKD'], ['日元', 'JPY'],
    ['ＵＳＤ', 'USD'], ['KWD', 'KWD'],
  ])('%s → %s', (input, expected) => expect(parseCurrency(input)).toBe(expected));

  test('a sign with several currencies is read in the row: the customer’s currency, else the base, else ambiguous', () => {
    expect(parseCurrency('¥', { customer: 'JPY', base: 'CNY' })).toBe('JPY');
    expect(parseCurrency('￥', { customer: 'JPY', base: 'CNY' })).toBe('JPY');
    expect(parseCurrency('¥', { customer: 'USD', base: 'CNY' })).toBe('CNY');
    expect(parseCurrency('¥', { customer: null, base: 'CNY' })).toBe('CNY');
    expect(parseCurrency('$', { customer: 'HKD', base: 'CNY' })).toBe('HKD');
    expect(parseCurrency('$', { customer: 'SGD', base: 'CNY' })).toBe('SGD');
    expect(parseCurrency('$', { customer: 'CNY', base: 'USD' })).toBe('USD');
    expect(parseCurrency('元', { customer: 'HKD', base: 'CNY' })).toBe('HKD');
    expect(parseCurrency('US$', { customer: 'HKD', base: 'CNY' })).toBe('USD');
    expect(parseCurrency('JPY', { customer: 'CNY', base: 'CNY' })).toBe('JPY');
    expect(parseCurrency('RMB', { customer: 'JPY', base: 'USD' })).toBe('CNY');
    const dollar = parseCurrency('$', { customer: 'CNY', base: 'CNY' });
    expect(code(dollar)).toBe('currency.ambiguous');
    expect((dollar as CellError).params?.candidates).toMatch(/^USD, HKD, TWD, SGD/);
    expect(code(parseCurrency('¥', { customer: 'USD', base: 'USD' }))).toBe('currency.ambiguous');
    expect(resolveCurrency(['CNY', 'CNH', 'JPY'], { customer: 'JPY', base: 'CNY' })).toBe('JPY');
    expect(resolveCurrency(['USD'], { customer: 'JPY', base: 'CNY' })).toBe('USD');
    expect(resolveCurrency(['CNY', 'CNH', 'JPY'], { base: 'EUR' })).toBeNull();
  });

  test('three decimals: ambiguous text in a currency of 0 or 2 decimals; numbers and 3-decimal currencies are read', () => {
    expect(code(parseMoney('1.500', 0, 'JPY'))).toBe('money.pointOrThousands');
    expect(parseMoney('1.000', 3, 'KWD')).toBe(1000);
    expect(parseMoney(1.234, 2, 'CNY')).toBe(123);
    expect(parseMoney(1.5, 0, 'JPY')).toBe(2);
  });

  test('an amount’s sign follows the same rule as the Currency column', () => {
    expect(parseMoney('¥1,000,000', 0, 'JPY')).toBe(1_000_000);
    expect(parseMoney('$100', 2, 'HKD')).toBe(10000);
    expect(code(parseMoney('$100', 2, 'CNY'))).toBe('money.currencyMismatch');
    expect(code(parseMoney('¥100', 2, 'USD'))).toBe('money.currencyMismatch');
  });

  test('blank and rejects', () => {
    expect(parseCurrency('')).toBeNull();
    expect(parseCurrency('  ')).toBeNull();
    expect(code(parseCurrency('ABC'))).toBe('currency.unknown');
    expect(code(parseCurrency('dollars'))).toBe('currency.unknown');
    expect(code(parseCurrency(1))).toBe('currency.unknown');
    expect(code(parseCurrency('#N/A'))).toBe('cell.sheetError');
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('ABC')).toBe(false);
  });
});

describe('parseMoney: a scale from the header', () => {
  test.each([
    [50, 4, 50_000_000],
    [1.2345, 4, 1_234_500],
    ['1.2345', 4, 1_234_500],
    [1.23456789, 4, 1_234_568],
    ['-1.23456785', 4, -1_234_568],
    [0.1, 8, 1_000_000_000],
    ['1,234.5', 3, 123_450_000],
    ['(2)', 3, -200_000],
    ['¥3', 4, 3_000_000],
    ['3万', 4, 3_000_000],
    ['1亿', 4, 10_000_000_000],
    [2, 0, 200],
  ] as const)('%s at 10^%d → %d minor units', (cell, scale, minor) => {
    expect(parseMoney(cell, 2, 'CNY', scale)).toBe(minor);
  });

  test('JPY has no minor unit: 1.5 thousand yen is 1,500; scaled past 2^53 is too large', () => {
    expect(parseMoney(1.5, 0, 'JPY', 3)).toBe(1500);
    expect(parseMoney(1e8, 2, 'CNY', 8)).toEqual({ problem: 'money.tooLarge' });
  });
});
