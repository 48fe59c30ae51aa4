/**
 * The collections log (催收跟进): every action taken on a customer — reminder, call, letter,
 * visit, dispute, legal step, promise, note — with its outcome and the next action, its date and
 * its owner.
 *
 * Two sources make one history: the Collections Log sheet (what people log, from the sidebar or
 * by hand) and the Reminder Log (emails the add-on sent: reminders and statements), read rather
 * than copied, so nothing is written twice.
 *
 * Decisions:
 * - The open next action of a customer is the one on its latest logged action (by Date, then row):
 *   logging a later action for the customer closes the earlier next action (it was followed up);
 *   the new entry carries the next one. Emails the add-on sends do not close a person's next action.
 * - "Due today" = open next actions dated today or earlier, for one owner (matched without case)
 *   or for everyone.
 * - The log is kept leniently: a row a person typed with an unknown Type counts as a Note, an
 *   unreadable date is reported and the row kept; rows with no Customer ID are skipped.
 * - A logged action's Owner defaults to the customer's Owner, else the person logging it.
 */
import * as z from 'zod/mini';
import type { Day } from './types';
import { dayFromDate, dayFromYMD, isDateObject, isoOfDay, isValidYMD, parseDay } from './dates';
import { isCellError } from '../i18n/problems';
import { nameLookup } from './read/headers';
import { lazy } from './lazy';
import { headerRowIndex, isBlankRow } from './read/table';
import { idKey, isEmail } from './read/cells';
import { LOG_HEADERS, LOG_HEADERS_ZH, logColumns } from './reminders/log';
import {
  ACTION_TYPE_WORDS, ACTION_TYPES, COLLECTIONS_LOG_ALIASES, COLLECTIONS_TEXT, FIELD_ERRORS, fillText, type ActionType,
} from '../i18n/collections';
import type { Language } from '../i18n/language';

export type { ActionType } from '../i18n/collections';
export { ACTION_TYPES } from '../i18n/collections';

/** What a collections action says, wherever it is recorded. */
export interface ActionFields {
  customerId: string;
  customerKey: string;
  type: ActionType;
  summary: string;
  outcome: string;
  nextAction: string;
  nextActionDate: Day | null;
  owner: string;
  loggedBy: string;
}

export interface CollectionAction extends ActionFields {
  /** Where it comes from: the Collections Log sheet or the Reminder Log. */
  source: 'log' | 'reminders';
  /** 1-based sheet row (the first row of the email for the Reminder Log). */
  row: number;
  /** The day of the action; null when the cell could not be read. */
  day: Day | null;
}

export interface LogReadProblem {
  row: number;
  field: string;
  value: string;
}

/** The Collections Log field a header names (English, Chinese or an alias), or undefined. */
export const logFieldOfHeader = nameLookup(() => Object.entries(COLLECTIONS_LOG_ALIASES));

const typeOfWord = nameLookup(() => ACTION_TYPES.map((t) => {
  const w = ACTION_TYPE_WORDS[t];
  return [t, [t, w.en, w.zh, ...w.aliases]] as const;
}));

/** The action type a word names ('call', 'Call', '电话', '律师函' …); null when none. */
export function parseActionType(word: unknown): ActionType | null {
  return typeOfWord(word) ?? null;
}

/** The word for a type in a language. */
export function actionTypeWord(type: ActionType, language: Language): string {
  return ACTION_TYPE_WORDS[type][language];
}

function text(cell: unknown, timeZone: string): string {
  if (cell === null || cell === undefined) return '';
  if (isDateObject(cell)) {
    const day = dayFromDate(cell, timeZone);
    return Number.isFinite(day) ? isoOfDay(day) : '';
  }
  return String(cell).trim();
}

/**
 * Reads the Collections Log sheet's values (header row first; the header may be in English or
 * Chinese, or a person's own words from the aliases). Never throws.
 */
