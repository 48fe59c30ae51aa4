/** HtmlService, HtmlOutput and HtmlTemplate (with <?= ?>, <?!= ?> and <? ?> scriptlets). */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { ServiceError } from '../errors';
import { SandboxMode, XFrameOptionsMode, enumName } from '../enums';
import { GasObject } from '../gas-object';
import type { Execution } from '../execution';

/** HTML-escapes text the way <?= ?> and appendUntrusted do. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function readHtmlFile(x: Execution, name: string): string {
  const file = path.join(x.env.buildDir, name.endsWith('.html') ? name : `${name}.html`);
  if (!fs.existsSync(file)) throw new ServiceError(`No HTML file named ${name} was found.`);
  return fs.readFileSync(file, 'utf8');
}

/** Apps Script's HtmlOutput. */
export class HtmlOutput extends GasObject {
  readonly _type = 'HtmlOutput';
  _content: string;
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _sandboxMode = 'IFRAME';
  _xFrameOptionsMode = 'DEFAULT';
  readonly _metaTags: Array<{ name: string; content: string }> = [];
  constructor(x: Execution, content = '') {
    super(x);
    this._content = content;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): HtmlOutput {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: number): HtmlOutput {
    this._width = width;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: number): HtmlOutput {
    this._height = height;
    return this;
  }
  setSandboxMode(mode: unknown): HtmlOutput {
    this._sandboxMode = enumName(mode);
    return this;
  }
  getSandboxMode(): unknown {
    return SandboxMode[this._sandboxMode as keyof typeof SandboxMode];
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    this._xFrameOptionsMode = enumName(mode);
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  setFaviconUrl(_iconUrl: string): HtmlOutput {
    return this;
  }
}

/** Compiles template source to the body of a function of (__scope, __esc, __str). */
export function compileTemplate(source: string): string {
  let code = 'var __o = [];\n';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    if (open < 0) {
      code += `__o.push(${JSON.stringify(source.slice(i))});\n`;
      break;
    }
    if (open > i) code += `__o.push(${JSON.stringify(source.slice(i, open))});\n`;
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new ServiceError('Malformed HTML content: unterminated scriptlet.');
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) code += `__o.push(__str(${inner.slice(2)}));\n`;
    else if (inner.startsWith('=')) code += `__o.push(__esc(${inner.slice(1)}));\n`;
    else code += inner + '\n';
    i = close + 2;
  }
  return code + 'return __o.join("");';
}

/** Apps Script's HtmlTemplate: assign properties on it, then evaluate(). */
export class HtmlTemplate extends GasObject {
  readonly _type = 'HtmlTemplate';
  [key: string]: unknown;
  constructor(x: Execution, readonly _source: string) {
    super(x);
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  evaluate(): HtmlOutput {
    const scope: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (!k.startsWith('_')) scope[k] = v;
    const fn = vm.runInContext(`(function (__scope, __esc, __str) { with (__scope) { ${compileTemplate(this._source)} } })`, this._x.context) as (
      scope: Record<string, unknown>,
      esc: (v: unknown) => string,
      str: (v: unknown) => string,
    ) => string;
    const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    return new HtmlOutput(this._x, fn(scope, (v) => escapeHtml(str(v)), str));
  }
}

/** Apps Script's HtmlService. createHtmlOutputFromFile reads <buildDir>/<name>.html. */
export class HtmlServiceImpl extends GasObject {
  readonly _type = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(x: Execution) {
    super(x);
  }
  createHtmlOutput(html?: string): HtmlOutput {
    return new HtmlOutput(this._x, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this._x, readHtmlFile(this._x, String(filename)));
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this._x, String(html));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this._x, readHtmlFile(this._x, String(filename)));
  }
}
