// End-to-end: a first choice at once (src/prerender/views.rs, src/enhance/views.rs). Every
// option of every static menu, the others at their first, shows its prerendered view with no
// app: under slow 4G, the old view says it is changing until the new one is in, and the app's
// code and the dataset are never fetched. Each prerendered view says what the app says of the
// same view (it takes over from it when a reader goes further); the back button goes back; a
// link to such a view paints it with no app and never the default's cards; a tab (Table,
// Sources) is shown with no app too; offline, a view that cannot come is shown by the app
// from the offline copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, startApp, shotPath, slow4g, serveDist, needs } from './support.mjs';

const site = useSite();
const APP = /cohort-dashboard-[0-9a-f]+(_bg\.wasm|\.js)$|dataset\.json$/;

/** Waits for the enhancer, which makes the static menus live. */
async function live(page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-enhanced'));
}

/**
 * Holds the enhancer's wasm until the returned function is called: the moment between the
 * first paint and the enhancer's start, for as long as a test needs it.
 */
async function holdEnhancer(page) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/enhance_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

/** What the static view says: its title, findings and summaries. */
async function said(page, root) {
  return page.evaluate((root) => {
    const all = (sel) => [...document.querySelectorAll(`${root} ${sel}`)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
    return { titles: all('section.chart-card .chart-card__title'), findings: all('.chart-card__finding'), summaries: all('.chart-card__summary') };
  }, root);
}

/**
 * Each card as a reader meets it, for parity between the static page and the app: its words,
 * its drawing's role and name as the browser computes them, its tabs and legend, and each
 * table shown, cell by cell.
 */
async function cardsOf(page, root) {
  return page.evaluate((root) => {
    const words = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : null);
    const named = (el) => (el?.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
      .map((id) => words(document.getElementById(id))).join(' ');
    return [...document.querySelectorAll(`${root} section.chart-card`)].map((card) => {
      const all = (sel) => [...card.querySelectorAll(sel)].map(words);
      // The drawing as heard: only where its panel is shown (the app draws no hidden chart).
      const figure = card.querySelector('[id$="-panel-chart"]:not([hidden]) .chart-card__figure');
      return {
        title: words(card.querySelector('.chart-card__title')),
        finding: words(card.querySelector('.chart-card__finding')),
        explainer: words(card.querySelector('.chart-card__explainer')),
        notes: all('[id$="-panel-chart"] .chart-card__notes li'),
        summary: words(card.querySelector('.chart-card__summary')),
        source: words(card.querySelector('.chart-card__source')),
        figure: figure && { role: figure.getAttribute('role'), kind: figure.getAttribute('aria-roledescription'), name: named(figure) },
        tabs: [...card.querySelectorAll('[role="tab"]')].map((t) => [words(t), t.getAttribute('aria-selected')]),
        legend: [...card.querySelectorAll('.legend__item')].map((b) => [words(b), b.getAttribute('aria-pressed')]),
        tables: [...card.querySelectorAll('[id$="-panel-table"]:not([hidden]) table')].map((t) => ({
          caption: words(t.caption),
          rows: [...t.rows].map((r) => [...r.cells].map((c) => `${c.tagName.toLowerCase()}${c.getAttribute('scope') ? `[${c.getAttribute('scope')}]` : ''}:${words(c)}`)),
        })),
      };
    });
  }, root);
}

/** Every option of every static menu after the first: (menu id, index, text). */
async function options(page) {
  return page.$$eval('#prerender .controls select', (menus) => menus.flatMap((m) => [...m.options].slice(1).map((o, i) => [m.id, i + 1, o.textContent])));
}

test('slow 4G: each kind of menu shows its chosen view with no app, the old view saying it is changing until then', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await slow4g(context, page);
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  for (const id of ['pre-cohort-select', 'pre-subject-select', 'pre-pupils-select', 'pre-year-select']) {
    const menu = page.locator(`#${id}`);
    if (!(await menu.count())) continue;
    const before = await said(page, '#prerender');
    // Every frame from the choice on: the menu's choice over the old cards, unsaid?
    await page.evaluate((id) => {
      window.unsaid = 0;
      window.frames = 0;
      const menu = document.getElementById(id);
      const old = document.querySelector('#prerender .charts');
      const look = () => {
        window.frames += 1;
        const stale = document.querySelector('#prerender .charts') === old;
        const note = document.querySelector('.prerender__changing');
        if (stale && menu.selectedIndex > 0 && !note) window.unsaid += 1;
        if (stale) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, id);
    const t0 = Date.now();
    await menu.selectOption({ index: 1 });
    await page.waitForFunction(() => !document.querySelector('.prerender__changing') && !document.querySelector('#prerender .charts[aria-busy]'), null, { timeout: 30000 });
    console.log(`# slow 4G: ${id} to its view, ${Date.now() - t0} ms`);
    const { unsaid, frames } = await page.evaluate(() => ({ unsaid: window.unsaid, frames: window.frames }));
    assert.equal(unsaid, 0, `${id}: frames with the choice over the old view, unsaid (of ${frames})`);
    const after = await said(page, '#prerender');
    assert.notDeepEqual(after.summaries, before.summaries, `${id}: another view`);
    assert.equal(after.titles.length, before.titles.length, `${id}: every card`);
    const query = await menu.evaluate((m) => m.options[1].dataset.query);
    assert.equal(new URL(page.url()).search, `${query}&nosw`, `${id}: the address is the view's`);
    // The first card's drawing is on screen at once, and the view's drawings answer.
    const drawn = await page.locator('#prerender .chart-card').first().locator('.pre-v').evaluateAll((els) => els.filter((e) => e.offsetWidth > 0).map((e) => e.offsetHeight));
    assert.equal(drawn.length, 1, `${id}: one drawing shown`);
    assert.ok(drawn[0] > 100, `${id}: drawn ${drawn}`);
    if (id === 'pre-cohort-select') await page.screenshot({ path: shotPath('first-choice-cohort-390') });
    // Back to the default view, by the menu.
    await menu.selectOption({ index: 0 });
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('cohort') && !document.querySelector('.prerender__changing'));
    assert.deepEqual((await said(page, '#prerender')).summaries, before.summaries, `${id}: the default view again`);
  }
  assert.deepEqual(requests.filter((u) => APP.test(u)), [], 'neither the app nor the dataset fetched');
  assert.ok(await page.locator('#prerender').count(), 'the static view is still the page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a swapped-in view\'s cards take their marks as each comes near the screen, and answer then', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  const marks = [];
  page.on('request', (r) => { if (r.url().endsWith('.marks')) marks.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  await page.waitForTimeout(500);
  marks.length = 0;
  await page.locator('#pre-cohort-select').selectOption({ index: 1 });
  await page.waitForFunction(() => new URL(location.href).searchParams.has('cohort') && !document.querySelector('.prerender__changing'));
  await page.waitForTimeout(800);
  // The last card whose drawing is the view's own (its marks a file of its own, not one
  // the default view's cards had), thousands of pixels below: not near, so no marks yet.
  const far = await page.evaluate(() => {
    const own = [...document.querySelectorAll('#prerender section.chart-card')].map((c) => ({
      card: c,
      src: [...c.querySelectorAll('.chart-card__figure .pre-v')].find((e) => e.offsetWidth > 0)?.getAttribute('data-marks-src'),
    })).filter((x) => x.src);
    const { card, src } = own.at(-1);
    return { id: card.id.replace(/^pre-/, ''), top: card.getBoundingClientRect().top, file: src.split('/').pop() };
  });
  assert.ok(far.top > 2 * 844, `the card is far below: ${JSON.stringify(far)}`);
  assert.ok(!marks.includes(far.file), `${far.id}: no marks before it comes near (${marks})`);
  // Scrolled to, it takes them, and its drawing answers the keys.
  const fetched = page.waitForResponse((r) => r.url().endsWith(`/${far.file}`));
  await page.locator(`#pre-${far.id}`).scrollIntoViewIfNeeded();
  await fetched;
  await page.locator(`#pre-${far.id} .chart-card__figure`).focus();
  await page.keyboard.press('Home');
  await page.waitForFunction((id) => (document.querySelector(`#pre-${id} [aria-live]`)?.textContent || '').includes('Source: '), far.id);
  assert.ok(await page.locator('#prerender').count(), 'no app');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a menu focused fetches what it will show, each file once: the views one menu away, else the app (not started), and the choice is shown from them', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  const views = [];
  page.on('request', (r) => { if (/\/prerender\/views\/[^/]+\.(html|css)$/.test(r.url())) views.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  assert.deepEqual(views, [], 'no view fetched before a menu is used');
  const before = await said(page, '#prerender');
  const menu = page.locator('#pre-cohort-select');
  const files = await menu.evaluate((m) => [...m.options].slice(1).map((o) => o.dataset.view));
  assert.ok(files.length > 1, `the menu offers views: ${files}`);
  const wanted = files.flatMap((f) => [`${f}.html`, `${f}.css`]).sort();
  await menu.focus();
  await page.waitForFunction((n) => performance.getEntriesByType('resource').filter((r) => /\/prerender\/views\/.*\.(html|css)$/.test(r.name) && r.responseEnd > 0).length >= n, wanted.length);
  assert.deepEqual([...views].sort(), wanted, 'focused: each of its views and their rules, once');
  // Focused again, pointed at: nothing more.
  await menu.blur();
  await menu.focus();
  await menu.hover();
  await page.waitForTimeout(300);
  await menu.selectOption({ index: 1 });
  await page.waitForFunction(() => new URL(location.href).searchParams.has('cohort') && !document.querySelector('.prerender__changing'));
  const shown = (await said(page, '#prerender')).summaries;
  assert.notDeepEqual(shown, before.summaries, 'the chosen view is shown');
  const query = await menu.evaluate((m) => m.options[1].dataset.query);
  assert.equal(new URL(page.url()).search, `${query}&nosw`, 'the address is the view\'s');
  // One menu away now: another menu's options are two menus away, the app's to show, so
  // focusing that menu fetches the app's files but does not start it; this menu's first
  // option is the default view, fetched once.
  const app = [];
  page.on('request', (r) => { if (APP.test(r.url())) app.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.locator('#pre-subject-select').focus();
  await menu.focus();
  await page.waitForFunction(() => ['_bg.wasm', 'dataset.json'].every((f) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(f) && r.responseEnd > 0)));
  await page.waitForTimeout(300);
  assert.deepEqual([...views].sort(), [...wanted, 'default.html'].sort(), 'no view fetched twice, none another menu would show');
  assert.ok(await page.locator('#prerender').count(), 'the app fetched, not started');
  assert.equal(app.filter((f) => f.endsWith('_bg.wasm')).length, 1, `the app's wasm fetched once: ${app}`);
  // Chosen: the app shows it, from the files already fetched.
  await page.locator('#pre-subject-select').selectOption({ index: 1 });
  await page.waitForFunction(() => !document.getElementById('prerender') && document.querySelector('#app section.chart-card [data-testid="chart-figure"] svg'), null, { timeout: 30000 });
  assert.equal(new URL(page.url()).searchParams.get('cohort'), new URLSearchParams(query).get('cohort'), 'the first choice kept');
  assert.ok(new URL(page.url()).searchParams.get('subject'), 'the second choice shown');
  assert.deepEqual(app.filter((f) => !f.endsWith('.js')).sort(), [app.find((f) => f.endsWith('_bg.wasm')), 'dataset.json'].sort(), 'the app\'s wasm and the dataset fetched once each');
  assert.deepEqual(problems, []);
  await context.close();
});

test('menus passed one after another keep only the last one\'s views parsed, the others\' as text', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  const ids = await page.$$eval('#prerender .controls select[data-twin]', (ms) => ms.map((m) => m.id));
  assert.ok(ids.length > 1, `menus: ${ids}`);
  for (const id of ids) {
    await page.focus(`#${id}`);
    // Parsed when the browser is idle: wait until this menu's views are.
    await page.waitForFunction((id) => {
      const files = [...document.getElementById(id).options].slice(1).map((o) => `prerender/views/${o.dataset.view}.html`);
      return files.every((f) => window.cohortViews?.[f]?.parsed);
    }, id);
  }
  const held = await page.evaluate((last) => {
    const mine = [...document.getElementById(last).options].slice(1).map((o) => `prerender/views/${o.dataset.view}.html`);
    const all = Object.entries(window.cohortViews);
    return { parsed: all.filter(([, v]) => v.parsed).map(([k]) => k).sort(), mine: mine.sort(), fetched: all.length };
  }, ids.at(-1));
  assert.deepEqual(held.parsed, held.mine, 'only the last menu\'s views parsed (a view is thousands of nodes)');
  assert.ok(held.fetched > held.mine.length, `the others' kept as text: ${held.fetched} fetched`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every prerendered view says what the app says of it, card by card (words, tables cell by cell, roles and names), and the app takes over from it', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  const all = await options(page);
  assert.ok(all.length >= 11, `${all.length} views`);
  await context.close();
  for (const [id, index, text] of all) {
    const { context, page } = await openPage(site.browser, { width: 1280, height: 900 });
    await page.goto(`${site.server.url}?nosw`);
    await live(page);
    await page.locator(`#${id}`).selectOption({ index });
    await page.waitForFunction(() => /[?&](cohort|subject|pupils|year)=/.test(location.search) && !document.querySelector('.prerender__changing'));
    const before = await said(page, '#prerender');
    assert.equal(before.findings.length, before.titles.length, `${text}: a finding a card`);
    // Every other card's Table tab (by turns across the views), chosen on the static page:
    // the app opens at the same tabs; the others show their drawings.
    const tabs = page.locator('#prerender section.chart-card [role="tab"]:nth-child(2)');
    const tabled = [];
    for (let i = 0; i < await tabs.count(); i += 1) {
      if ((i + index) % 2) continue;
      await tabs.nth(i).click();
      tabled.push(i);
    }
    const shownTables = (root, which) => page.waitForFunction(({ root, which }) => {
      const cards = [...document.querySelectorAll(`${root} section.chart-card`)];
      return which.every((i) => cards[i]?.querySelector('[id$="-panel-table"]:not([hidden]) table'));
    }, { root, which });
    await shownTables('#prerender', tabled);
    const query = new URL(page.url()).search;
    const cards = await cardsOf(page, '#prerender');
    // A reader goes further: the app comes, reads the address, and takes over.
    await startApp(page);
    await page.locator('#prerender').waitFor({ state: 'detached', timeout: 30000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#app section.chart-card')].every((c) => c.getAttribute('aria-busy') !== 'true'));
    const after = await said(page, '#app');
    assert.deepEqual(after, before, `${text} (${query}): the app says the same`);
    // Parity: the same words, drawings' roles and names, tabs, legend and tables, cell by cell.
    await shownTables('#app', tabled);
    const appCards = await cardsOf(page, '#app');
    assert.equal(appCards.length, cards.length, `${text}: every card`);
    for (const [i, card] of cards.entries()) {
      assert.deepEqual(appCards[i], card, `${text}: ${card.title}: the static card and the app's are the same`);
    }
    assert.equal(new URL(page.url()).search, query, `${text}: the app keeps the address`);
    assert.equal(await page.locator(`#${id.replace(/^pre-/, '')}`).evaluate((m) => m.selectedIndex), index, `${text}: the app's menu`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('the back button goes back through the views chosen on the static page', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  const first = await said(page, '#prerender');
  await page.locator('#pre-cohort-select').selectOption({ index: 2 });
  await page.waitForFunction(() => location.search.includes('cohort=') && !document.querySelector('.prerender__changing'));
  const cohort = await said(page, '#prerender');
  await page.locator('#pre-cohort-select').selectOption({ index: 0 });
  // Back at the default view before the next choice (a choice made while a view is still
  // coming replaces it, in the address too: the history would then hold no default between).
  await page.waitForFunction(() => !location.search.includes('cohort=') && !document.querySelector('.prerender__changing'));
  await page.locator('#pre-subject-select').selectOption({ index: 3 });
  await page.waitForFunction(() => location.search.includes('subject=') && !document.querySelector('.prerender__changing'));
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('subject=') && !location.search.includes('cohort=') && !document.querySelector('.prerender__changing'));
  assert.deepEqual(await said(page, '#prerender'), first, 'back: the default view');
  assert.equal(await page.locator('#pre-subject-select').evaluate((m) => m.selectedIndex), 0);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('cohort=') && !document.querySelector('.prerender__changing'));
  assert.deepEqual(await said(page, '#prerender'), cohort, 'back again: the network');
  assert.equal(await page.locator('#pre-cohort-select').evaluate((m) => m.selectedIndex), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('slow 4G, the enhancer held back: a choice made at first paint is said at once and taken up when the enhancer starts, and so is a menu the browser restores', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  await slow4g(context, page);
  // The gap between the first paint and the enhancer's start, as long as we like.
  const release = await holdEnhancer(page);
  await page.goto(`${site.server.url}?nosw`, { waitUntil: 'commit' });
  const menu = page.locator('#pre-cohort-select');
  await menu.waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-enhanced')), false, 'the enhancer has not started');
  const name = (await menu.locator('option').nth(1).textContent()).replace(/\s*\([\d,]+ (named )?schools?\)$/, '');
  await menu.selectOption({ index: 1 });
  // Said at once, by the page's first script, in the enhancer's words.
  const note = page.locator('.prerender__changing');
  await note.waitFor({ timeout: 1000 });
  assert.match(await note.textContent(), new RegExp(`^Changing the view to ${name.replace(/[()]/g, '.')}.*\\. Until it is ready, the answer and the charts still show All named schools`));
  assert.equal(await page.locator('#prerender .charts').getAttribute('aria-busy'), 'true');
  // Reloaded with the enhancer still held: the browser restores the menu, and the page says so.
  await page.reload({ waitUntil: 'commit' });
  await menu.waitFor();
  await page.waitForFunction(() => document.readyState !== 'loading');
  const restored = await menu.evaluate((m) => m.selectedIndex);
  if (restored === 1) {
    await note.waitFor({ timeout: 1000 });
  } else {
    // A browser that does not restore form state has nothing to take up: choose again.
    await menu.selectOption({ index: 1 });
    await note.waitFor({ timeout: 1000 });
  }
  // The enhancer comes: it takes the choice up and shows the chosen view with no app.
  release();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('cohort') && !document.querySelector('.prerender__changing'), null, { timeout: 30000 });
  const titles = await page.locator('#prerender section.chart-card .chart-card__title').allTextContents();
  assert.ok(titles.some((t) => t.includes(name)), `${name} in ${titles.join(' | ')}`);
  assert.equal(await menu.evaluate((m) => m.selectedIndex), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('slow 4G, the enhancer held back: a tab used at first paint is shown when the enhancer starts, with no app', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await slow4g(context, page);
  const release = await holdEnhancer(page);
  await page.goto(`${site.server.url}?nosw`, { waitUntil: 'commit' });
  const card = page.locator('#prerender section.chart-card').first();
  const tab = card.locator('.tabs [role="tab"]').nth(1);
  await tab.waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-enhanced')), false, 'the enhancer has not started');
  await tab.click();
  // The card says at once that it is busy with the reader's click.
  assert.equal(await card.getAttribute('aria-busy'), 'true');
  release();
  const id = await card.getAttribute('id');
  await page.waitForFunction((id) => {
    const panel = document.getElementById(`${id}-panel-table`);
    return panel && !panel.hidden && panel.querySelector('table');
  }, id, { timeout: 30000 });
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  assert.equal(await card.getAttribute('aria-busy'), null);
  assert.ok(new URL(page.url()).searchParams.get('tab')?.includes(':table'), page.url());
  assert.ok(!requests.some((u) => APP.test(u)), 'no app was fetched');
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline, a chosen view that cannot come is shown by the app from the offline copy', async () => {
  // The network is cut where a reader's is: the server stops answering (every connection
  // refused), so the service worker's own fetches fail too, in any browser. (Chromium 148's
  // offline emulation let them through: the view came, and the test measured the emulation.)
  const server = await serveDist();
  const { context, page, expect } = await openPage(site.browser, { width: 1280, height: 900, serviceWorkers: 'allow' });
  // The cut server refuses the requests that try to go out (the view's among them).
  expect(/ERR_CONNECTION_REFUSED|^request failed|Failed to fetch|ERR_FAILED/);
  try {
    await page.goto(server.url);
    await needs(page, 'service worker with Cache Storage', () => 'serviceWorker' in navigator && 'caches' in window);
    await live(page);
    // The offline copy is made when the browser is idle after the first chart.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await server.cut();
    await page.reload();
    await live(page);
    const label = await page.locator('#pre-cohort-select option').nth(1).textContent();
    const name = label.replace(/\s*\([\d,]+ (named )?schools?\)$/, '');
    await page.locator('#pre-cohort-select').selectOption({ index: 1 });
    await page.locator('#prerender').waitFor({ state: 'detached', timeout: 30000 });
    await page.waitForFunction((name) => document.querySelector('#app [data-testid="chart-ks2-progress"] .chart-card__title')?.textContent.includes(name), name, { timeout: 30000 });
    assert.ok(new URL(page.url()).searchParams.get('cohort'), page.url());
    // The page says it is showing the saved copy because its fetch failed, not because the
    // browser said it was offline (it did not: navigator.onLine is still true).
    assert.equal(await page.evaluate(() => navigator.onLine), true);
    await page.getByTestId('offline-notice').waitFor();
  } finally {
    await context.close();
    await server.close();
  }
});

test('slow 4G: a link to a view one menu away paints that view with no app, never the default view\'s cards', async () => {
  for (const query of ['?cohort=esprit', '?subject=maths', '?pupils=disadvantaged']) {
    const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await slow4g(context, page);
    // Every frame until the view is in: is a card of the default view on screen?
    await context.addInitScript(() => {
      window.defaultShown = 0;
      const look = () => {
        const card = document.querySelector('#prerender .chart-card');
        window.first = window.first || card;
        const pre = document.getElementById('prerender');
        if (card && card === window.first && getComputedStyle(pre).display !== 'none' && getComputedStyle(card).visibility !== 'hidden') window.defaultShown += 1;
        if (!window.first || card === window.first) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${site.server.url}${query}`);
    await page.waitForFunction(() => !document.documentElement.classList.contains('prerender-view') && document.querySelector('#prerender .chart-card') !== window.first, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.defaultShown), 0, `${query}: frames showing the default view's cards`);
    // The menu that was chosen, the address kept, the view's cards all there and visible.
    const menus = await page.$$eval('#prerender .controls select', (ms) => ms.map((m) => m.options[m.selectedIndex].dataset.query));
    assert.ok(menus.includes(query), `${query}: a menu names it (${menus})`);
    assert.equal(new URL(page.url()).search, query);
    assert.ok(await page.locator('#prerender .controls').isVisible(), 'the menus are shown');
    const visible = await page.$$eval('#prerender .chart-card', (cs) => cs.filter((c) => getComputedStyle(c).visibility === 'visible').length);
    assert.equal(visible, await page.locator('#prerender .chart-card').count(), `${query}: every card shown`);
    assert.equal(await page.locator('.prerender__changing').count(), 0, 'nothing said to be changing');
    if (query === '?cohort=esprit') await page.screenshot({ path: shotPath('first-choice-link-390') });
    assert.deepEqual(requests.filter((u) => APP.test(u)), [], `${query}: neither the app nor the dataset fetched`);
    // The view's summaries are the app's (the app takes over from it).
    const before = await said(page, '#prerender');
    await startApp(page);
    await page.locator('#prerender').waitFor({ state: 'detached', timeout: 60000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#app section.chart-card')].every((c) => c.getAttribute('aria-busy') !== 'true'));
    assert.deepEqual(await said(page, '#app'), before, `${query}: the app says the same`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a tab chosen on the static page is shown with no app, by click and keys, and the app takes over at it', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  // A network first, so that the table comes from a view file; then the Table tab.
  await page.locator('#pre-cohort-select').selectOption({ index: 2 });
  await page.waitForFunction(() => location.search.includes('cohort=') && !document.querySelector('.prerender__changing'));
  const card = page.locator('#pre-ks2-progress');
  await card.locator('[role="tab"]', { hasText: 'Table' }).click();
  const table = card.locator('[role="tabpanel"]:not([hidden]) table');
  await table.waitFor();
  assert.equal(await card.locator('#pre-ks2-progress-panel-chart').isVisible(), false, 'the drawing is hidden');
  assert.equal(await card.locator('[role="tab"][aria-selected="true"]').textContent(), 'Table');
  assert.match(page.url(), /[?&]tab=ks2-progress:table(&|$)/);
  const staticTable = await table.evaluate((t) => t.innerText);
  await page.screenshot({ path: shotPath('first-choice-table-tab') });
  // The keys move along the tabs as the app's do: Sources, then back to the chart.
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Sources');
  const sources = card.locator('#pre-ks2-progress-panel-sources');
  assert.ok(await sources.isVisible(), 'the Sources panel');
  assert.match(page.url(), /[?&]tab=ks2-progress:sources(&|$)/);
  const staticSources = await sources.evaluate((p) => p.innerText);
  await page.keyboard.press('Home');
  assert.ok(await card.locator('.chart-card__figure').isVisible(), 'the chart again');
  assert.doesNotMatch(page.url(), /tab=/);
  assert.deepEqual(requests.filter((u) => APP.test(u)), [], 'neither the app nor the dataset fetched');
  // The app, once it has come, shows the same table and sources at the same tabs.
  await card.locator('[role="tab"]', { hasText: 'Table' }).click();
  await page.locator('#pre-ofsted [role="tab"]', { hasText: 'Sources' }).click();
  assert.match(page.url(), /tab=ks2-progress:table,ofsted:sources/);
  await startApp(page);
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 30000 });
  const app = page.getByTestId('chart-ks2-progress');
  assert.equal(await app.getByTestId('tab-table').getAttribute('aria-selected'), 'true');
  assert.equal(await app.locator('[role="tabpanel"]:not([hidden]) table').evaluate((t) => t.innerText), staticTable, 'the same table');
  const ofsted = page.getByTestId('chart-ofsted');
  assert.equal(await ofsted.getByTestId('tab-sources').getAttribute('aria-selected'), 'true');
  await ofsted.getByTestId('tab-sources').click();
  await app.getByTestId('tab-sources').click();
  assert.equal(await app.locator('[role="tabpanel"]:not([hidden])').evaluate((p) => p.innerText), staticSources, 'the same sources');
  assert.deepEqual(problems, []);
  await context.close();
});

test('slow 4G: a view still coming when another control asks for the app is shown by the app', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await slow4g(context, page);
  await page.goto(`${site.server.url}?nosw`);
  await live(page);
  const label = await page.locator('#pre-cohort-select option').nth(2).textContent();
  const name = label.replace(/\s*\([\d,]+ (named )?schools?\)$/, '');
  await page.locator('#pre-cohort-select').selectOption({ index: 2 });
  // At once, before the view has come: a series hidden, which needs the app.
  const legend = page.locator('#pre-ks2-progress .legend__item').first();
  const series = await legend.getAttribute('data-twin');
  await legend.click();
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 60000 });
  await page.waitForFunction((name) => document.querySelector('#app [data-testid="chart-ks2-progress"] .chart-card__title')?.textContent.includes(name), name, { timeout: 30000 });
  await page.waitForFunction((series) => document.querySelector(series)?.getAttribute('aria-pressed') === 'false', series);
  const url = new URL(page.url());
  assert.ok(url.searchParams.get('cohort') && url.searchParams.get('hide'), `both in the address: ${page.url()}`);
  assert.deepEqual(problems, []);
  await context.close();
});
