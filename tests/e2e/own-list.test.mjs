// End-to-end: an analyst's own list of 55 real Stoke-on-Trent schools in 12 cohorts (the
// membership is SYNTHETIC, made here from the census file; the figures are DfE's and Ofsted's
// own files in ../shared/data), saved the way Excel saves it (Windows line ends, Windows-1252),
// loaded in the page: every card draws, and no wording meant for the published data remains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, useSite, openPage, waitForCharts, textOf, checkDeckFits } from './support.mjs';

const SHARED = path.resolve(ROOT, '..', 'shared', 'data');
const site = useSite();
const present = fs.existsSync(path.join(SHARED, 'england_ks2_2019_schools.csv'));

test('a 55-school list with DfE\'s and Ofsted\'s files draws every card and speaks of your data', { skip: !present && `${SHARED} is absent` }, async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const census = fs.readFileSync(path.join(SHARED, 'stoke_school_census_2019.csv'), 'utf8').split(/\r?\n/).slice(1);
  const ks2 = new Set(fs.readFileSync(path.join(SHARED, 'england_ks2_2019_schools.csv'), 'utf8').split(/\r?\n/).map((l) => l.split(',')[1]));
  const urns = census.map((l) => l.split(',')).filter((f) => f[1] === '861' && /primary/i.test(f[3]) && ks2.has(f[0])).map((f) => f[0]).slice(0, 55);
  assert.equal(urns.length, 55);
  // SYNTHETIC membership: 12 made-up cohorts, the first of 30 schools and the rest of two or
  // three. Windows-1252 (0x92 is a right quote) and CRLF.
  const cohortOf = (i) => (i < 30 ? 1 : ((i - 30) % 11) + 2);
  const rows = urns.map((u, i) => `c${cohortOf(i)},Test cohort ${cohortOf(i)} St Mary\x92s,${2015 + (i % 2)},${u}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-list-'));
  const list = path.join(dir, 'our-55-schools.csv');
  fs.writeFileSync(list, Buffer.from(['cohort,cohort_name,joined_year,urn', ...rows].join('\r\n') + '\r\n,,,\r\n', 'latin1'));
  await page.getByTestId('file-input').setInputFiles([
    list, path.join(SHARED, 'england_ks2_2019_schools.csv'), path.join(SHARED, 'ofsted_latest_inspections_2018-07-31.csv'),
  ]);
  await page.getByTestId('your-data-notice').waitFor();
  await waitForCharts(page);
  // Focus lands on the notice that names the files, at the top of the page.
  await page.waitForFunction(() => document.activeElement?.id === 'your-data-notice');
  const notice = await page.getByTestId('your-data-notice').textContent();
  assert.ok(notice.includes('our-55-schools.csv') && notice.includes('not the published figures'), notice);
  const options = await page.getByTestId('cohort-select').locator('option').allTextContents();
  assert.equal(options[0], 'All programme schools (55 schools)');
  assert.ok(options.includes('Test cohort 1 St Mary\u2019s (30 schools)'), options.join(' | '));
  const whole = await textOf(page, 'body');
  for (const bundled of ['Published figures only', 'named in published documents', 'named schools', '16 inspected', '(named)', ' named)']) {
    assert.ok(!whole.includes(bundled), `bundled wording remains: ${bundled}`);
  }
  for (const id of ['ks2-progress', 'disadvantaged', 'ofsted', 'inspections']) {
    const card = page.getByTestId(`chart-${id}`);
    if (await card.count() === 0) continue;
    const title = await card.locator('.chart-card__title').textContent();
    assert.ok(!/:\s+and /.test(title) && !title.endsWith(': '), `${id}: title ${title}`);
    const marks = await card.getByTestId('chart-figure').locator('svg rect, svg circle, svg polygon').count();
    assert.ok(marks > 3, `${id} draws (${marks} marks)`);
    const text = await card.textContent();
    assert.ok(text.includes('Your data, from our-55-schools.csv'), `${id}: the source line names your data`);
  }
  const ofsted = await textOf(page, '[data-testid="chart-ofsted"] [data-testid="chart-figure"]');
  assert.ok(/All programme schools \(n\s=\s\d+\)/.test(ofsted), ofsted.slice(0, 300));
  const summary = await page.getByTestId('loader-summary').textContent();
  assert.ok(summary.includes('england_ks2_2019_schools.csv: KS2 2019, from its name'), summary);
  // On a 1024×768 projector the 30 schools' progress chart becomes several slides, each fitting
  // with text a hall can read, every school on one of them.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('cohort-select').selectOption('c1');
  await page.getByTestId('present').click();
  const titles = await checkDeckFits(page, 1024, 768, (i) => (i <= 4 ? `own-list-slide-${i}` : null));
  const parts = titles.filter((t) => /^KS2 progress.*, schools \d+–\d+ of 30$/.test(t));
  assert.ok(parts.length >= 2, titles.join(' | '));
  assert.ok(parts[0].includes('schools 1–') && parts.at(-1).includes('–30 of 30'), parts.join(' | '));
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 900 });
  // The address says the view is of someone's own data; reopened, it says what it shows.
  await page.getByTestId('cohort-select').selectOption('c3');
  await page.waitForURL(/cohort=c3.*yours|yours.*cohort=c3/);
  const reopened = await context.newPage();
  await reopened.goto(page.url());
  await waitForCharts(reopened);
  const told = await reopened.getByTestId('link-notice').textContent();
  assert.ok(told.includes('made while someone was looking at their own data'), told);
  assert.deepEqual(problems, []);
  await context.close();
});
