// End-to-end: exact values on hover, tap and keyboard; legend toggles; permalinks and
// history; downloads checked by content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { useSite, openPage, waitForCharts, textOf, shotPath } from './support.mjs';

const MINUS = '\u2212';
const site = useSite();

const figure = (page, id) => page.getByTestId(`chart-${id}`).getByTestId('chart-figure');

/** The SVG text element whose text is exactly `label`, inside chart `id`. */
function svgText(page, id, label) {
  return figure(page, id).locator('text').filter({ hasText: new RegExp(`^\\s*${label.replace(/[()+]/g, '\\$&')}\\s*$`) }).first();
}

test('pointing at a bar shows its exact value, entity, year and source', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  // Etruscan's reading bar: the row band starts at its label in the first panel.
  await svgText(page, 'ks2-progress', 'Etruscan Primary (2019)').hover();
  const tip = page.getByTestId('chart-ks2-progress').getByTestId('tooltip');
  await tip.waitFor();
  const text = (await tip.textContent()).replace(/\s+/g, ' ');
  assert.ok(text.includes('Etruscan Primary'), text);
  assert.ok(text.includes('reading progress, 2019'), text);
  assert.ok(text.includes('+2.0'), text);
  assert.ok(text.includes('Source: Department for Education, Key stage 2 school performance tables, 2019'), text);
  await page.getByTestId('chart-ks2-progress').screenshot({ path: shotPath('tooltip-hover') });
  // Away from the chart, the tooltip goes.
  await page.mouse.move(2, 2);
  await tip.waitFor({ state: 'detached' });
  // Ofsted segments too: the programme's Good segment.
  await svgText(page, 'ofsted', 'Good 76% (12)').hover();
  const otip = page.getByTestId('chart-ofsted').getByTestId('tooltip');
  assert.ok((await otip.textContent()).includes('12 of 16 schools (76%)'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the arrow keys step through the marks, each announced with its value', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const fig = figure(page, 'ks2-progress');
  await fig.focus();
  const announcer = page.getByTestId('chart-ks2-progress').getByTestId('announcer');
  await page.keyboard.press('ArrowRight');
  assert.ok((await announcer.textContent()).trim().startsWith(
    'England, 2019, reading progress: +0.03. Source: Department for Education, Local Authority Interactive Tool (LAIT)'));
  // Down moves to the next series in the same subject; Right would stay with England.
  await page.keyboard.press('ArrowDown');
  assert.ok((await announcer.textContent()).startsWith(`Stoke-on-Trent, 2019, reading progress: ${MINUS}0.91`));
  await page.keyboard.press('ArrowRight');
  assert.ok((await announcer.textContent()).startsWith(`Stoke-on-Trent, 2019, writing progress: ${MINUS}0.42`), 'Right moves along the series');
  await page.keyboard.press('End');
  assert.ok((await announcer.textContent()).startsWith(`Watermill (special), 2019, maths progress: ${MINUS}2.6.`));
  assert.ok(await page.getByTestId('chart-ks2-progress').getByTestId('tooltip').isVisible(), 'the tooltip follows the keyboard');
  await page.getByTestId('chart-ks2-progress').screenshot({ path: shotPath('tooltip-keyboard') });
  await page.keyboard.press('Escape');
  assert.equal((await announcer.textContent()).trim(), '');
  // Every control is reachable by Tab: the tabs and downloads of each card are buttons.
  const focusable = await page.locator('button, select, [tabindex="0"]').count();
  assert.ok(focusable >= 3 * 6 + 2);
  await context.close();
});

test('on a phone a tap opens the tooltip and labels stay apart', async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(site.server.url);
  await waitForCharts(page);
  await svgText(page, 'ks2-progress', 'Abbey Hulton Primary (2019)').tap();
  const tip = page.getByTestId('chart-ks2-progress').getByTestId('tooltip');
  await tip.waitFor();
  assert.ok((await tip.textContent()).includes(`${MINUS}5.9`));
  const box = await tip.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `tooltip inside the screen: ${JSON.stringify(box)}`);
  await page.getByTestId('chart-ks2-progress').screenshot({ path: shotPath('tooltip-tap-phone') });
  // No two row labels overlap.
  const boxes = await figure(page, 'ks2-progress').locator('text').evaluateAll((ts) =>
    ts.map((t) => { const r = t.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, s: t.textContent }; }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]; const b = boxes[j];
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      assert.ok(!overlap, `"${a.s}" overlaps "${b.s}"`);
    }
  }
  await context.close();
});

