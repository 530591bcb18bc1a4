// End-to-end: presenter mode, themes, offline use, and embedding under a sub-path with a
// strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT, useSite, serveDist, openPage, waitForCharts, shotPath, axeViolations, needs, slideTitle } from './support.mjs';

const site = useSite();
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

test('a presenter steps through a prepared deck by keyboard, in large type', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1920, height: 1080 });
  await page.goto(`${site.server.url}?present&deck=ks2-progress:seven-stars,ofsted:all,disadvantaged:all`);
  const count = page.getByTestId('slide-count');
  await count.filter({ hasText: /^1 \/ \d+$/ }).waitFor();
  const n = Number((await count.textContent()).split('/')[1]);
  // Three subjects, a slide each (one point a slide), then the Ofsted chart (its schools and
  // places apart where they would not fit together) and the disadvantaged chart.
  assert.ok(n >= 5 && n <= 7, `${n} slides`);
  // Headed by its finding, with what it shows under it.
  const title = page.getByTestId('slide-title');
  assert.equal(await title.textContent(), 'KS2 progress (reading): Seven Stars Collaborative Network');
  assert.match(await page.getByTestId('slide-heading').textContent(), /^In 2019, /);
  // Chart text at least 2.5% of the viewport height.
  const textHeight = await page.getByTestId('slide-figure').locator('text').first().evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(textHeight >= 0.025 * 1080, `chart text is ${textHeight}px high, under 27px`);
  await page.screenshot({ path: shotPath('presenter-slide-1') });
  for (const [key, expected] of [['ArrowRight', 2], ['PageDown', 3], ['PageUp', 2], [' ', 3], ['Home', 1], ['End', n], ['ArrowLeft', n - 1], ['Home', 1], ['ArrowRight', 2], ['ArrowRight', 3], ['ArrowRight', 4]]) {
    await page.keyboard.press(key);
    await count.filter({ hasText: `${expected} / ${n}` }).waitFor();
  }
  assert.match(await title.textContent(), /^Ofsted judgements: 16 programme schools inspected since 2015/);
  await page.waitForURL(/slide=4/);
  // The slide is in the link: a reload comes back to it.
  await page.reload();
  await count.filter({ hasText: `4 / ${n}` }).waitFor();
  // Full screen is asked for; headless may refuse, and the slides fill the window either way.
  await page.getByTestId('full-screen').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('presenter').waitFor({ state: 'detached' });
  await waitForCharts(page);
  assert.ok(!page.url().includes('present'));
  // Focus returns to the Present button, not to the top of the document.
  await page.waitForFunction(() => document.activeElement?.id === 'present-button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Present button starts a deck of every chart for the chosen cohort', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=esprit`);
  await waitForCharts(page);
  const question = await page.locator('#answer-question').textContent();
  await page.getByTestId('present').click();
  const count = page.getByTestId('slide-count');
  await count.filter({ hasText: /^1 \/ \d+$/ }).waitFor();
  // It opens with the answer, as the page does, then the charts.
  const heading = page.getByTestId('presenter').locator('h2');
  assert.equal(await heading.textContent(), question);
  assert.ok((await page.getByTestId('slide-answer').locator('li').count()) >= 3);
  assert.match(await page.getByTestId('slide-source').textContent(), /^Source: .*Department for Education/);
  // The chart that answers the question comes next, as it does on the page.
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('slide-figure').locator('svg').waitFor();
  assert.match(await slideTitle(page), /^KS2 progress over time: /);
  const titles = [];
  for (let i = 2; i < 10; i += 1) {
    await count.filter({ hasText: new RegExp(`^${i} / `) }).waitFor();
    titles.push(await slideTitle(page));
    await page.keyboard.press('ArrowRight');
  }
  assert.ok(titles.includes('KS2 progress (reading): ESPRIT network'), titles.join(' | '));
  // Every chart at least once, each chart of three subjects a slide a subject.
  const total = Number((await count.textContent()).split('/')[1]);
  assert.ok(total >= 1 + 8 + 3 * 2, `${total} slides`);
  await context.close();
});

for (const [name, query, colorScheme] of [
  ['light', '?theme=light', 'light'], ['high-contrast', '?theme=contrast', 'light'],
  ['dark', '?theme=dark', 'light'], ['system dark', '', 'dark'],
]) {
  test(`the ${name} theme passes axe's WCAG AA checks, page and presenter`, async () => {
    const { context, page } = await openPage(site.browser, { colorScheme });
    await page.goto(`${site.server.url}${query}`);
    await waitForCharts(page);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: shotPath(`theme-${name.replace(' ', '-')}`) });
    // The deck's opening slide, the answer.
    await page.goto(`${site.server.url}${query ? `${query}&` : '?'}present`);
    await page.getByTestId('slide-answer').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

