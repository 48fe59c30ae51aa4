/**
 * Words of repayment plans and promises (还款计划), English and Chinese: the Plans sheet's name
 * and headers, the reader's problems, the computed states, the instalment reminder's template,
 * the broken-plan warning, and the Plan Status report.
 */
import type { Language } from './language';

export type PlanProblemCode =
  | 'plans.duplicateSheet'
  | 'plans.noHeader'
  | 'plans.missingColumn'
  | 'plans.duplicateColumn'
  | 'plans.blank'
  | 'plans.type'
  | 'plans.amount'
  | 'plans.customerUnknown'
  | 'plans.customerDiffers'
  | 'plans.fieldDiffers'
  | 'plans.invoiceUnknown'
  | 'plans.invoiceOtherCustomer'
  | 'plans.dueBeforeStart'
  | 'plans.sameDueDate'
  | 'plans.fx'
  | 'plans.overOwed'
  | 'plans.overBalance'
  | 'plans.setting'
  | 'plans.internal';

const PROBLEMS: Record<PlanProblemCode, { en: string; zh: string }> = {
  'plans.duplicateSheet': {
    en: 'Sheet “{value}” also looks like the Plans sheet; only “{first}” is read. Rename one of them.',
    zh: '工作表“{value}”也像还款计划表；只读取“{first}”。请重命名其中一个。',
  },
  'plans.noHeader': {
    en: 'The Plans sheet has no header row. Write Plan ID, Customer ID, Type, Invoice Nos, Start Date, Due Date, Amount, Note in its first row.',
    zh: '还款计划表没有表头。请在第一行填写：计划编号、客户编号、类型、发票号、开始日期、到期日、金额、备注。',
  },
  'plans.missingColumn': {
    en: 'The Plans sheet has no “{column}” column ({columnZh}); no plan is read until it is added.',
    zh: '还款计划表缺少“{columnZh}”列（{column}）；补上之前不读取任何计划。',
  },
  'plans.duplicateColumn': {
    en: '“{header}” in column {value} repeats the column in {first}; only the first is read.',
    zh: '{value} 列的“{header}”与 {first} 列重复；只读取第一列。',
  },
  'plans.blank': {
    en: '“{header}” is blank. Fill it in. This row is skipped until it is fixed.',
    zh: '“{header}”为空，请填写。修正之前，此行不予读取。',
  },
  'plans.type': {
    en: '“{header}” must be Plan (分期) or Promise (承诺), not “{value}”. Plan is assumed.',
    zh: '“{header}”应为“分期”（Plan）或“承诺”（Promise），而不是“{value}”。暂按分期处理。',
  },
  'plans.amount': {
    en: '“{header}” must be an amount more than 0. This row is skipped until it is fixed.',
    zh: '“{header}”应为大于 0 的金额。修正之前，此行不予读取。',
  },
  'plans.customerUnknown': {
    en: 'Customer “{value}” is not in the Customers sheet. This row is skipped until it is fixed.',
    zh: '客户“{value}”不在客户表中。修正之前，此行不予读取。',
  },
  'plans.customerDiffers': {
    en: 'Plan {plan} belongs to customer {first} (row {row}), but this row names “{value}”. This row is skipped; give it its own Plan ID.',
    zh: '计划 {plan} 属于客户 {first}（第 {row} 行），此行却写着“{value}”。此行不予读取；请另编计划编号。',
  },
  'plans.fieldDiffers': {
    en: '“{header}” of plan {plan} is “{first}” on row {row}; this row says “{value}”. The first is used.',
    zh: '计划 {plan} 的“{header}”在第 {row} 行为“{first}”，此行为“{value}”。以第一行为准。',
  },
  'plans.invoiceUnknown': {
    en: 'Invoice {value} is not in the Invoices sheet; the plan covers the others it names.',
    zh: '发票 {value} 不在发票表中；计划只覆盖其余列出的发票。',
  },
  'plans.invoiceOtherCustomer': {
    en: 'Invoice {value} belongs to another customer; the plan does not cover it.',
    zh: '发票 {value} 属于其他客户；计划不覆盖它。',
  },
  'plans.dueBeforeStart': {
    en: 'Due Date {value} is before the plan’s Start Date {start}; cash is counted from the Start Date, so this instalment cannot be kept.',
    zh: '到期日 {value} 早于计划开始日期 {start}；回款从开始日期起算，此期无法按期完成。',
  },
  'plans.sameDueDate': {
    en: 'Plan {plan} has two instalments due on {value}; their amounts are added together.',
    zh: '计划 {plan} 有两期都在 {value} 到期；金额合并计算。',
  },
  'plans.fx': {
    en: 'No exchange rate for {currency} in Settings; this row is skipped until one is added.',
    zh: '设置中没有 {currency} 的汇率；补上之前此行不予读取。',
  },
  'plans.overOwed': {
    en: 'Plan {plan} comes to {total}, more than the {open} its invoices had open on its Start Date {start}. It still counts; it is completed once those invoices are paid.',
    zh: '计划 {plan} 合计 {total}，超过其发票在开始日期 {start} 的未付金额 {open}。计划仍然有效；这些发票付清后即视为完成。',
  },
  'plans.overBalance': {
    en: 'Plan {plan} comes to {total}, more than the {open} the customer owed on its Start Date {start}. It still counts; it is completed once the customer owes nothing.',
    zh: '计划 {plan} 合计 {total}，超过客户在开始日期 {start} 的欠款 {open}。计划仍然有效；客户不再欠款后即视为完成。',
  },
  'plans.setting': {
    en: 'Setting “{header}” is “{value}”, which is not {expected}; {fallback} is used until it is fixed.',
    zh: '设置项“{header}”为“{value}”，不是{expectedZh}；修正之前暂用 {fallback}。',
  },
  'plans.internal': {
    en: 'The Plans sheet could not be read ({value}); no plan counts until it is fixed.',
    zh: '无法读取还款计划表（{value}）；修正之前不计任何计划。',
  },
};

