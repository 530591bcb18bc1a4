// End-to-end: Stoke-on-Trent in context over time (DfE LAIT): the gap years, the neighbours in
// the table, figures at the precision published, the pupils choice in the address, and how
// the charts look on a desktop, a phone and a projector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForCharts, textOf, shotPath } from './support.mjs';

const MINUS = '\u2212';
const site = useSite();
const card = (page, id) => page.getByTestId(`chart-${id}`);

test('the progress chart over time shows the gap years and marks the cohort starts', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const drawn = await textOf(page, '[data-testid="chart-area-progress"] [data-testid="chart-figure"]');
  for (const s of ['Reading', 'Writing', 'Maths', 'No KS2 tests', 'No progress', 'Cohorts started: 7 in 2015, 5 in 2016']) {
    assert.ok(drawn.includes(s), `drawn: ${s}`);
  }
  const whole = await textOf(page, '[data-testid="chart-area-progress"]');
  assert.ok(whole.includes(`From 2016 to 2019 Stoke-on-Trent's progress fell in reading (0.0 to ${MINUS}0.9)`), 'summary from the figures');
  assert.ok(whole.includes('No KS2 assessments took place in 2020 and 2021'), 'the break note');
  assert.ok(whole.includes("DfE's 2021 grouping"), 'the neighbours grouping is named');
  assert.ok(whole.includes('Beside the 2016 figures for Stoke-on-Trent: reading progress 0.0, above West Midlands'), 'the account\'s statement beside the figures');
  assert.ok(whole.includes('It holds for reading progress but not for writing progress and maths progress.'), 'and whether it holds');
  assert.ok(whole.includes('Local Authority Interactive Tool'), 'source line names LAIT');
  await card(page, 'area-progress').screenshot({ path: shotPath('area-progress-desktop') });
  await card(page, 'area-attainment').screenshot({ path: shotPath('area-attainment-desktop') });
  await card(page, 'area-fsm').screenshot({ path: shotPath('area-fsm-desktop') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keys reach a 2019 figure with the two decimals DfE published', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  await card(page, 'area-progress').getByTestId('chart-figure').focus();
  const announcer = card(page, 'area-progress').getByTestId('announcer');
  const heard = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('ArrowRight');
    heard.push((await announcer.textContent()).trim());
  }
  assert.ok(heard[0].startsWith('Stoke-on-Trent, 2016, reading progress: 0.0'), heard[0]);
  assert.ok(heard[3].startsWith(`Stoke-on-Trent, 2019, reading progress: ${MINUS}0.91.`), heard[3]);
  assert.ok(heard[0].includes('Local Authority Interactive Tool'), heard[0]);
  assert.ok(!heard[3].includes('Source:'), `the source is said once, not on every press: ${heard[3]}`);
  const tip = card(page, 'area-progress').getByTestId('tooltip');
  assert.ok((await tip.textContent()).includes(`${MINUS}0.91`));
  await card(page, 'area-progress').screenshot({ path: shotPath('area-progress-tooltip') });
  await context.close();
});

test('the table lists every neighbour, with the gap years as not published', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(`${site.server.url}?tab=area-progress:table`);
  const table = page.getByTestId('table-area-progress');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const heads = await table.locator('thead th').evaluateAll((ths) => ths.map((t) => t.textContent.trim()));
  const y2020 = heads.indexOf('2020');
  const y2019 = heads.indexOf('2019');
  assert.ok(y2020 > 0 && y2019 > 0, heads.join('|'));
  for (const name of ['Kingston Upon Hull, City of', 'Middlesbrough', 'Tameside', 'Doncaster', 'North East Lincolnshire', 'Walsall', 'Barnsley', 'Rochdale', 'Rotherham', 'Blackpool']) {
    assert.ok(rows.some((r) => r[0] === name && r[1].startsWith('Statistical neighbour')), `${name} is a row`);
  }
  assert.ok(rows.every((r) => r[y2020] === 'not published'), '2020 is not published for every area');
  const stoke = rows.find((r) => r[0] === 'Stoke-on-Trent' && r[2] === 'Reading');
  assert.equal(stoke[y2019], `${MINUS}0.91`);
  assert.equal(stoke[heads.indexOf('2016')], '0.0');
  await context.close();
});

test('the pupils choice and subject are in the address, and a link restores them', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(`${site.server.url}?subject=maths&pupils=disadvantaged&chart=area-progress`);
  await waitForCharts(page);
  assert.equal(await page.getByTestId('pupils-select').inputValue(), 'disadvantaged');
  assert.equal(await page.getByTestId('subject-select').inputValue(), 'maths');
  const title = await card(page, 'area-progress').locator('.chart-card__title').textContent();
  assert.ok(title.includes('disadvantaged pupils'), title);
  const drawn = await textOf(page, '[data-testid="chart-area-progress"] [data-testid="chart-figure"]');
  assert.ok(drawn.includes('Maths') && !drawn.includes('Reading'), 'one subject panel');
  await page.getByTestId('pupils-select').selectOption('non-disadvantaged');
  await page.waitForURL(/pupils=non-disadvantaged/);
  assert.ok((await card(page, 'area-progress').locator('.chart-card__title').textContent()).includes('non-disadvantaged pupils'));
  await page.goBack();
  await page.waitForURL(/pupils=disadvantaged/);
  assert.equal(await page.getByTestId('pupils-select').inputValue(), 'disadvantaged');
  await context.close();
});

test('hiding the neighbours from the legend removes them and keeps them in the link', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const item = card(page, 'area-fsm').locator('.legend__item[data-series="neighbours"]');
  assert.equal(await item.textContent(), '10 statistical neighbours');
  await item.click();
  await page.waitForURL(/hide=neighbours/);
  const drawn = await textOf(page, '[data-testid="chart-area-fsm"] [data-testid="chart-figure"]');
  assert.ok(!drawn.includes("Neighbours' median"), 'no median label');
  assert.equal(await item.getAttribute('aria-pressed'), 'false');
  await context.close();
});

test('on a phone and on a projector the area charts fit and read', async () => {
  const phone = await openPage(site.browser, { width: 360, height: 740 });
  await phone.page.goto(site.server.url);
  await waitForCharts(phone.page);
  const box = await card(phone.page, 'area-progress').getByTestId('chart-figure').boundingBox();
  assert.ok(box.width <= 360 && box.height > 600, `stacked panels: ${JSON.stringify(box)}`);
  await card(phone.page, 'area-progress').screenshot({ path: shotPath('area-progress-phone') });
  await phone.context.close();

  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 720 });
  await page.goto(`${site.server.url}?present&deck=area-progress:all,area-attainment:all,area-fsm:all&theme=contrast`);
  await page.getByTestId('slide-figure').waitFor();
  assert.ok((await page.getByTestId('slide-figure').textContent()).includes('No KS2 tests'));
  const slide = await page.getByTestId('slide-figure').locator('svg').boundingBox();
  assert.ok(slide.y + slide.height <= 720 && slide.x + slide.width <= 1280, `the slide's chart fits the screen: ${JSON.stringify(slide)}`);
  await page.screenshot({ path: shotPath('area-progress-presenter') });
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/slide=2/);
  await page.screenshot({ path: shotPath('area-attainment-presenter') });
  assert.deepEqual(problems, []);
  await context.close();
});
