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
