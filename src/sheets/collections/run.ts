/**
 * The collections log from the spreadsheet: logging an action (sidebar), the merged history of a
 * customer (logged actions and the emails of the Reminder Log), next actions due, and the Due Today
 * sheet. A fixed number of Apps Script calls whatever the number of rows.
 */
import { dateOfDay, isoOfDay } from '../../core/dates';
import {
  actionTypeWord, dueActions, mergeHistory, parseIsoDay, readCollectionsLog, reminderActions, validateAction,
  type CollectionAction, type DueItem,
} from '../../core/collections';
import { idKey } from '../../core/read';
import type { Cell, Day } from '../../core/types';
import type { CreditPicture } from '../../core/picture';
import type { Language } from '../../i18n/language';
import { COLLECTIONS_TEXT, DUE_TODAY_NAMES } from '../../i18n/collections';
import { tryDocumentLock } from '../../platform/lock';
import { activeUserEmail, userLanguage } from '../../platform/session';
import { toast } from '../../platform/spreadsheet';
import { appendRecords, openLog } from '../logSheet';
import { DATE_FORMAT, major, moneyFormat, type ReportLayout } from '../reports/layout';
import { writeReport } from '../reports/write';
import { COLLECTIONS_LOG, loadWorkbench, type WorkbenchLoad } from './load';

// ---------------------------------------------------------------- logging an action

export type LogActionResult = { ok: true; row: number; action: ActionView } | { ok: false; errors: Record<string, string> };

export interface ActionView {
  source: 'log' | 'reminders';
  date: string | null;
  customerId: string;
  type: string;
  typeText: string;
  summary: string;
  outcome: string;
  nextAction: string;
  nextActionDate: string | null;
  owner: string;
  loggedBy: string;
}

export function actionView(a: CollectionAction, language: Language): ActionView {
  return {
    source: a.source,
    date: a.day === null ? null : isoOfDay(a.day),
    customerId: a.customerId,
    type: a.type,
    typeText: actionTypeWord(a.type, language),
    summary: a.summary,
    outcome: a.outcome,
    nextAction: a.nextAction,
    nextActionDate: a.nextActionDate === null ? null : isoOfDay(a.nextActionDate),
    owner: a.owner,
    loggedBy: a.loggedBy,
  };
}

/**
 * Checks an action from the sidebar and appends it to the Collections Log (created when missing).
 * Field errors come back in the user's language: { ok: false, errors: { nextActionDate: '…' } }.
 */
export function logAction(input: unknown): LogActionResult {
  const language = userLanguage();
  const loaded = loadWorkbench();
  const customers = new Map<string, { id: string; key: string; owner: string }>();
  for (const c of loaded.picture.customers.values()) customers.set(c.customer.key, { id: c.customer.id, key: c.customer.key, owner: c.customer.owner });
  const checked = validateAction(input, { today: loaded.today, customers, user: activeUserEmail(), language });
  if (!checked.ok) return checked;
  const a = checked.action;
  const sheetLanguage = loaded.file.settings.language;
  const lock = tryDocumentLock(10_000);
  try {
    const log = openLog(COLLECTIONS_LOG, sheetLanguage);
    const first = appendRecords(log, [{
      date: dateOfDay(a.day, loaded.timeZone),
      customerId: a.customerId,
      type: actionTypeWord(a.type, sheetLanguage),
      summary: a.summary,
      outcome: a.outcome,
      nextAction: a.nextAction,
      nextActionDate: a.nextActionDate === null ? '' : dateOfDay(a.nextActionDate, loaded.timeZone),
      owner: a.owner,
      loggedBy: a.loggedBy,
    }]);
    const view: CollectionAction = { ...a, source: 'log', row: first };
    return { ok: true, row: first, action: actionView(view, language) };
  } finally {
    lock?.release();
  }
}

// ---------------------------------------------------------------- history and due

function allActions(loaded: WorkbenchLoad, language: Language): { logged: CollectionAction[]; emails: CollectionAction[] } {
  const logged = readCollectionsLog(loaded.extra.collectionsLog ?? [], loaded.timeZone).actions;
  const emails = reminderActions(loaded.extra.reminderLog ?? [], loaded.timeZone, language);
  return { logged, emails };
}

/** A customer's history: logged actions and emails sent, in date order. */
export function customerHistory(customerId: string): ActionView[] {
  const language = userLanguage();
  const loaded = loadWorkbench(['collectionsLog', 'reminderLog']);
  const key = idKey(String(customerId ?? ''));
  const { logged, emails } = allActions(loaded, language);
  return mergeHistory(logged.filter((a) => a.customerKey === key), emails.filter((a) => a.customerKey === key)).map((a) => actionView(a, language));
}

