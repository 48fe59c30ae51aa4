/** Words of statements of account (对账单): the sheet, the email and the monthly send. */
import type { Language } from './language';
import type { StatementLineKind } from '../core/statement';

export const STATEMENT_NAMES: Record<Language, string> = { en: 'Statement', zh: '对账单' };

export const STATEMENT_TEXT = {
  en: {
    title: 'Statement of account',
    customer: 'Customer',
    period: 'Period',
    to: 'to',
    currency: 'Currency',
    opening: 'Opening balance',
    closing: 'Closing balance',
    headers: ['Date', 'Type', 'Reference', 'Due Date', 'Charges', 'Credits', 'Balance'],
    kinds: { invoice: 'Invoice', 'credit-note': 'Credit note', refund: 'Credit refunded', payment: 'Payment', adjustment: 'Adjustment' } as Record<StatementLineKind, string>,
    dateUnknown: '(payment date not recorded)',
    agingAt: 'Aging at',
    total: 'Total open',
    unapplied: 'Unapplied credit',
    noLines: 'No transactions in this period.',
    moreLines: (n: number) => `… ${n} more lines (the statement sheet lists them all)`,
    positive: 'Balance due to us',
    negative: 'Balance in your favour',
    written: (id: string, from: string, to: string) => `Statement for ${id}, ${from} to ${to}, written to the Statement sheet.`,
    subject: (company: string, from: string, to: string) => `Statement of account ${from} to ${to}${company ? ` — ${company}` : ''}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (from: string, to: string) => `Please find below your statement of account for ${from} to ${to}.`,
    outro: 'If anything on it does not agree with your records, please reply to this email and we will look into it.',
    signoff: (company: string) => `Kind regards,\n${company}`,
    amountsIn: (currency: string) => `Amounts in ${currency}.`,
  },
  zh: {
    title: '对账单',
    customer: '客户',
    period: '期间',
    to: '至',
    currency: '币种',
    opening: '期初余额',
    closing: '期末余额',
    headers: ['日期', '类型', '单号', '到期日', '应收增加', '应收减少', '余额'],
    kinds: { invoice: '发票', 'credit-note': '红字发票/折让', refund: '退还贷项', payment: '收款', adjustment: '调整' } as Record<StatementLineKind, string>,
    dateUnknown: '（未记录收款日期）',
    agingAt: '账龄，截至',
    total: '未结合计',
    unapplied: '未核销款项',
    noLines: '本期没有交易。',
    moreLines: (n: number) => `……另有 ${n} 笔（对账单工作表中列出全部）`,
    positive: '贵方应付余额',
    negative: '贵方多付余额',
    written: (id: string, from: string, to: string) => `${id} 的对账单（${from} 至 ${to}）已写入“对账单”表。`,
    subject: (company: string, from: string, to: string) => `对账单 ${from} 至 ${to}${company ? ` — ${company}` : ''}`,
    greeting: (name: string) => `${name}：`,
    intro: (from: string, to: string) => `您好！以下是贵方 ${from} 至 ${to} 的对账单，请核对。`,
    outro: '如与贵方账目不符，请直接回复本邮件，我们会尽快核实。',
    signoff: (company: string) => `此致\n${company}`,
    amountsIn: (currency: string) => `金额单位：${currency}。`,
  },
} satisfies Record<Language, unknown>;

/** Messages of on-demand and monthly sends. */
export const STATEMENT_SEND_TEXT = {
  en: {
    sent: (to: string) => `Statement emailed to ${to}.`,
    noEmail: (id: string) => `Customer ${id} has no valid email address; nothing was sent.`,
    quota: 'The daily email quota is used up; try again tomorrow.',
    failed: (why: string) => `The email could not be sent: ${why}`,
    locked: 'Another Credit Desk run is sending emails; try again in a minute.',
    badPeriod: 'Give the period as two dates YYYY-MM-DD, the first not after the second.',
    notToday: (day: number) => `Monthly statements go on day ${day} of the month (Settings: Statement Day); nothing to do today.`,
    monthly: (month: string, sent: number, failed: number, skipped: number) =>
      `Monthly statements for ${month}: ${sent} sent, ${failed} failed, ${skipped} not sent.`,
    stopped: { quota: 'Stopped: the daily email quota ran out; the rest go on the next run.', time: 'Stopped before the time limit; the rest go on the next run.' },
  },
  zh: {
    sent: (to: string) => `对账单已发送至 ${to}。`,
    noEmail: (id: string) => `客户 ${id} 没有有效邮箱，未发送。`,
    quota: '今日邮件配额已用完，请明天再试。',
    failed: (why: string) => `邮件发送失败：${why}`,
    locked: '另一项信用管理任务正在发送邮件，请稍后再试。',
    badPeriod: '请用两个 YYYY-MM-DD 日期给出期间，开始日不得晚于结束日。',
    notToday: (day: number) => `每月对账单在每月 ${day} 日发送（设置：对账日），今天无需发送。`,
    monthly: (month: string, sent: number, failed: number, skipped: number) =>
      `${month} 月度对账单：已发送 ${sent}，失败 ${failed}，未发送 ${skipped}。`,
    stopped: { quota: '已停止：今日邮件配额已用完，其余将在下次运行时发送。', time: '已在时限前停止，其余将在下次运行时发送。' },
  },
} satisfies Record<Language, unknown>;

/** Setting keys for the day of the month statements go out (Settings sheet, key/value rows). */
export const STATEMENT_DAY_KEYS = ['Statement Day', '对账日', '对账单日', '对账单发送日'];
