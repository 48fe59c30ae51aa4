/** Pure parts of the custom functions and the summary cache: shapes, fingerprint, serialisation, token. */
import { englishFixture } from '../../examples/generate';
import { dayOf } from '../../examples/generate';
import { computePicture } from '../../src/core/picture';
import { readCreditFile } from '../../src/core/read';
import { asOfDay, idOf } from '../../src/entry/cells';
import { baseKey, fullKey, hash64, newVersion, SUMMARY_FORMAT, type FingerprintInput } from '../../src/sheets/cache/fingerprint';
import { cachedSummaryOf, parseSummary, serialiseSummary } from '../../src/sheets/cache/serialise';
import { alignedCell, cellsOf, isBlankInput, mapCells, mapRows, MISMATCH } from '../../src/sheets/cache/shape';
import { nextTokenValue, tokenA1, tokenLayout } from '../../src/sheets/cache/token';

describe('shapes', () => {
  it('maps a scalar to a scalar and a range to the same shape', () => {
    expect(mapCells('a', (c) => `${c}!`)).toBe('a!');
    expect(mapCells([['a', 'b'], ['c', 'd']], (c, i, j) => `${c}${i}${j}`)).toEqual([['a00', 'b01'], ['c10', 'd11']]);
    expect(mapCells([], () => 1)).toEqual([]);
  });

  it('knows blanks: empty, spaces, null, undefined (an omitted argument)', () => {
    for (const v of ['', '  ', null, undefined]) expect(isBlankInput(v)).toBe(true);
    for (const v of [0, 'x', false, new Date(0)]) expect(isBlankInput(v)).toBe(false);
    expect(cellsOf([['a', ''], ['b', 'c']])).toEqual(['a', '', 'b', 'c']);
    expect(cellsOf('x')).toEqual(['x']);
  });

  it('gives one output row per input row, from its first non-blank cell', () => {
    expect(mapRows([['', 'C-1'], ['C-2', 'C-3'], ['', '']], (c) => [c, c])).toEqual([['C-1', 'C-1'], ['C-2', 'C-2'], ['', '']]);
    expect(mapRows('C-1', (c) => [c])).toEqual([['C-1']]);
  });

  it('lines a second argument up with the first', () => {
    expect(alignedCell(5, 3, 0, 10)).toBe(5);
    expect(alignedCell([[7]], 3, 0, 10)).toBe(7);
    expect(alignedCell([[1], [2], [3]], 1, 0, 3)).toBe(2);
    expect(alignedCell([[1, 2], [3, 4]], 1, 1, 2)).toBe(4);
    expect(alignedCell([[1], [3]], 1, 1, 2)).toBe(3); // narrower: its last column
    expect(alignedCell([[1], [2]], 0, 0, 3)).toBe(MISMATCH);
    expect(alignedCell(undefined, 0, 0, 3)).toBeUndefined();
  });

  it('reads as_of and customer IDs', () => {
    const today = dayOf('2026-11-20');
    expect(asOfDay(undefined, 'Asia/Shanghai', today)).toBe(today);
    expect(asOfDay('2026-10-11', 'Asia/Shanghai', today)).toBe(dayOf('2026-10-11'));
    expect(asOfDay(46306, 'Asia/Shanghai', today)).toBe(dayOf('2026-10-11'));
    expect(asOfDay(new Date('2026-10-10T16:00:00Z'), 'Asia/Shanghai', today)).toBe(dayOf('2026-10-11'));
    expect(asOfDay('tomorrow', 'UTC', today)).toBe('#BAD DATE tomorrow');
    expect(asOfDay(MISMATCH, 'UTC', today)).toBe('#SIZE as_of');
    expect(idOf(' C-001 ')).toBe('C-001');
    expect(idOf(1001)).toBe('1001');
    expect(idOf(true)).toEqual({ error: '#BAD ID true' });
    // A date cell (2026-11-01 in Shanghai) shows as its day in the spreadsheet's zone, not as Date text in UTC.
    expect(idOf(new Date('2026-10-31T16:00:00Z'), 'Asia/Shanghai')).toEqual({ error: '#BAD ID 2026-11-01' });
  });
});

