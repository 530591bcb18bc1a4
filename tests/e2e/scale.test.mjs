// End-to-end: a large dataset. 2,000 made-up schools (synthetic, made here by code and titled
// as such) in one cohort: the progress chart draws them as a histogram per subject, not a bar
// each, the table shows its first 500 rows and says so, and the page stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, useSite, openPage, waitForCharts, textOf, shotPath } from './support.mjs';

const site = useSite();
const N = 2000;

function syntheticDataset() {
  const d = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/dataset.json'), 'utf8'));
  d.title = `SYNTHETIC test data: ${N} made-up schools`;
  d.programme.schools_total.value = N;
  const template = d.schools.find((s) => s.ks2.length);
  d.schools = Array.from({ length: N }, (_, i) => ({
    ...template,
    urn: 800000 + i,
    name: `Synthetic School ${i + 1}`,
    ks2: [{ ...template.ks2[0], reading: { value: ((i % 81) - 40) / 10 }, writing: { value: ((i % 61) - 30) / 10 }, maths: { value: ((i % 41) - 20) / 10 } }],
  }));
  d.cohorts = [{ ...d.cohorts[0], id: 'synthetic', name: 'Synthetic cohort', schools: d.schools.map((s) => s.urn) }];
  return JSON.stringify(d);
}

test(`${N} schools: a histogram per subject, a table that says it is cut, no bar per school`, async () => {
  const { context, page, problems } = await openPage(site.browser);
  const body = syntheticDataset();
  await page.route('**/data/dataset.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`${site.server.url}?cohort=synthetic`);
  await waitForCharts(page);
  const chart = page.getByTestId('chart-ks2-progress');
  const svg = chart.locator('[data-testid="chart-figure"] svg');
  assert.equal(await svg.locator('polygon').count(), 3, 'one histogram per subject');
  const text = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
  assert.match(text, /2,000 schools/);
  assert.match(text, /median/);
  assert.doesNotMatch(text, /Synthetic School/, 'no row per school');
  const box = await svg.boundingBox();
  assert.ok(box.height < 500, `the chart is ${box.height} px tall`);
  // The pointer finds a bin and says how many schools it holds.
  await chart.getByTestId('chart-figure').focus();
  await page.keyboard.press('End');
  assert.match(await page.getByTestId('tooltip').textContent(), /of 2,000 schools with a published score/);
  await page.screenshot({ path: shotPath('scale-2000-histogram') });
  // The table: 500 rows shown, and a line that says the CSV has all of them.
  await chart.getByTestId('tab-table').click();
  const table = page.getByTestId('table-ks2-progress');
  await table.waitFor();
  assert.ok(await table.locator('tbody tr').count() <= 500);
  assert.match(await chart.getByTestId('table-cut').first().textContent(), /Showing the first 500 of 6,00\d rows\. The CSV download has them all\./);
  assert.deepEqual(problems, []);
  await context.close();
});
