/**
 * "Set up credit file": creates what is missing — the Customers, Invoices, Payments, Orders,
 * Settings and Reminder Ladder sheets, missing headers, missing Settings keys — with header rows,
 * number formats and dropdowns on the new columns, and protects Settings and the ladder so only
 * the owner and the approvers may edit them. It never rewrites a cell that holds anything: see
 * plan.ts. A fixed number of Apps Script calls whatever the number of rows.
 */
import { DEFAULT_LADDER } from '../../core/reminders/ladder';
import { isLadderSheetName, LADDER_COLUMNS, LADDER_SHEET, ladderRows } from '../../core/reminders/ladderSheet';
import { readSettings } from '../../core/read/settings';
import { tableOfSheetName, TABLES, type TableName } from '../../core/read/headers';
import { fill, joinList, PROGRESS, SETUP_TEXT, STATUS_CHOICES, TOAST_TITLE, YES_NO } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import type { Grid } from '../../core/types';
import { showAlert } from '../../platform/dialogs';
import {
  ensureSize, freezeRows, readAll, readTop, setBold, setNumberFormat, sheetSize, spreadsheetOwner, type Block,
} from '../../platform/format';
import { restrictSheet } from '../../platform/protection';
import { tokenLayout } from '../cache/token';
import { activeUserEmail } from '../../platform/session';
import { ensureSheet, sheetByName, sheetNames, toast, writeBlock } from '../../platform/spreadsheet';
import { setListValidation, setRangeValidation } from '../../platform/validation';
import { spreadsheetLanguage } from '../reports/language';
import { FIELD_KINDS, FORMATS, planSettings, planTable, settingsBlock, TOP_ROWS, type TablePlan } from './plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupResult {
  language: Language;
  /** Sheets created, by name. */
  created: string[];
  /** Sheet name → headers added to an existing sheet. */
  addedColumns: Record<string, string[]>;
  /** Settings keys added. */
  addedSettings: string[];
  /** Sheet name → its editors after protection. */
  protectedSheets: Record<string, string[]>;
  message: string;
}

const TABLE_ORDER: TableName[] = ['customers', 'invoices', 'payments', 'orders'];

