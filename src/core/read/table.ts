/**
 * What every table reader shares: finding the header row and the columns, walking the data
 * rows, and turning CellErrors and zod issues into Problems on the right cell.
 */
import type { Cell, Day, Minor, Problem, Settings } from '../types';
import { problemMessage, type CellError, type Language, type ProblemCode } from '../../i18n/problems';
import { currencyCandidates, minorDigits, parseMoney } from '../money';
import { cellText, columnLetter, idKey, isBlankCell, parseId } from './cells';
import { matchColumns, normalizeHeader, TABLES, type FieldDef, type FieldOf, type TableName } from './headers';
import type { RowIssue } from './schemas';
import { columnCurrency, type HeaderUnit } from './units';

// Globals cached in module scope: inside a vm context (Jest, the emulator) every global
// lookup goes through the context's interceptor, which costs more than the work itself.
const isArray = Array.isArray;

/** Shared constants for `take`, so the hot path allocates nothing. */
export const NO_PARAMS: Readonly<Record<string, string | number>> = Object.freeze({});
export const SKIP_ROW: { readonly skip: true } = Object.freeze({ skip: true });

/** One sheet as the reader takes it: its name and what getValues() of its data range returned. */
export interface SheetValues {
  name: string;
  values: Cell[][];
}

export interface ReadOptions {
  /** The spreadsheet's time zone (Session/Spreadsheet getSpreadsheetTimeZone()). */
  timeZone: string;
  /** Language of the Problems' messages. */
  language: Language;
}

export interface TableContext extends ReadOptions {
  settings: Settings;
  /** Today in the spreadsheet's zone, when known: a date far past it is a Problem (future.ts). */
  today?: Day;
}

/** Index of the first row with any non-blank cell, or -1. */
export function headerRowIndex(values: unknown): number {
  if (!isArray(values)) return -1;
  for (let r = 0; r < values.length; r++) {
    const row: unknown = values[r];
    if (isArray(row) && row.some((c) => !isBlankCell(c))) return r;
  }
  return -1;
}

/**
 * The 0-based column after the last cell that holds anything in any row (a space counts, as
 * Sheets counts it as used); 0 when none does. Where a column the add-on adds may go without
 * landing on a user's cells, headers or not.
 */
