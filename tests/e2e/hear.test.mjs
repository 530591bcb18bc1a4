// End-to-end: hearing a chart. A fake AudioContext records each note the page schedules (its
// pitch and start), so the test hears what a listener would: one note per year of the series,
// silences for the years without tests, pitches that rise and fall with the figures, the
// words said before and after, and Escape stopping at once; from the static page (the
// enhancer) and in the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, waitForApp } from './support.mjs';
import { FAKE_AUDIO } from './fake-audio.mjs';

const site = useSite();

/** Replaces Web Audio with a recorder before the page runs. */
async function fakeAudio(context) {
  await context.addInitScript({ content: FAKE_AUDIO });
}

const audio = (page) => page.evaluate(() => window.__audio);

/** The notes of one tune: their pitches and the steps between their starts. */
function shape(notes) {
  const steps = notes.slice(1).map((n, i) => Math.round((n.at - notes[i].at) / (notes[1].at - notes[0].at)));
  return { hz: notes.map((n) => n.hz), steps };
}

test('the static page plays a series as tones: one per year, silences for the years without tests, pitch with the figures; Escape stops', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await fakeAudio(context);
  await page.goto(`${site.server.url}?nosw`);
  await page.locator('html[data-enhanced]').waitFor({ state: 'attached' });
  const card = page.locator('#pre-area-progress');
  const group = card.locator('.listen');
  await group.waitFor();
  assert.equal(await group.getAttribute('aria-label'), 'Hear the chart');
  // No sound until a reader asks.
  assert.equal((await audio(page)).contexts, 0);
  await group.locator('[data-listen=speed]').selectOption('2');
  await group.getByRole('button', { name: 'Play', exact: true }).click();
  const said = group.locator('.listen__said');
  await said.filter({ hasText: /^Playing / }).waitFor();
  const intro = await said.textContent();
  // Stoke-on-Trent's reading progress: 2016 to 2019, then 2022 and 2023 (no KS2 tests in
  // 2020 and 2021; no progress scores from 2024).
  assert.match(intro, /^Playing Stoke-on-Trent, reading progress: 6 notes, from 2016 0\.0 to 2023 \u22120\.62\. Escape stops\.$/);
  const first = (await audio(page)).notes;
  assert.equal(first.length, 6, 'one note per year with a figure');
  const { hz, steps } = shape(first);
  assert.deepEqual(steps, [1, 1, 1, 3, 1], 'two silent steps for 2020 and 2021');
  // 0.0 in 2016 down to −0.9 in 2019, up to −0.62 in 2023.
  assert.ok(hz[0] > hz[3] && hz[5] > hz[3], `pitches follow the figures: ${hz.map(Math.round).join(', ')}`);
  assert.ok(hz.every((h) => h >= 220 && h <= 880));
  // Once played, the last figure is said.
  await said.filter({ hasText: /^Last: Stoke-on-Trent, reading progress, 2023 \u22120\.62$/ }).waitFor({ timeout: 5000 });

  // Every series, one after another; Escape stops it at once.
  await group.getByRole('button', { name: 'Play all' }).click();
  await said.filter({ hasText: /; then / }).waitFor();
  const all = (await audio(page)).notes.length - first.length;
  assert.ok(all > 20, `every series: ${all} notes`);
  await page.keyboard.press('Escape');
  await said.filter({ hasText: 'Stopped.' }).waitFor();
  assert.ok((await audio(page)).stopped > 0, 'the notes scheduled are stopped');
  assert.equal(await group.getAttribute('data-playing'), null);

  // On the drawing, by keys: P plays the series of the chosen figure; then each step sounds.
  const figure = card.locator('.chart-card__figure');
  await figure.focus();
  await page.keyboard.press('ArrowDown');
  const before = (await audio(page)).notes.length;
  await page.keyboard.press('p');
  await said.filter({ hasText: /^Playing / }).waitFor();
  await page.keyboard.press('Escape');
  const played = (await audio(page)).notes.length;
  assert.ok(played > before, 'P plays');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((n) => window.__audio.notes.length === n + 1, played);
  assert.equal((await audio(page)).contexts, 1, 'one audio context for the page');
  // Hearing asks for no app.
  assert.ok(await page.locator('#prerender').count(), 'still the static page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app plays the same notes, by its Play button and by keys', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await fakeAudio(context);
  await page.goto(`${site.server.url}?nosw`);
  await waitForApp(page);
  const card = page.locator('#app #area-progress');
  const group = card.getByTestId('listen');
  await group.locator('[data-listen=speed]').selectOption('2');
  await group.getByRole('button', { name: 'Play', exact: true }).click();
  const said = group.locator('.listen__said');
  await said.filter({ hasText: /^Playing Stoke-on-Trent, reading progress: 6 notes/ }).waitFor();
  const { hz, steps } = shape((await audio(page)).notes);
  assert.deepEqual(steps, [1, 1, 1, 3, 1]);
  assert.ok(hz[0] > hz[3] && hz[5] > hz[3]);
  await page.keyboard.press('Escape');
  // The disadvantaged pupils' bars: by keys, P plays the bars of the chosen measure.
  const bars = page.locator('#app #disadvantaged');
  await bars.scrollIntoViewIfNeeded();
  await bars.getByTestId('chart-figure').focus();
  await page.keyboard.press('ArrowRight');
  const before = (await audio(page)).notes.length;
  await page.keyboard.press('p');
  await bars.getByTestId('listen').locator('.listen__said').filter({ hasText: /^Playing reading progress of disadvantaged pupils: 2 notes/ }).waitFor();
  const notes = (await audio(page)).notes.slice(before);
  assert.equal(notes.length, 2);
  // Stoke-on-Trent's −1.29 below England's −0.62.
  assert.ok(notes[0].hz < notes[1].hz);
  await page.keyboard.press('Escape');
  // The inspection dots have no figures to hear: no controls.
  assert.equal(await page.locator('#app #inspections .listen').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
