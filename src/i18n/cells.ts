/**
 * Words of the custom functions, the on-edit order check, Recalculate and the override, in English
 * and Chinese. The verdict words (OK, WARN, BLOCK), the custom functions' error values
 * (#UNKNOWN …, #BAD DATE …) and the aging labels are never translated: formulas compare them.
 * An overridden order's cell starts with OK in both languages (`OK (override by …)`,
 * `OK（… 已放行）`), so a formula testing for OK lets it through; the add-on never reads it back
 * (the override is kept in the document properties).
 */
import type { Language } from './language';

export interface CellsText {
  /** Notes on the Credit Check cell: what to do. */
  noteOk: (date: string) => string;
  noteWarn: (reasons: string, date: string) => string;
  noteBlock: (reasons: string, approvers: string, date: string) => string;
  noteOverride: (by: string, date: string, reason: string, blocked: string) => string;
  noteUnreadable: (problems: string) => string;
  /** The text written into an overridden order's Credit Check cell. */
  overrideCell: (by: string) => string;
  /** Header the add-on writes when a table has no Credit Check column. */
  creditCheckHeader: string;
  recalcTokenKey: string;
  recalcTokenDescription: string;
  toastTitle: string;
  recalculated: (tokenA1: string | null) => string;
  checked: (n: number) => string;
  selectOrders: (sheet: string) => string;
  noOrderSheet: string;
  editFailed: (message: string) => string;
  notIdentified: string;
  notApprover: (approvers: string) => string;
  reasonRequired: string;
  amountUnreadable: (value: string, currency: string) => string;
  amountNotPositive: string;
  customerRequired: string;
  orderNotFound: (no: string, sheet: string) => string;
  orderMismatch: (no: string, customer: string, amount: string) => string;
  notBlocked: (text: string) => string;
  auditAction: string;
}

