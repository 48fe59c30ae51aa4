/** Apps Script's Spreadsheet (the bound spreadsheet). */
import { ServiceError, signatureError } from '../errors';
import { ProtectionType, enumName } from '../enums';
import { GasObject } from '../gas-object';
import { parseA1, type Rect } from '../spreadsheet/a1';
import { SpreadsheetModel } from '../spreadsheet/model';
import { isValidTimeZone } from '../util/timezone';
import type { Execution } from '../execution';
import { Protection } from './protection';
import { Range, checkRect } from './range';
import { User } from './session';
import { Sheet } from './sheet';

/** Apps Script's Spreadsheet. */
export class Spreadsheet extends GasObject {
  readonly _type = 'Spreadsheet';
  constructor(x: Execution) {
    super(x);
  }
  get _m(): SpreadsheetModel {
    return this._x.env.spreadsheet;
  }

  getId(): string {
    return this._m.id;
  }
  getName(): string {
    return this._m.name;
  }
  rename(newName: string): void {
    this._m.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._m.id}/edit`;
  }
  getSheets(): Sheet[] {
    if (this._m.sheets.length === 0) this._m.activeSheet();
    return this._m.sheets.map((s) => new Sheet(this._x, s));
  }
  getNumSheets(): number {
    return this._m.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this._m.findSheet(String(name));
    return s ? new Sheet(this._x, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this._m.sheets.find((x) => x.id === id);
    return s ? new Sheet(this._x, s) : null;
  }

  /** insertSheet() | (name) | (name, index) | (index); the new sheet becomes active. */
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof args[0] === 'number') index = args[0];
    else if (typeof args[0] === 'string') {
      name = args[0];
      if (typeof args[1] === 'number') index = args[1];
    } else if (args.length > 0 && args[0] !== undefined) throw signatureError('SpreadsheetApp.Spreadsheet', 'insertSheet', args);
    const m = this._m;
    if (name === undefined) {
      let n = m.sheets.length + 1;
      while (m.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (m.findSheet(name)) throw new ServiceError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (index !== undefined && (index < 0 || index > m.sheets.length)) throw new ServiceError('Invalid argument: index');
    const s = m.addSheet(name, [], index);
    this._x.selection.activeSheetId = s.id;
    this._x.selection.activeRange = { row: 1, col: 1, numRows: 1, numCols: 1 };
    return new Sheet(this._x, s);
  }
  deleteSheet(sheet: Sheet): void {
    if (this._m.sheets.length <= 1) throw new ServiceError("You can't remove all the sheets in a document.");
    new Sheet(this._x, sheet._model)._guardAll();
    this._m.removeSheet(sheet._model);
  }
  getSpreadsheetTimeZone(): string {
    return this._m.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(String(timezone))) throw new ServiceError('Invalid argument: timeZone');
    this._m.timeZone = String(timezone);
  }
  getSpreadsheetLocale(): string {
    return this._m.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._m.locale = String(locale);
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    this._x.env.ui.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? 5, executionId: this._x.id });
  }
  /** The sheet shown in the user's UI; without a UI, the first sheet unless this execution activated another. */
  getActiveSheet(): Sheet {
    return new Sheet(this._x, this._m.activeSheet(this._x.selection));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return new Sheet(this._x, sheet._model).activate();
  }
  /**
   * The selected range of the active sheet. With a UI there always is one (A1 at worst); without
   * one (a time-driven trigger) there is no selection, and Apps Script returns null (Range|null)
   * unless the execution activated a range itself.
   */
  getActiveRange(): Range | null {
    const s = this._m.activeSheet(this._x.selection);
    const r = activeRect(this._x, s.id);
    return r ? new Range(this._x, s, r) : null;
  }
  /** The current cell: the top-left of the active range; null when there is none. */
  getActiveCell(): Range | null {
    const s = this._m.activeSheet(this._x.selection);
    const r = activeRect(this._x, s.id);
    return r ? new Range(this._x, s, { row: r.row, col: r.col, numRows: 1, numCols: 1 }) : null;
  }
  /** getCurrentCell(): the same cell as getActiveCell(). */
  getCurrentCell(): Range | null {
    return this.getActiveCell();
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  /** getRange("Sheet!A1:B2"); without a sheet name, the active sheet. */
  getRange(a1Notation: string): Range {
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new ServiceError('Range not found');
    const sheet = ref.sheetName === null ? this._m.activeSheet(this._x.selection) : this._m.findSheet(ref.sheetName);
    if (!sheet) throw new ServiceError('Range not found');
    return new Range(this._x, sheet, checkRect(sheet, sheet.resolve(ref)));
  }
  getRangeByName(_name: string): Range | null {
    return null;
  }
  getOwner(): User {
    return new User(this._x, this._m.owner);
  }
  getEditors(): User[] {
    return [this._m.owner, ...this._m.editors].map((e) => new User(this._x, e));
  }
  addEditor(emailOrUser: unknown): Spreadsheet {
    const e = emailOrUser instanceof User ? emailOrUser._email : String(emailOrUser);
    if (e !== this._m.owner && !this._m.editors.includes(e)) this._m.editors.push(e);
    return this;
  }
  addEditors(emails: unknown[]): Spreadsheet {
    emails.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(emailOrUser: unknown): Spreadsheet {
    const e = emailOrUser instanceof User ? emailOrUser._email : String(emailOrUser);
    this._m.editors = this._m.editors.filter((x) => x !== e);
    return this;
  }
  getProtections(type: unknown): Protection[] {
    const t = enumName(type);
    if (!(t in ProtectionType)) throw new ServiceError('Invalid argument: type');
    return this._m.protections.filter((p) => p.type === t).map((p) => new Protection(this._x, p));
  }
}

/**
 * The active range of `sheetId` as the execution sees it: its selection's range when on that
 * sheet; else A1 when the execution has a UI (Sheets always has a current cell), null without one.
 */
export function activeRect(x: Execution, sheetId: number): Rect | null {
  const sel = x.selection;
  if (sel.activeSheetId === sheetId && sel.activeRange) return { ...sel.activeRange };
  return x.hasUi ? { row: 1, col: 1, numRows: 1, numCols: 1 } : null;
}
