/** Service call counters. */

/** Counts per `<Type>.<method>`, with two non-enumerable helpers. */
export type CallCounts = Record<string, number> & {
  /** Sum of counts; with prefixes, only names equal to or under one ("Range", "Range.", "Range.getValues"). */
  total(prefixes?: string[]): number;
  /** Clears all counts. */
  reset(): void;
};

/** A fresh, empty CallCounts. */
export function createCallCounts(): CallCounts {
  const counts = {} as CallCounts;
  Object.defineProperty(counts, 'total', {
    enumerable: false,
    value(prefixes?: string[]): number {
      let sum = 0;
      for (const [name, n] of Object.entries(counts) as Array<[string, number]>) {
        if (!prefixes || prefixes.some((p) => matches(name, p))) sum += n;
      }
      return sum;
    },
  });
  Object.defineProperty(counts, 'reset', {
    enumerable: false,
    value(): void {
      for (const k of Object.keys(counts)) delete counts[k];
    },
  });
  return counts;
}

function matches(name: string, prefix: string): boolean {
  if (name === prefix) return true;
  if (prefix.endsWith('.')) return name.startsWith(prefix);
  return prefix.includes('.') ? false : name.startsWith(prefix + '.');
}

/** Adds one to `name` in `counts`. */
export function bump(counts: CallCounts, name: string): void {
  counts[name] = (counts[name] ?? 0) + 1;
}
