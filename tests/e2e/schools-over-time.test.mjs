// End-to-end: the schools over time and their inspection journeys, on the bundled (real) DfE
// and Ofsted figures: a 2017 figure in a tooltip with its pupils, a predecessor's figure marked
// as such, the like-for-like rule, and the inspection time line in the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForCharts, textOf, shotPath } from './support.mjs';

const site = useSite();
const card = (page, id) => page.getByTestId(`chart-${id}`);

test('a school\'s 2017 figure is read out with its pupils, and a predecessor\'s is marked', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=compass`);
  await waitForCharts(page);
  await card(page, 'schools-over-time').getByTestId('chart-figure').focus();
  const announcer = card(page, 'schools-over-time').getByTestId('announcer');
  const heard = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('ArrowRight');
    heard.push((await announcer.textContent()).trim());
  }
  const y2017 = heard.find((h) => h.startsWith('Milton Primary Academy, 2017'));
  assert.ok(y2017, heard.join(' | '));
  assert.ok(y2017.includes('31 pupils'), y2017);
  assert.ok(y2017.includes('published for the predecessor school, Milton Primary School (URN 123984)'), y2017);
  const tip = await card(page, 'schools-over-time').getByTestId('tooltip').textContent();
  assert.ok(tip.includes('pupils'), tip);
  const whole = await textOf(page, '[data-testid="chart-schools-over-time"]');
  assert.ok(whole.includes('Like-for-like group: for each school of the cohort'), 'the rule is shown');
  assert.ok(whole.includes('may include programme schools whose membership is not published'));
  assert.ok(whole.includes('In 2016, the Stoke-on-Trent schools'), 'the 2016 caveat');
  await card(page, 'schools-over-time').screenshot({ path: shotPath('schools-over-time-compass') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the inspection journeys table lists each graded inspection with its predecessor', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=esprit&tab=inspections:table`);
  const table = page.getByTestId('table-inspections');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const junior = rows.filter((r) => r[0] === 'Alexandra Junior School');
  assert.ok(junior.length >= 4, JSON.stringify(junior));
  assert.ok(junior.some((r) => r[1] === '8 February 2011' && r[2] === 'Satisfactory' && r[4].includes('124033')), JSON.stringify(junior));
  await context.close();
});

test('the seven stars journeys are drawn with the grades and the programme start', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=seven-stars`);
  await waitForCharts(page);
  const drawn = await textOf(page, '[data-testid="chart-inspections"] [data-testid="chart-figure"]');
  for (const s of ['Etruscan Primary School', 'Inadequate', 'Requires improvement']) {
    assert.ok(drawn.includes(s), `drawn: ${s}`);
  }
  // The summary counts the journeys (three schools); the table gives each inspection.
  const whole = await textOf(page, '[data-testid="chart-inspections"]');
  assert.ok(whole.includes('Of 3 schools, against the judgement in force in September 2015, the latest was: 2 better, 1 the same and 0 worse.'), whole);
  await card(page, 'inspections').getByTestId('tab-table').click();
  const rows = await card(page, 'inspections').locator('[data-testid="table-inspections"] tbody tr').allTextContents();
  const etruscan = rows.filter((r) => r.startsWith('Etruscan Primary School'));
  for (const [grade, year] of [['Satisfactory', '2008'], ['Good', '2010'], ['Inadequate', '2013'], ['Requires improvement', '2015'], ['Good', '2017']]) {
    assert.ok(etruscan.some((r) => r.includes(grade) && r.includes(year)), `Etruscan: ${grade} in ${year}: ${etruscan.join(' | ')}`);
  }
  await card(page, 'inspections').getByTestId('tab-chart').click();
  await card(page, 'inspections').screenshot({ path: shotPath('inspections-seven-stars') });
  await context.close();
});
