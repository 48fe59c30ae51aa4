/**
 * Values built on first use and kept: zod schemas, alias maps and other tables that loading the
 * bundle should not pay for. Every Apps Script call (menu item, trigger, custom function, sidebar
 * call) evaluates the whole bundle first, and most calls need few of these tables.
 */

/** `make()` on the first call, the same value on every later one. */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
