/** The credit manager's daily digest, English and Chinese. */
import type { Change } from '../core/watch';

type Lang = 'en' | 'zh';

export const DIGEST_TEXT: Record<Lang, {
  subject: (day: string, sent: number, changes: number) => string;
  counts: (sent: number, failed: number, skipped: number, unknown: number) => string;
  status: Record<string, string>;
  change: (c: Change) => string;
}> = {
  en: {
    subject: (day, sent, changes) => `Credit Desk digest ${day}: ${sent} reminders sent, ${changes} risk changes`,
    counts: (s, f, k, u) => `Reminders: sent ${s}, failed ${f}, skipped ${k}, outcome unknown ${u}.`,
    status: {
      quota: 'The mail quota ran out; the next run carries on.',
      time: 'The run stopped before the time limit; the next run carries on.',
      locked: 'Another run held the lock; this one sent nothing.',
    },
    change: (c) => (c.kind === 'new-block' ? `New BLOCK: ${c.name} (${c.id}) — ${c.detail}` : `Grade drop: ${c.name} (${c.id}) ${c.from} → ${c.to}`),
  },
  zh: {
    subject: (day, sent, changes) => `信用管理日报 ${day}：已发送催收 ${sent} 封，风险变化 ${changes} 项`,
    counts: (s, f, k, u) => `催收：已发送 ${s}，失败 ${f}，跳过 ${k}，结果待确认 ${u}。`,
    status: {
      quota: '邮件配额已用完，下次运行将继续。',
      time: '为避免超时已停止，下次运行将继续。',
      locked: '另一次运行正在进行，本次未发送。',
    },
    change: (c) => (c.kind === 'new-block' ? `新增冻结：${c.name}（${c.id}）— ${c.detail}` : `评级下降：${c.name}（${c.id}）${c.from} → ${c.to}`),
  },
};
