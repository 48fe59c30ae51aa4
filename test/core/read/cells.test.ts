import {
  cellText,
  columnLetter,
  idKey,
  parseId,
  isEmail,
  parseInvoiceStatus,
  parseLanguage,
  parseNumber,
  parseOrderStatus,
  parseText,
  parseYesNo,
  splitAddressList,
  splitEmails,
  DAY_UNITS,
} from '../../../src/core/read/cells';
import { dateOfDay, dayFromYMD } from '../../../src/core/dates';
import { isCellError, PROBLEM_TEMPLATES, problemMessage, type ProblemCode } from '../../../src/i18n/problems';

const code = (v: unknown) => (isCellError(v) ? v.problem : v);

describe('parseYesNo', () => {
  test.each(['Y', 'y', 'Yes', 'YES', 'TRUE', 'true', '1', 'x', 'X', '✓', '✔', '√', '是', '对', '有', ' yes ', 'Ｙ'])('%s is yes', (v) => {
    expect(parseYesNo(v)).toBe(true);
  });
  test.each(['N', 'n', 'No', 'FALSE', 'false', '0', '否', '无', '不', '', '  '])('%s is no', (v) => {
    expect(parseYesNo(v)).toBe(false);
  });
  test('booleans and numbers', () => {
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(false)).toBe(false);
    expect(parseYesNo(1)).toBe(true);
    expect(parseYesNo(0)).toBe(false);
    expect(code(parseYesNo(2))).toBe('yesno.unreadable');
  });
  test.each(['maybe', 'yess', '是否', 'n/a', '=TRUE()', 'ok'])('%s is a problem', (v) => {
    expect(code(parseYesNo(v))).toBe('yesno.unreadable');
  });
  test('dates, errors and long text are problems', () => {
    expect(code(parseYesNo(new Date()))).toBe('yesno.unreadable');
    expect(code(parseYesNo('#N/A'))).toBe('cell.sheetError');
    expect(code(parseYesNo('y'.repeat(50_000)))).toBe('yesno.unreadable');
  });
});

describe('parseText and idKey', () => {
  test('trims, numbers become text, blank is null', () => {
    expect(parseText('  C-001 ')).toBe('C-001');
    expect(parseText(1001)).toBe('1001');
    expect(parseText('')).toBeNull();
    expect(parseText('   ')).toBeNull();
    expect(idKey(' c-001 ')).toBe('C-001');
  });
  test('IDs that look the same share a key: full-width, zero-width characters, odd dashes, doubled spaces', () => {
    for (const id of ['Ｃ－１', 'C-1\u200b', '\ufeffc-1', 'C\u200d-1', 'C\u20101', 'C\u22121', 'c\u00ad-1']) expect([id, idKey(id)]).toEqual([id, 'C-1']);
    expect(idKey('客户  001')).toBe('客户 001');
    expect(parseId('\u200b\u200b')).toBeNull(); // only invisible characters: blank
    expect(idKey('C-1')).not.toBe(idKey('C-l'));
  });
  test('rejects booleans, dates, sheet errors', () => {
    expect(code(parseText(true))).toBe('text.boolean');
    expect(code(parseText(new Date()))).toBe('text.date');
    expect(code(parseText('#REF!'))).toBe('cell.sheetError');
  });
});

describe('parseNumber', () => {
  test('numbers and text', () => {
    expect(parseNumber(30)).toBe(30);
    expect(parseNumber('30')).toBe(30);
    expect(parseNumber('１２')).toBe(12);
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('')).toBeNull();
    expect(code(parseNumber('thirty'))).toBe('number.unreadable');
    expect(code(parseNumber(true))).toBe('number.unreadable');
  });
  test('day units', () => {
    for (const v of ['Net 30', 'net30', '30 days', '30天', '30 日', '30d']) expect(parseNumber(v, DAY_UNITS)).toBe(30);
    expect(code(parseNumber('30 weeks', DAY_UNITS))).toBe('number.unreadable');
  });
  test('a first group starting with 0 is a decimal comma, not thousands: unreadable, never 1,000 times the number', () => {
    for (const v of ['0,047', '0,500', '00,500', '0,5', '0,123,456']) expect(code(parseNumber(v))).toBe('number.unreadable');
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('10,000,000.5')).toBe(10000000.5);
  });
});

