// Shared set-up for the end-to-end tests: a static server for the release build (dist/) and
// Debian's headless Chromium driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { before, after, afterEach } from 'node:test';
import { ROOT, serveDist, launchBrowser } from './site.mjs';

export { ROOT, DIST, serveDist, launchBrowser } from './site.mjs';
export const SHOTS = path.join(ROOT, 'target', 'screenshots');

/** Every page opened since the last test ended, with the problems it may have. */
const opened = [];

/**
 * Opens a page that records console errors, uncaught exceptions (a Rust panic in wasm shows
 * up as both) and failed requests. Every test that opens one is checked when it ends: a
 * problem fails it unless the test said it expects that problem with `expect(pattern)` (a
 * worker the test broke on purpose, a request made offline).
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
  const entry = { problems, expected: [] };
  opened.push(entry);
  return { context, page, problems, expect: (pattern) => entry.expected.push(pattern) };
}

/** Lighthouse's mobile network (150 ms, 1.6 Mbps down, 750 kbps up), emulated for `page`. */
export async function slow4g(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}

/** The problems of the pages opened since the last call that no test said it expected. */
export function unexpectedProblems() {
  return opened.splice(0).flatMap((e) => e.problems.filter((p) => !e.expected.some((re) => re.test(p))));
}

/** WCAG 2.0, 2.1 and 2.2 A and AA rules: what a public-sector site must pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as it is now, one line each (empty when it passes). */
export async function axeViolations(page, tags = WCAG_TAGS) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Fails at once, naming the browser and its version, where the page lacks a browser feature
 * a test depends on (`probe` runs in the page): the failure says what is missing rather than
 * timing out on what never happens.
 */
export async function needs(page, what, probe) {
  const has = await page.evaluate(probe);
  const browser = page.context().browser();
  const which = browser ? `${browser.browserType().name()} ${browser.version()}` : 'this browser';
  assert.ok(has, `${which} has no ${what}, which this test depends on`);
}

/** Asks for the app as the enhancer does when a reader first uses a control. */
export async function startApp(page) {
  await page.waitForFunction(() => document.readyState !== 'loading');
  await page.evaluate(() => document.dispatchEvent(new Event('cohort-dashboard:start-app')));
}

/**
 * Asks for the app and waits until the static view has gone and every card of the app has
 * its drawing or says why it has none, whichever tab it shows.
 */
export async function waitForApp(page) {
  // Over the prerendered view the app comes when a reader first uses a control (the static
  // view's enhancer asks for it: src/enhance/); these tests are about the app, so ask.
  await startApp(page);
  // Over the prerendered view the app takes over card by card (src/app/stage.rs): the page
  // is whole once the static copy has gone and no card is a placeholder.
  await page.waitForFunction(() => {
    if (document.getElementById('prerender')) return false;
    // A card on its table or sources tab draws when its chart is shown.
    const cards = [...document.querySelectorAll('#app section.chart-card')];
    return cards.length > 0 && cards.every((c) => c.getAttribute('aria-busy') !== 'true'
      && c.querySelector('.chart-card__figure svg, .chart-card__error, [role="tabpanel"][hidden] .chart-card__frame'));
  }, null, { timeout: 20000 });
}

/** Asks for the app and waits until it has drawn every chart (the Ofsted chart on screen). */
export async function waitForCharts(page) {
  await waitForApp(page);
  await page.waitForSelector('[data-testid="chart-ofsted"] [data-testid="chart-figure"] svg', { timeout: 20000 });
}

/**
 * Waits until the page has settled as a reader would see it: no request under way for half a
 * second, every image decoded, the web fonts loaded and two frames painted since. For tests
 * that check nothing more happens (no shift, no request) after a load.
 */
