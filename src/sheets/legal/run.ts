/**
 * The evidence pack from the spreadsheet: one read pass (credit sheets, Reminder Log, Collections
 * Log, Plans), the pack assembled in the core, one sheet written. A fixed number of Apps Script
 * calls whatever the number of invoices.
 */
import { readCollectionsLog } from '../../core/collections';
import { assembleEvidence } from '../../core/evidence';
import { COLLECTIONS_ERRORS, EVIDENCE_TEXT } from '../../i18n/collections';
import { toast } from '../../platform/spreadsheet';
import { loadWorkbench } from '../collections/load';
import { writeReport } from '../reports/write';
import { evidenceLayout, evidenceSheetNames } from './layout';
import { idKey } from '../../core/read';

export interface EvidenceResult {
  sheet: string;
  customerId: string;
  invoices: number;
  emails: number;
  actions: number;
  plans: number | null;
  closing: number;
  message: string;
}

/** Writes the evidence pack sheet of a customer (by ID, any case). */
export function writeEvidencePack(customerId: string): EvidenceResult {
  const loaded = loadWorkbench(['reminderLog', 'collectionsLog', 'plans']);
  const language = loaded.file.settings.language;
  const id = String(customerId ?? '').trim();
  const cp = loaded.picture.customers.get(idKey(id));
  if (!id || !cp) throw new Error(COLLECTIONS_ERRORS[language].unknownCustomer(id.slice(0, 100)));
  const pack = assembleEvidence({
    file: loaded.file,
    picture: cp,
    asOf: loaded.today,
    timeZone: loaded.timeZone,
    language,
    reminderLog: loaded.extra.reminderLog ?? null,
    actions: readCollectionsLog(loaded.extra.collectionsLog ?? [], loaded.timeZone).actions,
    plans: loaded.extra.plans ?? null,
  });
  const layout = evidenceLayout(pack, loaded.file.settings, language, loaded.timeZone);
  const sheet = writeReport(evidenceSheetNames(cp.customer.id), language, layout);
  const message = EVIDENCE_TEXT[language].done(cp.customer.id, sheet);
  toast(message, language === 'zh' ? '信用管理' : 'Credit Desk');
  return {
    sheet,
    customerId: cp.customer.id,
    invoices: cp.invoices.length,
    emails: pack.emails.length,
    actions: pack.actions.length,
    plans: pack.plans ? pack.plans.rows.length : null,
    closing: pack.statement.closing,
    message,
  };
}
