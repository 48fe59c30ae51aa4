import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const ROOT = join(__dirname, '..', '..');
export const BUILD = join(ROOT, 'build');

/** build/Code.js as built by `npm run build` (npm test builds first). */
export function bundleCode(): string {
  return readFileSync(join(BUILD, 'Code.js'), 'utf8');
}

/** Evaluates the bundle in a fresh V8 context holding only `globals`; returns the context. */
export function loadBundle(globals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(bundleCode(), context, { filename: 'Code.js' });
  return context;
}
