// The service worker's decisions, apart from its events so that node tests them.
//
//   cacheName('3f2a…')            // 'jodide-3f2a…'
//   shouldHandle(request, origin) // a GET of this site, not a range
//   event.respondWith(networkFirst(event.request, event.preloadResponse, { caches, fetch, cacheName: 'jodide-3f2a…' }));

import { SNAPSHOT_PATH } from '../pyodide/snapshot.js';

const PREFIX = 'jodide-';

/**
 * The site's gzip files of which a decompressed copy is kept beside the stored file, as site paths:
 * Pyodide's memory snapshot (7 MB, 31 MB decompressed), which every start of Python would otherwise
 * decompress on its way to the first result (~0.2-0.3 s of the Python worker's thread on a 2-core
 * machine, measured 2026-12-06: warm visits to Python idle 0.88-0.96× as long with the copy). The
 * editor page makes the copy in a worker of its own (page/decompressed-copy.js).
 */
const KEPT_DECOMPRESSED = Object.freeze([SNAPSHOT_PATH]);

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
 * The key under which the worker stores a file of the site: its URL without query and fragment. A
 * static host answers `index.html?notebook=…` with index.html, and lookups ignore the query anyway;
 * stored under its own URL, every link a browser opened was another copy of the page, kept and, by
 * each new build, stored again (urlsOfOtherCaches).
 */
export function storedKey(url) {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
}

/**
 * The key of the decompressed copy kept of the file at `url` (a URL or a Request): its
 * storedKey without `.gz` (`…/pyodide/python-snapshot`, a path the host does not serve), or null for
 * a file not in KEPT_DECOMPRESSED.
 */
export function decompressedKey(url) {
  const key = storedKey(typeof url === 'string' || url instanceof URL ? url : url.url);
  return KEPT_DECOMPRESSED.some((path) => key.endsWith('/' + path)) ? key.slice(0, -'.gz'.length) : null;
}

/** Whether `url` is the key of a decompressed copy (decompressedKey of some file). */
export function isDecompressedKey(url) {
  const key = storedKey(url);
  return KEPT_DECOMPRESSED.some((path) => key.endsWith('/' + path.slice(0, -'.gz'.length)));
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
      cache.then((opened) => opened.put(storedKey(request.url), copy)).catch(() => { });
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

/**
 * A page's ask that the worker store files of this site it does not hold yet (storeMissing), as a
 * message to the worker with a port for the answer: {[STORE_ASK]: [absolute URL, ...]}, answered on
 * the port with {[STORED]: [the URLs stored now]}. The page asks for the files it downloaded before
 * the worker controlled it (a first visit's Python runtime: the install stores only the app shell).
 */
export const STORE_ASK = 'jodideStoreFiles';
export const STORED = 'jodideFilesStored';

/** The message asking the worker to store `urls`. */
export function storeAsk(urls) {
  return { [STORE_ASK]: [...urls] };
}

/** The URLs a message asks to store (storeAsk), or null when it is not such an ask. */
export function urlsToStore(data) {
  const urls = data && typeof data === 'object' ? data[STORE_ASK] : undefined;
  return Array.isArray(urls) && urls.every((url) => typeof url === 'string') ? urls : null;
}

/**
 * Stores in the cache `cacheName` each of `urls` of the site at `origin` that it does not hold yet,
 * as the network answers it, revalidated through the HTTP cache (`no-cache`: a file the page has just
 * downloaded comes from the disk cache with a 304, not again over the network). Other sites' URLs, a
 * failed fetch and any answer but a 200 of the site are left out. Resolves to the URLs stored now.
 */
export async function storeMissing(urls, { caches, fetch, cacheName: name, origin }) {
  const cache = await caches.open(name);
  const stored = [];
  await Promise.all(urls.map(async (url) => {
    if (new URL(url).origin !== origin) {
      return;
    }
    const request = new Request(storedKey(url), { cache: 'no-cache' });
    if (await cache.match(request)) {
      return;
    }
    try {
      const response = await fetch(request);
      if (response.status === 200 && response.type === 'basic') {
        await cache.put(request, response);
        stored.push(url);
      }
    } catch (unreachable) {
      // Offline or refused: not stored; the page's next ask tries again.
    }
  }));
  return stored;
}

/**
 * The URLs that this site's caches other than `name` hold and `name` does not (an earlier build's:
 * its app shell and what pages asked it to store, Pyodide's core where a page ran Pyodide). A new
 * build's worker stores these again as it installs (storeMissing: fetched anew, never copied from
 * the old cache, which activation deletes), each under its storedKey once (an older build stored
 * pages opened with a query under their own URL), so that a site whose pages ran Pyodide keeps Pyodide
 * offline across a new build, and one whose pages never did does not download it. Decompressed copies
 * are not among them (the host has no such file): a page makes each again from its file.
 */
export async function urlsOfOtherCaches(name, { caches }) {
  const current = await caches.open(name);
  const urls = new Set();
  for (const other of (await caches.keys()).filter((each) => isOwnCache(each) && each !== name)) {
    for (const request of await (await caches.open(other)).keys()) {
      const key = storedKey(request.url);
      if (!urls.has(key) && !isDecompressedKey(key) && !(await current.match(key))) {
        urls.add(key);
      }
    }
  }
  return [...urls];
}
