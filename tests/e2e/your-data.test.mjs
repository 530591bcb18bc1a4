// End-to-end: "Load your data" reads files in the page with the importer's code (a worker
// fetched when files are chosen, never before), shows them labelled as the reader's, refuses bad ones while keeping what was shown, and sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, useSite, openPage, waitForCharts, textOf } from './support.mjs';

const FIXTURES = path.join(ROOT, 'tests/fixtures/import');
const site = useSite();

test('a cohort list with DfE and Ofsted CSVs loads as your data, and nothing is sent', async () => {
  const { context, page, problems } = await openPage(site.browser);
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.goto(site.server.url);
  await waitForCharts(page);
  // The importer is not part of the first load: it is fetched when files are chosen.
  assert.deepEqual(requests.filter((r) => r.url.includes('import-worker')), [], 'the importer was fetched before it was needed');
  requests.length = 0;
  // A cohort list of our own naming, to see it arrive.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohorts-'));
  const cohorts = path.join(dir, 'our-cohorts.csv');
  fs.writeFileSync(cohorts, 'cohort,cohort_name,joined_year,urn\nriver,River Partnership,2017,133328\nriver,River Partnership,2017,124501\nhill,Hill Group,2018,123997\n');
  await page.getByTestId('file-input').setInputFiles([
    cohorts, path.join(FIXTURES, 'ks2_2019.csv'), path.join(FIXTURES, 'ofsted.csv'),
  ]);
  await page.getByTestId('your-data-banner').waitFor();
  const banner = await page.getByTestId('your-data-banner').textContent();
  assert.ok(banner.includes('our-cohorts.csv') && banner.includes('not the published figures'), banner);
  const options = await page.getByTestId('cohort-select').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, ['all', 'river', 'hill']);
  await page.getByTestId('cohort-select').selectOption('river');
  const drawn = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
  assert.ok(drawn.includes('Etruscan Primary (2019)') && drawn.includes('+2.6'), drawn);
  assert.ok((await page.getByTestId('loader-summary').textContent()).includes('2 cohorts, 3 schools'));
  // The importer's own code was fetched (its wasm, once); the browser may fetch its icon;
  // nothing may carry a body or go elsewhere.
  const own = /\/(favicon\.svg|import-worker(_loader)?\.js|import-worker_bg\.wasm)$/;
  assert.equal(requests.filter((r) => r.url.endsWith('/import-worker_bg.wasm')).length, 1, JSON.stringify(requests));
  const sent = requests.filter((r) => r.method !== 'GET' || r.body || !r.url.startsWith(site.server.url) || !own.test(r.url));
  assert.deepEqual(sent, [], 'no request was made with the files');
  await page.getByTestId('back-to-published').click();
  await page.getByTestId('cohort-select').locator('option[value="seven-stars"]').waitFor({ state: 'attached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a broken file is refused with the importer\'s message and the charts stay', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=esprit`);
  await waitForCharts(page);
  const before = await textOf(page, '[data-testid="chart-ks2-progress"]');
  await page.getByTestId('file-input').setInputFiles([
    path.join(FIXTURES, 'cohorts.csv'), path.join(FIXTURES, 'ks2_2019_broken.csv'),
  ]);
  const errors = page.getByTestId('loader-errors');
  await errors.waitFor();
  const text = (await errors.textContent()).replace(/\s+/g, ' ');
  assert.ok(text.includes('ks2_2019_broken.csv, line 3, READPROG: expected a progress score or SUPP, NE, LOWCOV, NP or empty, found \u201ctwo\u201d'), text);
  assert.ok(text.includes('nothing on the page has changed'));
  assert.equal(await textOf(page, '[data-testid="chart-ks2-progress"]'), before, 'the charts are as they were');
  assert.equal(await page.getByTestId('your-data-banner').count(), 0);
  // A dataset JSON with an unknown school is refused the same way the published one would be.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-'));
  const bad = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/dataset.json'), 'utf8'));
  bad.cohorts[0].schools.push(999999);
  fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
  await page.getByTestId('file-input').setInputFiles(path.join(dir, 'bad.json'));
  await errors.filter({ hasText: 'no school with URN 999999' }).waitFor();
  assert.equal(await textOf(page, '[data-testid="chart-ks2-progress"]'), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('names with markup from a loaded file are shown as text, never run', async () => {
  const { context, page, problems } = await openPage(site.browser);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  await page.goto(site.server.url);
  await waitForCharts(page);
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/dataset.json'), 'utf8'));
  data.schools[0].name = '<img src=x onerror=alert(1)>';
  data.schools[1].name = '"><svg onload=alert(2)>';
  data.cohorts[0].name = '<script>alert(3)</script> & 🏫 مدرسة';
  const region = data.areas.find((a) => a.id === data.context.region);
  region.name = '<img src=y onerror=alert(4)> Midlands';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evil-'));
  fs.writeFileSync(path.join(dir, 'evil.json'), JSON.stringify(data));
  await page.getByTestId('file-input').setInputFiles(path.join(dir, 'evil.json'));
  await page.getByTestId('your-data-banner').waitFor();
  await page.getByTestId('cohort-select').selectOption(data.cohorts[0].id);
  await waitForCharts(page);
  const title = await page.getByTestId('chart-ks2-progress').locator('.chart-card__title').textContent();
  assert.equal(title, 'KS2 progress: <script>alert(3)</script> & 🏫 مدرسة');
  assert.equal(await page.locator('img').count(), 0, 'no img element was made from a name');
  // Only the charts are SVG: each drawing on screen and its copy for paper, none from a name.
  assert.equal(await page.locator('main [data-testid="chart-figure"] svg').count(), 8, 'the eight charts');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('main svg')]
    .filter((s) => !s.parentElement.closest('[data-testid="chart-figure"], .chart-card__paper')).length), 0, 'no SVG made from a name');
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('main [data-testid="chart-figure"], main .chart-card__paper:not(:empty)')]
    .every((d) => d.querySelectorAll('svg').length === 1)), 'none inside a drawing either');
  const trend = await page.getByTestId('chart-area-fsm').getByTestId('chart-figure').textContent();
  assert.ok(trend.includes('<img src=y onerror=alert(4)> Midlands'), 'an area name is shown as text');
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(dialogs, 0, 'nothing ran');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a figure published for a predecessor school says so in the chart, tooltip and notes', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  // The bundled data (real DfE figures): Milton Primary Academy's 2017 results were published
  // under its predecessor's URN, and the dataset says so (cohort-import --links).
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/dataset.json'), 'utf8'));
  const milton = data.schools.find((s) => s.urn === 144441);
  assert.equal(milton.ks2.find((r) => r.year === 2017)?.published_as?.urn, 123984);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pred-'));
  fs.writeFileSync(path.join(dir, 'predecessor.json'), JSON.stringify(data));
  await page.getByTestId('file-input').setInputFiles(path.join(dir, 'predecessor.json'));
  await page.getByTestId('your-data-banner').waitFor();
  await page.getByTestId('cohort-select').selectOption('compass');
  await page.getByTestId('year-select').selectOption('2017');
  await page.waitForURL(/year=2017/);
  const card = page.getByTestId('chart-ks2-progress');
  const drawn = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
  assert.ok(drawn.includes("Milton Primary Academy (predecessor's figures)"), drawn);
  assert.ok((await card.textContent()).includes('the 2017 figures were published for the predecessor school, Milton Primary School (URN 123984)'));
  await card.getByTestId('chart-figure').focus();
  await page.keyboard.press('End');
  const said = (await card.getByTestId('announcer').textContent()).trim();
  assert.ok(said.startsWith("Milton Primary Academy (predecessor's figures), 2017, maths progress: " + '\u2212' + '3.7'), said);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with DfE\'s links file, an inspection dated before a school\'s URN opened is its predecessor\'s, in the page too', async (t) => {
  const shared = path.join(ROOT, '../shared/data');
  if (!fs.existsSync(shared)) { t.skip(`${shared} is absent: the real files live there`); return; }
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
  const cohorts = path.join(dir, 'compass.csv');
  fs.writeFileSync(cohorts, 'cohort,cohort_name,joined_year,urn\ncompass,Compass Group,2016,144441\n');
  await page.getByTestId('file-input').setInputFiles([
    cohorts,
    path.join(shared, 'england_ks2_2019_schools.csv'),
    path.join(shared, 'ofsted_latest_inspections_2018-07-31.csv'),
    path.join(shared, 'stoke_school_links_2025-04-22.csv'),
  ]);
  await page.getByTestId('your-data-banner').waitFor();
  const ofsted = await textOf(page, '[data-testid="chart-ofsted"] [data-testid="chart-figure"]');
  assert.ok(ofsted.includes('Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor, Milton Primary School)'), ofsted);
  const card = await textOf(page, '[data-testid="chart-ofsted"]');
  assert.ok(card.includes("Includes the predecessor school's judgement for Milton Primary Academy"), card);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an importer that cannot start or stops says so, and the charts stay', async () => {
  for (const [what, body, expected] of [
    // Offline on a first visit, or the file missing on the server.
    ['missing', null, 'The importer could not be started'],
    // A fault in the importer itself, after it said it was ready.
    ['crashing', "self.postMessage('ready'); self.onmessage = () => { throw new Error('a fault'); };", 'The importer stopped while reading the files'],
  ]) {
    const { context, page, expect } = await openPage(site.browser);
    // The browser reports the worker's own failure in the console; nothing else may fail.
    expect(/import-worker|a fault/);
    await context.route('**/import-worker_loader.js', (route) => (body === null
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'text/javascript', body })));
    await page.goto(site.server.url);
    await waitForCharts(page);
    const before = await textOf(page, '[data-testid="chart-ks2-progress"]');
    await page.getByTestId('file-input').setInputFiles([path.join(FIXTURES, 'cohorts.csv'), path.join(FIXTURES, 'ks2_2019.csv')]);
    const errors = page.getByTestId('loader-errors');
    await errors.waitFor();
    const text = (await errors.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(expected) && text.includes('nothing on the page has changed'), `${what}: ${text}`);
    assert.equal(await textOf(page, '[data-testid="chart-ks2-progress"]'), before, `${what}: the charts are as they were`);
    await context.close();
  }
});
