/** Apps Script's Sheet. */
import { ServiceError, signatureError } from '../errors';
import { ProtectionType, enumName } from '../enums';
import { GasObject } from '../gas-object';
import { parseA1 } from '../spreadsheet/a1';
import { normalizeColor } from '../spreadsheet/colors';
import { SheetModel } from '../spreadsheet/model';
import { toScriptValue } from '../spreadsheet/values';
import type { Execution } from '../execution';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { DeveloperMetadata, isVisibility, metadataKey, metadataVisibility, visibleMetadata } from './developer-metadata';
import { Protection, assertCanEdit, newProtection } from './protection';
import { Range, checkRect } from './range';
import { Spreadsheet, activeRect } from './spreadsheet';

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Apps Script's Sheet. */
export class Sheet extends GasObject {
  readonly _type = 'Sheet';
  constructor(x: Execution, readonly _model: SheetModel) {
    super(x);
  }

  _guardAll(): void {
    const m = this._model;
    assertCanEdit(m.parent, this._x.user, m, { row: 1, col: 1, numRows: m.maxRows, numCols: m.maxColumns });
  }

  getName(): string {
    return this._model.name;
  }
  setName(name: string): Sheet {
    const n = String(name);
    const other = this._model.parent.findSheet(n);
    if (other && other !== this._model) throw new ServiceError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this._model.name = n;
    return this;
  }
  getSheetId(): number {
    return this._model.id;
  }
  getSheetName(): string {
    return this._model.name;
  }
  getIndex(): number {
    return this._model.parent.sheets.indexOf(this._model) + 1;
  }
  getParent(): Spreadsheet {
    return new Spreadsheet(this._x);
  }

