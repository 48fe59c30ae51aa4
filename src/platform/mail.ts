/** Sending mail as the user (MailApp: the script.send_mail scope, not full Gmail). */
import { headerSafe, senderName } from '../core/reminders/render';

export interface OutgoingMail {
  to: string;
  cc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
}

/** Recipients left today: MailApp counts each To, CC and BCC address. */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/**
 * Sends one message. Every header is made one line here, whatever the caller did: a sender name
 * or subject taken from a cell (Settings' Company Name) may hold a line break, which MailApp
 * refuses ("Invalid argument: name") or, worse, would pass on as a header of its own; and the
 * sender name keeps no address syntax (senderName).
 */
export function sendMail(mail: OutgoingMail): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = { to: headerSafe(mail.to, Infinity), subject: headerSafe(mail.subject), body: mail.body };
  if (mail.cc) message.cc = headerSafe(mail.cc, Infinity);
  if (mail.htmlBody) message.htmlBody = mail.htmlBody;
  const name = mail.name ? senderName(mail.name) : '';
  if (name) message.name = name;
  if (mail.replyTo) message.replyTo = headerSafe(mail.replyTo, Infinity);
  MailApp.sendEmail(message);
}

/** How many recipients a message uses of the daily quota. */
export function recipientCount(mail: Pick<OutgoingMail, 'to' | 'cc'>): number {
  const count = (list?: string) => (list ? list.split(',').filter((a) => a.trim()).length : 0);
  return count(mail.to) + count(mail.cc);
}
