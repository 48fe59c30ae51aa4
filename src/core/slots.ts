/**
 * One value per customer, found by the records' `customerIndex` (an array slot: no hashing of
 * the key per row, which dominates at a million rows) with the key as a check, and by key for
 * records without an index (hand-made ones). Values are made on first use and kept in order of
 * first appearance.
 */
export class CustomerSlots<T> {
  // Two flat arrays, not an array of {key, value}: the check compares the key in place (the
  // reader's records share the customer's key string, so it is a pointer comparison).
  private readonly keys: (string | undefined)[];
  private readonly values: (T | undefined)[];
  private readonly byKey = new Map<string, T>();

  /** `count`: how many customers the indexes point into (CreditFile.customers.length). */
  constructor(count: number, private readonly make: (key: string) => T) {
    this.keys = new Array(count).fill(undefined);
    this.values = new Array(count).fill(undefined);
  }

  get(key: string, index: number | undefined): T {
    const inRange = index !== undefined && index >= 0 && index < this.keys.length;
    if (inRange && this.keys[index] === key) return this.values[index] as T;
    let value = this.byKey.get(key);
    if (value === undefined) {
      value = this.make(key);
      this.byKey.set(key, value);
    }
    if (inRange && this.keys[index] === undefined) {
      this.keys[index] = key;
      this.values[index] = value;
    }
    return value;
  }

  /** Key → value, in order of first appearance. */
  get map(): ReadonlyMap<string, T> {
    return this.byKey;
  }
}
