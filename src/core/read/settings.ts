/**
 * The Settings sheet: key/value rows, keys in English or Chinese.
 *
 * Layout: column A holds the key, column B the value (a header row "Setting | Value" /
 * "设置项 | 值" is allowed, and when present its columns are used instead; a third
 * "Description | 说明" column is ignored). A blank value means the default. A value that
 * cannot be used gives a Problem (on the value cell; its `header` is the key as written)
 * and the default. A repeated key: the first row wins. Unknown keys are returned
 * untouched in `extra` (the reminder ladder keeps its rows there).
 *
 * Exchange rates are rows "FX USD" (also "汇率 USD", "USD 汇率", "Rate USD"): base-currency
 * units for one unit of that currency.
 */
import type { Cell, Grade, Problem, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../settings';
import { cellError, problemMessage, type CellError, type Language, type ProblemCode } from '../../i18n/problems';
import { isDateObject, isoOfDay, dayFromDate, toHalfWidth, isSheetErrorText } from '../dates';
import { isCurrencyCode, parseCurrency } from '../money';
import { cellText, columnLetter, DAY_UNITS, isBlankCell, parseLanguage, parseNumber, parseText, parseYesNo, splitEmails } from './cells';
import { isHeaderWord, nameLookup, normalizeHeader, SETTINGS_SHEET } from './headers';
import { lazy } from '../lazy';
import { settingValueSchemas, type SettingValueKind } from './schemas';
import { headerRowIndex, type ReadOptions, type SheetValues } from './table';

/** One row Set up writes into the Settings sheet. */
export interface SettingRow {
  id: string;
  /** The key in English and in Chinese, as Set up writes it. */
  en: string;
  zh: string;
  /** Other keys accepted. */
  aliases: readonly string[];
  /** The default value as text, per language. */
  default: { en: string; zh: string };
  /** One line saying what it does. */
  description: { en: string; zh: string };
}

interface SettingSpec extends SettingRow {
  /** Applies a non-blank value cell to the settings, or returns why it cannot. */
  apply(cell: Cell, s: Settings, note: (code: ProblemCode, params: Record<string, string | number>, value?: string) => void): CellError | void;
  /** What a value should be, for the message (per language). */
  expected: { en: string; zh: string };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function num(cell: Cell, units?: RegExp): number | CellError {
  const v = parseNumber(cell, units);
  return v === null ? cellError('number.unreadable') : v;
}

function check<T>(schema: { safeParse(v: unknown): { success: boolean } }, v: T): T | CellError {
  return schema.safeParse(v).success ? v : cellError('setting.invalid');
}

function isErr(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && 'problem' in v;
}

const DAYS_EXPECTED = { en: 'a whole number of days from 0 to 3650', zh: '0 到 3650 之间的整数天数' };

function daysSetting(
  id: string, en: string, zh: string, aliases: string[], def: number, description: { en: string; zh: string },
  set: (s: Settings, v: number) => void,
): SettingSpec {
  return {
    id, en, zh, aliases, description, expected: DAYS_EXPECTED,
    default: { en: String(def), zh: String(def) },
    apply(cell, s) {
      const v = num(cell, DAY_UNITS);
      if (isErr(v)) return v;
      const ok = check(settingValueSchemas().days, v);
      if (isErr(ok)) return ok;
      set(s, v);
    },
  };
}

function numberSetting(
  id: string, en: string, zh: string, aliases: string[], def: number, description: { en: string; zh: string },
  schema: SettingValueKind, expected: { en: string; zh: string }, set: (s: Settings, v: number) => void,
): SettingSpec {
  return {
    id, en, zh, aliases, description, expected,
    default: { en: String(def), zh: String(def) },
    apply(cell, s) {
      const v = num(cell);
      if (isErr(v)) return v;
      const ok = check(settingValueSchemas()[schema], v);
      if (isErr(ok)) return ok;
      set(s, v);
    },
  };
}

const FACTORS: { key: keyof Settings['scoreWeights']; en: string; zh: string }[] = [
  { key: 'timeliness', en: 'Timeliness', zh: '付款及时性' },
  { key: 'delinquency', en: 'Delinquency', zh: '当前逾期' },
  { key: 'utilisation', en: 'Utilisation', zh: '额度使用率' },
  { key: 'relationship', en: 'Relationship', zh: '合作时长' },
  { key: 'disputes', en: 'Disputes', zh: '争议' },
  { key: 'externalRating', en: 'External Rating', zh: '外部评级' },
];

const GRADES: Grade[] = ['A', 'B', 'C', 'D'];

function policy(s: Settings, g: Grade): Mutable<Settings['gradePolicies'][number]> {
  let p = s.gradePolicies.find((x) => x.grade === g);
  if (!p) {
    p = { grade: g, limitMonths: 0, termsDays: 0, prepayment: g === 'D' };
    s.gradePolicies.push(p);
  }
  return p;
}

function defaultPolicy(g: Grade) {
  return DEFAULT_SETTINGS.gradePolicies.find((p) => p.grade === g) ?? { grade: g, limitMonths: 0, termsDays: 0, prepayment: g === 'D' };
}

const D = DEFAULT_SETTINGS;

// Built on first use, as the rows' closures and texts are many.
const specs = lazy((): SettingSpec[] => [
  {
    id: 'baseCurrency', en: 'Base Currency', zh: '本位币', aliases: ['记账本位币', '基础货币', '本币', 'Currency', '币种'],
    default: { en: D.baseCurrency, zh: D.baseCurrency },
    description: { en: 'The currency every total is kept in (ISO code, e.g. CNY).', zh: '所有合计使用的币种（ISO 代码，如 CNY）。' },
    expected: { en: 'a 3-letter currency code such as CNY', zh: '三位币种代码，例如 CNY' },
    apply(cell, s) {
      const v = parseCurrency(cell);
      if (v === null || isErr(v)) return cellError('setting.invalid');
      s.baseCurrency = v;
    },
  },
  daysSetting('defaultTermsDays', 'Default Terms (days)', '默认账期(天)', ['Default Terms', 'Terms', '默认账期', '账期'], D.defaultTermsDays,
    { en: 'Payment terms for customers whose Terms cell is blank.', zh: '客户未填账期时使用的默认账期。' },
    (s, v) => { s.defaultTermsDays = v; }),
  {
    id: 'agingEdges', en: 'Aging Edges', zh: '账龄分段', aliases: ['Aging Buckets', 'Aging Bucket Edges', '账龄区间', '账龄分段(天)'],
    default: { en: D.agingEdges.join(','), zh: D.agingEdges.join(',') },
    description: { en: 'Upper ends of the overdue buckets in days, ascending (30,60,90 gives 1-30, 31-60, 61-90, 91+).', zh: '逾期账龄各段的上限天数，升序（30,60,90 即 1-30、31-60、61-90、91+）。' },
    expected: { en: 'whole numbers of days, ascending, separated by commas, such as 30,60,90', zh: '用逗号分隔的升序整数天数，例如 30,60,90' },
    apply(cell, s) {
      let parts: number[];
      if (typeof cell === 'number') parts = [cell];
      else if (typeof cell === 'string') {
        const t = toHalfWidth(cell).trim();
        if (t.length > 200 || !/^[\d\s,;/、|]+$/.test(t)) return cellError('setting.invalid');
        parts = t.split(/[\s,;/、|]+/).filter((x) => x !== '').map(Number);
      } else return cellError('setting.invalid');
      const ok = check(settingValueSchemas().edges, parts);
      if (isErr(ok)) return ok;
      s.agingEdges = parts;
    },
  },
  {
    id: 'agingBasis', en: 'Aging Basis', zh: '账龄基准', aliases: ['Aging Based On', '账龄计算基准', '账龄起算', '账龄口径'],
    default: { en: 'Due Date', zh: '到期日' },
    description: { en: 'Age invoices from their Due Date or from their Invoice Date.', zh: '账龄从到期日还是从开票日起算。' },
    expected: { en: 'Due Date or Invoice Date', zh: '“到期日”或“开票日”' },
    apply(cell, s) {
      const k = normalizeHeader(typeof cell === 'string' ? cell : '');
      if (['due', 'duedate', '到期日', '到期', '到期日期'].includes(k)) s.agingBasis = 'due';
      else if (['invoice', 'invoicedate', 'date', '开票日', '开票日期', '开票', '发票日期'].includes(k)) s.agingBasis = 'invoice';
      else return cellError('setting.invalid');
    },
  },
  daysSetting('holdThresholdDays', 'Hold Threshold (days)', '冻结阈值(天)', ['Hold Threshold', 'Hold After (days)', '冻结阈值', '逾期冻结天数'], D.holdThresholdDays,
    { en: 'BLOCK new credit when an open invoice is more than this many days past due.', zh: '有发票逾期超过此天数时，信用检查返回 BLOCK。' },
    (s, v) => { s.holdThresholdDays = v; }),
  {
    id: 'warnRatio', en: 'Warn Ratio', zh: '预警比例', aliases: ['Warning Ratio', 'Warn At', 'Warn Threshold', '额度预警比例', '预警线'],
    default: { en: '90%', zh: '90%' },
    description: { en: 'WARN when exposure would pass this share of the credit limit.', zh: '敞口超过信用额度的此比例时，信用检查返回 WARN。' },
    expected: { en: 'a share of the limit such as 90% or 0.9', zh: '额度的比例，例如 90% 或 0.9' },
    apply(cell, s) {
      let v: number | CellError;
      if (typeof cell === 'string' && /%\s*$/.test(toHalfWidth(cell))) {
        const n = num(toHalfWidth(cell).replace(/%\s*$/, ''));
        v = isErr(n) ? n : n / 100;
      } else {
        v = num(cell);
        if (!isErr(v) && v > 1 && v <= 100) v = v / 100;
      }
      if (isErr(v)) return cellError('setting.invalid');
      const ok = check(settingValueSchemas().ratio, v);
      if (isErr(ok)) return ok;
      s.warnRatio = Math.round(v * 1e6) / 1e6;
    },
  },
  ...FACTORS.map((f): SettingSpec => numberSetting(
    `weight.${f.key}`, `Weight ${f.en}`, `权重 ${f.zh}`, [`${f.en} Weight`, `${f.zh}权重`, `${f.zh} 权重`], D.scoreWeights[f.key],
    { en: `Weight of the ${f.en.toLowerCase()} factor in the credit score (0 leaves it out).`, zh: `信用评分中“${f.zh}”因素的权重（0 表示不计）。` },
    'weight', { en: 'a number of 0 or more', zh: '大于或等于 0 的数字' },
    (s, v) => { s.scoreWeights[f.key] = v; },
  )),
  ...(['A', 'B', 'C'] as const).map((g): SettingSpec => numberSetting(
    `gradeMin.${g}`, `Grade ${g} Min`, `${g}级最低分`, [`Grade ${g} Minimum`, `Grade ${g} Cutoff`, `${g}级分数线`, `${g}级下限`], D.gradeCutoffs[g],
    { en: `Lowest score that earns grade ${g}.`, zh: `评为 ${g} 级的最低分。` },
    'score', { en: 'a score from 0 to 100', zh: '0 到 100 之间的分数' },
    (s, v) => { s.gradeCutoffs[g] = v; },
  )),
  ...GRADES.map((g): SettingSpec => numberSetting(
    `gradeLimit.${g}`, `Grade ${g} Limit (months)`, `${g}级额度(月)`, [`Grade ${g} Limit`, `${g}级额度`, `${g}级额度月数`], defaultPolicy(g).limitMonths,
    { en: `Recommended limit for grade ${g}, in months of the customer's average sales.`, zh: `${g} 级客户的建议额度，按月均销售额的倍数计。` },
    'months', { en: 'a number of months from 0 to 120', zh: '0 到 120 之间的月数' },
    (s, v) => { policy(s, g).limitMonths = v; },
  )),
  ...GRADES.map((g): SettingSpec => daysSetting(
    `gradeTerms.${g}`, `Grade ${g} Terms (days)`, `${g}级账期(天)`, [`Grade ${g} Terms`, `${g}级账期`], defaultPolicy(g).termsDays,
    { en: `Recommended payment terms for grade ${g}.`, zh: `${g} 级客户的建议账期。` },
    (s, v) => { policy(s, g).termsDays = v; },
  )),
  ...GRADES.map((g): SettingSpec => ({
    id: `gradePrepay.${g}`, en: `Grade ${g} Prepayment`, zh: `${g}级预付`, aliases: [`Grade ${g} Prepay`, `${g}级预付款`, `${g}级需预付`],
    default: defaultPolicy(g).prepayment ? { en: 'Yes', zh: '是' } : { en: 'No', zh: '否' },
    description: { en: `Whether grade ${g} customers should pay in advance.`, zh: `${g} 级客户是否需要预付款。` },
    expected: { en: 'yes or no', zh: '“是”或“否”' },
    apply(cell, s) {
      const v = parseYesNo(cell);
      if (isErr(v)) return cellError('setting.invalid');
      policy(s, g).prepayment = v;
    },
  })),
  {
    id: 'approvers', en: 'Approvers', zh: '审批人', aliases: ['Approver', 'Approver Emails', '审批人邮箱', '批准人'],
    default: { en: '', zh: '' },
    description: { en: 'Emails allowed to override a BLOCK and edit Settings, separated by commas.', zh: '可以放行 BLOCK 并修改设置的邮箱，用逗号分隔。' },
    expected: { en: 'email addresses separated by commas', zh: '用逗号分隔的邮箱地址' },
    apply(cell, s, note) {
      const v = splitEmails(cell);
      if (isErr(v)) return cellError('setting.invalid');
      for (const bad of v.invalid) note('email.invalid', { value: bad.slice(0, 200) }, bad);
      s.approvers = v.valid;
    },
  },
  {
    id: 'creditManager', en: 'Credit Manager', zh: '信用经理', aliases: ['Credit Manager Email', '信用主管', '信用经理邮箱', '风控负责人'],
    default: { en: '', zh: '' },
    description: { en: 'Email of the person who receives escalations and the weekly report.', zh: '接收升级提醒和周报的负责人邮箱。' },
    expected: { en: 'one email address', zh: '一个邮箱地址' },
    apply(cell, s, note) {
      const v = splitEmails(cell);
      if (isErr(v) || v.valid.length === 0) return cellError('setting.invalid');
      if (v.valid.length > 1 || v.invalid.length > 0) note('email.oneOnly', { first: v.valid[0]! });
      s.creditManager = v.valid[0]!;
    },
  },
  {
    id: 'companyName', en: 'Company Name', zh: '公司名称', aliases: ['Company', 'Our Company', '公司', '本公司名称'],
    default: { en: '', zh: '' },
    description: { en: 'Your company name, used in reminders and statements.', zh: '本公司名称，用于催收邮件和对账单。' },
    expected: { en: 'text', zh: '文字' },
    apply(cell, s) {
      const v = parseText(cell);
      if (v === null || isErr(v)) return cellError('setting.invalid');
      s.companyName = v;
    },
  },
  {
    id: 'language', en: 'Language', zh: '语言', aliases: ['Lang', '显示语言', '报告语言'],
    default: { en: 'English', zh: '中文' },
    description: { en: 'Language of reports, reasons and emails: English or 中文.', zh: '报告、原因说明和邮件的语言：English 或 中文。' },
    expected: { en: 'English or 中文', zh: 'English 或 中文' },
    apply(cell, s) {
      const v = parseLanguage(cell);
      if (v === null || isErr(v)) return cellError('setting.invalid');
      s.language = v;
    },
  },
]);

/** Every Settings row Set up writes, in order, with its default and a one-line description in both languages. */
export const settingRows = lazy((): readonly SettingRow[] => specs().map(({ id, en, zh, aliases, default: d, description }) => ({
  id, en, zh, aliases, default: d, description,
})));

/** The key of an exchange-rate row for a currency: 'FX USD' / '汇率 USD'. */
export function fxSettingKey(currency: string, language: Language): string {
  return language === 'zh' ? `汇率 ${currency}` : `FX ${currency}`;
}

const specOfKey = nameLookup(() => specs().map((spec) => [spec, [spec.en, spec.zh, ...spec.aliases]] as const));

const FX_KEY = /^(?:fx|汇率|rate|exchangerate|fxrate)([a-z]{3})$|^([a-z]{3})(?:fx|汇率|rate|exchangerate|fxrate)$/;

/** The currency of an exchange-rate key ('FX USD', '汇率 USD', 'USD 汇率'), or null. */
export function fxCurrencyOfKey(key: string): string | null {
  const m = FX_KEY.exec(normalizeHeader(key));
  if (!m) return null;
  const code = (m[1] ?? m[2] ?? '').toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

/** Deep copy of the defaults, so reading never touches DEFAULT_SETTINGS. */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    agingEdges: [...DEFAULT_SETTINGS.agingEdges],
    fxRates: { ...DEFAULT_SETTINGS.fxRates },
    scoreWeights: { ...DEFAULT_SETTINGS.scoreWeights },
    gradeCutoffs: { ...DEFAULT_SETTINGS.gradeCutoffs },
    gradePolicies: DEFAULT_SETTINGS.gradePolicies.map((p) => ({ ...p })),
    approvers: [...DEFAULT_SETTINGS.approvers],
  };
}

export interface SettingsRead {
  settings: Settings;
  /** Rows with keys that are not settings, key (as written, trimmed) → value as text. */
  extra: Record<string, string>;
  problems: Problem[];
  /**
   * The Language row's value when the sheet has one and it is readable; null otherwise (then
   * `settings.language` is only the default, and the file's language comes from fileLanguage).
   */
  language?: Language | null;
}

function valueText(v: unknown, timeZone: string): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateObject(v)) {
    const d = dayFromDate(v, timeZone);
    return Number.isNaN(d) ? '' : isoOfDay(d);
  }
  return '';
}

