// The service worker's decisions, apart from its events so that node tests them.
//
//   cacheName('3f2a…')            // 'jodide-3f2a…'
//   shouldHandle(request, origin) // a GET of this site, not a range
//   event.respondWith(networkFirst(event.request, event.preloadResponse, { caches, fetch, cacheName: 'jodide-3f2a…' }));

const PREFIX = 'jodide-';

/** The cache of one build, by its version (a hash of the built site). */
export function cacheName(version) {
  return PREFIX + version;
}

/** Whether `name` is a cache of some build of this site (others, if any, are left alone). */
export function isOwnCache(name) {
  return name.startsWith(PREFIX);
}

/**
 * Whether the worker answers `request`: only GETs of this site's own origin, and not byte ranges
 * (a partial answer cannot be stored). HEAD (the page's probe of the host, see handed-frame.js),
 * other sites and everything else go to the network untouched.
 */
export function shouldHandle(request, origin) {
  return request.method === 'GET' && new URL(request.url).origin === origin && !request.headers.has('range');
}

/**
 * Whether `stored` (a cached answer, or undefined) is the same version of the file as `fresh`: both
 * have the same ETag, or else the same Last-Modified. Without either, never (store again).
 */
export function sameVersion(stored, fresh) {
  if (!stored) {
    return false;
  }
  for (const name of ['ETag', 'Last-Modified']) {
    const value = fresh.headers.get(name);
    if (value) {
      return stored.headers.get(name) === value;
    }
  }
  return false;
}

/**
 * The worker's answer to `request`: the network's (the navigation preload's when there is one), as
 * without a worker; a 200 answer of this site is stored in the cache `cacheName` when the stored
 * copy is not the same version. The stored copy is looked up while the request is out, and the
 * answer is copied only when it is stored: a copy tees the body through the worker's thread and
 * buffers what nobody reads (Pyodide's 18 MB on every visit otherwise). When the network fails, the
 * stored copy answers (a page's query, ?notebook= or ?view=, does not change the file; a navigation
 * without one gets index.html's); without one the network's error is the answer.
 */
export async function networkFirst(request, preloadResponse, { caches, fetch, cacheName: name }) {
  const cache = caches.open(name);
  const lookUp = (key) => cache.then((opened) => opened.match(key, { ignoreSearch: true })).catch(() => undefined);
  const stored = lookUp(request);
  try {
    const response = (await preloadResponse) || await fetch(request);
    if (response.status === 200 && response.type === 'basic' && !sameVersion(await stored, response)) {
      const copy = response.clone();
      cache.then((opened) => opened.put(request, copy)).catch(() => { });
    }
    return response;
  } catch (error) {
    const copy = (await stored) || (request.mode === 'navigate' ? await lookUp('index.html') : undefined);
    if (copy) {
      return copy;
    }
    throw error;
  }
}
