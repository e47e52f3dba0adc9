// The site's service worker (sw.js, built by service-worker.mjs with the build's version and files):
// it keeps a copy of the app and of the Pyodide core so that the notebook opens and runs Python with
// the server stopped or the network gone.
//
// Network first: every GET of this site goes to the network as without a service worker (so
// `./jodide serve` answers, headers and revalidation, are exactly as before); a good answer is also
// stored (unless the copy has the same ETag or Last-Modified: 14 MB are not rewritten each visit),
// and when the network fails the stored copy answers. The app shell is stored at install
// (`precache`), so a first visit is enough; the Python runtime a page uses is stored when that page
// asks (storeAsk: the editor page, for the Pyodide files it downloaded before this worker controlled
// it), so that a page on MicroPython does not download Pyodide's 20 MB for nothing. Each build has its own cache
// (`jodide-<version>`); a new build's install also stores again what the older caches held beyond its
// app shell (what pages asked for), and its activation drops the older caches.
//
// What it does not do: answer for the sandboxed report frame (an opaque origin: its requests never
// pass through a service worker; the editor hands it its files, see page/handed-frame.js), add
// COOP/COEP headers (the page is isolated only where the host sends them), or keep packages from a
// package index.

import {
  cacheName, isOwnCache, networkFirst, shouldHandle, storeMissing, STORED, urlsOfOtherCaches, urlsToStore,
} from './offline-cache.js';

/* global JODIDE_SW_BUILD */
const BUILD = JODIDE_SW_BUILD;
const CACHE = cacheName(BUILD.version);

self.addEventListener('install', (event) => {
  const storeAgain = () => urlsOfOtherCaches(CACHE, { caches })
    .then((urls) => storeMissing(urls, { caches, fetch, cacheName: CACHE, origin: self.location.origin }));
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(BUILD.files.map((path) => new Request(path, { cache: 'no-cache' }))))
    // What pages asked the last build's worker to store (Pyodide's core), stored again for this build.
    .then(() => storeAgain().catch(() => {}))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Navigation preload: a page's request goes out while this worker starts, so a page load does
  // not wait for the worker (tens of ms) before its request leaves.
  const preload = self.registration.navigationPreload ? self.registration.navigationPreload.enable() : Promise.resolve();
  event.waitUntil(preload.then(() => caches.keys())
    .then((names) => Promise.all(names.filter((name) => isOwnCache(name) && name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  if (!shouldHandle(event.request, self.location.origin)) {
    return;
  }
  event.respondWith(networkFirst(event.request, event.preloadResponse, { caches, fetch, cacheName: CACHE }));
});

self.addEventListener('message', (event) => {
  const urls = urlsToStore(event.data);
  if (urls === null) {
    return;
  }
  const port = event.ports[0];
  const answer = (stored) => { if (port) port.postMessage({ [STORED]: stored }); };
  event.waitUntil(storeMissing(urls, { caches, fetch, cacheName: CACHE, origin: self.location.origin })
    .then(answer, () => answer([])));
});
