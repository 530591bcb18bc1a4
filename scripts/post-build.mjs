// trunk post_build hook (see Trunk.toml): runs in the staging folder before it becomes dist/.
// 1. Moves trunk's inline start-up script into boot-<hash>.js, so the page runs under
//    `script-src 'self' 'wasm-unsafe-eval'` with no inline script.
// 2. Adds to it: service-worker registration (offline use), when embedded in an iframe,
//    reporting the content height to the parent page, and the later start: over the
//    prerendered view the enhancer runs once that view has painted, and the app is fetched
//    when a reader first uses a control (trunk's preload hints, and the dataset's, move from
//    the HTML into the script, and into view-gate.js for the other views).
// 3. Writes the default view into index.html, and the rules that choose its drawings into
//    the stylesheet (renamed by its new content's hash), (the host binary `prerender`, from the same core
//    as the page: src/prerender.rs), so the first paint has the charts and the page reads
//    without JavaScript.
// 4. Stamps sw.js with this build's file list and a version made from their contents, so a
//    new deployment replaces the offline copy whole.
// 5. Precompresses every text and wasm file as .br and .gz beside it, for servers that send
//    them as they are (scripts/serve.mjs, and the nginx/Apache examples in docs/deploy/).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by trunk)');
const sha = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/); // quoted or minified
if (!inline) throw new Error('post-build: no inline start-up script in index.html');

const prelude = `
// Offline copy: the service worker caches this build (not under ?nosw, used by some tests).
// It is registered once the first chart is interactive (or 10 s after the load event, if the
// page never gets there), and then only when the browser is idle, so that saving the copy
// never competes with the first load. Under Save-Data it keeps only the static view: the
// page's shell at once, and the drawings the reader has seen (sw.js?lite).
if ('serviceWorker' in navigator && !new URLSearchParams(location.search).has('nosw')) {
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    const lite = Boolean(navigator.connection && navigator.connection.saveData);
    const go = () => navigator.serviceWorker.register(lite ? './sw.js?lite' : './sw.js')
      .catch((e) => console.warn('offline copy unavailable: ' + e.message));
    if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 5000 });
    else setTimeout(go, 200);
  };
  new PerformanceObserver((list) => {
    if (list.getEntriesByName('cohort-dashboard:first-chart').length) register();
  }).observe({ type: 'mark', buffered: true });
  addEventListener('load', () => setTimeout(register, 10000));
}
// Embedded in an iframe: tell the parent page the content height whenever it changes.
if (window.parent !== window) {
  const post = () => window.parent.postMessage(
    { type: 'cohort-dashboard:height', height: Math.ceil(document.documentElement.getBoundingClientRect().height), href: location.href }, '*');
  new ResizeObserver(post).observe(document.documentElement);
  addEventListener('load', post);
}
`;
// The app's wasm and glue are not fetched with the prerendered view. trunk's preload hints
// for them leave the HTML; the start-up script adds them back when a reader asks for the app,
// and view-gate.js adds them at once where there is no static view to paint (another view
// was asked for). The first paint has the bandwidth to itself, and a reader who only reads
// never fetches the app's 400 KB.
const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="\.\/cohort-dashboard-[0-9a-f]{1,16}(?:_bg\.wasm|\.js)"[^>]*>/g)]
  .map((m) => m[0]);
