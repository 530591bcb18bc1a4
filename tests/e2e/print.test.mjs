// End-to-end: "Print" gives an A4 brief of the view. Printed to PDF by Chromium and read back
// (pdfjs-dist): the stamp, the answer, every chart with its heading, finding, drawing and
// source line on one page, where the notes and sources are once, at most 4 pages, and no control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pdfPages, pdfTextSizes } from './pdf.mjs';
import { useSite, openPage, shotPath, waitForApp } from './support.mjs';

const site = useSite();

/** Text as the PDF gives it back: one space between words, no soft hyphen breaks. */
const plain = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Clicks Print (the static page's, which brings the app, or the app's) with the browser's
 * dialog replaced by a flag, and waits until the page has asked for it.
 */
async function pressPrint(page) {
  await page.evaluate(() => { window.print = () => { window.printAsked = true; }; });
  await page.locator('button.controls__print:visible').first().click();
  await page.waitForFunction(() => window.printAsked === true);
  await page.emulateMedia({ media: 'print' });
}

test('Print gives an A4 brief of the view: every chart drawn with its heading and finding on one page, no control', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(`${site.server.url}?cohort=seven-stars`);
  await pressPrint(page);
  const cards = await page.evaluate(() => [...document.querySelectorAll('#app .chart-card')].map((card) => {
    const svg = card.querySelector('[data-testid="chart-figure"] svg');
    const words = svg ? [...new Set([...svg.querySelectorAll('text')].map((t) => t.textContent.trim()).filter((t) => t.length > 3))] : [];
    return {
      title: card.querySelector('.chart-card__title').textContent,
      finding: card.querySelector('[data-testid="finding"]')?.textContent ?? '',
      width: svg ? Number(svg.getAttribute('viewBox').split(' ')[2]) : 0,
      half: card.classList.contains('chart-card--paper-half'),
      dark: svg ? svg.outerHTML.includes('#121212') : false,
      words: words.slice(0, 12),
      busy: card.getAttribute('aria-busy'),
    };
  }));
  assert.equal(cards.length, 8, 'every chart of the view');
  // The shortest charts at half of paper's width, two side by side; those of three panels whole.
  assert.ok(cards.filter((c) => c.half).length >= 2, 'some charts side by side');
  assert.ok(!cards.find((c) => c.title.startsWith('KS2 progress:')).half, 'KS2 progress across the page');
  for (const c of cards) {
    assert.equal(c.width, c.half ? 340 : 760, `${c.title}: drawn at the print width (half: ${c.half})`);
    assert.equal(c.busy, null, `${c.title}: drawn for this view`);
    assert.ok(c.words.length > 0, `${c.title}: a drawing with text`);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(shotPath('brief').replace(/\.png$/, '.pdf'), pdf);
  const pages = await pdfPages(pdf);
  console.log(`# the brief of the Seven Stars view prints on ${pages.length} A4 pages`);
  assert.ok(pages.length >= 2 && pages.length <= 8, `${pages.length} pages`);
  const all = pages.join(' ');
  // The stamp and the way back, then the answer, on the first page.
  assert.match(pages[0], /Printed on \d{1,2} [A-Z][a-z]+ 20\d\d from this view: http:\/\/127\.0\.0\.1:\d+\/\?cohort=seven-stars/);
  assert.match(pages[0], /How does Stoke-on-Trent compare/);
  for (const c of cards) {
    // The heading is the finding; the title under it, and the drawing, on its page.
    const head = plain(c.finding).slice(0, 60);
    // (Where the finding is followed by the title: the answer or a summary may say the same.)
    const at = pages.findIndex((p) => p.includes(head) && p.slice(p.indexOf(head)).includes(plain(c.title)));
    assert.ok(at >= 0, `${c.title}: printed (${head})`);
    const on = pages[at].slice(pages[at].indexOf(head));
    assert.ok(on.includes(plain(c.title)), `${c.title}: its title on the heading's page`);
    const seen = c.words.filter((w) => on.includes(plain(w)));
    assert.ok(seen.length >= Math.ceil(c.words.length * 0.8), `${c.title}: its drawing on the heading's page (${seen.length} of ${c.words.length}: ${c.words.join(' | ')})`);
  }
  // Each chart's short source line; at the end, once, where the notes and sources are in full
  // (this view's address).
  assert.ok(all.split('Source: ').length - 1 >= cards.length, 'a source line under every chart');
  assert.match(pages.at(-1), /Every chart's notes, and each source in full, are on the page at http:\/\/127\.0\.0\.1:\d+\/\?cohort=seven-stars/);
  assert.equal(all.split('each source in full').length - 1, 1);
  // A brief to hand round: at most 4 pages, none of its text, the charts' included, under
  // 8 pt: charts are drawn at 760 px (or 340 px, two side by side) for a 703 px column.
  assert.ok(pages.length <= 4, `${pages.length} pages`);
  await assertReadable(pdf, 'the Print button');
  // No control prints.
  for (const control of [/Download/, /\bPNG\b/, /Embed this chart/, /Load your data/, /\bPresent\b/, /\bPrint\b(?!ed)/, /Show or hide/, /Skip to the charts/, /Full screen/]) {
    assert.doesNotMatch(all, control);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dark page with a table tab open prints its charts in the light theme, and returns to the screen after', async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(`${site.server.url}?theme=dark&tab=ks2-progress:table`);
  await page.getByTestId('table-ks2-progress').waitFor();
  await pressPrint(page);
  // What paper shows: the paper drawing made at idle, or the screen's drawn for print.
  const progress = page.locator('#ks2-progress .chart-card__paper svg, #ks2-progress [data-testid="chart-figure"] svg').filter({ visible: true });
  await progress.first().waitFor();
  assert.equal(await progress.count(), 1, 'the chart prints once although the table was chosen');
  assert.ok(!(await progress.evaluate((s) => s.outerHTML.includes('#121212'))), 'light, not dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  await page.screenshot({ path: shotPath('print-media'), fullPage: true });
  // After the dialog, the page is the reader's again: dark, at the screen's width.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const chart = page.locator('#ofsted [data-testid="chart-figure"] svg');
  await page.waitForFunction(() => {
    const svg = document.querySelector('#ofsted [data-testid="chart-figure"] svg');
    return svg && ![760, 340].includes(Number(svg.getAttribute('viewBox').split(' ')[2]));
  });
  assert.ok(await chart.evaluate((s) => s.outerHTML.includes('#121212')), 'dark again');
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Each card of the page as paper should show it: its title, finding and up to 12 words its
 * printed drawing holds (the static page's `.pre-print` file, or the app's drawing).
 */
async function printedCards(page) {
  return page.evaluate(async () => {
    const pre = document.getElementById('prerender');
    const cards = [...document.querySelectorAll(pre ? '#prerender .chart-card' : '#app section.chart-card')];
    const words = (svg) => [...new Set([...svg.querySelectorAll('text')].map((t) => t.textContent.trim()).filter((t) => t.length > 3))].slice(0, 12);
    return Promise.all(cards.map(async (card) => {
      let svg = card.querySelector('.pre-print svg, [data-testid="chart-figure"] svg');
      const img = card.querySelector('img.pre-print');
      if (!svg && img) svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml');
      return {
        title: card.querySelector('.chart-card__title').textContent,
        finding: card.querySelector('.chart-card__finding')?.textContent ?? '',
        words: svg ? words(svg) : [],
      };
    }));
  });
}

/** No text of a printed PDF, a chart's included, is under 8 pt. */
async function assertReadable(pdf, what) {
  const small = (await pdfTextSizes(pdf)).filter((t) => t.pt < 7.95);
  assert.deepEqual(small.slice(0, 5).map((t) => `p${t.page} "${t.str}" ${t.pt.toFixed(1)} pt`), [], `${what}: text under 8 pt`);
}

/** The checks every print path must pass: the stamp, the answer, each chart whole on its heading's page, no control. */
function checkBrief(pages, cards, what) {
  const all = pages.join(' ');
  assert.ok(pages.length >= 2 && pages.length <= 8, `${what}: ${pages.length} pages`);
  assert.match(pages[0], /Printed on \d{1,2} [A-Z][a-z]+ 20\d\d from this view: http:\/\/127\.0\.0\.1:\d+\//, `${what}: the stamp`);
  assert.match(pages[0], /How does Stoke-on-Trent compare/, `${what}: the answer`);
  assert.equal(cards.length, 8, `${what}: every chart`);
  for (const c of cards) {
    assert.ok(c.words.length > 0, `${what}, ${c.title}: a drawing with text`);
    const head = plain(c.finding).slice(0, 60);
    // (Where the finding is followed by the title: the answer or a summary may say the same.)
    const at = pages.findIndex((p) => p.includes(head) && p.slice(p.indexOf(head)).includes(plain(c.title)));
    assert.ok(at >= 0, `${what}, ${c.title}: printed`);
    const on = pages[at].slice(pages[at].indexOf(head));
    assert.ok(on.includes(plain(c.title)), `${what}, ${c.title}: its title on the heading's page`);
    const seen = c.words.filter((w) => on.includes(plain(w)));
    assert.ok(seen.length >= Math.ceil(c.words.length * 0.8), `${what}, ${c.title}: its drawing on the heading's page (${seen.length} of ${c.words.length}: ${c.words.join(' | ')})`);
  }
  assert.ok(pages.length <= 4, `${what}: a brief of at most 4 pages (${pages.length})`);
  for (const c of cards) {
    const head = plain(c.finding).slice(0, 60);
    const page = pages.find((p) => p.includes(head));
    assert.match(page.slice(page.indexOf(head)), /Source: [A-Z]/, `${what}, ${c.title}: its source line`);
  }
  assert.equal(all.split('each source in full').length - 1, 1, `${what}: where the notes are, once`);
  assert.match(pages.at(-1), /are on the page at http:\/\/127\.0\.0\.1:\d+\//, `${what}: the address of the notes, last`);
  for (const control of [/Download/, /\bPNG\b/, /Embed this chart/, /Load your data/, /\bPresent\b/, /\bPrint\b(?!ed)/, /Show or hide/, /Skip to the charts/, /Full screen/, /Choose files/]) {
    assert.doesNotMatch(all, control, `${what}: no control`);
  }
}

test("the browser's own print (print media alone, no button) gives the same brief from the static page and from the app", async () => {
  const briefs = [];
  for (const app of [false, true]) {
    const what = app ? 'the app' : 'the static page';
    const { context, page, problems } = await openPage(site.browser, { width: 390, height: 844 });
    await page.goto(site.server.url);
    if (app) await waitForApp(page);
    else {
      // Paper's drawings are fetched once the page is idle, not only those scrolled near.
      await page.waitForFunction(() => {
        const drawings = [...document.querySelectorAll('#prerender .pre-print')];
        const address = [...document.querySelectorAll('.print-address')].every((a) => a.textContent.startsWith('http'));
        return address && drawings.length === 8 && drawings.every((d) => d.tagName !== 'IMG' || (d.complete && d.naturalWidth > 0));
      }, null, { timeout: 10000 });
    }
    const cards = await printedCards(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(shotPath(app ? 'print-media-app' : 'print-media-static').replace(/\.png$/, '.pdf'), pdf);
    const pages = await pdfPages(pdf);
    console.log(`# ${what}, printed by the browser alone: ${pages.length} A4 pages`);
    checkBrief(pages, cards, what);
    await assertReadable(pdf, what);
    briefs.push(cards.map((c) => [c.title, c.finding]));
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(briefs[0], briefs[1], 'the same titles and findings, in the same order');
});

test("every network's brief, printed by the browser from the static page, is at most 4 A4 pages with text of 8 pt or more", async () => {
  const { context, page, problems } = await openPage(site.browser, { width: 1280, height: 900 });
  await page.goto(site.server.url);
  // The networks the page offers (whatever the dataset), each by its own address.
  const cohorts = await page.evaluate(() => [...document.getElementById('pre-cohort-select').options].map((o) => o.dataset.query).filter((q) => q));
  assert.ok(cohorts.length >= 1, 'some networks');
  for (const cohort of cohorts) {
    await page.goto(site.server.url + cohort);
    // Once the network's view is in (until then the default view stands hidden in its place,
    // with its drawings and address: a print made then had the header alone on its first
    // page) and the page is idle: paper's drawings fetched and the address written into the
    // view's last line (view-gate.js; a real print writes it again at 'beforeprint').
    await page.waitForFunction(() => {
      if (document.documentElement.classList.contains('prerender-view')) return false;
      const drawings = [...document.querySelectorAll('#prerender .pre-print')].filter((d) => d.closest('.chart-card').getClientRects().length);
      const address = [...document.querySelectorAll('.print-address')].every((a) => a.textContent.startsWith('http'));
      return address && drawings.length >= 1 && drawings.every((d) => d.tagName !== 'IMG' || (d.complete && d.naturalWidth > 0));
    }, null, { timeout: 15000 });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = await pdfPages(pdf);
    console.log(`# ${cohort}: ${pages.length} A4 pages`);
    assert.ok(pages.length <= 4, `${cohort}: ${pages.length} pages`);
    assert.match(pages[0], /How does/, `${cohort}: the answer first`);
    assert.match(pages.at(-1), /each source in full, are on the page at http:\/\/127\.0\.0\.1:\d+\/\?cohort=/, `${cohort}: where the notes are, last`);
    await assertReadable(pdf, cohort);
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(problems, []);
  await context.close();
});
