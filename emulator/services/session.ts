/** Session and User. */
import { createHash } from 'crypto';
import { GasObject } from '../gas-object';
import type { Execution } from '../execution';

/** Apps Script's User. */
export class User extends GasObject {
  readonly _type = 'User';
  constructor(x: Execution, readonly _email: string) {
    super(x);
  }
  getEmail(): string {
    return this._email;
  }
  getUserLoginId(): string {
    return this._email;
  }
}

/** Apps Script's Session. */
export class SessionService extends GasObject {
  readonly _type = 'Session';
  constructor(x: Execution) {
    super(x);
  }
  /** The execution's user; '' in custom functions and AuthMode.NONE. */
  getActiveUser(): User {
    const x = this._x;
    return new User(x, x.customFunction || x.authMode === 'NONE' ? '' : x.user);
  }
  /** The user whose authority the script runs with (the trigger's owner for installable triggers). */
  getEffectiveUser(): User {
    const x = this._x;
    if (x.customFunction) return new User(x, '');
    return new User(x, x.trigger ? x.trigger.user : x.user);
  }
  getActiveUserLocale(): string {
    return this._x.env.locale.split('_')[0];
  }
  getScriptTimeZone(): string {
    return this._x.env.scriptTimeZone;
  }
  getTimeZone(): string {
    return this._x.env.scriptTimeZone;
  }
  /** A stable opaque key per user and script. */
  getTemporaryActiveUserKey(): string {
    const user = this._x.customFunction ? '' : this._x.user;
    return createHash('sha256').update(`${this._x.env.scriptId}:${user}`).digest('base64').slice(0, 43);
  }
}