if (preloads.length !== 2) throw new Error(`post-build: expected trunk's two preloads of the app, found ${preloads.length}`);
// The dataset's preload goes with them: only the app reads the dataset.
const dataPreload = html.match(/<link rel="preload" href="data\/dataset\.json"[^>]*>/);
if (!dataPreload) throw new Error('post-build: index.html no longer preloads data/dataset.json');
preloads.push(dataPreload[0]);
const hints = preloads.map((tag) => Object.fromEntries([...tag.matchAll(/([a-z]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
for (const tag of preloads) html = html.replace(tag, '');
const start = inline[1].trim();
const glueImport = /^import init, \* as bindings from '([^']+)';$/m;
if (!glueImport.test(start)) throw new Error("post-build: trunk's start-up script no longer imports its glue as expected");
const deferred = () => `
const hints = ${JSON.stringify(hints)};
// A response fetched early for this file (view-gate.js, or below), taken once; else its address.
const taken = (href) => {
  const got = window.cohortFetched?.[href];
  if (got) delete window.cohortFetched[href];
  return got || href;
};
// Over the prerendered view the app is not fetched with the page: once that view has painted
// (or after a second, for a tab or frame that is not being painted), the small enhancer
// (src/enhance/) makes its drawings answer the pointer and keys, and the app comes when a
// reader first uses a control (the enhancer asks with 'cohort-dashboard:start-app'; so can
// an embedding page or a test). For any other view view-gate.js has hinted the app already.
const root = document.documentElement;
if (root.classList.contains('prerendered')) {
  const asked = new Promise((resolve) => document.addEventListener('cohort-dashboard:start-app', resolve, { once: true }));
  if (document.visibilityState === 'visible') {
    // Once the first contentful paint has been presented. (A timeout set in an animation
    // frame came no sooner in 12 interleaved loads, and can run before the frame is shown.)
    await new Promise((resolve) => {
      const fallback = setTimeout(resolve, 1000);
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('first-contentful-paint').length) return;
        observer.disconnect();
        clearTimeout(fallback);
        setTimeout(resolve, 0);
      }).observe({ type: 'paint', buffered: true });
    });
  }
  try {
    // Fetched while the view paints (view-gate.js hints it and its glue), run after.
    const enhancer = await import('./enhance.js');
    // The response view-gate.js asked for while the view painted (a hint would be fetched
    // twice in WebKit).
    await enhancer.default({ module_or_path: taken('./enhance_bg.wasm') });
    await asked;
  } catch (e) {
    // Without the enhancer the static view cannot answer: the app takes over at once.
    console.warn('the enhancer did not start (' + e.message + '): starting the app');
  }
  // By view-gate.js's hint: a file code fetches is fetched now and its response kept.
  for (const h of hints) window.cohortHint(h);
}
const bindings = await import('$1');
const init = bindings.default;`;
// The start-up script is written once the glue is minified (its integrity hash is in it).
html = html.replace(inline[0], '<script type="module" src="./__BOOT__"></script>');
fs.writeFileSync(indexPath, html);

// The dev profile: the binary runs once on a small file, and its build is shared with `cargo test`.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', dir], { cwd: root, stdio: 'inherit' });

// The rules that choose the prerendered drawings by column width go at the end of the
// stylesheet (no extra request before the first paint).
const sri = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
/** Rewrites a file trunk made, and its subresource-integrity hash in index.html. */
function rewrite(file, text) {
  const old = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text);
  const page = fs.readFileSync(indexPath, 'utf8');
  fs.writeFileSync(indexPath, page.split(sri(old)).join(sri(text)));
  for (const h of hints) if (h.integrity === sri(old)) h.integrity = sri(text);
}
// trunk writes its hashes in hex without leading zeros: 15 digits one name in 16, and fewer.
const stylesheet = fs.readdirSync(dir).find((f) => /^main-[0-9a-f]{1,16}\.css$/.test(f));
if (!stylesheet) throw new Error('post-build: no main-<hash>.css stylesheet');
const layoutPath = path.join(dir, 'prerender', 'layout.css');
rewrite(path.join(dir, stylesheet), `${fs.readFileSync(path.join(dir, stylesheet), 'utf8')}\n/* src/prerender/variants.rs */\n${fs.readFileSync(layoutPath, 'utf8')}`);
fs.rmSync(layoutPath);

// trunk's own minifier fails on wasm-bindgen's glue ("Failed to minify JS") and is off
// (Trunk.toml): esbuild minifies the release build's JS and CSS here.
console.log(`post-build: profile ${process.env.TRUNK_PROFILE}`);
const release = process.env.TRUNK_PROFILE === 'release';
const { transformSync } = release ? await import('esbuild') : {};
if (release) {
  // What trunk made: the glue and start-up modules and the stylesheet, hashed by name; the
  // worker's glue, a classic script (its top-level `wasm_bindgen` is kept by esbuild).
  const kinds = [
    [/-[0-9a-f]{1,16}\.js$/, { format: 'esm', target: 'es2022' }],
    [/-[0-9a-f]{1,16}\.css$/, { loader: 'css' }],
    [/^import-worker\.js$/, { target: 'es2022' }],
    // The enhancer's glue, an ES module the start-up script imports.
    [/^enhance\.js$/, { format: 'esm', target: 'es2022' }],
  ];
  for (const f of fs.readdirSync(dir)) {
    const kind = kinds.find(([re]) => re.test(f));
    if (!kind) continue;
    const file = path.join(dir, f);
    // trunk's subresource-integrity hashes name the file as it was: name it as it is now.
    rewrite(file, transformSync(fs.readFileSync(file, 'utf8'), { minify: true, ...kind[1] }).code);
  }
}

// A failed start of the app is told (the enhancer says so over the static view, whose
// drawings still answer) rather than left as a note that it is loading.
// The app's wasm from the response fetched early for it, where it was (a hint would be
// fetched twice in WebKit).
const wasmInit = /module_or_path: ?(['"])([^'"]+_bg\.wasm)\1/;
if (!wasmInit.test(start)) throw new Error("post-build: trunk's start-up script no longer names its wasm as expected");
let boot = `${prelude}\ntry {\n${start.replace(wasmInit, 'module_or_path: taken($1$2$1)').replace(glueImport, deferred())}\n} catch (e) {\n  document.dispatchEvent(new Event('cohort-dashboard:app-failed'));\n  throw e;\n}\n`;
if (release) boot = transformSync(boot, { minify: true, format: 'esm', target: 'es2022' }).code;
const bootName = `boot-${sha(boot)}.js`;
fs.writeFileSync(path.join(dir, bootName), boot);
fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('__BOOT__', bootName));
const gatePath = path.join(dir, 'view-gate.js');
const gate = fs.readFileSync(gatePath, 'utf8');
// The gate also learns which charts the static view has an embed of (each has its way out,
// `#pre-full-<chart>`), so that an embed of any other shows the app rather than nothing.
const embeddable = [...fs.readFileSync(indexPath, 'utf8').matchAll(/id="pre-full-([a-z0-9-]+)"/g)].map((m) => m[1]);
if (!embeddable.length) throw new Error('post-build: the prerendered view has no embeddable chart');
// And the addresses of the views one menu away that the static page can show (each static
// menu's options name theirs: src/prerender/views.rs).
const views = Object.fromEntries([...fs.readFileSync(indexPath, 'utf8').matchAll(/data-view="([^"]+)" data-query="\?([^"]+)"/g)]
  .map((m) => [m[2].replace(/&amp;/g, '&'), m[1]]));
if (!Object.keys(views).length) throw new Error('post-build: the static menus name no view one choice away');
for (const slot of ['/*HINTS*/[]', '/*CHARTS*/[]', '/*VIEWS*/{}']) {
  if (!gate.includes(slot)) throw new Error(`post-build: view-gate.js has no ${slot} to fill`);
}
fs.writeFileSync(gatePath, gate.replace('/*HINTS*/[]', JSON.stringify(hints)).replace('/*CHARTS*/[]', JSON.stringify(embeddable)).replace('/*VIEWS*/{}', JSON.stringify(views)));

// The stylesheet's content changed after trunk named it by its hash, and hashed files are
// cached for a year: name it by what it now holds.
const css = fs.readFileSync(path.join(dir, stylesheet), 'utf8');
const renamed = `main-${sha(css)}.css`;
fs.renameSync(path.join(dir, stylesheet), path.join(dir, renamed));
fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').split(stylesheet).join(renamed));

function walk(d, base = '') {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(base, e.name);
    return e.isDirectory() ? walk(path.join(d, e.name), rel) : [rel];
  });
}
const files = walk(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && !/\.(br|gz)$/.test(f)).sort();
const version = sha(files.map((f) => f + sha(fs.readFileSync(path.join(dir, f)))).join('\n'));
const swPath = path.join(dir, 'sw.js');
const sw = fs.readFileSync(swPath, 'utf8')
  .replace('__VERSION__', version)
  // The views one choice away (src/prerender/views.rs) are left to the network: offline,
  // the app (which is cached) shows them.
  .replace('__FILES__', JSON.stringify(['./', ...files.filter((f) => !f.startsWith('prerender/views/')).map((f) => `./${f}`)]))
  // The static view's shell: what a reader under Save-Data keeps (with the drawings seen).
  .replace('__SHELL__', JSON.stringify(['./', ...files
    .filter((f) => /^(index\.html|main-[0-9a-f]+\.css|view-gate\.js|boot-[0-9a-f]+\.js|favicon\.svg|enhance(_bg\.wasm|\.js))$/.test(f))
    .map((f) => `./${f}`)]));
fs.writeFileSync(swPath, sw);
console.log(`post-build: ${bootName}, sw.js version ${version} caching ${files.filter((f) => !f.startsWith('prerender/views/')).length + 1} files`);

const COMPRESS = /\.(html|js|css|wasm|json|svg|marks)$/;
let raw = 0;
let brotli = 0;
for (const f of [...files, 'sw.js'].filter((f) => COMPRESS.test(f))) {
  const body = fs.readFileSync(path.join(dir, f));
  const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  fs.writeFileSync(path.join(dir, `${f}.br`), br);
  fs.writeFileSync(path.join(dir, `${f}.gz`), zlib.gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
}
console.log(`post-build: precompressed ${(raw / 1024).toFixed(0)} KB as ${(brotli / 1024).toFixed(0)} KB of brotli (and gzip)`);
