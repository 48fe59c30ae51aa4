/**
 * The spreadsheet's persistent state, and the direct (uncounted) API tests use to set it up and
 * inspect it: `env.spreadsheet.addSheet(...)`, `env.spreadsheet.sheet('X').values()`.
 */
import { A1Ref, Rect, parseA1, rectToA1, quoteSheetName } from './a1';
import { coerceWrite } from './coerce';
import { DEFAULT_NUMBER_FORMAT, formatDisplay } from './number-format';
import { StoredValue, WallTime, toScriptValue } from './values';
import type { CriteriaName } from '../enums';

/** A reference to a block of cells on a sheet (follows the sheet through renames). */
export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** A data validation rule as stored on a cell. */
export interface ValidationModel {
  criteria: CriteriaName;
  /** Apps Script's criteria values; a range argument is a RangeRef. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** A range or sheet protection. */
export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  /** The protected block; for a sheet protection, the whole sheet at check time. */
  rect: Rect | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  /** Sheet protections only: blocks left editable. */
  unprotected: Rect[];
}

/** An embedded chart. */
export interface ChartModel {
  id: number;
  /** ChartType name: BAR, COLUMN, LINE, PIE, ... */
  type: string;
  ranges: RangeRef[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/**
 * Developer metadata on a sheet (key, optional value, visibility). PROJECT metadata is visible
 * only to the script project that created it (`project`); DOCUMENT metadata to any project.
 * It stays with its sheet through renames and edits, and goes when the sheet is deleted.
 */
export interface DeveloperMetadataModel {
  /** Spreadsheet-scoped, positive. */
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** The script project that created it. */
  project: string;
}

/** One cell. Absent attributes mean the default. */
export interface Cell {
  value: StoredValue;
  /** Formula text including the leading "=". */
  formula?: string;
  /** Message of an error result (#ERROR!, #REF!, #NAME?), the code being in `value`. */
  error?: string;
  /** "row,col" of the formula whose array result spilled into this cell. */
  spillFrom?: string;
  numberFormat?: string;
  background?: string;
  note?: string;
  fontWeight?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  validation?: ValidationModel;
}

/** A validation as the direct API reports it. */
export interface ValidationInfo {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** A protection as the direct API reports it. */
export interface ProtectionInfo {
  type: 'RANGE' | 'SHEET';
  range: string | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  /** A1 ranges a sheet protection leaves editable. */
  unprotectedRanges: string[];
}

/** A chart as the direct API reports it. */
export interface ChartInfo {
  id: number;
  type: string;
  ranges: string[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

type ScriptValue = string | number | boolean | Date;

function hasContent(c: Cell | undefined): boolean {
  return !!c && (c.value !== '' || !!c.formula);
}

function hasAnything(c: Cell | undefined): boolean {
  return !!c && Object.entries(c).some(([k, v]) => v !== undefined && !(k === 'value' && v === ''));
}

/** One sheet's cells and attributes. */
export class SheetModel {
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly chartList: ChartModel[] = [];
  /** Developer metadata located on this sheet (Sheet.addDeveloperMetadata). */
  readonly developerMetadata: DeveloperMetadataModel[] = [];
  private grid: Array<Array<Cell | undefined> | undefined> = [];

  constructor(
    readonly parent: SpreadsheetModel,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  /** The cell at 1-based (row, col), or undefined if never touched. */
  peek(row: number, col: number): Cell | undefined {
    return this.grid[row - 1]?.[col - 1];
  }

  /** The cell at 1-based (row, col), created if needed. */
  cell(row: number, col: number): Cell {
    let r = this.grid[row - 1];
    if (!r) r = this.grid[row - 1] = [];
    let c = r[col - 1];
    if (!c) c = r[col - 1] = { value: '' };
    return c;
  }

  /** Calls fn for every existing cell. */
  forEachCell(fn: (cell: Cell, row: number, col: number) => void): void {
    this.grid.forEach((r, ri) => r?.forEach((c, ci) => c && fn(c, ri + 1, ci + 1)));
  }

  /** Last row with a value or formula; 0 on an empty sheet. */
  lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) if (this.grid[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  /** Last column with a value or formula; 0 on an empty sheet. */
  lastColumn(): number {
    let last = 0;
    for (const r of this.grid) {
      if (!r) continue;
      for (let c = r.length; c > last; c--) if (hasContent(r[c - 1])) { last = c; break; }
    }
    return last;
  }

  /** Extent of all cells with any content or attribute. */
  usedExtent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.forEachCell((c, r, col) => {
      if (hasAnything(c)) {
        rows = Math.max(rows, r);
        cols = Math.max(cols, col);
      }
    });
    return { rows, cols };
  }

  /** Inserts `n` empty rows before 1-based row `before` (shifting cells down). */
  insertRows(before: number, n: number): void {
    const blanks = new Array<undefined>(n).fill(undefined);
    if (this.grid.length >= before) this.grid.splice(before - 1, 0, ...blanks);
    this.maxRows += n;
  }

  /** Deletes `n` rows starting at 1-based `start`. */
  deleteRows(start: number, n: number): void {
    this.grid.splice(start - 1, n);
    this.maxRows -= n;
  }

  /** Inserts `n` empty columns before 1-based column `before`. */
  insertColumns(before: number, n: number): void {
    for (const r of this.grid) if (r && r.length >= before) r.splice(before - 1, 0, ...new Array<undefined>(n).fill(undefined));
    this.maxColumns += n;
  }

  /** Deletes `n` columns starting at 1-based `start`. */
  deleteColumns(start: number, n: number): void {
    for (const r of this.grid) r?.splice(start - 1, n);
    this.maxColumns -= n;
  }

  /** Removes every cell (optionally keeping formats or contents). */
  clearAll(opts: { contents: boolean; formats: boolean }): void {
    this.forEachCell((c) => clearCell(c, opts));
  }

  /** Resolves A1 (open-ended allowed) against this sheet; throws on bad notation. */
  rect(a1: string): Rect {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Range not found: ${a1}`);
    return this.resolve(ref);
  }

  /** Resolves a parsed A1 reference: open ends run to the sheet's max rows/columns. */
  resolve(ref: A1Ref): Rect {
    const endRow = ref.endRow ?? this.maxRows;
    const endCol = ref.endCol ?? this.maxColumns;
    return { row: ref.row, col: ref.col, numRows: endRow - ref.row + 1, numCols: endCol - ref.col + 1 };
  }

  private area(a1: string | undefined, used: boolean): Rect {
    if (a1) return this.rect(a1);
    if (used) {
      const e = this.usedExtent();
      return { row: 1, col: 1, numRows: e.rows, numCols: e.cols };
    }
    return { row: 1, col: 1, numRows: this.lastRow(), numCols: this.lastColumn() };
  }

  /** Maps each cell of a block to a value. */
  map<T>(rect: Rect, fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < rect.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < rect.numCols; c++) line.push(fn(this.peek(rect.row + r, rect.col + c), rect.row + r, rect.col + c));
      out.push(line);
    }
    return out;
  }

  // ---- direct API (uncounted) ----

  /** Values as getValues returns them ('' blanks, Date cells); default: the data range. */
  values(a1?: string): ScriptValue[][] {
    const tz = this.parent.timeZone;
    return this.map(this.area(a1, false), (c) => toScriptValue(c?.value, tz));
  }

  /** One cell's value as getValue returns it. */
  value(a1: string): ScriptValue {
    return this.values(a1)[0][0];
  }

  /** Formula texts ('' for non-formula cells). */
  formulas(a1?: string): string[][] {
    return this.map(this.area(a1, false), (c) => c?.formula ?? '');
  }

  /** Displayed texts, as getDisplayValues. */
  displayValues(a1?: string): string[][] {
    const locale = this.parent.locale;
    return this.map(this.area(a1, false), (c) => (c ? formatDisplay(c.value, c.numberFormat, locale) : ''));
  }

  /** Error messages of error cells ('' elsewhere), e.g. a custom function's thrown message. */
  errors(a1?: string): string[][] {
    return this.map(this.area(a1, false), (c) => c?.error ?? '');
  }

  /** Notes ('' for none); default: every used cell. */
  notes(a1?: string): string[][] {
    return this.map(this.area(a1, true), (c) => c?.note ?? '');
  }

  /** Backgrounds ('#ffffff' default). */
  backgrounds(a1?: string): string[][] {
    return this.map(this.area(a1, true), (c) => c?.background ?? '#ffffff');
  }

  /** Explicit number formats ('' where none was set). */
  numberFormats(a1?: string): string[][] {
    return this.map(this.area(a1, true), (c) => c?.numberFormat ?? '');
  }

  /** Font weights ('normal' default). */
  fontWeights(a1?: string): string[][] {
    return this.map(this.area(a1, true), (c) => c?.fontWeight ?? 'normal');
  }

  /** Data validations (null where none). */
  validations(a1?: string): Array<Array<ValidationInfo | null>> {
    return this.map(this.area(a1, true), (c) =>
      c?.validation
        ? {
            criteria: c.validation.criteria,
            values: c.validation.args.map((a) => (isRangeRef(a) ? `${quoteSheetName(a.sheet.name)}!${rectToA1(a.rect)}` : a)),
            allowInvalid: c.validation.allowInvalid,
            helpText: c.validation.helpText,
          }
        : null,
    );
  }

  /** Protections on this sheet. */
  protections(): ProtectionInfo[] {
    return this.parent.protections
      .filter((p) => p.sheet === this)
      .map((p) => ({
        type: p.type,
        range: p.rect ? rectToA1(p.rect) : null,
        description: p.description,
        editors: [...p.editors],
        warningOnly: p.warningOnly,
        unprotectedRanges: p.unprotected.map(rectToA1),
      }));
  }

  /** Embedded charts. */
  charts(): ChartInfo[] {
    return this.chartList.map((c) => ({
      id: c.id,
      type: c.type,
      ranges: c.ranges.map((r) => `${quoteSheetName(r.sheet.name)}!${rectToA1(r.rect)}`),
      position: { ...c.position },
      options: { ...c.options },
    }));
  }

  /** Developer metadata on this sheet, whatever its visibility. */
  metadata(): Array<{ key: string; value: string | null; visibility: 'DOCUMENT' | 'PROJECT' }> {
    return this.developerMetadata.map((m) => ({ key: m.key, value: m.value, visibility: m.visibility }));
  }

  /**
   * Adds developer metadata as another script project (or a user's tool) would: `project`
   * defaults to one that is not the add-on's, so its PROJECT metadata is invisible to the add-on.
   */
  addMetadata(key: string, value: string | null = null, visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT', project = 'another-project'): this {
    this.developerMetadata.push({ id: this.parent.newObjectId(), key, value, visibility, project });
    return this;
  }

  /** Writes a block as a user would type it (strings parsed, "=" formulas), starting at `a1`. */
  setValues(values: unknown[][], a1 = 'A1'): this {
    const start = this.rect(a1);
    values.forEach((row, r) => row.forEach((v, c) => this.parent.writeCell(this, start.row + r, start.col + c, v)));
    return this;
  }

  /** Writes one cell as a user would type it. */
  setValue(a1: string, value: unknown): this {
    return this.setValues([[value]], a1);
  }

  /** Sets a number format on every cell of `a1`. */
  setNumberFormat(a1: string, format: string): this {
    this.map(this.rect(a1), (_c, r, col) => (this.cell(r, col).numberFormat = format));
    return this;
  }

  /** Sets a note on one cell. */
  setNote(a1: string, note: string): this {
    const r = this.rect(a1);
    this.cell(r.row, r.col).note = note;
    return this;
  }
}

/** True for a stored range argument. */
export function isRangeRef(v: unknown): v is RangeRef {
  return typeof v === 'object' && v !== null && 'sheet' in v && 'rect' in v && (v as RangeRef).sheet instanceof SheetModel;
}

/** Clears a cell's contents and/or formats (notes and validations are kept). */
export function clearCell(c: Cell, opts: { contents: boolean; formats: boolean }): void {
  if (opts.contents) {
    c.value = '';
    delete c.formula;
    delete c.error;
    delete c.spillFrom;
  }
  if (opts.formats) {
    delete c.numberFormat;
    delete c.background;
    delete c.fontWeight;
    delete c.fontColor;
    delete c.wrap;
    delete c.horizontalAlignment;
  }
}

/**
 * An active sheet and range. The spreadsheet's own are the user's, in the Sheets UI; an execution
 * without a UI (a time-driven trigger, a custom function) has its own (Execution.selection).
 */
export interface ActiveSelection {
  activeSheetId: number | null;
  activeRange: Rect | null;
}

/** The spreadsheet: sheets in order, protections, the user's active sheet/range, time zone and locale. */
export class SpreadsheetModel implements ActiveSelection {
  readonly sheets: SheetModel[] = [];
  readonly protections: ProtectionModel[] = [];
  editors: string[] = [];
  activeSheetId: number | null = null;
  activeRange: Rect | null = null;
  private nextSheetId = 0;
  private nextObjectId = 1;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
    public owner: string,
  ) {}

  /** A new id for protections and charts. */
  newObjectId(): number {
    return this.nextObjectId++;
  }

  /** Sheet names in order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The sheet with that name, or null. */
  findSheet(name: string): SheetModel | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  /** The sheet with that name; throws if there is none. */
  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet named "${name}" (sheets: ${this.sheetNames().join(', ')})`);
    return s;
  }

  /**
   * Adds a sheet (1000 x 26, or bigger to fit `rows`) with rows written as a user would type them.
   * `index` is the 0-based position (default: last).
   */
  addSheet(name: string, rows: unknown[][] = [], index?: number): SheetModel {
    if (this.findSheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const sheet = new SheetModel(this, name, this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919, Math.max(1000, rows.length), Math.max(26, width));
    this.nextSheetId++;
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    if (rows.length) sheet.setValues(rows);
    if (this.activeSheetId === null) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** Removes a sheet and everything attached to it. */
  removeSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    for (let p = this.protections.length - 1; p >= 0; p--) if (this.protections[p].sheet === sheet) this.protections.splice(p, 1);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets[0]?.id ?? null;
      this.activeRange = null;
    }
  }

  /** Removes all sheets and protections (before loading a file). */
  clearSheets(): void {
    this.sheets.length = 0;
    this.protections.length = 0;
    this.activeSheetId = null;
    this.activeRange = null;
  }

  /** The active sheet of `selection` (default: the user's): the first one when none (a "Sheet1" is created when there are no sheets). */
  activeSheet(selection: ActiveSelection = this): SheetModel {
    const s = this.sheets.find((x) => x.id === selection.activeSheetId) ?? this.sheets[0];
    if (s) return s;
    return this.addSheet('Sheet1');
  }

  /** Resolves "'Sheet 1'!A1:B2" (or "A1:B2" on the active sheet). Throws when unknown. */
  resolveRef(a1: string, defaultSheet?: SheetModel): RangeRef | null {
    const ref = parseA1(a1);
    if (!ref) return null;
    const sheet = ref.sheetName === null ? defaultSheet ?? this.activeSheet() : this.findSheet(ref.sheetName);
    if (!sheet) return null;
    return { sheet, rect: sheet.resolve(ref) };
  }

  /** Writes one cell the way Sheets interprets input (formulas, apostrophes, numbers, dates). */
  writeCell(sheet: SheetModel, row: number, col: number, v: unknown): void {
    const c = sheet.cell(row, col);
    const w = coerceWrite(v, c.numberFormat, this.locale, this.timeZone);
    c.value = w.value;
    if (w.formula) c.formula = w.formula;
    else delete c.formula;
    delete c.error;
    delete c.spillFrom;
    if (w.formatHint && !c.numberFormat) c.numberFormat = w.formatHint;
  }

  /** The number format Apps Script reports for a cell. */
  static effectiveFormat(c: Cell | undefined): string {
    if (c?.numberFormat) return c.numberFormat;
    if (c?.value instanceof WallTime) return 'M/d/yyyy H:mm:ss';
    return DEFAULT_NUMBER_FORMAT;
  }
}
