/**
 * Repayment plans and promises (还款计划): reading the Plans sheet, keeping and breaking, and what
 * the reminder run and the score take from them. See docs/plans.md.
 */
export * from './read';
export * from './keep';
export * from './settings';
export * from './remind';
