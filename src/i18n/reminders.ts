/** Words of the reminder run, English and Chinese: log lines, skip reasons, the run summary. */
import { logReasonCode, type LogReason } from '../core/reminders/log';
import type { SkipReason } from '../core/reminders/plan';

type Lang = 'en' | 'zh';

export const RUN_TEXT: Record<Lang, {
  locked: string;
  time: string;
  quota: string;
  summary: (sent: number, failed: number, skipped: number, unknown: number) => string;
  /** The summary and why the run stopped early (`time` or `quota` above). */
  stopped: (summary: string, why: string) => string;
  /** The credit manager's digest could not be sent (the mail service's message). */
  digestFailed: (why: string) => string;
}> = {
  en: {
    locked: 'Another reminder run holds the lock; this run exited without sending.',
    time: 'Stopped before the time limit; the next run carries on.',
    quota: 'The daily mail quota is used up; the next run carries on.',
    summary: (s, f, k, u) => `sent ${s}, failed ${f}, skipped ${k}, unknown ${u}`,
    stopped: (summary, why) => `${summary}. ${why}`,
    digestFailed: (why) => `The digest to the credit manager was not sent: ${why}`,
  },
  zh: {
    locked: '另一次催收运行正在进行，本次未发送即退出。',
    time: '为避免超时已停止，下次运行将继续。',
    quota: '今日邮件配额已用完，下次运行将继续。',
    summary: (s, f, k, u) => `已发送 ${s}，失败 ${f}，跳过 ${k}，待确认 ${u}`,
    stopped: (summary, why) => `${summary}。${why}`,
    digestFailed: (why) => `未能向信用经理发送运行摘要：${why}`,
  },
};

/** A reason's text around its detail (language-neutral: a level label, a day, a plan ID; '' when none). */
type ReasonText = (detail: string) => string;
const after = (base: string): ReasonText => (detail) => (detail ? `${base} ${detail}` : base);

const REASONS: Record<Lang, Record<SkipReason, ReasonText>> = {
  en: {
    missed: (level) => (level ? `Level passed before it could be sent; a higher level (${level}) is due` : 'Level passed before it could be sent; a higher level is due'),
    void: after('Invoice is void'),
    disputed: after('Invoice is disputed'),
    paid: after('Paid before sending'),
    paused: after('Reminders paused for this customer until'),
    stopped: after('Reminders stopped for this invoice'),
    'no-email': after('No valid email address'),
    'under-minimum': after('Open amount under the level minimum'),
    quota: after('Mail quota used up; next run'),
    time: after('Time limit reached; next run'),
    'unknown-pending': after('Outcome of an earlier send unknown; confirm it'),
    plan: after('Reminders paused while the customer keeps repayment plan or promise'),
    'plan-broken': after('Repayment plan or promise broken; the reminders resume. Missed'),
  },
  zh: {
    missed: (level) => (level ? `该级别已错过，已有更高级别（${level}）到期` : '该级别已错过，已有更高级别到期'),
    void: after('发票已作废'),
    disputed: after('发票有争议'),
    paid: after('发送前已付款'),
    paused: after('该客户暂停催收至'),
    stopped: after('该发票已停止催收'),
    'no-email': after('没有有效的邮箱地址'),
    'under-minimum': after('未付金额低于该级别的最低金额'),
    quota: after('邮件配额已用完，下次运行发送'),
    time: after('已到时间上限，下次运行发送'),
    'unknown-pending': after('此前发送结果未知，请确认'),
    plan: after('客户正在履行还款计划或付款承诺，暂停催收：'),
    'plan-broken': after('还款计划或付款承诺已违约，恢复催收。未付：'),
  },
};

/** Reasons of log lines that are not skips (codes in src/core/reminders/log.ts). */
const LOG_REASON_TEXT: Record<Lang, Record<LogReason, string>> = {
  en: {
    'stopped-before-outcome': 'The run stopped before the outcome of the send was known',
    'confirmed-sent': 'Confirmed sent',
    'confirmed-not-sent': 'Confirmed not sent',
  },
  zh: {
    'stopped-before-outcome': '运行在发送结果确定前中断',
    'confirmed-sent': '已确认发送',
    'confirmed-not-sent': '已确认未发送',
  },
};

/** Earlier versions wrote the `missed` detail as 'reached +30'; read it as the level, '+30'. */
function neutralDetail(reason: SkipReason, detail: string): string {
  const d = String(detail ?? '').trim();
  return reason === 'missed' ? d.replace(/^reached\s+/i, '') : d;
}

export function skipReasonText(reason: SkipReason, detail: string, language: Lang): string {
  return REASONS[language][reason](neutralDetail(reason, detail));
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A Reminder Log Reason cell in `language`: a skip reason or another log reason code (and the
 * English texts earlier versions wrote, e.g. 'confirmed sent'); any other text (a send's error)
 * as it is.
 */
export function logReasonText(reason: unknown, language: Lang): string {
  const code = logReasonCode(reason);
  if (has(LOG_REASON_TEXT[language], code)) return LOG_REASON_TEXT[language][code as LogReason];
  if (has(REASONS[language], code)) return skipReasonText(code as SkipReason, '', language);
  return code;
}
