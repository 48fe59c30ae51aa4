/** Checking a value against a data validation rule (used for user edits, which Sheets can reject). */
import { SpreadsheetModel, ValidationModel, isRangeRef } from './model';
import { StoredValue, WallTime, isDate, wallFromDate } from './values';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function num(v: StoredValue): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof WallTime) return v.serial();
  return null;
}

function dateArg(a: unknown, ss: SpreadsheetModel): number {
  if (isDate(a)) return wallFromDate(a, ss.timeZone).serial();
  return Number(a);
}

/** True when `value` satisfies `rule` (blank always passes). */
export function satisfies(rule: ValidationModel, value: StoredValue, ss: SpreadsheetModel): boolean {
  if (value === '') return true;
  const a = rule.args;
  const n = num(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (a[0] as unknown[]).map(String).includes(displayish(value));
    case 'VALUE_IN_RANGE': {
      const ref = a[0];
      if (!isRangeRef(ref)) return true;
      const cells = ref.sheet.map(ref.rect, (c) => (c ? displayish(c.value) : ''));
      return cells.some((row) => row.includes(displayish(value)));
    }
    case 'CHECKBOX':
      return a.length === 0 ? typeof value === 'boolean' : a.map(String).includes(displayish(value));
    case 'DATE_IS_VALID_DATE':
      return value instanceof WallTime;
    case 'DATE_AFTER':
      return value instanceof WallTime && Math.floor(value.serial()) > Math.floor(dateArg(a[0], ss));
    case 'DATE_BEFORE':
      return value instanceof WallTime && Math.floor(value.serial()) < Math.floor(dateArg(a[0], ss));
    case 'DATE_ON_OR_AFTER':
      return value instanceof WallTime && Math.floor(value.serial()) >= Math.floor(dateArg(a[0], ss));
    case 'DATE_ON_OR_BEFORE':
      return value instanceof WallTime && Math.floor(value.serial()) <= Math.floor(dateArg(a[0], ss));
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= Number(a[0]);
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > Number(a[0]);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < Number(a[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= Number(a[0]);
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === Number(a[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== Number(a[0]);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Number(a[0]) && n <= Number(a[1]);
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Number(a[0]) || n > Number(a[1]));
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
    case 'TEXT_CONTAINS':
      return String(value).includes(String(a[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(a[0]));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(a[0]);
    default:
      return true;
  }
}

function displayish(v: StoredValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof WallTime) return String(v.serial());
  return String(v);
}
