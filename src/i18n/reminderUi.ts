/** Words of the reminder menu actions and dialogs, English and Chinese. */
export const REMINDER_UI = {
  en: {
    title: 'Credit Desk reminders',
    instalment: 'Instalment reminder (repayment plan)',
    to: 'To',
    subject: 'Subject',
    skipped: 'Not sent today',
    previewTitle: 'Reminders: preview',
    previewHead: (day: string, n: number) => `As of ${day}, ${n} email(s) would be sent. Nothing has been sent.`,
    ran: (status: string, message: string) =>
      status === 'locked' ? 'Another reminder run is in progress; nothing was sent.' : `Reminder run finished: ${message}.${status === 'quota' ? ' The mail quota ran out; the next run carries on.' : status === 'time' ? ' Time ran short; the next run carries on.' : ''}`,
    scheduleOn: (hour: number, zone: string) => `Daily reminders are on: every day at ${String(hour).padStart(2, '0')}:00 (${zone}).`,
    scheduleOff: 'Daily reminders are off.',
    notUnknown: (key: string) => `No send of unknown outcome has the key ${key}.`,
    badOutcome: (outcome: string) => `"${outcome}" is not an answer: say "sent" or "not-sent". Nothing was recorded.`,
    badOn: 'Say whether the daily run is on or off (true or false). Nothing was changed.',
    badHour: (hour: string) => `The hour must be a whole number from 0 to 23, not "${hour}". Nothing was changed.`,
  },
  zh: {
    title: '信用管理 · 催收',
    instalment: '分期还款提醒（还款计划）',
    to: '收件人',
    subject: '主题',
    skipped: '今日不发送',
    previewTitle: '催收邮件预览',
    previewHead: (day: string, n: number) => `截至 ${day}，将发送 ${n} 封邮件。尚未发送任何邮件。`,
    ran: (status: string, message: string) =>
      status === 'locked' ? '另一次催收运行正在进行，未发送任何邮件。' : `催收运行完成：${message}。${status === 'quota' ? '邮件配额已用完，下次运行将继续。' : status === 'time' ? '时间不足，下次运行将继续。' : ''}`,
    scheduleOn: (hour: number, zone: string) => `每日催收已开启：每天 ${String(hour).padStart(2, '0')}:00（${zone}）。`,
    scheduleOff: '每日催收已关闭。',
    notUnknown: (key: string) => `没有键为 ${key} 的待确认发送。`,
    badOutcome: (outcome: string) => `"${outcome}" 不是有效的答复：请选择 "sent"（已发送）或 "not-sent"（未发送）。未记录任何内容。`,
    badOn: '请说明开启还是关闭每日催收（true 或 false）。未做任何更改。',
    badHour: (hour: string) => `时间必须是 0 到 23 之间的整数，而不是 "${hour}"。未做任何更改。`,
  },
};
