/**
 * .xlsx import/export with exceljs: values, dates (xlsx dates are wall-clock; they become the
 * instant at that wall clock in the spreadsheet's time zone, as Sheets does), numbers, booleans,
 * strings, rich text (as plain text), formulas (text and cached result), number formats, notes,
 * backgrounds, bold, frozen rows/columns, hidden sheets, list/number validations, sheet order.
 * Developer metadata is not kept: .xlsx has no place for it, so a loaded sheet carries none.
 */
import * as ExcelJS from 'exceljs';
import { quoteSheetName, rectToA1 } from './spreadsheet/a1';
import { Cell, SheetModel, SpreadsheetModel, ValidationModel, isRangeRef } from './spreadsheet/model';
import { defaultDateFormat, isDateFormat } from './spreadsheet/number-format';
import { StoredValue, WallTime, wallFromSerial } from './spreadsheet/values';

type XValue = ExcelJS.CellValue;

function plainText(v: unknown): string {
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return String(v ?? '');
}

function fromResult(v: unknown, numFmt: string | undefined): { value: StoredValue; error?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (v instanceof Date) return { value: new WallTime(v.getTime()) };
  if (typeof v === 'number') return { value: isDateFormat(numFmt) ? wallFromSerial(v) : v };
  if (typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'object' && 'error' in v) {
    const code = String((v as ExcelJS.CellErrorValue).error);
    return { value: code, error: code };
  }
  return { value: plainText(v) };
}

function argbToHex(argb: string | undefined): string | undefined {
  if (!argb) return undefined;
  return '#' + argb.slice(-6).toLowerCase();
}

function noteText(note: string | ExcelJS.Comment | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function readCell(xc: ExcelJS.Cell, c: Cell): void {
  const numFmt = xc.numFmt && xc.numFmt !== 'General' ? xc.numFmt : undefined;
  if (numFmt) c.numberFormat = numFmt;
  const v: XValue = xc.value;
  if (v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    const f = xc.formula || (v as ExcelJS.CellFormulaValue).formula;
    if (f) c.formula = '=' + f;
    const r = fromResult((v as ExcelJS.CellFormulaValue).result, numFmt);
    c.value = r.value;
    if (r.error) c.error = r.error;
  } else if (v && typeof v === 'object' && 'hyperlink' in v) {
    c.value = plainText((v as ExcelJS.CellHyperlinkValue).text);
  } else {
    const r = fromResult(v, numFmt);
    c.value = r.value;
    if (r.error) c.error = r.error;
  }
  const note = noteText(xc.note);
  if (note) c.note = note;
  const fill = xc.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const bg = argbToHex(fill.fgColor?.argb);
    if (bg && bg !== '#ffffff') c.background = bg;
  }
  if (xc.font?.bold) c.fontWeight = 'bold';
  const color = argbToHex(xc.font?.color?.argb);
  if (color && color !== '#000000') c.fontColor = color;
  if (xc.alignment?.horizontal) c.horizontalAlignment = xc.alignment.horizontal;
  if (xc.alignment?.wrapText) c.wrap = true;
}

function readValidation(dv: ExcelJS.DataValidation | undefined, ss: SpreadsheetModel, sheet: SheetModel): ValidationModel | undefined {
  if (!dv || !dv.type) return undefined;
  const base = { allowInvalid: dv.showErrorMessage === false || dv.errorStyle === 'warning', helpText: dv.prompt ?? '' };
  const f0 = dv.formulae?.[0] as unknown;
  if (dv.type === 'list' && typeof f0 === 'string') {
    if (f0.startsWith('"')) return { criteria: 'VALUE_IN_LIST', args: [f0.slice(1, -1).split(','), true], ...base };
    const ref = ss.resolveRef(f0.replace(/\$/g, ''), sheet);
    if (ref) return { criteria: 'VALUE_IN_RANGE', args: [ref, true], ...base };
  }
  if ((dv.type === 'whole' || dv.type === 'decimal') && dv.formulae?.length) {
    const a = Number(dv.formulae[0]);
    const b = Number(dv.formulae[1]);
    switch (dv.operator) {
      case 'between':
        return { criteria: 'NUMBER_BETWEEN', args: [a, b], ...base };
      case 'greaterThanOrEqual':
        return { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', args: [a], ...base };
      case 'greaterThan':
        return { criteria: 'NUMBER_GREATER_THAN', args: [a], ...base };
      case 'lessThan':
        return { criteria: 'NUMBER_LESS_THAN', args: [a], ...base };
      case 'lessThanOrEqual':
        return { criteria: 'NUMBER_LESS_THAN_OR_EQUAL_TO', args: [a], ...base };
      default:
        return undefined;
    }
  }
  if (dv.type === 'date') return { criteria: 'DATE_IS_VALID_DATE', args: [], ...base };
  return undefined;
}

/** Replaces the spreadsheet's sheets with the workbook's, in workbook order. */
export async function loadXlsx(ss: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  ss.clearSheets();
  const pending: Array<() => void> = [];
  const sheets = wb.worksheets.filter(Boolean);
  for (const ws of sheets) {
    const sheet = ss.addSheet(ws.name);
    sheet.maxRows = Math.max(1000, ws.rowCount);
    sheet.maxColumns = Math.max(26, ws.columnCount);
    const view = ws.views?.[0];
    if (view && view.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenColumns = view.xSplit ?? 0;
    }
    if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (xc, col) => {
        if (xc.type === ExcelJS.ValueType.Merge) return;
        const c = sheet.cell(r, col);
        readCell(xc, c);
        const dv = xc.dataValidation;
        if (dv && dv.type) pending.push(() => {
          const rule = readValidation(dv, ss, sheet);
          if (rule) c.validation = rule;
        });
      });
    });
    ws.columns?.forEach((colDef, i) => {
      if (colDef && typeof colDef.width === 'number') sheet.columnWidths.set(i + 1, Math.round(colDef.width * 7));
    });
  }
  pending.forEach((f) => f());
}

