/**
 * Words a Chinese credit controller writes that the reader once rejected (a Problem, and the row
 * read with a default): invoice and order statuses, flags, headers, sheet names, terms, amounts,
 * dates with their weekday and language names. Each is read with the meaning it has in a 赊销
 * ledger, or, where guessing could cost money (红冲, 月结), is a Problem that says what to write.
 */
import { readCreditFile } from '../../../src/core/read';
import { parseFlag, parseInvoiceStatus, parseLanguage, parseOrderStatus, parseTermsDays, parseNumber, DAY_UNITS } from '../../../src/core/read/cells';
import { matchColumns, tableOfSheetName, fieldOfHeader } from '../../../src/core/read/headers';
import { parseDay, dayFromYMD, weekdayOf } from '../../../src/core/dates';
import { parseMoney } from '../../../src/core/money';
import { isCellError, problemMessage } from '../../../src/i18n/problems';
import type { Cell } from '../../../src/core/types';
import { dateCell, TZ } from './helpers';

const code = (v: unknown) => (isCellError(v) ? v.problem : v);

function read(sheets: Record<string, Cell[][]>, language: 'en' | 'zh' = 'en') {
  return readCreditFile(
    Object.entries({ Settings: [['Setting', 'Value'], ['Base Currency', 'CNY'], ['Default Terms (days)', 30]], Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Amount']], ...sheets }).map(([name, values]) => ({ name, values })),
    { timeZone: TZ, language },
  );
}

describe('invoice status', () => {
  test.each(['已付清', '已回款', '已收回', '已收清', '已核销', '已到账', '已收款', '已结清', ' 已付清。'])('%s is paid', (w) => {
    expect(parseInvoiceStatus(w)).toBe('paid');
  });
  test.each(['未付款', '未收款', '待收款', '已逾期', '逾期', '部分回款', '部分付款', '部分收款'])('%s is open', (w) => {
    expect(parseInvoiceStatus(w)).toBe('open');
  });
  test.each(['纠纷', '有纠纷', '异议', '有异议'])('%s is disputed, as in the Disputed column', (w) => {
    expect(parseInvoiceStatus(w)).toBe('disputed');
  });
  test.each(['红冲', '已红冲', '冲红'])('%s is not guessed: its own Problem says to mark Void or enter a credit note', (w) => {
    expect(code(parseInvoiceStatus(w))).toBe('status.invoiceReversal');
    expect(problemMessage('status.invoiceReversal', 'en', { header: 'Status' })).toMatch(/Void.*credit note.*treated as Open/);
    expect(problemMessage('status.invoiceReversal', 'zh', { header: '状态' })).toMatch(/作废.*红字发票.*按“开放”处理/);
  });
  test('another unknown word is still the plain status Problem', () => {
    expect(code(parseInvoiceStatus('已发货'))).toBe('status.invoice');
  });
  test('a file: 已付清 with no Amount Paid is paid in full; 红冲 is open with its Problem on the cell', () => {
    const f = read({
      Customers: [['客户编号', '客户名称'], ['C-1', '甲公司']],
      Invoices: [['发票号', '客户编号', '开票日期', '金额', '状态'], ['I-1', 'C-1', dateCell(2026, 10, 1), 1000, '已付清'], ['I-2', 'C-1', dateCell(2026, 10, 1), 500, '红冲']],
    }, 'zh');
    expect(f.invoices.map((i) => [i.no, i.status])).toEqual([['I-1', 'paid'], ['I-2', 'open']]);
    expect(f.problems.map((p) => `${p.sheet}!${p.column}${p.row} ${p.message}`)).toEqual([expect.stringMatching(/^Invoices!E3 .*红冲.*作废.*红字发票/)]);
  });
});

describe('flags', () => {
  test.each(['纠纷', '有纠纷', '异议', '有异议'])('Disputed %s is yes', (w) => expect(parseFlag(w, 'disputed')).toBe(true));
  test.each(['无纠纷', '没有纠纷', '无异议', '没有异议'])('Disputed %s is no', (w) => expect(parseFlag(w, 'disputed')).toBe(false));
  test.each(['停止供货', '停货', '停止发货', '暂停供货'])('On Hold %s is yes', (w) => expect(parseFlag(w, 'onHold')).toBe(true));
  test.each(['不停货', '未停止供货'])('On Hold %s is no', (w) => expect(parseFlag(w, 'onHold')).toBe(false));
  test('the words stay in their column: 停货 is not a dispute, 纠纷 is not a hold', () => {
    expect(code(parseFlag('停货', 'disputed'))).toBe('yesno.unreadable');
    expect(code(parseFlag('纠纷', 'onHold'))).toBe('yesno.unreadable');
  });
});

describe('order status', () => {
  test.each([
    ['审核中', 'pending'], ['待审核', 'pending'],
    ['待发货', 'approved'], ['已发货', 'approved'], ['已出库', 'approved'], ['Shipped', 'approved'],
    ['已完成', 'invoiced'], ['已开票', 'invoiced'],
    ['已拒绝', 'blocked'], ['驳回', 'blocked'], ['已驳回', 'blocked'], ['拒绝', 'blocked'],
  ])('%s → %s', (w, s) => expect(parseOrderStatus(w)).toBe(s));
  test('a shipped order with no invoice yet counts in exposure; a rejected one does not', () => {
    const f = read({
      Customers: [['客户编号', '客户名称'], ['C-1', '甲公司']],
      Orders: [['订单号', '客户编号', '金额', '状态'], ['O-1', 'C-1', 100, '已发货'], ['O-2', 'C-1', 200, '已拒绝'], ['O-3', 'C-1', 300, '已完成']],
    });
    expect(f.orders.map((o) => o.status)).toEqual(['approved', 'blocked', 'invoiced']);
    expect(f.problems).toEqual([]);
  });
});

describe('headers and sheet names', () => {
  test.each([
    ['customers', '客户编码', 'id'], ['customers', '客户简称', 'name'], ['customers', '邮箱地址', 'emails'], ['customers', '是否冻结', 'onHold'],
    ['invoices', '价税合计', 'amount'], ['invoices', '开票金额', 'amount'], ['invoices', '付款状态', 'status'], ['invoices', '收款状态', 'status'],
    ['invoices', '客户编码', 'customerId'],
    // On an Invoices sheet the cash received against the invoice is its Amount Paid (as 回款金额 is).
    ['invoices', '实收金额', 'amountPaid'], ['invoices', '到账金额', 'amountPaid'],
    ['payments', '实收金额', 'amount'], ['payments', '到账金额', 'amount'],
  ] as const)('%s: %s → %s', (table, header, field) => expect(fieldOfHeader(table, header)).toBe(field));

  test.each([
    ['payments', '价税合计'], ['payments', '付款状态'], ['orders', '付款状态'], ['orders', '实收金额'], ['invoices', '客户简称'], ['invoices', '是否冻结'],
  ] as const)('%s: %s names nothing there', (table, header) => expect(fieldOfHeader(table, header)).toBeNull());

  test('客户简称 is the Name only without another Name column, whichever stands first', () => {
    expect(matchColumns('customers', ['客户编码', '客户简称']).index).toEqual({ id: 0, name: 1 });
    for (const row of [['客户编号', '客户简称', '客户名称'], ['客户编号', '客户名称', '客户简称'], ['客户编号', '客户简称', '公司名称'], ['客户编号', '公司名称', '客户简称']]) {
      const m = matchColumns('customers', row);
      expect([row, m.index.name, m.duplicates]).toEqual([row, row.indexOf(row.includes('客户名称') ? '客户名称' : '公司名称'), []]);
    }
    // Two short-name columns: the first is read and the second is a repeat, as for any header.
    expect(matchColumns('customers', ['客户编号', '客户简称', '客户简称']).duplicates).toEqual([{ field: 'name', index: 2, first: 1 }]);
  });

  test('a file with 客户简称 and 客户名称: the full name is read, without a Problem', () => {
    const f = read({ 客户资料: [['客户编码', '客户简称', '客户名称', '邮箱地址', '是否冻结'], ['C-1', '甲', '甲有限公司', 'ap@jia.example.com', '是']] });
    expect(f.customers.map((c) => [c.id, c.name, c.emails, c.onHold])).toEqual([['C-1', '甲有限公司', ['ap@jia.example.com'], true]]);
    expect(f.problems).toEqual([]);
  });

  test.each([
    ['客户资料', 'customers'], ['应收账款明细', 'invoices'], ['应收明细', 'invoices'],
    ['收款明细', 'payments'], ['回款明细', 'payments'], ['回款记录', 'payments'],
  ])('sheet %s → %s', (name, table) => expect(tableOfSheetName(name)).toBe(table));
});

describe('terms', () => {
  test.each(['账期30天', '30天账期', '账期 30 天', '账期：30天', '30', '30天', 'Net 30', '30 days'])('%s is 30 days', (w) => {
    expect(parseTermsDays(w)).toBe(30);
    expect(parseNumber(w, DAY_UNITS)).toBe(30);
  });
  test.each(['月结30天', '月结 60 天', '月结', 'Net 30 EOM', '30 days end of month'])('%s is month-end terms: a Problem, not a guess', (w) => {
    expect(code(parseTermsDays(w))).toBe('terms.monthEnd');
  });
  test('other text is still the plain number Problem', () => {
    expect(code(parseTermsDays('三十天'))).toBe('number.unreadable');
  });
  test('a file: 月结30天 is reported and the customer gets the default terms', () => {
    const f = read({ Customers: [['客户编号', '客户名称', '账期'], ['C-1', '甲', '月结30天'], ['C-2', '乙', '账期45天']] });
    expect(f.customers.map((c) => c.termsDays)).toEqual([null, 45]);
    expect(f.problems.map((p) => `${p.column}${p.row} ${p.message}`)).toEqual([expect.stringMatching(/^C2 “账期” is month-end terms.*Due Date.*plain days/)]);
  });
});

describe('amounts', () => {
  test.each([['12,000元整', 1_200_000], ['12000元整', 1_200_000], ['12,000.50元整', 1_200_050], ['人民币12,000元整', 1_200_000], ['1.2万元整', 1_200_000], ['12,000圆整', 1_200_000]] as const)(
    '%s is read', (w, minor) => expect(parseMoney(w, 2, 'CNY')).toBe(minor),
  );
  test.each(['12,000整', '整', '元整', '12,000元整整'])('%s is not an amount', (w) => {
    expect(code(parseMoney(w, 2, 'CNY'))).toBe('money.unreadable');
  });
  test('元整 in a USD row is the currency mismatch it always was for 元', () => {
    expect(code(parseMoney('12,000元整', 2, 'USD'))).toBe('money.currencyMismatch');
  });
});

describe('dates with a weekday', () => {
  const mar1 = dayFromYMD(2026, 3, 1);
  test('2026-03-01 was a Sunday', () => expect(weekdayOf(mar1)).toBe(0));
  test.each(['2026年3月1日(周日)', '2026年3月1日（星期日）', '2026-03-01 周日', '2026-03-01（周天）', '2026/3/1 星期天', '2026年3月1日 礼拜日'])('%s is 2026-03-01', (w) => {
    expect(parseDay(w, TZ)).toBe(mar1);
  });
  test('2026-03-02 周一 is 2026-03-02', () => expect(parseDay('2026-03-02 周一', TZ)).toBe(mar1 + 1));
  test.each(['2026年3月1日(周一)', '2026-03-01 星期六'])('%s contradicts its weekday: a Problem naming the real one', (w) => {
    const v = parseDay(w, TZ);
    expect(code(v)).toBe('date.weekdayMismatch');
    expect(problemMessage('date.weekdayMismatch', 'en', { header: 'Due Date', ...(isCellError(v) ? v.params : {}) })).toBe(
      '“Due Date” gives a weekday that is not its date’s: 2026-03-01 is a Sunday (星期日). Check the date for a typo and write it as YYYY-MM-DD, for example 2026-03-01.',
    );
  });
  test('an impossible date with a weekday is impossible; a weekday alone is unreadable', () => {
    expect(code(parseDay('2026-02-30 周一', TZ))).toBe('date.impossible');
    expect(code(parseDay('周日', TZ))).toBe('date.unreadable');
    expect(code(parseDay('2026-03-01 周八', TZ))).toBe('date.unreadable');
  });
});

describe('language', () => {
  test.each(['繁體中文', '繁体中文', '简体中文', '簡體中文'])('%s → zh', (w) => expect(parseLanguage(w)).toBe('zh'));
});
