/**
 * Reading the credit file: what getValues() returns for each sheet → records and Problems.
 *
 * Sheets are found by name (aliases in English and Chinese, see headers.ts); when two sheets
 * match one table, the first is read and the other is reported. A missing Customers or
 * Invoices sheet is a Problem (row 0, no column) and gives empty lists. Nothing here throws:
 * an unexpected failure inside one sheet becomes a Problem and the other sheets are still read.
 */
import type { Cell, CreditFile, Day, Invoice, InvoiceIndex, Problem } from '../types';
import type { Language } from '../../i18n/problems';
import { isValidTimeZone } from '../dates';
import { tableOfSheetName, type TableName } from './headers';
import { readCustomers, type CustomersRead } from './customers';
import { readInvoices } from './invoices';
import { readOrders } from './orders';
import { readPayments } from './payments';
import { defaultSettings, readSettings, type SettingsRead } from './settings';
import { readWatchSettings } from './watchSettings';
import { sheetProblem, tableLabel, type SheetValues, type TableContext } from './table';
import { fileLanguage } from './language';

export interface ReadCreditFileOptions {
  /** The spreadsheet's time zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Language of Problem messages; default: the file's language (see language.ts). */
  language?: Language;
  /**
   * The spreadsheet's locale (e.g. 'zh_CN'), for the file's language when Settings has no
   * readable Language row; '' or absent when unknown (then the sheets' names decide).
   */
  locale?: string;
  /** Today in that zone: dates far past it are Problems (future.ts); absent, none is checked. */
  today?: Day;
}

function safeSheets(sheets: unknown): SheetValues[] {
  if (!Array.isArray(sheets)) return [];
  const out: SheetValues[] = [];
  for (const s of sheets) {
    if (typeof s !== 'object' || s === null) continue;
    const name = (s as { name?: unknown }).name;
    const values = (s as { values?: unknown }).values;
    out.push({ name: typeof name === 'string' ? name : String(name ?? ''), values: (Array.isArray(values) ? values : []) as Cell[][] });
  }
  return out;
}

function guard<T>(fallback: T, sheet: string, language: Language, problems: Problem[], fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const what = e instanceof Error ? e.message : String(e);
    problems.push(sheetProblem(sheet, 0, 'internal.error', language, { value: what.slice(0, 200) }));
    return fallback;
  }
}

