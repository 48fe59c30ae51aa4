/** The SpreadsheetApp global. */
import { ServiceError } from '../errors';
import { DataValidationCriteria, DeveloperMetadataLocationType, DeveloperMetadataVisibility, Dimension, ProtectionType, WrapStrategy } from '../enums';
import { GasObject } from '../gas-object';
import type { Execution } from '../execution';
import { DataValidationBuilder } from './data-validation';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import { Ui } from './ui';

/** Apps Script's SpreadsheetApp, bound to the environment's spreadsheet. */
export class SpreadsheetAppService extends GasObject {
  readonly _type = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;

  constructor(x: Execution) {
    super(x);
  }
  getActiveSpreadsheet(): Spreadsheet {
    return new Spreadsheet(this._x);
  }
  getActive(): Spreadsheet {
    return new Spreadsheet(this._x);
  }
  openById(id: string): Spreadsheet {
    if (id !== this._x.env.spreadsheet.id) throw new ServiceError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return new Spreadsheet(this._x);
  }
  getActiveSheet(): Sheet {
    return new Spreadsheet(this._x).getActiveSheet();
  }
  getActiveRange(): Range | null {
    return new Spreadsheet(this._x).getActiveRange();
  }
  getActiveCell(): Range | null {
    return new Spreadsheet(this._x).getActiveCell();
  }
  getCurrentCell(): Range | null {
    return new Spreadsheet(this._x).getCurrentCell();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return new Spreadsheet(this._x).setActiveSheet(sheet);
  }
  getUi(): Ui {
    if (!this._x.hasUi) throw new ServiceError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this._x);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._x);
  }
  /** Writes are applied immediately, so flush has nothing to do. */
  flush(): void {}
}
