/**
 * The report menu actions: read the credit file once, compute the picture, rewrite the report
 * sheet, with progress toasts. A fixed number of Apps Script calls whatever the number of rows.
 */
import { isLadderSheetName, LADDER_SHEET, readLadder } from '../../core/reminders/ladderSheet';
import type { Problem } from '../../core/types';
import { fill, PROGRESS, REPORT_NAMES, REPORT_TEXT, TOAST_TITLE } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { sheetIds } from '../../platform/format';
import { readSheets, toast } from '../../platform/spreadsheet';
import { loadPicture, type LoadedPicture } from '../creditFile';
import { PROBLEMS } from '../owned';
import { agingCustomers, agingLayout } from './aging';
import { problemsLayout } from './problems';
import { scoresLayout } from './scores';
import { writeReport } from './write';
import { toastReading } from './progress';

export interface ReportResult {
  sheet: string;
  language: Language;
  rows: number;
  message: string;
}

function progress(key: keyof typeof PROGRESS, language: Language): void {
  toast(PROGRESS[key][language], TOAST_TITLE[language]);
}

/** Reads and computes, with toasts; the language is known only once Settings is read. */
function load(): { loaded: LoadedPicture; language: Language } {
  toastReading();
  const loaded = loadPicture(null, { kpis: false });
  const language = loaded.file.settings.language;
  progress('computing', language);
  return { loaded, language };
}

function done(sheet: string, language: Language, rows: number, message: string): ReportResult {
  toast(message, TOAST_TITLE[language]);
  return { sheet, language, rows, message };
}

export function runAgingReport(): ReportResult {
  const { loaded, language } = load();
  const layout = agingLayout(loaded.picture, language, loaded.timeZone);
  const count = agingCustomers(loaded.picture).length;
  progress('writing', language);
  const sheet = writeReport(REPORT_NAMES.aging, language, layout);
  return done(sheet, language, count, fill(REPORT_TEXT[language].agingDone, { count }));
}

export function runCreditScores(): ReportResult {
  const { loaded, language } = load();
  const layout = scoresLayout(loaded.picture, language, loaded.timeZone);
  const count = loaded.picture.order.length;
  progress('writing', language);
  const sheet = writeReport(REPORT_NAMES.scores, language, layout);
  return done(sheet, language, count, fill(REPORT_TEXT[language].scoresDone, { count }));
}

/** Every problem of the file: the credit sheets', then the Plans sheet's (and the plan settings'), then the Reminder Ladder's. */
export function allProblems(loaded: LoadedPicture): Problem[] {
  const ladder = readSheets(isLadderSheetName)[0];
  const ladderProblems = ladder ? readLadder(ladder.values, ladder.name ?? LADDER_SHEET.en, loaded.file.settings.baseCurrency).problems : [];
  return [...loaded.picture.problems, ...loaded.planProblems, ...ladderProblems];
}

export function runProblems(): ReportResult {
  const { loaded, language } = load();
  const problems = allProblems(loaded);
  const layout = problemsLayout(problems, sheetIds(), language);
  progress('writing', language);
  const sheet = writeReport(PROBLEMS.names, language, layout);
  const t = REPORT_TEXT[language];
  return done(sheet, language, problems.length, problems.length === 0 ? t.noProblems : fill(t.problemsDone, { count: problems.length }));
}
