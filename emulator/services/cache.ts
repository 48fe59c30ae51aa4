/** CacheService and Cache, with expiry on the virtual clock and Apps Script's limits. */
import { ServiceError } from '../errors';
import { GasObject } from '../gas-object';
import type { VirtualClock } from '../clock';
import type { Execution } from '../execution';

const KEY_LIMIT = 250;
const VALUE_LIMIT = 100 * 1024;
const MAX_TTL = 21600;

/** One cache (document, script or one user's). */
export class CacheStore {
  private readonly map = new Map<string, { value: string; expiresAt: number }>();
  constructor(private readonly clock: VirtualClock) {}

  /** The live value or null (expired entries are dropped). */
  get(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.clock.now()) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }
  /** Live keys. */
  keys(): string[] {
    return [...this.map.keys()].filter((k) => this.get(k) !== null);
  }
  put(key: string, value: string, ttlSeconds: number): void {
    this.map.set(key, { value, expiresAt: this.clock.now() + ttlSeconds * 1000 });
  }
  remove(key: string): void {
    this.map.delete(key);
  }
  /** Drops everything (simulates eviction). */
  clear(): void {
    this.map.clear();
  }
}

/** Document, script and per-user caches (env.caches). */
export class CachesState {
  readonly document: CacheStore;
  readonly script: CacheStore;
  private readonly users = new Map<string, CacheStore>();
  constructor(private readonly clock: VirtualClock) {
    this.document = new CacheStore(clock);
    this.script = new CacheStore(clock);
  }
  user(email: string): CacheStore {
    let s = this.users.get(email);
    if (!s) this.users.set(email, (s = new CacheStore(this.clock)));
    return s;
  }
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k.length > KEY_LIMIT) throw new ServiceError('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > VALUE_LIMIT) throw new ServiceError('Argument too large: value');
  return v;
}

function ttl(seconds: unknown): number {
  if (seconds === undefined || seconds === null) return 600;
  const n = Number(seconds);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(MAX_TTL, n);
}

/** Apps Script's Cache. */
export class Cache extends GasObject {
  readonly _type = 'Cache';
  constructor(x: Execution, readonly _store: CacheStore) {
    super(x);
  }
  get(key: string): string | null {
    return this._store.get(checkKey(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this._store.get(checkKey(k));
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._store.put(checkKey(key), checkValue(value), ttl(expirationInSeconds));
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const entries = Object.entries(values ?? {}).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    for (const [k, v] of entries) this._store.put(k, v, ttl(expirationInSeconds));
  }
  remove(key: string): void {
    this._store.remove(checkKey(key));
  }
  removeAll(keys: string[]): void {
    keys.forEach((k) => this._store.remove(checkKey(k)));
  }
}

/** Apps Script's CacheService. */
export class CacheServiceImpl extends GasObject {
  readonly _type = 'CacheService';
  constructor(x: Execution) {
    super(x);
  }
  getDocumentCache(): Cache {
    return new Cache(this._x, this._x.env.caches.document);
  }
  getScriptCache(): Cache {
    return new Cache(this._x, this._x.env.caches.script);
  }
  getUserCache(): Cache {
    return new Cache(this._x, this._x.env.caches.user(this._x.user));
  }
}
