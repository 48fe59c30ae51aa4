import type { Language } from './language';

/** Menu captions, English and Chinese. Keys are the registry names of the menu actions. */
export const MENU_TEXT: Record<Language, Record<string, string>> = {
  en: {
    setupCreditFile: 'Set up credit file',
    showDashboard: 'Open dashboard',
    recalculate: 'Recalculate',
    showAgingReport: 'Aging report',
    showCreditScores: 'Credit score report',
    checkSelectedOrder: 'Check selected order',
    showProblems: 'Show problems',
    showStatement: 'Statement for selected customer',
    emailSelectedStatement: 'Email statement to selected customer',
    showDueToday: 'Due today',
    buildEvidencePack: 'Evidence pack for selected customer',
    previewReminders: 'Preview today\'s reminders',
    sendRemindersNow: 'Send reminders now',
    turnOnReminders: 'Turn on daily reminders',
    turnOffReminders: 'Turn off daily reminders',
  },
  zh: {
    setupCreditFile: '建立信用档案',
    showDashboard: '打开仪表板',
    recalculate: '重新计算',
    showAgingReport: '账龄报告',
    showCreditScores: '信用评分报告',
    checkSelectedOrder: '检查所选订单',
    showProblems: '显示数据问题',
    showStatement: '所选客户对账单',
    emailSelectedStatement: '向所选客户发送对账单',
    showDueToday: '今日待办',
    buildEvidencePack: '所选客户证据包',
    previewReminders: '预览今日催收邮件',
    sendRemindersNow: '立即发送催收',
    turnOnReminders: '开启每日催收',
    turnOffReminders: '关闭每日催收',
  },
};
