/** Sending mail as the user (MailApp: the script.send_mail scope, not full Gmail). */

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

export function sendMail(mail: OutgoingMail): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = { to: mail.to, subject: mail.subject, body: mail.body };
  if (mail.cc) message.cc = mail.cc;
  if (mail.htmlBody) message.htmlBody = mail.htmlBody;
  if (mail.name) message.name = mail.name;
  if (mail.replyTo) message.replyTo = mail.replyTo;
  MailApp.sendEmail(message);
}

/** How many recipients a message uses of the daily quota. */
export function recipientCount(mail: Pick<OutgoingMail, 'to' | 'cc'>): number {
  const count = (list?: string) => (list ? list.split(',').filter((a) => a.trim()).length : 0);
  return count(mail.to) + count(mail.cc);
}