describe('fingerprint', () => {
  const f: FingerprintInput = {
    ledgerVersion: 'v1',
    ordersVersion: 'o1',
    ledgerShapes: [{ name: 'Customers', lastRow: 7, lastColumn: 12 }, { name: 'Invoices', lastRow: 23, lastColumn: 10 }],
    orderShapes: [{ name: 'Orders', lastRow: 5, lastColumn: 6 }],
    timeZone: 'Asia/Shanghai',
    asOf: 20777,
  };

  it('changes with every part that can make a summary stale', () => {
    const keys = new Set([
      fullKey(f),
      fullKey({ ...f, ledgerVersion: 'v2' }),
      fullKey({ ...f, ordersVersion: 'o2' }),
      fullKey({ ...f, asOf: 20776 }),
      fullKey({ ...f, timeZone: 'UTC' }),
      fullKey({ ...f, ledgerShapes: [f.ledgerShapes[0], { name: 'Invoices', lastRow: 24, lastColumn: 10 }] }),
      fullKey({ ...f, ledgerShapes: [f.ledgerShapes[0], { name: 'Invoices', lastRow: 23, lastColumn: 11 }] }),
      fullKey({ ...f, orderShapes: [{ name: 'Orders', lastRow: 6, lastColumn: 6 }] }),
      // The locale can set the file's language, hence the reasons' text.
      fullKey({ ...f, locale: 'zh_CN' }),
      fullKey({ ...f, locale: 'en_US' }),
    ]);
    expect(keys.size).toBe(10);
    expect(fullKey({ ...f })).toBe(fullKey(f));
  });

  it('keeps the base key when only the orders change', () => {
    expect(baseKey(f)).toBe(baseKey({ ...f, ordersVersion: 'o9', orderShapes: [] } as FingerprintInput));
    expect(baseKey(f)).not.toBe(baseKey({ ...f, ledgerVersion: 'v2' }));
    expect(baseKey(f).length).toBeLessThan(250);
  });

  it('names the summary format in both keys (3 since the file\'s language follows the locale)', () => {
    expect(SUMMARY_FORMAT).toBe(3);
    expect(baseKey(f)).toMatch(/^cd:b3:[0-9a-f]{16}$/);
    expect(fullKey(f)).toMatch(/^cd:s3:[0-9a-f]{16}$/);
  });

  it('hashes to 16 hex digits, differently for near strings; versions differ', () => {
    expect(hash64('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64('abc')).not.toBe(hash64('abd'));
    expect(hash64('a|bc')).not.toBe(hash64('ab|c'));
    expect(newVersion(1, 0.1)).not.toBe(newVersion(1, 0.2));
  });
});

describe('summary serialisation', () => {
  const book = englishFixture();
  const file = readCreditFile(Object.entries(book).map(([name, values]) => ({ name, values })), { timeZone: 'UTC' });
  const picture = computePicture(file, dayOf('2026-11-20'), { kpis: false });

  it('round-trips everything the custom functions and the order check use (names left out)', () => {
    const data = cachedSummaryOf(picture);
    const back = parseSummary(serialiseSummary(data))!;
    const strip = (s: typeof data.summary) => ({ ...s, customers: Object.fromEntries(Object.entries(s.customers).map(([k, c]) => [k, { ...c, name: '' }])) });
    expect(back.summary).toEqual(strip(data.summary));
    expect(back.fxRates).toEqual(data.fxRates);
    expect(back.currencies).toEqual({});
    expect(back.summary.customers['C-004'].exposureBeforeOrders).toBe(2450000);
  });

  it('is compact: under 150 characters a customer', () => {
    const text = serialiseSummary(cachedSummaryOf(picture));
    expect(text.length / picture.customers.size).toBeLessThan(150);
  });

  it('rejects anything else', () => {
    for (const t of [null, '', 'x', '{}', '{"f":99}', JSON.stringify({ f: SUMMARY_FORMAT, a: 1, s: [60, 0.9, 'en', 'CNY', [], []], l: [], c: [[1]] })]) {
      expect(parseSummary(t)).toBeNull();
    }
  });

  it('reads only its own format: a summary an earlier version wrote is not served', () => {
    const text = serialiseSummary(cachedSummaryOf(picture));
    expect(parseSummary(text)).not.toBeNull();
    const earlier = JSON.stringify({ ...JSON.parse(text), f: SUMMARY_FORMAT - 1 });
    expect(parseSummary(earlier)).toBeNull();
  });
});

describe('Recalc Token', () => {
  it('finds the token row under a Setting/Value header or in A/B', () => {
    expect(tokenLayout([['Setting', 'Value', 'Description'], ['Base Currency', 'CNY', ''], ['Recalc Token', 4, '']])).toEqual({
      keyCol: 0, valueCol: 1, descriptionCol: 2, tokenRow: 2,
    });
    expect(tokenLayout([['', '值', '设置项'], ['', 3, '重算标记']])).toMatchObject({ keyCol: 2, valueCol: 1, tokenRow: 1 });
    expect(tokenLayout([['Base Currency', 'CNY']])).toMatchObject({ keyCol: 0, valueCol: 1, tokenRow: -1 });
  });

  it('counts up, from 1 when blank or not a number; quotes the sheet in the reference', () => {
    expect(nextTokenValue('')).toBe(1);
    expect(nextTokenValue(41)).toBe(42);
    expect(nextTokenValue('7')).toBe(8);
    expect(nextTokenValue('x')).toBe(1);
    expect(tokenA1("Bob's Settings", 20, 2)).toBe("'Bob''s Settings'!B20");
  });
});
