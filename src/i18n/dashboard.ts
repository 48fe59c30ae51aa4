/** Words of the Dashboard, Watch List and Cash Forecast sheets, English and Chinese. */
import type { WatchKind, WatchLine } from '../core/watchlist';
import type { Language } from './language';

type Words = Record<Language, string>;

export const DASHBOARD_NAMES = {
  dashboard: { en: 'Dashboard', zh: '仪表板' },
  watch: { en: 'Watch List', zh: '风险预警' },
  forecast: { en: 'Cash Forecast', zh: '回款预测' },
} satisfies Record<string, Words>;

export const WATCH_KIND_TEXT: Record<Language, Record<WatchKind, string>> = {
  en: {
    'new-block': 'New BLOCK',
    'over-limit': 'Over limit',
    'overdue-hold': 'Overdue beyond hold threshold',
    'new-overdue': 'Newly overdue',
    'broken-promise': 'Broken promise',
    'grade-drop': 'Grade drop',
    'exposure-rise': 'Exposure rising fast',
  },
  zh: {
    'new-block': '新增冻结',
    'over-limit': '超出额度',
    'overdue-hold': '逾期超过冻结天数',
    'new-overdue': '新增逾期',
    'broken-promise': '违背还款承诺',
    'grade-drop': '评级下降',
    'exposure-rise': '敞口快速上升',
  },
};

/** One watch line as a sentence (the digest, the sheet's "What happened" column). */
export function watchLineText(l: WatchLine, language: Language): string {
  const who = language === 'zh' ? `${l.name}（${l.customerId}）` : `${l.name} (${l.customerId})`;
  const kind = WATCH_KIND_TEXT[language][l.kind];
  const sep = language === 'zh' ? '：' : ': ';
  const sp = language === 'zh' ? '' : ' ';
  switch (l.kind) {
    case 'new-block':
      return `${kind}${sep}${who}${sp}— ${l.detail}`;
    case 'over-limit':
      return language === 'zh'
        ? `${kind}${sep}${who}敞口 ${l.from} → ${l.to}，额度 ${l.detail}`
        : `${kind}${sep}${who} exposure ${l.from} → ${l.to}, limit ${l.detail}`;
    case 'overdue-hold':
      return language === 'zh'
        ? `${kind}${sep}${who}最长逾期 ${l.from} → ${l.to} 天（${l.detail}）`
        : `${kind}${sep}${who} most days past due ${l.from} → ${l.to} (${l.detail})`;
    case 'new-overdue':
      return language === 'zh'
        ? `${kind}${sep}${who}发票 ${l.detail} 已逾期 ${l.to} 天`
        : `${kind}${sep}${who} invoice ${l.detail} is ${l.to} days past due`;
    case 'broken-promise':
      return language === 'zh'
        ? `${kind}${sep}${who}${l.to ? `应付日 ${l.to}` : ''}${l.detail ? `（${l.detail}）` : ''}`
        : `${kind}${sep}${who}${l.to ? ` due ${l.to}` : ''}${l.detail ? ` (${l.detail})` : ''}`;
    case 'grade-drop':
      return `${kind}${sep}${who}${sp}${l.from} → ${l.to}`;
    case 'exposure-rise':
      return language === 'zh'
        ? `${kind}${sep}${who}敞口 ${l.from} → ${l.to}（${l.detail}）`
        : `${kind}${sep}${who} exposure ${l.from} → ${l.to} (${l.detail})`;
  }
}

export const WATCH_TEXT: Record<Language, {
  asOf: string;
  since: string;
  never: string;
  header: string[];
  none: string;
}> = {
  en: {
    asOf: 'As of',
    since: 'Changes since the run of',
    never: '(first run: nothing to compare with)',
    header: ['Customer', 'Customer ID', 'Alert', 'Was', 'Now', 'What happened', 'Exposure', 'Credit Limit', 'Max Days Past Due', 'Grade', 'Owner'],
    none: 'No customer crossed a line since the last run.',
  },
  zh: {
    asOf: '截至',
    since: '对比上次运行',
    never: '（首次运行，无可对比）',
    header: ['客户名称', '客户编号', '预警', '之前', '现在', '说明', '敞口', '信用额度', '最长逾期天数', '评级', '负责人'],
    none: '自上次运行以来，没有客户越过预警线。',
  },
};

