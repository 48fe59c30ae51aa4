import { getPlans, showPlanStatus } from '../entry/plans';
import { entry } from './types';

/** Repayment plans and promises (还款计划). */
export const planEntries = {
  showPlanStatus: entry({
    kind: 'menu',
    doc: 'Writes the Plan Status sheet: every instalment of each repayment plan and promise with its computed state.',
    params: [],
    run: showPlanStatus,
  }),
  getPlans: entry({
    kind: 'sidebar',
    doc: "A customer's repayment plans and promises with their computed states, for the sidebar.",
    params: [{ name: 'customerId', type: 'string', doc: 'The customer ID, e.g. C-001.' }],
    run: getPlans,
  }),
};
