/**
 * Section 4: build/Code.js — size (raw and gzip) and cold start (evaluating the bundle in a fresh
 * V8 context with no services). When the size is over the target, the largest contributors come
 * from an esbuild metafile of the build's own serverOptions (scripts/build.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { errorRow, median, ms, progress, type Row } from './lib';

export const ROOT = join(__dirname, '..');
const CODE = join(ROOT, 'build', 'Code.js');

export interface BundleConfig {
  /** Cold-start evaluations (median). */
  coldStarts: number;
  /** Size target in KB. */
  targetKb: number;
  /** Cold start target in ms. */
  targetMs: number;
  /** Build a metafile for the contributors when the size target is not met. */
  metafile: boolean;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/**
 * One cold start: a new context and the bundle evaluated in it. A unique trailing comment keeps
 * V8's in-process compilation cache from serving an earlier compile, as a fresh Apps Script
 * runtime would have none.
 */
export function coldStart(code: string, i: number): number {
  const source = `${code}\n//# cold-start ${i} ${Math.random()}`;
  const t0 = performance.now();
  const context = vm.createContext({});
  vm.runInContext(source, context, { filename: 'Code.js' });
  return performance.now() - t0;
}

/** Minified bytes in the output per package (node_modules) or per src/ folder, largest first. */
export async function contributors(): Promise<{ name: string; bytes: number }[]> {
  // A computed specifier keeps the import native (build.mjs is an ES module).
  const buildModule = pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href;
  const { serverOptions } = (await import(buildModule)) as { serverOptions: Record<string, unknown> };
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...(serverOptions as object), metafile: true, write: false, logLevel: 'silent' } as Parameters<typeof esbuild.build>[0]);
  const meta = result.metafile;
  if (!meta) throw new Error('esbuild gave no metafile');
  const groups = new Map<string, number>();
  for (const out of Object.values(meta.outputs)) {
    for (const [path, info] of Object.entries(out.inputs)) {
      const p = path.replace(/\\/g, '/');
      const nm = p.lastIndexOf('node_modules/');
      let name: string;
      if (nm >= 0) {
        const rest = p.slice(nm + 'node_modules/'.length).split('/');
        name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
        // zod's v4 core and its classic API are one package but worth telling apart.
        if (name === 'zod' && rest.length > 3) name = `zod/${rest.slice(1, 3).join('/')}`;
      } else {
        const parts = p.split('/');
        const i = parts.indexOf('src');
        name = i >= 0 ? parts.slice(i, Math.min(parts.length, i + 3)).join('/') : p;
      }
      groups.set(name, (groups.get(name) ?? 0) + info.bytesInOutput);
    }
  }
  return [...groups.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export async function bundleRows(cfg: BundleConfig, snapshot?: string): Promise<Row[]> {
  const rows: Row[] = [];
  let code: string;
  try {
    code = snapshot ?? readFileSync(CODE, 'utf8');
  } catch (e) {
    rows.push(errorRow('4a', 'build/Code.js size (run npm run build first)', e));
    return rows;
  }
  const raw = Buffer.byteLength(code);
  const gz = gzipSync(code, { level: 9 }).length;
  const sizeMet = raw <= cfg.targetKb * 1024;
  rows.push({
    id: '4a', figure: 'build/Code.js size (minified by esbuild, raw and gzip -9)', result: `${kb(raw)} raw, ${kb(gz)} gzip`,
    target: `< ${cfg.targetKb} KB minified`, verdict: sizeMet ? 'met' : `NOT met (${kb(raw - cfg.targetKb * 1024)} over; see 4c)`,
  });

  try {
    progress('bundle: cold starts');
    const times: number[] = [];
    for (let i = 0; i < cfg.coldStarts; i++) times.push(coldStart(code, i));
    const m = median(times);
    rows.push({
      id: '4b', figure: 'Cold start: vm.createContext({}) + runInContext(build/Code.js), fresh compile each time, no services',
      result: `${ms(m)} (median of ${cfg.coldStarts}; first ${ms(times[0])}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`,
      target: `< ${cfg.targetMs} ms`, verdict: m < cfg.targetMs ? 'met' : 'NOT met',
    });
  } catch (e) {
    rows.push(errorRow('4b', 'Cold start', e, `< ${cfg.targetMs} ms`));
  }

  if (!sizeMet) {
    if (!cfg.metafile) {
      rows.push({ id: '4c', figure: 'Largest contributors to build/Code.js', result: 'skipped (metafile off)', target: '—', verdict: '—' });
    } else {
      try {
        progress('bundle: esbuild metafile');
        const list = await contributors();
        const total = list.reduce((n, x) => n + x.bytes, 0);
        const pct = (n: number): string => `${Math.round((n / total) * 100)}%`;
        const top = list.slice(0, 10).map((x) => `${x.name} ${kb(x.bytes)} (${pct(x.bytes)})`);
        const packages = new Map<string, number>();
        for (const x of list) {
          if (x.name.startsWith('src/')) continue;
          const pkg = x.name.startsWith('@') ? x.name.split('/').slice(0, 2).join('/') : x.name.split('/')[0];
          packages.set(pkg, (packages.get(pkg) ?? 0) + x.bytes);
        }
        const npm = [...packages.entries()].sort((a, b) => b[1] - a[1]);
        const npmTotal = npm.reduce((n, [, b]) => n + b, 0);
        top.push(`— npm packages in all: ${kb(npmTotal)} (${pct(npmTotal)}): ${npm.map(([p, b]) => `${p} ${kb(b)}`).join(', ')}`);
        const rest = raw - total;
        const restText = rest >= 0
          ? `the other ${kb(rest)} of Code.js are the IIFE frame, the generated top-level functions and their JSDoc`
          : `${kb(-rest)} more than the measured Code.js: src/ changed since that build`;
        rows.push({
          id: '4c', figure: `Largest contributors to the bundle (esbuild metafile of serverOptions built now, bytes in minified output; modules ${kb(total)}; ${restText})`,
          result: top.join(', '), target: '—', verdict: '—',
        });
      } catch (e) {
        rows.push(errorRow('4c', 'Largest contributors (esbuild metafile)', e));
      }
    }
  }
  return rows;
}
