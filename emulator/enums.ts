/**
 * Apps Script enums. Values are singletons whose toString() is the name, so `e.authMode ===
 * ScriptApp.AuthMode.FULL`, `String(x) === 'FULL'` and `x == 'FULL'` all hold.
 */

/** One enum value. */
export class EnumValue {
  constructor(
    private readonly enumName: string,
    private readonly valueName: string,
    private readonly index: number,
  ) {}
  /** The value's name, e.g. "FULL". */
  name(): string {
    return this.valueName;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.valueName;
  }
  toJSON(): string {
    return this.valueName;
  }
  /** The enum's name, e.g. "AuthMode". */
  get enumType(): string {
    return this.enumName;
  }
}

/** A frozen map of EnumValues. */
export type Enum<K extends string> = Readonly<Record<K, EnumValue>>;

function makeEnum<K extends string>(enumName: string, names: readonly K[]): Enum<K> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = new EnumValue(enumName, n, i);
  });
  return Object.freeze(out);
}

/** Looks up a value by name in an enum; accepts an EnumValue or its name. */
export function enumName(v: unknown): string {
  return v instanceof EnumValue ? v.name() : String(v);
}

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';
export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = makeEnum('EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED'] as const);
export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET'] as const);
export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const);
export type CriteriaName = keyof typeof DataValidationCriteria;
export const ChartType = makeEnum('ChartType', ['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL'] as const);
export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export type ButtonName = keyof typeof Button;
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);
export const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const MacAlgorithm = makeEnum('MacAlgorithm', ['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const);
export const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8'] as const);
export const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const Dimension = makeEnum('Dimension', ['COLUMNS', 'ROWS'] as const);
export const ChartHiddenDimensionStrategy = makeEnum('ChartHiddenDimensionStrategy', ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const);
export const DeveloperMetadataVisibility = makeEnum('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum('DeveloperMetadataLocationType', ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const);