export function readCollectionsLog(values: unknown, timeZone: string): { actions: CollectionAction[]; problems: LogReadProblem[] } {
  const actions: CollectionAction[] = [];
  const problems: LogReadProblem[] = [];
  if (!Array.isArray(values)) return { actions, problems };
  const h = headerRowIndex(values);
  if (h < 0) return { actions, problems };
  const header = values[h] as unknown[];
  const col: Record<string, number> = {};
  header.forEach((cell, i) => {
    const f = logFieldOfHeader(cell);
    if (f && col[f] === undefined) col[f] = i;
  });
  if (col.customerId === undefined) return { actions, problems };
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r] as unknown[];
    if (!Array.isArray(row) || isBlankRow(row)) continue;
    const get = (f: string): unknown => (col[f] === undefined ? '' : row[col[f]]);
    const customerId = text(get('customerId'), timeZone);
    if (!customerId) continue;
    const day = (f: string): Day | null => {
      const v = parseDay(get(f), timeZone);
      if (isCellError(v)) {
        problems.push({ row: r + 1, field: f, value: text(get(f), timeZone).slice(0, 200) });
        return null;
      }
      return v;
    };
    actions.push({
      source: 'log',
      row: r + 1,
      day: day('date'),
      customerId,
      customerKey: idKey(customerId),
      type: parseActionType(get('type')) ?? 'note',
      summary: text(get('summary'), timeZone),
      outcome: text(get('outcome'), timeZone),
      nextAction: text(get('nextAction'), timeZone),
      nextActionDate: day('nextActionDate'),
      owner: text(get('owner'), timeZone),
      loggedBy: text(get('loggedBy'), timeZone),
    });
  }
  return { actions, problems };
}

// ---------------------------------------------------------------- the Reminder Log as actions

/**
 * Emails the add-on sent, from the Reminder Log's values: one action per email (its lines share
 * the run, customer, level and subject), state `sent` only. Statement sends (keys `STMT|…`) read
 * as a statement emailed for their period.
 */
export function reminderActions(values: unknown, timeZone: string, language: Language): CollectionAction[] {
  if (!Array.isArray(values) || values.length === 0) return [];
  const [time, run, key, invoice, customer, level, state, , recipients, subject] = logColumns(values[0] as unknown[], LOG_HEADERS, LOG_HEADERS_ZH);
  const c = { time, run, key, invoice, customer, level, state, recipients, subject };
  if (c.key < 0 || c.state < 0 || c.customer < 0) return [];
  const t = COLLECTIONS_TEXT[language];
  const groups = new Map<string, { action: CollectionAction; invoices: string[]; level: string; period: string }>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r] as unknown[];
    if (!Array.isArray(row)) continue;
    const cell = (i: number): unknown => (i >= 0 ? row[i] : '');
    if (String(cell(c.state) ?? '').trim().toLowerCase() !== 'sent') continue;
    const key = String(cell(c.key) ?? '').trim();
    const customerId = String(cell(c.customer) ?? '').trim();
    if (!key || !customerId) continue;
    const timeCell = cell(c.time);
    const day = isDateObject(timeCell) ? dayFromDate(timeCell, timeZone) : (() => {
      const v = parseDay(timeCell, timeZone);
      return isCellError(v) ? null : v;
    })();
    const isStatement = key.toUpperCase().startsWith('STMT|');
    const level = String(cell(c.level) ?? '').trim();
    // One email, one action: its lines share the run, customer and subject (not the level: an
    // email goes at the highest level among its lines, which may differ).
    const groupKey = [String(cell(c.run) ?? ''), idKey(customerId), String(cell(c.subject) ?? ''), isStatement ? key : ''].join('\u0000');
    let g = groups.get(groupKey);
    if (!g) {
      g = {
        action: {
          source: 'reminders', row: r + 1, day: day !== null && Number.isFinite(day) ? day : null, customerId, customerKey: idKey(customerId),
          type: 'reminder', summary: '', outcome: String(cell(c.recipients) ?? '').trim(), nextAction: '', nextActionDate: null, owner: '', loggedBy: 'Credit Desk',
        },
        invoices: [],
        level,
        period: isStatement ? statementPeriodOfKey(key) : '',
      };
      groups.set(groupKey, g);
    }
    if (levelDays(level) > levelDays(g.level)) g.level = level;
    const inv = String(cell(c.invoice) ?? '').trim();
    if (inv && !g.invoices.includes(inv)) g.invoices.push(inv);
  }
  return [...groups.values()].map((g) => ({
    ...g.action,
    summary: g.period ? t.statementSent(g.period) : t.reminderSent(g.level, g.invoices.join(', ')),
  }));
}

