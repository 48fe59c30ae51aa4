/**
 * Default reminder templates, English and Chinese. Merge fields in double braces:
 * {{customer_name}}, {{customer_id}}, {{invoice_table}}, {{total_due}}, {{total_open}},
 * {{max_days_overdue}}, {{owner}}, {{company}}, {{as_of}}, {{level}}. Customer levels offer the
 * statement of account (对账单) on reply: the customer asks, the controller sends it from the menu.
 * The body is plain text; blank lines make paragraphs in the HTML part; {{invoice_table}}
 * becomes a table in HTML and aligned lines in the plain-text part.
 */
import type { Template } from '../core/reminders/ladder';
import type { Language } from './language';

type LevelKey = 'courtesy' | 'overdue' | 'second' | 'final' | 'escalation';

/**
 * The default levels' names, English and Chinese. A name is only shown (the Reminder Log keys
 * levels by their days, `INV-1|+15`), so each language's set-up writes its own.
 */
export const DEFAULT_LEVEL_NAMES: Record<LevelKey, Record<Language, string>> = {
  courtesy: { en: 'Courtesy reminder', zh: '到期前提醒' },
  overdue: { en: 'Overdue notice', zh: '逾期通知' },
  second: { en: 'Second notice', zh: '第二次逾期通知' },
  final: { en: 'Final notice', zh: '最后通知' },
  escalation: { en: 'Internal escalation', zh: '内部升级处理' },
};

/**
 * A level name in a language: a default level's name (in either language) becomes that level's
 * name in `language`; any other name is the user's own and stays as written.
 *
 * @example levelNameIn('Final notice', 'zh') === '最后通知'
 */
export function levelNameIn(name: string, language: Language): string {
  const key = name.trim().toLowerCase();
  for (const names of Object.values(DEFAULT_LEVEL_NAMES)) {
    if (names.en.toLowerCase() === key || names.zh === key) return names[language];
  }
  return name;
}

type Pair = { en: Template; zh: Template };

export const DEFAULT_TEMPLATES: Record<LevelKey, Pair> = {
  courtesy: {
    en: {
      subject: 'Payment reminder: invoices due soon — {{company}}',
      body: 'Dear {{customer_name}},\n\nA friendly reminder that the following invoices fall due shortly:\n\n{{invoice_table}}\n\nAmount due: {{total_due}}. If you have already arranged payment, thank you and please ignore this message.\n\nIf you would like a full statement of account, just reply to this email and we will send it.\n\nKind regards,\n{{company}}',
    },
    zh: {
      subject: '付款提醒：发票即将到期 — {{company}}',
      body: '{{customer_name}} 您好：\n\n温馨提示，以下发票即将到期：\n\n{{invoice_table}}\n\n应付金额：{{total_due}}。如已安排付款，谢谢，请忽略本邮件。\n\n如需完整的对账单，请直接回复本邮件，我们会尽快发送给您。\n\n此致\n{{company}}',
    },
  },
  overdue: {
    en: {
      subject: 'Overdue notice: {{total_due}} past due — {{company}}',
      body: 'Dear {{customer_name}},\n\nOur records show the following invoices are now past due:\n\n{{invoice_table}}\n\nAmount overdue: {{total_due}}. Please arrange payment or let us know if there is a problem with any invoice.\n\nIf you would like a full statement of account, just reply to this email and we will send it.\n\nKind regards,\n{{company}}',
    },
    zh: {
      subject: '逾期通知：{{total_due}} 已逾期 — {{company}}',
      body: '{{customer_name}} 您好：\n\n根据我们的记录，以下发票已逾期：\n\n{{invoice_table}}\n\n逾期金额：{{total_due}}。请尽快安排付款；如对发票有疑问，请告知我们。\n\n如需完整的对账单，请直接回复本邮件，我们会尽快发送给您。\n\n此致\n{{company}}',
    },
  },
  second: {
    en: {
      subject: 'Second notice: {{total_due}} overdue — {{company}}',
      body: 'Dear {{customer_name}},\n\nWe have not yet received payment for the invoices below, now up to {{max_days_overdue}} days overdue:\n\n{{invoice_table}}\n\nAmount overdue: {{total_due}}. Please pay within 7 days or contact {{owner}} to agree a date.\n\nIf you would like a full statement of account, just reply to this email and we will send it.\n\nRegards,\n{{company}}',
    },
    zh: {
      subject: '第二次催款通知：{{total_due}} 已逾期 — {{company}}',
      body: '{{customer_name}} 您好：\n\n以下发票仍未收到付款，最长已逾期 {{max_days_overdue}} 天：\n\n{{invoice_table}}\n\n逾期金额：{{total_due}}。请于 7 日内付款，或联系 {{owner}} 约定付款日期。\n\n如需完整的对账单，请直接回复本邮件，我们会尽快发送给您。\n\n此致\n{{company}}',
    },
  },
  final: {
    en: {
      subject: 'Final notice: account will be put on hold — {{company}}',
      body: 'Dear {{customer_name}},\n\nDespite our earlier reminders, the invoices below remain unpaid:\n\n{{invoice_table}}\n\nAmount overdue: {{total_due}}. Unless payment is received, your account will be put on hold and no further orders will be supplied on credit.\n\nIf you would like a full statement of account, just reply to this email and we will send it.\n\nRegards,\n{{company}}',
    },
    zh: {
      subject: '最后通知：账户将被暂停赊销 — {{company}}',
      body: '{{customer_name}} 您好：\n\n尽管我们此前多次提醒，以下发票仍未付款：\n\n{{invoice_table}}\n\n逾期金额：{{total_due}}。如仍未收到付款，您的账户将被暂停赊销，后续订单将不再以赊账方式供货。\n\n如需完整的对账单，请直接回复本邮件，我们会尽快发送给您。\n\n此致\n{{company}}',
    },
  },
  escalation: {
    en: {
      subject: 'Escalation: {{customer_name}} ({{customer_id}}) is {{max_days_overdue}} days overdue',
      body: 'Customer {{customer_name}} ({{customer_id}}) has invoices more than 45 days overdue after the final notice:\n\n{{invoice_table}}\n\nOverdue: {{total_due}}; total open: {{total_open}}. Owner: {{owner}}. Consider a hold, a call, a repayment plan or legal steps.',
    },
    zh: {
      subject: '升级处理：{{customer_name}}（{{customer_id}}）已逾期 {{max_days_overdue}} 天',
      body: '客户 {{customer_name}}（{{customer_id}}）在最后通知后仍有发票逾期超过 45 天：\n\n{{invoice_table}}\n\n逾期金额：{{total_due}}；未结总额：{{total_open}}。负责人：{{owner}}。请考虑冻结赊销、电话催收、还款计划或法律措施。',
    },
  },
};
