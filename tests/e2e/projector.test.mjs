// End-to-end: every slide of the default deck fits a projector's screen with nothing over the
// drawing and chart text large enough for the back of a room, from 1024×768 to 1920×1080.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, shotPath } from './support.mjs';

const site = useSite();
const SIZES = [[1024, 768], [1280, 720], [1280, 800], [1366, 768], [1920, 1080], [3840, 2160]];

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} every slide fits, nothing overlaps it, and its text is large`, async () => {
    const { context, page, problems } = await openPage(site.browser, { width, height });
    await page.goto(`${site.server.url}?present&cohort=seven-stars`);
    const count = page.getByTestId('slide-count');
    await count.waitFor();
    const total = Number((await count.textContent()).split('/')[1]);
    assert.ok(total >= 6, `${total} slides`);
    for (let i = 1; i <= total; i += 1) {
      await count.filter({ hasText: `${i} / ${total}` }).waitFor();
      const svg = page.getByTestId('slide-figure').locator('svg');
      await svg.waitFor();
      const box = await svg.boundingBox();
      const bar = await page.locator('.presenter__bar').boundingBox();
      const title = await page.getByTestId('presenter').locator('h2').textContent();
      assert.ok(box.y + box.height <= height + 1, `${title}: the drawing ends at ${box.y + box.height}px in a ${height}px screen`);
      assert.ok(box.y + box.height <= bar.y + 1, `${title}: the source and buttons (from ${bar.y}px) do not sit on the drawing (to ${box.y + box.height}px)`);
      const px = await svg.locator('text').first().evaluate((t) => t.getBoundingClientRect().height);
      // At least 14 px; larger on larger screens where the slide has room.
      assert.ok(px >= 14 - 0.5, `${title}: chart text ${px.toFixed(1)}px high`);
      if (width === 1024 || width === 1280 && height === 800) await page.screenshot({ path: shotPath(`slide-${width}x${height}-${i}`) });
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
