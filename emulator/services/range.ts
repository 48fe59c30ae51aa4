/** Apps Script's Range: values, formulas, formats, notes, validations, protection. */
import { ServiceError, signatureError } from '../errors';
import { GasObject } from '../gas-object';
import { Rect, rectToA1 } from '../spreadsheet/a1';
import { normalizeColor } from '../spreadsheet/colors';
import { Cell, SheetModel, SpreadsheetModel, clearCell } from '../spreadsheet/model';
import { formatDisplay } from '../spreadsheet/number-format';
import { StoredValue, WallTime, toScriptValue } from '../spreadsheet/values';
import type { Execution } from '../execution';
import { DataValidation } from './data-validation';
import { Protection, assertCanEdit, newProtection } from './protection';
import { Sheet } from './sheet';

/** A cell holds 50,000 characters at most: Sheets refuses the whole write otherwise. */
export const MAX_CELL_CHARS = 50_000;

function checkCellLength(v: unknown): void {
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
    throw new ServiceError(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
}

type ClearOptions = { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean };

/** Checks a 2-D argument against the range's size, in Apps Script's words. */
export function checkDimensions(data: unknown, rect: Rect, method: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) throw signatureError('SpreadsheetApp.Range', method, [data]);
  const rows = data as unknown[][];
  if (rows.length !== rect.numRows) {
    throw new ServiceError(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${rect.numRows}.`);
  }
  for (const r of rows) {
    if (r.length !== rect.numCols) {
      throw new ServiceError(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${rect.numCols}.`);
    }
  }
  return rows;
}

/** Sort order of Sheets: numbers and dates, then text, then booleans; blanks last. */
function compareCells(a: StoredValue, b: StoredValue): number {
  const rank = (v: StoredValue): number => (v === '' ? 3 : typeof v === 'number' || v instanceof WallTime ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a instanceof WallTime ? a.serial() : (a as number)) - (b instanceof WallTime ? b.serial() : (b as number));
  if (ra === 1) return String(a).localeCompare(String(b), undefined, { sensitivity: 'base' });
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}

/** Apps Script's Range. Rows and columns are 1-based. */
export class Range extends GasObject {
  readonly _type = 'Range';

  constructor(
    x: Execution,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
  ) {
    super(x);
  }

  get _ss(): SpreadsheetModel {
    return this._sheet.parent;
  }

  _map<T>(fn: (c: Cell | undefined) => T): T[][] {
    return this._sheet.map(this._rect, fn);
  }

  _top(): Cell | undefined {
    return this._sheet.peek(this._rect.row, this._rect.col);
  }

  /** Protection check for a write by the execution's user. */
  _guard(): void {
    assertCanEdit(this._ss, this._x.user, this._sheet, this._rect);
  }

