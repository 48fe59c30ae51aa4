/**
 * The one list of everything Apps Script must see as a global: triggers, menu actions,
 * functions the sidebar calls and custom functions. The build generates a top-level
 * forwarding function (and, for custom functions, the JSDoc) for each entry; nothing else
 * in src/ becomes global. Each area lists its entries in a file of its own beside this one.
 */
import { cellEntries } from './cells';
import { collectionEntries } from './collections';
import { dashboardEntries } from './dashboard';
import { menuEntries } from './menu';
import { planEntries } from './plans';
import { reminderEntries } from './reminders';
import { reportEntries } from './reports';
import { sidebarEntries } from './sidebar';

export const registry = {
  ...menuEntries,
  ...cellEntries,
  ...reminderEntries,
  ...planEntries,
  ...reportEntries,
  ...collectionEntries,
  ...sidebarEntries,
  ...dashboardEntries,
};

export type Registry = typeof registry;
export type EntryName = keyof Registry;
