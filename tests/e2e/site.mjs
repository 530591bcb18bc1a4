// The release site and the browser, shared by the end-to-end tests and the benchmark harness
// (bench/run.mjs): a static server for a build folder and Debian's headless Chromium.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  // What a prerendered drawing's marks say (src/charts/pointing.rs), for the enhancer.
  '.marks': 'text/plain; charset=utf-8',
};

/**
 * Serves dist/ on a free loopback port; resolves to { url, requests, close, cut, restore }
 * (`requests`: every path asked for, in order). `cut()`
 * stops the server answering, as a reader's network is cut: it closes every connection and
 * stops listening, so each request the page or its service worker makes is refused
 * (ERR_CONNECTION_REFUSED), whatever the browser's own offline emulation reaches;
 * `restore()` listens again on the same port. `prefix` serves it under
 * a sub-path (as the university's site would); `headers` are added to every response (a
 * Content-Security-Policy, say). `dist` is the folder served; `overrides` maps a path inside
 * the site (`data/dataset.json`) to a file served in its place (the benchmark's datasets).
 */
export async function serveDist({ prefix = '/', headers = {}, dist = DIST, overrides = {}, port = 0, host = '127.0.0.1' } = {}) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${path.join(dist, 'index.html')} is missing: run \`trunk build --release\` first`);
  }
  const requests = [];
  const server = http.createServer((req, res) => {
    const fullPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(fullPath);
    if (!fullPath.startsWith(prefix)) { res.writeHead(404).end('outside the site'); return; }
    const urlPath = '/' + fullPath.slice(prefix.length);
    const override = overrides[urlPath.slice(1)];
    let file = override ?? path.normalize(path.join(dist, urlPath));
    if (!override && !file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    // The build's precompressed copy where the browser takes it (brotli, then gzip), as the
    // nginx and Apache examples in docs/deploy/ serve them.
    const accepts = String(req.headers['accept-encoding'] || '');
    const encoding = override ? null : ['br', 'gzip'].find((e) => accepts.includes(e) && fs.existsSync(`${file}.${e === 'br' ? 'br' : 'gz'}`));
    const sent = encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file;
    fs.readFile(sent, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const name = path.basename(file);
      // Hashed files never change; the page, the service worker and the data may.
      const cache = /-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm)$/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': cache,
        vary: 'Accept-Encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...headers,
      });
      res.end(body);
    });
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const { port: bound } = server.address();
  const stop = () => new Promise((ok) => {
    if (!server.listening) { ok(); return; }
    server.close(() => ok());
    server.closeAllConnections?.();
  });
  return {
    url: `http://${host}:${bound}${prefix}`,
    requests,
    close: stop,
    cut: stop,
    restore: () => new Promise((ok, fail) => {
      if (server.listening) { ok(); return; }
      server.once('error', fail);
      server.listen(bound, host, () => { server.off('error', fail); ok(); });
    }),
  };
}

/** Launches Debian's Chromium headless, with the flags a root sandbox without network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

