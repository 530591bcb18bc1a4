// End-to-end: every slide of the default deck fits a projector's screen with nothing over the
// drawing and chart text large enough for the back of a room, from 1024×768 to 1920×1080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, checkDeckFits } from './support.mjs';

const site = useSite();
const SIZES = process.env.SIZES ? JSON.parse(process.env.SIZES) : [[1024, 768], [1280, 720], [1280, 800], [1366, 768], [1920, 1080], [3840, 2160]];

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} every slide fits, nothing overlaps it, and its text is large`, async () => {
    const { context, page, problems } = await openPage(site.browser, { width, height });
    await page.goto(`${site.server.url}?present&cohort=seven-stars`);
    const titles = await checkDeckFits(page, width, height, (i) => (width === 1024 || (width === 1280 && height === 800) ? `slide-${width}x${height}-${i}` : null));
    assert.ok(titles.length >= 6, `${titles.length} slides`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The default deck (every named school) at the sizes a hall most often has, and a large one:
// the same slides in the same order on each (a deck rehearsed on a laptop is the deck shown).
const decks = new Map();
for (const [width, height] of [[1024, 768], [1280, 800], [1920, 1080]]) {
  test(`at ${width}×${height} the deck of every named school fits, one point a slide, in large text`, async () => {
    const { context, page, problems } = await openPage(site.browser, { width, height });
    await page.goto(`${site.server.url}?present`);
    const titles = await checkDeckFits(page, width, height, (i) => `slide-all-${width}x${height}-${i}`);
    // A chart of three subjects is a slide for each; the disadvantaged chart's two panels and
    // the Ofsted chart's schools and places are split where they would not fit.
    for (const subject of ['reading', 'writing', 'maths']) {
      assert.ok(titles.some((t) => t.startsWith(`KS2 progress (${subject})`)), titles.join(' | '));
    }
    assert.ok(titles.length >= 12, `${titles.length} slides`);
    // It opens with the answer, as the page does.
    assert.match(titles[0], /^How does /);
    decks.set(`${width}×${height}`, titles);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the default deck is the same slides in the same order at 1024×768, 1280×800 and 1920×1080', () => {
  const [first, ...others] = [...decks.entries()];
  assert.ok(first && others.length === 2, `decks seen: ${[...decks.keys()].join(', ')}`);
  for (const [size, titles] of others) assert.deepEqual(titles, first[1], `${size} against ${first[0]}`);
});