/**
 * Where a Settings sheet keeps its keys and values: a header row naming a key and a value column
 * (then the rows below it), else columns A and B from the first non-blank row. Null when the sheet
 * is blank. The add-on's writers use this too, so they find the rows the reader reads.
 */
export function settingsColumns(values: readonly unknown[]): { keyCol: number; valueCol: number; headerRow: number; firstRow: number } | null {
  const headerRow = headerRowIndex(values);
  if (headerRow < 0) return null;
  const first = values[headerRow] as unknown[];
  const k = first.findIndex((c) => isHeaderWord(c, SETTINGS_SHEET.keyHeader));
  const v = first.findIndex((c) => isHeaderWord(c, SETTINGS_SHEET.valueHeader));
  if (k >= 0 && v >= 0 && k !== v) return { keyCol: k, valueCol: v, headerRow, firstRow: headerRow + 1 };
  return { keyCol: 0, valueCol: 1, headerRow, firstRow: headerRow };
}

/** The id of the setting a key names (English, Chinese or an alias), or undefined. */
export function settingIdOfKey(key: unknown): string | undefined {
  return specOfKey(key)?.id;
}

/**
 * Reads the Settings sheet (undefined: no sheet, all defaults). Never throws.
 */
export function readSettings(sheet: SheetValues | undefined, options: ReadOptions): SettingsRead {
  const settings = defaultSettings();
  const extra: Record<string, string> = {};
  const problems: Problem[] = [];
  const language = options.language === 'zh' ? 'zh' : 'en';
  if (!sheet || !Array.isArray(sheet.values)) return { settings, extra, problems, language: null };
  const values = sheet.values as unknown[];
  const layout = settingsColumns(values);
  if (layout === null) return { settings, extra, problems, language: null };
  let given: Language | null = null;
  const { keyCol, valueCol, firstRow: start } = layout;
  const seen = new Map<string, number>();
  let cutoffRow = 0;
  for (let r = start; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const keyCell: unknown = row[keyCol];
    if (isBlankCell(keyCell)) continue;
    const keyText = valueText(keyCell, options.timeZone);
    const cell = (row[valueCol] ?? '') as Cell;
    const norm = normalizeHeader(keyText);
    if (!norm) continue;
    const base = { sheet: sheet.name, row: r + 1, column: columnLetter(valueCol), header: keyText.slice(0, 200) };
    const spec = specOfKey(keyText);
    const fx = spec ? null : fxCurrencyOfKey(keyText);
    // One canonical key per setting, so "Default Terms" and "默认账期", or "FX USD" and "USD 汇率", are one.
    const canonical = spec ? `setting:${spec.id}` : fx ? `fx:${fx}` : `extra:${norm}`;
    const firstRow = seen.get(canonical);
    if (firstRow !== undefined) {
      problems.push({
        ...base, column: columnLetter(keyCol), value: keyText.slice(0, 200),
        message: problemMessage('setting.duplicate', language, { header: keyText, firstRow }),
      });
      continue;
    }
    seen.set(canonical, r + 1);
    const report = (code: ProblemCode, params: Record<string, string | number>, value?: string) =>
      problems.push({
        ...base,
        value: (value ?? cellText(cell, options.timeZone)).slice(0, 200),
        message: problemMessage(code, language, { header: keyText, value: cellText(cell, options.timeZone), ...params }),
      });
    if (spec) {
      if (isBlankCell(cell)) continue;
      if (typeof cell === 'string' && isSheetErrorText(cell.trim())) {
        report('cell.sheetError', {});
        continue;
      }
      let err: CellError | void;
      try {
        err = spec.apply(cell, settings, report);
      } catch {
        err = cellError('setting.invalid');
      }
      if (!err && spec.id === 'language') given = settings.language;
      if (err) {
        report('setting.invalid', {
          expected: spec.expected[language],
          default: spec.default[language] || (language === 'zh' ? '（空）' : '(blank)'),
        });
      } else if (spec.id.startsWith('gradeMin.')) cutoffRow = Math.max(cutoffRow, r + 1);
      continue;
    }
    if (fx) {
      if (isBlankCell(cell)) continue;
      const n = parseNumber(cell);
      if (typeof n === 'number' && n > 0 && Number.isFinite(n)) settings.fxRates[fx] = n;
      else report('setting.rate', { currency: fx, base: settings.baseCurrency });
      continue;
    }
    extra[keyText] = valueText(cell, options.timeZone);
  }
  if (!settingValueSchemas().cutoffs.safeParse(settings.gradeCutoffs).success) {
    settings.gradeCutoffs = { ...DEFAULT_SETTINGS.gradeCutoffs };
    problems.push({
      sheet: sheet.name, row: cutoffRow, column: columnLetter(valueCol), header: '', value: '',
      message: problemMessage('setting.cutoffOrder', language),
    });
  }
  return { settings, extra, problems, language: given };
}

/**
 * A Settings row that is not a Settings field (kept in `extra` by readSettings), found by any
 * of its keys, matched like every key; undefined when absent.
 *
 * @example extraSetting({ '催收时间': '8' }, ['Reminder Hour', '催收时间']) === '8'
 */
export function extraSetting(extra: Record<string, string> | undefined, keys: readonly string[]): string | undefined {
  if (!extra) return undefined;
  const wanted = new Set(keys.map(normalizeHeader));
  for (const [k, v] of Object.entries(extra)) if (wanted.has(normalizeHeader(k))) return v;
  return undefined;
}