export interface DueView {
  customerId: string;
  name: string;
  owner: string;
  nextAction: string;
  nextActionDate: string;
  daysOverdue: number;
  lastType: string;
  lastTypeText: string;
  lastDate: string | null;
  summary: string;
  /** Minor units. */
  openBalance: number;
  currency: string;
}

function dueView(item: DueItem, picture: CreditPicture, language: Language): DueView {
  const a = item.action;
  const cp = picture.customers.get(a.customerKey);
  return {
    customerId: cp?.customer.id ?? a.customerId,
    name: cp?.customer.name ?? '',
    owner: a.owner,
    nextAction: a.nextAction,
    nextActionDate: isoOfDay(a.nextActionDate as Day),
    daysOverdue: item.daysOverdue,
    lastType: a.type,
    lastTypeText: actionTypeWord(a.type, language),
    lastDate: a.day === null ? null : isoOfDay(a.day),
    summary: a.summary,
    openBalance: cp?.openBalance ?? 0,
    currency: picture.settings.baseCurrency,
  };
}

/** Whose list: an address; '', '*' or 'all' for everyone; undefined/null for the active user (everyone when unknown). */
export function ownerFilter(owner: unknown): string | null {
  if (owner === undefined || owner === null) return activeUserEmail() || null;
  const s = String(owner).trim().toLowerCase();
  return s === '' || s === '*' || s === 'all' ? null : s;
}

/** Next actions due today or overdue, for an owner (default: the active user). */
export function dueToday(owner?: string | null): { asOf: string; owner: string | null; items: DueView[] } {
  const language = userLanguage();
  const who = ownerFilter(owner);
  const loaded = loadWorkbench(['collectionsLog']);
  const { actions } = readCollectionsLog(loaded.extra.collectionsLog ?? [], loaded.timeZone);
  const items = dueActions(actions, loaded.today, who).map((i) => dueView(i, loaded.picture, language));
  return { asOf: isoOfDay(loaded.today), owner: who, items };
}

/** The Due Today sheet (今日待办): every owner's next actions due today or overdue, by owner then date. */
export function dueTodayLayout(items: DueView[], today: Day, language: Language, timeZone: string, currency: string): ReportLayout {
  const t = COLLECTIONS_TEXT[language];
  const width = t.dueHeaders.length;
  const head: Cell[][] = [[t.dueTitle, ...Array<Cell>(width - 1).fill('')], [t.asOf, dateOfDay(today, timeZone), ...Array<Cell>(width - 2).fill('')]];
  const H = 4;
  const rows: Cell[][] = items.map((i) => [
    i.owner || t.noOwner,
    dateOfDay(parseIsoDay(i.nextActionDate) ?? today, timeZone),
    i.daysOverdue,
    i.customerId,
    i.name,
    i.nextAction,
    i.lastTypeText,
    i.lastDate === null ? '' : dateOfDay(parseIsoDay(i.lastDate) ?? today, timeZone),
    i.summary,
    major(i.openBalance, currency),
  ]);
  const n = Math.max(1, rows.length);
  return {
    blocks: [
      { row: 1, col: 1, values: head },
      { row: H, col: 1, values: [[...t.dueHeaders], ...rows] },
    ],
    formulas: [],
    formats: [
      { block: { row: 2, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 2, numRows: n, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 8, numRows: n, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 10, numRows: n, numCols: 1 }, format: moneyFormat(currency) },
    ],
    bold: [{ row: 1, col: 1, numRows: 1, numCols: 1 }, { row: H, col: 1, numRows: 1, numCols: width }],
    frozenRows: H,
    chart: null,
    rows: H + Math.max(n, 1),
    cols: width,
  };
}

/** Menu: rewrites the Due Today sheet with every owner's due next actions. */
export function writeDueToday(): { sheet: string; count: number; message: string } {
  const loaded = loadWorkbench(['collectionsLog']);
  const language = loaded.file.settings.language;
  const { actions } = readCollectionsLog(loaded.extra.collectionsLog ?? [], loaded.timeZone);
  const items = dueActions(actions, loaded.today, null).map((i) => dueView(i, loaded.picture, language));
  const layout = dueTodayLayout(items, loaded.today, language, loaded.timeZone, loaded.picture.settings.baseCurrency);
  const sheet = writeReport(DUE_TODAY_NAMES, language, layout);
  const message = COLLECTIONS_TEXT[language].dueDone(items.length);
  toast(message, COLLECTIONS_TEXT[language].toastTitle);
  return { sheet, count: items.length, message };
}
