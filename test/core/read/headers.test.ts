import {
  columnIndex,
  matchColumns,
  CUSTOMERS,
  fieldOfHeader,
  headerFor,
  INVOICES,
  normalizeHeader,
  ORDERS,
  PAYMENTS,
  tableOfSheetName,
  TABLES,
} from '../../../src/core/read/headers';

describe('normalizeHeader', () => {
  test.each([
    ['Customer ID', 'customerid'],
    ['customer_id', 'customerid'],
    ['CUSTOMER-ID', 'customerid'],
    [' Customer  ID ', 'customerid'],
    ['Customer ID:', 'customerid'],
    ['Terms (days)', 'terms'],
    ['Terms（天）', 'terms'],
    ['账期(天)', '账期'],
    ['账期（天）', '账期'],
    ['金额(元)', '金额'],
    ['Amount (CNY)', 'amount'],
    ['Amount [USD]', 'amount'],
    ['客户·编号', '客户编号'],
    ['客户编号：', '客户编号'],
    ['Ｃｕｓｔｏｍｅｒ　ＩＤ', 'customerid'],
    ['Invoice No.', 'invoiceno'],
    ['(days)', 'days'],
  ])('%s → %s', (h, n) => expect(normalizeHeader(h)).toBe(n));

  test('non-text headers', () => {
    expect(normalizeHeader(2026)).toBe('2026');
    expect(normalizeHeader(true)).toBe('');
    expect(normalizeHeader(new Date())).toBe('');
    expect(normalizeHeader('x'.repeat(50_000))).toBe('');
  });
});

describe('header aliases', () => {
  test.each([
    ['customers', '客户编号', 'id'],
    ['customers', '客户ID', 'id'],
    ['customers', '编号', 'id'],
    ['customers', 'customer id', 'id'],
    ['customers', '客户名称', 'name'],
    ['customers', '公司', 'name'],
    ['customers', '邮箱', 'emails'],
    ['customers', '电子邮件', 'emails'],
    ['customers', '抄送', 'cc'],
    ['customers', '业务员', 'owner'],
    ['customers', '销售', 'owner'],
    ['customers', '账期(天)', 'termsDays'],
    ['customers', '付款期限', 'termsDays'],
    ['customers', 'Terms (days)', 'termsDays'],
    ['customers', '授信额度', 'creditLimit'],
    ['customers', '信用额度（元）', 'creditLimit'],
    ['customers', 'Credit Limit (CNY)', 'creditLimit'],
    ['customers', '币种', 'currency'],
    ['customers', '冻结', 'onHold'],
    ['customers', '暂停赊销', 'onHold'],
    ['customers', '暂停催收至', 'remindersPausedUntil'],
    ['customers', '外部评级', 'externalRating'],
    ['customers', '合作开始日期', 'customerSince'],
    ['customers', '语言', 'language'],
    ['customers', 'Language', 'language'],
    ['invoices', '发票号', 'no'],
    ['invoices', '单号', 'no'],
    ['invoices', 'Invoice #', 'no'],
    ['invoices', '客户编号', 'customerId'],
    ['invoices', '开票日期', 'invoiceDate'],
    ['invoices', '日期', 'invoiceDate'],
    ['invoices', '到期日', 'dueDate'],
    ['invoices', '应收金额(元)', 'amount'],
    ['invoices', '已收金额', 'amountPaid'],
    ['invoices', '收款日期', 'paidDate'],
    ['invoices', '状态', 'status'],
    ['invoices', '争议', 'disputed'],
    ['invoices', '停止催收', 'remindersStopped'],
    ['invoices', 'Stop Reminders', 'remindersStopped'],
    ['payments', '收款日期', 'date'],
    ['payments', '日期', 'date'],
    ['payments', '收款金额', 'amount'],
    ['payments', '发票号', 'invoiceNo'],
    ['orders', '订单号', 'no'],
    ['orders', '下单日期', 'orderDate'],
    ['orders', '信用检查', 'creditCheck'],
  ] as const)('%s: %s → %s', (table, header, field) => {
    expect(fieldOfHeader(table, header)).toBe(field);
  });

  test('unknown headers are null', () => {
    expect(fieldOfHeader('customers', 'Notes')).toBeNull();
    expect(fieldOfHeader('customers', '')).toBeNull();
  });

  test('a "No." column numbering the rows, or a bare "ID", is no Invoice No, Order No or Customer ID; field keys like invoice_date still match', () => {
    expect(fieldOfHeader('invoices', 'No.')).toBeNull();
    expect(fieldOfHeader('orders', 'No')).toBeNull();
    expect(fieldOfHeader('customers', 'ID')).toBeNull();
    expect(fieldOfHeader('invoices', 'invoice_date')).toBe('invoiceDate');
    expect(fieldOfHeader('customers', 'termsDays')).toBe('termsDays');
  });

  test('within a table no two fields share a normalised header', () => {
    for (const t of Object.values(TABLES)) {
      const seen = new Map<string, string>();
      for (const f of t.fields) {
        for (const h of [f.en, f.zh, ...f.aliases]) {
          const k = normalizeHeader(h);
          const other = seen.get(k);
          expect([t.table, h, other ?? f.field]).toEqual([t.table, h, f.field]);
          seen.set(k, f.field);
        }
      }
    }
  });

  test('every field has a canonical English and Chinese header that match it', () => {
    for (const t of [CUSTOMERS, INVOICES, PAYMENTS, ORDERS]) {
      for (const f of t.fields) {
        expect(fieldOfHeader(t.table, f.en)).toBe(f.field);
        expect(fieldOfHeader(t.table, f.zh)).toBe(f.field);
        expect(/[\u4e00-\u9fff]/.test(f.zh)).toBe(true);
      }
    }
    expect(headerFor('customers', 'termsDays', 'zh')).toBe('账期(天)');
    expect(headerFor('invoices', 'remindersStopped', 'en')).toBe('Stop Reminders');
  });

  test('columnIndex maps fields to 0-based indexes, first match wins', () => {
    const idx = columnIndex('customers', ['Notes', '客户编号', 'Name', '', '账期（天）', 'Customer ID']);
    expect(idx).toEqual({ id: 1, name: 2, termsDays: 4 });
  });

  test('a field\'s own header beats an alias: Customer (names) before Customer ID', () => {
    const m = matchColumns('invoices', ['Invoice No', 'Customer', 'Customer ID', 'Invoice Date', 'Amount']);
    expect(m.index.customerId).toBe(2);
    expect(m.duplicates).toEqual([]); // the alias column is an extra column, not a repeat
    const zh = matchColumns('invoices', ['发票号', '客户', '客户', '客户编号', '金额']);
    expect([zh.index.customerId, zh.duplicates]).toEqual([3, []]);
    // Two aliases, or two own headers: the first is read and the other is a repeat, as before.
    expect(matchColumns('invoices', ['Customer', '客户']).duplicates).toEqual([{ field: 'customerId', index: 1, first: 0 }]);
    expect(matchColumns('invoices', ['Customer ID', 'Customer', '客户编号']).duplicates).toEqual([{ field: 'customerId', index: 2, first: 0 }]);
  });
});

