// End-to-end: the charts are in the first paint. The default view is prerendered into
// index.html (src/prerender.rs): it reads completely without JavaScript, the wasm takes over
// without a jolt, and a link to any other view never shows the default view's charts, even
// when the wasm arrives late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForCharts, startApp, settled, shotPath, axeViolations } from './support.mjs';

const site = useSite();

/**
 * Asks `check` until it answers true, for up to five seconds; says whether it did. For pages
 * without JavaScript, where Playwright's waitForFunction cannot run.
 */
async function until(check) {
  for (let i = 0; i < 50; i += 1) {
    if (await check()) return true;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return false;
}

/** Holds the app's wasm back by `ms`, as a slow phone connection would. */
async function delayWasm(page, ms) {
  await page.route('**/cohort-dashboard-*_bg.wasm', async (route) => {
    const response = await route.fetch();
    await new Promise((ok) => setTimeout(ok, ms));
    await route.fulfill({ response });
  });
}

/** Layout shift over the whole load, summed as Lighthouse's CLS does for one session. */
async function watchLayoutShift(context) {
  await context.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Ends a load: nothing moved over the whole of it (once it has settled), nothing went wrong. */
async function endWithoutShift({ context, page, problems }, { label = '' } = {}) {
  await settled(page);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls <= 0.01, `${label}cumulative layout shift ${cls}`);
  assert.deepEqual(problems, []);
  await context.close();
}

/**
 * Records what a reader sees in the very task that first shows the app over the static view
 * (`html.taking-over`), before any other card is built: `window.__shown`. With `pushAppDown`
 * the app's cards are moved 37 px down, as a notice above them in the app only would.
 */
async function recordTakeOver(context, { pushAppDown = false } = {}) {
  await context.addInitScript((push) => {
    // On the document: <html> does not exist yet when this runs.
    new MutationObserver((_, observer) => {
      const main = document.querySelector('#app main');
      if (push && main && !main.style.paddingTop) main.style.paddingTop = '37px';
      if (!document.documentElement?.classList.contains('taking-over')) return;
      observer.disconnect();
      const box = (el) => el && el.getBoundingClientRect();
      const shown = (el) => !!el && getComputedStyle(el).visibility === 'visible';
      const same = (a, b) => !!a && !!b && Math.abs(a.top - b.top) < 1 && Math.abs(a.height - b.height) < 1;
      const slot = document.querySelector('#app .charts > .chart-card--slot');
      // The page's first two cards, whichever charts they are.
      const [first, second] = document.querySelectorAll('#prerender .charts > .chart-card');
      const app = document.getElementById(first.id.replace(/^pre-/, ''));
      window.__shown = {
        slots: document.querySelectorAll('#app .chart-card--slot').length,
        appFirstCard: shown(app?.querySelector('[data-testid="chart-figure"] svg')),
        staticFirstCard: shown(first),
        firstCardInPlace: same(box(app), box(first)),
        controlsInPlace: same(box(document.querySelector('#app .controls')), box(document.querySelector('#prerender .controls'))),
        staticSecondCard: shown(second),
        slotHidden: !!slot && !shown(slot),
        slotInPlace: same(box(slot), box(second)),
      };
    }).observe(document, { attributes: true, attributeFilter: ['class'], childList: true, subtree: true });
  }, pushAppDown);
}

test('without JavaScript the default view reads completely: charts, figures, tables and sources', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.url);
  const pre = page.locator('#prerender');
  assert.ok(await pre.isVisible());
  for (const title of ['KS2 progress: All named schools (7 of 55)', 'Ofsted judgements: 16 programme schools inspected since 2015', 'Disadvantaged pupils']) {
    const card = pre.locator('section.chart-card').filter({ has: page.locator('.chart-card__title', { hasText: title }) });
    assert.equal(await card.count(), 1, title);
    // The first card's drawing is in the HTML; the others are images that load as they come
    // near the screen.
    await card.scrollIntoViewIfNeeded();
    // One drawing is shown, the one made for this column's width (1200 px at 1280).
    const inline = card.locator('div.pre-v svg').filter({ visible: true });
    const img = card.locator('img.pre-v').filter({ visible: true });
    const loaded = await until(async () => ((await inline.count()) ? inline.isVisible()
      : (await img.count()) === 1 && img.evaluate((el) => el.complete && el.naturalWidth === 1200 && el.getClientRects().length > 0)));
    assert.ok(loaded, `${title}: its drawing is shown`);
    assert.ok((await card.locator('.chart-card__summary').textContent()).length > 40, `${title}: a summary`);
    assert.ok((await card.locator('.chart-card__source').textContent()).startsWith('Source: '), `${title}: a source line`);
    assert.ok(await card.locator('table').count() >= 1, `${title}: its table`);
  }
  const text = await pre.textContent();
  for (const figure of ['55', '7 in 2015, 5 in 2016', 'Etruscan Primary', '+2.6', 'Sources and caveats', 'cannot be attributed to the programme alone']) {
    assert.ok(text.includes(figure), `the page says ${figure}`);
  }
  // One line says what needs JavaScript; nothing that would need it is offered.
  assert.ok(await page.locator('#prerender .notice', { hasText: 'need JavaScript' }).isVisible());
  const controls = await page.locator('#prerender').evaluate((el) => [...el.querySelectorAll('button, select, input, textarea')].filter((c) => c.getClientRects().length > 0).length);
  assert.equal(controls, 0, 'no control is shown that cannot work');
  await page.screenshot({ path: shotPath('no-javascript') });
  // On a phone the drawings are the ones made for its width, not the desktop's shrunk.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const chart of ['ks2-progress', 'schools-over-time']) {
    await pre.locator(`#pre-${chart}`).scrollIntoViewIfNeeded();
    let drawn = '';
    await until(async () => {
      drawn = await pre.locator(`#pre-${chart} .pre-v`).filter({ visible: true }).evaluate((el) => el.currentSrc || el.className);
      return drawn.endsWith('-340.svg') || drawn.includes(`pre-${chart}-340 `);
    });
    assert.ok(drawn.endsWith(`${chart}-340.svg`) || drawn.includes(`pre-${chart}-340 `), drawn);
    assert.equal(await pre.locator(`.pre-${chart}-1200`).filter({ visible: true }).count(), 0);
  }
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 1, `${sideways}px of sideways scrolling at 360 px`);
  await page.screenshot({ path: shotPath('no-javascript-phone') });
  await context.close();
});

