/**
 * Words the sidebar's server functions send back, in English and Chinese: the one-sentence "why"
 * of each score factor, invoice and reminder states on the customer card, and the messages of
 * FieldErrors from setCustomerFlags and saveSettings.
 */
import { formatMoney } from '../core/format';
import { isoOfDay } from '../core/dates';
import type { ScoreFactor } from '../core/score';
import type { Language } from './language';

const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`;
const num1 = (n: number): string => String(Math.round(n * 10) / 10);

/** One sentence saying why a factor gives its points, from the factor's detail figures. */
export function factorDetail(f: ScoreFactor, currency: string, language: Language): string {
  const d = f.detail;
  const money = (v: unknown): string => formatMoney(Number(v ?? 0), currency);
  const zh = language === 'zh';
  switch (f.factor) {
    case 'base':
      return zh ? `每位客户从 ${f.points} 分起评。` : `Every customer starts from ${f.points} points.`;
    case 'timeliness': {
      if (d.dbt === null || d.dbt === undefined) {
        return zh
          ? '还没有到期且付款日可知的发票，付款及时性按中性计。'
          : 'No invoice that fell due has a known paid day or is still open, so timeliness counts as neutral.';
      }
      const dbt = Number(d.dbt);
      const n = Number(d.invoices ?? 0);
      const all = d.window === 'all';
      if (zh) {
        const when = dbt > 0 ? `平均晚于账期 ${num1(dbt)} 天` : dbt < 0 ? `平均早于账期 ${num1(-dbt)} 天` : '平均按期';
        const which = all ? `近 12 个月没有到期的发票，按以往到期的全部 ${n} 张发票计：` : `近 12 个月到期的 ${n} 张发票`;
        return `${which}${when}（已付的按付款日，未付的按至今逾期天数；Paydex ${num1(Number(d.paydex ?? 0))}）。`;
      }
      const when = dbt > 0 ? `${num1(dbt)} days late on average` : dbt < 0 ? `${num1(-dbt)} days early on average` : 'on time on average';
      const which = all ? `all ${n} earlier invoice${n === 1 ? '' : 's'} (none fell due in the last 12 months)` : `${n} invoice${n === 1 ? '' : 's'} due in the last 12 months`;
      return `${when[0].toUpperCase()}${when.slice(1)} over ${which}, paid ones by their paid day and open ones by their lateness so far (Paydex ${num1(Number(d.paydex ?? 0))}).`;
    }
    case 'delinquency': {
      const overdue = Number(d.overdue ?? 0);
      if (overdue <= 0) return zh ? '目前没有逾期款项。' : 'Nothing is past due now.';
      const days = Number(d.oldestDaysPastDue ?? 0);
      // The share in the score is capped at 100%; the text says the real one, or that there were no sales.
      const sales = Number(d.threeMonthsSales ?? 0);
      if (sales <= 0) {
        return zh
          ? `目前逾期 ${money(overdue)}，最长逾期 ${days} 天；近 12 个月没有销售额，按 100% 计。`
          : `${money(overdue)} is past due now, the oldest ${days} days; with no sales in the last 12 months it counts as 100%.`;
      }
      const share = pct(overdue / sales);
      const capped = overdue > sales;
      return zh
        ? `目前逾期 ${money(overdue)}，最长逾期 ${days} 天，为三个月销售额的 ${share}${capped ? '（按 100% 计）' : ''}。`
        : `${money(overdue)} is past due now, the oldest ${days} days: ${share} of three months' sales${capped ? ' (counted as 100%)' : ''}.`;
    }
    case 'utilisation': {
      if (d.limit === null || d.limit === undefined) return zh ? '未设信用额度。' : 'No credit limit is set.';
      if (Number(d.limit) === 0) {
        return zh ? `现款客户（额度为 0），敞口 ${money(d.exposure)}。` : `Cash-only customer (limit 0) with exposure ${money(d.exposure)}.`;
      }
      return zh
        ? `敞口 ${money(d.exposure)}，为信用额度 ${money(d.limit)} 的 ${pct(Number(d.ratio ?? 0))}。`
        : `Exposure ${money(d.exposure)} is ${pct(Number(d.ratio ?? 0))} of the ${money(d.limit)} limit.`;
    }
    case 'relationship': {
      if (d.since === null || d.since === undefined) return zh ? '没有合作开始日期，也没有发票记录。' : 'No start date and no invoices on file.';
      const since = isoOfDay(Number(d.since));
      const fromInvoice = d.fromFirstInvoice === 'yes';
      return zh
        ? `合作 ${num1(Number(d.years ?? 0))} 年（自 ${since}${fromInvoice ? '，按首张发票计' : ''}）。`
        : `Customer for ${num1(Number(d.years ?? 0))} years (since ${since}${fromInvoice ? ', the first invoice' : ''}).`;
    }
    case 'disputes': {
      const disputed = Number(d.disputed ?? 0);
      if (disputed <= 0) return zh ? '近 12 个月没有争议发票。' : 'No disputed invoices in the last 12 months.';
      return zh
        ? `近 12 个月开票 ${money(d.invoiced)}，其中 ${money(disputed)} 有争议（${pct(Number(d.share ?? 0))}）。`
        : `${money(disputed)} of ${money(d.invoiced)} invoiced in the last 12 months is disputed (${pct(Number(d.share ?? 0))}).`;
    }
    case 'externalRating': {
      if (d.rating === null || d.rating === undefined) return zh ? '没有外部评级。' : 'No external rating on file.';
      return zh
        ? `外部评级 ${d.rating}，按 ${pct(Number(d.blend ?? 0))} 的比重计入。`
        : `External rating ${d.rating}, blended in at ${pct(Number(d.blend ?? 0))}.`;
    }
    case 'promises': {
      const broken = Number(d.broken ?? 0);
      if (broken <= 0) return zh ? '近 12 个月没有违约的还款承诺。' : 'No broken promises or plans in the last 12 months.';
      return zh
        ? `近 12 个月有 ${broken} 项还款计划或承诺未履行（计 ${Number(d.counted ?? broken)} 项，最多 3 项）。`
        : `${broken} repayment plan(s) or promise(s) broken in the last 12 months (${Number(d.counted ?? broken)} counted).`;
    }
    default:
      return '';
  }
}

