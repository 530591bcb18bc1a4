// The first choice: a reader opens the page (the prerendered view, on a phone's screen) and
// chooses a network (or a subject, or a card's Table tab) at once. Timed from the menu's change
// event to the paint of the frame that shows the chosen view with its first drawing (the
// prerendered view swapped in, src/enhance/views.rs, or the app's), on loopback and under
// Lighthouse's mobile throttling (150 ms, 1.6 Mbps down, 750 kbps up, 4× CPU) emulated through
// the DevTools protocol; with what the choice fetched, by kind, at gzip size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const THROTTLED = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpu: 4,
};

/** What the files fetched after the choice weigh, gzip -9 of the built file, by kind. */
function weigh(dist, urls) {
  const kinds = { code: 0, data: 0, drawings: 0, other: 0 };
  for (const u of urls) {
    const rel = decodeURIComponent(new URL(u).pathname).replace(/^\//, '') || 'index.html';
    const file = path.join(dist, rel);
    if (!fs.existsSync(file)) continue;
    const size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    const kind = /\.(wasm|js)$/.test(rel) ? 'code' : /\.json$/.test(rel) ? 'data' : /\.(svg|marks)$/.test(rel) ? 'drawings' : 'other';
    kinds[kind] += size;
  }
  return kinds;
}

/**
 * One fresh load and one choice in menu `menu` (`second`: a subject after a network, the
 * app's to show); returns its time and what it fetched. With
 * `lead`, the menu is focused that many ms before the choice, as a reader's tap opens it
 * (public/view-gate.js fetches the views it would show then): what it fetched counts.
 */
async function once(browser, url, dist, throttled, menu, lead = 0) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLED.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpu });
    }
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('cohort-dashboard:first-chart').length > 0, null, { timeout: 120000 });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-enhanced'), null, { timeout: 120000 });
    const r = await page.evaluate(async ([menu, lead]) => {
      // A second menu: a network chosen first (its view swapped in), then a subject, which is
      // two menus away from the default and so the app's to show.
      if (menu === 'second') {
        const first = document.getElementById('pre-cohort-select');
        const was = document.querySelector('#prerender .charts');
        first.selectedIndex = 1;
        first.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((ok) => {
          const look = () => (document.querySelector('#prerender .charts') !== was && !document.querySelector('.prerender__changing') ? ok() : requestAnimationFrame(look));
          look();
        });
        menu = 'pre-subject-select';
      }
      const sel = document.getElementById(menu);
      const before = new Set(performance.getEntriesByType('resource').map((e) => e.name));
      if (lead) {
        sel.focus();
        await new Promise((ok) => setTimeout(ok, lead));
      }
      const old = document.querySelector('#prerender .charts');
      // A tab: the first card's Table tab, shown once its table is.
      const tab = menu === 'tab' && document.querySelector('#prerender .chart-card [role="tab"][data-twin$="-tab-table"]');
      const tabShown = () => {
        const panel = document.querySelector('#prerender .chart-card [role="tabpanel"][id$="-panel-table"]:not([hidden])')
          || document.querySelector('#app section.chart-card [role="tabpanel"]:not([hidden]) table');
        return Boolean(panel && (panel.tagName === 'TABLE' || panel.querySelector('table')));
      };
      // The chosen view is shown: the static view's cards replaced and nothing said to be
      // changing, the drawings on screen in (on a phone the answer may fill the screen); or
      // the app's first card drawn.
      const shown = () => {
        if (tab) return tabShown();
        const pre = document.getElementById('prerender');
        if (pre) {
          const charts = pre.querySelector('.charts');
          if (charts === old || document.querySelector('.prerender__changing')) return false;
          // Only cards on screen are looked into: asking where a drawing of a card off screen
          // is would lay out what the browser skips there (`content-visibility: auto`), some
          // 30 ms that a reader's frame does not spend.
          const onScreen = [...charts.querySelectorAll('.chart-card')].filter((c) => {
            const box = c.getBoundingClientRect();
            return box.top < innerHeight && box.bottom > 0;
          });
          const seen = onScreen.flatMap((c) => [...c.querySelectorAll('.pre-v')]).filter((e) => e.offsetWidth > 0 && e.getBoundingClientRect().top < innerHeight);
          return seen.every((d) => d.tagName !== 'IMG' || (d.complete && d.naturalWidth > 0));
        }
        const card = document.querySelector('#app section.chart-card');
        return Boolean(card) && card.getAttribute('aria-busy') !== 'true' && Boolean(card.querySelector('[data-testid="chart-figure"] svg'));
      };
      await new Promise((ok) => setTimeout(ok, 0));
      const t0 = performance.now();
      if (tab) {
        tab.click();
      } else {
        sel.selectedIndex = 1;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const t1 = await new Promise((done, fail) => {
        const give = setTimeout(() => fail(new Error(`${menu}: the chosen view not shown within 60 s`)), 60000);
        const frame = () => {
          if (!shown()) {
            requestAnimationFrame(frame);
            return;
          }
          // A message posted in an animation frame is handled after that frame's paint.
          const ch = new MessageChannel();
          ch.port1.onmessage = () => { clearTimeout(give); done(performance.now()); };
          ch.port2.postMessage(0);
        };
        requestAnimationFrame(frame);
      });
      const fetched = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !before.has(n));
      return { ms: t1 - t0, fetched, app: !document.getElementById('prerender') };
    }, [menu, lead]);
    return { ms: r.ms, app: r.app, ...weigh(dist, r.fetched) };
  } finally {
    await context.close();
  }
}

/** The median of `runs` first choices, on loopback and throttled. */
export async function measureFirstChoice(browser, url, dist, runs) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
  };
  const out = {};
  for (const [menu, what] of [['pre-cohort-select', 'network'], ['pre-subject-select', 'subject'], ['second', 'subject after a network (two menus away)'], ['tab', 'Table tab']]) {
    const ways = menu === 'tab' ? [['loopback', false, 0], ['throttled', true, 0]]
      : [['loopback', false, 0], ['loopback, the menu focused 1 s before', false, 1000], ['throttled', true, 0], ['throttled, the menu focused 1 s before', true, 1000]];
    for (const [key, throttled, lead] of ways) {
      const all = [];
      for (let i = 0; i < runs; i++) all.push(await once(browser, url, dist, throttled, menu, lead));
      out[`${what}, ${key}`] = {
        ms: median(all.map((a) => a.ms)),
        code: median(all.map((a) => a.code)),
        data: median(all.map((a) => a.data)),
        drawings: median(all.map((a) => a.drawings)),
        other: median(all.map((a) => a.other)),
        app: all.some((a) => a.app),
        n: all.length,
      };
    }
  }
  return out;
}
