/**
 * LockService and Lock. Locks are shared by all executions of the environment. Executions run
 * synchronously, so a lock held by another live execution can never be released while waiting:
 * tryLock/waitLock advance the virtual clock by the timeout and fail.
 */
import { ServiceError } from '../errors';
import { GasObject } from '../gas-object';
import type { VirtualClock } from '../clock';
import type { Execution } from '../execution';

const MAX_WAIT = 300000;

/** Who holds which lock (env.locks). Keys: "document", "script", "user:<email>". */
export class LockTable {
  private readonly holders = new Map<string, Execution>();
  constructor(private readonly clock: VirtualClock) {}

  /** The live execution holding `key`, if any. */
  holder(key: string): Execution | null {
    const h = this.holders.get(key);
    if (h && h.ended) {
      this.holders.delete(key);
      return null;
    }
    return h ?? null;
  }
  /** Keys currently held by live executions. */
  held(): string[] {
    return [...this.holders.keys()].filter((k) => this.holder(k) !== null);
  }
  _acquire(key: string, x: Execution, timeoutMs: number): boolean {
    const h = this.holder(key);
    if (!h || h === x) {
      this.holders.set(key, x);
      return true;
    }
    this.clock.advance(Math.min(Math.max(0, timeoutMs), MAX_WAIT));
    return false;
  }
  _release(key: string, x: Execution): void {
    if (this.holders.get(key) === x) this.holders.delete(key);
  }
  /** Releases every lock held by `x` (when its execution ends). */
  releaseAll(x: Execution): void {
    for (const [k, h] of this.holders) if (h === x) this.holders.delete(k);
  }
}

/** Apps Script's Lock. */
export class Lock extends GasObject {
  readonly _type = 'Lock';
  constructor(x: Execution, readonly _key: string) {
    super(x);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._x.env.locks._acquire(this._key, this._x, Number(timeoutInMillis) || 0);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._x.env.locks._acquire(this._key, this._x, Number(timeoutInMillis) || 0)) {
      throw new ServiceError('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    this._x.env.locks._release(this._key, this._x);
  }
  hasLock(): boolean {
    return this._x.env.locks.holder(this._key) === this._x;
  }
}

/** Apps Script's LockService. */
export class LockServiceImpl extends GasObject {
  readonly _type = 'LockService';
  constructor(x: Execution) {
    super(x);
  }
  getDocumentLock(): Lock {
    return new Lock(this._x, 'document');
  }
  getScriptLock(): Lock {
    return new Lock(this._x, 'script');
  }
  getUserLock(): Lock {
    return new Lock(this._x, `user:${this._x.user}`);
  }
}
