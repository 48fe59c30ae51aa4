/**
 * Words of the collections log (催收跟进), the due-today list and the evidence pack, in English
 * and Chinese.
 */
import type { Language } from './language';

/** The kinds of collection action, in the order the sidebar offers them. */
export const ACTION_TYPES = ['reminder', 'call', 'letter', 'visit', 'dispute', 'legal', 'promise', 'note'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** The word written in the Type column, and other words a person may type for it. */
export const ACTION_TYPE_WORDS: Record<ActionType, { en: string; zh: string; aliases: string[] }> = {
  reminder: { en: 'Reminder', zh: '催收提醒', aliases: ['email', 'e-mail', 'dunning', '提醒', '催收', '催款', '催收邮件', '邮件', '短信', 'sms'] },
  call: { en: 'Call', zh: '电话', aliases: ['phone', 'phone call', 'telephone', '电话催收', '致电', '打电话', '通话'] },
  letter: { en: 'Letter', zh: '信函', aliases: ['demand letter', 'dunning letter', '催款函', '函件', '书面通知', '催告函'] },
  visit: { en: 'Visit', zh: '上门拜访', aliases: ['meeting', 'site visit', '拜访', '上门', '面谈', '上门催收'] },
  dispute: { en: 'Dispute', zh: '争议', aliases: ['complaint', 'query', '异议', '投诉', '对账争议'] },
  legal: { en: 'Legal', zh: '法律程序', aliases: ['lawyer', 'lawyer letter', 'court', 'lawsuit', 'litigation', 'collection agency', '律师函', '诉讼', '起诉', '仲裁', '法律', '委外催收'] },
  promise: { en: 'Promise', zh: '承诺付款', aliases: ['promise to pay', 'ptp', '承诺', '还款承诺', '付款承诺'] },
  note: { en: 'Note', zh: '备注', aliases: ['other', 'comment', '其他', '记录', '说明'] },
};

export const COLLECTIONS_LOG_NAMES: Record<Language, string> = { en: 'Collections Log', zh: '催收跟进' };
export const COLLECTIONS_LOG_HEADERS: Record<Language, readonly string[]> = {
  en: ['Date', 'Customer ID', 'Type', 'Summary', 'Outcome', 'Next Action', 'Next Action Date', 'Owner', 'Logged By'],
  zh: ['日期', '客户编号', '类型', '摘要', '结果', '下一步', '下一步日期', '负责人', '记录人'],
};
/** Header aliases a person may use when keeping the log by hand (matched like the credit file's headers). */
export const COLLECTIONS_LOG_ALIASES: Record<string, string[]> = {
  date: ['Date', '日期', 'Action Date', '跟进日期', '时间'],
  customerId: ['Customer ID', '客户编号', '客户ID', '编号', 'Customer', '客户'],
  type: ['Type', '类型', 'Action', '方式', '跟进方式'],
  summary: ['Summary', '摘要', 'Notes', 'Note', '内容', '跟进内容', '说明'],
  outcome: ['Outcome', '结果', 'Result', '跟进结果'],
  nextAction: ['Next Action', '下一步', '下一步行动', 'Next Step'],
  nextActionDate: ['Next Action Date', '下一步日期', 'Follow Up Date', 'Follow-up Date', '跟进日期下次', '下次跟进日期'],
  owner: ['Owner', '负责人', '跟进人'],
  loggedBy: ['Logged By', '记录人', 'By', '填写人'],
};

export const DUE_TODAY_NAMES: Record<Language, string> = { en: 'Due Today', zh: '今日待办' };

/** Validation messages for a logged action, by field error code. */
export const FIELD_ERRORS: Record<Language, Record<string, string>> = {
  en: {
    required: 'Required.',
    tooLong: 'Too long: at most {max} characters.',
    unknownCustomer: 'No customer with this ID in the Customers sheet.',
    unknownType: 'Choose one of: Reminder, Call, Letter, Visit, Dispute, Legal, Promise, Note.',
    badDate: 'Write the date as YYYY-MM-DD, e.g. 2026-11-20.',
    futureDate: 'An action cannot be logged for a day after today.',
    pastNextDate: 'The next action date cannot be before the action itself.',
    needDate: 'Give the date of the next action.',
    needAction: 'Say what the next action is.',
    badEmail: 'Write one email address, e.g. name@example.com.',
    notText: 'Expected text.',
    notObject: 'Expected the action as an object.',
  },
  zh: {
    required: '必填。',
    tooLong: '太长：最多 {max} 个字符。',
    unknownCustomer: '客户表中没有这个客户编号。',
    unknownType: '请选择：催收提醒、电话、信函、上门拜访、争议、法律程序、承诺付款、备注。',
    badDate: '请按 YYYY-MM-DD 填写日期，例如 2026-11-20。',
    futureDate: '不能记录今天之后的跟进。',
    pastNextDate: '下一步日期不能早于本次跟进日期。',
    needDate: '请填写下一步的日期。',
    needAction: '请说明下一步做什么。',
    badEmail: '请填写一个邮箱地址，例如 name@example.com。',
    notText: '应为文字。',
    notObject: '应为一条跟进记录。',
  },
};

export const COLLECTIONS_TEXT = {
  en: {
    reminderSent: (level: string, invoices: string) => `Reminder ${level} emailed${invoices ? ` for ${invoices}` : ''}`,
    statementSent: (period: string) => `Statement of account ${period} emailed`,
    logged: 'Action logged.',
    dueTitle: 'Next actions due today or overdue',
    dueHeaders: ['Owner', 'Next Action Date', 'Days Overdue', 'Customer ID', 'Name', 'Next Action', 'Last Action', 'Last Action Date', 'Summary', 'Open Balance'],
    dueDone: (n: number) => (n === 0 ? 'Nothing is due today.' : `${n} next action${n === 1 ? '' : 's'} due today or overdue.`),
    asOf: 'As of',
    noOwner: '(no owner)',
    toastTitle: 'Credit Desk',
    readProblem: (row: number, what: string) => `Collections Log row ${row}: ${what}`,
  },
  zh: {
    reminderSent: (level: string, invoices: string) => `已发送催收邮件 ${level}${invoices ? `（${invoices}）` : ''}`,
    statementSent: (period: string) => `已发送对账单 ${period}`,
    logged: '已记录。',
    dueTitle: '今日到期及逾期的下一步',
    dueHeaders: ['负责人', '下一步日期', '逾期天数', '客户编号', '客户名称', '下一步', '最近跟进', '最近跟进日期', '摘要', '未结余额'],
    dueDone: (n: number) => (n === 0 ? '今天没有到期的下一步。' : `今天到期或已逾期的下一步共 ${n} 项。`),
    asOf: '截至',
    noOwner: '（无负责人）',
    toastTitle: '信用管理',
    readProblem: (row: number, what: string) => `催收跟进第 ${row} 行：${what}`,
  },
} satisfies Record<Language, unknown>;

export const EVIDENCE_NAMES = { en: 'Evidence Pack', zh: '证据包' } as const;

export const EVIDENCE_TEXT = {
  en: {
    title: 'Evidence pack',
    generated: 'Prepared on',
    company: 'Creditor',
    customer: 'Customer details',
    details: ['Customer ID', 'Name', 'Email', 'CC', 'Owner', 'Terms (days)', 'Credit Limit', 'Currency', 'On Hold', 'Customer Since', 'Open Balance', 'Past Due', 'Most Days Past Due', 'Credit Score', 'Grade'],
    yes: 'Yes',
    no: 'No',
    invoices: 'Invoices',
    invoiceHeaders: ['Invoice No', 'Invoice Date', 'Due Date', 'Amount', 'Open', 'Days Past Due', 'Status', 'Disputed', 'Paid On'],
    statement: 'Statement of account since the first invoice',
    reminders: 'Reminders sent',
    reminderHeaders: ['Sent', 'Key', 'Invoice No', 'Level', 'Recipients', 'Subject'],
    actions: 'Collections log',
    plans: 'Repayment plans and promises',
    noPlans: 'No Plans sheet in this file.',
    none: 'None.',
    done: (id: string, sheet: string) => `Evidence pack for ${id} written to "${sheet}".`,
    status: { open: 'Open', paid: 'Paid', void: 'Void', disputed: 'Disputed' } as Record<string, string>,
  },
  zh: {
    title: '证据包',
    generated: '编制日期',
    company: '债权人',
    customer: '客户资料',
    details: ['客户编号', '客户名称', '邮箱', '抄送', '负责人', '账期(天)', '信用额度', '币种', '冻结', '合作开始日期', '未结余额', '逾期金额', '最长逾期天数', '信用评分', '等级'],
    yes: '是',
    no: '否',
    invoices: '发票',
    invoiceHeaders: ['发票号', '开票日期', '到期日', '金额', '未付金额', '逾期天数', '状态', '争议', '付清日期'],
    statement: '自首张发票以来的对账单',
    reminders: '已发送的催收',
    reminderHeaders: ['发送时间', '键', '发票号', '级别', '收件人', '主题'],
    actions: '催收跟进记录',
    plans: '还款计划与付款承诺',
    noPlans: '本文件没有还款计划表。',
    none: '无。',
    done: (id: string, sheet: string) => `${id} 的证据包已写入“${sheet}”。`,
    status: { open: '未结', paid: '已付', void: '作废', disputed: '争议' } as Record<string, string>,
  },
} satisfies Record<Language, unknown>;

/** Errors a menu action or sidebar call reports to the person. */
export const COLLECTIONS_ERRORS = {
  en: {
    noCustomerSelected: 'Select a row with a Customer ID (in Customers, Invoices, Payments, Orders or a report), then try again.',
    unknownCustomer: (id: string) => `No customer "${id}" in the Customers sheet.`,
  },
  zh: {
    noCustomerSelected: '请先选中一行带客户编号的数据（客户、发票、收款、订单或报告表），再试一次。',
    unknownCustomer: (id: string) => `客户表中没有客户“${id}”。`,
  },
} satisfies Record<Language, unknown>;

/** Fills {name} placeholders. */
export function fillText(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}
