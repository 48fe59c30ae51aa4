/** PropertiesService, Properties and their stores, with Apps Script's size limits. */
import { ServiceError } from '../errors';
import { GasObject } from '../gas-object';
import type { Execution } from '../execution';

const VALUE_LIMIT = 9 * 1024;
const TOTAL_LIMIT = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** One property store (document, script, or one user's). */
export class PropertyStore {
  readonly map = new Map<string, string>();

  /** A plain-object copy. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  get(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  /** Sets entries after checking the per-value and total limits (all or nothing). */
  _put(entries: Array<[string, string]>, replaceAll: boolean): void {
    const next = replaceAll ? new Map<string, string>() : new Map(this.map);
    for (const [k, v] of entries) {
      if (bytes(v) > VALUE_LIMIT) throw new ServiceError('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > TOTAL_LIMIT) throw new ServiceError('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
}

/** Document, script and per-user property stores (env.properties). */
export class PropertiesState {
  readonly document = new PropertyStore();
  readonly script = new PropertyStore();
  private readonly users = new Map<string, PropertyStore>();
  /** The user store of `email`. */
  user(email: string): PropertyStore {
    let s = this.users.get(email);
    if (!s) this.users.set(email, (s = new PropertyStore()));
    return s;
  }
}

/** Apps Script's Properties. */
export class Properties extends GasObject {
  readonly _type = 'Properties';
  constructor(x: Execution, readonly _store: PropertyStore) {
    super(x);
  }
  getProperty(key: string): string | null {
    return this._store.get(String(key));
  }
  getProperties(): Record<string, string> {
    return this._store.toObject();
  }
  getKeys(): string[] {
    return [...this._store.map.keys()];
  }
  setProperty(key: string, value: unknown): Properties {
    if (key === undefined || key === null || key === '') throw new ServiceError('Invalid argument: key');
    this._store._put([[String(key), String(value)]], false);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    this._store._put(Object.entries(properties ?? {}).map(([k, v]) => [k, String(v)]), !!deleteAllOthers);
    return this;
  }
  deleteProperty(key: string): Properties {
    this._store.map.delete(String(key));
    return this;
  }
  deleteAllProperties(): Properties {
    this._store.map.clear();
    return this;
  }
}

/** Apps Script's PropertiesService. */
export class PropertiesServiceImpl extends GasObject {
  readonly _type = 'PropertiesService';
  constructor(x: Execution) {
    super(x);
  }
  getDocumentProperties(): Properties {
    return new Properties(this._x, this._x.env.properties.document);
  }
  getScriptProperties(): Properties {
    return new Properties(this._x, this._x.env.properties.script);
  }
  getUserProperties(): Properties {
    return new Properties(this._x, this._x.env.properties.user(this._x.user));
  }
}
