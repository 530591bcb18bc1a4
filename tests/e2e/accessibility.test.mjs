// End-to-end: the accessibility gate. axe-core's WCAG 2.0/2.1/2.2 A and AA rules over every
// view, tab, theme and mode, and reflow (WCAG 1.4.10): at 320 CSS px wide and at 200% zoom
// nothing is lost and the page never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForCharts, axeViolations, shotPath } from './support.mjs';

const site = useSite();
const CHARTS = ['ks2-progress', 'schools-over-time', 'area-progress', 'area-attainment', 'disadvantaged', 'area-fsm', 'ofsted', 'inspections'];
const tabsAll = (tab) => `tab=${CHARTS.map((c) => `${c}:${tab}`).join(',')}`;

const VIEWS = [
  ['page, chart tabs, a tooltip open', (t) => `?theme=${t}`, 'tooltip'],
  ['page, table tabs', (t) => `?theme=${t}&${tabsAll('table')}`],
  ['page, sources tabs', (t) => `?theme=${t}&${tabsAll('sources')}`],
  ['embed, all charts, with selector', (t) => `?theme=${t}&embed&selector=1`],
  ['embed, one chart', (t) => `?theme=${t}&embed&chart=ofsted`],
  ['presenter, a chart\'s slide', (t) => `?theme=${t}&present&slide=2`, 'slide'],
];

for (const theme of ['light', 'contrast', 'dark']) {
  for (const [name, query, extra] of VIEWS) {
    test(`axe: no WCAG A/AA violation: ${name}, ${theme} theme`, async () => {
      const { context, page, problems } = await openPage(site.browser);
      await page.goto(`${site.server.url}${query(theme)}`);
      if (extra === 'slide') await page.getByTestId('slide-figure').waitFor();
      else await page.locator('[data-testid^="chart-"]').first().waitFor();
      if (extra === 'tooltip') {
        await waitForCharts(page);
        await page.getByTestId('chart-ks2-progress').getByTestId('chart-figure').focus();
        await page.keyboard.press('ArrowRight');
        await page.getByTestId('tooltip').waitFor();
      }
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('axe: no WCAG A/AA violation on a phone', async () => {
  const { context, page } = await openPage(site.browser, { width: 360, height: 740 });
  await page.goto(site.server.url);
  await waitForCharts(page);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

/**
 * What a reader at this width would lose: sideways scrolling of the page, and any control,
 * heading, chart or summary that sticks out past the right edge. Tables may scroll inside
 * their own focusable region (WCAG allows two-dimensional scrolling for data tables).
 */
async function reflowProblems(page) {
  return page.evaluate(() => {
    const out = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px content in ${vw} px`);
    const inTable = (el) => el.closest('.data-table__scroll');
    for (const el of document.querySelectorAll('h1, h2, h3, p, label, select, button, summary, [data-testid="chart-figure"], svg, li, textarea')) {
      if (inTable(el) || el.closest('[hidden]') || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > vw + 1 || r.left < -1) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} px of ${vw}`);
    }
    return out;
  });
}

for (const [name, viewport] of [
  ['320 CSS px wide', { width: 320, height: 640, dpr: 1 }],
  // A 1280 × 900 window at 200% zoom lays out as 640 × 450 CSS px at two device pixels each.
  ['200% zoom of a 1280 px window', { width: 640, height: 450, dpr: 2 }],
]) {
  test(`reflow at ${name}: every tab, nothing cut off, no sideways scrolling`, async () => {
    const { context, page, problems } = await openPage(site.browser, { width: viewport.width, height: viewport.height, deviceScaleFactor: viewport.dpr });
    for (const tab of ['chart', 'table', 'sources']) {
      await page.goto(`${site.server.url}?${tabsAll(tab)}`);
      await page.locator('[data-testid="chart-ofsted"]').waitFor();
      if (tab === 'chart') await waitForCharts(page);
      assert.deepEqual(await reflowProblems(page), [], `${tab} tab`);
      // Nothing lost: each chart still has its title and its summary.
      for (const id of CHARTS) {
        const card = page.getByTestId(`chart-${id}`);
        assert.ok((await card.locator('.chart-card__title').textContent()).trim().length > 0);
        assert.match(await card.getByTestId('summary').textContent(), /\w/);
      }
      if (tab === 'chart') await page.screenshot({ path: shotPath(`reflow-${viewport.width}`), fullPage: true });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('each chart is named by its title, and a title is heard at most twice, on the static page and in the app', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(`${site.server.url}?nosw`);
  const heard = async (root, role) => page.evaluate(({ root, role }) => {
    const name = (el) => (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent.trim()).join(' ').trim() || el.getAttribute('aria-label') || '';
    return [...document.querySelectorAll(`${root} section.chart-card`)].filter((c) => c.getClientRects().length).map((card) => {
      const title = card.querySelector('.chart-card__title').textContent.trim();
      const figure = [...card.querySelectorAll('.chart-card__figure')].find((f) => role.includes(f.getAttribute('role')));
      // Where the title is said: the heading, and each name given as it (the card's own, the
      // drawing's), in the chart's panel.
      const named = [card, figure].filter((el) => el && name(el) === title).length;
      return { title, figure: figure ? name(figure) : null, times: 1 + named };
    });
  }, { root, role });
  // A picture until the enhancer makes it a chart that answers keys (a group): either way named.
  for (const c of await heard('#prerender', ['img', 'group'])) {
    assert.equal(c.figure, c.title, 'the static drawing is named by its title');
    assert.ok(c.times <= 2, `${c.title}: heard ${c.times} times`);
  }
  await waitForCharts(page);
  const app = await heard('#app', ['group']);
  assert.equal(app.length, CHARTS.length);
  for (const c of app) {
    assert.equal(c.figure, c.title, 'the chart is named by its title');
    assert.ok(c.times <= 2, `${c.title}: heard ${c.times} times`);
  }
  // As the browser computes it, too.
  const first = app[0].title;
  assert.equal(await page.getByRole('group', { name: first, exact: true }).count(), 1);
  assert.equal(await page.getByRole('region', { name: first, exact: true }).count(), 0);
  await context.close();
});
