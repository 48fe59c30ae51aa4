/** The credit manager's daily digest, English and Chinese. */
import type { WatchLine } from '../core/watchlist';
import { watchLineText } from './dashboard';

type Lang = 'en' | 'zh';

export const DIGEST_TEXT: Record<Lang, {
  subject: (day: string, sent: number, changes: number) => string;
  counts: (sent: number, failed: number, skipped: number, unknown: number) => string;
  status: Record<string, string>;
  watchHead: (count: number) => string;
  change: (c: WatchLine) => string;
}> = {
  en: {
    subject: (day, sent, changes) => `Credit Desk digest ${day}: ${sent} reminders sent, ${changes} risk changes`,
    counts: (s, f, k, u) => `Reminders: sent ${s}, failed ${f}, skipped ${k}, outcome unknown ${u}.`,
    status: {
      quota: 'The mail quota ran out; the next run carries on.',
      time: 'The run stopped before the time limit; the next run carries on.',
      locked: 'Another run held the lock; this one sent nothing.',
    },
    watchHead: (n) => (n === 0 ? 'Risk watch list: no customer crossed a line since the last run.' : `Risk watch list (${n}):`),
    change: (c) => watchLineText(c, 'en'),
  },
  zh: {
    subject: (day, sent, changes) => `信用管理日报 ${day}：已发送催收 ${sent} 封，风险变化 ${changes} 项`,
    counts: (s, f, k, u) => `催收：已发送 ${s}，失败 ${f}，跳过 ${k}，结果待确认 ${u}。`,
    status: {
      quota: '邮件配额已用完，下次运行将继续。',
      time: '为避免超时已停止，下次运行将继续。',
      locked: '另一次运行正在进行，本次未发送。',
    },
    watchHead: (n) => (n === 0 ? '风险预警：自上次运行以来，没有客户越过预警线。' : `风险预警（${n} 项）：`),
    change: (c) => watchLineText(c, 'zh'),
  },
};
