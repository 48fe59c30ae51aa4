/** MailApp, the outbox and the daily recipient quota (per user, 24 hours from a window's first send). */
import { ServiceError, signatureError } from '../errors';
import { GasObject } from '../gas-object';
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

/** How long the recipients of a send count against the quota: 24 hours from the window's first send. */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** One user's quota window: opened by its first send, reset 24 hours after it. */
interface QuotaWindow {
  since: number;
  used: number;
}

/**
 * The outbox and the daily recipient quota (env.mail). As Apps Script's quotas page says, the
 * quota is per user and resets 24 hours after the first request: a user's first send opens a
 * window; every recipient sent in it counts, across executions, until 24 hours after that first
 * send, when it starts again from nothing. It is not a calendar day: a morning run and an
 * evening "send now" share one window, whatever the time zone.
 */
export class MailState {
  readonly outbox: SentMail[] = [];
  private readonly windows = new Map<string, QuotaWindow>();

  constructor(
    private readonly clock: VirtualClock,
    /** Recipients per 24 hours, per user. */
    readonly dailyQuota: number,
    /** The user `remaining` and `setRemaining` mean when none is named (the environment's active user). */
    private readonly defaultUser: () => string = () => '',
  ) {}

  /** The user's open window, or null when there is none (never sent, or reset since). */
  private window(user: string): QuotaWindow | null {
    const w = this.windows.get(user);
    if (w && this.clock.now() >= w.since + QUOTA_WINDOW_MS) {
      this.windows.delete(user);
      return null;
    }
    return w ?? null;
  }

  /** Recipients `user` may still send to (default: the active user) on the virtual clock. */
  remainingFor(user: string = this.defaultUser()): number {
    return Math.max(0, this.dailyQuota - (this.window(user)?.used ?? 0));
  }

  /** Recipients the active user may still send to. */
  get remaining(): number {
    return this.remainingFor();
  }

  /**
   * Leaves `n` recipients of `user`'s quota (default: the active user), as if the rest had been
   * sent now: a window is opened now when none is.
   */
  setRemaining(n: number, user: string = this.defaultUser()): void {
    const w = this.window(user) ?? { since: this.clock.now(), used: 0 };
    w.used = Math.max(0, this.dailyQuota - n);
    this.windows.set(user, w);
  }

  /** Counts `n` recipients sent by `user` now; throws Apps Script's error when they do not fit. */
  _consume(user: string, n: number): void {
    if (n > this.remainingFor(user)) throw new ServiceError('Service invoked too many times for one day: email.');
    const w = this.window(user) ?? { since: this.clock.now(), used: 0 };
    w.used += n;
    this.windows.set(user, w);
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
  /** The effective user's: an installable trigger's owner, else the user at the keyboard. */
  getRemainingDailyQuota(): number {
    return this._x.env.mail.remainingFor(this._sender());
  }

  /** Whose quota a send counts against and who it is from: the effective user. */
  _sender(): string {
    return this._x.trigger ? this._x.trigger.user : this._x.user;
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
    env.mail._consume(this._sender(), recipients.length);
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
      from: this._sender(),
      attachments: (m.attachments ?? []).map((a) => (typeof a?.getName === 'function' ? String(a.getName()) : 'attachment')),
      time: env.clock.date(),
      recipients,
      executionId: this._x.id,
    });
  }
}
