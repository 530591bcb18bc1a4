// The checks run in Firefox and WebKit (firefox.test.mjs, webkit.test.mjs) as well as
// Chromium's whole suite: the page loads with every chart drawn, each file fetched once; a
// first choice is shown with no app; the app takes over; a deck is presented in the page's own
// face; the offline copy draws every chart with the network cut; and no view scrolls sideways
// at 320 px.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, ROOT } from './site.mjs';
import { collectorOverride } from './engines.mjs';
import { pdfPages } from './pdf.mjs';

const SHOTS = path.join(ROOT, 'target', 'screenshots');

/** Every static card's drawing is in the page and loaded (each scrolled to, as a reader would). */
const STATIC_DRAWN = `(() => {
  const cards = [...document.querySelectorAll('#prerender section.chart-card')];
  if (cards.length !== 8) return false;
  return cards.every((card) => {
    card.scrollIntoView();
    const shown = [...card.querySelectorAll('.pre-v')].filter((d) => d.getClientRects().length > 0);
    return shown.length === 1 && (shown[0].tagName !== 'IMG' || (shown[0].complete && shown[0].naturalWidth > 0));
  });
})()`;

/** The app's cards, every one drawn, the static page gone. */
const APP_DRAWN = `(() => !document.getElementById('prerender')
  && document.querySelectorAll('#app section.chart-card').length === 8
  && [...document.querySelectorAll('#app section.chart-card')].every((c) => c.getAttribute('aria-busy') !== 'true'
    && c.querySelector('[data-testid="chart-figure"] svg')))()`;

/** The page's width against the window's, and the widest element past it (to name it). */
const SIDEWAYS = `(() => {
  const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
    .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ')[0] : ''));
  return { page: document.documentElement.scrollWidth, window: innerWidth, over: over.slice(0, 4) };
})()`;

/** The files asked for more than once since `requests` was emptied. */
function twice(requests) {
  const counts = {};
  for (const r of requests) counts[r] = (counts[r] || 0) + 1;
  return Object.entries(counts).filter(([, n]) => n > 1);
}

const PROBLEMS = 'window.__problems ? window.__problems.slice() : ["no error collector"]';

/** Chooses option `nth` of the static menu `id` as a reader does (the change event bubbles). */
const choose = (id, nth) => `(() => {
  const m = document.getElementById(${JSON.stringify(id)});
  m.selectedIndex = ${nth};
  m.dispatchEvent(new Event('input', { bubbles: true }));
  m.dispatchEvent(new Event('change', { bubbles: true }));
  return m.options[${nth}].textContent;
})()`;

/** The option of the cohort menu with the longest name (a network's, which once widened the page in WebKit). */
const LONGEST = `(() => { const o = [...document.getElementById('pre-cohort-select').options];
  return o.reduce((best, x, i) => (x.textContent.length > o[best].textContent.length ? i : best), 0); })()`;

/**
 * Registers the engine checks for one engine; `start()` resolves to an engine of engines.mjs
 * (whose tabs' `narrow(url)` opens a page 320 px wide: WebKit's window cannot be, so there it
 * is a frame of that width).
 */
