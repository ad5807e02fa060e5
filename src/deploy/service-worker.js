/*
 * INTx Lab's service worker: the app keeps working offline once loaded
 * (classrooms have bad networks). The build inlines PRECACHE: every file of
 * that build and a version naming its cache, so a new build installs a new
 * worker and drops the old files.
 *
 * - built assets (hashed names, never change): cache first;
 * - the page and every other same-origin GET: network first, cache fallback.
 */
const PRECACHE = self.__INTX_PRECACHE__;
// The worker serves its own folder only (its scope, e.g. /course/intx/), and
// its caches are named after that folder: two copies of INTx Lab on one site
// never serve or delete each other's files.
const SCOPE = self.registration.scope;
const PREFIX = `intx-lab-${new URL(SCOPE).pathname}-`;
const CACHE = `${PREFIX}${PRECACHE.version}`;
/** Cache names of builds from before caches were named after their folder. */
const UNSCOPED = /^intx-lab-[0-9a-f]{16}$/;
const PAGE = './index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => (key.startsWith(PREFIX) && key !== CACHE) || UNSCOPED.test(key))
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The preview and many servers answer with `Vary: Origin`; module scripts are
// requested with an Origin header and the precache without, so Vary is ignored.
const MATCH = { ignoreVary: true };

async function cacheFirst(request) {
  const cached = await caches.match(request, MATCH);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function networkFirst(request, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    const cached =
      (await caches.match(request, { ...MATCH, ignoreSearch: request.mode === 'navigate' })) ??
      (fallback ? await caches.match(fallback, MATCH) : undefined);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!url.href.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, PAGE));
  } else if (PRECACHE.immutable.some((prefix) => url.pathname.includes(prefix))) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
