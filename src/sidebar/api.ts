/**
 * The contract between the sidebar and the server: the functions the sidebar calls with
 * google.script.run and what they return. Types only; both sides import it. Everything crosses
 * as JSON: dates are ISO strings 'YYYY-MM-DD', money is integer minor units with the currency
 * code beside it.
 */

export type Lang = 'en' | 'zh';
export type VerdictWord = 'OK' | 'WARN' | 'BLOCK';

export interface MoneyValue {
  /** Integer minor units. */
  minor: number;
  currency: string;
}

export interface ScheduleState {
  installed: boolean;
  /** Hour of day 0-23 in the spreadsheet's time zone. */
  hour: number;
  timeZone: string;
  /** ISO date-time of the last run, or null. */
  lastRun: string | null;
  /** One line: "sent 12, skipped 3, failed 0" in the user's language, or ''. */
  lastOutcome: string;
}

export interface RiskyCustomer {
  id: string;
  name: string;
  score: number;
  grade: 'A' | 'B' | 'C' | 'D';
  overdue: MoneyValue;
  exposure: MoneyValue;
  limit: MoneyValue | null;
  maxDaysPastDue: number;
}

/** Everything the dashboard shows: one server round trip (getDashboard). */
export interface Dashboard {
  language: Lang;
  /** BCP 47 locale for number and date formatting, e.g. 'zh-CN'. */
  locale: string;
  currency: string;
  asOf: string;
  receivable: MoneyValue;
  overdue: MoneyValue;
  /** 0..1 */
  overdueShare: number;
  dso: number | null;
  aging: { labels: string[]; amounts: number[] };
  riskiest: RiskyCustomer[];
  schedule: ScheduleState;
  problemCount: number;
  /** True when the user may override a BLOCK and edit Settings. */
  isApprover: boolean;
}

export interface ScoreFactorView {
  /** Factor name in the user's language. */
  name: string;
  /** Points this factor adds (negative: takes away). */
  points: number;
  /** One sentence: why. */
  detail: string;
}

export interface InvoiceView {
  no: string;
  invoiceDate: string;
  dueDate: string;
  amount: MoneyValue;
  open: MoneyValue;
  daysPastDue: number;
  status: string;
}

export interface PaymentView {
  date: string;
  amount: MoneyValue;
  invoiceNo: string;
}

export interface ReminderView {
  time: string;
  level: string;
  state: string;
  invoiceNo: string;
  reason: string;
}

/** The customer card (getCustomerCard): follows the selected row. */
export interface CustomerCard {
  id: string;
  name: string;
  score: number;
  grade: 'A' | 'B' | 'C' | 'D';
  factors: ScoreFactorView[];
  limit: MoneyValue | null;
  exposure: MoneyValue;
  available: MoneyValue | null;
  /** exposure / limit, or null without a limit. */
  utilisation: number | null;
  aging: { labels: string[]; amounts: number[] };
  invoices: InvoiceView[];
  payments: PaymentView[];
  reminders: ReminderView[];
  onHold: boolean;
  remindersPausedUntil: string | null;
  recommendation: { limit: MoneyValue | null; termsDays: number; prepayment: boolean };
}

export interface CheckResultView {
  verdict: VerdictWord;
  /** `OK`, `WARN: …` or `BLOCK: …` */
  text: string;
  reasons: string[];
  exposureAfter: MoneyValue;
  limit: MoneyValue | null;
}

export interface PreviewEmail {
  customerId: string;
  customerName: string;
  level: string;
  to: string;
  cc: string;
  subject: string;
  /** The HTML part, already escaped by the server: render it in a sandboxed iframe (srcdoc). */
  htmlBody: string;
  body: string;
  invoiceNos: string[];
}

export interface PreviewSkip {
  invoiceNo: string;
  customerId: string;
  level: string;
  reason: string;
}

export interface ReminderPanel {
  asOf: string;
  emails: PreviewEmail[];
  skips: PreviewSkip[];
  /** Sends whose outcome is unknown: a person confirms each. */
  unknown: { key: string; invoiceNo: string; customerId: string; level: string; time: string }[];
  schedule: ScheduleState;
  quotaRemaining: number;
}

export interface LadderLevelView {
  days: number;
  audience: 'customer' | 'internal';
  name: string;
  minOpen: number;
  subjectEn: string;
  bodyEn: string;
  subjectZh: string;
  bodyZh: string;
}

export interface SettingsView {
  agingEdges: number[];
  scoreWeights: Record<string, number>;
  gradeCutoffs: { A: number; B: number; C: number };
  holdThresholdDays: number;
  warnRatio: number;
  approvers: string[];
  ladder: LadderLevelView[];
}

/** A save that failed validation: messages keyed by field path, e.g. 'ladder.2.days'. */
export interface FieldErrors {
  ok: false;
  errors: Record<string, string>;
}

/** The server functions the sidebar may call (each is a registry entry of kind 'sidebar'). */
export interface SidebarServer {
  getDashboard(): Dashboard;
  getCustomerCard(customerId: string | null): CustomerCard | null;
  checkOrder(customerId: string, amount: string): CheckResultView;
  overrideBlock(customerId: string, amount: string, reason: string, orderNo: string): { ok: true } | FieldErrors;
  setCustomerFlags(customerId: string, onHold: boolean, remindersPausedUntil: string | null): { ok: true } | FieldErrors;
  getReminderPanel(): ReminderPanel;
  runRemindersNow(): { sent: number; skipped: number; failed: number; message: string };
  setSchedule(on: boolean, hour: number): ScheduleState;
  confirmUnknown(key: string, outcome: 'sent' | 'not-sent'): { ok: true };
  getSettings(): SettingsView;
  saveSettings(settings: SettingsView): { ok: true } | FieldErrors;
  previewTemplate(level: LadderLevelView, language: Lang): { subject: string; htmlBody: string };
}
