/**
 * The credit file's vocabulary, shared by every part of the core.
 *
 * The core is plain TypeScript: no Apps Script global is used anywhere under src/core.
 * It takes what a sheet's getValues() returns (a Grid) and gives back records, Problems
 * and the computed credit picture.
 */

/** A calendar day: whole days since 1970-01-01, in the spreadsheet's time zone. */
export type Day = number;

/** Money in integer minor units (cents, 分). Never a float. */
export type Minor = number;

/** One cell as Apps Script's Range.getValues() returns it: '' for a blank cell. */
export type Cell = string | number | boolean | Date;

/** A block of cells as Range.getValues() returns it: rows of cells. */
export type Grid = Cell[][];

/** A cell the core could not accept. Reported; the rest of the row and the file still count. */
export interface Problem {
  /** Sheet name as it appears in the spreadsheet. */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Column letter (A, B, …, AA); '' when the problem is about a missing column or the sheet. */
  column: string;
  /** The header text of that column, as the user wrote it; '' when none. */
  header: string;
  /** The offending value as text (cut to 200 characters). */
  value: string;
  /** A plain sentence saying what is wrong and what to do. */
  message: string;
}

export type InvoiceStatus = 'open' | 'paid' | 'void' | 'disputed';
export type OrderStatus = 'pending' | 'approved' | 'blocked' | 'invoiced' | 'cancelled';

export interface Customer {
  /** The ID as written (trimmed). */
  id: string;
  /** The matching key: trimmed, upper-cased; `C-001` and `c-001 ` share one key. */
  key: string;
  /** 1-based sheet row. */
  row: number;
  /**
   * Position in CreditFile.customers (0-based), set by the reader. Invoices and payments carry it
   * as `customerIndex` so the ledger groups them by array index instead of a keyed lookup per row.
   */
  index?: number;
  name: string;
  emails: string[];
  cc: string[];
  owner: string;
  /** Blank: null, meaning the Settings default. */
  termsDays: number | null;
  /** In base-currency minor units. null: no limit enforced; 0: cash only. */
  creditLimit: Minor | null;
  /** ISO 4217 code; the base currency when blank. */
  currency: string;
  onHold: boolean;
  remindersPausedUntil: Day | null;
  externalRating: number | null;
  customerSince: Day | null;
  /** Language column (语言): 'en' or 'zh' for this customer's emails; null: the file's language (core/read/language.ts). */
  language: 'en' | 'zh' | null;
}

export interface Invoice {
  no: string;
  /** Matching key for the invoice number: trimmed, upper-cased. */
  key: string;
  row: number;
  customerKey: string;
  /** The customer's `index` (set by the reader; absent in hand-made records). */
  customerIndex?: number;
  invoiceDate: Day;
  /** Given, or Invoice Date + the customer's terms. */
  dueDate: Day;
  /** Converted to base-currency minor units. Negative: a credit note. */
  amount: Minor;
  /** The currency it was written in. */
  currency: string;
  /** The Amount Paid column, converted; 0 when blank. */
  amountPaid: Minor;
  paidDate: Day | null;
  /** Status column; Disputed = yes also gives 'disputed' unless void. */
  status: InvoiceStatus;
  disputed: boolean;
  /** Stop Reminders column (停止催收): a per-invoice stop on reminders. */
  remindersStopped: boolean;
}

export interface Payment {
  row: number;
  date: Day;
  customerKey: string;
  /** The customer's `index` (set by the reader; absent in hand-made records). */
  customerIndex?: number;
  /** Base-currency minor units, > 0. */
  amount: Minor;
  /** Key of the invoice it names, or null. */
  invoiceKey: string | null;
}

export interface Order {
  no: string;
  row: number;
  customerKey: string;
  orderDate: Day | null;
  amount: Minor;
  status: OrderStatus;
}

/** Factor weights of the credit score (they need not sum to anything; see docs/credit-score.md). */
export interface ScoreWeights {
  timeliness: number;
  delinquency: number;
  utilisation: number;
  relationship: number;
  disputes: number;
  externalRating: number;
}

export interface GradePolicy {
  grade: Grade;
  /** Recommended limit as a multiple of the customer's average monthly sales. */
  limitMonths: number;
  /** Recommended terms in days; 0 with prepayment = true for D. */
  termsDays: number;
  prepayment: boolean;
}

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface Settings {
  baseCurrency: string;
  defaultTermsDays: number;
  /** Upper edges of the aging buckets after Current, ascending; default [30, 60, 90]. */
  agingEdges: number[];
  agingBasis: 'due' | 'invoice';
  holdThresholdDays: number;
  /** WARN when exposure + amount exceeds this share of the limit; default 0.9. */
  warnRatio: number;
  /** FX: base-currency units for one unit of the keyed currency. */
  fxRates: Record<string, number>;
  scoreWeights: ScoreWeights;
  /** Lowest score for A, B, C; below C is D. Default 80, 60, 40. */
  gradeCutoffs: { A: number; B: number; C: number };
  gradePolicies: GradePolicy[];
  /** Emails allowed to override a BLOCK and edit Settings. */
  approvers: string[];
  creditManager: string;
  companyName: string;
  /**
   * The file's language, for reasons, notes, reports, logs and internal emails: the Settings
   * Language row, else the locale, else the sheets' names (core/read/language.ts). 'en' is only
   * the default of a Settings read alone.
   */
  language: 'en' | 'zh';
}

/** Everything read from the credit file, with every rejected cell as a Problem. */
export interface CreditFile {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  orders: Order[];
  settings: Settings;
  problems: Problem[];
  /**
   * Settings rows whose keys are not Settings fields, key as written → value as text (the
   * reminder ladder keeps its rows there). Optional: added by the reader.
   */
  settingsExtra?: Record<string, string>;
  /**
   * Where each invoice key first appears in `invoices` (built by the reader from the index it keeps
   * for duplicate numbers). Optional: the ledger builds its own when absent or made for another list.
   */
  invoiceIndex?: InvoiceIndex;
  /** Where the ledger's Problems point, and their language (added by the reader). */
  places?: RecordPlaces;
  /** The day the file was read on, when the reader was told it (ReadCreditFileOptions.today). */
  today?: Day;
}

/**
 * Where the ledger's Problems point in the user's own sheets, and their language: the reader
 * fills it in from the sheets it read (a sheet or column it did not find is '').
 */
export interface RecordPlaces {
  language: 'en' | 'zh';
  /** The Payments sheet's name, and its Invoice No column: letter and header as written. */
  payments: { sheet: string; invoiceNoColumn: string; invoiceNoHeader: string };
  /** The Invoices sheet's name, and its Amount Paid column: letter and header as written. */
  invoices: { sheet: string; amountPaidColumn: string; amountPaidHeader: string };
}

/** Invoice key → position in a list of invoices (the first row with that key). */
export interface InvoiceIndex {
  /** The list indexed: an index is used only for this very array. */
  readonly invoices: readonly Invoice[];
  /** Position in `invoices` of the first invoice with this key; -1 when none. */
  positionOf(key: string): number;
}
