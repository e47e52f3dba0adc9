// The decompressed copy of a stored gzip file of the site (Pyodide's memory snapshot: offline-cache.js,
// KEPT_DECOMPRESSED), kept beside the file in the service worker's cache so that a start of Python
// reads it instead of decompressing 31 MB. The editor page makes it in a dedicated worker of its own
// (decompressed-copy-worker.js), which it terminates once the copy is stored: the whole heap of that
// worker goes at once. Made by the service worker itself, the copy held ~36-40 MiB of the browser's
// memory until the idle worker was stopped, ~30 s later (docs/architecture.md, "Start-up").
//
//   await keepDecompressedCopy(new URL('pyodide/python-snapshot.gz', base), { makeWorker });   // true: made now

import { storedCopy, storedEntry } from './stored-site-files.js';
import { decompressedKey, sameVersion } from '../sw/offline-cache.js';

/** The page's ask to the worker, {[ASK]: the file's URL}, answered with true (stored) or false. */
export const ASK = 'jodideDecompressStoredFile';

/** How long the page lets a worker make a copy, in ms (31 MB take ~0.3-1 s). */
export const COPY_DEADLINE_MS = 60_000;

/**
 * Makes the decompressed copy of the stored file at `url` when it is one to keep decompressed, is
 * stored, and has no copy of its version yet: in a worker `makeWorker()` starts, terminated once it
 * has answered, failed, or let COPY_DEADLINE_MS pass. Resolves to whether a copy was made now;
 * never rejects.
 */
export async function keepDecompressedCopy(url, { caches = globalThis.caches, makeWorker, deadlineMs = COPY_DEADLINE_MS } = {}) {
  const copyKey = decompressedKey(String(url));
  if (copyKey === null || !caches || typeof makeWorker !== 'function') {
    return false;
  }
  const file = await storedCopy(url, caches);
  const copy = file ? await storedCopy(copyKey, caches) : undefined;
  if (!file || (copy && sameVersion(copy, file))) {
    return false;
  }
  return askWorker(makeWorker, String(url), deadlineMs);
}

function askWorker(makeWorker, url, deadlineMs) {
  return new Promise((resolve) => {
    let worker;
    let timer;
    const done = (made) => {
      clearTimeout(timer);
      if (worker) worker.terminate();
      resolve(made === true);
    };
    try {
      worker = makeWorker();
      worker.onmessage = (event) => done(event.data);
      worker.onerror = (event) => { if (event && event.preventDefault) event.preventDefault(); done(false); };
      timer = setTimeout(() => done(false), deadlineMs);
      worker.postMessage({ [ASK]: url });
    } catch (refused) {
      done(false);
    }
  });
}

/**
 * In the worker: stores beside the file at `url` in `cache` its decompressed bytes (gzip), under
 * decompressedKey(url), with the file's ETag and Last-Modified (sameVersion tells a reader which
 * version the copy is of). Resolves to whether it was stored; a file that is not gzip (a host that
 * sent it decoded), or one not stored, gives none, and an older copy goes.
 */
export async function storeDecompressedCopy(cache, url) {
  const copyKey = decompressedKey(String(url));
  const file = copyKey === null ? undefined : await cache.match(url);
  if (!file) {
    return false;
  }
  const headers = new Headers({ 'Content-Type': 'application/octet-stream' });
  for (const name of ['ETag', 'Last-Modified']) {
    const value = file.headers.get(name);
    if (value) headers.set(name, value);
  }
  try {
    await cache.put(copyKey, new Response(file.body.pipeThrough(new DecompressionStream('gzip')), { headers }));
    return true;
  } catch (notGzip) {
    await cache.delete(copyKey).catch(() => {});
    return false;
  }
}

/**
 * In the worker: answers the page's asks (ASK) by storing the copy in the newest of the site's caches
 * that holds the file (storedCopy's order).
 */
export function answerCopyAsks(scope = globalThis) {
  scope.onmessage = async (event) => {
    const url = event.data && typeof event.data === 'object' ? event.data[ASK] : undefined;
    let made = false;
    try {
      const entry = typeof url === 'string' ? await storedEntry(url, scope.caches) : undefined;
      if (entry) {
        made = await storeDecompressedCopy(entry.cache, url);
      }
    } finally {
      scope.postMessage(made);
    }
  };
}
