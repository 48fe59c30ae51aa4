/**
 * The one list of everything Apps Script must see as a global: triggers, menu actions,
 * functions the sidebar calls and custom functions. The build generates a top-level
 * forwarding function (and, for custom functions, the JSDoc) for each entry; nothing else
 * in src/ becomes global.
 */
import { onInstall, onOpen, showDashboard } from '../entry/menu';
import { entry } from './types';

export const registry = {
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

export type Registry = typeof registry;
export type EntryName = keyof Registry;