  _each(fn: (c: Cell, row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(this._sheet.cell(row + i, col + j), row + i, col + j, i, j);
  }

  _set<K extends keyof Cell>(key: K, value: Cell[K] | null | undefined): this {
    this._guard();
    this._each((c) => {
      if (value === null || value === undefined) delete c[key];
      else c[key] = value;
    });
    return this;
  }

  _setGrid<K extends keyof Cell>(data: unknown, method: string, key: K, conv: (v: unknown) => Cell[K] | null): this {
    const rows = checkDimensions(data, this._rect, method);
    this._guard();
    this._each((c, _r, _c, i, j) => {
      const v = conv(rows[i][j]);
      if (v === null || v === undefined) delete c[key];
      else c[key] = v;
    });
    return this;
  }

  // ---- values ----
  getValues(): Array<Array<string | number | boolean | Date>> {
    const tz = this._ss.timeZone;
    return this._map((c) => toScriptValue(c?.value, tz));
  }
  getValue(): string | number | boolean | Date {
    return toScriptValue(this._top()?.value, this._ss.timeZone);
  }
  setValues(values: unknown): Range {
    const rows = checkDimensions(values, this._rect, 'setValues');
    this._guard();
    for (const r of rows) for (const v of r) checkCellLength(v);
    const { row, col } = this._rect;
    rows.forEach((r, i) => r.forEach((v, j) => this._ss.writeCell(this._sheet, row + i, col + j, v)));
    return this;
  }
  setValue(value: unknown): Range {
    this._guard();
    checkCellLength(value);
    this._each((_c, r, col) => this._ss.writeCell(this._sheet, r, col, value));
    return this;
  }
  getDisplayValues(): string[][] {
    const locale = this._ss.locale;
    return this._map((c) => (c ? formatDisplay(c.value, c.numberFormat, locale) : ''));
  }
  getDisplayValue(): string {
    const c = this._top();
    return c ? formatDisplay(c.value, c.numberFormat, this._ss.locale) : '';
  }
  isBlank(): boolean {
    return this._map((c) => !c || (c.value === '' && !c.formula)).every((r) => r.every(Boolean));
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    return this._map((c) => c?.formula ?? '');
  }
  getFormula(): string {
    return this._top()?.formula ?? '';
  }
  _writeFormula(c: Cell, row: number, col: number, f: unknown): void {
    const text = f === null || f === undefined ? '' : String(f);
    if (text.startsWith('=')) {
      c.formula = text;
      c.value = '';
      delete c.error;
      delete c.spillFrom;
    } else {
      this._ss.writeCell(this._sheet, row, col, text);
    }
  }
  setFormula(formula: string): Range {
    this._guard();
    this._each((c, r, col) => this._writeFormula(c, r, col, formula));
    return this;
  }
  setFormulas(formulas: unknown): Range {
    const rows = checkDimensions(formulas, this._rect, 'setFormulas');
    this._guard();
    this._each((c, r, col, i, j) => this._writeFormula(c, r, col, rows[i][j]));
    return this;
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    return this._map((c) => SpreadsheetModel.effectiveFormat(c));
  }
  getNumberFormat(): string {
    return SpreadsheetModel.effectiveFormat(this._top());
  }
  setNumberFormat(format: string): Range {
    return this._set('numberFormat', format === '' ? null : String(format));
  }
  setNumberFormats(formats: unknown): Range {
    return this._setGrid(formats, 'setNumberFormats', 'numberFormat', (v) => (v === '' || v == null ? null : String(v)));
  }

  // ---- backgrounds, fonts, alignment ----
  getBackgrounds(): string[][] {
    return this._map((c) => c?.background ?? '#ffffff');
  }
  getBackground(): string {
    return this._top()?.background ?? '#ffffff';
  }
  setBackground(color: string | null): Range {
    return this._set('background', normalizeColor(color));
  }
  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const hex = [red, green, blue].map((n) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0')).join('');
    return this._set('background', '#' + hex);
  }
  setBackgrounds(colors: unknown): Range {
    return this._setGrid(colors, 'setBackgrounds', 'background', normalizeColor);
  }
  getFontWeights(): string[][] {
    return this._map((c) => c?.fontWeight ?? 'normal');
  }
  getFontWeight(): string {
    return this._top()?.fontWeight ?? 'normal';
  }
  setFontWeight(weight: string | null): Range {
    return this._set('fontWeight', weight === null || weight === 'normal' ? null : String(weight));
  }
  setFontWeights(weights: unknown): Range {
    return this._setGrid(weights, 'setFontWeights', 'fontWeight', (v) => (v === null || v === 'normal' || v === '' ? null : String(v)));
  }
  getFontColor(): string {
    return this._top()?.fontColor ?? '#000000';
  }
  getFontColors(): string[][] {
    return this._map((c) => c?.fontColor ?? '#000000');
  }
  setFontColor(color: string | null): Range {
    return this._set('fontColor', normalizeColor(color));
  }
  setFontColors(colors: unknown): Range {
    return this._setGrid(colors, 'setFontColors', 'fontColor', normalizeColor);
  }
  getWrap(): boolean {
    return this._top()?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this._map((c) => c?.wrap ?? false);
  }
  setWrap(wrap: boolean): Range {
    return this._set('wrap', !!wrap);
  }
  getHorizontalAlignment(): string {
    return this._top()?.horizontalAlignment ?? 'general';
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._set('horizontalAlignment', alignment === null ? null : String(alignment).toLowerCase());
  }
  /** Accepted and not stored: vertical alignment, font size/family/style, borders. */
  setVerticalAlignment(_alignment: string | null): Range {
    this._guard();
    return this;
  }
  setFontSize(_size: number): Range {
    this._guard();
    return this;
  }
  setFontFamily(_family: string | null): Range {
    this._guard();
    return this;
  }
  setFontStyle(_style: string | null): Range {
    this._guard();
    return this;
  }
  setBorder(..._args: unknown[]): Range {
    this._guard();
    return this;
  }

  // ---- notes ----
  getNotes(): string[][] {
    return this._map((c) => c?.note ?? '');
  }
  getNote(): string {
    return this._top()?.note ?? '';
  }
  setNote(note: string | null): Range {
    return this._set('note', note === null || note === '' ? null : String(note));
  }
  setNotes(notes: unknown): Range {
    return this._setGrid(notes, 'setNotes', 'note', (v) => (v === null || v === '' || v === undefined ? null : String(v)));
  }
  clearNote(): Range {
    return this._set('note', null);
  }

  // ---- data validation ----
  getDataValidation(): DataValidation | null {
    const v = this._top()?.validation;
    return v ? new DataValidation(this._x, v) : null;
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    return this._map((c) => (c?.validation ? this._x.wrap(new DataValidation(this._x, c.validation)) : null));
  }
  setDataValidation(rule: DataValidation | null): Range {
    return this._set('validation', rule ? rule._model : null);
  }
  setDataValidations(rules: unknown): Range {
    return this._setGrid(rules, 'setDataValidations', 'validation', (v) => (v ? (v as DataValidation)._model : null));
  }
  clearDataValidations(): Range {
    return this._set('validation', null);
  }

  // ---- checkboxes ----
  insertCheckboxes(): Range {
    this._guard();
    this._each((c) => {
      c.validation = { criteria: 'CHECKBOX', args: [], allowInvalid: false, helpText: '' };
      c.value = false;
      delete c.formula;
    });
    return this;
  }
  removeCheckboxes(): Range {
    this._guard();
    this._each((c) => {
      if (c.validation?.criteria !== 'CHECKBOX') return;
      delete c.validation;
      if (typeof c.value === 'boolean') c.value = '';
    });
    return this;
  }
  isChecked(): boolean | null {
    const states = this._map((c) => (c?.validation?.criteria === 'CHECKBOX' ? c.value === true : null)).flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }
  check(): Range {
    this._guard();
    this._each((c) => c.validation?.criteria === 'CHECKBOX' && (c.value = true));
    return this;
  }
  uncheck(): Range {
    this._guard();
    this._each((c) => c.validation?.criteria === 'CHECKBOX' && (c.value = false));
    return this;
  }

  // ---- clearing ----
  clearContent(): Range {
    this._guard();
    this._each((c) => clearCell(c, { contents: true, formats: false }));
    return this;
  }
  clearFormat(): Range {
    this._guard();
    this._each((c) => clearCell(c, { contents: false, formats: true }));
    return this;
  }
  clear(options?: ClearOptions): Range {
    this._guard();
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    this._each((c) => {
      clearCell(c, { contents: !any || !!o.contentsOnly, formats: !any || !!o.formatOnly });
      if (o.commentsOnly) delete c.note;
      if (o.validationsOnly) delete c.validation;
    });
    return this;
  }

  // ---- geometry ----
  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  getA1Notation(): string {
    return rectToA1(this._rect);
  }
  getGridId(): number {
    return this._sheet.id;
  }
  getSheet(): Sheet {
    return new Sheet(this._x, this._sheet);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const rect: Rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    };
    return new Range(this._x, this._sheet, checkRect(this._sheet, rect));
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols) throw new ServiceError('Cell reference out of range');
    return new Range(this._x, this._sheet, { row: this._rect.row + row - 1, col: this._rect.col + column - 1, numRows: 1, numCols: 1 });
  }
  activate(): Range {
    const sel = this._x.selection;
    sel.activeSheetId = this._sheet.id;
    sel.activeRange = { ...this._rect };
    return this;
  }
  protect(): Protection {
    return new Protection(this._x, newProtection(this._x, 'RANGE', this._sheet, { ...this._rect }));
  }

  /** Sorts the rows of the range: a column number, {column, ascending}, or an array of those. */
  sort(spec: unknown): Range {
    this._guard();
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : { column: Number((s as { column: number }).column), ascending: (s as { ascending?: boolean }).ascending !== false },
    );
    const { row, col, numRows, numCols } = this._rect;
    const rows: Array<Array<Cell | undefined>> = [];
    for (let i = 0; i < numRows; i++) {
      const line: Array<Cell | undefined> = [];
      for (let j = 0; j < numCols; j++) {
        const c = this._sheet.peek(row + i, col + j);
        line.push(c ? { ...c } : undefined);
      }
      rows.push(line);
    }
    rows.sort((a, b) => {
      for (const s of specs) {
        const va = a[s.column - col]?.value ?? '';
        const vb = b[s.column - col]?.value ?? '';
        if (va === '' || vb === '') {
          if (va !== vb) return va === '' ? 1 : -1;
          continue;
        }
        const d = compareCells(va, vb);
        if (d !== 0) return s.ascending ? d : -d;
      }
      return 0;
    });
    rows.forEach((line, i) =>
      line.forEach((c, j) => {
        const target = this._sheet.cell(row + i, col + j);
        for (const k of Object.keys(target)) delete (target as unknown as Record<string, unknown>)[k];
        Object.assign(target, c ?? { value: '' });
      }),
    );
    return this;
  }
}

/** Validates a block against the sheet's bounds, in Apps Script's words. */
export function checkRect(sheet: SheetModel, rect: Rect): Rect {
  if (rect.row < 1) throw new ServiceError('The starting row of the range is too small.');
  if (rect.col < 1) throw new ServiceError('The starting column of the range is too small.');
  if (rect.numRows < 1) throw new ServiceError('The number of rows in the range must be at least 1.');
  if (rect.numCols < 1) throw new ServiceError('The number of columns in the range must be at least 1.');
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxColumns) {
    throw new ServiceError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return rect;
}
