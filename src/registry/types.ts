/**
 * The shape of an entry point: something Apps Script must see as a top-level global.
 *
 * The build (scripts/build.mjs) evaluates the bundle, reads `CreditDesk.registry`, and writes
 * one forwarding function per entry with these parameter names and, for custom functions,
 * the JSDoc that Sheets reads for autocomplete.
 */

/** trigger: onOpen, onInstall, onEdit, scheduled runs. menu: a menu item's action.
 * sidebar: called from the sidebar with google.script.run. customFunction: used in cells. */
export type EntryKind = 'trigger' | 'menu' | 'sidebar' | 'customFunction';

export interface EntryParam {
  /** The parameter name users see in the formula's autocomplete, e.g. `customer_id`. */
  name: string;
  /** JSDoc type, e.g. `string|Array<Array<string>>`. */
  type: string;
  doc: string;
  optional?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EntryFunction = (...args: any[]) => unknown;

export interface Entry {
  kind: EntryKind;
  /** One sentence: what it does, in the user's words. */
  doc: string;
  params: EntryParam[];
  returns?: { type: string; doc: string };
  run: EntryFunction;
}

/** Helper that keeps each entry's literal type while checking it is an Entry. */
export function entry<E extends Entry>(e: E): E {
  return e;
}
