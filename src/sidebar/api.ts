/**
 * The contract between the sidebar and the server: the functions the sidebar calls with
 * google.script.run and what they return. Types only; both sides import it. Everything crosses
 * as JSON: dates are ISO strings 'YYYY-MM-DD', money is integer minor units with the currency
 * code beside it.
 */
import type { WatchListView } from '../sheets/watch/panel';
import type { CashForecastView } from '../sheets/forecast/run';
import type { SendResult, StatementView } from '../sheets/statements/run';
import type { ActionView, DueView, LogActionResult } from '../sheets/collections/run';
import type { EvidenceResult } from '../sheets/legal/run';
import type { CustomerPlans } from '../sheets/plans/status';

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
  /** True when the user may edit Settings and On Hold: the owner or an approver listed in Settings. */
  isApprover: boolean;
  /** True when the user may override a BLOCK: an approver listed in Settings (the owner too only when listed). */
  canOverride: boolean;
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

// ---------------------------------------------------------------- collections workbench
// Copied from the server's return shapes (src/sheets/watch/panel.ts, src/sheets/forecast/run.ts,
// src/sheets/statements/run.ts, src/sheets/collections/run.ts, src/sheets/legal/run.ts,
// src/sheets/plans/status.ts); test/sidebar/collections.test.ts checks that they still match.

/** A watch-list alert, most severe first in this order. */
export type WatchKind = 'new-block' | 'over-limit' | 'overdue-hold' | 'new-overdue' | 'broken-promise' | 'grade-drop' | 'exposure-rise';

export type WatchLineView = WatchListView['lines'][number];

/** The risk watch list of the last run (getWatchList): the server's type. */
export type { WatchListView };

/** The 13-week cash forecast and the past weeks against actual (getCashForecast): the server's type. */
export type { CashForecastView };

export type StatementLineKind = 'invoice' | 'credit-note' | 'refund' | 'payment' | 'adjustment';

export type StatementLineView = StatementView['lines'][number];

/** A customer's statement of account for a period (getStatement): the server's type. */
export type { StatementView };

/** The outcome of emailing a statement (emailStatement): the server's type. */
export type StatementSendResult = SendResult;

export type ActionType = 'reminder' | 'call' | 'letter' | 'visit' | 'dispute' | 'legal' | 'promise' | 'note';

/** A collection action as the sidebar sends it (logCollectionAction): text only, dates 'YYYY-MM-DD' or ''. */
export interface CollectionActionInput {
  customerId: string;
  type: ActionType | string;
  summary: string;
  outcome: string;
  nextAction: string;
  nextActionDate: string;
  /** Blank: the customer's owner. */
  owner: string;
  /** The day of the action; blank: today. */
  date?: string;
}

/** One entry of a customer's collections history (an action or an email the add-on sent): the server's type. */
export type CollectionActionView = ActionView;

export type { LogActionResult };

/** A next action due today or overdue: the server's type. */
export type { DueView };

export interface DueTodayView {
  asOf: string;
  /** Whose list; null: everyone's. */
  owner: string | null;
  items: DueView[];
}

/** The evidence pack written for the legal hand-off (buildEvidencePackFor): the server's type. */
export type { EvidenceResult };

export type InstalmentState = 'upcoming' | 'due' | 'kept' | 'missed';
export type ArrangementStatus = 'active' | 'completed' | 'broken';

export type InstalmentView = PlanView['instalments'][number];

export type PlanView = CustomerPlans['plans'][number];

/** A customer's repayment plans and promises (getPlans): the server's type. */
export type { CustomerPlans };

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
  getWatchList(): WatchListView;
  getCashForecast(): CashForecastView;
  /** Blank dates: the last full month. */
  getStatement(customerId: string, fromIso: string | null, toIso: string | null): StatementView;
  emailStatement(customerId: string, fromIso: string | null, toIso: string | null): StatementSendResult;
  logCollectionAction(entry: CollectionActionInput): LogActionResult;
  getCollectionHistory(customerId: string): CollectionActionView[];
  /** owner: an email; undefined or null: the active user; '' or 'all': everyone. */
  getDueToday(owner?: string | null): DueTodayView;
  buildEvidencePackFor(customerId: string): EvidenceResult;
  /** null for an unknown customer. */
  getPlans(customerId: string): CustomerPlans | null;
}
