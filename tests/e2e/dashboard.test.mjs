// End-to-end: the release build in headless Chromium, checked for what a person sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useSite, openPage, waitForCharts, startApp, textOf, shotPath } from './support.mjs';

const MINUS = '\u2212';
const dataset = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/dataset.json'), 'utf8'));
const site = useSite();

const CHARTS = ['ks2-progress', 'schools-over-time', 'area-progress', 'area-attainment', 'disadvantaged', 'area-fsm', 'ofsted', 'inspections'];

test('the page loads with no console error and draws all three charts', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  for (const id of CHARTS) {
    const figure = page.locator(`[data-testid="chart-${id}"] [data-testid="chart-figure"]`);
    const box = await figure.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, `${id} has a drawn area: ${JSON.stringify(box)}`);
    const marks = await figure.locator('svg rect, svg circle').count();
    assert.ok(marks > 3, `${id} draws marks (${marks} rects and circles)`);
    await figure.screenshot({ path: shotPath(`chart-${id}-desktop`) });
  }
  await page.screenshot({ path: shotPath('page-desktop'), fullPage: true });
  // Marks for the benchmark harness: first chart, each chart, then all charts.
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  for (const m of ['cohort-dashboard:first-chart', 'cohort-dashboard:chart:ks2-progress', 'cohort-dashboard:chart:ofsted', 'cohort-dashboard:all-charts']) {
    assert.ok(marks.includes(m), `${m} in ${marks}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the seed figures are visible, each chart with its source line', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const progress = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
  // The schools' year: DfE's 2019 figures for the areas, at the two places published; England
  // once, at DfE's +0.03.
  for (const s of ['Stoke-on-Trent (2019)', `${MINUS}0.91`, `${MINUS}0.42`, 'West Midlands (2019)', 'England (2019)', '+0.03']) {
    assert.ok(progress.includes(s), `KS2 chart shows ${s}`);
  }
  assert.ok(!progress.includes('England (2019)0.0'), 'no second England figure');
  const dis = await textOf(page, '[data-testid="chart-disadvantaged"] [data-testid="chart-figure"]');
  for (const s of [`${MINUS}1.29`, `${MINUS}0.62`, '25.2%', '15.8%']) {
    assert.ok(dis.includes(s), `disadvantaged chart shows ${s}`);
  }
  const ofsted = await textOf(page, '[data-testid="chart-ofsted"] [data-testid="chart-figure"]');
  assert.ok(ofsted.includes('16 programme schools inspected since 2015 (n = 16)'));
  assert.ok(ofsted.includes('Good 76% (12)'), 'programme: 12 of 16 Good, at the share it printed');
  assert.ok(ofsted.includes('n = 16,669'), 'England primaries counted');
  assert.equal(await page.getByTestId('fact-cohorts').textContent(), '12');
  assert.equal(await page.getByTestId('fact-schools').textContent(), '55');
  const lines = {
    'ks2-progress': 'Local Authority Interactive Tool',
    disadvantaged: 'Local Authority Interactive Tool',
    ofsted: 'Ofsted, Management information',
  };
  for (const [id, publisher] of Object.entries(lines)) {
    const line = await textOf(page, `[data-testid="chart-${id}"] [data-testid="source-line"]`);
    assert.ok(line.startsWith('Source:') && line.includes(publisher), `${id} source line: ${line}`);
  }
  // The statement without figures is kept as words, beside the figures that test it.
  const notes = await textOf(page, '[data-testid="chart-ks2-progress"]');
  assert.ok(notes.includes('\u201cabove West Midlands and statistical neighbours\u201d; it gives no figures for either. Beside the 2016 figures'));
  await context.close();
});

test('the cohort selector changes every per-cohort chart, for every cohort', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const select = page.getByTestId('cohort-select');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, ['all', ...dataset.cohorts.map((c) => c.id)]);
  for (const cohort of dataset.cohorts) {
    await select.selectOption(cohort.id);
    const title = page.locator('[data-testid="chart-ks2-progress"] .chart-card__title');
    await assert.doesNotReject(title.filter({ hasText: cohort.name }).waitFor());
    const progress = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
    const members = dataset.schools.filter((s) => cohort.schools.includes(s.urn));
    const others = dataset.schools.filter((s) => !cohort.schools.includes(s.urn));
    for (const s of members) {
      const short = s.name.replace(/ School$/, '');
      assert.ok(progress.includes(short), `${cohort.id}: ${short} drawn`);
    }
    for (const s of others) {
      const short = s.name.replace(/ School$/, '');
      assert.ok(!progress.includes(short), `${cohort.id}: ${short} not drawn`);
    }
    const ofsted = await textOf(page, '[data-testid="chart-ofsted"] [data-testid="chart-figure"]');
    // Fewer than five schools: each named, never a share.
    const many = members.length === 1 ? 'school' : 'schools';
    assert.ok(ofsted.includes(`${members.length} ${many}, each at its latest inspection`), `${cohort.id}: its own Ofsted row`);
    for (const s of members) {
      assert.ok(ofsted.includes(s.name.replace(/ School$/, '')), `${cohort.id}: ${s.name} named in the Ofsted chart`);
    }
    const card = await textOf(page, '[data-testid="chart-ofsted"]');
    // The caveat is about the latest inspection, the one the chart counts.
    const latest = (m) => [...m.ofsted].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    for (const s of members.filter((m) => latest(m)?.predecessor)) {
      const caveat = card.match(/Includes the predecessor school's judgement for ([^:]+):/);
      assert.ok(caveat && caveat[1].includes(s.name), `${s.name}: predecessor caveat shown`);
    }
    const dis = await textOf(page, '[data-testid="chart-disadvantaged"]');
    const derived = dis.includes(`${cohort.name}'s bar is derived, not a DfE figure`);
    assert.ok(derived || dis.includes(`No disadvantaged-pupil figures are published for ${cohort.name}'s schools`), `${cohort.id}: what the disadvantaged chart has of it`);
    for (const id of CHARTS) {
      await page.locator(`[data-testid="chart-${id}"] [data-testid="chart-figure"]`)
        .screenshot({ path: shotPath(`chart-${id}-${cohort.id}`) });
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the table tab lists the same figures as the chart, one tap away', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const card = page.getByTestId('chart-ks2-progress');
  await card.getByTestId('tab-table').click();
  const rows = await page.getByTestId('table-ks2-progress').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const stoke = rows.filter((r) => r[0] === 'Stoke-on-Trent').map((r) => r.slice(2, 4));
  assert.deepEqual(stoke, [['Reading', `${MINUS}0.91`], ['Writing', `${MINUS}0.42`], ['Maths', `${MINUS}0.65`]]);
  const abbey = rows.filter((r) => r[0] === 'Abbey Hulton Primary').map((r) => r[3]);
  assert.deepEqual(abbey, [`${MINUS}5.9`, `${MINUS}0.2`, `${MINUS}4.7`]);
  await card.getByTestId('tab-chart').click();
  const chart = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
  for (const value of abbey) assert.ok(chart.includes(value));
  await context.close();
});

for (const [name, width, height] of [['phone', 360, 780], ['projector', 1920, 1080]]) {
  test(`at ${width} px (${name}) nothing scrolls sideways and every chart fits`, async () => {
    const { context, page, problems } = await openPage(site.browser, { width, height });
    await page.goto(site.server.url);
    await waitForCharts(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    for (const id of CHARTS) {
      const figure = page.locator(`[data-testid="chart-${id}"] [data-testid="chart-figure"]`);
      const box = await figure.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${id} fits: ${JSON.stringify(box)}`);
      // The drawing is made for the width it is shown at, so its text is not scaled down.
      const drawn = await figure.locator('svg').getAttribute('width');
      assert.ok(Math.abs(Number(drawn) - box.width) <= 2, `${id} drawn at ${drawn}px, shown at ${box.width}px`);
      await figure.screenshot({ path: shotPath(`chart-${id}-${name}`) });
    }
    await page.screenshot({ path: shotPath(`page-${name}`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** Loads the page with the dataset request answered by `respond`, returns the error text. */
async function errorShownFor(respond) {
  const { context, page, problems, expect } = await openPage(site.browser);
  // The browser reports a failed fetch of the data itself; the test looks for panics below.
  expect(/Failed to load resource/);
  await page.route('**/data/dataset.json', respond);
  await page.goto(site.server.url);
  // The static view is of the data the site was built with; the app reads the served file.
  await startApp(page);
  const panel = page.getByTestId('load-error');
  await panel.waitFor({ timeout: 20000 });
  const text = (await panel.textContent()).replace(/\s+/g, ' ');
  const panics = problems.filter((p) => /panicked|unreachable|RuntimeError/.test(p));
  assert.deepEqual(panics, [], 'no panic reaches the console');
  assert.equal(await page.locator('[data-testid="chart-figure"]').count(), 0, 'no chart drawn from bad data');
  await context.close();
  return text;
}

test('a missing dataset says so, with the status', async () => {
  const text = await errorShownFor((route) => route.fulfill({ status: 404, body: 'nope' }));
  assert.ok(text.includes('data/dataset.json could not be fetched: the server answered 404'), text);
  assert.ok(text.includes('The data file is not on the server (it answered 404, not found).'), text);
});

test('a dataset that is not JSON names the line and column', async () => {
  const text = await errorShownFor((route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{\n "schema_version": 1,\n oops' }));
  assert.ok(text.includes('The dashboard\'s data file has errors'), text);
  assert.ok(/line 3 column \d+/.test(text), text);
});

test('a cohort naming an unknown school is refused with the place named', async () => {
  const broken = structuredClone(dataset);
  broken.cohorts[2].schools = [144441, 999999];
  broken.fsm[0].percent = 230;
  const text = await errorShownFor((route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }));
  assert.ok(text.includes('cohorts[2].schools[1]: unknown URN 999999'), text);
  assert.ok(text.includes('fsm[0].percent: 230 is out of range'), text);
  // Every problem, in plain words first; the JSON paths are under "Details".
  assert.ok(text.includes('Cohort 3, school 2: no school with URN 999999 is in the file\'s list of schools.'), text);
  assert.ok(text.includes('Free school meals figure 1, percent: 230 is out of range'), text);
});

test('an unsupported schema version says which version the dashboard reads', async () => {
  const text = await errorShownFor((route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...dataset, schema_version: 3 }) }));
  assert.ok(text.includes('schema_version 3 is not supported: this dashboard reads version 2'), text);
});

test('a version 1 file is told how to come up to date', async () => {
  const text = await errorShownFor((route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...dataset, schema_version: 1 }) }));
  assert.ok(text.includes('Version 2 adds the area series over time and changes nothing else: set schema_version to 2'), text);
});