test('the charts are painted before the wasm arrives, and it takes over without a layout shift', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await watchLayoutShift(context);
  await delayWasm(page, 2500);
  await page.goto(site.server.url);
  // Before the wasm: the prerendered charts are on screen.
  // (The first card's drawing, in the page or an image, and the third's, an image.)
  for (const chart of ['area-progress', 'ks2-progress']) {
    await page.locator(`#pre-${chart}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((chart) => [...document.querySelectorAll(`#pre-${chart} .pre-${chart}-1200`)]
      .some((e) => getComputedStyle(e).display !== 'none' && (e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0))), chart);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal(await page.locator('#app section.chart-card').count(), 0, 'shown before the app');
  const before = await page.locator('#prerender .chart-card__summary').allTextContents();
  const findingsBefore = await page.locator('#prerender .chart-card__finding').allTextContents();
  // After: the app's own cards, the static copy gone, nothing moved on the way.
  await waitForCharts(page);
  await page.locator('#prerender').waitFor({ state: 'detached' });
  assert.ok(await page.getByTestId('chart-ks2-progress').getByTestId('chart-figure').isVisible());
  const after = await page.getByTestId('summary').allTextContents();
  // The prerendered summaries and findings are the ones the wasm writes for the same view.
  assert.deepEqual(before, after);
  assert.equal(findingsBefore.length, 8);
  assert.deepEqual(findingsBefore, await page.locator('#app .chart-card__finding').allTextContents());
  await endWithoutShift({ context, page, problems });
});

