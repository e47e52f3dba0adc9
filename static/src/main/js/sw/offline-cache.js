// The service worker's decisions, apart from its events so that node tests them.
//
//   cacheName('3f2a…')            // 'jodide-3f2a…'
//   shouldHandle(request, origin) // a GET of this site, not a range

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
