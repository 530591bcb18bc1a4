// Shared set-up for the end-to-end tests: a static server for the release build (dist/) and
// Debian's headless Chromium driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { ROOT, serveDist, launchBrowser } from './site.mjs';

export { ROOT, DIST, serveDist, launchBrowser } from './site.mjs';
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

/**
 * Opens a page that records console errors and uncaught exceptions (a Rust panic in wasm
 * shows up as both).
 */
export async function openPage(browser, { width = 1280, height = 900, deviceScaleFactor = 1, serviceWorkers = 'block', colorScheme = 'light' } = {}) {
  // Service workers are blocked unless a test is about them: requests a worker answers are
  // invisible to page.route, which other tests use to serve broken data.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, serviceWorkers, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // A request the page itself abandoned (a reload or navigation while the favicon loads) is
  // not a failure; anything else is.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  return { context, page, problems };
}

/** WCAG 2.0, 2.1 and 2.2 A and AA rules: what a public-sector site must pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as it is now, one line each (empty when it passes). */
export async function axeViolations(page, tags = WCAG_TAGS) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
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