test('a link theme wins over the system setting, and the charts follow it', async () => {
  const { context, page } = await openPage(site.browser, { colorScheme: 'dark' });
  await page.goto(`${site.server.url}?theme=light`);
  await waitForCharts(page);
  const bg = await page.getByTestId('chart-ofsted').getByTestId('chart-figure').locator('svg rect').first().getAttribute('fill');
  assert.equal(bg, '#FFFFFF');
  await page.goto(site.server.url);
  await waitForCharts(page);
  const dark = await page.getByTestId('chart-ofsted').getByTestId('chart-figure').locator('svg rect').first().getAttribute('fill');
  assert.equal(dark, '#121212', 'the system asks for dark and the link does not say otherwise');
  await context.close();
});

test('after one visit, every chart renders from the offline copy with the network cut', async () => {
  // The network is cut at the server (every connection refused), as a reader's is, so the
  // service worker's own fetches fail in any browser, not only where the browser's offline
  // emulation reaches them.
  const server = await serveDist();
  const { context, page, expect } = await openPage(site.browser, { serviceWorkers: 'allow' });
  // The cut server refuses the requests that try to go out; nothing else may fail.
  expect(/ERR_CONNECTION_REFUSED|^request failed/);
  await page.goto(server.url);
  await needs(page, 'service worker with Cache Storage', () => 'serviceWorker' in navigator && 'caches' in window);
  await waitForCharts(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await server.cut();
  await page.reload();
  await waitForCharts(page);
  for (const id of ['ks2-progress', 'disadvantaged', 'ofsted']) {
    assert.ok(await page.getByTestId(`chart-${id}`).getByTestId('chart-figure').locator('svg rect').count() > 3, `${id} drawn offline`);
  }
  // Said from what failed (the data's fetch could not reach the server), not from
  // navigator.onLine, which stays true.
  assert.equal(await page.evaluate(() => navigator.onLine), true);
  const notice = await page.getByTestId('offline-notice').textContent();
  assert.match(notice, /The server did not answer \(you may be offline\): this is the copy of the data saved on \d{1,2} \w+ \d{4}, \d\d:\d\d UTC\./);
  await page.screenshot({ path: shotPath('offline') });
  // "Load your data" offline: its importer (a worker never run on the first visit) comes
  // from the copy too.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-'));
  const list = path.join(dir, 'offline-cohorts.csv');
  fs.writeFileSync(list, 'cohort,cohort_name,joined_year,urn\nriver,River Partnership,2017,133328\n');
  await page.getByTestId('file-input').setInputFiles([list, path.join(ROOT, 'tests/fixtures/import/ks2_2019.csv'), path.join(ROOT, 'tests/fixtures/import/ofsted.csv')]);
  await page.getByTestId('your-data-banner').waitFor();
  assert.ok((await page.getByTestId('your-data-banner').textContent()).includes('offline-cohorts.csv'));
  await context.close();
  await server.close();
});

test('under Save-Data the offline copy keeps only the static view: its shell at once, the drawings seen', async () => {
  const { context, page, expect } = await openPage(site.browser, { serviceWorkers: 'allow' });
  // Offline, what was never seen (another width's drawing, its marks) is not in the copy.
  expect(/ERR_CONNECTION_REFUSED|^request failed|Failed to load resource: net::ERR_FAILED/);
  const server = await serveDist();
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g', addEventListener() {}, removeEventListener() {} }) });
  });
  await page.goto(server.url);
  await needs(page, 'service worker with Cache Storage', () => 'serviceWorker' in navigator && 'caches' in window);
  await needs(page, 'navigator.connection.saveData (set by the test\'s init script)', () => navigator.connection?.saveData === true);
  const script = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL);
  assert.match(script, /\/sw\.js\?lite$/);
  const kept = () => page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('cohort-dashboard-'));
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  });
  const first = await kept();
  assert.ok(first.some((p) => /\/main-[0-9a-f]+\.css$/.test(p)) && first.some((p) => p.endsWith('/view-gate.js')), first.join(' '));
  assert.ok(!first.some((p) => /cohort-dashboard-[0-9a-f]+_bg\.wasm$|import-worker_bg\.wasm$|dataset\.json$/.test(p)), `the app is not saved: ${first.join(' ')}`);
  // Read once more under the worker, scrolled to a drawing: the drawings seen are kept, and
  // read offline.
  const drawn = () => page.waitForFunction(() => {
    const img = [...document.querySelectorAll('#pre-schools-over-time img.pre-v')].find((i) => i.getClientRects().length);
    return img && img.complete && img.naturalWidth > 0;
  });
  await page.reload();
  await page.locator('#pre-schools-over-time').scrollIntoViewIfNeeded();
  await drawn();
  const seen = (await kept()).filter((p) => p.includes('/prerender/schools-over-time-'));
  assert.ok(seen.length > 0, 'the drawings seen are kept');
  await server.cut();
  await page.reload();
  await page.locator('#pre-schools-over-time').scrollIntoViewIfNeeded();
  await drawn();
  await page.screenshot({ path: shotPath('offline-save-data') });
  await context.close();
  await server.close();
});

