#!/usr/bin/env node
/**
 * Builds what clasp pushes, into build/:
 *   Code.js           src/main.ts bundled by esbuild as one IIFE under the global `CreditDesk`,
 *                     followed by one generated top-level function per registry entry
 *                     (custom functions with the JSDoc Sheets reads for autocomplete);
 *   Sidebar.html      src/sidebar/ (HTML, TypeScript, CSS) inlined into one file, as
 *                     HtmlService serves no separate JS or CSS;
 *   appsscript.json   the manifest, copied.
 * The registry is read by evaluating the bundle in an empty vm context: if loading the bundle
 * touched any Apps Script service, the build fails here.
 */
import { build } from 'esbuild';
import ts from 'typescript';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const GLOBAL = 'CreditDesk';

/**
 * The registry's documentation (entry, parameter and return `doc` texts) is only read by this
 * build, to write the JSDoc above each generated function. The shipped bundle leaves it out: each
 * `doc: '…'` property in src/registry/ becomes `doc: ''` (6 KB less to load on every call).
 */
export function stripRegistryDocs(source, fileName = 'registry.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'doc' &&
      (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))
    ) {
      edits.push([node.initializer.getStart(file), node.initializer.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [start, end] of edits.reverse()) out = `${out.slice(0, start)}''${out.slice(end)}`;
  return out;
}

const registryDocs = {
  name: 'strip-registry-docs',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]registry[\\/][^\\/]+\.ts$/ }, (args) => ({
      contents: stripRegistryDocs(readFileSync(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};

/** esbuild options of the shipped server bundle (also the benchmark's metafile and cold-start copy). */
export const serverOptions = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  minify: true,
  keepNames: false,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
  plugins: [registryDocs],
};

/** The same bundle with the registry's documentation, evaluated only to read it. */
const metadataOptions = { ...serverOptions, plugins: [] };

async function bundleServer(options = serverOptions) {
  const result = await build(options);
  return result.outputFiles[0].text;
}

/** Reads the registry's metadata by evaluating the bundle where no Apps Script global exists. */
function readRegistry(code) {
  const context = vm.createContext({});
  vm.runInContext(`${code}\n;this.${GLOBAL} = ${GLOBAL};`, context, { filename: 'Code.js' });
  const registry = context[GLOBAL]?.registry;
  if (!registry) throw new Error(`The bundle does not expose ${GLOBAL}.registry`);
  return Object.entries(registry).map(([name, e]) => ({
    name,
    kind: e.kind,
    doc: e.doc,
    params: (e.params ?? []).map((p) => ({ ...p })),
    returns: e.returns ? { ...e.returns } : undefined,
  }));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** One forwarding function, with JSDoc; custom functions carry @customfunction. */
export function wrapperFor(e) {
  if (!IDENTIFIER.test(e.name)) throw new Error(`Registry name is not an identifier: ${e.name}`);
  for (const p of e.params) {
    if (!IDENTIFIER.test(p.name)) throw new Error(`${e.name}: parameter is not an identifier: ${p.name}`);
  }
  const clean = (s) => String(s).replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
  const lines = ['/**', ` * ${clean(e.doc)}`];
  for (const p of e.params) {
    const name = p.optional ? `[${p.name}]` : p.name;
    lines.push(` * @param {${clean(p.type)}} ${name} ${clean(p.doc)}`);
  }
  if (e.returns) lines.push(` * @return {${clean(e.returns.type)}} ${clean(e.returns.doc)}`);
  if (e.kind === 'customFunction') lines.push(' * @customfunction');
  lines.push(' */');
  const params = e.params.map((p) => p.name).join(', ');
  lines.push(
    `function ${e.name}(${params}) {`,
    `  return ${GLOBAL}.registry.${e.name}.run(${params});`,
    '}',
  );
  return lines.join('\n');
}

/** Fails when module syntax would reach Apps Script, which has no modules. */
export function assertNoModuleSyntax(code, file) {
  const bad = [/^\s*import[\s{*]/m, /^\s*export[\s{*]/m, /\brequire\s*\(\s*["'`]/];
  for (const re of bad) {
    const m = code.match(re);
    if (m) throw new Error(`${file} contains module syntax (${m[0].trim()}): Apps Script has no modules`);
  }
}

async function buildSidebar() {
  const dir = join(root, 'src/sidebar');
  const js = await build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const css = readFileSync(join(dir, 'style.css'), 'utf8');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // "</script" inside the script would end the element early.
  const script = js.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const style = css.replace(/<\/(style)/gi, '<\\/$1');
  if (!html.includes('<!-- STYLE -->') || !html.includes('<!-- SCRIPT -->')) {
    throw new Error('src/sidebar/index.html needs <!-- STYLE --> and <!-- SCRIPT --> markers');
  }
  return html
    .replace('<!-- STYLE -->', () => `<style>\n${style}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
}

export async function buildAll() {
  mkdirSync(out, { recursive: true });
  const bundle = await bundleServer();
  const entries = readRegistry(await bundleServer(metadataOptions));
  const shipped = readRegistry(bundle);
  const shape = (list) => JSON.stringify(list.map((e) => [e.name, e.kind, e.params.map((p) => [p.name, p.type, !!p.optional])]));
  if (shape(shipped) !== shape(entries)) throw new Error('Stripping the registry docs changed the registry itself');
  const header = `// Credit Desk: generated by scripts/build.mjs from src/. Do not edit.\n`;
  const code = `${header}${bundle}\n${entries.map(wrapperFor).join('\n\n')}\n`;
  assertNoModuleSyntax(code, 'build/Code.js');
  writeFileSync(join(out, 'Code.js'), code);
  writeFileSync(join(out, 'Sidebar.html'), await buildSidebar());
  copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
  return { code, entries };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { code, entries } = await buildAll();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const counts = entries.reduce((m, e) => ({ ...m, [e.kind]: (m[e.kind] ?? 0) + 1 }), {});
  console.log(
    `build/Code.js ${kb(Buffer.byteLength(code))}, ${entries.length} globals ` +
      `(${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}); ` +
      `build/Sidebar.html ${kb(readFileSync(join(out, 'Sidebar.html')).length)}`,
  );
}
