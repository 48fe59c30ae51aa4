/** Words of "Set up credit file" and of the report sheets, English and Chinese. */
import type { Language } from './language';

type Words = Record<Language, string>;

/** Replaces {name} placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? '' : String(params[k])));
}

/** The list separator of a language: ', ' / '、'. */
export function joinList(items: string[], language: Language): string {
  return items.join(language === 'zh' ? '、' : ', ');
}

/**
 * A label of shownAgingLabels (core/aging.ts) as people read it on a sheet or in a statement:
 * `Current` is 未到期 in Chinese, and the invoice basis's `0` (issued on the as-of day) is 当日;
 * the day ranges (1-30 … 91+) read the same in both languages. The custom functions (AGING,
 * AGINGBUCKET) keep the contract's labels: formulas compare them. The sidebar does the same
 * (sidebar/i18n.ts agingLabel).
 *
 * @example agingLabelText('Current', 'zh') === '未到期'
 */
export function agingLabelText(label: string, language: Language): string {
  if (language !== 'zh') return label;
  return label === 'Current' ? '未到期' : label === '0' ? '当日' : label;
}

/** What the Aging Report's buckets count, by the Settings' Aging Basis. */
export const AGING_BASIS_TEXT: Record<Language, { label: string; due: string; invoice: string }> = {
  en: { label: 'Aging basis', due: 'days past the due date', invoice: 'days since the invoice date' },
  zh: { label: '账龄基准', due: '逾期天数（按到期日）', invoice: '开票后天数（按开票日）' },
};

export const TOAST_TITLE: Words = { en: 'Credit Desk', zh: '信用管理' };

export const PROGRESS = {
  reading: { en: 'Reading…', zh: '正在读取…' },
  computing: { en: 'Computing…', zh: '正在计算…' },
  writing: { en: 'Writing…', zh: '正在写入…' },
} satisfies Record<string, Words>;

export const YES_NO: Record<Language, [string, string]> = { en: ['Yes', 'No'], zh: ['是', '否'] };

export const SETUP_TEXT: Record<Language, {
  title: string;
  created: string;
  addedColumns: string;
  addedSettings: string;
  protectedFor: string;
  stillEditor: string;
  notProtected: string;
  noHeader: string;
  failed: string;
  nothing: string;
  helpYesNo: string;
  helpStatus: string;
  helpCustomer: string;
  protectionDescription: string;
  ownerOnly: string;
}> = {
  en: {
    title: 'Set up credit file',
    created: 'Created sheets: {list}.',
    addedColumns: 'Added columns to {sheet}: {list}.',
    addedSettings: 'Added {count} settings to {sheet}: {list}.',
    protectedFor: '{sheet} can be edited only by: {list}.',
    stillEditor: 'Google keeps the person running Set up among the editors of a protection, so {list} can still edit {sheet}: ask the spreadsheet\'s owner to run Set up to leave only the owner and the approvers.',
    notProtected: 'Could not change the protection of {sheet}: you are not one of its editors.',
    noHeader: '{sheet}: no header row in the first {rows} rows, so it was left as it is.',
    failed: '{sheet}: {error}',
    nothing: 'Everything was already in place: no sheet, column or setting was missing.',
    helpYesNo: 'Yes or No. Your own words (Y, TRUE, ✓ …) are accepted too.',
    helpStatus: 'One of: {list}. Your own words are accepted too.',
    helpCustomer: 'A Customer ID from the {sheet} sheet.',
    protectionDescription: 'Credit Desk: only the owner and the approvers listed in Settings may edit this sheet.',
    ownerOnly: 'the owner',
  },
  zh: {
    title: '建立信用档案',
    created: '已新建工作表：{list}。',
    addedColumns: '已在{sheet}中添加列：{list}。',
    addedSettings: '已在{sheet}中添加 {count} 项设置：{list}。',
    protectedFor: '{sheet}仅以下人员可编辑：{list}。',
    stillEditor: 'Google 会保留运行“建立信用档案”的人员为保护范围的编辑者，因此 {list} 仍可编辑{sheet}：请表格所有者运行“建立信用档案”，只保留所有者和审批人。',
    notProtected: '无法修改{sheet}的保护：您不是它的编辑者。',
    noHeader: '{sheet}：前 {rows} 行中没有表头行，未作改动。',
    failed: '{sheet}：{error}',
    nothing: '一切已就绪：没有缺少的工作表、列或设置。',
    helpYesNo: '是或否。也接受您自己的写法（Y、TRUE、✓ 等）。',
    helpStatus: '可选：{list}。也接受您自己的写法。',
    helpCustomer: '{sheet}表中的客户编号。',
    protectionDescription: '信用管理：仅所有者和设置中列出的审批人可编辑此表。',
    ownerOnly: '所有者',
  },
};

