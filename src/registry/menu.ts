import { onInstall, onOpen, showDashboard } from '../entry/menu';
import { entry } from './types';

/** The menu's own triggers and the dashboard. */
export const menuEntries = {
  onOpen: entry({
    kind: 'trigger',
    doc: 'Builds the Credit Desk menu when the spreadsheet opens.',
    params: [{ name: 'e', type: 'Object', doc: 'The open event.', optional: true }],
    run: onOpen,
  }),
  onInstall: entry({
    kind: 'trigger',
    doc: 'Builds the Credit Desk menu right after the add-on is installed.',
    params: [{ name: 'e', type: 'Object', doc: 'The install event.', optional: true }],
    run: onInstall,
  }),
  showDashboard: entry({
    kind: 'menu',
    doc: 'Opens the Credit Desk sidebar.',
    params: [],
    run: showDashboard,
  }),
};
