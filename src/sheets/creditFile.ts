/**
 * Loading the credit file from the spreadsheet: one read per credit sheet (and the Plans sheet,
 * whose promises count in the score and pause reminders), then the core reads the values and
 * computes the picture. Every operation that needs the credit file starts here, so a score is
 * the same in a cell, a report, the sidebar and the reminder run.
 */
import { todayIn } from '../core/dates';
import { computePicture, type CreditPicture, type PictureOptions } from '../core/picture';
import { choosePlansSheet, isPlansSheetName, planSettings, readPlans, type PlanSettings, type PlansRead } from '../core/plans';
import { readCreditFile, tableOfSheetName } from '../core/read';
import type { CreditFile, Day, Problem } from '../core/types';
import { locale, readSheets, timeZone, type OpenSheet } from '../platform/spreadsheet';

export interface LoadedFile {
  file: CreditFile;
  /** The credit sheets as read (Customers, Invoices, Payments, Orders, Settings), with their handles. */
  sheets: OpenSheet[];
  timeZone: string;
  today: Day;
  plans: PlansRead;
  planSettings: PlanSettings;
  /** The Plans sheet's problems and the plan settings'. */
  planProblems: Problem[];
}

/** The plans of a file already read, from the sheets of the same pass. Pure. */
export function plansOf(file: CreditFile, sheets: { name: string; values: unknown[][] }[], zone: string): { plans: PlansRead; settings: PlanSettings; problems: Problem[] } {
  const language = file.settings.language;
  const chosen = choosePlansSheet(sheets, language);
  const plans = readPlans(chosen.sheet as { name: string; values: never[][] } | undefined, {
    timeZone: zone, language, settings: file.settings, customers: file.customers, invoices: file.invoices, payments: file.payments,
  });
  const ps = planSettings(file.settingsExtra, language);
  return { plans, settings: ps.settings, problems: [...chosen.problems, ...plans.problems, ...ps.problems] };
}

/** Is this one of the sheets a load reads: a credit sheet or the Plans sheet? */
export function isLoadedSheet(name: string): boolean {
  return tableOfSheetName(name) !== null || isPlansSheetName(name);
}

/** Reads Customers, Invoices, Payments, Orders, Settings and Plans (by name, in either language). */
export function loadCreditFile(now: Date = new Date()): LoadedFile {
  return loadCreditFileWith(() => false, { now });
}

export interface LoadedWith extends LoadedFile {
  /** The other sheets asked for, read in the same pass, with their handles. */
  extra: OpenSheet[];
}

/**
 * The credit file and, in the same pass over the sheets, the other sheets `extra` names (the
 * Reminder Log, the Collections Log …): one getValues per sheet read.
 */
export function loadCreditFileWith(extra: (name: string) => boolean, options: { now?: Date; language?: 'en' | 'zh' } = {}): LoadedWith {
  const zone = timeZone();
  const all = readSheets((name) => isLoadedSheet(name) || extra(name));
  const sheets = all.filter((s) => tableOfSheetName(s.name) !== null);
  const today = todayIn(zone, options.now ?? new Date());
  // `language` sets only the Problems' language (the sidebar's user); the file's own language
  // (file.settings.language: reasons, notes, reports, logs, emails) is the one rule's (core/read/language.ts).
  const file = readCreditFile(sheets, { timeZone: zone, language: options.language, today, locale: locale() });
  const p = plansOf(file, all, zone);
  return {
    file, sheets, timeZone: zone, today,
    plans: p.plans, planSettings: p.settings, planProblems: p.problems,
    extra: all.filter((s) => extra(s.name)),
  };
}

export interface LoadedPicture extends LoadedFile {
  picture: CreditPicture;
  asOf: Day;
}

/** The picture of a loaded file as of a day, its plans included. */
export function pictureOf(loaded: LoadedFile, asOf: Day, options: PictureOptions = {}): CreditPicture {
  return computePicture(loaded.file, asOf, { ...options, plans: { arrangements: loaded.plans.arrangements, settings: loaded.planSettings } });
}

/** Loads the credit file and computes the whole picture as of a day (default today). */
export function loadPicture(asOf?: Day | null, options: PictureOptions = {}, now: Date = new Date()): LoadedPicture {
  const loaded = loadCreditFile(now);
  const day = asOf ?? loaded.today;
  return { ...loaded, asOf: day, picture: pictureOf(loaded, day, options) };
}