test('a legend entry hides and shows its series, and the link says so', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const card = page.getByTestId('chart-ks2-progress');
  const england = card.locator('.legend__item[data-series="england"]');
  await england.click();
  assert.equal(await england.getAttribute('aria-pressed'), 'false');
  await page.waitForURL(/hide=england/);
  const drawn = await textOf(page, '[data-testid="chart-ks2-progress"] [data-testid="chart-figure"]');
  assert.ok(!drawn.includes('England (2019)'), 'England is no longer drawn');
  assert.ok(drawn.includes('Stoke-on-Trent (2019)'));
  // The disadvantaged chart hides England too: one series, one meaning.
  const dis = await textOf(page, '[data-testid="chart-disadvantaged"] [data-testid="chart-figure"]');
  assert.ok(!dis.includes('15.8%'));
  await england.click();
  assert.equal(await england.getAttribute('aria-pressed'), 'true');
  await page.waitForURL((u) => !u.search.includes('hide='));
  await context.close();
});

test('a permalink round-trips every part of the view', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  await page.getByTestId('cohort-select').selectOption('seven-stars');
  await page.getByTestId('subject-select').selectOption('maths');
  await page.getByTestId('chart-ofsted').locator('.legend__item[data-series="england-primary-2018"]').click();
  await page.getByTestId('chart-disadvantaged').getByTestId('tab-sources').click();
  await page.waitForURL(/tab=disadvantaged:sources/);
  const link = page.url();
  assert.ok(link.includes('cohort=seven-stars') && link.includes('subject=maths') && link.includes('hide=england-primary-2018'), link);
  const before = await textOf(page, '[data-testid="chart-ks2-progress"]');

  const other = await openPage(site.browser);
  await other.page.goto(link);
  await other.page.getByTestId('chart-ks2-progress').getByTestId('chart-figure').waitFor();
  assert.equal(await other.page.getByTestId('cohort-select').inputValue(), 'seven-stars');
  assert.equal(await other.page.getByTestId('subject-select').inputValue(), 'maths');
  assert.equal(await other.page.getByTestId('chart-ofsted').locator('.legend__item[data-series="england-primary-2018"]').getAttribute('aria-pressed'), 'false');
  assert.equal(await other.page.getByTestId('chart-disadvantaged').getByTestId('tab-sources').getAttribute('aria-selected'), 'true');
  assert.ok(await other.page.getByTestId('chart-disadvantaged').getByTestId('sources-full').isVisible());
  assert.equal(await textOf(other.page, '[data-testid="chart-ks2-progress"]'), before, 'the same chart, figure for figure');
  const title = await other.page.getByTestId('chart-ks2-progress').locator('.chart-card__title').textContent();
  assert.equal(title, 'KS2 progress (maths): Seven Stars Collaborative Network');
  assert.deepEqual(other.problems, []);
  await other.context.close();
  await context.close();
});

test('back and forward step through views', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const select = page.getByTestId('cohort-select');
  await select.selectOption('esprit');
  await page.waitForURL(/cohort=esprit/);
  await select.selectOption('compass');
  await page.waitForURL(/cohort=compass/);
  await page.goBack();
  await page.waitForURL(/cohort=esprit/);
  assert.equal(await select.inputValue(), 'esprit');
  await page.getByTestId('chart-ks2-progress').locator('.chart-card__title').filter({ hasText: 'ESPRIT' }).waitFor();
  await page.goBack();
  await page.waitForURL((u) => u.search === '');
  assert.equal(await select.inputValue(), 'all');
  await page.goForward();
  await page.waitForURL(/cohort=esprit/);
  assert.equal(await select.inputValue(), 'esprit');
  await context.close();
});

