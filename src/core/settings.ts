import type { Settings } from './types';

/**
 * Every setting's default, as "Set up credit file" writes them into the Settings sheet.
 * A Settings sheet that leaves a key out gets the value here.
 */
export const DEFAULT_SETTINGS: Settings = {
  baseCurrency: 'CNY',
  defaultTermsDays: 30,
  agingEdges: [30, 60, 90],
  agingBasis: 'due',
  holdThresholdDays: 60,
  warnRatio: 0.9,
  fxRates: {},
  scoreWeights: {
    timeliness: 1,
    delinquency: 1,
    utilisation: 1,
    relationship: 1,
    disputes: 1,
    externalRating: 1,
  },
  gradeCutoffs: { A: 80, B: 60, C: 40 },
  gradePolicies: [
    { grade: 'A', limitMonths: 3, termsDays: 60, prepayment: false },
    { grade: 'B', limitMonths: 2, termsDays: 30, prepayment: false },
    { grade: 'C', limitMonths: 1, termsDays: 15, prepayment: false },
    { grade: 'D', limitMonths: 0, termsDays: 0, prepayment: true },
  ],
  approvers: [],
  creditManager: '',
  companyName: '',
  // Only when nothing else is known: a file's language follows the rule of read/language.ts.
  language: 'en',
};
