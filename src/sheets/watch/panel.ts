/**
 * getWatchList: the lines the last run put on the Watch List sheet, as JSON for the sidebar (one
 * read of that sheet; nothing is computed or written).
 */
import type { WatchLine } from '../../core/watchlist';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { readSettings } from '../../core/read/settings';
import { tableOfSheetName } from '../../core/read';
import { WATCH_KIND_TEXT } from '../../i18n/dashboard';
import type { Language } from '../../i18n/language';
import { userLanguage } from '../../platform/session';
import { readSheets, timeZone } from '../../platform/spreadsheet';
import { DASHBOARD_NAMES } from '../../i18n/dashboard';
import { readWatchSheet } from './layout';

export interface WatchListView {
  language: Language;
  /** The run that wrote the list, 'YYYY-MM-DD'; null when no run has written one yet. */
  asOf: string | null;
  /** The run it compared with; null on the first run. */
  since: string | null;
  currency: string;
  /** Money in minor units; `text` is the line as a sentence in the sheet's language, `label` the alert in the user's. */
  lines: (Omit<WatchLine, 'detail'> & { text: string; label: string })[];
}

export function watchListView(): WatchListView {
  const language = userLanguage();
  const wanted = [DASHBOARD_NAMES.watch.en, DASHBOARD_NAMES.watch.zh].map((n) => n.toLowerCase());
  const sheets = readSheets((name) => wanted.includes(name.trim().toLowerCase()) || tableOfSheetName(name) === 'settings');
  const settingsSheet = sheets.find((s) => tableOfSheetName(s.name) === 'settings');
  const zone = timeZone();
  const currency = settingsSheet ? readSettings(settingsSheet, { timeZone: zone, language }).settings.baseCurrency : DEFAULT_SETTINGS.baseCurrency;
  const sheet = sheets.find((s) => wanted.includes(s.name.trim().toLowerCase()));
  if (!sheet) return { language, asOf: null, since: null, currency, lines: [] };
  const read = readWatchSheet(sheet.values, zone, currency);
  return {
    language,
    asOf: read.asOf,
    since: read.since,
    currency,
    lines: read.lines.map(({ detail: _detail, ...l }) => ({ ...l, label: WATCH_KIND_TEXT[language][l.kind] })),
  };
}
