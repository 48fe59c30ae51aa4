/**
 * getWatchList: the lines the last run put on the Watch List sheet, as JSON for the sidebar (one
 * read of that sheet; nothing is computed or written). The sheet is the add-on's own Watch List
 * (marked, see ../reports/owner.ts), which may be "Watch List (Credit Desk)" beside a user's
 * "Watch List"; before any run has marked one, the sheet named Watch List (风险预警) is read, as
 * earlier versions wrote it there.
 */
import type { WatchLine } from '../../core/watchlist';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { readSettings } from '../../core/read/settings';
import { tableOfSheetName } from '../../core/read';
import { WATCH_KIND_TEXT } from '../../i18n/dashboard';
import type { Language } from '../../i18n/language';
import { userLanguage } from '../../platform/session';
import { timeZone } from '../../platform/spreadsheet';
import { readAll } from '../../platform/format';
import { namedSheets } from '../../platform/metadata';
import { DASHBOARD_NAMES } from '../../i18n/dashboard';
import { findOwnedReport, reportNameRank } from '../reports/owner';
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
  const sheets = namedSheets();
  const settings = sheets.find((s) => tableOfSheetName(s.name) === 'settings');
  const zone = timeZone();
  const currency = settings
    ? readSettings({ name: settings.name, values: readAll(settings.sheet) }, { timeZone: zone, language }).settings.baseCurrency
    : DEFAULT_SETTINGS.baseCurrency;
  const sheet = findOwnedReport(DASHBOARD_NAMES.watch, sheets) ?? sheets.find((s) => reportNameRank(s.name, DASHBOARD_NAMES.watch) === 0);
  if (!sheet) return { language, asOf: null, since: null, currency, lines: [] };
  const read = readWatchSheet(readAll(sheet.sheet), zone, currency);
  return {
    language,
    asOf: read.asOf,
    since: read.since,
    currency,
    lines: read.lines.map(({ detail: _detail, ...l }) => ({ ...l, label: WATCH_KIND_TEXT[language][l.kind] })),
  };
}
