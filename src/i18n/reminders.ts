/** Words of the reminder run, English and Chinese: log lines, skip reasons, the run summary. */
import type { SkipReason } from '../core/reminders/plan';

type Lang = 'en' | 'zh';

export const RUN_TEXT: Record<Lang, {
  locked: string;
  time: string;
  quota: string;
  summary: (sent: number, failed: number, skipped: number, unknown: number) => string;
}> = {
  en: {
    locked: 'Another reminder run holds the lock; this run exited without sending.',
    time: 'Stopped before the time limit; the next run carries on.',
    quota: 'The daily mail quota is used up; the next run carries on.',
    summary: (s, f, k, u) => `sent ${s}, failed ${f}, skipped ${k}, unknown ${u}`,
  },
  zh: {
    locked: '另一次催收运行正在进行，本次未发送即退出。',
    time: '为避免超时已停止，下次运行将继续。',
    quota: '今日邮件配额已用完，下次运行将继续。',
    summary: (s, f, k, u) => `已发送 ${s}，失败 ${f}，跳过 ${k}，待确认 ${u}`,
  },
};

const REASONS: Record<Lang, Record<SkipReason, string>> = {
  en: {
    missed: 'Level passed before it could be sent; a higher level is due',
    void: 'Invoice is void',
    disputed: 'Invoice is disputed',
    paid: 'Paid before sending',
    paused: 'Reminders paused for this customer until',
    stopped: 'Reminders stopped for this invoice',
    'no-email': 'No valid email address',
    'under-minimum': 'Open amount under the level minimum',
    quota: 'Mail quota used up; next run',
    time: 'Time limit reached; next run',
    'unknown-pending': 'Outcome of an earlier send unknown; confirm it',
    plan: 'Reminders paused while the customer keeps repayment plan or promise',
    'plan-broken': 'Repayment plan or promise broken; the reminders resume. Missed',
  },
  zh: {
    missed: '该级别已错过，已有更高级别到期',
    void: '发票已作废',
    disputed: '发票有争议',
    paid: '发送前已付款',
    paused: '该客户暂停催收至',
    stopped: '该发票已停止催收',
    'no-email': '没有有效的邮箱地址',
    'under-minimum': '未付金额低于该级别的最低金额',
    quota: '邮件配额已用完，下次运行发送',
    time: '已到时间上限，下次运行发送',
    'unknown-pending': '此前发送结果未知，请确认',
    plan: '客户正在履行还款计划或付款承诺，暂停催收：',
    'plan-broken': '还款计划或付款承诺已违约，恢复催收。未付：',
  },
};

export function skipReasonText(reason: SkipReason, detail: string, language: Lang): string {
  const base = REASONS[language][reason];
  return detail ? `${base} ${detail}` : base;
}