function toXlsxValue(c: Cell): XValue {
  const plain = (v: StoredValue): XValue => (v instanceof WallTime ? new Date(v.ms) : v === '' ? null : v);
  if (c.formula) {
    const result = c.error && typeof c.value === 'string' && c.value.startsWith('#') ? { error: c.value as ExcelJS.ErrorValue } : plain(c.value);
    return { formula: c.formula.slice(1), result: result ?? undefined } as ExcelJS.CellFormulaValue;
  }
  if (c.error && typeof c.value === 'string' && c.value.startsWith('#')) return { error: c.value as ExcelJS.ErrorValue };
  return plain(c.value);
}

function toXlsxValidation(v: ValidationModel): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: true, showErrorMessage: !v.allowInvalid, prompt: v.helpText || undefined, showInputMessage: !!v.helpText };
  const a = v.args;
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
      return { type: 'list', formulae: [`"${(a[0] as unknown[]).map(String).join(',')}"`], ...base };
    case 'VALUE_IN_RANGE':
      return isRangeRef(a[0]) ? { type: 'list', formulae: [`${quoteSheetName(a[0].sheet.name)}!${rectToA1(a[0].rect)}`], ...base } : undefined;
    case 'NUMBER_BETWEEN':
      return { type: 'decimal', operator: 'between', formulae: [a[0], a[1]], ...base };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [a[0]], ...base };
    case 'NUMBER_GREATER_THAN':
      return { type: 'decimal', operator: 'greaterThan', formulae: [a[0]], ...base };
    case 'NUMBER_LESS_THAN':
      return { type: 'decimal', operator: 'lessThan', formulae: [a[0]], ...base };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return { type: 'decimal', operator: 'lessThanOrEqual', formulae: [a[0]], ...base };
    case 'DATE_IS_VALID_DATE':
      return { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))], ...base };
    default:
      return undefined;
  }
}

/** Writes every sheet, in order, to an .xlsx file. */
export async function saveXlsx(ss: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ss.sheets) {
    const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
    const ws = wb.addWorksheet(sheet.name, {
      views: frozen ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenColumns }] : [],
      state: sheet.hidden ? 'hidden' : 'visible',
    });
    sheet.forEachCell((c, r, col) => {
      const xc = ws.getCell(r, col);
      if (c.value !== '' || c.formula) xc.value = toXlsxValue(c);
      if (c.numberFormat) xc.numFmt = c.numberFormat;
      else if (c.value instanceof WallTime) xc.numFmt = defaultDateFormat(c.value, ss.locale);
      if (c.note) xc.note = c.note;
      if (c.background) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.background.slice(1).toUpperCase() } };
      if (c.fontWeight === 'bold' || c.fontColor) {
        xc.font = { ...(c.fontWeight === 'bold' ? { bold: true } : {}), ...(c.fontColor ? { color: { argb: 'FF' + c.fontColor.slice(1).toUpperCase() } } : {}) };
      }
      if (c.horizontalAlignment || c.wrap) {
        const h = c.horizontalAlignment as ExcelJS.Alignment['horizontal'] | undefined;
        xc.alignment = { ...(h && h !== ('general' as string) ? { horizontal: h } : {}), ...(c.wrap ? { wrapText: true } : {}) };
      }
      if (c.validation) {
        const dv = toXlsxValidation(c.validation);
        if (dv) xc.dataValidation = dv;
      }
    });
    sheet.columnWidths.forEach((px, col) => {
      if (px > 0) ws.getColumn(col).width = px / 7;
    });
  }
  await wb.xlsx.writeFile(file);
}