export type InvoiceState = 'open' | 'overdue' | 'partPaid' | 'paid' | 'disputed';

const INVOICE_STATE: Record<Language, Record<InvoiceState, string>> = {
  en: { open: 'Open', overdue: 'Overdue', partPaid: 'Part paid', paid: 'Paid', disputed: 'Disputed' },
  zh: { open: '未到期', overdue: '逾期', partPaid: '部分付款', paid: '已付', disputed: '争议' },
};

export function invoiceStateText(s: InvoiceState, language: Language): string {
  return INVOICE_STATE[language][s];
}

const LOG_STATE: Record<Language, Record<string, string>> = {
  en: { pending: 'pending', sent: 'sent', failed: 'failed', skipped: 'skipped', unknown: 'outcome unknown' },
  zh: { pending: '待发送', sent: '已发送', failed: '失败', skipped: '已跳过', unknown: '结果未知' },
};

/** A Reminder Log state for people; an unknown word is shown as written. */
export function logStateText(state: string, language: Language): string {
  return LOG_STATE[language][state.trim().toLowerCase()] ?? state;
}

/** Messages of FieldErrors and refusals. */
export const SIDEBAR_TEXT: Record<Language, {
  notApprover: (approvers: string) => string;
  holdNeedsApprover: string;
  unknownCustomer: (id: string) => string;
  noCustomersSheet: string;
  badDate: string;
  pastDate: string;
  farDate: string;
  yes: string;
  no: string;
  field: Record<string, string>;
  edgesOrder: string;
  cutoffOrderB: string;
  cutoffOrderC: string;
  ladderOrder: (prev: number) => string;
  ladderEmpty: string;
  lineBreak: string;
  approverEmail: (bad: string) => string;
  weightUnknown: (key: string) => string;
}> = {
  en: {
    notApprover: (a) => `Only an approver listed in Settings or the spreadsheet owner can change this${a ? ` (approvers: ${a})` : ''}.`,
    holdNeedsApprover: 'Only an approver listed in Settings or the spreadsheet owner can put a customer on hold or lift it.',
    unknownCustomer: (id) => `Customer ${id} is not in the Customers sheet.`,
    noCustomersSheet: 'There is no Customers sheet. Run Set up credit file first.',
    badDate: 'Enter a date as YYYY-MM-DD, or leave it blank.',
    pastDate: 'The date must be today or later (reminders start again on it).',
    farDate: 'The date must be within ten years.',
    yes: 'Yes',
    no: 'No',
    field: {
      agingEdges: 'Enter whole numbers of days from 1 to 3650, at most 12, e.g. 30, 60, 90.',
      scoreWeights: 'Enter a weight from 0 to 5.',
      gradeCutoffs: 'Enter a score from 0 to 100.',
      holdThresholdDays: 'Enter a whole number of days from 1 to 365.',
      warnRatio: 'Enter a share above 0 and at most 1, e.g. 0.9.',
      approvers: 'Enter email addresses, one per line.',
      ladder: 'The ladder needs from 1 to 20 levels.',
      'ladder.days': 'Enter a whole number of days from -365 to 3650.',
      'ladder.audience': 'Choose Customer or Internal.',
      'ladder.name': 'Enter a name of at most 100 characters on one line.',
      'ladder.minOpen': 'Enter an amount of 0 or more.',
      'ladder.subjectEn': 'Enter a subject of at most 250 characters on one line.',
      'ladder.subjectZh': 'Enter a subject of at most 250 characters on one line.',
      'ladder.bodyEn': 'Enter a body of at most 5000 characters.',
      'ladder.bodyZh': 'Enter a body of at most 5000 characters.',
      '': 'This value cannot be saved.',
    },
    edgesOrder: 'The edges must go up, each larger than the one before.',
    cutoffOrderB: 'Grade B must need a lower score than grade A.',
    cutoffOrderC: 'Grade C must need a lower score than grade B.',
    ladderOrder: (prev) => `Days must be more than the level above (${prev}), so that levels go up in order.`,
    ladderEmpty: 'The ladder needs at least one level.',
    lineBreak: 'A subject or name cannot hold a line break.',
    approverEmail: (bad) => `Not an email address: ${bad}`,
    weightUnknown: (key) => `Unknown weight: ${key}`,
  },
  zh: {
    notApprover: (a) => `只有设置中的审批人或表格所有者可以修改此项${a ? `（审批人：${a}）` : ''}。`,
    holdNeedsApprover: '只有设置中的审批人或表格所有者可以冻结客户或解除冻结。',
    unknownCustomer: (id) => `客户 ${id} 不在客户表中。`,
    noCustomersSheet: '没有客户表。请先运行“建立信用档案”。',
    badDate: '请按 YYYY-MM-DD 填写日期，或留空。',
    pastDate: '日期不能早于今天（催收将于该日恢复）。',
    farDate: '日期须在十年以内。',
    yes: '是',
    no: '否',
    field: {
      agingEdges: '请填写 1 到 3650 之间的整数天数，最多 12 个，例如 30, 60, 90。',
      scoreWeights: '请填写 0 到 5 之间的权重。',
      gradeCutoffs: '请填写 0 到 100 之间的分数。',
      holdThresholdDays: '请填写 1 到 365 之间的整数天数。',
      warnRatio: '请填写大于 0 且不超过 1 的比例，例如 0.9。',
      approvers: '请填写邮箱地址，每行一个。',
      ladder: '催收阶梯须有 1 到 20 个级别。',
      'ladder.days': '请填写 -365 到 3650 之间的整数天数。',
      'ladder.audience': '请选择“客户”或“内部”。',
      'ladder.name': '名称须为一行，最多 100 个字符。',
      'ladder.minOpen': '请填写大于或等于 0 的金额。',
      'ladder.subjectEn': '主题须为一行，最多 250 个字符。',
      'ladder.subjectZh': '主题须为一行，最多 250 个字符。',
      'ladder.bodyEn': '正文最多 5000 个字符。',
      'ladder.bodyZh': '正文最多 5000 个字符。',
      '': '此值无法保存。',
    },
    edgesOrder: '分段须逐个增大。',
    cutoffOrderB: 'B 级的最低分须低于 A 级。',
    cutoffOrderC: 'C 级的最低分须低于 B 级。',
    ladderOrder: (prev) => `天数须大于上一级（${prev}），各级按天数从小到大排列。`,
    ladderEmpty: '催收阶梯至少需要一个级别。',
    lineBreak: '主题或名称不能换行。',
    approverEmail: (bad) => `不是有效的邮箱地址：${bad}`,
    weightUnknown: (key) => `未知的权重：${key}`,
  },
};