test('the app takes over card by card: each static card shows until the app has drawn its own', async () => {
  // A phone, read while the wasm is still coming: the reader has scrolled to where the first
  // card ends and the second begins. The app's first card then replaces the static one, the
  // second is still the static card, in the same place (measured in the very task that shows
  // the app, before any other card is built).
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  await watchLayoutShift(context);
  await recordTakeOver(context);
  await delayWasm(page, 1500);
  await page.goto(`${site.server.url}?nosw`);
  await page.locator('#prerender .charts > .chart-card').nth(1).waitFor({ state: 'visible' });
  await page.evaluate(() => {
    const second = document.querySelectorAll('#prerender .charts > .chart-card')[1];
    window.scrollTo(0, second.getBoundingClientRect().top + window.scrollY - 400);
  });
  // The reader then uses a control: the app comes.
  await startApp(page);
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 30000 });
  const total = await page.locator('#app .charts > .chart-card').count();
  assert.deepEqual(await page.evaluate(() => window.__shown), {
    slots: total - 1, appFirstCard: true, staticFirstCard: false, firstCardInPlace: true, controlsInPlace: true,
    staticSecondCard: true, slotHidden: true, slotInPlace: true,
  });
  assert.equal(await page.locator('.chart-card--slot').count(), 0, 'every card built');
  await endWithoutShift({ context, page, problems });
});

