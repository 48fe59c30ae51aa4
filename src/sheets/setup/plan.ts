/**
 * What "Set up credit file" writes, decided from what the sheets already hold. Pure: no Apps
 * Script here, so every rule is unit-tested (test/sheets/setup-plan.test.ts).
 *
 * The one rule: existing cells are never rewritten. A missing sheet is created whole; on a sheet
 * that exists, only missing headers are added, after the last used column (so the column below
 * them is empty, and only there do formats and validation go); on Settings, only missing keys are
 * added, below the last used row.
 */
import type { Cell, Grid } from '../../core/types';
import type { Language } from '../../i18n/language';
import { RECALC_TOKEN_ALIASES } from '../../i18n/cells';
import { columnIndex, isHeaderWord, nameLookup, SETTINGS_SHEET, TABLES, type TableName } from '../../core/read/headers';
import { headerRowIndex, usedWidth } from '../../core/read/table';
import { settingRows, settingsColumns, type SettingRow } from '../../core/read/settings';
import { lazy } from '../../core/lazy';

/** How many rows from the top Set up reads to find a header row. */
export const TOP_ROWS = 50;

/**
 * Rows written first in a new Settings sheet, before settingRows() (and appended when missing):
 * the Recalc Token, whose cell formulas take as their last argument so that they follow the
 * credit file (src/sheets/cache/token.ts). Its value cell is left out of the protection.
 */
export const SETTINGS_FIRST_ROWS: readonly SettingRow[] = [
  {
    id: 'recalcToken',
    en: 'Recalc Token',
    zh: '重算标记',
    aliases: RECALC_TOKEN_ALIASES, // the names the token's own reader (cache/token.ts) takes
    default: { en: '1', zh: '1' },
    description: {
      en: 'Changed by Credit Desk whenever the credit file changes. Give this cell as the last argument of the formulas, e.g. =CREDITSCORE(A2:A, , Settings!B2).',
      zh: '信用档案变化时由本插件更新。把此单元格作为公式的最后一个参数，例如 =CREDITSCORE(A2:A, , 设置!B2)。',
    },
  },
  {
    id: 'reminderHour',
    en: 'Reminder Hour',
    zh: '催收时间',
    aliases: [],
    default: { en: '9', zh: '9' },
    description: {
      en: 'Hour of the day (0-23, spreadsheet time zone) at which the daily reminder run starts when turned on from the menu.',
      zh: '每日催收运行的时间（0-23 点，按表格时区），从菜单开启时使用。',
    },
  },
];

/** What Set up does to a column below its header. */
export type ColumnKind = 'money' | 'date' | 'days' | 'yesno' | 'status' | 'customerId' | 'language';

export const FIELD_KINDS: Record<TableName, Record<string, ColumnKind>> = {
  customers: {
    termsDays: 'days', creditLimit: 'money', onHold: 'yesno', remindersPausedUntil: 'date', customerSince: 'date', language: 'language',
  },
  invoices: {
    customerId: 'customerId', invoiceDate: 'date', dueDate: 'date', amount: 'money', amountPaid: 'money', paidDate: 'date',
    status: 'status', disputed: 'yesno', remindersStopped: 'yesno',
  },
  payments: { date: 'date', customerId: 'customerId', amount: 'money' },
  orders: { customerId: 'customerId', orderDate: 'date', amount: 'money', status: 'status' },
};

/** Number formats of the data columns. */
export const FORMATS = { money: '#,##0.00', date: 'yyyy-mm-dd', days: '0' } as const;

/** 'zh' when a row holds Chinese text, 'en' when it holds other text, null when blank. */
export function rowLanguage(row: readonly Cell[] | undefined): Language | null {
  if (!row) return null;
  let any = false;
  for (const c of row) {
    if (typeof c !== 'string' || c.trim() === '') continue;
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(c)) return 'zh';
    any = true;
  }
  return any ? 'en' : null;
}

export interface AddedColumn {
  field: string;
  header: string;
  /** 1-based column. */
  col: number;
}

