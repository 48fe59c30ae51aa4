/**
 * The sidebar's server functions (google.script.run): the dashboard, the customer card and its
 * flags, Settings with the reminder ladder, and the template preview. Each runs as one execution;
 * arguments and results are JSON (ISO date strings, money in minor units). The order check and the
 * override live in entry/orders.ts; the reminder panel in entry/reminders.ts.
 */
export { getDashboard } from '../sheets/sidebar/dashboard';
export { getCustomerCard } from '../sheets/sidebar/card';
export { setCustomerFlags } from '../sheets/sidebar/flags';
export { getSettings, saveSettings } from '../sheets/sidebar/settings';
export { previewTemplate } from '../sheets/sidebar/preview';
