// Offline copy of the dashboard. scripts/post-build.mjs stamps VERSION and FILES at build
// time: each deployment caches its own files under its own name and deletes the others, so
// old wasm is never mixed with new data. The page and the dataset are fetched fresh when the
// network answers and from the copy when it does not; the copy says when it was saved.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const SHELL = __SHELL__;
const CACHE = `cohort-dashboard-${VERSION}`;
// Registered as sw.js?lite under Save-Data: the static view's shell only, at install; what
// else the reader fetches (the drawings seen) is kept as it comes.
const LITE = new URL(self.location.href).searchParams.has('lite');

async function save(cache, request, response) {
  const headers = new Headers(response.headers);
  headers.set('x-saved-at', new Date().toISOString());
  const body = await response.clone().arrayBuffer();
  await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const f of (LITE ? SHELL : FILES)) {
      const response = await fetch(new Request(f, { cache: 'reload' }));
      if (!response.ok) throw new Error(`${f}: ${response.status}`);
      await save(cache, f, response);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('cohort-dashboard-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await save(cache, request, response);
    return response;
  } catch (e) {
    const copy = await cache.match(request, { ignoreSearch: true })
      || (request.mode === 'navigate' ? await cache.match('./', { ignoreSearch: true }) : undefined);
    if (!copy) throw e;
    const headers = new Headers(copy.headers);
    headers.set('x-from-cache', '1');
    return new Response(await copy.arrayBuffer(), { status: copy.status, statusText: copy.statusText, headers });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request, { ignoreSearch: true });
  if (copy) return copy;
  const response = await fetch(request);
  if (LITE && response.ok) await save(cache, request, response);
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // A prerendered view one choice away is not kept (but under Save-Data, with the drawings
  // seen): offline, its fetch fails and the enhancer asks for the app, which is.
  const view = url.pathname.includes('/prerender/views/');
  const fresh = !view && (request.mode === 'navigate' || url.pathname.endsWith('/') || url.pathname.endsWith('.html')
    || url.pathname.endsWith('/data/dataset.json'));
  event.respondWith(fresh ? networkFirst(request) : cacheFirst(request));
});
