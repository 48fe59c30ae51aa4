#!/usr/bin/env tsx
/**
 * `npm run preview`: builds, then serves the sidebar at http://127.0.0.1:8300/ with a
 * google.script.run shim, until Ctrl-C. The server behind it is the fixture backend
 * (test/sidebar/fixtureBackend.ts) unless test/sidebar/realBackend.ts exists: that module is the
 * hook for the real one (build/Code.js in the Apps Script emulator) and must export
 *   export async function createRealBackend(): Promise<(fn: string, args: unknown[]) => Promise<unknown>>
 * Options: --port 8300 (or PORT), --lang en|zh (fixture), --fixture (ignore realBackend.ts),
 * --no-build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFixtureBackend } from '../test/sidebar/fixtureBackend';
import { SIDEBAR_HTML, startHarness, type Backend } from '../test/sidebar/harness';

const root = join(__dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function chooseBackend(): Promise<{ backend: Backend; name: string }> {
  const real = join(root, 'test/sidebar/realBackend.ts');
  if (existsSync(real) && !argv.includes('--fixture')) {
    const mod = (await import(pathToFileURL(real).href)) as { createRealBackend?: () => Backend | Promise<Backend> };
    if (typeof mod.createRealBackend !== 'function') throw new Error(`${real} must export createRealBackend()`);
    return { backend: await mod.createRealBackend(), name: 'real (test/sidebar/realBackend.ts)' };
  }
  const lang = option('lang') === 'zh' ? 'zh' : 'en';
  const fixture = createFixtureBackend({ language: lang });
  const backend: Backend = async (fn, args) => {
    console.log(`rpc ${fn}(${args.map((a) => JSON.stringify(a)).join(', ').slice(0, 120)})`);
    return fixture.backend(fn, args);
  };
  return { backend, name: `fixture (${lang})` };
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      if (!existsSync(SIDEBAR_HTML)) throw new Error('Build failed and there is no build/Sidebar.html to serve.');
      console.warn('Build failed: serving the last build/Sidebar.html.');
    }
  }
  const { backend, name } = await chooseBackend();
  const port = Number(option('port') ?? process.env.PORT ?? 8300);
  const harness = await startHarness({ backend, port });
  console.log(`Credit Desk sidebar preview (${name} backend): ${harness.url}`);
  console.log('Open it in a window about 300 px wide. Reload after a rebuild. Ctrl-C stops.');
  const stop = (): void => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