/** A Level cell's days ('+30' → 30, '-3' → -3); −∞ when it is no number. */
function levelDays(level: string): number {
  const n = Number(level.replace(/^'/, '').replace(/^\+/, ''));
  return Number.isFinite(n) ? n : -Infinity;
}

/** The period a statement key names: `STMT|C-1|2026-10` → 2026-10; `STMT|C-1|2026-10-05..2026-11-04|M…` → 2026-10-05..2026-11-04. */
export function statementPeriodOfKey(key: string): string {
  return key.split('|')[2] ?? '';
}

/** Both sources in date order (undated last), logged actions before emails on the same day. */
export function mergeHistory(logged: readonly CollectionAction[], emails: readonly CollectionAction[]): CollectionAction[] {
  const all = [...logged, ...emails];
  const dayKey = (a: CollectionAction) => (a.day === null ? Number.MAX_SAFE_INTEGER : a.day);
  return all.sort((a, b) => dayKey(a) - dayKey(b) || (a.source === b.source ? a.row - b.row : a.source === 'log' ? -1 : 1));
}

// ---------------------------------------------------------------- next actions due

export interface DueItem {
  action: CollectionAction;
  /** today − Next Action Date (0: due today). */
  daysOverdue: number;
}

/** The open next action per customer: the one on its latest logged action, when that has one. */
export function openNextActions(actions: readonly CollectionAction[]): Map<string, CollectionAction> {
  const latest = new Map<string, CollectionAction>();
  for (const a of actions) {
    if (a.source !== 'log') continue;
    const prev = latest.get(a.customerKey);
    const later = !prev || (a.day ?? -Infinity) > (prev.day ?? -Infinity) || ((a.day ?? -Infinity) === (prev.day ?? -Infinity) && a.row > prev.row);
    if (later) latest.set(a.customerKey, a);
  }
  const open = new Map<string, CollectionAction>();
  for (const [key, a] of latest) if (a.nextActionDate !== null) open.set(key, a);
  return open;
}

/**
 * Next actions due today or overdue. `owner`: an address (any case) for that owner's only; null
 * or '' for everyone. Sorted by owner, then date, then customer.
 */
export function dueActions(actions: readonly CollectionAction[], today: Day, owner: string | null = null): DueItem[] {
  const who = (owner ?? '').trim().toLowerCase();
  const out: DueItem[] = [];
  for (const a of openNextActions(actions).values()) {
    if (a.nextActionDate === null || a.nextActionDate > today) continue;
    if (who && a.owner.trim().toLowerCase() !== who) continue;
    out.push({ action: a, daysOverdue: today - a.nextActionDate });
  }
  return out.sort(
    (x, y) =>
      x.action.owner.toLowerCase().localeCompare(y.action.owner.toLowerCase()) ||
      (x.action.nextActionDate ?? 0) - (y.action.nextActionDate ?? 0) ||
      x.action.customerKey.localeCompare(y.action.customerKey),
  );
}

// ---------------------------------------------------------------- validating a new entry

export interface NewAction extends ActionFields {
  day: Day;
}

export type ValidationResult = { ok: true; action: NewAction } | { ok: false; errors: Record<string, string> };

export interface ValidationContext {
  today: Day;
  /** Customers by key: the ID as written and the Owner. */
  customers: ReadonlyMap<string, { id: string; key: string; owner: string }>;
  /** The person logging it (lower-cased address; '' when Apps Script withholds it). */
  user: string;
  language: Language;
}

export const INPUT_FIELDS = ['customerId', 'type', 'summary', 'outcome', 'nextAction', 'nextActionDate', 'owner', 'date'] as const;
const MAX = { customerId: 100, summary: 1000, outcome: 1000, nextAction: 500, owner: 254 };

/** 'YYYY-MM-DD' → Day; null when it is not a real date. */
export function parseIsoDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYMD(y, mo, d) ? dayFromYMD(y, mo, d) : null;
}

/** The server-side schema of a logged action, after every value is trimmed text (built on first use). */
export const actionInputSchema = lazy(() => {
  const isoOrBlank = z.string().check(z.refine((s) => s === '' || parseIsoDay(s) !== null, { error: 'badDate' }));
  const capped = (max: number) => z.string().check(z.maxLength(max, { error: `tooLong:${max}` }));
  const requiredCapped = (max: number) => z.string().check(z.minLength(1, { error: 'required' }), z.maxLength(max, { error: `tooLong:${max}` }));
  return z.object({
    customerId: requiredCapped(MAX.customerId),
    type: z.string().check(z.minLength(1, { error: 'required' }), z.refine((s) => s === '' || parseActionType(s) !== null, { error: 'unknownType' })),
    summary: requiredCapped(MAX.summary),
    outcome: capped(MAX.outcome),
    nextAction: capped(MAX.nextAction),
    nextActionDate: isoOrBlank,
    owner: capped(MAX.owner).check(z.refine((s) => s === '' || isEmail(s), { error: 'badEmail' })),
    date: isoOrBlank,
  });
});

function message(code: string, language: Language): string {
  const [name, max] = code.split(':');
  const m = FIELD_ERRORS[language][name] ?? FIELD_ERRORS[language].required;
  return fillText(m, { max: max ?? '' });
}

/**
 * Checks an action sent by the sidebar, field by field. Returns the action ready to log, or the
 * errors by field name in the person's language (e.g. { nextActionDate: 'Write the date as …' }).
 */
export function validateAction(input: unknown, ctx: ValidationContext): ValidationResult {
  const errors: Record<string, string> = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: { form: message('notObject', ctx.language) } };
  const raw = input as Record<string, unknown>;
  const clean: Record<string, string> = {};
  for (const f of INPUT_FIELDS) {
    const v = raw[f];
    if (v === undefined || v === null) clean[f] = '';
    else if (typeof v === 'string') clean[f] = v.trim();
    else errors[f] = message('notText', ctx.language);
  }
  const parsed = actionInputSchema().safeParse(clean);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = String(issue.path[0] ?? 'form');
      if (!errors[f]) errors[f] = message(issue.message, ctx.language);
    }
  }
  const customer = clean.customerId ? ctx.customers.get(idKey(clean.customerId)) : undefined;
  if (clean.customerId && !errors.customerId && !customer) errors.customerId = message('unknownCustomer', ctx.language);
  const day = clean.date ? parseIsoDay(clean.date) : ctx.today;
  if (day !== null && day > ctx.today && !errors.date) errors.date = message('futureDate', ctx.language);
  const next = clean.nextActionDate ? parseIsoDay(clean.nextActionDate) : null;
  if (clean.nextAction && !clean.nextActionDate && !errors.nextActionDate) errors.nextActionDate = message('needDate', ctx.language);
  if (!clean.nextAction && clean.nextActionDate && !errors.nextAction) errors.nextAction = message('needAction', ctx.language);
  if (next !== null && day !== null && next < day && !errors.nextActionDate) errors.nextActionDate = message('pastNextDate', ctx.language);
  if (Object.keys(errors).length > 0 || !customer || day === null) return { ok: false, errors };
  return {
    ok: true,
    action: {
      day,
      customerId: customer.id,
      customerKey: customer.key,
      type: parseActionType(clean.type) ?? 'note',
      summary: clean.summary,
      outcome: clean.outcome,
      nextAction: clean.nextAction,
      nextActionDate: next,
      owner: clean.owner || customer.owner.split(/[;,]/)[0]?.trim() || ctx.user,
      loggedBy: ctx.user,
    },
  };
}
