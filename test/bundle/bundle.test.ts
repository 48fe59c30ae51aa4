import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { BUILD, bundleCode, loadBundle, ROOT } from '../helpers/bundle';

/** The registry as the bundle itself exposes it. */
function registryOf(context: vm.Context): Record<string, { kind: string; params: { name: string; optional?: boolean }[] }> {
  return vm.runInContext('CreditDesk.registry', context);
}

/** The parameter names of a function, read from its source. */
function paramNames(fn: Function): string[] {
  const m = Function.prototype.toString.call(fn).match(/^function\s*[\w$]*\s*\(([^)]*)\)/);
  if (!m) throw new Error('not a plain function declaration');
  return m[1].split(',').map((s) => s.trim()).filter(Boolean);
}

/** The JSDoc block written right above `function name(`. */
function jsdocOf(code: string, name: string): string | null {
  const m = code.match(new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*function ${name}\\(`));
  return m ? m[1] : null;
}

describe('build/', () => {
  it('holds Code.js, Sidebar.html and appsscript.json', () => {
    for (const f of ['Code.js', 'Sidebar.html', 'appsscript.json']) expect(existsSync(join(BUILD, f))).toBe(true);
  });

  it('has no module syntax', () => {
    const code = bundleCode();
    expect(code).not.toMatch(/^\s*(import|export)[\s{*]/m);
    expect(code).not.toMatch(/\brequire\s*\(\s*["'`]/);
  });

  it('ships the manifest with V8, exception logging and only the minimal scopes', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual(JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  it('inlines the sidebar script and style into one HTML file', () => {
    const html = readFileSync(join(BUILD, 'Sidebar.html'), 'utf8');
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toContain('<!-- SCRIPT -->');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});

describe('loading build/Code.js', () => {
  it('runs no Apps Script service: it loads in a context with no globals at all', () => {
    expect(() => loadBundle()).not.toThrow();
  });

  it('reads no service even when services are there: every access would throw', () => {
    const trap = new Proxy({}, { get: (_t, p) => { throw new Error(`service touched at load: ${String(p)}`); } });
    const names = ['SpreadsheetApp', 'Session', 'MailApp', 'ScriptApp', 'PropertiesService', 'CacheService',
      'LockService', 'HtmlService', 'Utilities', 'Logger', 'Charts'];
    expect(() => loadBundle(Object.fromEntries(names.map((n) => [n, trap])))).not.toThrow();
  });

  it('defines every registry entry as a top-level function with its documented parameters', () => {
    const context = loadBundle();
    const registry = registryOf(context);
    const names = Object.keys(registry);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const fn = context[name];
      expect(typeof fn).toBe('function');
      expect(paramNames(fn)).toEqual(registry[name].params.map((p) => p.name));
    }
  });

  it('gives every custom function @customfunction JSDoc with each parameter and the return', () => {
    const code = bundleCode();
    const registry = registryOf(loadBundle());
    for (const [name, e] of Object.entries(registry)) {
      const doc = jsdocOf(code, name);
      expect(doc).not.toBeNull();
      if (e.kind !== 'customFunction') {
        expect(doc).not.toContain('@customfunction');
        continue;
      }
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/@return \{[^}]+\} \S/);
      for (const p of e.params) {
        expect(doc).toContain(`} ${p.optional ? `[${p.name}]` : p.name} `);
      }
    }
  });

  it('carries each registry text once: in the JSDoc, not again in the runtime registry', () => {
    const code = bundleCode();
    const registry = vm.runInContext('CreditDesk.registry', loadBundle()) as Record<string, { doc: string; params: { doc: string }[] }>;
    const entries = Object.values(registry);
    expect(entries.every((e) => e.doc === '' && e.params.every((p) => p.doc === ''))).toBe(true);
    const text = 'The credit score (0-100) of a customer, or of each customer in a range.';
    expect(jsdocOf(code, 'CREDITSCORE')).toContain(text);
    expect(code.split(text).length - 1).toBe(1);
    // Every function still has a sentence of its own above it.
    for (const name of Object.keys(registry)) expect(jsdocOf(code, name)).toMatch(/^\/\*\*\n \* \S.{10,}/);
  });

  it('makes no global function but the registry entries, and no other global but CreditDesk and zod\'s config', () => {
    const context = loadBundle();
    const registry = registryOf(context);
    const functions = Object.keys(context).filter((k) => typeof context[k] === 'function').sort();
    expect(functions).toEqual(Object.keys(registry).sort());
    // zod keeps a plain configuration object on globalThis; it is data, not an entry point.
    const others = Object.keys(context).filter((k) => typeof context[k] !== 'function').sort();
    expect(others.filter((k) => !k.startsWith('__zod_'))).toEqual(['CreditDesk']);
    for (const k of others.filter((n) => n.startsWith('__zod_'))) expect(typeof context[k]).toBe('object');
  });
});

describe('the menu', () => {
  it('runs only registered menu actions, each with an English and a Chinese caption', () => {
    const { MENU_ACTIONS } = require('../../src/entry/menu');
    const { MENU_TEXT } = require('../../src/i18n/menu');
    const registry = registryOf(loadBundle());
    for (const name of MENU_ACTIONS.filter(Boolean)) {
      expect(registry[name]?.kind).toBe('menu');
      expect(MENU_TEXT.en[name]).toBeTruthy();
      expect(MENU_TEXT.zh[name]).toBeTruthy();
    }
  });
});
