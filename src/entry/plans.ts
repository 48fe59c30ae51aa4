/** Repayment plans and promises: the Plan Status menu action and the sidebar's call. */
import { loadCustomerPlans, runPlanStatus, type CustomerPlans, type PlanStatusResult } from '../sheets/plans/status';

/** Menu: rewrites the Plan Status sheet (还款计划状态): one row per instalment with its computed state. */
export function showPlanStatus(): PlanStatusResult {
  return runPlanStatus();
}

/** Sidebar: a customer's plans and promises with their computed states (ISO dates, minor units); null when unknown. */
export function getPlans(customerId: string): CustomerPlans | null {
  return loadCustomerPlans(customerId);
}
