/**
 * One value per customer, found by the records' `customerIndex` (an array slot: no hashing of
 * the key per row, which dominates at a million rows) with the key as a check, and by key for
 * records without an index (hand-made ones). Values are made on first use and kept in order of
 * first appearance.
 */
export class CustomerSlots<T> {
  private readonly slots: ({ key: string; value: T } | undefined)[];
  private readonly byKey = new Map<string, T>();

  /** `count`: how many customers the indexes point into (CreditFile.customers.length). */
  constructor(count: number, private readonly make: (key: string) => T) {
    this.slots = new Array(count);
  }

  get(key: string, index: number | undefined): T {
    const inRange = index !== undefined && index >= 0 && index < this.slots.length;
    if (inRange) {
      const s = this.slots[index];
      if (s !== undefined && s.key === key) return s.value;
    }
    let value = this.byKey.get(key);
    if (value === undefined) {
      value = this.make(key);
      this.byKey.set(key, value);
    }
    if (inRange && this.slots[index] === undefined) this.slots[index] = { key, value };
    return value;
  }

  /** Key → value, in order of first appearance. */
  get map(): ReadonlyMap<string, T> {
    return this.byKey;
  }
}
