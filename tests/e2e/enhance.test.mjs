// End-to-end: over the prerendered view a small enhancer (src/enhance/) makes the drawings
// answer the pointer and keys as the app's do, and the app is fetched only when a reader
// first uses a control; what they did is then done on the app's own control, with the focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, useSite, openPage, startApp, shotPath } from './support.mjs';

const site = useSite();
const APP = /cohort-dashboard-[0-9a-f]+(_bg\.wasm|\.js)$/;

/** Waits until every prerendered drawing answers (the enhancer's mark). */
async function enhanced(page) {
  await page.waitForFunction(() => performance.getEntriesByName('cohort-dashboard:all-charts').length > 0, null, { timeout: 20000 });
}

/** The tooltip's parts and what is announced, after pressing `keys` on a drawing. */
async function readByKeys(page, figure, announcer, keys) {
  await page.locator(figure).focus();
  const out = [];
  for (const key of keys) {
    await page.keyboard.press(key);
    const tip = page.locator(`${figure} ~ .tooltip, ${figure} + .tooltip, .chart-card__frame:has(${figure}) .tooltip`).first();
    await tip.waitFor();
    out.push({
      parts: await tip.locator('> *').allTextContents(),
      said: await page.locator(announcer).textContent(),
    });
  }
  return out;
}

/**
 * On a focused static drawing: the first figure by the Home key, then a tap at the middle of
 * its outline; what the tooltip said each time.
 */
async function keyThenTap(page, chart) {
  await page.keyboard.press('Home');
  const outline = await page.locator(`#pre-${chart} .mark-focus`).boundingBox();
  const keyed = await page.locator(`#pre-${chart} .tooltip > *`).allTextContents();
  await page.keyboard.press('Escape');
  await page.mouse.click(outline.x + outline.width / 2, outline.y + outline.height / 2);
  return { keyed, tapped: await page.locator(`#pre-${chart} .tooltip > *`).allTextContents() };
}

