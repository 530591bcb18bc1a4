// End-to-end: one school line in colour and the menu that chooses it, a phone shows one key, and every kind of
// control shows a focus ring a screenshot can see (the selected tab's included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForCharts, shotPath } from './support.mjs';

const site = useSite();
const card = (page, id) => page.locator(`#app #${id}`);

test('in "Schools over time" one school is in colour, the others muted, each named at its end; its menu chooses which, from the static page to the app', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(`${site.server.url}?nosw`);
  // The static page: the first school with figures in colour, its menu says which.
  const pre = page.locator('#pre-schools-over-time');
  await pre.scrollIntoViewIfNeeded();
  const preMenu = pre.locator('.focus-menu select');
  await preMenu.waitFor();
  const first = await preMenu.inputValue();
  assert.match(first, /^urn-\d+$/);
  await page.locator('html[data-enhanced]').waitFor({ state: 'attached' });
  // Another school, chosen there: the app comes and draws it in colour, the link says so.
  const options = await preMenu.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert.ok(options.length >= 6, `${options.length} schools with scores`);
  const [chosen, chosenName] = options[2];
  await preMenu.selectOption(chosen);
  await page.waitForURL(new RegExp(`focus=${chosen}`), { timeout: 30000 });
  await waitForCharts(page);
  assert.equal(await card(page, 'schools-over-time').getByTestId('focus-menu').inputValue(), chosen);
  // One subject, where each line is named at its end: the chosen school in colour.
  await page.goto(`${site.server.url}?subject=reading&focus=${chosen}`);
  await waitForCharts(page);
  const sot = card(page, 'schools-over-time');
  await sot.scrollIntoViewIfNeeded();
  assert.equal(await sot.getByTestId('focus-menu').inputValue(), chosen);
  const ink = await sot.locator('[data-testid="chart-figure"] svg').evaluate((svg, names) => {
    const texts = [...svg.querySelectorAll('text')];
    const fill = (name) => texts.find((t) => t.textContent.trim().startsWith(name))?.getAttribute('fill')?.toLowerCase() ?? null;
    const strokes = [...svg.querySelectorAll('polyline')].map((l) => [l.getAttribute('stroke')?.toLowerCase(), l.getAttribute('stroke-width')]);
    return { names: names.map((n) => [n, fill(n.trim())]), strokes };
  }, options.map(([, n]) => n));
  for (const [name, fill] of ink.names) assert.ok(fill, `${name}: named at its line end`);
  const colourOf = Object.fromEntries(ink.names);
  const others = ink.names.filter(([n]) => n !== chosenName).map(([, f]) => f);
  assert.equal(new Set(others).size, 1, `the others muted alike: ${JSON.stringify(ink.names)}`);
  assert.notEqual(colourOf[chosenName], others[0], 'the chosen school in its own colour');
  assert.ok(ink.strokes.some(([c, w]) => c === '#1d4e89' && w === '3'), 'its line in the schools\' colour, drawn heavier');
  // The legend's swatches say the same.
  const swatch = (series) => sot.locator(`.legend__item[data-series="${series}"] .legend__swatch`).getAttribute('class');
  assert.match(await swatch(chosen), /legend__swatch--school/);
  assert.match(await swatch(first), /legend__swatch--other/);
  await sot.screenshot({ path: shotPath('schools-over-time-colours') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phone shows one key: the drawing\'s, with the buttons that hide series behind one toggle', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  await page.goto(site.server.url);
  await waitForCharts(page);
  const sot = card(page, 'schools-over-time');
  await sot.scrollIntoViewIfNeeded();
  const toggle = sot.locator('.legend__toggle');
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.match(await toggle.textContent(), /^Show or hide series \(\d+\)$/);
  assert.equal(await sot.locator('.legend__item').first().isVisible(), false, 'the buttons wait');
  const keyed = await sot.locator('[data-testid="chart-figure"] svg text').allTextContents();
  assert.ok(keyed.some((t) => t.trim().startsWith('Forest Park')), 'the drawing names the series');
  await sot.screenshot({ path: shotPath('phone-one-key') });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await sot.locator('.legend__item').first().isVisible(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

/** How many pixels of the focus colour (#ffbf47) a screenshot of the box around `el` has. */
async function focusPixels(page, decoder, el) {
  const b = await el.boundingBox();
  const clip = { x: Math.max(0, b.x - 10), y: Math.max(0, b.y - 10), width: b.width + 20, height: b.height + 20 };
  const png = await page.screenshot({ clip });
  return decoder.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - 0xff) < 24 && Math.abs(d[i + 1] - 0xbf) < 24 && Math.abs(d[i + 2] - 0x47) < 24) n += 1;
    }
    return n;
  }, png.toString('base64'));
}

test('every kind of control shows a focus ring in a screenshot, the selected tab included', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  const decoder = await context.newPage();
  await page.goto(site.server.url);
  await waitForCharts(page);
  const controls = {
    'cohort menu': page.getByTestId('cohort-select'),
    'Present button': page.getByTestId('present'),
    'Print button': page.getByTestId('print'),
    'a legend button': card(page, 'ks2-progress').locator('.legend__item').first(),
    'the selected tab': card(page, 'ks2-progress').getByTestId('tab-chart'),
    'a tab not selected': card(page, 'ks2-progress').getByTestId('tab-table'),
    'a download button': card(page, 'ks2-progress').getByTestId('download-png'),
    'the chart itself': card(page, 'ks2-progress').getByTestId('chart-figure'),
    'an answer link': page.locator('.answer__link').first(),
  };
  for (const [name, el] of Object.entries(controls)) {
    await el.scrollIntoViewIfNeeded();
    const before = await focusPixels(page, decoder, el);
    // A key press first: the browser shows focus rings to keyboard users.
    await page.keyboard.press('Shift');
    await el.focus();
    await page.waitForFunction(() => document.activeElement?.matches(':focus-visible'));
    const after = await focusPixels(page, decoder, el);
    if (name === 'the selected tab') {
      const b = await el.boundingBox();
      await page.screenshot({ path: shotPath('focus-selected-tab'), clip: { x: b.x - 40, y: b.y - 20, width: b.width + 200, height: b.height + 40 } });
    }
    assert.ok(after - before >= 60, `${name}: ${after - before} more pixels of the focus colour`);
    await page.evaluate(() => document.activeElement?.blur());
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('in forced colours the key keeps the colours of the lines it names, on the static page and in the app', async () => {
  const keyOf = async (forcedColors) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, forcedColors, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}?nosw`);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), forcedColors === 'active');
    const colours = (root) => page.evaluate((root) => [...document.querySelectorAll(`${root} .legend__item[aria-pressed="true"] .legend__swatch`)]
      .filter((s) => s.getClientRects().length).map((s) => `${s.closest('section').id.replace(/^pre-/, '')} ${s.parentNode.textContent}: ${getComputedStyle(s).backgroundColor}`), root);
    const seen = { static: await colours('#prerender') };
    await waitForCharts(page);
    seen.app = await colours('#app');
    await context.close();
    return seen;
  };
  const plain = await keyOf('none');
  const forced = await keyOf('active');
  assert.ok(plain.static.length > 10 && plain.app.length > 10, 'swatches shown');
  assert.deepEqual(forced.static, plain.static, 'the static key in forced colours');
  assert.deepEqual(forced.app, plain.app, "the app's key in forced colours");
});
