/** Protection (range and sheet protections) and the write check they impose. */
import { ServiceError } from '../errors';
import { ProtectionType } from '../enums';
import { GasObject } from '../gas-object';
import { Rect, contains, intersects } from '../spreadsheet/a1';
import { ProtectionModel, SheetModel, SpreadsheetModel } from '../spreadsheet/model';
import type { Execution } from '../execution';
import { Range } from './range';
import { User } from './session';

/** Sheets' refusal when writing to a protected cell. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** True when `user` may write to `rect` of `sheet` (owner, editor, or warning-only protection). */
export function canEditRect(ss: SpreadsheetModel, user: string, sheet: SheetModel, rect: Rect): boolean {
  if (sameUser(user, ss.owner)) return true;
  for (const p of ss.protections) {
    if (p.sheet !== sheet || p.warningOnly || p.editors.some((e) => sameUser(e, user))) continue;
    if (p.type === 'RANGE' && p.rect && intersects(p.rect, rect)) return false;
    if (p.type === 'SHEET' && !p.unprotected.some((u) => contains(u, rect))) return false;
  }
  return true;
}

/** Throws Sheets' protection error when `user` may not write to `rect`. */
export function assertCanEdit(ss: SpreadsheetModel, user: string, sheet: SheetModel, rect: Rect): void {
  if (!canEditRect(ss, user, sheet, rect)) throw new ServiceError(PROTECTED_MESSAGE);
}

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function emailOf(u: unknown): string {
  if (u instanceof User) return u._email;
  if (typeof u === 'object' && u !== null && typeof (u as { getEmail?: unknown }).getEmail === 'function') return String((u as { getEmail(): string }).getEmail());
  return String(u);
}

/** Creates a protection model: editors are the owner and the creating user. */
export function newProtection(x: Execution, type: 'RANGE' | 'SHEET', sheet: SheetModel, rect: Rect | null): ProtectionModel {
  const ss = x.env.spreadsheet;
  const editors = [ss.owner];
  if (x.user && !editors.some((e) => sameUser(e, x.user))) editors.push(x.user);
  const p: ProtectionModel = { id: ss.newObjectId(), type, sheet, rect, description: '', editors, warningOnly: false, domainEdit: true, unprotected: [] };
  ss.protections.push(p);
  return p;
}

/** Apps Script's Protection. */
export class Protection extends GasObject {
  readonly _type = 'Protection';
  constructor(x: Execution, readonly _model: ProtectionModel) {
    super(x);
  }
  getProtectionType(): unknown {
    return ProtectionType[this._model.type];
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): Protection {
    this._model.description = String(description);
    return this;
  }
  getRange(): Range {
    const m = this._model;
    return new Range(this._x, m.sheet, m.rect ?? { row: 1, col: 1, numRows: m.sheet.maxRows, numCols: m.sheet.maxColumns });
  }
  addEditor(emailOrUser: unknown): Protection {
    const e = emailOf(emailOrUser);
    if (!this._model.editors.some((x) => sameUser(x, e))) this._model.editors.push(e);
    return this;
  }
  addEditors(emails: unknown[]): Protection {
    emails.forEach((e) => this.addEditor(e));
    return this;
  }
  /** The owner and the user running the script are never removed (Sheets keeps them as editors). */
  removeEditor(emailOrUser: unknown): Protection {
    const e = emailOf(emailOrUser);
    const ss = this._x.env.spreadsheet;
    const me = this._x.user;
    this._model.editors = this._model.editors.filter((x) => !sameUser(x, e) || sameUser(x, ss.owner) || (me !== '' && sameUser(x, me)));
    return this;
  }
  removeEditors(emails: unknown[]): Protection {
    emails.forEach((e) => this.removeEditor(e));
    return this;
  }
  getEditors(): User[] {
    return this._model.editors.map((e) => new User(this._x, e));
  }
  canEdit(): boolean {
    const ss = this._x.env.spreadsheet;
    const u = this._x.user;
    return sameUser(u, ss.owner) || this._model.editors.some((e) => sameUser(e, u));
  }
  canDomainEdit(): boolean {
    return this._model.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this._model.domainEdit = !!editable;
    return this;
  }
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this._model.warningOnly = !!warningOnly;
    return this;
  }
  setUnprotectedRanges(ranges: Range[]): Protection {
    if (this._model.type !== 'SHEET') throw new ServiceError('Unprotected ranges can only be set on a sheet protection.');
    this._model.unprotected = ranges.map((r) => ({ ...r._rect }));
    return this;
  }
  getUnprotectedRanges(): Range[] {
    return this._model.unprotected.map((r) => new Range(this._x, this._model.sheet, r));
  }
  remove(): void {
    if (!this.canEdit()) throw new ServiceError(PROTECTED_MESSAGE);
    const list = this._x.env.spreadsheet.protections;
    const i = list.indexOf(this._model);
    if (i >= 0) list.splice(i, 1);
  }
}