describe('emails', () => {
  test('isEmail', () => {
    expect(isEmail('a@b.com')).toBe(true);
    expect(isEmail('zhang.san+ar@example.com.cn')).toBe(true);
    expect(isEmail('张三@例子.中国')).toBe(false); // mail cannot be sent to it: one definition with the mailer
    expect(isEmail('a@xn--fiqs8s.xn--fiqs8s')).toBe(true);
    expect(isEmail('a@example.com\u200b')).toBe(false);
    expect(isEmail('a@1.2.3.4')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
    expect(isEmail('a@b.c')).toBe(false);
    expect(isEmail('a b@c.com')).toBe(false);
    expect(isEmail('@b.com')).toBe(false);
    expect(isEmail('a@@b.com')).toBe(false);
  });
  test('splits on , ; 、 and whitespace, full-width too; Name <addr>', () => {
    expect(splitAddressList('a@b.com, c@d.com;e@f.com、g@h.com  i@j.com')).toEqual(['a@b.com', 'c@d.com', 'e@f.com', 'g@h.com', 'i@j.com']);
    expect(splitAddressList('a@b.com，c@d.com；e@f.com')).toEqual(['a@b.com', 'c@d.com', 'e@f.com']);
    expect(splitAddressList('Zhang San <zs@b.com>, "Li, Si" <ls@b.com>')).toEqual(['zs@b.com', 'ls@b.com']);
    expect(splitAddressList('mailto:a@b.com A@B.com')).toEqual(['a@b.com']);
    expect(splitEmails('a@b.com; bad@; c@d.cn')).toEqual({ valid: ['a@b.com', 'c@d.cn'], invalid: ['bad@'] });
    expect(splitEmails('a2@example.com\u200b; \u200bb@c.com')).toEqual({ valid: ['a2@example.com', 'b@c.com'], invalid: [] });
    expect(splitAddressList('')).toEqual([]);
    expect(code(splitAddressList(true))).toBe('text.boolean');
  });
});

describe('status and language words', () => {
  test.each([
    ['Open', 'open'], ['open', 'open'], ['开放', 'open'], ['未付', 'open'], ['Paid', 'paid'], ['PAID', 'paid'], ['已付', 'paid'],
    ['Void', 'void'], ['作废', 'void'], ['Disputed', 'disputed'], ['争议', 'disputed'], [' paid. ', 'paid'],
  ])('invoice status %s → %s', (w, s) => expect(parseInvoiceStatus(w)).toBe(s));
  test.each([
    ['Pending', 'pending'], ['待审', 'pending'], ['Approved', 'approved'], ['已批准', 'approved'], ['Blocked', 'blocked'],
    ['已冻结', 'blocked'], ['Invoiced', 'invoiced'], ['已开票', 'invoiced'], ['Cancelled', 'cancelled'], ['Canceled', 'cancelled'], ['已取消', 'cancelled'],
  ])('order status %s → %s', (w, s) => expect(parseOrderStatus(w)).toBe(s));
  test('blank and unknown', () => {
    expect(parseInvoiceStatus('')).toBeNull();
    expect(parseOrderStatus('')).toBeNull();
    expect(code(parseInvoiceStatus('Shipped'))).toBe('status.invoice');
    expect(code(parseOrderStatus('Lost'))).toBe('status.order');
    expect(code(parseInvoiceStatus(3))).toBe('status.invoice');
  });
  test.each([['English', 'en'], ['en', 'en'], ['英文', 'en'], ['中文', 'zh'], ['zh', 'zh'], ['Chinese', 'zh'], ['zh-CN', 'zh']])(
    'language %s → %s',
    (w, l) => expect(parseLanguage(w)).toBe(l),
  );
});

describe('columnLetter and cellText', () => {
  test('letters', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(51)).toBe('AZ');
    expect(columnLetter(52)).toBe('BA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(-1)).toBe('');
  });
  test('cellText', () => {
    expect(cellText(dateOfDay(dayFromYMD(2026, 3, 1), 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(cellText(true, 'UTC')).toBe('TRUE');
    expect(cellText(12.5, 'UTC')).toBe('12.5');
    expect(cellText('x'.repeat(500), 'UTC')).toHaveLength(200);
    // never cuts an emoji in half
    const t = cellText('a' + '😀'.repeat(150), 'UTC');
    expect(t.length).toBeLessThanOrEqual(200);
    expect(/[\ud800-\udbff]$/.test(t)).toBe(false);
  });
});

describe('problem templates', () => {
  test('every code has English and Chinese with the same placeholders', () => {
    for (const [c, t] of Object.entries(PROBLEM_TEMPLATES)) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([c, ph(t.zh)]).toEqual([c, ph(t.en)]);
      expect(t.en.length).toBeGreaterThan(10);
      expect(/[\u4e00-\u9fff]/.test(t.zh)).toBe(true);
    }
  });
  test('problemMessage fills placeholders', () => {
    expect(problemMessage('number.range' as ProblemCode, 'en', { header: 'Terms', min: 0, max: 3650 })).toBe('“Terms” must be between 0 and 3650.');
    expect(problemMessage('number.range', 'zh', { header: '账期', min: 0, max: 3650 })).toBe('“账期”必须在 0 到 3650 之间。');
  });
});
