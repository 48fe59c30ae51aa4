import { DEFAULT_LADDER } from '../../../src/core/reminders/ladder';
import { planRun } from '../../../src/core/reminders/plan';
import { escapeHtml, headerSafe, senderName, isValidAddress, MAX_OTHER_ROWS, MAX_TABLE_ROWS, recipients, renderEmail, type RenderContext } from '../../../src/core/reminders/render';
import { customer, DAY0, invoice, iso, planInput } from './fixtures';

const ctx = (language: 'en' | 'zh'): RenderContext => ({
  language,
  company: 'Example Trading Co.',
  formatAmount: (m) => `¥${(m / 100).toFixed(2)}`,
  isoOfDay: iso,
  asOf: DAY0 + 1,
});

function commFor(name: string, no = 'INV-1') {
  const c = customer({ name });
  return planRun(planInput({ customers: new Map([[c.key, c]]), invoices: [invoice({ no, key: no })] })).communications[0];
}

describe('recipients', () => {
  it('keeps To first and at most 50 addresses in all (MailApp refuses more), valid and each once', () => {
    const many = Array.from({ length: 60 }, (_, i) => `ap${i}@x.example.com`);
    expect(recipients(many, ['cfo@x.example.com']).to.split(',')).toHaveLength(50);
    expect(recipients(many, ['cfo@x.example.com']).cc).toBe('');
    const r = recipients(['a@x.com', 'not an address', 'a@x.com'], ['a@x.com', 'b@x.com']);
    expect(r).toEqual({ to: 'a@x.com', cc: 'b@x.com' });
  });
});

describe('renderEmail', () => {
  it('lists at most MAX_TABLE_ROWS invoices and one row for the rest, keeping the body under MailApp\'s 200 KB; totals count them all', () => {
    const c = customer({ name: 'Big Buyer' });
    const invoices = Array.from({ length: 400 }, (_, i) => invoice({ no: `INV-${1000 + i}`, key: `INV-${1000 + i}`, dueDate: DAY0 - (i % 2 === 0 ? 1 : -10) }));
    const comm = planRun(planInput({ customers: new Map([[c.key, c]]), invoices })).communications[0];
    expect(comm.lines).toHaveLength(200); // 200 overdue; the other 200 not yet due
    expect(comm.otherOpen).toHaveLength(200);
    for (const language of ['en', 'zh'] as const) {
      const mail = renderEmail(comm, ctx(language));
      expect(Buffer.byteLength(mail.htmlBody) + Buffer.byteLength(mail.body)).toBeLessThan(200 * 1024);
      expect((mail.htmlBody.match(/<tr>/g) ?? []).length).toBe(2 * 1 + MAX_TABLE_ROWS + 1 + MAX_OTHER_ROWS + 1 + 2); // heads, rows, "more" rows, totals
      expect(mail.body).toContain(language === 'en' ? '… and 100 more invoices |  |  | ¥10000.00 |' : '……另有 100 张发票 |  |  | ¥10000.00 |');
      expect(mail.body).toContain(language === 'en' ? 'Total: ¥20000.00' : '合计：¥20000.00');
    }
  });

  it('fills the overdue notice with the invoice table and totals, in English and Chinese', () => {
    const en = renderEmail(commFor('Acme Ltd'), ctx('en'));
    expect(en.subject).toBe('Overdue notice: ¥100.00 past due — Example Trading Co.');
    expect(en.to).toBe('ap@acme.example.com');
    expect(en.body).toContain('Dear Acme Ltd,');
    expect(en.body).toContain(`INV-1 | ${iso(DAY0 - 30)} | ${iso(DAY0)} | ¥100.00 | 1`);
    expect(en.htmlBody).toContain('<td style="padding:4px 8px">INV-1</td>');
    const zh = renderEmail(commFor('上海明达贸易有限公司'), ctx('zh'));
    expect(zh.subject).toBe('逾期通知：¥100.00 已逾期 — Example Trading Co.');
    expect(zh.body).toContain('上海明达贸易有限公司 您好');
    expect(zh.htmlBody).toContain('未付金额');
  });

  it('escapes hostile names in HTML and keeps them as they are in plain text', () => {
    for (const language of ['en', 'zh'] as const) {
      const mail = renderEmail(commFor('<img src=x onerror=alert(1)>', '<b>INV</b>'), ctx(language));
      expect(mail.htmlBody).not.toContain('<img');
      expect(mail.htmlBody).not.toContain('<b>INV');
      expect(mail.htmlBody).toContain('&#60;img src=x onerror=alert(1)&#62;');
      expect(mail.body).toContain('<img src=x onerror=alert(1)>');
    }
  });

  it('cannot be made to inject a header through the subject', () => {
    const level = { ...DEFAULT_LADDER[1], templates: { en: { subject: '{{customer_name}}', body: 'x' }, zh: { subject: '{{customer_name}}', body: 'x' } } };
    const comm = { ...commFor('Evil\r\nBcc: victim@example.com\nX'), level };
    const mail = renderEmail(comm, ctx('en'));
    expect(mail.subject).toBe('Evil Bcc: victim@example.com X');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('escapes the template\'s own text in HTML, since templates come from a sheet too', () => {
    const level = { ...DEFAULT_LADDER[1], templates: { en: { subject: 'S', body: '<script>x()</script> Hi {{customer_name}}\n\n{{invoice_table}}' }, zh: { subject: 'S', body: 'x' } } };
    const mail = renderEmail({ ...commFor('A&B'), level }, ctx('en'));
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain('&#60;script&#62;x()&#60;/script&#62; Hi A&#38;B');
    expect(mail.htmlBody).toContain('<table');
    expect(mail.body).toContain('<script>x()</script> Hi A&B');
  });

  it('cuts very long values', () => {
    const mail = renderEmail(commFor('x'.repeat(50_000)), ctx('en'));
    expect(mail.subject.length).toBeLessThanOrEqual(250);
    expect(mail.body.length).toBeLessThan(5_000);
  });

  it('drops addresses that could carry a header or a second recipient', () => {
    expect(isValidAddress('a@example.com')).toBe(true);
    expect(isValidAddress('a@example.com\r\nBcc: b@example.com')).toBe(false);
    expect(isValidAddress('a@example.com,b@example.com')).toBe(false);
    expect(isValidAddress('Name <a@example.com>')).toBe(false);
    const c = customer({ emails: ['ok@example.com', 'bad\n@example.com'] });
    const comm = planRun(planInput({ customers: new Map([[c.key, c]]) })).communications[0];
    expect(renderEmail(comm, ctx('en')).to).toBe('ok@example.com');
  });

  it('escapes every HTML special character and flattens control characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;');
    expect(headerSafe('a\u0000b\u2028c\td')).toBe('a b c d');
  });

  it('keeps a sender name a name: no quotes, angle brackets, list separators or @', () => {
    expect(senderName('Example Co" <security@bank.example>')).toBe('Example Co security bank.example');
    expect(senderName('Acme, Inc. <ceo@bank.example>; x@evil.example')).toBe('Acme Inc. ceo bank.example x evil.example');
    expect(senderName('ACME Ltd\nBcc: spy@evil.example')).toBe('ACME Ltd Bcc spy evil.example');
    expect(senderName('示例贸易（上海）有限公司')).toBe('示例贸易（上海）有限公司');
    expect(senderName('A\\B [x] (y)')).toBe('A B x y');
    expect(senderName('x'.repeat(300))).toHaveLength(100);
  });
});
