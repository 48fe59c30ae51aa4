import { renderStatementEmail, MAX_LINES } from '../../src/sheets/statements/email';
import { statement } from '../../src/core/statement';
import { customer, d, file, invoice, payment } from '../core/builders';

describe('the statement email', () => {
  it('lists at most MAX_LINES lines and one row for the rest that ends on the closing balance, under MailApp\'s 200 KB', () => {
    const invoices = Array.from({ length: 300 }, (_, i) => invoice(`INV-${1000 + i}`, 'C1', '2026-10-01', 1000 + i));
    const payments = Array.from({ length: 100 }, (_, i) => payment('C1', '2026-10-20', 500));
    const f = file({ customers: [customer('C1', { emails: ['ap@c1.example.com'] })], invoices, payments });
    const st = statement(f, 'C1', d('2026-10-01'), d('2026-10-31'));
    expect(st.lines.length).toBe(400);
    for (const language of ['en', 'zh'] as const) {
      const mail = renderStatementEmail(st, f.customers[0], language, 'Example Co');
      expect(Buffer.byteLength(mail.htmlBody) + Buffer.byteLength(mail.body)).toBeLessThan(200 * 1024);
      const text = mail.body.split('\n');
      const more = text.find((l) => l.includes(language === 'en' ? '200 more lines' : '另有 200 笔'))!;
      expect(more).toBeDefined();
      const rest = st.lines.slice(MAX_LINES);
      const debit = rest.reduce((s, l) => s + l.debit, 0);
      const credit = rest.reduce((s, l) => s + l.credit, 0);
      expect(debit - credit + st.lines[MAX_LINES - 1].balance).toBe(st.closing);
      expect(more.split(' | ').at(-1)).toBe(text.find((l) => l.startsWith('2026-10-31 | '))!.split(' | ').at(-1)); // ends on the closing balance
    }
  });

  it('names the Current bucket 未到期 in Chinese, in the text and the HTML, and Current in English', () => {
    const f = file({ customers: [customer('C1', { emails: ['ap@c1.example.com'] })], invoices: [invoice('INV-1', 'C1', '2026-10-01', 1000)] });
    const st = statement(f, 'C1', d('2026-10-01'), d('2026-10-31'));
    expect(st.agingLabels[0]).toBe('Current');
    const zh = renderStatementEmail(st, f.customers[0], 'zh', 'Example Co');
    expect(zh.body.split('\n')).toContainEqual(expect.stringMatching(/^未到期 \| 1-30 \| 31-60 \| 61-90 \| 91\+ \| /));
    expect(zh.htmlBody).toContain('>未到期<');
    expect(zh.body + zh.htmlBody).not.toContain('Current');
    const en = renderStatementEmail(st, f.customers[0], 'en', 'Example Co');
    expect(en.body.split('\n')).toContainEqual(expect.stringMatching(/^Current \| 1-30 \| /));
  });
});
