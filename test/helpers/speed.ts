/**
 * For the speed tests: the same operations on a small and a large file must make the same
 * service calls, method by method.
 */
import { createEnvironment, type Environment } from '../../emulator';
import { benchCreditFile } from '../../examples/generate';

const NOW = new Date('2026-11-20T09:00:00+08:00');

/** An environment over a generated file: `customers`, `invoices`, payments 80% of invoices, `orders`. */
export function benchEnvironment(invoices: number, size: { customers: number; orders: number }, options: Parameters<typeof createEnvironment>[0] = {}): Environment {
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: NOW, owner: 'owner@example.com', ...options });
  const book = benchCreditFile({ customers: size.customers, invoices, payments: Math.round(invoices * 0.8), orders: size.orders });
  for (const [name, grid] of Object.entries(book)) env.spreadsheet.addSheet(name, grid);
  return env;
}

export type CallsPerOperation = Record<string, Record<string, number>>;

/**
 * Service calls per method of each operation, run one after the other (`before` runs ahead of
 * each, e.g. to set the selection). An operation is a global's name, or a name and its arguments.
 */
export function callsPerOperation(env: Environment, operations: readonly (string | readonly [string, readonly unknown[]])[], before?: (env: Environment) => void): CallsPerOperation {
  const out: CallsPerOperation = {};
  for (const op of operations) {
    const [name, args] = typeof op === 'string' ? [op, []] : op;
    before?.(env);
    env.calls.reset();
    env.execution({ authMode: 'FULL' }).call(name, ...args);
    out[name] = { ...env.calls };
  }
  return out;
}