interface IdSource {
  sheet: Sheet;
  block: Block;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Formats and dropdowns for the new columns of one table sheet. */
function decorateColumns(sheet: Sheet, plan: TablePlan, maxRows: number, ids: IdSource | null, customersName: string): void {
  const t = SETUP_TEXT[plan.language];
  const rows = maxRows - plan.headerRow;
  for (const a of plan.added) {
    const kind = FIELD_KINDS[plan.table][a.field];
    if (!kind) continue;
    const block: Block = { row: plan.headerRow + 1, col: a.col, numRows: rows, numCols: 1 };
    switch (kind) {
      case 'money':
      case 'date':
      case 'days':
        setNumberFormat(sheet, block, FORMATS[kind]);
        break;
      case 'yesno':
        setListValidation(sheet, block, [...YES_NO[plan.language]], t.helpYesNo);
        break;
      case 'language':
        setListValidation(sheet, block, ['English', '中文'], 'English / 中文');
        break;
      case 'status': {
        const choices = STATUS_CHOICES[plan.table === 'orders' ? 'orders' : 'invoices'][plan.language];
        setListValidation(sheet, block, choices, fill(t.helpStatus, { list: joinList(choices, plan.language) }));
        break;
      }
      case 'customerId':
        if (ids) setRangeValidation(sheet, block, ids.sheet, ids.block, fill(t.helpCustomer, { sheet: customersName }));
        break;
    }
  }
}

interface TableDone {
  name: string;
  created: boolean;
  plan: TablePlan;
  sheet: Sheet;
  maxRows: number;
}

/** Creates or completes one table sheet. */
function setupTable(table: TableName, existing: string | undefined, language: Language): TableDone {
  const name = existing ?? TABLES[table][language];
  const { sheet, created } = ensureSheet(name);
  const size = sheetSize(sheet);
  const top = created ? [] : readTop(sheet, size, TOP_ROWS);
  const plan = planTable(table, top, created ? 0 : size.lastColumn, language);
  let maxRows = size.maxRows;
  if (plan.found && plan.added.length > 0) {
    const first = plan.added[0].col;
    const last = plan.added[plan.added.length - 1].col;
    maxRows = ensureSize(sheet, size, plan.headerRow + 1, last).maxRows;
    writeBlock(sheet, plan.headerRow, first, [plan.added.map((a) => a.header)]);
    setBold(sheet, { row: plan.headerRow, col: first, numRows: 1, numCols: last - first + 1 });
    if (plan.whole) freezeRows(sheet, plan.headerRow);
  }
  return { name, created, plan, sheet, maxRows };
}

/** Creates or completes the Settings sheet; returns the approvers it names and the keys added. */
function setupSettings(existing: { name: string; values: Grid } | undefined, language: Language): { name: string; created: boolean; sheet: Sheet; approvers: string[]; added: string[]; token?: { row: number; col: number } } {
  const name = existing?.name ?? (language === 'zh' ? '设置' : 'Settings');
  const { sheet, created } = ensureSheet(name);
  const values = created ? [] : existing?.values ?? readAll(sheet);
  const before = readSettings({ name, values }, { timeZone: 'UTC', language }).settings;
  // A missing Language row gets the language the file already has by the rule (spreadsheetLanguage),
  // so adding it changes nothing the file says.
  const plan = planSettings(values, language, { language: language === 'zh' ? '中文' : 'English' });
  if (plan.whole) {
    writeBlock(sheet, plan.headerRow, 1, [plan.headerCells.map((c) => c.text)]);
    setBold(sheet, { row: plan.headerRow, col: 1, numRows: 1, numCols: plan.headerCells.length });
    freezeRows(sheet, plan.headerRow);
  } else if (plan.headerCells.length > 0) {
    const size = sheetSize(sheet);
    ensureSize(sheet, size, plan.headerRow, plan.headerCells[plan.headerCells.length - 1].col);
    const c = plan.headerCells[0].col;
    writeBlock(sheet, plan.headerRow, c, [plan.headerCells.map((h) => h.text)]);
    setBold(sheet, { row: plan.headerRow, col: c, numRows: 1, numCols: plan.headerCells.length });
  }
  if (plan.lines.length > 0) {
    const block = settingsBlock(plan);
    const size = sheetSize(sheet);
    ensureSize(sheet, size, plan.startRow + plan.lines.length - 1, block.col + block.values[0].length - 1);
    writeBlock(sheet, plan.startRow, block.col, block.values);
  }
  const layout = tokenLayout(readAll(sheet));
  const token = layout.tokenRow >= 0 ? { row: layout.tokenRow + 1, col: layout.valueCol + 1 } : undefined;
  return { name, created, sheet, approvers: before.approvers, added: plan.lines.map((l) => l.key), token };
}

/** Creates the Reminder Ladder sheet when missing. */
function setupLadder(existing: string | undefined, language: Language): { name: string; created: boolean; sheet: Sheet } {
  const name = existing ?? LADDER_SHEET[language];
  const { sheet, created } = ensureSheet(name);
  if (created) {
    const rows = ladderRows(DEFAULT_LADDER, language);
    writeBlock(sheet, 1, 1, rows);
    setBold(sheet, { row: 1, col: 1, numRows: 1, numCols: rows[0].length });
    freezeRows(sheet, 1);
    const { maxRows } = sheetSize(sheet);
    const col = (id: string) => LADDER_COLUMNS.findIndex((c) => c.id === id) + 1;
    setNumberFormat(sheet, { row: 2, col: col('days'), numRows: maxRows - 1, numCols: 1 }, FORMATS.days);
    setNumberFormat(sheet, { row: 2, col: col('minOpen'), numRows: maxRows - 1, numCols: 1 }, FORMATS.money);
  }
  return { name, created, sheet };
}

/** Runs Set up; shows what it did in an alert and returns it. */
export function runSetup(): SetupResult {
  const names = sheetNames();
  const find = (want: (n: string) => boolean) => names.find(want);
  const settingsName = find((n) => tableOfSheetName(n) === 'settings');
  const settingsHandle = settingsName === undefined ? null : sheetByName(settingsName);
  const settings = settingsName !== undefined && settingsHandle ? { name: settingsName, values: readAll(settingsHandle) } : undefined;
  const language = spreadsheetLanguage(names, settings);
  const t = SETUP_TEXT[language];
  toast(PROGRESS.reading[language], TOAST_TITLE[language]);
  const result: SetupResult = { language, created: [], addedColumns: {}, addedSettings: [], protectedSheets: {}, message: '' };
  const notes: string[] = [];

  toast(PROGRESS.writing[language], TOAST_TITLE[language]);
  const done: TableDone[] = [];
  for (const table of TABLE_ORDER) {
    const existing = find((n) => tableOfSheetName(n) === table);
    try {
      const d = setupTable(table, existing, language);
      done.push(d);
      if (d.created) result.created.push(d.name);
      else if (!d.plan.found) notes.push(fill(t.noHeader, { sheet: d.name, rows: TOP_ROWS }));
      else if (d.plan.added.length > 0) result.addedColumns[d.name] = d.plan.added.map((a) => a.header);
    } catch (e) {
      notes.push(fill(t.failed, { sheet: existing ?? TABLES[table][language], error: errorText(e) }));
    }
  }

  // Formats and dropdowns go on the new columns once the Customers ID column is known.
  const customers = done.find((d) => d.plan.table === 'customers' && d.plan.found);
  const idCol = customers?.plan.columns.id;
  const ids: IdSource | null = customers && idCol
    ? { sheet: customers.sheet, block: { row: customers.plan.headerRow + 1, col: idCol, numRows: customers.maxRows - customers.plan.headerRow, numCols: 1 } }
    : null;
  for (const d of done) {
    if (!d.plan.found || d.plan.added.length === 0) continue;
    try {
      decorateColumns(d.sheet, d.plan, d.maxRows, ids, customers?.name ?? TABLES.customers[language]);
    } catch (e) {
      notes.push(fill(t.failed, { sheet: d.name, error: errorText(e) }));
    }
  }

  const protect: { sheet: Sheet; name: string; open?: { row: number; col: number } }[] = [];
  let approvers: string[] = [];
  try {
    const s = setupSettings(settings, language);
    if (s.created) result.created.push(s.name);
    else if (s.added.length > 0) result.addedSettings = s.added;
    if (!s.created && s.added.length > 0) {
      const shown = s.added.slice(0, 8).join(language === 'zh' ? '、' : ', ') + (s.added.length > 8 ? ' …' : '');
      notes.push(fill(t.addedSettings, { sheet: s.name, count: s.added.length, list: shown }));
    }
    approvers = s.approvers;
    protect.push({ sheet: s.sheet, name: s.name, open: s.token });
  } catch (e) {
    notes.push(fill(t.failed, { sheet: language === 'zh' ? '设置' : 'Settings', error: errorText(e) }));
  }
  try {
    const l = setupLadder(find(isLadderSheetName), language);
    if (l.created) result.created.push(l.name);
    protect.push({ sheet: l.sheet, name: l.name });
  } catch (e) {
    notes.push(fill(t.failed, { sheet: LADDER_SHEET[language], error: errorText(e) }));
  }

  const owner = spreadsheetOwner() || activeUserEmail();
  const editors = [...new Set([owner, ...approvers].filter((e) => e !== ''))];
  for (const p of protect) {
    try {
      const r = restrictSheet(p.sheet, editors, t.protectionDescription, p.open);
      if (r.applied) {
        result.protectedSheets[p.name] = r.editors;
        notes.push(fill(t.protectedFor, { sheet: p.name, list: joinList(r.editors.length ? r.editors : [t.ownerOnly], language) }));
        const extra = r.editors.filter((e) => !editors.some((w) => w.toLowerCase() === e));
        if (extra.length > 0) notes.push(fill(t.stillEditor, { sheet: p.name, list: joinList(extra, language) }));
      } else notes.push(fill(t.notProtected, { sheet: p.name }));
    } catch (e) {
      notes.push(fill(t.failed, { sheet: p.name, error: errorText(e) }));
    }
  }

  const lines: string[] = [];
  if (result.created.length > 0) lines.push(fill(t.created, { list: joinList(result.created, language) }));
  for (const [sheet, headers] of Object.entries(result.addedColumns)) {
    lines.push(fill(t.addedColumns, { sheet, list: joinList(headers, language) }));
  }
  if (lines.length === 0 && result.addedSettings.length === 0) lines.push(t.nothing);
  result.message = [...lines, ...notes].join('\n');
  showAlert(t.title, result.message);
  return result;
}
