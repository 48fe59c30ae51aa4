/**
 * previewTemplate: a ladder level's subject and HTML body rendered through renderEmail with
 * made-up data — a sample customer and two invoices, one past due and one not yet due — so a
 * template can be checked while it is typed. Reads only the Settings sheet (company name and base
 * currency).
 *
 * Escaping: renderEmail escapes every merge field (the level's name is one); the preview also
 * escapes the template's own text before rendering, since templates are plain text (paragraphs
 * and line breaks become <p> and <br>), so markup typed into a template shows as typed and never
 * runs. The subject is plain text, cut to one line.
 */
import { isoOfDay, todayIn } from '../../core/dates';
import { formatMoney } from '../../core/format';
import { minorDigits } from '../../core/money';
import { readSettings, tableOfSheetName } from '../../core/read';
import type { LadderLevel } from '../../core/reminders/ladder';
import type { Communication, ReminderInvoice } from '../../core/reminders/plan';
import { escapeHtml, renderEmail } from '../../core/reminders/render';
import type { Language } from '../../i18n/language';
import { openSheets } from '../../platform/selection';
import { userLanguage } from '../../platform/session';
import { timeZone } from '../../platform/spreadsheet';
import type { LadderLevelView } from '../../sidebar/api';

const SAMPLE = {
  en: { name: 'Sample Trading Ltd', owner: 'Alex Chen', company: 'Your Company' },
  zh: { name: '示例贸易有限公司', owner: '陈经理', company: '我司' },
};

const text = (v: unknown, max: number): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)).slice(0, max);

/** The sample communication for a level as of a day. */
export function sampleCommunication(level: LadderLevel, asOf: number, currency: string, language: Language): Communication {
  const unit = 10 ** minorDigits(currency);
  const s = SAMPLE[language];
  const days = level.days;
  const due1 = asOf - Math.max(1, days);
  const inv = (no: string, invoiceDate: number, dueDate: number, open: number): ReminderInvoice => ({
    key: no, no, customerKey: 'SAMPLE-001', invoiceDate, dueDate, open, status: 'open', disputed: false, remindersStopped: false,
  });
  const first = inv('INV-0001', due1 - 30, asOf - days, 12_500 * unit);
  const second = inv('INV-0002', asOf - 5, asOf + 25, 4_800 * unit);
  return {
    id: `SAMPLE-001|${level.audience}|${isoOfDay(asOf)}`,
    customer: { key: 'SAMPLE-001', id: 'SAMPLE-001', name: s.name, emails: ['ap@example.com'], cc: [], owner: s.owner, language, remindersPausedUntil: null },
    audience: level.audience,
    level,
    lines: [{ key: `INV-0001|${days}`, invoice: first, level, daysPastDue: days }],
    otherOpen: [second],
    to: ['ap@example.com'],
    cc: [],
  };
}

export function previewTemplate(view: LadderLevelView, language: 'en' | 'zh'): { subject: string; htmlBody: string } {
  const lang: Language = language === 'zh' || language === 'en' ? language : userLanguage();
  const v = (typeof view === 'object' && view !== null ? view : {}) as Partial<LadderLevelView>;
  const days = Number.isInteger(v.days) ? Math.max(-365, Math.min(3650, Number(v.days))) : 1;
  const zone = timeZone();
  const settingsSheet = openSheets((name) => tableOfSheetName(name) === 'settings')[0];
  const settings = readSettings(settingsSheet, { timeZone: zone, language: lang }).settings;
  const asOf = todayIn(zone, new Date());
  const level: LadderLevel = {
    days,
    audience: v.audience === 'internal' ? 'internal' : 'customer',
    name: text(v.name, 100),
    minOpen: 0,
    templates: {
      en: { subject: text(v.subjectEn, 250), body: escapeHtml(text(v.bodyEn, 5000)) },
      zh: { subject: text(v.subjectZh, 250), body: escapeHtml(text(v.bodyZh, 5000)) },
    },
  };
  const currency = settings.baseCurrency;
  const email = renderEmail(sampleCommunication(level, asOf, currency, lang), {
    language: lang,
    company: settings.companyName || SAMPLE[lang].company,
    formatAmount: (m) => formatMoney(m, currency),
    isoOfDay,
    asOf,
  });
  return { subject: email.subject, htmlBody: email.htmlBody };
}
