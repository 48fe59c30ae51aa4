/** Base class of every emulated Apps Script object. */
import { inspect } from 'util';
import type { Execution } from './execution';

/**
 * An Apps Script object bound to one execution. The execution hands it to the bundle behind a
 * Proxy that counts and gates every public method call as `<_type>.<method>`. Members whose name
 * starts with "_" are internal: uncounted and not part of Apps Script's API.
 */
export abstract class GasObject {
  /** Apps Script's class name, used in call names ("Range", "Sheet", "MailApp"). */
  abstract readonly _type: string;

  constructor(readonly _x: Execution) {}

  /** Apps Script objects print as their class name. */
  toString(): string {
    return this._type;
  }

  /** JSON.stringify of an Apps Script object gives "{}". */
  toJSON(): Record<string, never> {
    return {};
  }

  /** console.log shows the class name, not the emulator's internals. */
  [inspect.custom](): string {
    return this._type;
  }
}
