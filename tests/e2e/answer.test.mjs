// End-to-end: the answer first. The first screen of a laptop answers the page's question with
// figures, before and after the app; each sentence links to the card that shows it; a phone
// reads it in two screens; each card's finding follows the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForCharts, waitForApp, shotPath } from './support.mjs';

const site = useSite();
const FIGURE = /[−+]?\d+\.\d\d?\b|\d+%/;

test('the first screen at 1366×768 answers the question with figures, static and in the app', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1366, height: 768 });
  await page.goto(site.server.url);
  for (const where of ['#prerender', '#app']) {
    if (where === '#app') await waitForApp(page);
    const answer = page.locator(`${where} .answer`);
    await answer.waitFor();
    const question = await answer.locator('h2').textContent();
    assert.match(question, /^How does Stoke-on-Trent compare, and did it change after the cohorts started in 2015 and 2016\?$/);
    const first = answer.locator('.answer__point').first();
    const text = await first.textContent();
    assert.match(text, /2016 to 2019/);
    assert.match(text, FIGURE, text);
    const box = await first.boundingBox();
    assert.ok(box.y + box.height <= 768, `${where}: the first point ends at ${box.y + box.height}px, below the first screen`);
    await page.screenshot({ path: shotPath(`answer-first-screen-${where.slice(1)}`) });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('each sentence of the answer links to the card that shows it', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(site.server.url);
  await waitForCharts(page);
  const links = page.locator('#app .answer__link');
  const n = await links.count();
  assert.ok(n >= 4, `${n} links`);
  for (let i = 0; i < n; i += 1) {
    const link = links.nth(i);
    const target = (await link.getAttribute('href')).slice(1);
    const name = await link.textContent();
    await link.click();
    const card = page.locator(`#app #${target}`);
    await page.waitForFunction((id) => {
      const r = document.querySelector(`#app #${id}`)?.getBoundingClientRect();
      return r && r.top >= -2 && r.top < innerHeight / 2;
    }, target);
    // The card it names is the card it goes to.
    const title = await card.locator('.chart-card__title').textContent();
    assert.ok(title.length > 0 && name.length > 0, `${name} → ${title}`);
    await page.evaluate(() => scrollTo(0, 0));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the answer reads in two screens', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
  await page.goto(site.server.url);
  await waitForCharts(page);
  const box = await page.locator('#app .answer').boundingBox();
  assert.ok(box.height <= 2 * 844, `${box.height}px: more than two screens`);
  await page.locator('#app .answer').screenshot({ path: shotPath('answer-phone') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('each card says what it shows in a finding, and the finding follows the view', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  const findings = async (query) => {
    await page.goto(`${site.server.url}${query}`);
    await waitForCharts(page);
    const cards = page.locator('#app .chart-card');
    const out = {};
    for (let i = 0; i < await cards.count(); i += 1) {
      const c = cards.nth(i);
      out[await c.getAttribute('id')] = await c.getByTestId('finding').textContent();
    }
    return out;
  };
  const all = await findings('');
  assert.equal(Object.keys(all).length, 8);
  for (const [id, f] of Object.entries(all)) {
    assert.match(f, /\d/, `${id}: a finding with its figures: ${f}`);
    assert.ok(f.split(/\s+/).length <= 45, `${id}: one line of a headline, not a paragraph: ${f}`);
  }
  const esprit = await findings('?cohort=esprit');
  assert.notEqual(esprit['ks2-progress'], all['ks2-progress'], 'another cohort, another finding');
  assert.notEqual(esprit.ofsted, all.ofsted);
  const maths = await findings('?subject=maths');
  assert.match(maths['area-progress'], /maths/, maths['area-progress']);
  assert.doesNotMatch(maths['area-progress'], /reading/, maths['area-progress']);
  assert.deepEqual(problems, []);
  await context.close();
});