describe('sheet names', () => {
  test.each([
    ['Customers', 'customers'], ['customers', 'customers'], ['客户', 'customers'], ['客户档案', 'customers'],
    ['Invoices', 'invoices'], ['发票', 'invoices'], ['应收', 'invoices'], ['应收账款', 'invoices'], ['  INVOICES ', 'invoices'],
    ['Payments', 'payments'], ['收款', 'payments'], ['回款', 'payments'],
    ['Orders', 'orders'], ['订单', 'orders'],
    ['Settings', 'settings'], ['设置', 'settings'],
  ])('%s → %s', (name, table) => expect(tableOfSheetName(name)).toBe(table));
  test('others', () => {
    expect(tableOfSheetName('Reminder Log')).toBeNull();
    expect(tableOfSheetName('催收记录')).toBeNull();
    expect(tableOfSheetName('')).toBeNull();
  });
});

describe('no alias is ambiguous', () => {
  test('within a table, no header names two columns', () => {
    for (const t of Object.values(TABLES)) {
      const seen = new Map<string, string>();
      for (const f of t.fields as readonly { field: string; en: string; zh: string; aliases: readonly string[]; fallbackAliases?: readonly string[] }[]) {
        for (const n of [f.en, f.zh, ...f.aliases, ...(f.fallbackAliases ?? [])]) {
          const k = normalizeHeader(n);
          const prev = seen.get(k);
          expect([t.table, n, prev ?? f.field]).toEqual([t.table, n, f.field]);
          seen.set(k, f.field);
        }
      }
    }
  });
  test('no sheet name names two tables', () => {
    const seen = new Map<string, string>();
    for (const t of Object.values(TABLES)) {
      for (const n of [t.en, t.zh, ...t.sheetAliases]) {
        const k = normalizeHeader(n);
        expect([n, seen.get(k) ?? t.table]).toEqual([n, t.table]);
        seen.set(k, t.table);
        expect([n, tableOfSheetName(n)]).toEqual([n, t.table]);
      }
    }
  });
});