export function usedWidth(values: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const row of values) {
    for (let c = row.length - 1; c >= width; c--) {
      const v = row[c];
      if (v !== '' && v !== null && v !== undefined) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

/**
 * True when the row's cells under `columns` repeat the header row's, matched like headers (a header
 * row pasted again among the data). An exact copy is compared first; a cell with a digit is taken
 * for data without normalising it (IDs have digits, headers seldom), which keeps this cheap.
 */
export function repeatsHeader(row: readonly unknown[], headerRow: readonly unknown[], columns: readonly number[]): boolean {
  if (columns.length === 0) return false;
  for (const i of columns) {
    const h = headerRow[i];
    const v = row[i];
    if (typeof v !== 'string' || typeof h !== 'string') return false;
    if (v === h) continue;
    if (/\d/.test(v) && !/\d/.test(h)) return false;
    const key = normalizeHeader(h);
    if (key === '' || normalizeHeader(v) !== key) return false;
  }
  return true;
}

export function isBlankRow(row: unknown): boolean {
  if (!isArray(row)) return true;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/** The display name of a table in a language ('Customers' / '客户'). */
export function tableLabel(table: TableName | 'settings', language: Language): string {
  if (table === 'settings') return language === 'zh' ? '设置' : 'Settings';
  return language === 'zh' ? TABLES[table].zh : TABLES[table].en;
}

export function sheetProblem(
  sheet: string,
  row: number,
  code: ProblemCode,
  language: Language,
  params: Record<string, string | number> = {},
): Problem {
  return {
    sheet,
    row,
    column: '',
    header: '',
    value: String(params.value ?? '').slice(0, 200),
    message: problemMessage(code, language, params),
  };
}

/**
 * A table's sheet opened for reading: header row located, columns matched, missing required
 * columns and repeated headers reported. `rows` is null when no row can be read.
 */
export class OpenTable<T extends TableName> {
  readonly fields: Readonly<Partial<Record<FieldOf<T>, number>>> = {} as Partial<Record<FieldOf<T>, number>>;
  readonly headerIndex: number = -1;
  readonly headerRow: readonly Cell[] = [];
  readonly readable: boolean = false;
  private readonly defs: Map<string, FieldDef>;
  /** Field → column index as a plain lookup (hot path). */
  readonly col: Record<string, number | undefined>;
  /** Money field → the unit in its header (万元, USD, '000), when it has one. */
  readonly units: Record<string, HeaderUnit | undefined> = {};

  constructor(
    readonly table: T,
    readonly sheet: SheetValues,
    readonly ctx: TableContext,
    readonly problems: Problem[],
  ) {
    const def = TABLES[table];
    this.defs = new Map((def.fields as readonly FieldDef[]).map((f) => [f.field, f]));
    this.col = {};
    const values: unknown = sheet.values;
    if (!isArray(values)) {
      problems.push(sheetProblem(sheet.name, 0, 'sheet.unreadable', ctx.language, { table: tableLabel(table, ctx.language) }));
      return;
    }
    const h = headerRowIndex(values);
    if (h < 0) {
      problems.push(sheetProblem(sheet.name, 1, 'sheet.noHeader', ctx.language, { table: tableLabel(table, ctx.language) }));
      return;
    }
    this.headerIndex = h;
    this.headerRow = values[h] as Cell[];
    const match = matchColumns(table, this.headerRow);
    this.fields = match.index;
    this.col = { ...match.index } as Record<string, number | undefined>;
    for (const [field, unit] of Object.entries(match.units) as [string, HeaderUnit][]) {
      if (this.defs.get(field)?.money) this.units[field] = unit;
      else if (unit.scale !== 0) {
        // "Terms（万）": only amounts are scaled; saying so beats a silent surprise either way.
        const i = match.index[field as FieldOf<T>]!;
        problems.push({
          sheet: sheet.name,
          row: h + 1,
          column: columnLetter(i),
          header: this.headerText(i),
          value: this.headerText(i),
          message: problemMessage('column.unitIgnored', ctx.language, { header: this.headerText(i), unit: unit.text }),
        });
      }
    }
    for (const d of match.duplicates) {
      problems.push({
        sheet: sheet.name,
        row: h + 1,
        column: columnLetter(d.index),
        header: this.headerText(d.index),
        value: columnLetter(d.index),
        message: problemMessage('column.duplicate', ctx.language, {
          header: this.headerText(d.index),
          value: columnLetter(d.index),
          first: columnLetter(d.first),
        }),
      });
    }
    this.reportHeaderlessColumns(values as unknown[], h);
    let ok = true;
    for (const f of def.fields as readonly FieldDef[]) {
      if (f.required && (this.fields as Record<string, number | undefined>)[f.field] === undefined) {
        ok = false;
        problems.push({
          sheet: sheet.name,
          row: h + 1,
          column: '',
          header: '',
          value: '',
          message: problemMessage('column.missing', ctx.language, {
            table: tableLabel(table, ctx.language),
            column: f.en,
            columnZh: f.zh,
          }),
        });
      }
    }
    this.readable = ok;
  }

  /**
   * One Problem per column that holds values under a blank header cell (a merged or forgotten
   * header): such a column is not read, which the user should know once, not per cell.
   */
  private reportHeaderlessColumns(values: unknown[], h: number): void {
    let width = 0;
    for (let r = h + 1; r < values.length; r++) {
      const row = values[r];
      if (isArray(row) && row.length > width) width = row.length;
    }
    for (let c = 0; c < width; c++) {
      if (!isBlankCell(this.headerRow[c])) continue;
      for (let r = h + 1; r < values.length; r++) {
        const row = values[r];
        if (!isArray(row) || isBlankCell(row[c])) continue;
        const letter = columnLetter(c);
        this.problems.push({
          sheet: this.sheet.name,
          row: h + 1,
          column: letter,
          header: '',
          value: letter,
          message: problemMessage('column.noHeader', this.ctx.language, { value: letter, row: r + 1 }),
        });
        break;
      }
    }
  }

  /** True when the table requires the field (a row without it is skipped). */
  isRequired(field: string): boolean {
    return this.defs.get(field)?.required === true;
  }

  /** The header as the user wrote it, for a column index. */
  headerText(index: number): string {
    const v = this.headerRow[index];
    return typeof v === 'string' ? v.trim().slice(0, 200) : v === undefined ? '' : cellText(v, this.ctx.timeZone);
  }

  /** A field's column: its letter and its header as written; both '' when the sheet has no such column. */
  place(field: FieldOf<T>): { column: string; header: string } {
    const i = (this.fields as Record<string, number | undefined>)[field];
    return i === undefined ? { column: '', header: '' } : { column: columnLetter(i), header: this.headerText(i) };
  }

  /** Calls fn for each non-blank data row after the header, with a cursor on it. */
  forEachRow<F extends FieldOf<T>>(fn: (c: RowCursor<F>) => void): void {
    if (!this.readable) return;
    const values = this.sheet.values;
    const cursor = new RowCursor<F>(this as unknown as OpenTable<TableName>);
    // A row whose first matched column has a value is not blank: the whole row is scanned only
    // when that cell is blank (most rows have their ID).
    let probe = -1;
    for (const i of Object.values(this.col)) if (i !== undefined && (probe < 0 || i < probe)) probe = i;
    // A row whose required columns repeat their headers is the header row pasted again: not data.
    const required: number[] = [];
    for (const [field, i] of Object.entries(this.col)) if (i !== undefined && this.isRequired(field)) required.push(i);
    for (let r = this.headerIndex + 1; r < values.length; r++) {
      const row: unknown = values[r];
      if (!isArray(row)) continue;
      if ((probe < 0 || isBlankCell(row[probe])) && isBlankRow(row)) continue;
      if (repeatsHeader(row, this.headerRow, required)) {
        this.problems.push(sheetProblem(this.sheet.name, r + 1, 'row.repeatedHeader', this.ctx.language, { header: this.headerText(required[0]!) }));
        continue;
      }
      fn(cursor.reset(row as Cell[], r));
    }
  }
}

/**
 * One data row being read: gives each field's cell and collects that row's Problems. A
 * problem on a required field marks the row skipped (and says so in its message).
 */
export class RowCursor<F extends string> {
  skipped = false;
  private failed: string[] = [];
  row: Cell[] = [];
  /** 0-based index in the grid; the sheet row is r + 1. */
  r = 0;

  constructor(private readonly t: OpenTable<TableName>) {}

  /** Moves to another row (one cursor serves a whole table, to spare allocations). */
  reset(row: Cell[], r: number): this {
    this.row = row;
    this.r = r;
    this.skipped = false;
    if (this.failed.length) this.failed = [];
    return this;
  }

  get sheetRow(): number {
    return this.r + 1;
  }

  /** The cell of a field ('' when the sheet has no such column). */
  cell(field: F): Cell {
    const i = this.t.col[field];
    if (i === undefined) return '';
    const v = this.row[i];
    return v === undefined || v === null ? '' : v;
  }

  has(field: F): boolean {
    return (this.t.fields as Record<string, number | undefined>)[field] !== undefined;
  }

  hasFailed(field: F): boolean {
    return this.failed.includes(field);
  }

  /**
   * Records a Problem on a field's cell. `opts.skip` forces (true) or prevents (false) skipping
   * the row; by default a problem on a required field skips it. `opts.quiet`: the message
   * already says the row is ignored. `opts.value`: the value to show instead of the cell.
   * `opts.then`: a sentence added after the message (what is assumed until the cell is fixed).
   */
  report(
    field: F,
    code: ProblemCode,
    params: Readonly<Record<string, string | number>> = NO_PARAMS,
    opts: { readonly skip?: boolean; readonly value?: string; readonly quiet?: boolean; readonly then?: ProblemCode } = {},
  ): void {
    const ctx = this.t.ctx;
    const i = (this.t.fields as Record<string, number | undefined>)[field];
    const header = i === undefined ? '' : this.t.headerText(i);
    const value = opts.value !== undefined ? opts.value.slice(0, 200) : i === undefined ? '' : cellText(this.row[i], ctx.timeZone);
    const skip = opts.skip ?? this.t.isRequired(field);
    let message = problemMessage(code, ctx.language, { header, value, ...params });
    if (opts.then) message += (ctx.language === 'zh' ? '' : ' ') + problemMessage(opts.then, ctx.language, { header, value, ...params });
    if (skip) {
      if (!this.skipped && !opts.quiet) message += (ctx.language === 'zh' ? '' : ' ') + problemMessage('row.skipped', ctx.language);
      this.skipped = true;
    }
    if (!this.failed.includes(field)) this.failed.push(field);
    this.t.problems.push({ sheet: this.t.sheet.name, row: this.r + 1, column: i === undefined ? '' : columnLetter(i), header, value, message });
  }

  /**
   * The row's ID in `field` (trimmed; null when blank or unreadable) and its key (idKey; ''). A repeat of an ID seen
   * on an earlier row (`seen`: key → sheet row, matched by idKey) is reported with `code`, the
   * row skipped, and `duplicate` is true: the first row wins.
   */
  takeUniqueId(field: F, code: ProblemCode, seen: Map<string, number>): { id: string | null; key: string; duplicate: boolean } {
    const id = this.take(field, parseId(this.cell(field)));
    const key = id === null ? '' : idKey(id);
    if (key) {
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        this.report(field, code, { value: id!, firstRow }, { skip: true, quiet: true });
        return { id, key, duplicate: true };
      }
      seen.set(key, this.r + 1);
    }
    return { id, key, duplicate: false };
  }

  /**
   * The row's Currency as read (`given`), unless the cell is a sign that stands for several
   * currencies (`$`, `¥`) and the header of one of the row's amount `fields` names one of them that
   * `given` is not: then that one, for the whole row ("$" with an "Amount Paid (USD)" column is USD
   * in every column of the row, even for a HKD customer).
   */
  settledCurrency(given: string | null, currencyField: F, fields: readonly F[]): string | null {
    if (given === null) return null;
    let candidates: readonly string[] | null | undefined;
    for (const f of fields) {
      const named = this.t.units[f]?.currencies;
      if (!named || named.includes(given)) continue;
      if (candidates === undefined) candidates = currencyCandidates(this.cell(currencyField));
      const settled = candidates?.find((code) => named.includes(code));
      if (settled !== undefined) return settled;
    }
    return given;
  }

  /**
   * The currency of a money field's cells in this row (see columnCurrency): `given` is the row's
   * Currency cell (null: blank), `fallback` what a blank one means. A Currency cell its header
   * contradicts ("Amount (USD)" on a CNY row) is reported on `currencyField` with `code`, marks the
   * field failed, and gives null.
   */
  currencyOf(
    field: F,
    currencyField: F,
    given: string | null,
    fallback: string,
    code: ProblemCode,
    opts?: { readonly skip?: boolean },
  ): string | null {
    const unit = this.t.units[field];
    const currency = columnCurrency(unit, given, fallback, this.t.ctx.settings.baseCurrency);
    if (currency === null) {
      if (!this.hasFailed(currencyField)) {
        this.report(currencyField, code, { column: this.t.headerText(this.t.col[field]!), written: unit!.currencies![0]! }, opts);
      }
      if (!this.failed.includes(field)) this.failed.push(field);
    }
    return currency;
  }

  /**
   * The currency a money field's header names, whatever the row's Currency says (a credit limit:
   * the header says the limit's currency, the Currency cell what the customer trades in); with
   * none named, `given` or else `fallback`.
   */
  headerCurrency(field: F, given: string | null, fallback: string): string {
    const unit = this.t.units[field];
    const named = unit?.currencies;
    const agrees = given === null || !named || named.includes(given);
    return columnCurrency(unit, agrees ? given : null, fallback, this.t.ctx.settings.baseCurrency) ?? fallback;
  }

  /**
   * A money field's cell in minor units of `currency`, the scale of its header's unit applied
   * (`50` under 信用额度（万元） is 500,000.00); null when blank, or after reporting why it is unreadable.
   */
  money(field: F, currency: string, opts?: { readonly skip?: boolean; readonly then?: ProblemCode }): Minor | null {
    return this.take(field, this.moneyCell(field, currency), NO_PARAMS, opts);
  }

  /** What {@link money} reads, before it is taken: the amount, null (blank) or why it cannot be read. */
  moneyCell(field: F, currency: string): Minor | null | CellError {
    return parseMoney(this.cell(field), minorDigits(currency), currency, this.t.units[field]?.scale ?? 0);
  }

  /** The value, or null after reporting the CellError. */
  take<V>(
    field: F,
    result: V | CellError | null,
    params?: Readonly<Record<string, string | number>>,
    opts?: { readonly skip?: boolean; readonly then?: ProblemCode },
  ): V | null {
    if (result !== null && typeof result === 'object' && !isArray(result) && typeof (result as CellError).problem === 'string') {
      const e = result as CellError;
      this.report(field, e.problem, { ...(e.params ?? {}), ...(params ?? {}) }, opts);
      return null;
    }
    return result as V | null;
  }

  /**
   * Reports zod issues not already reported by a coercer. Issues inside a list field (an
   * address in Email) are reported with that piece as the value and never skip the row.
   */
  reportIssues(issues: RowIssue[], params: Partial<Record<F, Record<string, string | number>>> = {}, listValues: Partial<Record<F, string[]>> = {}): void {
    const perField = new Map<string, number>();
    for (const issue of issues) {
      const field = issue.field as F;
      const n = (perField.get(field) ?? 0) + 1;
      perField.set(field, n);
      if (n > 10) continue; // a cell with dozens of bad addresses: ten Problems say enough
      if (this.failed.includes(field) && issue.index === null) continue;
      const p = (params as Record<string, Record<string, string | number> | undefined>)[field] ?? {};
      if (issue.index !== null) {
        const piece = listValues[field]?.[issue.index] ?? '';
        this.report(field, issue.code, { ...p, value: piece.slice(0, 200) }, { skip: false, value: piece });
      } else {
        this.report(field, issue.code, p);
      }
    }
  }
}
