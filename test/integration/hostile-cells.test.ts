/**
 * Hostile cells end to end, through the built bundle: a bad Amount Paid, an overpayment, a hold or
 * dispute written in the column's own word, an address with a zero-width space.
 */
import type { Environment } from '../../emulator';
import { reminderLogRows, sh, tinyEnvironment } from '../helpers/tiny';

const INV = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Amount Paid', 'Paid Date'];

function formulas(env: Environment, list: string[]): unknown[] {
  const rep = env.spreadsheet.addSheet('Report', [['C-1']]);
  list.forEach((f, i) => rep.setValue(String.fromCharCode(66 + i) + '1', f));
  env.recalculate();
  return rep.values(`B1:${String.fromCharCode(65 + list.length)}1`)[0];
}

function problemTexts(env: Environment): string[] {
  const r = env.execution({ authMode: 'FULL' }).call('showProblems') as { sheet: string };
  return env.spreadsheet.sheet(r.sheet).values().slice(1).map((row) => row.join(' | '));
}

test('a negative Amount Paid with a Paid Date leaves the invoice open (BLOCK), with a Problem', () => {
  const env = tinyEnvironment({ Invoices: [INV, ['I-1', 'C-1', sh('2026-08-01'), sh('2026-08-31'), 120000, '(500)', sh('2026-10-01')]] });
  expect(formulas(env, ['=OPENBALANCE(A1)', '=CREDITCHECK(A1, 1000)'])).toEqual([120000, expect.stringMatching(/^BLOCK/)]);
  expect(problemTexts(env).join('\n')).toMatch(/cannot be negative.*counts as unpaid/);
});

test('an Amount Paid ten times the Amount is still unapplied credit, and is reported', () => {
  const env = tinyEnvironment({ Invoices: [INV, ['I-1', 'C-1', sh('2026-11-01'), sh('2026-12-01'), 95000, '', ''], ['I-2', 'C-1', sh('2026-10-01'), sh('2026-10-31'), 1500, 15000, sh('2026-10-05')]] });
  expect(formulas(env, ['=OPENBALANCE(A1)'])).toEqual([81500]);
  expect(problemTexts(env).join('\n')).toMatch(/15,000\.00 CNY is more than the Amount 1,500\.00 CNY; the extra 13,500\.00 CNY/);
});

test('On Hold 冻结 blocks; Disputed 争议 gets no reminder; an address with a zero-width space is used', () => {
  const env = tinyEnvironment({
    Customers: [['Customer ID', 'Name', 'Email', 'Credit Limit', 'On Hold'], ['C-1', 'Alpha', 'a1@example.com', 100000, '冻结'], ['C-2', 'Beta', 'a2@example.com\u200b', 100000, '']],
    Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Disputed'], ['I-1', 'C-1', sh('2026-10-01'), sh('2026-11-19'), 1000, '争议'], ['I-2', 'C-2', sh('2026-10-01'), sh('2026-11-19'), 1000, '']],
  });
  expect(formulas(env, ['=CREDITCHECK(A1, 1000)'])).toEqual([expect.stringMatching(/^BLOCK/)]);
  env.execution({ authMode: 'FULL' }).call('runRemindersNow');
  expect(env.outbox.map((m) => m.to).filter((to) => to !== 'credit@example.com')).toEqual(['a2@example.com']); // and the digest
  expect(reminderLogRows(env).filter((r) => String(r['Invoice No']) === 'I-2').map((r) => r.State)).toContain('sent');
});

test('an address mail cannot go to is a Problem on Email, and the log says no email', () => {
  const env = tinyEnvironment({
    Customers: [['Customer ID', 'Name', 'Email', 'Credit Limit'], ['C-1', 'Alpha', '张三@例子.中国', 100000]],
    Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['I-1', 'C-1', sh('2026-10-01'), sh('2026-11-19'), 1000]],
  });
  env.execution({ authMode: 'FULL' }).call('runRemindersNow');
  expect(env.outbox.filter((m) => m.to !== 'credit@example.com')).toEqual([]);
  const log = reminderLogRows(env).map((r) => `${r.State} ${r.Reason}`);
  expect(log).toContain('skipped no-email');
  expect(log.filter((l) => l.startsWith('failed'))).toEqual([]);
  expect(problemTexts(env).join('\n')).toMatch(/Customers \| 2 \| C .*email cannot be sent to/);
});

// ---- Chinese ledger words (a reviewer acting as a Chinese credit controller)

