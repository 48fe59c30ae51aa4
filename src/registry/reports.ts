import { setupCreditFile } from '../entry/setup';
import { showAgingReport, showCreditScores, showProblems } from '../entry/reports';
import { entry } from './types';

/** Set up and the report sheets. */
export const reportEntries = {
  setupCreditFile: entry({
    kind: 'menu',
    doc: 'Creates the missing credit file sheets, headers and settings, and protects Settings and the Reminder Ladder.',
    params: [],
    run: setupCreditFile,
  }),
  showAgingReport: entry({
    kind: 'menu',
    doc: 'Writes the Aging Report sheet: open amounts per customer by age, with a chart.',
    params: [],
    run: showAgingReport,
  }),
  showCreditScores: entry({
    kind: 'menu',
    doc: 'Writes the Credit Scores sheet: score, grade, factors and recommended limit and terms per customer.',
    params: [],
    run: showCreditScores,
  }),
  showProblems: entry({
    kind: 'menu',
    doc: 'Writes the Problems sheet: every cell Credit Desk could not read, with a link to it.',
    params: [],
    run: showProblems,
  }),
};
