/**
 * The Dashboard sheet's menu action: one read of the credit file, the KPIs and their trend
 * (core/trend.ts), one write per block and chart. A fixed number of Apps Script calls whatever
 * the number of rows.
 */
import { computeDashboard } from '../../core/trend';
import { DASHBOARD_NAMES, DASHBOARD_TEXT } from '../../i18n/dashboard';
import { fill, PROGRESS, TOAST_TITLE } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { toast } from '../../platform/spreadsheet';
import { loadCreditFile } from '../creditFile';
import { dashboardLayout } from './layout';
import { writeReport } from '../reports/write';
import { toastReading } from '../reports/progress';

export interface SheetResult {
  sheet: string;
  language: Language;
  rows: number;
  message: string;
}

export function runDashboardSheet(): SheetResult {
  toastReading();
  const loaded = loadCreditFile();
  const language = loaded.file.settings.language;
  toast(PROGRESS.computing[language], TOAST_TITLE[language]);
  const data = computeDashboard(loaded.file, loaded.today);
  const layout = dashboardLayout(data, language, loaded.timeZone, loaded.file.settings.baseCurrency);
  toast(PROGRESS.writing[language], TOAST_TITLE[language]);
  const sheet = writeReport(DASHBOARD_NAMES.dashboard, language, layout);
  const message = fill(DASHBOARD_TEXT[language].done, { months: data.months.length, owners: data.owners.length });
  toast(message, TOAST_TITLE[language]);
  return { sheet, language, rows: data.months.length, message };
}