export interface TablePlan {
  table: TableName;
  /** False when the sheet has content but no header row in the top rows: it is left alone. */
  found: boolean;
  /** True when the sheet is new or blank: the whole header row is written. */
  whole: boolean;
  /** 1-based header row. */
  headerRow: number;
  /** The language headers are written in: the existing header row's, else the file's. */
  language: Language;
  /** Headers to write, contiguous, left to right. */
  added: AddedColumn[];
  /** Field → 1-based column once the plan is applied. */
  columns: Record<string, number>;
}

/**
 * The plan for one table sheet. `top` is its top rows as read (empty for a new sheet);
 * `lastColumn` the sheet's last used column (0 when blank).
 */
export function planTable(table: TableName, top: Grid, lastColumn: number, language: Language): TablePlan {
  const fields = TABLES[table].fields;
  const h = headerRowIndex(top);
  if (h < 0) {
    if (lastColumn > 0) {
      return { table, found: false, whole: false, headerRow: 0, language, added: [], columns: {} };
    }
    const added = fields.map((f, i) => ({ field: f.field, header: language === 'zh' ? f.zh : f.en, col: i + 1 }));
    return { table, found: true, whole: true, headerRow: 1, language, added, columns: Object.fromEntries(added.map((a) => [a.field, a.col])) };
  }
  const headerRow = top[h];
  const lang = rowLanguage(headerRow) ?? language;
  const index = columnIndex(table, headerRow) as Record<string, number>;
  const columns: Record<string, number> = {};
  for (const [field, i] of Object.entries(index)) columns[field] = i + 1;
  let next = Math.max(lastColumn, usedWidth([headerRow])) + 1;
  const added: AddedColumn[] = [];
  for (const f of fields) {
    if (columns[f.field] !== undefined) continue;
    const a = { field: f.field, header: lang === 'zh' ? f.zh : f.en, col: next++ };
    added.push(a);
    columns[f.field] = a.col;
  }
  return { table, found: true, whole: false, headerRow: h + 1, language: lang, added, columns };
}

export interface SettingsLine {
  id: string;
  key: string;
  value: Cell;
  description: string;
}

export interface SettingsPlan {
  /** True when the sheet is new or blank: a header row is written first. */
  whole: boolean;
  language: Language;
  /** 1-based header row; 0 when the sheet has none. */
  headerRow: number;
  /** Header cells to add on the header row (the whole header, or a missing Description). */
  headerCells: { col: number; text: string }[];
  /** 1-based columns of key, value and description (0: no description written). */
  keyCol: number;
  valueCol: number;
  descriptionCol: number;
  /** First 1-based row of the added lines. */
  startRow: number;
  lines: SettingsLine[];
}

/** Every row Set up keeps in Settings, in order. */
export function allSettingRows(): readonly SettingRow[] {
  return [...SETTINGS_FIRST_ROWS, ...settingRows(), ...workbenchSettingRows()];
}

function row(id: string, en: string, zh: string, value: string, description: { en: string; zh: string }): SettingRow {
  return { id, en, zh, aliases: [], default: { en: value, zh: value }, description };
}

/**
 * Settings of the collections workbench, written out after the core's so every default is there
 * to see. Each area reads its own keys (these are the first of its aliases): statements
 * (src/i18n/statements.ts), plans (src/core/plans/settings.ts), the watch list
 * (src/core/watchlist.ts).
 */
const workbenchSettingRows = lazy((): readonly SettingRow[] => [
  row('statementDay', 'Statement Day', '对账日', '1', {
    en: 'Day of the month on which last month\'s statements of account are emailed (the daily reminders must be on).',
    zh: '每月发送上月对账单的日期（需开启每日催收）。',
  }),
  row('planGrace', 'Plan Grace (days)', '还款宽限天数', '3', {
    en: 'Days after an instalment\'s due date in which it may still be paid before the plan counts as broken.',
    zh: '分期到期后仍可付款而不算违约的天数。',
  }),
  row('planReminderDays', 'Plan Reminder Days', '还款提醒提前天数', '3', {
    en: 'The friendly instalment reminder goes this many days before each instalment.',
    zh: '在每期还款前多少天发送友好提醒。',
  }),
  row('weightPromises', 'Weight Promises', '权重 承诺', '1', {
    en: 'Weight of the broken-promises factor in the credit score (0 turns it off).',
    zh: '违约承诺在信用评分中的权重（0 表示不计）。',
  }),
  row('watchRise', 'Watch Exposure Rise (%)', '预警敞口增幅(%)', '50', {
    en: 'A customer whose exposure rose by this share since the last run is on the watch list.',
    zh: '风险敞口较上次运行增长超过此比例的客户列入预警。',
  }),
  row('watchFloor', 'Watch Exposure Floor', '预警敞口下限', '10000', {
    en: 'An exposure rise is listed only when the exposure is at least this amount (base currency).',
    zh: '只有风险敞口不低于此金额（本位币）时，其增长才列入预警。',
  }),
]);

