/**
 * A fixture server for the sidebar: realistic data typed by src/sidebar/api.ts, English or
 * Chinese, with a customer whose name is an XSS payload and Chinese names. It keeps state (flags,
 * schedule, settings) and records every call so tests can assert what the sidebar sent.
 */
import type {
  ActionType, CashForecastView, CheckResultView, CollectionActionInput, CollectionActionView, CustomerCard, CustomerPlans, Dashboard,
  DueTodayView, EvidenceResult, FieldErrors, Lang, LadderLevelView, LogActionResult, MoneyValue, PreviewEmail,
  ReminderPanel, RiskyCustomer, ScheduleState, SettingsView, StatementSendResult, StatementView, WatchLineView, WatchListView,
} from '../../src/sidebar/api';
import type { Backend } from './harness';

/** The payload a test traps: if it ever runs, window.__xss is set. */
export const XSS_NAME = '<img src=x onerror="window.__xss=1">';

export interface FixtureOptions {
  language?: Lang;
  isApprover?: boolean;
  /** Milliseconds to wait before answering, by function name. */
  delays?: Record<string, number>;
  /** Make a function throw this message. */
  failures?: Record<string, string>;
}

export interface Call { fn: string; args: unknown[] }

interface Cust {
  id: string; name: string; score: number; grade: 'A' | 'B' | 'C' | 'D';
  limit: number | null; exposure: number; overdue: number; dpd: number; onHold: boolean; pausedUntil: string | null;
  email: string;
}

const CNY = 'CNY';
const m = (major: number): number => Math.round(major * 100);
const money = (minor: number): MoneyValue => ({ minor, currency: CNY });
/** Locale-free money as the server's messages write it: 1,234.56 CNY. */
const plain = (minor: number): string => `${(minor / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} CNY`;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const AS_OF = '2025-03-14';
/** The user at the keyboard in the fixture: whose "due today" list the sidebar shows. */
export const FIXTURE_USER = 'li.wei@example.cn';

const ACTION_TYPES: ActionType[] = ['reminder', 'call', 'letter', 'visit', 'dispute', 'legal', 'promise', 'note'];
const TYPE_WORDS: Record<ActionType, [string, string]> = {
  reminder: ['Reminder', '催收提醒'], call: ['Call', '电话'], letter: ['Letter', '信函'], visit: ['Visit', '上门拜访'],
  dispute: ['Dispute', '争议'], legal: ['Legal', '法律程序'], promise: ['Promise', '承诺付款'], note: ['Note', '备注'],
};

/** Adds days to 'YYYY-MM-DD'. */
function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function customers(): Cust[] {
  return [
    { id: 'C001', name: '上海华东贸易有限公司', score: 42, grade: 'C', limit: m(200000), exposure: m(186500), overdue: m(58200), dpd: 47, onHold: false, pausedUntil: null, email: 'ap@huadong-trade.cn' },
    { id: 'C002', name: 'Northwind Traders', score: 71, grade: 'B', limit: m(150000), exposure: m(92300), overdue: m(12000), dpd: 9, onHold: false, pausedUntil: null, email: 'accounts@northwind.example' },
    { id: 'C003', name: XSS_NAME, score: 35, grade: 'D', limit: m(50000), exposure: m(61250), overdue: m(61250), dpd: 95, onHold: true, pausedUntil: null, email: 'x@evil.example' },
    { id: 'C004', name: '深圳明达电子科技', score: 58, grade: 'C', limit: m(300000), exposure: m(240000), overdue: m(30000), dpd: 22, onHold: false, pausedUntil: null, email: 'cw@mingda-sz.cn' },
    { id: 'C005', name: 'Acme & Sons <Ltd>', score: 88, grade: 'A', limit: m(100000), exposure: m(20000), overdue: 0, dpd: 0, onHold: false, pausedUntil: '2025-03-31', email: 'pay@acme.example' },
    { id: 'C006', name: '北京远航物流', score: 64, grade: 'B', limit: null, exposure: m(45000), overdue: m(5000), dpd: 3, onHold: false, pausedUntil: null, email: '' },
  ];
}

