import { fieldOfHeader, matchHeader, TABLES } from '../../../src/core/read/headers';
import { bracketedUnit, columnCurrency, parseUnit, unbracketedUnits } from '../../../src/core/read/units';

const unit = (text: string) => {
  const u = parseUnit(text);
  return u && { scale: u.scale, currencies: u.currencies && u.currencies[0] };
};

describe('parseUnit', () => {
  test.each([
    ['万元', 4, null],
    ['万', 4, null],
    ['千元', 3, null],
    ['十万元', 5, null],
    ['百万', 6, null],
    ['百万元', 6, null],
    ['千万元', 7, null],
    ['亿元', 8, null],
    ['元', 0, null],
    ['人民币', 0, 'CNY'],
    ['人民币万元', 4, 'CNY'],
    ['万元人民币', 4, 'CNY'],
    ['万美元', 4, 'USD'],
    ['单位：万元', 4, null],
    ['RMB', 0, 'CNY'],
    ['¥', 0, 'CNY'],
    ['￥', 0, 'CNY'],
    ['CNY', 0, 'CNY'],
    ['usd', 0, 'USD'],
    ['US$', 0, 'USD'],
    ['k', 3, null],
    ['K', 3, null],
    ['000', 3, null],
    ["'000", 3, null],
    ['’000', 3, null],
    ['000s', 3, null],
    ['thousands', 3, null],
    ['in thousands', 3, null],
    ['millions', 6, null],
    ['in millions', 6, null],
    ['mn', 6, null],
    ['bn', 9, null],
    ["USD '000", 3, 'USD'],
    ['USD k', 3, 'USD'],
    ['$000', 3, 'USD'],
    ['in thousands of USD', 3, 'USD'],
    ['EUR millions', 6, 'EUR'],
    ['days', 0, null],
    ['天', 0, null],
  ])('%s → scale %d, currency %s', (text, scale, currency) => {
    expect(unit(text)).toEqual({ scale, currencies: currency });
  });

  test.each(['含税', 'incl. VAT', 'old', 'Email', 'Paid', 'No', 'ID', 'USD EUR', '万 千', 'dollars', '%', '', ' ', 'in', '千克', 'USD1'])(
    '%s is no unit', (text) => expect(parseUnit(text)).toBeNull(),
  );

  test('an ambiguous sign keeps every currency it may stand for, the usual one first', () => {
    expect(parseUnit('¥')!.currencies).toEqual(['CNY', 'CNH', 'JPY']);
    expect(parseUnit('$')!.currencies![0]).toBe('USD');
    expect(parseUnit('人民币 ¥')!.currencies).toEqual(['CNY', 'CNH']);
  });
});

describe('units in headers', () => {
  test('bracketed: full-width, square and 【】 brackets', () => {
    expect(bracketedUnit('信用额度（万元）')).toMatchObject({ scale: 4, currencies: null, text: '万元' });
    expect(bracketedUnit('Amount [USD]')).toMatchObject({ scale: 0, currencies: ['USD'] });
    expect(bracketedUnit('金额【千元】')).toMatchObject({ scale: 3 });
    expect(bracketedUnit('Amount (incl. VAT)')).toBeNull();
    expect(bracketedUnit('(万元)')).toBeNull();
    expect(bracketedUnit('Amount')).toBeNull();
  });

  test('unbracketed: after /, -, a space or "in", the last separator first', () => {
    expect(unbracketedUnits('金额/元').map((c) => c.name)).toEqual(['金额']);
    expect(unbracketedUnits('Amount - USD').map((c) => [c.name, c.unit.currencies![0]])).toEqual([['Amount', 'USD']]);
    expect(unbracketedUnits('Amount in USD').map((c) => c.name)).toEqual(['Amount in', 'Amount']);
    expect(unbracketedUnits('Amount USD k').map((c) => c.name)).toEqual(['Amount USD', 'Amount']);
    expect(unbracketedUnits('CC Email')).toEqual([]);
    expect(unbracketedUnits('Amount Paid')).toEqual([]);
    expect(unbracketedUnits('USD')).toEqual([]);
  });

  test.each([
    ['customers', '信用额度（万元）', 'creditLimit', 4, null],
    ['customers', 'Credit Limit (USD \'000)', 'creditLimit', 3, 'USD'],
    ['customers', '授信额度/万元', 'creditLimit', 4, null],
    ['customers', 'Terms - days', 'termsDays', 0, null],
    ['invoices', '金额/元', 'amount', 0, null],
    ['invoices', '金额-元', 'amount', 0, null],
    ['invoices', '金额－万元', 'amount', 4, null],
    ['invoices', '应收金额 元', 'amount', 0, null],
    ['invoices', 'Amount/CNY', 'amount', 0, 'CNY'],
    ['invoices', 'Amount - USD', 'amount', 0, 'USD'],
    ['invoices', 'Amount in thousands', 'amount', 3, null],
    ['invoices', 'Amount Paid (k)', 'amountPaid', 3, null],
    ['invoices', 'Amount Paid / USD', 'amountPaid', 0, 'USD'],
    ['payments', '收款金额（万元）', 'amount', 4, null],
    ['orders', 'Order Amount (millions)', 'amount', 6, null],
  ] as const)('%s: %s → %s, scale %d, currency %s', (table, header, field, scale, currency) => {
    const m = matchHeader(table, header);
    expect(m && { field: m.field, scale: m.unit?.scale ?? 0, currency: m.unit?.currencies?.[0] ?? null }).toEqual({ field, scale, currency });
  });

  test('every alias still names its own field, with no unit cut from it', () => {
    for (const t of Object.values(TABLES)) {
      for (const f of t.fields) {
        for (const h of [f.en, f.zh, ...f.aliases]) {
          const m = matchHeader(t.table, h);
          expect([t.table, h, m?.field]).toEqual([t.table, h, f.field]);
          expect([h, m?.unit?.scale ?? 0, m?.unit?.currencies ?? null]).toEqual([h, 0, null]);
        }
      }
    }
  });

  test('a header that only looks like a name and a unit is no column', () => {
    expect(fieldOfHeader('invoices', 'Amount Notes')).toBeNull();
    expect(fieldOfHeader('customers', 'Email 2')).toBeNull();
    expect(fieldOfHeader('invoices', 'Amount / 金额')).toBeNull();
  });
});

describe('columnCurrency', () => {
  const usd = parseUnit('USD')!;
  const yen = parseUnit('¥')!;
  test('no currency in the header: the Currency cell, else the fallback', () => {
    expect(columnCurrency(undefined, null, 'CNY')).toBe('CNY');
    expect(columnCurrency(parseUnit('万元')!, 'USD', 'USD')).toBe('USD');
  });
  test('a header currency is the column\'s when Currency is blank, a conflicting cell is null', () => {
    expect(columnCurrency(usd, null, 'CNY')).toBe('USD');
    expect(columnCurrency(usd, 'USD', 'USD')).toBe('USD');
    expect(columnCurrency(usd, 'CNY', 'CNY')).toBeNull();
  });
  test('an ambiguous sign takes the fallback when it can stand for it', () => {
    expect(columnCurrency(yen, null, 'JPY')).toBe('JPY');
    expect(columnCurrency(yen, null, 'USD')).toBe('CNY');
    expect(columnCurrency(yen, 'JPY', 'JPY')).toBe('JPY');
  });
});
