import { getCustomerCard, getDashboard, getSettings, previewTemplate, saveSettings, setCustomerFlags } from '../entry/sidebar';
import { entry } from './types';

/** The sidebar's calls: dashboard, customer card and flags, Settings, template preview. */
export const sidebarEntries = {
  getDashboard: entry({
    kind: 'sidebar',
    doc: 'Everything the dashboard shows: receivables, overdue, DSO, aging, the riskiest customers and the schedule.',
    params: [],
    run: getDashboard,
  }),
  getCustomerCard: entry({
    kind: 'sidebar',
    doc: "A customer's score and why, limit, aging, latest invoices, payments and reminders; null for an unknown customer.",
    params: [{ name: 'customerId', type: 'string|null', doc: 'The customer ID, or null for the customer of the selected row.' }],
    run: getCustomerCard,
  }),
  setCustomerFlags: entry({
    kind: 'sidebar',
    doc: "Writes a customer's On Hold and Reminders Paused Until cells.",
    params: [
      { name: 'customerId', type: 'string', doc: 'The customer ID.' },
      { name: 'onHold', type: 'boolean', doc: 'On credit hold (only the owner or an approver may change it).' },
      { name: 'remindersPausedUntil', type: 'string|null', doc: "Pause reminders until this day, 'YYYY-MM-DD', or null." },
    ],
    run: setCustomerFlags,
  }),
  getSettings: entry({
    kind: 'sidebar',
    doc: 'The Settings the sidebar edits and the reminder ladder.',
    params: [],
    run: getSettings,
  }),
  saveSettings: entry({
    kind: 'sidebar',
    doc: 'Checks and saves the Settings and the reminder ladder; only the owner or an approver may.',
    params: [{ name: 'settings', type: 'Object', doc: 'The SettingsView to save.' }],
    run: saveSettings,
  }),
  previewTemplate: entry({
    kind: 'sidebar',
    doc: "Renders a ladder level's subject and email body with sample data.",
    params: [
      { name: 'level', type: 'Object', doc: 'The ladder level as edited.' },
      { name: 'language', type: 'string', doc: '"en" or "zh".' },
    ],
    run: previewTemplate,
  }),
};