test('where the cards of the app would not lie over the static ones, it takes over all at once', async () => {
  // Something above the cards in the app only (an offline notice, say) moves them: showing the
  // app card by card would cut into the static cards, so it waits for the last one.
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  await watchLayoutShift(context);
  await recordTakeOver(context, { pushAppDown: true });
  await page.goto(`${site.server.url}?nosw`);
  await startApp(page);
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 30000 });
  assert.equal(await page.evaluate(() => window.__shown.slots), 0, 'shown only once every card was built');
  assert.equal(await page.locator('#app .charts > .chart-card').count() > 0, true);
  await settled(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('over the prerendered view only the enhancer is fetched, after the first paint; the app when a control is used', async () => {
  // The first paint has the connection to itself; the enhancer's few KB come after it, and
  // the app's 400 KB and the dataset only when a reader asks for more than reading.
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?nosw`);
  await page.waitForFunction(() => performance.getEntriesByName('cohort-dashboard:all-charts').length > 0);
  // Nothing more is asked for once the page has settled.
  await settled(page);
  const order = await page.evaluate(() => {
    const at = (re) => performance.getEntriesByType('resource').find((e) => re.test(e.name));
    return {
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      enhancerRun: performance.getEntriesByName('cohort-dashboard:first-chart')[0]?.startTime,
      enhancer: !!at(/enhance_bg\.wasm$/),
      app: !!at(/cohort-dashboard-[0-9a-f]+(_bg\.wasm|\.js)$/),
      dataset: !!at(/dataset\.json$/),
    };
  });
  assert.ok(order.enhancer && order.enhancerRun >= order.painted, JSON.stringify(order));
  assert.equal(order.app, false, 'the app is not fetched for reading');
  assert.equal(order.dataset, false, 'nor the dataset');
  // A control used (a series hidden: a tab or a first choice needs no app): the app comes,
  // with the dataset.
  await page.locator('#pre-ofsted .legend__item').first().click();
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 20000 });
  // The start-up script fetched the app's wasm itself (a hint is fetched twice in WebKit).
  assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /cohort-dashboard-[0-9a-f]+_bg\.wasm$/.test(e.name))),
    'the app\'s wasm is fetched when it is asked for');
  await context.close();
  // Another view, two menus away (one away is prerendered: first-choice.test.mjs): no
  // static view to paint, so the gate asks for the wasm while the head is read, before the
  // start-up script can run.
  const other = await openPage(site.browser);
  await other.page.goto(`${site.server.url}?cohort=seven-stars&subject=maths&nosw`);
  await waitForCharts(other.page);
  const early = await other.page.evaluate(() => {
    const at = (re) => performance.getEntriesByType('resource').find((e) => re.test(e.name));
    const wasm = at(/cohort-dashboard-[0-9a-f]+_bg\.wasm$/);
    // The start-up script, a module, runs only once the page is parsed.
    const parsed = performance.getEntriesByType('navigation')[0].domInteractive;
    return !!wasm && wasm.startTime < parsed;
  });
  assert.ok(early, 'the wasm is asked for while the page is parsed, before the start-up script runs');
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
});

for (const [name, query] of [
  ['another cohort and subject', '?cohort=seven-stars&subject=maths'],
  ['the presenter', '?present'],
  ['an embed of another cohort', '?cohort=esprit&chart=ofsted&embed'],
  ['an embed with its own options', '?chart=ofsted&embed&selector=1'],
  ['an embed of a chart the static view does not have', '?chart=nope&embed'],
  ['the dark theme', '?theme=dark'],
]) {
  test(`a link to ${name} never paints the default view, even with the wasm late`, async () => {
    const { context, page, problems } = await openPage(site.browser);
    // Every frame the browser paints until the app is up, count those in which the static
    // view would be on screen (nothing is painted before the stylesheet has loaded: it
    // blocks rendering).
    await context.addInitScript(() => {
      window.__defaultShown = 0;
      const look = () => {
        const pre = document.getElementById('prerender');
        const styled = [...document.styleSheets].some((s) => (s.href || '').includes('/main-'));
        if (pre && styled && getComputedStyle(pre).display !== 'none') window.__defaultShown += 1;
        if (!document.querySelector('#app [data-testid^="chart-"], #app [data-testid="presenter"]')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await delayWasm(page, 2000);
    await page.goto(`${site.server.url}${query}`, { waitUntil: 'commit' });
    await page.locator('[data-testid^="chart-"], [data-testid="presenter"]').first().waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => window.__defaultShown), 0, 'the prerendered default view was never displayed');
    assert.equal(await page.locator('#prerender').count(), 0, 'and it is gone once the app is up');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an embed of one chart is painted before the wasm as that chart alone, and taken over without a shift', async () => {
  for (const [width, chart] of [[390, 'ofsted'], [700, 'ks2-progress']]) {
    const { context, page, problems } = await openPage(site.browser, { width, height: 800 });
    await watchLayoutShift(context);
    await delayWasm(page, 2000);
    await page.goto(`${site.server.url}?chart=${chart}&embed`);
    await page.locator(`#pre-${chart} .pre-v`).filter({ visible: true }).first().waitFor();
    const visible = (sel) => page.locator(`#prerender ${sel}`).filter({ visible: true });
    assert.equal(await visible('section.chart-card').count(), 1, 'one card');
    assert.ok(await page.locator(`#pre-${chart}`).isVisible(), `${chart} shown`);
    assert.ok(await visible(`#pre-${chart} .pre-v`).count() === 1, 'one drawing, for this width');
    for (const hidden of ['.page-header', '.facts', '.controls', '.sources', '.chart-card__explainer', '.embed-code']) {
      assert.equal(await visible(hidden).count(), 0, `${hidden} is not part of an embed`);
    }
    const out = visible('.embed__full a');
    assert.equal(await out.count(), 1);
    assert.equal(await out.getAttribute('href'), `?chart=${chart}`);
    await page.screenshot({ path: shotPath(`embed-prerendered-${chart}-${width}`) });
    const before = await page.locator('#prerender .chart-card__summary').filter({ visible: true }).textContent();
    await startApp(page);
    await page.locator('#prerender').waitFor({ state: 'detached', timeout: 20000 });
    await page.getByTestId(`chart-${chart}`).getByTestId('chart-figure').waitFor();
    assert.equal(await page.getByTestId('embed-full-link').isVisible(), true);
    assert.equal(await page.getByTestId(`chart-${chart}`).getByTestId('summary').textContent(), before);
    await endWithoutShift({ context, page, problems }, { label: `${chart} at ${width}px: ` });
  }
});

