/**
 * The first toast of a report run, before Settings (and so the file's language) is read: it is
 * in the language of the person running it (their Google locale, no read of the file), not in
 * both. The toasts after it are in the report's language.
 */
import { PROGRESS, TOAST_TITLE } from '../../i18n/reports';
import { userLanguage } from '../../platform/session';
import { toast } from '../../platform/spreadsheet';

export function toastReading(): void {
  const language = userLanguage();
  toast(PROGRESS.reading[language], TOAST_TITLE[language]);
}