test('embedded under a sub-path with a strict CSP, the frame sizes itself and nothing is refused', async (t) => {
  const dashboard = await serveDist({ prefix: '/school-improvement/dashboard/', headers: { 'content-security-policy': CSP } });
  t.after(() => dashboard.close());
  const { context, page } = await openPage(site.browser);
  t.after(() => context.close());
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // The snippet, as the page's generator gives it for the Ofsted chart of ESPRIT.
  await page.goto(`${dashboard.url}?cohort=esprit`);
  await waitForCharts(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the dashboard itself runs under the policy');
  const snippet = await page.getByTestId('chart-ofsted').getByTestId('embed-snippet').inputValue();
  assert.ok(snippet.includes(`src="${dashboard.url}?cohort=esprit&amp;chart=ofsted&amp;embed"`), snippet);
  assert.ok(snippet.includes('loading="lazy"') && snippet.includes(`${dashboard.url}embed.js`), snippet);
  // "Load your data" too: its importer is a worker, a script of its own under the policy.
  const fixture = (name) => ({ name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(ROOT, 'tests/fixtures/import', name)) });
  await page.getByTestId('file-input').setInputFiles([
    fixture('ks2_2019.csv'), fixture('ofsted.csv'),
    { name: 'csp-cohorts.csv', mimeType: 'text/csv', buffer: Buffer.from('cohort,cohort_name,joined_year,urn\nriver,River Partnership,2017,133328\n') },
  ]);
  await page.getByTestId('your-data-banner').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the importer runs under the policy');

  // A host page on another port, with content above the fold, pastes it.
  const host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html lang="en"><head><title>University page</title></head><body><h1>Our work in Stoke</h1>${snippet}</body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  t.after(() => new Promise((ok) => { host.closeAllConnections?.(); host.close(ok); }));
  await page.goto(`http://127.0.0.1:${host.address().port}/`);
  const frame = page.locator('iframe[data-cohort-dashboard]');
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-cohort-dashboard]');
    return f && f.style.height && f.style.height !== '600px';
  }, null, { timeout: 20000 });
  const inner = page.frameLocator('iframe[data-cohort-dashboard]');
  await inner.getByTestId('chart-ofsted').getByTestId('chart-figure').locator('svg').waitFor();
  // The frame (another origin: looked at from inside) has taken the height of what it holds.
  const inside = await (await frame.elementHandle()).contentFrame();
  const fits = (maxWidth) => inside.waitForFunction((w) => {
    const d = document.documentElement;
    return d.clientWidth <= w && Math.abs(d.getBoundingClientRect().height - d.clientHeight) <= 2
      && d.scrollHeight <= d.clientHeight && d.scrollWidth <= d.clientWidth;
  }, maxWidth, { timeout: 10000 });
  await fits(1280);
  const frameHeight = await frame.evaluate((f) => f.clientHeight);
  const contentHeight = await inner.locator('html').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `frame ${frameHeight}px, content ${contentHeight}px`);
  // No scrollbar inside the frame, in either direction, here or at a phone's width.
  const scroll = () => inner.locator('html').evaluate((el) => ({ down: el.scrollHeight - el.clientHeight, across: el.scrollWidth - el.clientWidth }));
  assert.deepEqual(await scroll(), { down: 0, across: 0 }, 'nothing scrolls inside the frame');
  await page.setViewportSize({ width: 360, height: 740 });
  await fits(360);
  assert.deepEqual(await scroll(), { down: 0, across: 0 }, 'nothing scrolls inside the frame on a phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await inner.locator('.page-header').isVisible(), false, 'no page chrome in the embed');
  assert.equal(await inner.getByTestId('chart-ks2-progress').count(), 0, 'only the chosen chart');
  // A way to the full dashboard, at the same view.
  const full = await inner.getByTestId('embed-full-link').getAttribute('href');
  assert.ok(full.includes('cohort=esprit') && !full.includes('embed'), full);
  const violations = await page.frames()[1].evaluate(() => window.__violations);
  assert.deepEqual(violations, [], 'no CSP violation inside the frame');
  await page.screenshot({ path: shotPath('embed-host-page'), fullPage: true });
});