test('Status 已付清 is paid: no balance, no reminder; 部分回款 stays open and is reminded', () => {
  const env = tinyEnvironment({
    Invoices: [
      ['发票号', '客户编号', '开票日期', '到期日', '价税合计', '实收金额', '收款状态'],
      ['I-1', 'C-1', sh('2026-10-01'), sh('2026-11-19'), 5000, '', '已付清'],
      ['I-2', 'C-1', sh('2026-10-01'), sh('2026-11-19'), 3000, 1000, '部分回款'],
    ],
  });
  expect(formulas(env, ['=OPENBALANCE(A1)'])).toEqual([2000]);
  const preview = env.execution({ authMode: 'FULL' }).call('getReminderPanel') as { emails: { subject: string; invoices?: unknown }[] };
  expect(JSON.stringify(preview.emails)).not.toMatch(/I-1/);
  expect(JSON.stringify(preview.emails)).toMatch(/I-2/);
  env.execution({ authMode: 'FULL' }).call('runRemindersNow');
  const lines = reminderLogRows(env).filter((r) => r['Invoice No'] !== '');
  expect(lines.filter((r) => r.State === 'sent').map((r) => `${r['Invoice No']} ${r.Recipients}`)).toEqual(['I-2 ap@alpha.example.com']);
  expect(lines.map((r) => r['Invoice No'])).not.toContain('I-1');
  // The one email is for the 2,000.00 still open on I-2, not the 5,000.00 of the paid I-1.
  expect(env.outbox.filter((m) => m.to === 'ap@alpha.example.com').map((m) => m.subject)).toEqual([expect.stringContaining('2,000.00 CNY')]);
  expect(problemTexts(env).join('\n')).not.toMatch(/status|状态/i);
});

test('Orders 已发货 (shipped, not invoiced) counts in exposure; 已拒绝 and 已完成 do not', () => {
  const orders = (status: string) => tinyEnvironment({
    Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'], ['I-1', 'C-1', sh('2026-11-01'), sh('2026-12-31'), 80000]],
    Orders: [['订单号', '客户编号', '金额', '状态'], ['O-1', 'C-1', 15000, status]],
  });
  expect(formulas(orders('已发货'), ['=CREDITAVAILABLE(A1)', '=CREDITCHECK(A1, 10000)'])).toEqual([5000, expect.stringMatching(/^BLOCK/)]);
  expect(formulas(orders('待发货'), ['=CREDITAVAILABLE(A1)'])).toEqual([5000]);
  expect(formulas(orders('已拒绝'), ['=CREDITAVAILABLE(A1)', '=CREDITCHECK(A1, 10000)'])).toEqual([20000, 'OK']);
  expect(formulas(orders('已完成'), ['=CREDITAVAILABLE(A1)'])).toEqual([20000]);
});

test('Terms 账期60天 / 60天账期 give the due date; 月结30天 is a Problem and the default terms apply; 12,000元整 is 12,000', () => {
  const env = tinyEnvironment({
    Customers: [
      ['Customer ID', 'Name', 'Email', 'Terms (days)', 'Credit Limit'],
      ['C-1', 'Alpha', 'a1@example.com', '账期60天', 100000],
      ['C-2', 'Beta', 'a2@example.com', '60天账期', 100000],
      ['C-3', 'Gamma', 'a3@example.com', '月结30天', 100000],
    ],
    // No Due Date: Invoice Date + terms. 2026-08-01 + 60 = 09-30, 51 days past due on 11-20 (WARN);
    // + 30 (the default) = 08-31, 81 days (BLOCK: over the 60-day hold threshold).
    Invoices: [
      ['Invoice No', 'Customer ID', 'Invoice Date', 'Amount'],
      ['I-1', 'C-1', sh('2026-08-01'), '12,000元整'],
      ['I-2', 'C-2', sh('2026-08-01'), '12,000元整'],
      ['I-3', 'C-3', sh('2026-08-01'), '12,000元整'],
    ],
  });
  const rep = env.spreadsheet.addSheet('Check', [['C-1'], ['C-2'], ['C-3']]);
  rep.setValue('B1', '=OPENBALANCE(A1:A3)');
  rep.setValue('C1', '=CREDITCHECK(A1:A3, 1000)');
  expect(env.recalculate().errors).toEqual([]);
  expect(rep.values('B1:B3').map((r) => r[0])).toEqual([12000, 12000, 12000]);
  const verdicts = rep.values('C1:C3').map((r) => String(r[0]));
  expect(verdicts[0]).toMatch(/^WARN/);
  expect(verdicts[1]).toMatch(/^WARN/);
  expect(verdicts[2]).toMatch(/^BLOCK/);
  const problems = problemTexts(env).join('\n');
  expect(problems).toMatch(/Customers \| 4 \| D .*month-end terms.*Due Date.*plain days/);
  expect(problems).not.toMatch(/Invoices|Customers \| [23] /);
});