/** Status words Set up offers in dropdowns (each is read back by the credit file reader). */
export const STATUS_CHOICES: Record<'invoices' | 'orders', Record<Language, string[]>> = {
  invoices: { en: ['Open', 'Paid', 'Void', 'Disputed'], zh: ['未结', '已付', '作废', '争议'] },
  orders: { en: ['Pending', 'Approved', 'Blocked', 'Invoiced', 'Cancelled'], zh: ['待审', '已批准', '已冻结', '已开票', '已取消'] },
};

/** Names of the report sheets the add-on owns. */
export const REPORT_NAMES = {
  aging: { en: 'Aging Report', zh: '账龄报告' },
  scores: { en: 'Credit Scores', zh: '信用评分' },
} satisfies Record<string, Words>;

export const REPORT_TEXT: Record<Language, {
  asOf: string;
  baseCurrency: string;
  customer: string;
  customerId: string;
  totalOpen: string;
  unapplied: string;
  balance: string;
  totals: string;
  chartTop: string;
  chartTotals: string;
  agingDone: string;
  score: string;
  grade: string;
  creditLimit: string;
  recommendedLimit: string;
  recommendedTerms: string;
  prepayment: string;
  scoresDone: string;
  noProblems: string;
  problemsDone: string;
  linkLabel: string;
}> = {
  en: {
    asOf: 'As of',
    baseCurrency: 'Base currency',
    customer: 'Customer',
    customerId: 'Customer ID',
    totalOpen: 'Total Open',
    unapplied: 'Unapplied Credit',
    balance: 'Balance',
    totals: 'Total',
    chartTop: 'Aging of the top {count} customers',
    chartTotals: 'Aging totals',
    agingDone: 'Aging report written: {count} customers with a balance.',
    score: 'Score',
    grade: 'Grade',
    creditLimit: 'Credit Limit',
    recommendedLimit: 'Recommended Limit',
    recommendedTerms: 'Recommended Terms (days)',
    prepayment: 'Prepayment',
    scoresDone: 'Credit scores written for {count} customers.',
    noProblems: 'No problems found.',
    problemsDone: '{count} problems listed.',
    linkLabel: 'Go to {cell}',
  },
  zh: {
    asOf: '截至日期',
    baseCurrency: '本位币',
    customer: '客户名称',
    customerId: '客户编号',
    totalOpen: '未结合计',
    unapplied: '未核销款项',
    balance: '余额',
    totals: '合计',
    chartTop: '前 {count} 名客户账龄',
    chartTotals: '账龄合计',
    agingDone: '账龄报告已生成：{count} 个有余额的客户。',
    score: '评分',
    grade: '等级',
    creditLimit: '信用额度',
    recommendedLimit: '建议额度',
    recommendedTerms: '建议账期(天)',
    prepayment: '需预付',
    scoresDone: '已生成 {count} 个客户的信用评分。',
    noProblems: '没有发现数据问题。',
    problemsDone: '共列出 {count} 个数据问题。',
    linkLabel: '转到 {cell}',
  },
};