export const DASHBOARD_TEXT: Record<Language, {
  title: string;
  asOf: string;
  baseCurrency: string;
  headline: string;
  measure: string;
  value: string;
  how: string;
  dsoCountback: string;
  dsoCountbackHow: string;
  dsoSimple: string;
  dsoSimpleHow: string;
  best: string;
  bestHow: string;
  add: string;
  addHow: string;
  cei90: string;
  ceiHow: string;
  ar: string;
  overdue: string;
  overdueShare: string;
  overdueShareHow: string;
  byOwner: string;
  ownerHeader: string[];
  noOwner: string;
  byMonth: string;
  monthHeader: string[];
  chartTrend: string;
  chartOwners: string;
  done: string;
}> = {
  en: {
    title: 'Credit Desk dashboard',
    asOf: 'As of',
    baseCurrency: 'Base currency',
    headline: 'Headline',
    measure: 'Measure',
    value: 'Value',
    how: 'How it is computed',
    dsoCountback: 'DSO (countback)',
    dsoCountbackHow: 'Headline DSO, countback method: receivables walked back over the months\' sales, days counted.',
    dsoSimple: 'DSO (simple, 90 days)',
    dsoSimpleHow: 'Receivables ÷ sales of the last 90 days × 90.',
    best: 'Best possible DSO',
    bestHow: 'Receivables not yet due ÷ sales of the last 90 days × 90.',
    add: 'Average days delinquent',
    addHow: 'DSO (simple) − best possible DSO.',
    cei90: 'CEI (last 90 days)',
    ceiHow: '(Beginning AR + sales − ending AR) ÷ (beginning AR + sales − ending current AR) × 100.',
    ar: 'Receivables',
    overdue: 'Overdue',
    overdueShare: 'Overdue share',
    overdueShareHow: 'Open amounts past due (disputed included) ÷ receivables.',
    byOwner: 'By owner (as of the day; CEI over the last 90 days)',
    ownerHeader: ['Owner', 'Customers', 'Receivables', 'Overdue', 'Overdue share', 'DSO (countback)', 'Best possible DSO', 'Average days delinquent', 'CEI', 'Sales (90 days)'],
    noOwner: '(no owner)',
    byMonth: 'Month by month (each month-end as of that day; CEI over the month)',
    monthHeader: ['Month', 'Month end', 'Receivables', 'Overdue', 'Overdue share', 'DSO (countback)', 'Best possible DSO', 'Average days delinquent', 'CEI', 'Sales', 'Collected'],
    chartTrend: 'DSO and CEI by month',
    chartOwners: 'Overdue share by owner',
    done: 'Dashboard written: {months} months, {owners} owners.',
  },
  zh: {
    title: '信用管理仪表板',
    asOf: '截至',
    baseCurrency: '本位币',
    headline: '核心指标',
    measure: '指标',
    value: '数值',
    how: '计算方法',
    dsoCountback: 'DSO（倒推法）',
    dsoCountbackHow: '核心 DSO，倒推法：用应收余额逐月倒扣各月销售额，累计天数。',
    dsoSimple: 'DSO（简单法，90 天）',
    dsoSimpleHow: '应收余额 ÷ 近 90 天销售额 × 90。',
    best: '最佳可能 DSO',
    bestHow: '未到期应收 ÷ 近 90 天销售额 × 90。',
    add: '平均逾期天数',
    addHow: 'DSO（简单法）− 最佳可能 DSO。',
    cei90: 'CEI（近 90 天）',
    ceiHow: '（期初应收 + 销售额 − 期末应收）÷（期初应收 + 销售额 − 期末未到期应收）× 100。',
    ar: '应收余额',
    overdue: '逾期金额',
    overdueShare: '逾期占比',
    overdueShareHow: '已逾期未收金额（含争议）÷ 应收余额。',
    byOwner: '按负责人（截至当日；CEI 为近 90 天）',
    ownerHeader: ['负责人', '客户数', '应收余额', '逾期金额', '逾期占比', 'DSO（倒推法）', '最佳可能 DSO', '平均逾期天数', 'CEI', '近 90 天销售额'],
    noOwner: '（未指定）',
    byMonth: '按月（各月末当日口径；CEI 为当月）',
    monthHeader: ['月份', '月末', '应收余额', '逾期金额', '逾期占比', 'DSO（倒推法）', '最佳可能 DSO', '平均逾期天数', 'CEI', '销售额', '回款'],
    chartTrend: '各月 DSO 与 CEI',
    chartOwners: '各负责人逾期占比',
    done: '仪表板已更新：{months} 个月，{owners} 位负责人。',
  },
};

export const FORECAST_TEXT: Record<Language, {
  asOf: string;
  baseCurrency: string;
  next: string;
  weekHeader: string[];
  total: string;
  later: string;
  catchUp: string;
  disputed: string;
  doubtful: string;
  delay: string;
  past: string;
  pastHeader: string[];
  noForecast: string;
  chartNext: string;
  chartPast: string;
  expected: string;
  forecast: string;
  actual: string;
  done: string;
}> = {
  en: {
    asOf: 'As of',
    baseCurrency: 'Base currency',
    next: 'Expected collections, next 13 weeks (Monday to Sunday)',
    weekHeader: ['Week', 'Week starting', 'Week ending', 'Expected', 'Invoices', 'Cumulative'],
    total: 'Total',
    later: 'Expected after week 13',
    catchUp: 'In week 1: late against the customer\'s own pattern',
    disputed: 'Disputed: not forecast',
    doubtful: 'More than {days} days past due: not forecast',
    delay: 'Portfolio average delay past due (days), for customers with no payment history',
    past: 'Past 8 weeks: forecast vs actual',
    pastHeader: ['Week starting', 'Week ending', 'Forecast made on', 'Forecast', 'Actual', 'Difference', 'Actual ÷ forecast'],
    noForecast: 'no forecast',
    chartNext: 'Expected collections by week',
    chartPast: 'Forecast vs actual by week',
    expected: 'Expected',
    forecast: 'Forecast',
    actual: 'Actual',
    done: 'Cash forecast written: {total} expected over 13 weeks.',
  },
  zh: {
    asOf: '截至',
    baseCurrency: '本位币',
    next: '未来 13 周预计回款（周一至周日）',
    weekHeader: ['周次', '周起始日', '周结束日', '预计回款', '发票数', '累计'],
    total: '合计',
    later: '第 13 周以后预计回款',
    catchUp: '第 1 周中：已晚于客户自身付款习惯的部分',
    disputed: '争议发票：未计入预测',
    doubtful: '逾期超过 {days} 天：未计入预测',
    delay: '整体平均逾期天数（用于无付款记录的客户）',
    past: '过去 8 周：预测与实际',
    pastHeader: ['周起始日', '周结束日', '预测日期', '预测回款', '实际回款', '差额', '实际 ÷ 预测'],
    noForecast: '无预测',
    chartNext: '各周预计回款',
    chartPast: '各周预测与实际回款',
    expected: '预计回款',
    forecast: '预测回款',
    actual: '实际回款',
    done: '回款预测已更新：未来 13 周预计回款 {total}。',
  },
};
