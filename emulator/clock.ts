/** The environment's virtual clock and the `Date` the sandbox sees. */

/**
 * A virtual clock. Time only moves when told to: `advance`, `set`, service call costs,
 * `Utilities.sleep` and lock waits.
 */
export class VirtualClock {
  private ms: number;
  /** A `Date` constructor reading this clock for `new Date()` / `Date.now()`; instances are host Dates. */
  readonly Date: DateConstructor;

  constructor(start: Date) {
    this.ms = start.getTime();
    this.Date = makeVirtualDate(() => this.ms);
  }

  /** Current virtual time in epoch milliseconds. */
  now(): number {
    return this.ms;
  }

  /** Current virtual time as a Date. */
  date(): Date {
    return new Date(this.ms);
  }

  /** Moves the clock forward by `ms` (negative values are ignored). */
  advance(ms: number): void {
    if (ms > 0) this.ms += ms;
  }

  /** Sets the clock to `date` (may go backwards). */
  set(date: Date | number): void {
    this.ms = typeof date === 'number' ? date : date.getTime();
  }
}

/**
 * A Proxy over the host `Date`: `new Date()` and `Date.now()` read the virtual clock, everything
 * else is the host Date, so `x instanceof Date` holds for host and sandbox Dates alike.
 */
function makeVirtualDate(now: () => number): DateConstructor {
  const HostDate = Date;
  const proxy: DateConstructor = new Proxy(HostDate, {
    construct(target, args: unknown[], newTarget) {
      const real = args.length === 0 ? [now()] : args;
      return Reflect.construct(target, real, newTarget === proxy ? target : newTarget) as object;
    },
    apply() {
      return new HostDate(now()).toString();
    },
    get(target, prop) {
      if (prop === 'now') return () => now();
      return Reflect.get(target, prop, target) as unknown;
    },
  });
  return proxy;
}
