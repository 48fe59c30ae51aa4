import { encodeHeader, toEml } from '../../emulator/eml';
import type { SentMail } from '../../emulator';

const mail: SentMail = {
  to: 'a@example.com', cc: 'b@example.com', bcc: '', replyTo: '', name: '示例贸易', subject: '逾期通知：INV-1', body: 'plain 正文',
  htmlBody: '<p>html</p>', noReply: false, from: 'owner@example.com', attachments: [], time: new Date('2026-11-20T01:00:00Z'), recipients: [], executionId: 1,
};

describe('toEml', () => {
  it('writes headers a mail client reads, with UTF-8 encoded words and both parts', () => {
    const eml = toEml(mail);
    expect(eml).toContain('To: a@example.com\r\nCc: b@example.com\r\n');
    expect(eml).toContain(`Subject: =?UTF-8?B?${Buffer.from('逾期通知：INV-1').toString('base64')}?=`);
    expect(eml).toContain('Date: Fri, 20 Nov 2026 01:00:00 +0000');
    expect(eml).toContain('Content-Type: multipart/alternative; boundary="credit-desk-boundary"');
    const parts = eml.split('--credit-desk-boundary');
    expect(parts).toHaveLength(4);
    const plain = parts[1].split('\r\n\r\n')[1].replace(/\r\n/g, '');
    expect(Buffer.from(plain, 'base64').toString('utf8')).toBe('plain 正文');
  });

  it('never lets a header value break a line', () => {
    expect(encodeHeader('a\r\nBcc: x@example.com')).toBe('a Bcc: x@example.com');
  });
});
