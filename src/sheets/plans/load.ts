/**
 * Loading the credit file together with the Plans sheet: the same single getSheets pass as
 * loadPicture (src/sheets/creditFile.ts), one getValues per sheet, the Plans sheet read beside the
 * credit sheets; then the picture is computed with each customer's plans and promises (their
 * states, and the score's `promises` factor).
 */
import { todayIn } from '../../core/dates';
import { computePicture, type PictureOptions } from '../../core/picture';
import { readCreditFile, tableOfSheetName } from '../../core/read';
import { choosePlansSheet, isPlansSheetName, planSettings, readPlans, type PlanSettings, type PlansRead } from '../../core/plans';
import type { CreditFile, Day, Problem } from '../../core/types';
import { readSheets, timeZone } from '../../platform/spreadsheet';
import type { LoadedPicture } from '../creditFile';

export interface LoadedPlans extends LoadedPicture {
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
    timeZone: zone, language, settings: file.settings, customers: file.customers, invoices: file.invoices,
  });
  const ps = planSettings(file.settingsExtra, language);
  return { plans, settings: ps.settings, problems: [...chosen.problems, ...plans.problems, ...ps.problems] };
}

/** Reads the credit file and the Plans sheet in one pass and computes the picture as of a day (default today). */
export function loadPictureWithPlans(asOf?: Day | null, options: PictureOptions = {}, now: Date = new Date()): LoadedPlans {
  const zone = timeZone();
  const sheets = readSheets((name) => tableOfSheetName(name) !== null || isPlansSheetName(name));
  const credit = sheets.filter((s) => tableOfSheetName(s.name) !== null);
  const file = readCreditFile(credit, { timeZone: zone });
  const today = todayIn(zone, now);
  const day = asOf ?? today;
  const p = plansOf(file, sheets, zone);
  const picture = computePicture(file, day, { ...options, plans: { arrangements: p.plans.arrangements, settings: p.settings } });
  return { file, sheets: credit, timeZone: zone, today, asOf: day, picture, plans: p.plans, planSettings: p.settings, planProblems: p.problems };
}
