// Firefox and WebKit, from Debian's packages, driven with no browser download: Firefox ESR over
// WebDriver BiDi (puppeteer-core), WebKitGTK's MiniBrowser over WebDriver (selenium-webdriver,
// under Xvfb). Both are wrapped in one small tab interface, so that the checks of
// engines.test.mjs are written once for both (../shared/ENGINES.md has the quirks met).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST } from './site.mjs';
import { FAKE_AUDIO } from './fake-audio.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';

/**
 * What the page's first script (public/view-gate.js) is served with in these engines: an
 * error collector ahead of it, as WebDriver gives no console (`window.__problems`), and a
 * recorder in place of Web Audio (`fake-audio.mjs`).
 */
export function collectorOverride() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-'));
  const file = path.join(dir, 'view-gate.js');
  // A page 320 px wide where the window cannot be: the address after '#' in a frame.
  const narrow = path.join(dir, 'narrow.html');
  fs.writeFileSync(narrow, '<!DOCTYPE html><html lang="en"><title>320 px</title><body style="margin:0">'
    + '<script>document.write(\'<iframe title="page" style="width:320px;height:800px;border:0" src="\' + location.hash.slice(1) + \'"></iframe>\')</script>');
  fs.writeFileSync(file, `window.__problems = [];
addEventListener('error', function (e) { window.__problems.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e)); }, true);
addEventListener('unhandledrejection', function (e) { window.__problems.push('rejection: ' + e.reason); });
${FAKE_AUDIO}${fs.readFileSync(path.join(DIST, 'view-gate.js'), 'utf8')}`);
  return { 'view-gate.js': file, 'narrow.html': narrow };
}

/** A tab over any engine: `run` evaluates an expression (a string) in the page. */
class Tab {
  constructor(run, goto, close, shot, narrow, pdf = null) {
    /** The page printed to an A4 PDF by the browser's own print (null where the driver cannot). */
    this.pdf = pdf;
    this.run = run;
    this.goto = goto;
    this.close = close;
    this.shot = shot;
    /** Opens `url` 320 px wide; resolves to the tab to read it by. */
    this.narrow = narrow;
  }

  /** Waits until `expr` is truthy in the page; fails naming `what` after `timeout` ms. */
  async until(expr, what, timeout = 30000) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        last = await this.run(`!!(${expr})`);
        if (last) return last;
      } catch (e) {
        last = e.message;
      }
      await sleep(100);
    }
    throw new Error(`${what}: not within ${timeout} ms (last: ${JSON.stringify(last)})`);
  }
}

/** Firefox ESR, headless, over WebDriver BiDi. */
export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, args: ['--no-remote'], defaultViewport: null,
  });
  return {
    name: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    async open(width, height) {
      const page = await browser.newPage();
      // ESR 140 throws on the screen orientation part of this, after applying the size.
      try { await page.setViewport({ width, height }); } catch { /* applied all the same */ }
      return new Tab(
        (expr) => page.evaluate(expr),
        (url) => page.goto(url),
        () => page.close(),
        async (file) => { await page.screenshot({ path: file }); },
        async function narrow(url) {
          try { await page.setViewport({ width: 320, height: 800 }); } catch { /* applied all the same */ }
          await page.goto(url);
          return this;
        },
        () => page.pdf({ format: 'A4', printBackground: true }),
      );
    },
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser over WebKitWebDriver, on a virtual screen of its own. */
export async function webkit() {
  const { Builder, Capabilities } = await import('selenium-webdriver');
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn(XVFB, [display, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = 4400 + Math.floor(Math.random() * 500);
  await sleep(500);
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  await sleep(800);
  const sessions = [];
  const stop = () => { driver.kill(); xvfb.kill(); };
  // WebKitWebDriver has no --version: the package's.
  const version = await new Promise((ok) => {
    const v = spawn('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver']);
    let out = '';
    v.stdout.on('data', (d) => { out += d; });
    v.on('close', () => ok(out.trim() || 'unknown'));
  });
  return {
    name: `WebKitGTK ${version}`,
    async open(width, height) {
      const caps = new Capabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      });
      const session = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
      sessions.push(session);
      await session.manage().window().setRect({ width, height });
      return new Tab(
        (expr) => session.executeScript(`return (${expr});`),
        (url) => session.get(url),
        async () => { await session.quit(); sessions.splice(sessions.indexOf(session), 1); },
        async (file) => { fs.writeFileSync(file, Buffer.from(await session.takeScreenshot(), 'base64')); },
        async function narrow(url) {
          const at = new URL(url);
          await session.get(`${at.origin}/narrow.html#${at.pathname}${at.search}`);
          await this.until("document.querySelector('iframe')", 'the 320 px frame');
          await session.switchTo().frame(0);
          return this;
        },
      );
    },
    async close() {
      for (const s of sessions.splice(0)) await s.quit().catch(() => {});
      stop();
    },
  };
}
