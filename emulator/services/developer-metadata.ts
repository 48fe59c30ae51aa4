/**
 * Apps Script's DeveloperMetadata and DeveloperMetadataLocation, for metadata located on a sheet
 * (Sheet.addDeveloperMetadata / Sheet.getDeveloperMetadata). Spreadsheet-, row- and column-level
 * metadata are not emulated.
 */
import { ServiceError } from '../errors';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, EnumValue, enumName } from '../enums';
import { GasObject } from '../gas-object';
import { DeveloperMetadataModel, SheetModel } from '../spreadsheet/model';
import type { Execution } from '../execution';
import { Sheet } from './sheet';

/** A metadata key as Apps Script takes it: a non-empty string. */
export function metadataKey(key: unknown): string {
  if (key === undefined || key === null || String(key) === '') throw new ServiceError('Invalid argument: key');
  return String(key);
}

/** A visibility argument: a DeveloperMetadataVisibility value (or its name). */
export function metadataVisibility(v: unknown): 'DOCUMENT' | 'PROJECT' {
  const name = enumName(v);
  if (name !== 'DOCUMENT' && name !== 'PROJECT') throw new ServiceError('Invalid argument: visibility');
  return name;
}

/** True for an argument that is a DeveloperMetadataVisibility value (not a value string). */
export function isVisibility(v: unknown): boolean {
  return v instanceof EnumValue && v.enumType === 'DeveloperMetadataVisibility';
}

/** The metadata on a sheet that the execution's project may see: DOCUMENT, and its own PROJECT metadata. */
export function visibleMetadata(x: Execution, sheet: SheetModel): DeveloperMetadataModel[] {
  return sheet.developerMetadata.filter((m) => m.visibility === 'DOCUMENT' || m.project === x.env.scriptId);
}

/** Apps Script's DeveloperMetadata (located on a sheet). */
export class DeveloperMetadata extends GasObject {
  readonly _type = 'DeveloperMetadata';
  constructor(x: Execution, public _sheet: SheetModel, readonly _model: DeveloperMetadataModel) {
    super(x);
  }
  getId(): number {
    return this._model.id;
  }
  getKey(): string {
    return this._model.key;
  }
  /** The value, or null when the metadata has none. */
  getValue(): string | null {
    return this._model.value;
  }
  getVisibility(): EnumValue {
    return DeveloperMetadataVisibility[this._model.visibility];
  }
  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this._x, this._sheet);
  }
  setKey(key: string): DeveloperMetadata {
    this._model.key = metadataKey(key);
    return this;
  }
  setValue(value: string): DeveloperMetadata {
    this._model.value = value === null || value === undefined ? null : String(value);
    return this;
  }
  setVisibility(visibility: unknown): DeveloperMetadata {
    this._model.visibility = metadataVisibility(visibility);
    return this;
  }
  moveToSheet(sheet: Sheet): DeveloperMetadata {
    const from = this._sheet.developerMetadata;
    const i = from.indexOf(this._model);
    if (i < 0) throw new ServiceError('The developer metadata does not exist.');
    from.splice(i, 1);
    sheet._model.developerMetadata.push(this._model);
    this._sheet = sheet._model;
    return this;
  }
  remove(): void {
    const list = this._sheet.developerMetadata;
    const i = list.indexOf(this._model);
    if (i >= 0) list.splice(i, 1);
  }
}

/** Apps Script's DeveloperMetadataLocation, for a sheet location. */
export class DeveloperMetadataLocation extends GasObject {
  readonly _type = 'DeveloperMetadataLocation';
  constructor(x: Execution, readonly _sheet: SheetModel) {
    super(x);
  }
  getLocationType(): EnumValue {
    return DeveloperMetadataLocationType.SHEET;
  }
  getSheet(): Sheet {
    return new Sheet(this._x, this._sheet);
  }
  /** Null: the location is a sheet, not a row. */
  getRow(): null {
    return null;
  }
  /** Null: the location is a sheet, not a column. */
  getColumn(): null {
    return null;
  }
  /** Null: the location is a sheet, not the spreadsheet. */
  getSpreadsheet(): null {
    return null;
  }
}