/** Reads every table of the credit file. Never throws. */
export function readCreditFile(sheets: { name: string; values: Cell[][] }[], options: ReadCreditFileOptions): CreditFile {
  const problems: Problem[] = [];
  const opts = typeof options === 'object' && options !== null ? options : ({ timeZone: 'UTC' } as ReadCreditFileOptions);
  let language: Language = opts.language === 'zh' ? 'zh' : 'en';
  const tzGiven = typeof opts.timeZone === 'string' ? opts.timeZone : '';
  const timeZone = isValidTimeZone(tzGiven) ? tzGiven : 'UTC';

  const byTable = new Map<TableName | 'settings', SheetValues>();
  const duplicates: { sheet: SheetValues; table: TableName | 'settings'; first: string }[] = [];
  for (const s of safeSheets(sheets)) {
    const t = tableOfSheetName(s.name);
    if (t === null) continue;
    const first = byTable.get(t);
    if (first) duplicates.push({ sheet: s, table: t, first: first.name });
    else byTable.set(t, s);
  }

  const settingsSheet = byTable.get('settings');
  const noSettings: SettingsRead = { settings: defaultSettings(), extra: {}, problems: [], language: null };
  let settingsRead = guard(noSettings, settingsSheet?.name ?? '', language, problems, () =>
    readSettings(settingsSheet, { timeZone, language }),
  );
  // The file's language: the Settings row, else the locale, else the sheets' names (language.ts).
  const fileLang = fileLanguage({
    settingsLanguage: settingsRead.language ?? null,
    locale: typeof opts.locale === 'string' ? opts.locale : '',
    sheetNames: [...byTable.values()].map((s) => s.name),
  });
  if (opts.language === undefined && fileLang !== language) {
    language = fileLang;
    settingsRead = guard(noSettings, settingsSheet?.name ?? '', language, problems, () =>
      readSettings(settingsSheet, { timeZone, language }),
    );
  }
  settingsRead.settings.language = fileLang;
  if (!isValidTimeZone(tzGiven)) problems.push(sheetProblem('', 0, 'timezone.unknown', language, { value: tzGiven.slice(0, 200) }));
  for (const d of duplicates) {
    problems.push(sheetProblem(d.sheet.name, 0, 'sheet.duplicate', language, {
      value: d.sheet.name, first: d.first, table: tableLabel(d.table, language),
    }));
  }
  problems.push(...settingsRead.problems);
  const settings = settingsRead.settings;
  problems.push(...readWatchSettings(settingsRead.extra, settings.baseCurrency, language, settingsSheet?.name || 'Settings').problems);
  const ctx: TableContext = { timeZone, language, settings, today: typeof opts.today === 'number' && Number.isInteger(opts.today) ? opts.today : undefined };

  const customersSheet = byTable.get('customers');
  const cr: CustomersRead = guard({ customers: [], rejected: new Map(), problems: [] }, customersSheet?.name ?? '', language, problems, () =>
    readCustomers(customersSheet, ctx),
  );
  problems.push(...cr.problems);
  const byKey = new Map(cr.customers.map((c) => [c.key, c]));

  const invoicesSheet = byTable.get('invoices');
  const ir = guard<{ invoices: Invoice[]; problems: Problem[]; index?: InvoiceIndex; amountPaidAt?: { column: string; header: string } }>({ invoices: [], problems: [] }, invoicesSheet?.name ?? '', language, problems, () =>
    readInvoices(invoicesSheet, ctx, byKey, cr.rejected),
  );
  problems.push(...ir.problems);

  const paymentsSheet = byTable.get('payments');
  const pr = guard({ payments: [], problems: [] }, paymentsSheet?.name ?? '', language, problems, () =>
    readPayments(paymentsSheet, ctx, byKey, cr.rejected),
  );
  problems.push(...pr.problems);

  const ordersSheet = byTable.get('orders');
  const or = guard({ orders: [], problems: [] }, ordersSheet?.name ?? '', language, problems, () =>
    readOrders(ordersSheet, ctx, byKey, cr.rejected),
  );
  problems.push(...or.problems);

  return {
    customers: cr.customers,
    invoices: ir.invoices,
    payments: pr.payments,
    orders: or.orders,
    settings,
    problems,
    settingsExtra: settingsRead.extra,
    invoiceIndex: ir.index,
    ...(ctx.today === undefined ? {} : { today: ctx.today }),
    places: {
      language,
      payments: { sheet: paymentsSheet?.name ?? '', invoiceNoColumn: pr.invoiceNoAt?.column ?? '', invoiceNoHeader: pr.invoiceNoAt?.header ?? '' },
      invoices: { sheet: invoicesSheet?.name ?? '', amountPaidColumn: ir.amountPaidAt?.column ?? '', amountPaidHeader: ir.amountPaidAt?.header ?? '' },
    },
  };
}

export { readCustomers } from './customers';
export { readInvoices } from './invoices';
export { readPayments } from './payments';
export { readOrders } from './orders';
export { fileLanguage, languageOfSheetNames } from './language';
export { readSettings, settingRows, settingsColumns, settingIdOfKey, fxSettingKey, fxCurrencyOfKey, defaultSettings } from './settings';
export type { SettingRow, SettingsRead } from './settings';
export * from './headers';
export { parseYesNo, parseFlag, parseText, parseNumber, parseTermsDays, parseInvoiceStatus, parseOrderStatus, parseLanguage, splitEmails, isEmail, columnLetter, idKey, cellText } from './cells';
export type { SheetValues, ReadOptions, TableContext } from './table';
export { repeatsHeader } from './table';
