/**
 * Serves build/Sidebar.html over HTTP on 127.0.0.1 with a `google.script.run` shim injected
 * before the page's script. The shim POSTs {fn, args} as JSON to /rpc; the harness answers by
 * calling `backend(fn, args)`, which may be the fixture backend or the real bundle running in
 * the Apps Script emulator: the harness does not care which.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Any server: a function name and its JSON arguments in, a JSON-able result out (or a throw). */
export type Backend = (fn: string, args: unknown[]) => Promise<unknown>;

export const SIDEBAR_HTML = join(__dirname, '..', '..', 'build', 'Sidebar.html');

/** The browser half: google.script.run whose handlers and dynamic methods go to /rpc. */
export const SHIM = `
(function () {
  function runner(ok, fail, user) {
    var base = {
      withSuccessHandler: function (f) { return runner(f, fail, user); },
      withFailureHandler: function (f) { return runner(ok, f, user); },
      withUserObject: function (u) { return runner(ok, fail, u); }
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target || typeof name !== 'string') return target[name];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              if (res.ok) { if (ok) ok(res.value, user); }
              else if (fail) { var e = new Error(res.error.message); e.name = res.error.name || 'Error'; fail(e, user); }
            }, function (err) { if (fail) fail(err instanceof Error ? err : new Error(String(err)), user); });
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = { run: runner(null, null, null), host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } } };
})();
`;

/** The sidebar page with the shim placed before its first script. */
export function pageWithShim(html: string): string {
  const at = html.search(/<script[\s>]/i);
  const tag = `<script>${SHIM}</script>\n`;
  return at < 0 ? html.replace('</body>', `${tag}</body>`) : html.slice(0, at) + tag + html.slice(at);
}

export interface HarnessOptions {
  backend: Backend;
  /** 0 (default): a random free port. */
  port?: number;
  host?: string;
  /** Where the built sidebar is; read on every request, so a rebuild shows on reload. */
  htmlPath?: string;
}

export interface Harness {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const htmlPath = opts.htmlPath ?? SIDEBAR_HTML;
  const host = opts.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && (path === '/' || path === '/index.html' || path === '/Sidebar.html')) {
        const html = pageWithShim(readFileSync(htmlPath, 'utf8'));
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(html);
        return;
      }
      if (req.method === 'POST' && path === '/rpc') {
        let reply: unknown;
        try {
          const { fn, args } = JSON.parse(await readBody(req)) as { fn: string; args?: unknown[] };
          const value = await opts.backend(String(fn), Array.isArray(args) ? args : []);
          reply = { ok: true, value: value === undefined ? null : value };
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          reply = { ok: false, error: { name: err.name, message: err.message } };
        }
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(reply));
        return;
      }
      if (path === '/favicon.ico') { res.writeHead(204); res.end(); return; }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
