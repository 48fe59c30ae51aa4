/**
 * Units in headers through the built bundle in the emulator: a credit limit kept in 万元 gives the
 * verdicts a limit of that many ten-thousands gives, in CREDITCHECK and in the Orders sheet's
 * Credit Check column (which is found, and written, beside an amount column headed 金额（万元）).
 */
import { sh, tinyEnvironment } from '../helpers/tiny';

const CUSTOMERS = [
  ['客户编号', '客户名称', '邮箱', '账期(天)', '信用额度（万元）'],
  ['C-1', '上海明达贸易有限公司', 'ap@mingda.example.com', 30, 50], // 500,000.00 元
];
// 300,000 元 open and not yet due; the amount column headed without brackets.
const INVOICES = [['发票号', '客户编号', '开票日期', '金额/元'], ['FP-1', 'C-1', sh('2026-11-10'), 300000]];

describe('a credit limit in 万元', () => {
  it('CREDITCHECK reads 50 万元 as 500,000: OK within 90%, WARN past it, BLOCK past the limit', () => {
    const env = tinyEnvironment({ Customers: CUSTOMERS, Invoices: INVOICES });
    const s = env.spreadsheet.addSheet('Check', [['C-1', 100000], ['C-1', 160000], ['C-1', 250000]]);
    s.setValue('C1', '=CREDITCHECK(A1:A3, B1:B3)');
    s.setValue('D1', '=CREDITAVAILABLE(A1)');
    expect(env.recalculate().errors).toEqual([]);
    const verdicts = s.values('C1:C3').map((r) => r[0]);
    expect(verdicts[0]).toBe('OK');
    expect(verdicts[1]).toMatch(/^WARN: /);
    expect(verdicts[2]).toMatch(/^BLOCK: .*500,000\.00/);
    expect(s.value('D1')).toBe(200000);
  });

  it('an order in 金额（万元） is checked in yuan and its verdict lands in the Credit Check column', () => {
    const env = tinyEnvironment({
      Customers: CUSTOMERS,
      Invoices: INVOICES,
      Orders: [['订单号', '客户编号', '下单日期', '金额（万元）', '状态', '信用检查'], ['SO-1', 'C-1', sh('2026-11-20'), 1, '', '']],
    });
    const o = env.spreadsheet.sheet('Orders');
    env.edit('Orders', 'D2', 10); // 100,000 元: 400,000 of 500,000
    expect(o.value('F2')).toBe('OK');
    env.edit('Orders', 'D2', 25); // 250,000 元: 550,000 of 500,000
    expect(o.value('F2')).toMatch(/^BLOCK: .*250,000\.00/);
    expect(o.values()[0]).toEqual(['订单号', '客户编号', '下单日期', '金额（万元）', '状态', '信用检查']);
  });
});
