// Shared set-up for the end-to-end tests: a static server for the release build (dist/) and
// Debian's headless Chromium driven by playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves dist/ on a free loopback port; resolves to { url, close }. `prefix` serves it under
 * a sub-path (as the university's site would); `headers` are added to every response (a
 * Content-Security-Policy, say).
 */
export async function serveDist({ prefix = '/', headers = {} } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release` first');
  }
  const server = http.createServer((req, res) => {
    const fullPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!fullPath.startsWith(prefix)) { res.writeHead(404).end('outside the site'); return; }
    const urlPath = '/' + fullPath.slice(prefix.length);
    let file = path.normalize(path.join(DIST, urlPath));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
      res.end(body);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
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

/**
 * Opens a page that records console errors and uncaught exceptions (a Rust panic in wasm
 * shows up as both).
 */
export async function openPage(browser, { width = 1280, height = 900, serviceWorkers = 'block', colorScheme = 'light' } = {}) {
  // Service workers are blocked unless a test is about them: requests a worker answers are
  // invisible to page.route, which other tests use to serve broken data.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, serviceWorkers, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  return { context, page, problems };
}

/** Waits until the three charts have been drawn. */
export async function waitForCharts(page) {
  await page.waitForSelector('[data-testid="chart-ofsted"] [data-testid="chart-figure"] svg', { timeout: 20000 });
}

/** The visible text of the element matching `selector`, SVG text included. */
export async function textOf(page, selector) {
  return page.locator(selector).first().evaluate((el) => el.textContent.replace(/\s+/g, ' '));
}

export function shotPath(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, `${name}.png`);
}

/**
 * Serves dist/ and launches Chromium once for a test file; returns an object whose `server`
 * and `browser` are set before the first test runs.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await serveDist();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