test('an embedded chart comes at its own height, its notes behind the way out; the embed code copies in one click', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 700, height: 900 });
  const heights = {};
  // Every chart the page has (whatever the dataset).
  await page.goto(`${site.server.url}?nosw`);
  const charts = await page.evaluate(() => [...document.querySelectorAll('#prerender .chart-card')].map((c) => c.id.replace(/^pre-/, '')));
  assert.ok(charts.length >= 8, `${charts.length} charts`);
  for (const chart of charts) {
    await page.goto(`${site.server.url}?chart=${chart}&embed&nosw`);
    await page.locator(`#pre-${chart} .pre-v, #${chart} [data-testid="chart-figure"] svg`).filter({ visible: true }).first().waitFor();
    heights[chart] = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    // The notes are not in the frame; the way out leads to them, at this chart.
    assert.equal(await page.locator('[id$="-panel-chart"] .chart-card__notes li').filter({ visible: true }).count(), 0, `${chart}: no notes in the frame`);
    const out = page.locator('.embed__full a').filter({ visible: true });
    assert.match(await out.textContent(), /Notes, sources and the full dashboard/);
    assert.match(await out.getAttribute('href'), new RegExp(`chart=${chart}`));
    // Its source line names the publishers; the full citations are in its Sources tab.
    const source = page.locator('.chart-card__source').filter({ visible: true }).first();
    const line = await source.innerText();
    const full = await source.locator('.source-line__full').textContent();
    assert.ok(line.startsWith('Source: ') && line.length < full.length, `${chart}: the source line by publisher: ${line}`);
    assert.equal(line, await source.locator('.source-line__brief').textContent());
    // As on a phone, the drawing's key names the series: the buttons wait behind one toggle.
    assert.equal(await page.locator('.legend').filter({ visible: true }).count(), 0, `${chart}: the series' buttons behind their toggle`);
    assert.equal(await page.locator('.legend__toggle').filter({ visible: true }).count(), 1, `${chart}: the toggle`);
    // Its actions in one row: Hear's buttons (where it can be heard) beside the downloads.
    const download = await page.locator('.downloads').filter({ visible: true }).first().boundingBox();
    const hear = page.locator('.listen').filter({ visible: true });
    if (await hear.count()) {
      const box = await hear.first().boundingBox();
      assert.ok(Math.abs(box.y + box.height / 2 - (download.y + download.height / 2)) < 4, `${chart}: Hear and Download in one row`);
    }
  }
  console.log(`# embedded at 700 px wide: ${Object.entries(heights).map(([c, h]) => `${c} ${h} px`).join(', ')}`);
  // Every chart at its own height, under 700 px (the KS2 progress chart was 1,496 px with its
  // subjects stacked; the charts over time 1,241 and 1,434 with their panels stacked).
  for (const chart of charts) {
    assert.ok(heights[chart] < 700, `${chart}: ${heights[chart]} px`);
  }
  await context.close();
  // The page's embed code: Copy puts it on the clipboard and says so.
  const full = await openPage(site.browser, { width: 1280, height: 900 });
  await full.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
  await full.page.goto(`${site.server.url}?nosw`);
  await waitForCharts(full.page);
  const card = full.page.locator('#ofsted');
  await card.locator('.embed-code summary').click();
  await card.getByTestId('embed-copy').click();
  await card.getByTestId('embed-copied').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  const copied = await full.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await card.getByTestId('embed-snippet').inputValue());
  assert.match(copied, /<iframe src="[^"]*chart=ofsted&amp;embed"/);
  assert.deepEqual([...problems, ...full.problems], []);
  await full.context.close();
});