test('at any column width the drawing shown has the height the page draws, so the take-over moves nothing', async () => {
  // A phone, a tablet, a laptop: each column falls in another of the drawings' ranges.
  for (const width of [360, 768, 1024]) {
    const { context, page, problems } = await openPage(site.browser, { width, height: 800 });
    await watchLayoutShift(context);
    await delayWasm(page, 1200);
    await page.goto(site.server.url);
    // The drawing shown: in the page, or an image.
    const shownDrawing = page.locator('#pre-ks2-progress .pre-v').filter({ visible: true });
    await shownDrawing.waitFor();
    const box = await shownDrawing.boundingBox();
    await startApp(page);
    await page.locator('#prerender').waitFor({ state: 'detached', timeout: 20000 });
    const drawn = await page.getByTestId('chart-ks2-progress').locator('.chart-card__svg svg').boundingBox();
    assert.ok(box && drawn && Math.abs(box.height - drawn.height) <= 1, `${width}px: prerendered ${box?.height}px, drawn ${drawn?.height}px`);
    await endWithoutShift({ context, page, problems }, { label: `${width}px: ` });
  }
});

test('with a dark system theme the prerendered view is dark, its drawings too, and the take-over moves nothing', async () => {
  const { context, page, problems } = await openPage(site.browser, { colorScheme: 'dark', width: 390, height: 844 });
  await watchLayoutShift(context);
  await delayWasm(page, 2000);
  await page.goto(site.server.url);
  // The reader scrolls past the answer to the first chart; its drawing, an image for the
  // dark theme, has loaded.
  await page.locator('#pre-ks2-progress').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('#pre-ks2-progress img.pre-v')]
    .some((e) => getComputedStyle(e).display !== 'none' && e.complete && e.naturalWidth > 0));
  const before = await page.evaluate(() => {
    const shown = [...document.querySelectorAll('#pre-ks2-progress .pre-v')].filter((e) => getComputedStyle(e).display !== 'none');
    return {
      staticView: getComputedStyle(document.getElementById('prerender')).display !== 'none',
      shown: shown.map((e) => `${e.tagName}:${e.getAttribute('src') || ''}`),
      loaded: shown.every((e) => e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0)),
      card: getComputedStyle(document.getElementById('pre-ks2-progress')).backgroundColor,
    };
  });
  assert.equal(before.staticView, true, 'the static view is shown');
  assert.equal(before.shown.length, 1, JSON.stringify(before.shown));
  assert.match(before.shown[0], /^IMG:prerender\/ks2-progress-\d+-dark\.svg$/);
  assert.ok(before.loaded, 'the dark drawing has loaded');
  assert.equal(before.card, 'rgb(18, 18, 18)', 'the cards are dark');
  // The app's drawing is the same dark one, in the same place.
  await waitForCharts(page);
  const svg = await page.getByTestId('chart-ks2-progress').locator('.chart-card__svg svg').evaluate((e) => e.outerHTML);
  assert.ok(svg.includes('#121212') && !svg.includes('#FFFFFF'), 'the app draws dark too');
  await endWithoutShift({ context, page, problems });
});

test('axe: the prerendered view passes WCAG A/AA as enhanced and as read without JavaScript', async () => {
  const { context, page } = await openPage(site.browser);
  // The static view as the enhancer leaves it, its controls live (they ask for the app).
  await page.goto(site.server.url);
  await page.waitForFunction(() => performance.getEntriesByName('cohort-dashboard:all-charts').length > 0);
  assert.equal(await page.locator('#prerender [inert]').count(), 0, 'no control left inert');
  assert.deepEqual(await axeViolations(page), [], 'as enhanced');
  // As without JavaScript (axe needs a script to run): the gate's class gone, what <noscript>
  // holds put in the page, every table open.
  await page.evaluate(() => {
    document.documentElement.classList.remove('prerendered');
    for (const n of document.querySelectorAll('noscript')) {
      const holder = document.createElement('div');
      holder.innerHTML = n.textContent;
      n.replaceWith(...holder.childNodes);
    }
    for (const d of document.querySelectorAll('#prerender details')) d.open = true;
  });
  assert.deepEqual(await axeViolations(page), [], 'as read without JavaScript');
  await context.close();
});