export async function settled(page) {
  await page.waitForLoadState('networkidle');
  // Images not shown (another width's drawing) or loaded only near the screen and not near
  // it are not waited for.
  await page.waitForFunction(() => [...document.images]
    .filter((i) => i.getClientRects().length > 0 && (i.loading !== 'lazy' || i.getBoundingClientRect().top < innerHeight))
    .every((i) => i.complete), null, { timeout: 10000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
}

/**
 * The text of the element matching `selector`, SVG text included, once its card is up to
 * date (a card off the screen redraws when the browser is idle and says it is busy until then).
 */
export async function textOf(page, selector) {
  const el = page.locator(selector).first();
  await el.evaluate((e) => new Promise((ok) => {
    const card = e.closest('section.chart-card');
    const check = () => (card && card.getAttribute('aria-busy') === 'true' ? requestAnimationFrame(check) : ok());
    check();
  }));
  return el.evaluate((e) => e.textContent.replace(/\s+/g, ' '));
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
  // Every test looks at the console: whatever its pages reported that it did not expect
  // fails it.
  afterEach(() => {
    assert.deepEqual(unexpectedProblems(), [], 'the console and network reported no problem');
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Steps through every slide of the open deck, calling `visit(i)` on each (1-based) once its
 * drawing is on screen, then moving on with the right arrow.
 */
export async function eachSlide(page, visit) {
  const count = page.getByTestId('slide-count');
  await count.waitFor();
  const total = Number((await count.textContent()).split('/')[1]);
  for (let i = 1; i <= total; i += 1) {
    await count.filter({ hasText: `${i} / ${total}` }).waitFor();
    // A chart's slide, or the opening slide with the answer.
    await page.locator('[data-testid="slide-figure"] svg, [data-testid="slide-answer"]').first().waitFor();
    await visit(i);
    await page.keyboard.press('ArrowRight');
  }
}

/**
 * What a slide shows as text: each SVG text's on-screen font size (its font size times the
 * drawing's scale) and every text box on the slide, the drawing's and the page's alike.
 */
async function slideText(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="slide-figure"] svg');
    const [, , vw, vh] = svg.getAttribute('viewBox').split(' ').map(Number);
    const r = svg.getBoundingClientRect();
    const k = Math.min(r.width / vw, r.height / vh);
    const boxes = [];
    const sizes = [];
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBoundingClientRect();
      if (b.width === 0 || !t.textContent.trim()) continue;
      sizes.push({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * k });
      boxes.push({ text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height });
    }
    // The title's and finding's lines as they wrap; the one-line source and the counter as
    // the boxes they are clipped to.
    const lines = document.querySelectorAll('[data-testid="presenter"] h2, [data-testid="slide-title"]');
    const clipped = document.querySelectorAll('[data-testid="slide-source"], [data-testid="slide-count"]');
    let n = 0;
    for (const el of lines) {
      n += 1;
      const range = document.createRange();
      range.selectNodeContents(el);
      for (const b of range.getClientRects()) boxes.push({ el: n, text: el.textContent.slice(0, 40), x: b.x, y: b.y, w: b.width, h: b.height });
    }
    for (const el of clipped) {
      n += 1;
      const b = el.getBoundingClientRect();
      boxes.push({ el: n, text: el.textContent.slice(0, 40), x: b.x, y: b.y, w: b.width, h: b.height });
    }
    return { sizes, boxes };
  });
}

/** A slide's title: what its chart shows (under the heading, its finding), or its heading. */
export async function slideTitle(page) {
  const sub = page.getByTestId('slide-title');
  return (await sub.count()) ? sub.textContent() : page.getByTestId('presenter').locator('h2').textContent();
}

/**
 * The answer's slide fits: its points and caveats end above the source and buttons, whole
 * (nothing scrolled out of sight), in text at least `least` px; returns its title.
 */
async function answerSlideFits(page, height, least) {
  const title = await page.getByTestId('presenter').locator('h2').textContent();
  const fit = await page.evaluate(() => {
    const a = document.querySelector('[data-testid="slide-answer"]');
    const bar = document.querySelector('.presenter__bar').getBoundingClientRect();
    const last = a.lastElementChild.getBoundingClientRect();
    const sizes = [...a.querySelectorAll('li')].map((li) => parseFloat(getComputedStyle(li).fontSize));
    return { end: last.bottom, bar: bar.top, hidden: a.scrollHeight - a.clientHeight, points: a.querySelectorAll('.presenter__points li').length, least: Math.min(...sizes) };
  });
  if (fit.points < 1) throw new Error(`${title}: the answer's slide has no point`);
  if (fit.hidden > 1 || fit.end > fit.bar + 1) throw new Error(`${title}: the answer runs past the source and buttons (${JSON.stringify(fit)}) on a ${height}px screen`);
  if (fit.least < Math.min(15, least) - 0.05) throw new Error(`${title}: the answer's text is ${fit.least}px`);
  return title;
}

/** The pairs of text boxes that overlap by more than `slack` px both ways. */
export function overlapping(boxes, slack = 1.5) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.el !== undefined && a.el === b.el) continue;
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > slack && dy > slack) pairs.push(`"${a.text}" over "${b.text}"`);
    }
  }
  return pairs;
}

/**
 * Steps through every slide of the open deck on a `width` × `height` screen and checks each
 * fits: the drawing ends on screen, the source and buttons do not sit on it, no text sits on
 * other text, and all its chart text is at least 18 px on a 768 px screen (in proportion on a
 * shorter one). Returns the slides' titles; `shot(i)` may name a screenshot to take.
 */
export async function checkDeckFits(page, width, height, shot = () => null) {
  const titles = [];
  const least = 18 * Math.min(1, height / 768);
  await eachSlide(page, async (i) => {
    if (await page.getByTestId('slide-answer').count()) {
      titles.push(await answerSlideFits(page, height, least));
      const name = shot(i);
      if (name) await page.screenshot({ path: shotPath(name) });
      return;
    }
    const svg = page.getByTestId('slide-figure').locator('svg');
    const box = await svg.boundingBox();
    const bar = await page.locator('.presenter__bar').boundingBox();
    const title = await slideTitle(page);
    titles.push(title);
    if (box.y + box.height > height + 1) throw new Error(`${title}: the drawing ends at ${box.y + box.height}px in a ${height}px screen`);
    if (box.y + box.height > bar.y + 1) throw new Error(`${title}: the source and buttons (from ${bar.y}px) sit on the drawing (to ${box.y + box.height}px)`);
    const { sizes, boxes } = await slideText(page);
    const small = sizes.filter((s) => s.px < least - 0.05);
    if (small.length) throw new Error(`${title}: chart text under ${least.toFixed(1)}px: ${small.slice(0, 3).map((s) => `"${s.text}" ${s.px.toFixed(1)}px`).join(', ')}`);
    const over = overlapping(boxes);
    if (over.length) throw new Error(`${title}: text over text: ${over.slice(0, 3).join('; ')}`);
    const name = shot(i);
    if (name) await page.screenshot({ path: shotPath(name) });
  });
  return titles;
}
