/**
 * A sent message as an .eml file (RFC 5322 with MIME): UTF-8 headers encoded, a plain-text
 * and an HTML part, so that a mail client opens what MailApp would have sent.
 */
import type { SentMail } from './services/mail';

/** An encoded-word for a header value that is not plain ASCII. */
export function encodeHeader(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(flat)) return flat;
  return `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export function toEml(mail: SentMail, boundary = 'credit-desk-boundary'): string {
  const from = mail.name ? `${encodeHeader(mail.name)} <${mail.from}>` : mail.from;
  const headers = [
    `From: ${from}`,
    `To: ${mail.to}`,
    ...(mail.cc ? [`Cc: ${mail.cc}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${new Date(mail.time).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
  ];
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.body),
  ];
  if (mail.htmlBody) {
    parts.push(`--${boundary}`, 'Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${mail.htmlBody}</body></html>`));
  }
  parts.push(`--${boundary}--`, '');
  return [...headers, `Content-Type: multipart/alternative; boundary="${boundary}"`, '', ...parts].join('\r\n');
}