test('the prerendered drawings answer keys and tap as the app\'s do, before the app is fetched', async () => {
  for (const [width, chart] of [[1280, 'ks2-progress'], [390, 'ofsted'], [390, 'schools-over-time']]) {
    const { context, page, problems } = await openPage(site.browser, { width, height: 844 });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site.server.url}?nosw`);
    await enhanced(page);
    const keys = ['Home', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'End'];
    const before = await readByKeys(page, `#pre-${chart} .chart-card__figure`, `#pre-${chart} [aria-live]`, keys);
    assert.ok(before[0].parts.length === 4 && before[0].parts[3].startsWith('Source: '), JSON.stringify(before[0]));
    assert.ok(before[0].said.includes('Source: '), 'the first figure is said with its source');
    // A tap (a click) on the drawing shows the figure under it; leaving hides it.
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(`#pre-${chart} .tooltip`).count(), 0, 'Escape clears');
    const mark = await page.locator(`#pre-${chart} .chart-card__figure`).boundingBox();
    const { tapped } = await keyThenTap(page, chart);
    assert.deepEqual(tapped, before[0].parts, 'the tap finds the figure drawn there');
    await page.mouse.move(mark.x + mark.width / 2, mark.y - 40);
    assert.equal(await page.locator(`#pre-${chart} .tooltip`).count(), 0, 'leaving the drawing hides the tooltip');
    assert.equal(requests.filter((u) => APP.test(u) || u.endsWith('dataset.json')).length, 0, 'neither the app nor the dataset fetched for reading');
    if (width === 390 && chart === 'ofsted') await page.screenshot({ path: shotPath('enhanced-tooltip-390') });
    // The app, once it has come, reads the same figures in the same order.
    await startApp(page);
    await page.locator('#prerender').waitFor({ state: 'detached', timeout: 20000 });
    await page.getByTestId(`chart-${chart}`).getByTestId('chart-figure').waitFor();
    const after = await readByKeys(page, `[data-testid="chart-${chart}"] [data-testid="chart-figure"]`, `[data-testid="chart-${chart}"] [data-testid="announcer"]`, keys);
    assert.deepEqual(after, before, `${chart} at ${width}px`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a control used before the app has come is done again on the app\'s own, with the focus', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  // A slow connection: the app takes a while.
  await page.route('**/cohort-dashboard-*_bg.wasm', async (route) => {
    const response = await route.fetch();
    await new Promise((ok) => setTimeout(ok, 1200));
    await route.fulfill({ response });
  });
  await page.goto(`${site.server.url}?nosw`);
  await enhanced(page);
  // One menu away from the default is prerendered (first-choice.test.mjs); two away asks
  // for the app, which reads the first from the address and is given the second.
  await page.locator('#pre-subject-select').selectOption({ index: 3 });
  await page.waitForFunction(() => location.search.includes('subject=') && !document.querySelector('.prerender__changing'));
  const label = await page.locator('#pre-cohort-select option').nth(1).textContent();
  await page.locator('#pre-cohort-select').selectOption({ index: 1 });
  // The page says the app is coming, without moving anything.
  const note = page.locator('.app-loading__note');
  await note.waitFor();
  assert.equal(await note.getAttribute('role'), 'status');
  await page.screenshot({ path: shotPath('app-loading-390') });
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 20000 });
  const name = label.replace(/\s*\([\d,]+ (named )?schools?\)$/, '');
  await page.waitForFunction((name) => document.querySelector('[data-testid="chart-ks2-progress"] .chart-card__title')?.textContent.includes(name), name);
  assert.ok(new URL(page.url()).searchParams.get('cohort'), page.url());
  assert.ok(new URL(page.url()).searchParams.get('subject'), `the first choice kept: ${page.url()}`);
  assert.equal(await page.locator('#subject-select').evaluate((m) => m.selectedIndex), 3, 'the app\'s subject menu');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'cohort-select', 'the focus is on the app\'s menu');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-loading')), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every static control names a control the app has, and a click on one is done on it', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?nosw`);
  await enhanced(page);
  const twins = await page.$$eval('#prerender [data-twin]', (els) => els.map((e) => e.getAttribute('data-twin')));
  assert.ok(twins.length > 20, `${twins.length} controls`);
  // A series hidden from the static legend, by keyboard.
  const legend = page.locator('#pre-ks2-progress .legend__item').first();
  const series = await legend.getAttribute('data-twin');
  await legend.focus();
  await page.keyboard.press('Enter');
  await page.locator('#prerender').waitFor({ state: 'detached', timeout: 20000 });
  const missing = await page.evaluate((twins) => twins.filter((t) => !document.querySelector(t)), twins);
  assert.deepEqual(missing, [], 'every control the static view offered is in the app');
  await page.waitForFunction((series) => document.querySelector(series)?.getAttribute('aria-pressed') === 'false', series);
  assert.ok(new URL(page.url()).searchParams.get('hide'), `the series is hidden in the link: ${page.url()}`);
  assert.equal(await page.evaluate(() => document.activeElement?.matches('.legend__item')), true, 'the focus is on the app\'s button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('files chosen in the static "Load your data" are loaded by the app once it has come', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?nosw`);
  await enhanced(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohorts-'));
  const cohorts = path.join(dir, 'our-cohorts.csv');
  fs.writeFileSync(cohorts, 'cohort,cohort_name,joined_year,urn\nriver,River Partnership,2017,133328\n');
  const fixtures = path.join(ROOT, 'tests/fixtures/import');
  await page.locator('#pre-data-files').setInputFiles([cohorts, path.join(fixtures, 'ks2_2019.csv'), path.join(fixtures, 'ofsted.csv')]);
  await page.getByTestId('your-data-banner').waitFor({ timeout: 30000 });
  assert.ok((await page.getByTestId('your-data-banner').textContent()).includes('our-cohorts.csv'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the app cannot be fetched the page says so, and the drawings still answer', async () => {
  const { context, page, expect } = await openPage(site.browser);
  // The refused request and the start-up script's failure are what the test makes happen.
  expect(/cohort-dashboard-[0-9a-f]+_bg\.wasm|Failed to load resource|Failed to fetch/);
  await page.route('**/cohort-dashboard-*_bg.wasm', (route) => route.abort());
  await page.goto(`${site.server.url}?nosw`);
  await enhanced(page);
  await page.locator('#pre-ks2-progress .legend__item').first().click();
  const note = page.locator('.app-loading__note');
  await page.waitForFunction(() => document.querySelector('.app-loading__note')?.textContent.includes('could not be loaded'));
  assert.match(await note.textContent(), /Check the connection and reload the page/);
  assert.equal(await page.locator('#prerender [aria-busy]').count(), 0, 'nothing left waiting');
  await page.locator('#pre-ks2-progress .chart-card__figure').focus();
  await page.keyboard.press('Home');
  await page.locator('#pre-ks2-progress .tooltip').waitFor();
  await context.close();
});

test('after the column changes width (a turned phone), the drawing it now shows answers too', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 844 });
  await page.goto(`${site.server.url}?nosw`);
  await enhanced(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const figure = page.locator('#pre-ofsted .chart-card__figure');
  await figure.scrollIntoViewIfNeeded();
  // Its marks are fetched at the first key, which is then answered.
  await figure.focus();
  await page.keyboard.press('Home');
  await page.locator('#pre-ofsted .tooltip').waitFor();
  const tip = await page.locator('#pre-ofsted .tooltip').boundingBox();
  const box = await figure.boundingBox();
  assert.ok(tip.x >= box.x - 1 && tip.x + tip.width <= box.x + box.width + 1, 'the tooltip is inside the narrower card');
  // And a tap on the second card's drawing finds the figure drawn there.
  await page.keyboard.press('Escape');
  const second = page.locator('#pre-disadvantaged .chart-card__figure');
  await second.scrollIntoViewIfNeeded();
  await second.focus();
  const { keyed, tapped } = await keyThenTap(page, 'disadvantaged');
  assert.deepEqual(tapped, keyed);
  assert.deepEqual(problems, []);
  await context.close();
});
