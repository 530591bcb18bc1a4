// End-to-end: what a reader and a screen-reader user take from the page's words. No file
// names, source ids or ISO dates in the text a person reads (drawings included), no brackets
// inside brackets, and each chart's title heard once as its heading and at most once more as
// the chart's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSite, openPage, waitForApp, waitForCharts, startApp, eachSlide, ROOT } from './support.mjs';

const site = useSite();
const CHARTS = ['ks2-progress', 'schools-over-time', 'area-progress', 'area-attainment', 'disadvantaged', 'area-fsm', 'ofsted', 'inspections'];
const tabsAll = (tab) => `tab=${CHARTS.map((c) => `${c}:${tab}`).join(',')}`;
const SOURCE_IDS = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/dataset.json'), 'utf8')).sources.map((s) => s.id);

/** Every text a person meets: the page's text, SVG labels, names given by aria-label and titles. */
async function wordsOf(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript, textarea, [hidden]')) continue;
      const t = n.textContent.trim();
      if (t) out.push(t);
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      out.push(el.getAttribute('aria-label') || '', el.getAttribute('title') || '');
    }
    return out.filter(Boolean);
  });
}

/** Problems a reader would meet in one piece of text. */
function plainWordProblems(text) {
  const out = [];
  const iso = text.match(/\b\d{4}-\d{2}-\d{2}\b/);
  if (iso) out.push(`an ISO date ${iso[0]}`);
  const file = text.match(/\b[\w-]+\.(csv|json|xlsx)\b/i);
  if (file) out.push(`a file name ${file[0]}`);
  if (/seed document/i.test(text)) out.push('"seed document"');
  for (const id of SOURCE_IDS) if (text.includes(`[${id}]`) || text.includes(`(${id})`)) out.push(`the source id ${id}`);
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (depth > 1) { out.push('brackets inside brackets'); break; }
  }
  return out.map((p) => `${p} in "${text.slice(0, 160)}"`);
}

const VIEWS = [
  ['the default page', ''],
  ['ESPRIT', '?cohort=esprit'],
  ['Compass Group', '?cohort=compass'],
  ['every table', `?${tabsAll('table')}`],
  ['every sources tab', `?cohort=seven-stars&${tabsAll('sources')}`],
  ['an embed', '?embed&chart=ofsted'],
];

for (const [name, query] of VIEWS) {
  test(`plain words: ${name} has no file names, source ids, ISO dates or nested brackets`, async () => {
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(`${site.server.url}${query}`);
    // The prerendered view (the default page, an embed of it) as read before the app is asked for.
    const words = [];
    if (await page.evaluate(() => document.documentElement.classList.contains('prerendered'))) {
      await page.waitForFunction(() => performance.getEntriesByName('cohort-dashboard:all-charts').length > 0);
      words.push(...await wordsOf(page));
      await startApp(page);
    }
    await waitForApp(page);
    const found = [...words, ...await wordsOf(page)].flatMap(plainWordProblems);
    assert.deepEqual([...new Set(found)], []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('plain words: every slide of the deck, and every tooltip of the Ofsted chart', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 800 });
  await page.goto(`${site.server.url}?present&cohort=compass`);
  const found = [];
  await eachSlide(page, async () => {
    found.push(...(await wordsOf(page)).flatMap(plainWordProblems));
  });
  await page.goto(`${site.server.url}?cohort=compass`);
  await waitForCharts(page);
  const figure = page.getByTestId('chart-ofsted').getByTestId('chart-figure');
  await figure.focus();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('ArrowDown');
    found.push(...plainWordProblems(await page.getByTestId('tooltip').textContent()));
  }
  assert.deepEqual([...new Set(found)], []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a screen reader hears each chart\'s finding as its heading, and its title at most twice (under it, and as the chart\'s name)', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  for (const id of CHARTS) {
    const card = page.getByTestId(`chart-${id}`);
    if (!(await card.count())) continue;
    const title = (await card.locator('.chart-card__title').textContent()).trim();
    // Download buttons name what they download ("Download … as CSV"), as they should.
    const tree = (await card.ariaSnapshot()).split('\n').filter((l) => !l.includes('button "Download ')).join('\n');
    const times = tree.split(title).length - 1;
    assert.ok(times <= 2, `${id}: "${title}" is in the accessibility tree ${times} times:\n${tree.split("\n").filter((l) => l.includes(title)).join("\n")}`);
    const finding = (await card.getByTestId('finding').textContent()).trim();
    assert.match(tree, new RegExp(`heading "${finding.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), `${id}: the finding is the heading`);
    // The keys are explained once, in the hint the drawing points to.
    assert.equal(tree.split('Home and End').length - 1, 1, `${id}: the keys are explained once`);
  }
  await context.close();
});
