// The package index's files kept in this browser's Cache Storage by the page that fetches them for
// the report frame (package-files.js), so that a package loaded once loads again when the index
// cannot be reached: offline, or the index down. The network comes first: a copy answers only when
// the fetch fails (not when the index answers with an error), so an index that changed a file is
// always heard. The HTTP cache may keep these files too, but may drop them whenever it likes, and a
// file sent with `no-cache` (validators only) it cannot give without asking the index.
//
//   const store = packageStore();
//   store.keep(url, response, blob);    // after a fetch that succeeded; never rejects
//   const copy = await store.copy(url); // a Blob, or null
//
// The cache is not one of the service worker's (`jodide-<build>`, which a new build deletes: its
// isOwnCache is false for PACKAGE_CACHE): packages outlive builds. Nothing is ever evicted by Jodide;
// the browser evicts the origin's storage as a whole under pressure.

import { sameVersion } from '../sw/offline-cache.js';

/** The Cache Storage cache of package files. */
export const PACKAGE_CACHE = 'jodide.packages';

/** What a stored copy keeps of the index's answer: what tells its version, and its type (its size is the Blob's). */
const KEPT_HEADERS = Object.freeze(['Content-Type', 'ETag', 'Last-Modified']);

function keptHeaders(response, blob) {
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set('Content-Length', String(blob.size));
  return headers;
}

/**
 * Whether the stored copy `stored` is the version `fresh` (with body `blob`) is: the same ETag, else
 * Last-Modified (sameVersion), or, where the index sends neither (or a cross-origin answer does not
 * show them), the same size.
 */
function sameCopy(stored, fresh, blob) {
  if (!stored) return false;
  if (fresh.headers.get('ETag') || fresh.headers.get('Last-Modified')) return sameVersion(stored, fresh);
  return stored.headers.get('Content-Length') === String(blob.size);
}

/**
 * The store over `caches` (the page's Cache Storage; null, or a browser without it: it keeps nothing,
 * as for embedded cells, which write nothing into the embedding site's storage).
 */
export function packageStore(caches = globalThis.caches) {
  const open = () => (caches ? caches.open(PACKAGE_CACHE) : Promise.reject(new Error('no Cache Storage')));
  return {
    /** Keeps `blob`, the body of `response` for `url`, unless the same version is kept already. */
    keep(url, response, blob) {
      return open().then((cache) => cache.match(url).then((stored) => (sameCopy(stored, response, blob)
        ? undefined
        : cache.put(url, new Response(blob, { status: 200, headers: keptHeaders(response, blob) })))))
        .catch(() => undefined);
    },
    /** The kept copy of `url` as a Blob, or null. */
    copy(url) {
      return open().then((cache) => cache.match(url)).then((stored) => (stored ? stored.blob() : null)).catch(() => null);
    },
  };
}