  /** getRange(a1) | (row, column) | (row, column, numRows) | (row, column, numRows, numColumns). */
  getRange(...args: unknown[]): Range {
    const [a, b, c, d] = args;
    if (args.length === 1 && typeof a === 'string') {
      const ref = parseA1(a);
      if (!ref) throw new ServiceError('Range not found');
      const sheet = ref.sheetName === null ? this._model : this._model.parent.findSheet(ref.sheetName);
      if (!sheet) throw new ServiceError('Range not found');
      return new Range(this._x, sheet, checkRect(sheet, sheet.resolve(ref)));
    }
    if (args.length < 2 || args.length > 4 || !args.every(isInt)) throw signatureError('SpreadsheetApp.Sheet', 'getRange', args);
    const rect = { row: Math.trunc(a as number), col: Math.trunc(b as number), numRows: c === undefined ? 1 : Math.trunc(c as number), numCols: d === undefined ? 1 : Math.trunc(d as number) };
    return new Range(this._x, this._model, checkRect(this._model, rect));
  }
  getDataRange(): Range {
    const m = this._model;
    return new Range(this._x, m, { row: 1, col: 1, numRows: Math.max(1, m.lastRow()), numCols: Math.max(1, m.lastColumn()) });
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const m = this._model;
    const rect = checkRect(m, {
      row: startRow,
      col: startColumn,
      numRows: numRows === -1 ? m.lastRow() - startRow + 1 : numRows,
      numCols: numColumns === -1 ? m.lastColumn() - startColumn + 1 : numColumns,
    });
    return m.map(rect, (cell) => toScriptValue(cell?.value, m.parent.timeZone));
  }
  getLastRow(): number {
    return this._model.lastRow();
  }
  getLastColumn(): number {
    return this._model.lastColumn();
  }
  getMaxRows(): number {
    return this._model.maxRows;
  }
  getMaxColumns(): number {
    return this._model.maxColumns;
  }

  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet', 'appendRow', [rowContents]);
    const m = this._model;
    const row = m.lastRow() + 1;
    assertCanEdit(m.parent, this._x.user, m, { row, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) });
    if (row > m.maxRows) m.maxRows = row;
    if (rowContents.length > m.maxColumns) m.maxColumns = rowContents.length;
    rowContents.forEach((v, i) => m.parent.writeCell(m, row, i + 1, v));
    return this;
  }

  _checkPosition(pos: number, max: number, what: 'row' | 'column'): void {
    if (!isInt(pos) || pos < 1) throw new ServiceError(`The starting ${what} of the range is too small.`);
    if (pos > max) throw new ServiceError(`Those ${what}s are out of bounds.`);
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._checkPosition(afterPosition, this._model.maxRows, 'row');
    this._guardAll();
    this._model.insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this._checkPosition(beforePosition, this._model.maxRows, 'row');
    this._guardAll();
    this._model.insertRows(beforePosition, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._checkPosition(rowPosition, this._model.maxRows, 'row');
    if (rowPosition === 1 && howMany >= this._model.maxRows) throw new ServiceError("You can't delete all the rows on the sheet.");
    this._guardAll();
    this._model.deleteRows(rowPosition, Math.min(howMany, this._model.maxRows - rowPosition + 1));
  }
  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this._checkPosition(afterPosition, this._model.maxColumns, 'column');
    this._guardAll();
    this._model.insertColumns(afterPosition + 1, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this._checkPosition(beforePosition, this._model.maxColumns, 'column');
    this._guardAll();
    this._model.insertColumns(beforePosition, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._checkPosition(columnPosition, this._model.maxColumns, 'column');
    if (columnPosition === 1 && howMany >= this._model.maxColumns) throw new ServiceError("You can't delete all the columns on the sheet.");
    this._guardAll();
    this._model.deleteColumns(columnPosition, Math.min(howMany, this._model.maxColumns - columnPosition + 1));
  }
  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this._model.maxRows) throw new ServiceError('Invalid argument: rows');
    this._model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this._model.maxColumns) throw new ServiceError('Invalid argument: columns');
    this._model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._model.frozenColumns;
  }

  protect(): Protection {
    const existing = this._model.parent.protections.find((p) => p.sheet === this._model && p.type === 'SHEET');
    return new Protection(this._x, existing ?? newProtection(this._x, 'SHEET', this._model, null));
  }
  getProtections(type: unknown): Protection[] {
    const t = enumName(type);
    if (!(t in ProtectionType)) throw new ServiceError('Invalid argument: type');
    return this._model.parent.protections.filter((p) => p.sheet === this._model && p.type === t).map((p) => new Protection(this._x, p));
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this._guardAll();
    const any = options && (options.contentsOnly || options.formatOnly);
    this._model.clearAll({ contents: !any || !!options?.contentsOnly, formats: !any || !!options?.formatOnly });
    return this;
  }
  clearContents(): Sheet {
    this._guardAll();
    this._model.clearAll({ contents: true, formats: false });
    return this;
  }
  clearFormats(): Sheet {
    this._guardAll();
    this._model.clearAll({ contents: false, formats: true });
    return this;
  }
  clearNotes(): Sheet {
    this._guardAll();
    this._model.forEachCell((c) => delete c.note);
    return this;
  }

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._x, this._model);
  }
  insertChart(chart: EmbeddedChart): void {
    this._guardAll();
    const list = this._model.chartList;
    if (!list.some((c) => c.id === chart._model.id)) list.push({ ...chart._model });
  }
  updateChart(chart: EmbeddedChart): void {
    const list = this._model.chartList;
    const i = list.findIndex((c) => c.id === chart._model.id);
    if (i < 0) throw new ServiceError('The chart does not exist on this sheet.');
    list[i] = { ...chart._model };
  }
  getCharts(): EmbeddedChart[] {
    return this._model.chartList.map((c) => new EmbeddedChart(this._x, this._model, c));
  }
  removeChart(chart: EmbeddedChart): void {
    const list = this._model.chartList;
    const i = list.findIndex((c) => c.id === chart._model.id);
    if (i >= 0) list.splice(i, 1);
  }

  /**
   * addDeveloperMetadata(key) | (key, visibility) | (key, value) | (key, value, visibility): adds
   * metadata located on this sheet (visibility DOCUMENT by default). Returns the sheet.
   */
  addDeveloperMetadata(...args: unknown[]): Sheet {
    if (args.length < 1 || args.length > 3) throw signatureError('SpreadsheetApp.Sheet', 'addDeveloperMetadata', args);
    const key = metadataKey(args[0]);
    let value: string | null = null;
    let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
    if (args.length === 2) {
      if (isVisibility(args[1])) visibility = metadataVisibility(args[1]);
      else value = args[1] === null || args[1] === undefined ? null : String(args[1]);
    } else if (args.length === 3) {
      value = args[1] === null || args[1] === undefined ? null : String(args[1]);
      visibility = metadataVisibility(args[2]);
    }
    const m = this._model;
    m.developerMetadata.push({ id: m.parent.newObjectId(), key, value, visibility, project: this._x.env.scriptId });
    return this;
  }
  /** The developer metadata on this sheet that this script may see (DOCUMENT, and its own PROJECT metadata). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return visibleMetadata(this._x, this._model).map((d) => new DeveloperMetadata(this._x, this._model, d));
  }

  hideSheet(): Sheet {
    const visible = this._model.parent.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._model) throw new ServiceError("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this._model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._model.hidden;
  }
  activate(): Sheet {
    const sel = this._x.selection;
    sel.activeSheetId = this._model.id;
    sel.activeRange = { row: 1, col: 1, numRows: 1, numCols: 1 };
    this._model.hidden = false;
    return this;
  }
  /** The selected range when this is the active sheet; null when it is not, or when there is no selection (no UI). */
  getActiveRange(): Range | null {
    if (this._model.parent.activeSheet(this._x.selection) !== this._model) return null;
    const r = activeRect(this._x, this._model.id);
    return r ? new Range(this._x, this._model, r) : null;
  }
  /** The current cell of this sheet (A1 when it is not active, with a UI); null without a selection. */
  getActiveCell(): Range | null {
    const active = this._model.parent.activeSheet(this._x.selection) === this._model;
    const r = active ? activeRect(this._x, this._model.id) : this._x.hasUi ? { row: 1, col: 1, numRows: 1, numCols: 1 } : null;
    return r ? new Range(this._x, this._model, { row: r.row, col: r.col, numRows: 1, numCols: 1 }) : null;
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  setActiveSelection(range: Range | string): Range {
    const r = typeof range === 'string' ? this.getRange(range) : range;
    return r.activate();
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._model.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let i = 0; i < numColumns; i++) this._model.columnWidths.set(startColumn + i, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._model.columnWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    this._model.rowHeights.set(rowPosition, height);
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this._model.rowHeights.get(rowPosition) ?? 21;
  }
  /** Marks the columns auto-sized (width recorded as -1: "fit to data"). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let i = 0; i < numColumns; i++) this._model.columnWidths.set(startColumn + i, -1);
    return this;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setTabColor(color: string | null): Sheet {
    this._model.tabColor = normalizeColor(color);
    return this;
  }
  getTabColor(): string | null {
    return this._model.tabColor;
  }
  sort(columnPosition: number, ascending?: boolean): Sheet {
    const m = this._model;
    const first = m.frozenRows + 1;
    const last = m.lastRow();
    if (last >= first) {
      new Range(this._x, m, { row: first, col: 1, numRows: last - first + 1, numCols: Math.max(1, m.lastColumn()) }).sort({ column: columnPosition, ascending: ascending !== false });
    }
    return this;
  }
}