export function engineChecks(label, start) {
  describe(label, () => {
    let engine;
    /** Runs `body` with a tab `width` × `height`, closed whatever happens (WebKit has one session at a time). */
    const withTab = (width, height, body) => async () => {
      const tab = await engine.open(width, height);
      try { await body(tab); } finally { await tab.close().catch(() => {}); }
    };
    let server;
    const overrides = collectorOverride();
    before(async () => {
      engine = await start();
      console.log(`# ${label}: ${engine.name}`);
      server = await serveDist({ overrides });
    });
    after(async () => {
      await engine?.close();
      await server?.close();
    });

    test('loads: the enhancer wired, every chart drawn, each file fetched once, no error', withTab(1280, 900, async (tab) => {
      server.requests.length = 0;
      await tab.goto(`${server.url}?nosw`);
      await tab.until("document.documentElement.hasAttribute('data-enhanced')", 'the enhancer wired');
      await tab.until(STATIC_DRAWN, 'every static drawing shown and loaded');
      fs.mkdirSync(SHOTS, { recursive: true });
      await tab.shot(path.join(SHOTS, `${label}-1280.png`));
      // Paper's drawings come at idle; then nothing more should be asked for.
      await new Promise((ok) => setTimeout(ok, 2500));
      assert.deepEqual(twice(server.requests), [], 'each file fetched once');
      assert.ok(!server.requests.some((r) => /cohort-dashboard-.*\.wasm/.test(r)), 'the app is not fetched before a control is used');
      assert.deepEqual(await tab.run(PROBLEMS), []);
    }));

    test('the static page plays a chart as tones and Escape stops it, with no app', withTab(1280, 900, async (tab) => {
      server.requests.length = 0;
      await tab.goto(`${server.url}?nosw`);
      await tab.until("document.documentElement.hasAttribute('data-enhanced')", 'the enhancer wired');
      // (Web Audio is a recorder here: engines.mjs, collectorOverride.)
      // Slowly (about 5 s), so that Escape comes while it plays.
      await tab.run("(() => { const g = document.querySelector('#pre-area-progress .listen'); g.querySelector('[data-listen=speed]').value = '0.5'; g.querySelector('[data-listen=series]').click(); return true; })()");
      await tab.until("window.__audio.notes.length === 6", 'six notes: Stoke-on-Trent\'s reading progress, 2016 to 2023');
      await tab.until("/^Playing /.test(document.querySelector('#pre-area-progress .listen__said').textContent)", 'what plays, said');
      await tab.run("window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))");
      await tab.until("document.querySelector('#pre-area-progress .listen__said').textContent === 'Stopped.'", 'Escape stops');
      assert.ok(!server.requests.some((r) => /cohort-dashboard-.*\.wasm/.test(r)), 'no app for hearing');
      assert.deepEqual(await tab.run(PROBLEMS), []);
    }));

    test('a first choice is shown with no app, then the app takes over at it, and presents in the page\'s own face', withTab(1280, 900, async (tab) => {
      server.requests.length = 0;
      await tab.goto(`${server.url}?nosw`);
      await tab.until("document.documentElement.hasAttribute('data-enhanced')", 'the enhancer wired');
      // Focused, the menu fetches the views it would show (public/view-gate.js), each once:
      // the choice then takes its view from there.
      const files = await tab.run("[...document.getElementById('pre-cohort-select').options].slice(1).map((o) => o.dataset.view)");
      await tab.run("(() => { document.getElementById('pre-cohort-select').focus(); return true; })()");
      await tab.until(`${JSON.stringify(files)}.every((f) => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/views/' + f + '.html') && r.responseEnd > 0))`, 'the menu\'s views fetched when it is focused');
      // The option names the network and its count of schools; its view's titles, the network.
      const choice = (await tab.run(choose('pre-cohort-select', 1))).replace(/\s*\(.*$/, '');
      await tab.until(`new URL(location.href).searchParams.get('cohort') && !document.querySelector('.prerender__changing')
        && [...document.querySelectorAll('#prerender section.chart-card .chart-card__title')].some((h) => h.textContent.includes(${JSON.stringify(choice)}))`, `the view of ${choice}`);
      assert.ok(!server.requests.some((r) => /cohort-dashboard-.*\.wasm/.test(r)), 'no app for a first choice');
      assert.deepEqual(twice(server.requests.filter((r) => /\/views\/[^/]+\.(html|css)$/.test(r))), [], 'each view and its rules fetched once');
      for (const f of files) assert.ok(server.requests.some((r) => r.endsWith(`/views/${f}.css`)), `${f}'s rules fetched`);
      // Of the view's drawings, only those shown near the screen and paper's come: not every
      // width and tone (Firefox once fetched all 38).
      await new Promise((ok) => setTimeout(ok, 2500));
      const drawings = server.requests.filter((r) => /\/views\/.*\.svg$/.test(r));
      assert.ok(drawings.length <= 16, `${drawings.length} of the view's drawings fetched: ${drawings.join(' ')}`);
      await tab.run("document.dispatchEvent(new Event('cohort-dashboard:start-app'))");
      await tab.until(APP_DRAWN, 'the app, every chart drawn');
      assert.ok((await tab.run("[...document.querySelectorAll('#app section.chart-card .chart-card__title')].map((h) => h.textContent).join(' | ')")).includes(choice), 'the app at the chosen view');
      assert.deepEqual(twice(server.requests), [], 'each file fetched once, the app\'s and the dataset too');
      await tab.run("document.querySelector('[data-testid=\"present\"]').click()");
      // The deck opens with the answer; the next slide is a chart.
      await tab.until("document.querySelector('[data-testid=\"slide-answer\"] li')", 'the answer\'s slide');
      await tab.run("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))");
      await tab.until("document.querySelector('[data-testid=\"slide-figure\"] svg text')", 'a slide drawn');
      // The slide's words are drawn in the page's sans face: measured against the same words
      // in the page's face and in a serif face, by the width the engine lays them out at.
      const face = await tab.run(`(() => {
        const t = [...document.querySelectorAll('[data-testid="slide-figure"] svg text')].find((x) => x.textContent.trim().length > 12);
        const s = getComputedStyle(t);
        const c = document.createElement('canvas').getContext('2d');
        const width = (family) => { c.font = s.fontWeight + ' ' + s.fontSize + ' ' + family; return c.measureText(t.textContent).width; };
        return { family: s.fontFamily, drawn: t.getComputedTextLength(), sans: width(getComputedStyle(document.body).fontFamily), serif: width('serif') };
      })()`);
      await tab.shot(path.join(SHOTS, `${label}-slide.png`));
      assert.ok(Math.abs(face.drawn - face.sans) < Math.abs(face.drawn - face.serif) || Math.abs(face.sans - face.serif) < 1,
        `slide words in the page's face (${JSON.stringify(face)})`);
      assert.deepEqual(await tab.run(PROBLEMS), []);
    }));

    test('after one visit, every chart is drawn from the offline copy with the network cut', withTab(1280, 900, async (tab) => {
      const own = await serveDist({ overrides });
      try {
        await tab.goto(own.url);
        await tab.until("document.documentElement.hasAttribute('data-enhanced')", 'the enhancer wired');
        await tab.run("document.dispatchEvent(new Event('cohort-dashboard:start-app'))");
        await tab.until(APP_DRAWN, 'the app, every chart drawn');
        await tab.run("navigator.serviceWorker.ready.then(() => { window.__copied = true; })");
        await tab.until('window.__copied', 'the service worker active', 20000);
        await new Promise((ok) => setTimeout(ok, 1500));
        await own.cut();
        await tab.goto(own.url);
        await tab.until("document.documentElement.hasAttribute('data-enhanced')", 'the enhancer wired offline');
        await tab.run("document.dispatchEvent(new Event('cohort-dashboard:start-app'))");
        await tab.until(APP_DRAWN, 'the app, every chart drawn offline');
        assert.match(await tab.run("document.querySelector('[data-testid=\"offline-notice\"]').textContent"), /The server did not answer/);
      } finally {
        await own.close();
      }
    }));

    test('the browser\'s own print gives the brief, from the static page and from the app (where the driver can print)', withTab(1280, 900, async (tab) => {
      if (!tab.pdf) {
        console.log(`# ${engine.name}: its driver has no print command (WebKitWebDriver); print is checked in Chromium and Firefox`);
        return;
      }
      await tab.goto(`${server.url}?nosw`);
      await tab.until("[...document.querySelectorAll('#prerender .pre-print')].every((d) => d.tagName !== 'IMG' || (d.complete && d.naturalWidth > 0))", 'paper\'s drawings fetched at idle');
      for (const where of ['the static page', 'the app']) {
        if (where === 'the app') {
          await tab.run("document.dispatchEvent(new Event('cohort-dashboard:start-app'))");
          await tab.until(APP_DRAWN, 'the app, every chart drawn');
        }
        const titles = await tab.run("[...document.querySelectorAll('section.chart-card .chart-card__title')].map((h) => h.textContent)");
        const pages = await pdfPages(await tab.pdf());
        console.log(`# ${engine.name}, ${where}: ${pages.length} A4 pages`);
        const all = pages.join(' ');
        assert.ok(pages.length >= 2 && pages.length <= 4, `${where}: a brief of at most 4 pages (${pages.length})`);
        assert.match(pages[0], /Printed on \d{1,2} [A-Z][a-z]+ 20\d\d from this view/, `${where}: the stamp`);
        assert.equal(titles.length, 8);
        for (const t of titles) assert.ok(all.includes(t.replace(/\s+/g, ' ')), `${where}: ${t}`);
        assert.equal(all.split('each source in full').length - 1, 1, `${where}: where the notes are, once`);
        assert.match(all, /are on the page at http:\/\/127\.0\.0\.1:\d+\//, `${where}: the address of the notes`);
        for (const control of [/Download/, /Embed this chart/, /Load your data/, /\bPresent\b/, /Show or hide/]) assert.doesNotMatch(all, control, `${where}: no control`);
      }
    }));

    test('nothing scrolls sideways at 320 px: the default view, the longest network chosen, and the app', withTab(320, 800, async (tab) => {
      const frame = await tab.narrow(`${server.url}?nosw`);
      await frame.until("document.documentElement.hasAttribute('data-enhanced')", 'the enhancer wired');
      const check = async (what) => {
        const r = await frame.run(SIDEWAYS);
        assert.equal(r.window, 320, `${what}: a 320 px window`);
        assert.ok(r.page <= r.window, `${what}: ${r.page - r.window} px sideways (${r.over.join(', ')})`);
      };
      await check('the default view');
      const choice = await frame.run(choose('pre-cohort-select', await frame.run(LONGEST)));
      await frame.until(`new URL(location.href).searchParams.get('cohort') && !document.querySelector('.prerender__changing')`, `the view of ${choice}`);
      await check(choice);
      await frame.run("document.dispatchEvent(new Event('cohort-dashboard:start-app'))");
      await frame.until(APP_DRAWN, 'the app, every chart drawn');
      await check(`the app at ${choice}`);
      await tab.shot(path.join(SHOTS, `${label}-320.png`));
      assert.deepEqual(await frame.run(PROBLEMS), []);
    }));
  });
}