/** A default as the cell to write: whole and decimal numbers as numbers, the rest as text. */
export function defaultCell(text: string): Cell {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function line(row: SettingRow, language: Language): SettingsLine {
  return { id: row.id, key: row[language], value: defaultCell(row.default[language]), description: row.description[language] };
}

/**
 * The plan for the Settings sheet; `values` as getDataRange().getValues() gives them ([] when new).
 * `current`: setting id → the value to write for a key missing from an existing sheet, where the
 * written default would change what the file means today (Language: a missing row means the
 * language the file has by the rule of core/read/language.ts — the spreadsheet's locale, else the
 * sheets' names — so Set up writes that language, not the default of the Settings header's language).
 */
export function planSettings(values: Grid, language: Language, current: Record<string, Cell> = {}): SettingsPlan {
  const rows = allSettingRows();
  const layout = settingsColumns(values);
  const H = SETTINGS_SHEET;
  if (layout === null) {
    return {
      whole: true, language, headerRow: 1,
      headerCells: [H.keyHeader, H.valueHeader, H.descriptionHeader].map((x, i) => ({ col: i + 1, text: x[language] })),
      keyCol: 1, valueCol: 2, descriptionCol: 3, startRow: 2,
      lines: rows.map((r) => line(r, language)),
    };
  }
  const header = values[layout.headerRow];
  const width = usedWidth(values);
  let headerRow = 0;
  let keyCol = 1;
  let valueCol = 2;
  let descriptionCol = 0;
  const headerCells: { col: number; text: string }[] = [];
  let lang = language;
  if (layout.firstRow > layout.headerRow) {
    // A header row names the key and value columns.
    headerRow = layout.headerRow + 1;
    keyCol = layout.keyCol + 1;
    valueCol = layout.valueCol + 1;
    lang = rowLanguage(header) ?? language;
    const d = header.findIndex((c) => isHeaderWord(c, H.descriptionHeader));
    if (d >= 0) descriptionCol = d + 1;
    else {
      descriptionCol = width + 1;
      headerCells.push({ col: descriptionCol, text: H.descriptionHeader[lang] });
    }
  } else if (width <= 2) {
    descriptionCol = 3;
  }
  // The keys there, matched as the reader matches them (first setting to claim a word wins).
  const owner = nameLookup(() => rows.map((r) => [r.id, [r.en, r.zh, ...r.aliases]] as const));
  const present = new Set<string>();
  for (let r = headerRow; r < values.length; r++) {
    const id = owner(values[r]?.[keyCol - 1]);
    if (id) present.add(id);
  }
  return {
    whole: false, language: lang, headerRow, headerCells, keyCol, valueCol, descriptionCol,
    startRow: values.length + 1,
    lines: rows.filter((r) => !present.has(r.id)).map((r) => {
      const l = line(r, lang);
      return r.id in current ? { ...l, value: current[r.id] } : l;
    }),
  };
}

/** The block of cells for the added Settings lines: from the leftmost to the rightmost column used. */
export function settingsBlock(plan: SettingsPlan): { col: number; values: Cell[][] } {
  const cols = [plan.keyCol, plan.valueCol, plan.descriptionCol].filter((c) => c > 0);
  const first = Math.min(...cols);
  const width = Math.max(...cols) - first + 1;
  const values = plan.lines.map((l) => {
    const row: Cell[] = new Array<Cell>(width).fill('');
    row[plan.keyCol - first] = l.key;
    row[plan.valueCol - first] = l.value;
    if (plan.descriptionCol > 0) row[plan.descriptionCol - first] = l.description;
    return row;
  });
  return { col: first, values };
}