/** The sentence for a plan problem, `{name}` placeholders filled. */
export function planProblemMessage(code: PlanProblemCode, language: Language, params: Record<string, string | number> = {}): string {
  const t = PROBLEMS[code] ?? PROBLEMS['plans.internal'];
  return (language === 'zh' ? t.zh : t.en).replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type InstalmentStateCode = 'upcoming' | 'due' | 'kept' | 'missed';
export type PlanStatusCode = 'active' | 'completed' | 'broken';

export const STATE_WORDS: Record<Language, Record<InstalmentStateCode | PlanStatusCode, string>> = {
  en: { upcoming: 'upcoming', due: 'due', kept: 'kept', missed: 'missed', active: 'active', completed: 'completed', broken: 'broken' },
  zh: { upcoming: '未到期', due: '已到期', kept: '已履约', missed: '已违约', active: '执行中', completed: '已完成', broken: '已违约' },
};

export const TYPE_WORDS: Record<Language, Record<'plan' | 'promise', string>> = {
  en: { plan: 'Plan', promise: 'Promise' },
  zh: { plan: '分期', promise: '承诺' },
};

/** Instalment reminder: its own template, merge fields as the ladder's ({{name}}). */
export const INSTALMENT_TEMPLATES: Record<Language, { subject: string; body: string }> = {
  en: {
    subject: 'Reminder: {{amount}} due on {{due_date}} under our agreed {{kind}} — {{company}}',
    body:
      'Dear {{customer_name}},\n\nThank you for keeping to the {{kind}} we agreed on {{start_date}} ({{plan_id}}).\n\n' +
      'A friendly reminder that the next payment of {{amount}} is due on {{due_date}}.\n\n' +
      'Covered invoices: {{invoices}}. Received since the agreement: {{received}} of {{total}}.\n\n' +
      'If you have already arranged this payment, thank you and please ignore this message.\n\nKind regards,\n{{company}}',
  },
  zh: {
    subject: '温馨提示：{{due_date}} 应按约定{{kind}}付款 {{amount}} — {{company}}',
    body:
      '{{customer_name}} 您好：\n\n感谢您按照 {{start_date}} 约定的{{kind}}（{{plan_id}}）付款。\n\n' +
      '温馨提示，下一笔款项 {{amount}} 将于 {{due_date}} 到期。\n\n' +
      '涉及发票：{{invoices}}。约定以来已收到 {{received}}，共 {{total}}。\n\n' +
      '如已安排付款，谢谢，请忽略本邮件。\n\n此致\n{{company}}',
  },
};

export const KIND_IN_TEXT: Record<Language, Record<'plan' | 'promise', string>> = {
  en: { plan: 'repayment plan', promise: 'promise to pay' },
  zh: { plan: '分期还款计划', promise: '付款承诺' },
};

export const ALL_OPEN_INVOICES: Record<Language, string> = { en: 'all invoices open at the start', zh: '开始时所有未结发票' };

/** The warning of a broken plan or promise: in the run's digest and for the watch list. */
export function brokenText(
  w: { type: 'plan' | 'promise'; planId: string; customerId: string; customerName: string; missedDue: string; shortfall: string },
  language: Language,
): string {
  if (language === 'zh') {
    return w.type === 'promise'
      ? `付款承诺未兑现：${w.customerName}（${w.customerId}）承诺 ${w.planId} 于 ${w.missedDue} 到期未付，差额 ${w.shortfall}；已恢复催收。`
      : `还款计划违约：${w.customerName}（${w.customerId}）计划 ${w.planId} 在 ${w.missedDue} 到期的一期未付，差额 ${w.shortfall}；已恢复催收。`;
  }
  return w.type === 'promise'
    ? `Broken promise: ${w.customerName} (${w.customerId}) promise ${w.planId} due ${w.missedDue} was not paid, short by ${w.shortfall}; reminders resume.`
    : `Broken plan: ${w.customerName} (${w.customerId}) plan ${w.planId} missed the instalment due ${w.missedDue}, short by ${w.shortfall}; reminders resume.`;
}

/** Plan Status report (还款计划状态). */
export const PLAN_STATUS_NAMES: Record<Language, string> = { en: 'Plan Status', zh: '还款计划状态' };

export const PLAN_STATUS_TEXT: Record<Language, {
  asOf: string;
  baseCurrency: string;
  header: string[];
  done: (instalments: number, plans: number) => string;
  none: string;
}> = {
  en: {
    asOf: 'As of',
    baseCurrency: 'Base currency',
    header: ['Plan ID', 'Customer ID', 'Customer', 'Type', 'Invoices', 'Start Date', 'Due Date', 'Amount', 'Due So Far', 'Received Since Start', 'Instalment', 'Plan', 'Note', 'Row'],
    done: (n, p) => `Plan status written: ${n} instalments of ${p} plans and promises.`,
    none: 'No plan or promise in the Plans sheet.',
  },
  zh: {
    asOf: '截至',
    baseCurrency: '本位币',
    header: ['计划编号', '客户编号', '客户名称', '类型', '发票号', '开始日期', '到期日', '金额', '累计应付', '开始以来已收', '本期状态', '计划状态', '备注', '行'],
    done: (n, p) => `还款计划状态已生成：${p} 个计划或承诺，共 ${n} 期。`,
    none: '还款计划表中没有计划或承诺。',
  },
};

/** Menu captions the lead adds to src/entry/menu.ts. */
export const PLAN_MENU = {
  showPlanStatus: { en: 'Plan status', zh: '还款计划状态' },
} as const;
