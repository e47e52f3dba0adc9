// The editor page's reads of the site's big files (Pyodide's, for the report frame), answered from
// the service worker's stored copy when it is still the host's version.
//
//   const response = await currentSiteFile(new URL('pyodide/pyodide.asm.wasm', document.baseURI));
//
// A plain fetch of a file the service worker holds goes to the network anyway (network first:
// revalidated through the HTTP cache, its body read from the disk cache, passed through the worker
// and into the page), and the page then makes a Blob of it, a copy sent to the browser's blob
// store: for Pyodide's 19 MB, ~170 ms and ~300 ms of CPU on every visit (measured 2026-12-02). A
// stored copy is a Blob already: reading it costs nothing until the frame's worker reads its
// bytes. A HEAD tells whether the host still serves that version, so a new build is never missed.
// Of a file also kept decompressed beside it (Pyodide's memory snapshot: decompressed-copy.js), that
// copy is given when it is of the same version (the reader takes gzip and plain bytes alike).

import { decompressedKey, isOwnCache, sameVersion } from '../sw/offline-cache.js';

/**
 * The copy of `url` stored by this site's service worker, newest cache first (a new build's
 * worker installs its cache before it drops the older ones), or undefined: none stored, or no
 * Cache Storage here (an insecure context, a browser without it).
 */
export async function storedCopy(url, caches) {
  const entry = await storedEntry(url, caches);
  return entry && entry.copy;
}

/** storedCopy's copy of `url` with the cache that holds it, as {cache, copy}, or undefined. */
export async function storedEntry(url, caches) {
  if (!caches) {
    return undefined;
  }
  try {
    const names = (await caches.keys()).filter(isOwnCache).reverse();
    for (const name of names) {
      const cache = await caches.open(name);
      const copy = await cache.match(url);
      if (copy) {
        return { cache, copy };
      }
    }
  } catch (unavailable) {
    // Storage the browser refuses (a private window's quota, a cleared profile): the network decides.
  }
  return undefined;
}

/**
 * `copy`, the stored copy of `url`, or the decompressed copy kept beside it (decompressed-copy.js,
 * under offline-cache.js's decompressedKey) when there is one of the same version (sameVersion: the
 * copy's validators are its file's). Undefined when `copy` is.
 */
export async function preferDecompressed(url, copy, caches) {
  const key = copy ? decompressedKey(String(url)) : null;
  if (key === null) {
    return copy;
  }
  const decompressed = await storedCopy(key, caches);
  return decompressed && sameVersion(decompressed, copy) ? decompressed : copy;
}

/**
 * The stored copy of `url` when the host still serves that version, judged by a HEAD past every
 * cache (ETag, else Last-Modified: sameVersion), or when it cannot be reached, as the service worker
 * answers offline; undefined when there is no copy or the host serves another version (or refuses
 * the HEAD). Downloads nothing: cheap enough to ask before the file is wanted. Of a file kept
 * decompressed too, that copy (preferDecompressed).
 */
export async function currentStoredCopy(url, { caches = globalThis.caches, fetch = globalThis.fetch } = {}) {
  const stored = await storedCopy(url, caches);
  if (!stored) {
    return undefined;
  }
  let current;
  try {
    current = await fetch(url, { method: 'HEAD', cache: 'no-store' });
  } catch (offline) {
    return preferDecompressed(url, stored, caches);
  }
  return current.ok && sameVersion(stored, current) ? preferDecompressed(url, stored, caches) : undefined;
}

/**
 * The site's file at `url` as a Response: its current stored copy (currentStoredCopy), else the
 * network's answer, through the service worker, which stores the new version; `downloaded(response)`
 * hears of a network answer (not of a stored copy), before it is returned.
 */
export async function currentSiteFile(url, { caches = globalThis.caches, fetch = globalThis.fetch, downloaded = () => {} } = {}) {
  const stored = await currentStoredCopy(url, { caches, fetch });
  if (stored) return stored;
  const response = await fetch(url);
  downloaded(response);
  return response;
}
