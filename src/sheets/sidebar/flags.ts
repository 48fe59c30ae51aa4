/**
 * setCustomerFlags: the customer card's two toggles, written to that customer's On Hold and
 * Reminders Paused Until cells in the Customers sheet and nowhere else.
 *
 * One read pass (Customers and Settings), then at most two writes: the changed cells of existing
 * columns (one block when they are side by side), and, for a column the sheet lacks, one block
 * down the new column at the end of the data — its header in the header row, the value in the
 * customer's row, and the blank cells between (beyond the data, so blank already).
 *
 * Who may do what: pausing reminders is housekeeping anyone using the sidebar may do; putting a
 * customer on hold or lifting a hold is a credit decision (it turns every check into BLOCK), so
 * only the spreadsheet's owner or an approver listed in Settings may change On Hold. A request
 * that leaves On Hold as it is never needs an approver.
 */
import { headerRowIndex } from '../../core/read/table';
import { dateOfDay, dayFromDate, dayFromYMD, isDateObject, isValidYMD } from '../../core/dates';
import { columnIndex, headerFor, idKey, parseFlag, readSettings, tableOfSheetName } from '../../core/read';
import type { Cell, Day } from '../../core/types';
import { todayIn } from '../../core/dates';
import { SIDEBAR_TEXT } from '../../i18n/sidebarServer';
import { openSheets } from '../../platform/selection';
import { userLanguage } from '../../platform/session';
import { timeZone, writeBlock } from '../../platform/spreadsheet';
import type { FieldErrors } from '../../sidebar/api';
import { isApprover, sheetLanguage } from './load';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of an ISO 'YYYY-MM-DD' string; null when it is not one. */
export function dayOfIso(text: unknown): Day | null {
  if (typeof text !== 'string') return null;
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYMD(y, mo, d) ? dayFromYMD(y, mo, d) : null;
}

interface Write {
  row: number;
  col: number;
  values: Cell[][];
}

export function setCustomerFlags(customerId: string, onHold: boolean, remindersPausedUntil: string | null): { ok: true } | FieldErrors {
  const language = userLanguage();
  const t = SIDEBAR_TEXT[language];
  const zone = timeZone();
  const today = todayIn(zone, new Date());
  const errors: Record<string, string> = {};

  if (typeof onHold !== 'boolean') errors.onHold = t.field[''];
  let pausedDay: Day | null = null;
  if (remindersPausedUntil !== null && remindersPausedUntil !== undefined && remindersPausedUntil !== '') {
    pausedDay = dayOfIso(remindersPausedUntil);
    if (pausedDay === null) errors.remindersPausedUntil = t.badDate;
    else if (pausedDay < today) errors.remindersPausedUntil = t.pastDate; // today: reminders go again today (the form sends a stored date back)
    else if (pausedDay > today + 3653) errors.remindersPausedUntil = t.farDate;
  }
  const id = typeof customerId === 'string' || typeof customerId === 'number' ? String(customerId).trim() : '';
  if (id === '') errors[''] = t.unknownCustomer('');
  if (Object.keys(errors).length) return { ok: false, errors };

  const sheets = openSheets((name) => {
    const table = tableOfSheetName(name);
    return table === 'customers' || table === 'settings';
  });
  const customers = sheets.find((s) => tableOfSheetName(s.name) === 'customers');
  if (!customers) return { ok: false, errors: { '': t.noCustomersSheet } };
  const values = customers.values;
  const h = headerRowIndex(values);
  const header = h >= 0 ? values[h] : [];
  const cols = columnIndex('customers', header);
  if (h < 0 || cols.id === undefined) return { ok: false, errors: { '': t.noCustomersSheet } };
  const key = idKey(id);
  let r = -1;
  for (let i = h + 1; i < values.length; i++) {
    const v = values[i][cols.id];
    if ((typeof v === 'string' || typeof v === 'number') && idKey(String(v)) === key) {
      r = i;
      break;
    }
  }
  if (r < 0) return { ok: false, errors: { '': t.unknownCustomer(id) } };

  const current = cols.onHold === undefined ? '' : values[r][cols.onHold];
  const wasOnHold = parseFlag(current, 'onHold') !== false; // as the reader has it: unreadable counts as held
  if (onHold !== wasOnHold) {
    const settingsSheet = sheets.find((s) => tableOfSheetName(s.name) === 'settings');
    const approvers = readSettings(settingsSheet, { timeZone: zone, language }).settings.approvers;
    if (!isApprover(approvers)) return { ok: false, errors: { onHold: t.holdNeedsApprover } };
  }

  const lang = sheetLanguage(customers.name, header);
  const words = SIDEBAR_TEXT[lang];
  // A checkbox column keeps booleans; otherwise Yes/No (是/否) in the sheet's language.
  const holdValue: Cell = typeof current === 'boolean' ? onHold : onHold ? words.yes : words.no;
  const pausedValue: Cell = pausedDay === null ? '' : dateOfDay(pausedDay, zone);
  const currentPaused = cols.remindersPausedUntil === undefined ? '' : values[r][cols.remindersPausedUntil];

  const width = values.reduce((m, row) => Math.max(m, row.length), 0);
  const existing: { col: number; value: Cell }[] = [];
  const missing: { header: string; value: Cell }[] = [];
  if (cols.onHold !== undefined) {
    if (onHold !== wasOnHold) existing.push({ col: cols.onHold, value: holdValue });
  } else if (onHold) missing.push({ header: headerFor('customers', 'onHold', lang), value: holdValue });
  if (cols.remindersPausedUntil !== undefined) {
    if (!samePaused(currentPaused, pausedDay, zone)) existing.push({ col: cols.remindersPausedUntil, value: pausedValue });
  } else if (pausedDay !== null) missing.push({ header: headerFor('customers', 'remindersPausedUntil', lang), value: pausedValue });

  const writes: Write[] = [];
  existing.sort((a, b) => a.col - b.col);
  if (existing.length === 2 && existing[1].col === existing[0].col + 1) {
    writes.push({ row: r + 1, col: existing[0].col + 1, values: [[existing[0].value, existing[1].value]] });
  } else {
    for (const e of existing) writes.push({ row: r + 1, col: e.col + 1, values: [[e.value]] });
  }
  if (missing.length) {
    const block: Cell[][] = [];
    for (let i = h; i <= r; i++) block.push(missing.map((m) => (i === h ? m.header : i === r ? m.value : '')));
    writes.push({ row: h + 1, col: width + 1, values: block });
  }
  for (const w of writes) writeBlock(customers.sheet, w.row, w.col, w.values);
  return { ok: true };
}

function samePaused(cell: Cell, day: Day | null, zone: string): boolean {
  if (day === null) return cell === '' || cell === null;
  return isDateObject(cell) && dayFromDate(cell, zone) === day;
}
