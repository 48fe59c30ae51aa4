/** DataValidationBuilder and DataValidation. */
import { ServiceError } from '../errors';
import { CriteriaName, DataValidationCriteria, enumName } from '../enums';
import { GasObject } from '../gas-object';
import { ValidationModel, isRangeRef } from '../spreadsheet/model';
import type { Execution } from '../execution';
import { Range } from './range';

/** Apps Script's DataValidation: an immutable rule. */
export class DataValidation extends GasObject {
  readonly _type = 'DataValidation';
  constructor(x: Execution, readonly _model: ValidationModel) {
    super(x);
  }
  getCriteriaType(): unknown {
    return DataValidationCriteria[this._model.criteria];
  }
  getCriteriaValues(): unknown[] {
    return this._model.args.map((a) => (isRangeRef(a) ? new Range(this._x, a.sheet, a.rect) : Array.isArray(a) ? [...(a as unknown[])] : a));
  }
  getAllowInvalid(): boolean {
    return this._model.allowInvalid;
  }
  getHelpText(): string | null {
    return this._model.helpText === '' ? null : this._model.helpText;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this._x);
    b._state = { ...this._model, args: [...this._model.args] };
    return b;
  }
}

/** Apps Script's DataValidationBuilder. allowInvalid defaults to true, as in Apps Script. */
export class DataValidationBuilder extends GasObject {
  readonly _type = 'DataValidationBuilder';
  _state: { criteria: CriteriaName | null; args: unknown[]; allowInvalid: boolean; helpText: string } = {
    criteria: null,
    args: [],
    allowInvalid: true,
    helpText: '',
  };

  _crit(criteria: CriteriaName, args: unknown[]): DataValidationBuilder {
    this._state.criteria = criteria;
    this._state.args = args;
    return this;
  }

  requireValueInList(values: unknown[], showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) throw new ServiceError('The parameters (String) don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.');
    return this._crit('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: Range, showDropdown?: boolean): DataValidationBuilder {
    return this._crit('VALUE_IN_RANGE', [{ sheet: range._sheet, rect: { ...range._rect } }, showDropdown ?? true]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._crit('CHECKBOX', args);
  }
  requireDate(): DataValidationBuilder {
    return this._crit('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): DataValidationBuilder {
    return this._crit('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): DataValidationBuilder {
    return this._crit('DATE_BEFORE', [date]);
  }
  requireDateOnOrAfter(date: Date): DataValidationBuilder {
    return this._crit('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): DataValidationBuilder {
    return this._crit('DATE_ON_OR_BEFORE', [date]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._crit('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    return this._crit('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): DataValidationBuilder {
    return this._crit('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number): DataValidationBuilder {
    return this._crit('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): DataValidationBuilder {
    return this._crit('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this._crit('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): DataValidationBuilder {
    return this._crit('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilder {
    return this._crit('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._crit('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): DataValidationBuilder {
    return this._crit('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(text: string): DataValidationBuilder {
    return this._crit('TEXT_CONTAINS', [String(text)]);
  }
  requireTextDoesNotContain(text: string): DataValidationBuilder {
    return this._crit('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  requireTextEqualTo(text: string): DataValidationBuilder {
    return this._crit('TEXT_EQUAL_TO', [String(text)]);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._crit('CUSTOM_FORMULA', [String(formula)]);
  }
  withCriteria(criteria: unknown, args: unknown[]): DataValidationBuilder {
    const name = enumName(criteria) as CriteriaName;
    if (!(name in DataValidationCriteria)) throw new ServiceError(`Invalid argument: criteria`);
    return this._crit(name, [...args]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this._state.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this._state.helpText = String(helpText ?? '');
    return this;
  }
  getCriteriaType(): unknown {
    return this._state.criteria ? DataValidationCriteria[this._state.criteria] : null;
  }
  getCriteriaValues(): unknown[] {
    return this._state.args.map((a) => (isRangeRef(a) ? new Range(this._x, a.sheet, a.rect) : a));
  }
  getAllowInvalid(): boolean {
    return this._state.allowInvalid;
  }
  getHelpText(): string | null {
    return this._state.helpText === '' ? null : this._state.helpText;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this._x);
    b._state = { ...this._state, args: [...this._state.args] };
    return b;
  }
  build(): DataValidation {
    const s = this._state;
    if (!s.criteria) throw new ServiceError('You must specify a validation criteria before building the data validation rule.');
    return new DataValidation(this._x, Object.freeze({ criteria: s.criteria, args: [...s.args], allowInvalid: s.allowInvalid, helpText: s.helpText }) as ValidationModel);
  }
}
