/** MailApp, the outbox and the daily recipient quota. */
import { ServiceError, signatureError } from '../errors';
import { GasObject } from '../gas-object';
import { toWallClock } from '../util/timezone';
import type { VirtualClock } from '../clock';
import type { Execution } from '../execution';

/** Recipients (To, CC and BCC) of one message, at most. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Bytes of one body (plain or HTML), at most: 200 KB on consumer accounts. */
export const MAX_BODY_BYTES = 200 * 1024;

/** A message MailApp sent. */
export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  noReply: boolean;
  /** The effective user the mail was sent as. */
  from: string;
  /** Attachment names, if any. */
  attachments: string[];
  /** Virtual time of sending. */
  time: Date;
  /** All recipients (To, CC, BCC) as counted against the quota. */
  recipients: string[];
  executionId: number;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Pacific calendar day of an instant: Google's daily quotas reset at midnight Pacific time. */
function pacificDay(ms: number): string {
  const w = toWallClock(ms, 'America/Los_Angeles');
  return `${w.year}-${w.month}-${w.day}`;
}

/** The outbox and quota (env.mail). */
export class MailState {
  readonly outbox: SentMail[] = [];
  private left: number;
  private day: string;

  constructor(
    private readonly clock: VirtualClock,
    /** Recipients per day. */
    readonly dailyQuota: number,
  ) {
    this.left = dailyQuota;
    this.day = pacificDay(clock.now());
  }

  private roll(): void {
    const today = pacificDay(this.clock.now());
    if (today !== this.day) {
      this.day = today;
      this.left = this.dailyQuota;
    }
  }

  /** Recipients still allowed today (resets at midnight Pacific on the virtual clock). */
  get remaining(): number {
    this.roll();
    return this.left;
  }

  /** Sets today's remaining quota. */
  setRemaining(n: number): void {
    this.roll();
    this.left = n;
  }

  _consume(n: number): void {
    this.roll();
    if (n > this.left) throw new ServiceError('Service invoked too many times for one day: email.');
    this.left -= n;
  }
}

/** Splits "a@x.com, B <b@y.com>" into addresses, validating each. */
function addresses(field: unknown): string[] {
  if (field === undefined || field === null) return [];
  return String(field)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const angle = /<([^>]+)>\s*$/.exec(s);
      const addr = (angle ? angle[1] : s).trim();
      if (!EMAIL.test(addr)) throw new ServiceError(`Invalid email: ${s}`);
      return addr;
    });
}

type Message = {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  noReply?: boolean;
  attachments?: Array<{ getName?: () => string }>;
};

/** Apps Script's MailApp. */
export class MailAppService extends GasObject {
  readonly _type = 'MailApp';
  constructor(x: Execution) {
    super(x);
  }
  getRemainingDailyQuota(): number {
    return this._x.env.mail.remaining;
  }

  /** sendEmail(message) | (to, subject, body) | (to, subject, body, options) | (to, replyTo, subject, body). */
  sendEmail(...args: unknown[]): void {
    let m: Message;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) m = { ...(args[0] as Message) };
    else if (args.length === 3 || (args.length === 4 && (typeof args[3] === 'object' || args[3] === undefined))) {
      m = { ...((args[3] as Message | undefined) ?? {}), to: args[0] as string, subject: args[1] as string, body: args[2] as string };
    } else if (args.length === 4) {
      m = { to: args[0] as string, replyTo: args[1] as string, subject: args[2] as string, body: args[3] as string };
    } else throw signatureError('MailApp', 'sendEmail', args);
    this._send(m);
  }

  _send(m: Message): void {
    const subject = m.subject === undefined || m.subject === null ? '' : String(m.subject);
    const name = m.name === undefined || m.name === null ? '' : String(m.name);
    if (/[\r\n]/.test(subject)) throw new ServiceError('Invalid argument: subject');
    if (/[\r\n]/.test(name)) throw new ServiceError('Invalid argument: name');
    if (subject.length > 250) throw new ServiceError('Argument too large: subject');
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    if (m.replyTo) addresses(m.replyTo);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw new ServiceError('Failed to send email: no recipient');
    // Apps Script's per-message limits (quotas page): 50 recipients, a 200 KB body.
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw new ServiceError('Limit Exceeded: Email Recipients Per Message.');
    for (const part of [m.body, m.htmlBody]) {
      if (part !== undefined && part !== null && Buffer.byteLength(String(part)) > MAX_BODY_BYTES) throw new ServiceError('Limit Exceeded: Email Body Size.');
    }
    const env = this._x.env;
    env.mail._consume(recipients.length);
    env.mail.outbox.push({
      to: m.to ? String(m.to) : '',
      cc: m.cc ? String(m.cc) : '',
      bcc: m.bcc ? String(m.bcc) : '',
      replyTo: m.replyTo ? String(m.replyTo) : '',
      name,
      subject,
      body: m.body === undefined || m.body === null ? '' : String(m.body),
      htmlBody: m.htmlBody === undefined || m.htmlBody === null ? '' : String(m.htmlBody),
      noReply: !!m.noReply,
      from: this._x.trigger ? this._x.trigger.user : this._x.user,
      attachments: (m.attachments ?? []).map((a) => (typeof a?.getName === 'function' ? String(a.getName()) : 'attachment')),
      time: env.clock.date(),
      recipients,
      executionId: this._x.id,
    });
  }
}
