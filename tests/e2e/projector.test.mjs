// End-to-end: every slide of the default deck fits a projector's screen with nothing over the
// drawing and chart text large enough for the back of a room, from 1024×768 to 1920×1080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, checkDeckFits } from './support.mjs';

const site = useSite();
const SIZES = [[1024, 768], [1280, 720], [1280, 800], [1366, 768], [1920, 1080], [3840, 2160]];

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