test('unknown or stale link values fall back to defaults with a notice', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=atlantis&subject=latin&hide=mars&tab=ofsted:pie`);
  await waitForCharts(page);
  const notice = await page.getByTestId('link-notice').textContent();
  assert.ok(notice.includes('network \u201catlantis\u201d, which this dataset does not have: showing all named schools (7 of 55)'), notice);
  assert.ok(notice.includes('subject \u201clatin\u201d'), notice);
  assert.equal(await page.getByTestId('cohort-select').inputValue(), 'all');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Clicks a download button and returns [file name, bytes, status text]. */
async function download(page, chart, kind) {
  const card = page.getByTestId(`chart-${chart}`);
  const [file] = await Promise.all([page.waitForEvent('download'), card.getByTestId(`download-${kind}`).click()]);
  const path = await file.path();
  const status = card.locator('.downloads__status');
  await status.filter({ hasText: 'Saved' }).waitFor();
  return [file.suggestedFilename(), fs.readFileSync(path), await status.textContent()];
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Decodes a PNG enough to prove it is one: signature, size, and pixel data that inflates. */
function decodePng(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  let pos = 8; let width = 0; let height = 0; let colorType = 0; const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos); const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const channels = { 2: 3, 6: 4 }[colorType];
  assert.equal(raw.length, height * (1 + width * channels), 'pixel rows decode to the stated size');
  return { width, height };
}

test('PNG, SVG and CSV downloads hold the chart, its title, source and figures', async () => {
  const { context, page, problems } = await openPage(site.browser);
  await page.goto(`${site.server.url}?cohort=seven-stars`);
  await waitForCharts(page);

  const [pngName, png, pngStatus] = await download(page, 'ks2-progress', 'png');
  assert.equal(pngName, 'ks2-progress_seven-stars_2019.png');
  const { width, height } = decodePng(png);
  const stated = pngStatus.match(/(\d+) \u00d7 (\d+) px/);
  assert.ok(stated, pngStatus);
  assert.deepEqual([width, height], [Number(stated[1]), Number(stated[2])]);
  const shown = await figure(page, 'ks2-progress').boundingBox();
  assert.ok(Math.abs(width - 2 * shown.width) <= 2, `PNG is twice the on-screen width: ${width} vs ${shown.width}`);
  fs.writeFileSync(shotPath('download-ks2-progress').replace(/\.png$/, '-export.png'), png);

  const [svgName, svg] = await download(page, 'ks2-progress', 'svg');
  assert.equal(svgName, 'ks2-progress_seven-stars_2019.svg');
  const svgText = svg.toString('utf8');
  assert.ok(svgText.startsWith('<svg'), 'an SVG document');
  assert.ok(svgText.includes('KS2 progress: Seven Stars Collaborative Network'), 'title');
  assert.ok(svgText.includes('Source: Department for Education'), 'source line');
  assert.ok(svgText.includes('Etruscan Primary (2019)'), 'the chart itself');

  const [csvName, csv] = await download(page, 'ks2-progress', 'csv');
  assert.equal(csvName, 'ks2-progress_seven-stars_2019.csv');
  const rows = parseCsv(csv.toString('utf8'));
  assert.deepEqual(rows[0], ['School or area', 'Year', 'Subject', 'Progress score', 'DfE band', 'Source', 'Note', 'Source citation (x: not available, z: not applicable)']);
  await page.getByTestId('chart-ks2-progress').getByTestId('tab-table').click();
  const table = await page.getByTestId('table-ks2-progress').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length - 1, table.length, 'one CSV line per table row');
  table.forEach((t, i) => {
    const c = rows[i + 1];
    assert.equal(c[0], t[0]); assert.equal(c[2], t[2]);
    // The page names sources by title; the CSV keeps their ids beside the full citation.
    assert.ok(t[5] && !/^[a-z0-9-]+$/.test(t[5]), t[5]);
    const shownNumber = Number.parseFloat(t[3].replace(MINUS, '-'));
    if (Number.isNaN(shownNumber)) assert.ok(['x', 'z'].includes(c[3]), `${t[3]} is a DfE symbol in the CSV: ${c[3]}`);
    else assert.equal(Number(c[3]), shownNumber);
    if (c[5]) assert.ok(c[7].length > 20, 'each figure names its source in full');
  });

  const [ofstedCsvName] = await download(page, 'ofsted', 'csv');
  assert.equal(ofstedCsvName, 'ofsted_seven-stars.csv');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a PNG the browser cannot make is reported, never said to be saved', async () => {
  const { context, page } = await openPage(site.browser);
  // A browser that refuses the canvas's image (as one does for a canvas too large).
  await context.addInitScript(() => { HTMLCanvasElement.prototype.toBlob = function (done) { setTimeout(() => done(null), 0); }; });
  await page.goto(site.server.url);
  await waitForCharts(page);
  const card = page.getByTestId('chart-ofsted');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await card.getByTestId('download-png').click();
  const status = card.locator('.downloads__status');
  await status.filter({ hasText: 'could not be saved' }).waitFor();
  assert.match(await status.textContent(), /^The PNG could not be saved: the browser made no image/);
  assert.equal(downloads, 0, 'no file offered');
  await context.close();
});

test('each chart has a plain-language summary written from its figures', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url);
  await waitForCharts(page);
  const summary = async (id) => (await page.getByTestId(`chart-${id}`).getByTestId('summary').textContent());
  assert.ok((await summary('ks2-progress')).includes(`In 2019 Stoke-on-Trent's KS2 progress was below the national average (0) in all three subjects: reading (${MINUS}0.91), writing (${MINUS}0.42) and maths (${MINUS}0.65).`));
  assert.ok((await summary('disadvantaged')).includes('made less progress than England\'s disadvantaged pupils in all three subjects'));
  assert.ok((await summary('ofsted')).includes('14 of 16 schools (88%) were judged Good or Outstanding'));
  // It is the chart's accessible description, with the keys' hint.
  const describedBy = await figure(page, 'ks2-progress').getAttribute('aria-describedby');
  assert.equal(describedBy, 'ks2-progress-summary ks2-progress-keys');
  await context.close();
});