export const CELLS_TEXT: Record<Language, CellsText> = {
  en: {
    noteOk: (date) => `Credit check OK on ${date}: within terms and limit. Go ahead.`,
    noteWarn: (reasons, date) =>
      `Credit check WARN on ${date}: ${reasons}.\nYou may go ahead, but ask the customer to pay what is past due, and keep the order small.`,
    noteBlock: (reasons, approvers, date) =>
      `Credit check BLOCK on ${date}: ${reasons}.\nDo not ship on credit. Ask for prepayment or payment of the overdue invoices; ` +
      `or ask an approver (${approvers || 'none set in Settings'}) to override it in Extensions > Credit Desk > Open dashboard, tab Check.`,
    noteOverride: (by, date, reason, blocked) => `BLOCK overridden by ${by} on ${date}: ${reason}\nThe check said: ${blocked}`,
    noteUnreadable: (problems) => `Credit Desk cannot check this row yet: ${problems}`,
    overrideCell: (by) => `OK (override by ${by})`,
    creditCheckHeader: 'Credit Check',
    recalcTokenKey: 'Recalc Token',
    recalcTokenDescription: 'Changed by Credit Desk whenever the credit file changes. Give it as the last argument of a Credit Desk formula to keep that formula up to date.',
    toastTitle: 'Credit Desk',
    recalculated: (a1) =>
      a1
        ? `Recalculated. Formulas whose last argument is ${a1} update now.`
        : 'Recalculated. Add a "Recalc Token" row to Settings and give it as the last argument of your formulas to keep them up to date.',
    checked: (n) => (n === 1 ? 'Checked 1 order.' : `Checked ${n} orders.`),
    selectOrders: (sheet) => `Select one or more order rows in ${sheet} first.`,
    noOrderSheet: 'There is no Orders (or Invoices) sheet to check.',
    editFailed: (m) => `Credit Desk could not check this edit: ${m}`,
    notIdentified:
      'Credit Desk cannot tell who you are (Google does not share your email with the add-on here), so it cannot accept an override. ' +
      'Ask an approver who owns this spreadsheet, or one in your organisation, to override.',
    notApprover: (approvers) => `Only an approver listed in Settings (${approvers || 'none set'}) can override a BLOCK.`,
    reasonRequired: 'Give a reason for the override.',
    amountUnreadable: (v, currency) => `"${v}" is not an amount in ${currency} that Credit Desk can read.`,
    amountNotPositive: 'The amount must be more than 0.',
    customerRequired: 'Enter a customer ID.',
    orderNotFound: (no, sheet) => `There is no order ${no} in ${sheet}.`,
    orderMismatch: (no, customer, amount) => `Order ${no} is for ${customer}, ${amount}: check that order before overriding it.`,
    notBlocked: (text) => `The check no longer blocks this (${text}): there is nothing to override.`,
    auditAction: 'Override BLOCK',
  },
  zh: {
    noteOk: (date) => `${date} 信用检查 OK：未超账期和额度，可以发货。`,
    noteWarn: (reasons, date) => `${date} 信用检查 WARN：${reasons}。\n可以发货，但请催收逾期款项，并控制订单金额。`,
    noteBlock: (reasons, approvers, date) =>
      `${date} 信用检查 BLOCK：${reasons}。\n请勿赊销发货。请要求预付或先收回逾期款；或请审批人（${approvers || '设置中未指定'}）在“扩展程序 > Credit Desk > 打开仪表板”的“订单检查”页中放行。`,
    noteOverride: (by, date, reason, blocked) => `${by} 于 ${date} 放行 BLOCK：${reason}\n检查结果为：${blocked}`,
    noteUnreadable: (problems) => `暂时无法检查此行：${problems}`,
    overrideCell: (by) => `OK（${by} 已放行）`,
    creditCheckHeader: '信用检查',
    recalcTokenKey: '重算标记',
    recalcTokenDescription: '信用档案每次变动时由信用管理自动更改。把它作为信用管理公式的最后一个参数，公式就会随之更新。',
    toastTitle: '信用管理',
    recalculated: (a1) =>
      a1 ? `已重新计算。最后一个参数为 ${a1} 的公式现在会更新。` : '已重新计算。请在设置中添加“重算标记”一行，并把它作为公式的最后一个参数，公式即可保持最新。',
    checked: (n) => `已检查 ${n} 个订单。`,
    selectOrders: (sheet) => `请先在“${sheet}”表中选择一个或多个订单行。`,
    noOrderSheet: '没有可检查的订单（或发票）工作表。',
    editFailed: (m) => `无法检查此次修改：${m}`,
    notIdentified: '信用管理无法识别您的身份（Google 在此未向插件提供您的邮箱），因此不能放行。请由本表格的所有者或本组织内的审批人放行。',
    notApprover: (approvers) => `只有设置中列出的审批人（${approvers || '未指定'}）可以放行 BLOCK。`,
    reasonRequired: '请填写放行理由。',
    amountUnreadable: (v, currency) => `无法识别金额“${v}”（请以 ${currency} 填写）。`,
    amountNotPositive: '金额必须大于 0。',
    customerRequired: '请输入客户编号。',
    orderNotFound: (no, sheet) => `“${sheet}”表中没有订单 ${no}。`,
    orderMismatch: (no, customer, amount) => `订单 ${no} 属于 ${customer}，金额 ${amount}：请先检查该订单再放行。`,
    notBlocked: (text) => `此检查现在不再是 BLOCK（${text}），无需放行。`,
    auditAction: '放行 BLOCK',
  },
};

export function cellsText(language: Language): CellsText {
  return CELLS_TEXT[language] ?? CELLS_TEXT.en;
}

/** Other names a Settings row may give the recalc token (besides each language's recalcTokenKey). */
export const RECALC_TOKEN_ALIASES: readonly string[] = ['Recalc', 'Recalculation Token', 'Refresh Token', '重算令牌', '刷新标记'];