function defaultSettings(): SettingsView {
  const level = (days: number, audience: 'customer' | 'internal', name: string, en: string, zh: string): LadderLevelView => ({
    days, audience, name, minOpen: 0,
    subjectEn: `${en}: {{total_due}} — {{company}}`,
    bodyEn: `Dear {{customer_name}},\n\n${en} for the invoices below:\n\n{{invoice_table}}\n\nAmount: {{total_due}}.\n\nKind regards,\n{{company}}`,
    subjectZh: `${zh}：{{total_due}} — {{company}}`,
    bodyZh: `{{customer_name}} 您好：\n\n${zh}，详见以下发票：\n\n{{invoice_table}}\n\n金额：{{total_due}}。\n\n此致\n{{company}}`,
  });
  return {
    agingEdges: [30, 60, 90],
    scoreWeights: { timeliness: 1, delinquency: 1, utilisation: 1, relationship: 1, disputes: 1, externalRating: 1 },
    gradeCutoffs: { A: 80, B: 60, C: 40 },
    holdThresholdDays: 60,
    warnRatio: 0.9,
    approvers: ['li.wei@example.cn', 'finance@example.com'],
    ladder: [
      level(-3, 'customer', 'Courtesy reminder', 'Payment reminder', '付款提醒'),
      level(1, 'customer', 'Overdue notice', 'Overdue notice', '逾期通知'),
      level(15, 'customer', 'Second notice', 'Second notice', '第二次催款通知'),
      level(30, 'customer', 'Final notice', 'Final notice', '最后催款通知'),
      level(45, 'internal', 'Internal escalation', 'Escalation', '内部升级'),
    ],
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function createFixtureBackend(opts: FixtureOptions = {}) {
  const lang: Lang = opts.language ?? 'en';
  const L = (en: string, zh: string): string => (lang === 'zh' ? zh : en);
  const calls: Call[] = [];
  const state = {
    customers: customers(),
    /** The customer of the "selected row" for getCustomerCard(null). */
    selectedRow: 'C001' as string | null,
    isApprover: opts.isApprover ?? true,
    schedule: {
      installed: true, hour: 9, timeZone: 'Asia/Shanghai', lastRun: '2025-03-14T09:02:11+08:00',
      lastOutcome: L('sent 4, skipped 2, failed 0', '已发送 4，跳过 2，失败 0'),
    } as ScheduleState,
    settings: defaultSettings(),
    sent: false,
    unknown: [{ key: 'INV-2025-0081|+15', invoiceNo: 'INV-2025-0081', customerId: 'C004', level: '+15', time: '2025-03-13T09:01:40+08:00' }],
    /** Errors the next saveSettings returns instead of validating (tests). */
    nextSaveErrors: null as Record<string, string> | null,
    /** The Collections Log, oldest first (row 2 is the first). */
    log: [] as CollectionActionView[],
  };
  const find = (id: string): Cust | undefined => state.customers.find((c) => c.id === id.trim().toUpperCase());

  const agingLabels = lang === 'zh' ? ['未到期', '1–30天', '31–60天', '61–90天', '90天以上'] : ['Current', '1–30', '31–60', '61–90', '90+'];

  function risky(c: Cust): RiskyCustomer {
    return { id: c.id, name: c.name, score: c.score, grade: c.grade, overdue: money(c.overdue), exposure: money(c.exposure), limit: c.limit === null ? null : money(c.limit), maxDaysPastDue: c.dpd };
  }

  function dashboard(): Dashboard {
    const receivable = state.customers.reduce((s, c) => s + c.exposure, 0);
    const overdue = state.customers.reduce((s, c) => s + c.overdue, 0);
    return {
      language: lang, locale: lang === 'zh' ? 'zh-CN' : 'en-US', currency: CNY, asOf: AS_OF,
      receivable: money(receivable), overdue: money(overdue), overdueShare: overdue / receivable, dso: 41,
      aging: { labels: agingLabels, amounts: [receivable - overdue, m(47000), m(58200), 0, m(61250)] },
      riskiest: [...state.customers].sort((a, b) => a.score - b.score).slice(0, 5).map(risky),
      schedule: { ...state.schedule }, problemCount: 2, isApprover: state.isApprover, canOverride: state.isApprover,
    };
  }

  function card(c: Cust): CustomerCard {
    const factors = [
      { name: L('Payment timeliness', '付款及时性'), points: 12.5, detail: L('Paid 14 of 20 invoices on time in the last 12 months.', '近 12 个月 20 张发票中有 14 张按时付款。') },
      { name: L('Current delinquency', '当前逾期'), points: c.dpd > 30 ? -18 : -4, detail: L(`Oldest open invoice is ${c.dpd} days past due.`, `最早的未付发票已逾期 ${c.dpd} 天。`) },
      { name: L('Credit limit utilisation', '额度使用率'), points: c.limit && c.exposure > c.limit ? -10 : 4, detail: L('Exposure against the credit limit.', '敞口相对信用额度。') },
      { name: L('Relationship length', '合作时长'), points: 8, detail: L(`Customer since 2019; name on file: ${c.name}`, `2019 年起合作；档案名称：${c.name}`) },
      { name: L('Disputes', '争议'), points: 0, detail: L('No disputes in the last year.', '近一年无争议。') },
    ];
    const limit = c.limit === null ? null : money(c.limit);
    return {
      id: c.id, name: c.name, score: c.score, grade: c.grade, factors, limit, exposure: money(c.exposure),
      available: c.limit === null ? null : money(c.limit - c.exposure), utilisation: c.limit ? c.exposure / c.limit : null,
      aging: { labels: agingLabels, amounts: [c.exposure - c.overdue, Math.round(c.overdue * 0.2), Math.round(c.overdue * 0.5), 0, c.overdue - Math.round(c.overdue * 0.2) - Math.round(c.overdue * 0.5)] },
      invoices: [
        { no: 'INV-2025-0081', invoiceDate: '2024-12-01', dueDate: '2025-01-26', amount: money(Math.round(c.overdue * 0.6) || m(8000)), open: money(Math.round(c.overdue * 0.6)), daysPastDue: c.dpd, status: L('Overdue', '逾期') },
        { no: 'INV-2025-0107', invoiceDate: '2025-02-10', dueDate: '2025-03-12', amount: money(Math.round(c.overdue * 0.4) || m(5000)), open: money(Math.round(c.overdue * 0.4)), daysPastDue: Math.min(c.dpd, 2), status: L('Part paid', '部分付款') },
        { no: 'INV-2025-0142', invoiceDate: '2025-03-05', dueDate: '2025-04-04', amount: money(c.exposure - c.overdue), open: money(c.exposure - c.overdue), daysPastDue: 0, status: L('Open', '未到期') },
      ],
      payments: [
        { date: '2025-03-02', amount: money(m(15000)), invoiceNo: 'INV-2025-0107' },
        { date: '2025-02-11', amount: money(m(32800)), invoiceNo: 'INV-2024-0990' },
      ],
      reminders: [
        { time: '2025-03-13T09:01:40+08:00', level: '+15', state: L('sent', '已发送'), invoiceNo: 'INV-2025-0081', reason: '' },
        { time: '2025-02-27T09:00:12+08:00', level: '+1', state: L('skipped', '已跳过'), invoiceNo: 'INV-2025-0081', reason: L('Reminders paused', '催收已暂停') },
      ],
      onHold: c.onHold, remindersPausedUntil: c.pausedUntil,
      recommendation: { limit: c.grade === 'D' ? null : money(m(c.grade === 'A' ? 180000 : 120000)), termsDays: c.grade === 'D' ? 0 : 30, prepayment: c.grade === 'D' },
    };
  }

  function check(id: string, amountText: string): CheckResultView {
    const c = find(id);
    if (!c) throw new Error(L(`Unknown customer ID: ${id}`, `未知的客户编号：${id}`));
    const clean = amountText.replace(/[,\s]/g, '');
    if (!/^\d+(\.\d{1,2})?$/.test(clean)) throw new Error(L(`Not an amount: ${amountText}`, `不是有效金额：${amountText}`));
    const amount = Math.round(Number(clean) * 100);
    const after = c.exposure + amount;
    const block: string[] = [];
    const warn: string[] = [];
    if (c.onHold) block.push(L(`${c.name} is on hold.`, `${c.name} 已冻结。`));
    if (c.dpd > state.settings.holdThresholdDays) block.push(L(`An invoice is ${c.dpd} days overdue (hold after ${state.settings.holdThresholdDays}).`, `有发票已逾期 ${c.dpd} 天（超过 ${state.settings.holdThresholdDays} 天即暂停）。`));
    if (c.limit !== null && after > c.limit) block.push(L(`Exposure after the order, ${plain(after)}, is over the limit of ${plain(c.limit)}.`, `下单后敞口 ${plain(after)} 超过信用额度 ${plain(c.limit)}。`));
    else if (c.limit !== null && after > c.limit * state.settings.warnRatio) warn.push(L(`Exposure after the order reaches ${Math.round((after / c.limit) * 100)}% of the limit.`, `下单后敞口达到额度的 ${Math.round((after / c.limit) * 100)}%。`));
    if (c.overdue > 0 && block.length === 0) warn.push(L(`${plain(c.overdue)} is overdue.`, `已有 ${plain(c.overdue)} 逾期。`));
    const verdict = block.length ? 'BLOCK' : warn.length ? 'WARN' : 'OK';
    const reasons = block.length ? block : warn;
    return {
      verdict, text: verdict === 'OK' ? 'OK' : `${verdict}: ${reasons.join(' ')}`, reasons,
      exposureAfter: money(after), limit: c.limit === null ? null : money(c.limit),
    };
  }

  function emailHtml(c: Cust, subject: string, extra = ''): string {
    return `<div style="font-family:Arial,sans-serif;font-size:13px"><p>${esc(L(`Dear ${c.name},`, `${c.name} 您好：`))}</p>`
      + `<p>${esc(L('Our records show the following invoices are past due:', '根据我们的记录，以下发票已逾期：'))}</p>`
      + `<table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>${esc(L('Invoice', '发票号'))}</th><th>${esc(L('Open', '未付'))}</th></tr>`
      + `<tr><td>INV-2025-0081</td><td>${esc(plain(c.overdue))}</td></tr></table>`
      + `<p>${esc(subject)}</p>${extra}<p>${esc(L('Kind regards,', '此致'))}<br>Credit Desk Demo Co.</p></div>`;
  }

  function reminderPanel(): ReminderPanel {
    const pick = ['C002', 'C001', 'C003'].map((id) => find(id)!);
    const emails: PreviewEmail[] = state.sent ? [] : pick.map((c, i) => {
      const subject = L(`Overdue notice: ${plain(c.overdue)} past due — ${c.name}`, `逾期通知：${plain(c.overdue)} 已逾期 — ${c.name}`);
      // The last email carries a script, as if the server had failed to escape: the sandbox must still stop it.
      const extra = i === 2 ? '<script>try{window.parent.__xss=2}catch(e){}</script>' : '';
      return {
        customerId: c.id, customerName: c.name, level: i === 0 ? '+1' : '+15', to: c.email, cc: i === 1 ? 'sales.li@example.cn' : '',
        subject, htmlBody: emailHtml(c, subject, extra), body: subject, invoiceNos: ['INV-2025-0081', 'INV-2025-0107'],
      };
    });
    return {
      asOf: AS_OF, emails,
      skips: [
        { invoiceNo: 'INV-2025-0107', customerId: 'C005', level: '+1', reason: L('Reminders paused until 2025-03-31.', '暂停催收至 2025-03-31。') },
        { invoiceNo: 'INV-2025-0093', customerId: 'C006', level: '+15', reason: L('No email address for this customer.', '该客户没有邮箱地址。') },
      ],
      unknown: state.unknown.map((u) => ({ ...u })), schedule: { ...state.schedule }, quotaRemaining: 96,
    };
  }

  function validate(s: SettingsView): Record<string, string> {
    const e: Record<string, string> = {};
    if (!(s.warnRatio > 0 && s.warnRatio <= 1)) e.warnRatio = L('Must be more than 0 and at most 1.', '必须大于 0 且不超过 1。');
    s.agingEdges.forEach((d, i) => { if (d <= 0 || (i > 0 && d <= s.agingEdges[i - 1])) e.agingEdges = L('Edges must be positive and increasing.', '分段必须为正数且递增。'); });
    for (const [k, v] of Object.entries(s.scoreWeights)) if (v < 0 || v > 10) e[`scoreWeights.${k}`] = L('Between 0 and 10.', '须在 0 到 10 之间。');
    if (!(s.gradeCutoffs.A > s.gradeCutoffs.B && s.gradeCutoffs.B > s.gradeCutoffs.C)) e['gradeCutoffs.A'] = L('A > B > C.', '须满足 A > B > C。');
    s.ladder.forEach((l, i) => {
      const prev = s.ladder.slice(0, i).filter((p) => p.audience === l.audience).pop();
      if (prev && l.days <= prev.days) e[`ladder.${i}.days`] = L(`Must be after the previous ${l.audience} level (${prev.days}).`, `必须晚于上一级（${prev.days}）。`);
      if (!l.subjectEn.trim()) e[`ladder.${i}.subjectEn`] = L('Required.', '必填。');
    });
    return e;
  }

  function preview(level: LadderLevelView, language: Lang): { subject: string; htmlBody: string } {
    const values: Record<string, string> = {
      customer_name: 'Northwind Traders', customer_id: 'C002', total_due: plain(m(12000)), total_open: plain(m(92300)),
      max_days_overdue: '9', owner: 'Li Wei', company: 'Credit Desk Demo Co.', as_of: AS_OF, level: level.name,
    };
    const fillIn = (text: string, html: boolean): string => text.replace(/\{\{(\w+)\}\}/g, (all, k: string) => {
      if (k === 'invoice_table') return html ? '<table border="1" cellpadding="4"><tr><td>INV-2025-0081</td><td>12,000.00 CNY</td></tr></table>' : 'INV-2025-0081  12,000.00 CNY';
      return k in values ? (html ? esc(values[k]) : values[k]) : all;
    });
    const subject = fillIn(language === 'zh' ? level.subjectZh : level.subjectEn, false);
    const body = language === 'zh' ? level.bodyZh : level.bodyEn;
    const html = body.split(/\n{2,}/).map((p) => {
      const escaped = esc(p).replace(/\{\{invoice_table\}\}/g, '{{invoice_table}}');
      return p.includes('{{invoice_table}}') ? fillIn(escaped, true) : `<p>${fillIn(escaped, true).replace(/\n/g, '<br>')}</p>`;
    }).join('');
    return { subject, htmlBody: `<div style="font-family:Arial,sans-serif;font-size:13px">${html}</div>` };
  }


  // ------------------------------------------------------------ collections workbench

  const typeText = (t: ActionType): string => TYPE_WORDS[t][lang === 'zh' ? 1 : 0];
  const logged = (customerId: string, type: ActionType, date: string, summary: string, outcome: string, nextAction: string, nextActionDate: string | null, owner = FIXTURE_USER): CollectionActionView => ({
    source: 'log', date, customerId, type, typeText: typeText(type), summary, outcome, nextAction, nextActionDate, owner, loggedBy: owner,
  });
  state.log.push(
    logged('C001', 'call', '2025-03-07', L('Called the AP clerk about INV-2025-0081', '致电财务询问 INV-2025-0081'), L('Promised to pay next week', '承诺下周付款'), L('Check the payment', '核对付款'), '2025-03-14'),
    logged('C003', 'letter', '2025-03-03', XSS_NAME, L('No answer', '无回复'), L('Call the director', '致电董事'), '2025-03-10'),
    logged('C002', 'visit', '2025-03-10', L('Visited the warehouse', '上门拜访仓库'), '', L('Send the statement', '发送对账单'), '2025-03-20'),
    logged('C004', 'call', '2025-03-12', L('Asked for a plan', '商谈还款计划'), '', L('Agree the plan', '确定还款计划'), '2025-03-13', 'zhang.min@example.cn'),
  );

  function watchList(): WatchListView {
    const c = (id: string) => find(id)!;
    const line = (id: string, kind: WatchLineView['kind'], from: string, to: string, text: string): WatchLineView => {
      const cu = c(id);
      return {
        customerId: cu.id, key: cu.id, name: cu.name, owner: FIXTURE_USER, kind, from, to,
        exposure: cu.exposure, limit: cu.limit, maxDaysPastDue: cu.dpd, grade: cu.grade, text,
        label: L(kind, kind), // the server's own label; the sidebar shows its words for the kind
      };
    };
    // Deliberately not in severity order: the sidebar sorts.
    const lines = [
      line('C002', 'exposure-rise', plain(m(45000)), plain(m(92300)), L('Exposure rising fast: Northwind Traders (C002) 45,000.00 CNY → 92,300.00 CNY (+105%)', '敞口快速上升：Northwind Traders（C002）45,000.00 CNY → 92,300.00 CNY（+105%）')),
      line('C003', 'overdue-hold', '58', '95', L(`Overdue beyond hold threshold: ${XSS_NAME} (C003) most days past due 58 → 95 (INV-2025-0081)`, `逾期超过冻结天数：${XSS_NAME}（C003）最长逾期 58 → 95 天（INV-2025-0081）`)),
      line('C001', 'new-block', 'WARN', 'BLOCK', L('New BLOCK: 上海华东贸易有限公司 (C001) — BLOCK: an invoice is 47 days overdue.', '新增冻结：上海华东贸易有限公司（C001）— 拦截：有发票逾期 47 天。')),
      line('C001', 'over-limit', plain(m(176500)), plain(m(206500)), L('Over limit: 上海华东贸易有限公司 (C001) exposure 176,500.00 CNY → 206,500.00 CNY, limit 200,000.00 CNY', '超出额度：上海华东贸易有限公司（C001）敞口 176,500.00 CNY → 206,500.00 CNY，额度 200,000.00 CNY')),
      line('C004', 'grade-drop', 'B', 'C', L('Grade drop: 深圳明达电子科技 (C004) B → C', '评级下降：深圳明达电子科技（C004）B → C')),
      line('C006', 'broken-promise', '', '2025-03-10', L('Broken promise: 北京远航物流 (C006) due 2025-03-10 (PR-3)', '违背还款承诺：北京远航物流（C006）应付日 2025-03-10（PR-3）')),
    ];
    return { language: lang, asOf: AS_OF, since: '2025-03-13', currency: CNY, lines };
  }

  /** Expected per week, majors: 13 weeks from Monday 2025-03-10. */
  const FORECAST_WEEKS = [58200, 12000, 0, 30500, 47000, 8000, 15500, 0, 22000, 61250, 5000, 0, 9800];
  function cashForecast(): CashForecastView {
    const weeks = FORECAST_WEEKS.map((major, i) => ({ start: addDays('2025-03-10', 7 * i), end: addDays('2025-03-10', 7 * i + 6), expected: m(major), invoices: major ? 1 + (i % 3) : 0 }));
    const past = [null, null, 30000, 12000, 0, 25000, 18000, 40000].map((f, i) => {
      const actual = [m(21750.5), 0, m(28000), m(12000), m(3000), m(20000), m(18000), m(33500)][i];
      const forecast = f === null ? null : m(f);
      return { start: addDays('2025-01-13', 7 * i), end: addDays('2025-01-13', 7 * i + 6), madeOn: f === null ? null : addDays('2025-01-13', 7 * i - 7), forecast, actual, difference: forecast === null ? null : actual - forecast };
    });
    return {
      language: lang, asOf: AS_OF, currency: CNY, weeks, total: weeks.reduce((a, w) => a + w.expected, 0),
      later: m(20000), catchUp: m(58200), disputed: m(9000), doubtful: m(61250), doubtfulDays: 90, portfolioDelay: 12, past,
    };
  }

  function lastFullMonth(): { from: string; to: string } {
    return { from: '2025-02-01', to: '2025-02-28' };
  }

  /** Opening 20,000 + 15,000 − 12,000 − 1,500 − 500 = closing 21,000 (every customer, any period). */
  function statementOf(id: string, fromIso: string | null, toIso: string | null): StatementView {
    const c = find(String(id ?? ''));
    if (!c) throw new Error(L(`No customer with the ID ${id}.`, `没有编号为 ${id} 的客户。`));
    const period = !fromIso && !toIso ? lastFullMonth() : { from: fromIso || '', to: toIso || AS_OF };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to) || period.to < period.from) {
      throw new Error(L('The period is not valid: the first day must be on or before the last.', '期间无效：开始日期不能晚于结束日期。'));
    }
    const kinds: Record<string, [string, string]> = { invoice: ['Invoice', '发票'], payment: ['Payment', '收款'], 'credit-note': ['Credit note', '红字发票/折让'] };
    const line = (offset: number, kind: string, reference: string, debit: number, credit: number, balance: number, dateKnown = true) => ({
      date: dateKnown ? addDays(period.from, offset) : period.to, kind, kindText: kinds[kind][lang === 'zh' ? 1 : 0], reference,
      dueDate: kind === 'invoice' ? addDays(period.from, offset + 30) : null, debit, credit, balance, dateKnown,
    });
    return {
      customerId: c.id, name: c.name, currency: CNY, from: period.from, to: period.to, opening: m(20000), closing: m(21000),
      lines: [
        line(4, 'invoice', 'INV-2025-0107', m(15000), 0, m(35000)),
        line(11, 'payment', 'INV-2025-0081', 0, m(12000), m(23000)),
        line(19, 'credit-note', 'CN-2025-004', 0, m(1500), m(21500)),
        line(0, 'payment', 'INV-2024-0990', 0, m(500), m(21000), false),
      ],
      aging: { labels: agingLabels, buckets: [m(6000), m(15000), 0, 0, 0], total: m(21000), unappliedCredit: 0 },
      reconciled: true,
    };
  }

  function emailStatement(id: string, fromIso: string | null, toIso: string | null): StatementSendResult {
    const st = statementOf(id, fromIso, toIso);
    const c = find(id)!;
    const subject = L(`Statement of account ${st.from} to ${st.to} — Credit Desk Demo Co.`, `对账单 ${st.from} 至 ${st.to} — Credit Desk Demo Co.`);
    if (!c.email) return { status: 'no-email', to: '', subject, key: '', message: L(`${c.id} has no email address: nothing sent.`, `${c.id} 没有邮箱地址：未发送。`) };
    return { status: 'sent', to: c.email, subject, key: `STMT|${c.id}|${st.from}..${st.to}|M1`, message: L(`Statement for ${c.id} sent to ${c.email}.`, `${c.id} 的对账单已发送至 ${c.email}。`) };
  }

  function evidencePack(id: string): EvidenceResult {
    const c = find(String(id ?? ''));
    if (!c) throw new Error(L(`No customer with the ID ${id}.`, `没有编号为 ${id} 的客户。`));
    const sheet = L(`Evidence ${c.id}`, `证据材料 ${c.id}`);
    return { sheet, customerId: c.id, invoices: 3, emails: 2, actions: state.log.filter((a) => a.customerId === c.id).length, plans: 1, closing: c.exposure, message: L(`Evidence pack for ${c.id} written to the sheet ${sheet}.`, `${c.id} 的证据材料已写入“${sheet}”表。`) };
  }

  function logAction(entry: CollectionActionInput): LogActionResult {
    const e: Record<string, string> = {};
    const v = (k: keyof CollectionActionInput): string => String(entry?.[k] ?? '').trim();
    const c = v('customerId') ? find(v('customerId')) : undefined;
    if (!v('customerId')) e.customerId = L('Required.', '必填。');
    else if (!c) e.customerId = L('No customer with this ID in the Customers sheet.', '客户表中没有这个客户编号。');
    const type = ACTION_TYPES.find((t) => t === v('type') || TYPE_WORDS[t].includes(v('type')));
    if (!type) e.type = L('Choose one of: Reminder, Call, Letter, Visit, Dispute, Legal, Promise, Note.', '请选择：催收提醒、电话、信函、上门拜访、争议、法律程序、承诺付款、备注。');
    if (!v('summary')) e.summary = L('Required.', '必填。');
    const next = v('nextActionDate');
    if (next && !/^\d{4}-\d{2}-\d{2}$/.test(next)) e.nextActionDate = L('Write the date as YYYY-MM-DD, e.g. 2026-11-20.', '请按 YYYY-MM-DD 填写日期，例如 2026-11-20。');
    else if (next && next < AS_OF) e.nextActionDate = L('The next action date cannot be before the action itself.', '下一步日期不能早于本次跟进日期。');
    if (v('nextAction') && !next && !e.nextActionDate) e.nextActionDate = L('Give the date of the next action.', '请填写下一步的日期。');
    if (!v('nextAction') && next) e.nextAction = L('Say what the next action is.', '请填写下一步做什么。');
    if (v('owner') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v('owner'))) e.owner = L('Write one email address, e.g. name@example.com.', '请填写一个邮箱地址，例如 name@example.com。');
    if (Object.keys(e).length || !c || !type) return { ok: false, errors: e };
    const action = logged(c.id, type, AS_OF, v('summary'), v('outcome'), v('nextAction'), next || null, v('owner') || FIXTURE_USER);
    state.log.push(action);
    return { ok: true, row: state.log.length + 1, action };
  }

  function history(id: string): CollectionActionView[] {
    const key = String(id ?? '').trim().toUpperCase();
    const emails: CollectionActionView[] = key === 'C001' || key === 'C003' ? [{
      source: 'reminders', date: '2025-03-13', customerId: key, type: 'reminder', typeText: typeText('reminder'),
      summary: L('Second notice (+15): INV-2025-0081', '第二次催款通知（+15）：INV-2025-0081'), outcome: L('sent', '已发送'),
      nextAction: '', nextActionDate: null, owner: '', loggedBy: '',
    }] : [];
    return [...state.log.filter((a) => a.customerId === key), ...emails].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  }

  function dueToday(owner?: string | null): DueTodayView {
    const who = owner === undefined || owner === null ? FIXTURE_USER : owner === '' || owner === 'all' ? null : owner;
    // The latest logged action of each customer carries its next action.
    const latest = new Map<string, CollectionActionView>();
    for (const a of state.log) latest.set(a.customerId, a);
    const items = [...latest.values()]
      .filter((a) => a.nextActionDate && a.nextActionDate <= AS_OF && (who === null || a.owner === who))
      .sort((a, b) => String(a.nextActionDate).localeCompare(String(b.nextActionDate)))
      .map((a) => {
        const c = find(a.customerId)!;
        const days = Math.round((Date.parse(AS_OF) - Date.parse(a.nextActionDate!)) / 864e5);
        return {
          customerId: c.id, name: c.name, owner: a.owner, nextAction: a.nextAction, nextActionDate: a.nextActionDate!, daysOverdue: days,
          lastType: a.type, lastTypeText: a.typeText, lastDate: a.date, summary: a.summary, openBalance: c.exposure, currency: CNY,
        };
      });
    return { asOf: AS_OF, owner: who, items };
  }

  /** C001 has a plan (kept, missed, upcoming) and a promise (due); others none; unknown: null. */
  function plansOf(id: string): CustomerPlans | null {
    const c = find(String(id ?? ''));
    if (!c) return null;
    if (c.id !== 'C001') return { customerId: c.id, asOf: AS_OF, currency: CNY, plans: [] };
    const inst = (row: number, due: string, major: number, cum: number, state: 'upcoming' | 'due' | 'kept' | 'missed', coveredOn: string | null, shortfall: number, note: string) => ({
      row, dueDate: due, amount: m(major), cumulative: m(cum), graceEnd: addDays(due, 3), coveredOn, shortfall: m(shortfall), state, note,
    });
    return {
      customerId: c.id, asOf: AS_OF, currency: CNY, plans: [
        {
          id: 'P-7', type: 'plan', customerId: c.id, start: '2025-01-20', status: 'broken', started: true, invoices: ['INV-2025-0081', 'INV-2025-0107'], allOpen: false,
          total: m(45000), dueSoFar: m(30000), received: m(15000), brokenOn: '2025-03-04', graceDays: 3, pausesReminders: false,
          instalments: [
            inst(2, '2025-02-01', 15000, 15000, 'kept', '2025-01-30', 0, L('first third', '第一期')),
            inst(3, '2025-03-01', 15000, 30000, 'missed', null, 15000, XSS_NAME),
            inst(4, '2025-04-01', 15000, 45000, 'upcoming', null, 0, ''),
          ],
        },
        {
          id: 'PR-2', type: 'promise', customerId: c.id, start: '2025-03-10', status: 'active', started: true, invoices: [], allOpen: true,
          total: m(8000), dueSoFar: m(8000), received: 0, brokenOn: null, graceDays: 2, pausesReminders: true,
          instalments: [inst(6, '2025-03-14', 8000, 8000, 'due', null, 8000, L('promised on the phone', '电话承诺'))],
        },
      ],
    };
  }

  const handlers: Record<string, (...a: any[]) => unknown> = {
    getDashboard: () => dashboard(),
    getCustomerCard: (id: string | null) => {
      const c = id === null ? (state.selectedRow ? find(state.selectedRow) : undefined) : find(id);
      return c ? card(c) : null;
    },
    checkOrder: (id: string, amount: string) => check(id, amount),
    overrideBlock: (id: string, amount: string, reason: string, orderNo: string): { ok: true } | FieldErrors => {
      void id; void amount; void orderNo;
      if (!state.isApprover) throw new Error(L('Only an approver can override.', '只有审批人可以放行。'));
      if (!String(reason ?? '').trim()) return { ok: false, errors: { reason: L('A reason is required.', '必须填写理由。') } };
      return { ok: true };
    },
    setCustomerFlags: (id: string, onHold: boolean, until: string | null): { ok: true } | FieldErrors => {
      const c = find(id);
      if (!c) throw new Error(`Unknown customer ID: ${id}`);
      if (until !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < AS_OF)) {
        return { ok: false, errors: { remindersPausedUntil: L('Pick a date from today on.', '请选择今天或之后的日期。') } };
      }
      c.onHold = onHold;
      c.pausedUntil = until;
      return { ok: true };
    },
    getReminderPanel: () => reminderPanel(),
    runRemindersNow: () => {
      state.sent = true;
      state.schedule.lastRun = '2025-03-14T15:30:00+08:00';
      state.schedule.lastOutcome = L('sent 3, skipped 2, failed 0', '已发送 3，跳过 2，失败 0');
      return { sent: 3, skipped: 2, failed: 0, message: L('Sent 3 reminders; skipped 2; none failed.', '已发送 3 封催收邮件；跳过 2；无失败。') };
    },
    setSchedule: (on: boolean, hour: number) => {
      state.schedule = { ...state.schedule, installed: !!on, hour: Number(hour) };
      return { ...state.schedule };
    },
    confirmUnknown: (key: string, outcome: 'sent' | 'not-sent') => {
      void outcome;
      state.unknown = state.unknown.filter((u) => u.key !== key);
      return { ok: true };
    },
    getSettings: () => JSON.parse(JSON.stringify(state.settings)) as SettingsView,
    saveSettings: (s: SettingsView): { ok: true } | FieldErrors => {
      if (!state.isApprover) throw new Error(L('Only an approver can change settings.', '只有审批人可以修改设置。'));
      const errors = state.nextSaveErrors ?? validate(s);
      state.nextSaveErrors = null;
      if (Object.keys(errors).length) return { ok: false, errors };
      state.settings = JSON.parse(JSON.stringify(s)) as SettingsView;
      return { ok: true };
    },
    previewTemplate: (level: LadderLevelView, language: Lang) => preview(level, language),
    getWatchList: () => watchList(),
    getCashForecast: () => cashForecast(),
    getStatement: (id: string, from: string | null, to: string | null) => statementOf(id, from, to),
    emailStatement: (id: string, from: string | null, to: string | null) => emailStatement(id, from, to),
    logCollectionAction: (entry: CollectionActionInput) => logAction(entry),
    getCollectionHistory: (id: string) => history(id),
    getDueToday: (owner?: string | null) => dueToday(owner),
    buildEvidencePackFor: (id: string) => evidencePack(id),
    getPlans: (id: string) => plansOf(id),
  };

  const backend: Backend = async (fn, args) => {
    calls.push({ fn, args: JSON.parse(JSON.stringify(args)) as unknown[] });
    const delay = opts.delays?.[fn];
    if (delay) await sleep(delay);
    if (opts.failures?.[fn]) throw new Error(opts.failures[fn]);
    const h = handlers[fn];
    if (!h) throw new Error(`Script function not found: ${fn}`);
    return JSON.parse(JSON.stringify(h(...args)));
  };

  return { backend, calls, state, callsTo: (fn: string) => calls.filter((c) => c.fn === fn) };
}

export type Fixture = ReturnType<typeof createFixtureBackend>;
