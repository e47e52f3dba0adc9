// Which way the eval frame gets the site's files, and the "handed" way: the editor page fetches them
// and posts them to a sandboxed srcdoc frame (see handed-frame-boot.js for the frame's side).
//
//   const way = await frameDelivery();          // FrameDelivery.SERVED or FrameDelivery.HANDED
//   const files = await handedFrameFiles();     // {path: Blob}, fetched once per page
//   iframe.srcdoc = handedFrameDocument('dark', '#theme=dark');
//
// 'served' (the frame loads evalframe.html and its files itself, as before) needs a host that answers
// the frame's requests, which come from an opaque origin: with Access-Control-Allow-Origin (./jodide
// serve, GitHub Pages), and online (the frame's requests never pass through the service worker).
// Anything else, a plain static server or a host that cannot be reached, gets 'handed'.

import { bootHandedFrame } from './handed-frame-boot.js';
import { currentSiteFile, currentStoredCopy, preferDecompressed, storedCopy } from './stored-site-files.js';
import { decompressedKey, sameVersion, storeAsk } from '../sw/offline-cache.js';
import { keepDecompressedCopy } from './decompressed-copy.js';
import { PACKAGE_INDEX, packageFetchesPort } from './package-files.js';
import { packageStore } from './package-store.js';
import { MICROPYTHON_FILES } from '../frame/micropython-loader.js';
import { FRAME_MODULES, FRAME_STARTER } from '../frame/frame-modules.js';
import {
  ANSWER as PYODIDE_FILES_ANSWER, ASK as ASK_FOR_PYODIDE_FILES, firstLoadWaits, HANDED_PYODIDE_FILES,
  PROMISE as PYODIDE_FILES_PROMISE, STORED as PYODIDE_FILES_STORED,
} from '../frame/handed-pyodide-files.js';

/** The style sheets a handed frame puts in its document, in their order (the report's last). */
const FRAME_STYLES = Object.freeze(['katex/katex.min.css', 'report.css']);

/**
 * What a handed frame needs, as site paths: its modules, its styles, and the Pyodide core with
 * Jodide's kernel. Packages from a package index are not among them: the frame asks for them as it
 * needs them, through the port this page gives it with these files (package-files.js).
 */
export const HANDED_FRAME_FILES = Object.freeze([
  ...FRAME_MODULES, ...FRAME_STYLES, 'pyodide/pyodide.js',
  // What a served frame is handed as well (its module script, Wasm, standard library, snapshot, lock file, kernel).
  ...HANDED_PYODIDE_FILES,
]);

/**
 * What a handed frame that runs MicroPython needs: its modules, its styles and MicroPython's files
 * (frame/micropython-loader.js), none of Pyodide's.
 */
export const HANDED_MICROPYTHON_FRAME_FILES = Object.freeze([
  ...HANDED_FRAME_FILES.filter((path) => !path.startsWith('pyodide/')), ...MICROPYTHON_FILES,
]);

/** The two ways a frame gets its files. */
export const FrameDelivery = Object.freeze({ SERVED: 'served', HANDED: 'handed' });

/** SERVED when the site answers now and sends Access-Control-Allow-Origin: *, else HANDED. */
export function deliveryFor(probe) {
  return probe !== null && probe.ok && probe.headers.get('Access-Control-Allow-Origin') === '*'
    ? FrameDelivery.SERVED : FrameDelivery.HANDED;
}

let delivery = null;

/**
 * How this page's frames get their files, decided once per page by a HEAD request for evalframe.html
 * that goes to the network (the service worker answers only GET): see deliveryFor.
 */
export function frameDelivery(base = document.baseURI) {
  if (delivery === null) {
    delivery = fetch(new URL('evalframe.html', base), { method: 'HEAD', cache: 'no-store' })
      .then((response) => deliveryFor(response), () => deliveryFor(null));
  }
  return delivery;
}

/**
 * `blob` with the type its file name says, where it matters: the frame imports scripts from blob:
 * URLs, which the browser refuses unless their type is JavaScript, and some hosts (S3 by default)
 * send `application/octet-stream` for `.mjs`; Pyodide compiles Wasm as it streams only from
 * `application/wasm`.
 */
export function typedBlob(path, blob) {
  const type = /\.m?js$/.test(path) ? 'text/javascript' : (path.endsWith('.wasm') ? 'application/wasm' : null);
  // A type with parameters ("text/javascript; charset=utf-8", as most hosts send) is that type: the
  // Blob is kept as it is rather than copied (a copy is one more MB the browser holds for the page).
  return type === null || mimeEssence(blob.type) === type ? blob : new Blob([blob], { type });
}

/** A MIME type without its parameters, lower-cased: "text/javascript" for "Text/JavaScript; charset=utf-8". */
function mimeEssence(type) {
  return String(type).split(';')[0].trim().toLowerCase();
}

/** The message key of the stored copies a handed frame is given later (handedFrameStoredCopies; handed-frame-boot.js takes them). */
export const HANDED_FILES_STORED = 'jodideFrameFilesStored';

/**
 * A page's reads of a handed frame's files, one per Python (the Kernel menu may switch it and
 * restart the frame): `files`, the promise of {path: Blob} or null; `downloads`, the headers of each
 * file downloaded (it had no current stored copy), by path; `stored`, the promise of their stored
 * copies or null.
 */
const handedReads = new Map();

function handedRead(micropython) {
  if (!handedReads.has(micropython)) {
    handedReads.set(micropython, { files: null, downloads: new Map(), stored: null });
  }
  return handedReads.get(micropython);
}

/**
 * The handed frame's files as Blobs (with `micropython`, HANDED_MICROPYTHON_FRAME_FILES, else
 * HANDED_FRAME_FILES), fetched once per page (the service worker's copy when it is the host's
 * version or the host cannot be reached: currentSiteFile, noting each file downloaded) and kept for
 * the frames a restart makes; rejects naming the first file that failed.
 */
export function handedFrameFiles(base = document.baseURI, { micropython = false } = {}) {
  const read = handedRead(micropython);
  if (read.files === null) {
    read.downloads.clear();
    const noteDownload = (path) => (response) => { if (response.ok) read.downloads.set(path, response.headers); };
    const paths = micropython ? HANDED_MICROPYTHON_FRAME_FILES : HANDED_FRAME_FILES;
    read.files = Promise.all(paths.map((path) => currentSiteFile(new URL(path, base), { downloaded: noteDownload(path) }).then((response) => {
      if (!response.ok) {
        throw new Error(`${path}: HTTP ${response.status}`);
      }
      return response.blob().then((blob) => [path, typedBlob(path, blob)]);
    }, (error) => {
      throw new Error(`${path}: ${error.message} (the site cannot be reached and this browser has no copy of it)`);
    }))).then(Object.fromEntries);
    read.files.catch(() => { read.files = null; });
  }
  return read.files;
}

/**
 * The stored copies of the files handedFrameFiles downloaded, once the service worker is ready, put
 * in place in the object it gave (storedCopiesOf): {path: Blob}, {} when there are none. Asked once
 * per page, like the files; when they could not be fetched, {} and asked again next time (the files
 * of a later successful load get their stored copies too).
 */
export function handedFrameStoredCopies(base = document.baseURI, { micropython = false } = {}) {
  const read = handedRead(micropython);
  if (read.stored === null) {
    read.stored = handedFrameFiles(base, { micropython }).then(
      (given) => storedCopiesOf(base, read.downloads, given, { caches: globalThis.caches, ready: serviceWorkerReady(), makeWorker: copyWorkerOf(base) }),
      () => { read.stored = null; return {}; });
  }
  return read.stored;
}

/**
 * Once `ready` (the site's service worker is active; null: never) and the worker has stored those of
 * the files `downloaded` ({path: the headers of the download}) it lacked (askToStore: its install
 * stores only the app shell), and the decompressed copy of a file kept so (the snapshot:
 * decompressed-copy.js, made in a worker `makeWorker()` starts) has been made where it was missing,
 * the stored copies of the files downloaded that are of the version downloaded (sameVersion), and of
 * those whose decompressed copy was made now, as {path: Blob} (the decompressed copy where there is
 * one: preferDecompressed); each is put in place in `given` (the object of files a page hands its
 * frames), so that whoever holds that object holds the stored copy from then on. {} when there are
 * none. Never rejects.
 */
function storedCopiesOf(base, downloaded, given, { caches, ready, makeWorker }) {
  const url = (path) => new URL(path, base);
  const downloads = [...downloaded.keys()].filter((path) => path in given);
  const keptDecompressed = Object.keys(given).filter((path) => decompressedKey(url(path).href) !== null);
  if ((downloads.length === 0 && keptDecompressed.length === 0) || !ready) return Promise.resolve({});
  return Promise.resolve(ready)
    .then((registration) => (downloads.length > 0 ? askToStore(registration, downloads.map((path) => url(path).href)) : undefined))
    .then(() => Promise.all(keptDecompressed.map((path) => keepDecompressedCopy(url(path), { caches, makeWorker })
      .then((made) => (made ? [path] : [])))))
    .then((made) => Promise.all([...new Set([...downloads, ...made.flat()])].map((path) => blobEntry(path,
      storedCopy(url(path), caches).then((copy) => {
        // A file not downloaded was handed as its current stored copy, whose version the copy made now has.
        const version = downloaded.has(path) ? { headers: downloaded.get(path) } : copy;
        return copy && sameVersion(copy, version) ? preferDecompressed(url(path), copy, caches) : null;
      })))))
    .then((entries) => {
      const copies = Object.fromEntries(entries.flat());
      Object.assign(given, copies);
      return copies;
    })
    .catch(() => ({}));
}

/**
 * Starts the editor page's worker that makes decompressed copies (decompressed-copy-worker.js, beside
 * page-support.js at the site's root `base`), or undefined where there are no workers.
 */
function copyWorkerOf(base) {
  return typeof Worker === 'function'
    ? () => new Worker(new URL('decompressed-copy-worker.js', base), { type: 'module' })
    : undefined;
}

/**
 * Where a page gets the site's files at `paths` that it hands a frame, from the site at `base`, each
 * read once per source:
 * - `currentCopies()`: those of which the page has a current stored copy, as {path: Blob}
 *   (currentStoredCopy: cache reads and a HEAD each, no download). Asked as the page makes its frame,
 *   so that on a revisit the answer is ready when the frame asks (for Pyodide's files ~0.2-0.6 s later,
 *   measured) instead of the check beginning then.
 * - `allFiles()`: all of them, as {path: Blob}: the current copies, the others from the network
 *   (through the service worker, which stores them); a file that could not be read is left out (the
 *   frame fetches it itself). Never rejects. Pyodide's files are asked for when the frame asks, so
 *   that a first visit's 20 MB leave the page's own start alone (six big files would hold the host's
 *   six connections); the frame's modules as the page makes the frame (frame-scripts.js).
 * - `storedCopiesOfDownloads()`: once the site's service worker is ready (`ready`, a promise; null:
 *   never), {path: Blob} of the stored copies of the files `allFiles()` downloaded, each of the
 *   version downloaded (sameVersion), and of those whose decompressed copy it made (storedCopiesOf); {}
 *   when there are none. A downloaded file's
 *   Blob is held in the browser's memory (Pyodide's: ~20 MiB) for as long as any page, frame or
 *   worker holds it, where a stored copy's reads its bytes from the disk: the object `allFiles()`
 *   gave takes the stored copies in place, so that whoever holds that object holds them from then on,
 *   and whoever was handed the Blobs in a message should be handed these too. A first visit stores
 *   the app shell as the worker installs, which is what `ready` waits for, and the files the page
 *   downloaded when it asks the worker then (askToStore). Never rejects.
 */
export function siteFileSource(base, paths, {
  caches = globalThis.caches, fetch = globalThis.fetch, ready = serviceWorkerReady(), makeWorker = copyWorkerOf(base),
} = {}) {
  let copies = null;
  let files = null;
  let stored = null;
  /** The headers (ETag, Last-Modified) of each file allFiles() downloaded, by path. */
  const downloaded = new Map();
  const currentCopies = () => {
    if (copies === null) {
      copies = Promise.all(paths.map((path) => blobEntry(path,
        currentStoredCopy(new URL(path, base), { caches, fetch }).then((copy) => copy || null))))
        .then((entries) => Object.fromEntries(entries.flat()));
    }
    return copies;
  };
  const download = (path) => fetch(new URL(path, base)).then((response) => {
    if (!response.ok) return null;
    downloaded.set(path, response.headers);
    return response;
  });
  const allFiles = () => {
    if (files === null) {
      files = currentCopies().then((current) => Promise.all(paths.map((path) => (path in current
        ? [[path, current[path]]]
        : blobEntry(path, download(path))))))
        .then((entries) => Object.fromEntries(entries.flat()));
    }
    return files;
  };
  const storedCopiesOfDownloads = () => {
    if (stored === null) {
      stored = allFiles().then((given) => storedCopiesOf(base, downloaded, given, { caches, ready, makeWorker }));
    }
    return stored;
  };
  return { currentCopies, allFiles, storedCopiesOfDownloads };
}

/** How long a page waits for its service worker to have stored what it asked (askToStore). */
const STORE_DEADLINE_MS = 60_000;

/**
 * Asks the active worker of `registration` (a ServiceWorkerRegistration, or anything else: nothing
 * to ask) to store the site's files at `urls` that it lacks (storeAsk; the install stores only the
 * app shell) and resolves once it answers, or after STORE_DEADLINE_MS. Only a worker whose scope
 * holds every URL is asked: a page of another site (embed.js) may have a service worker of its own,
 * which is none of Jodide's. Never rejects.
 */
function askToStore(registration, urls) {
  const worker = registration && registration.active;
  const inScope = registration && typeof registration.scope === 'string' && urls.every((url) => url.startsWith(registration.scope));
  if (!worker || !inScope || typeof MessageChannel === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const done = () => { clearTimeout(timer); channel.port1.close(); resolve(); };
    const timer = setTimeout(done, STORE_DEADLINE_MS);
    channel.port1.onmessage = done;
    try {
      worker.postMessage(storeAsk(urls), [channel.port2]);
    } catch (refused) {
      done();
    }
  });
}

/** The promise that this page's service worker is active, or null where none can be (no support, an insecure context). */
function serviceWorkerReady() {
  const container = globalThis.navigator && globalThis.navigator.serviceWorker;
  return container ? container.ready : null;
}

/**
 * Where a page gets the Pyodide files it hands its frames (HANDED_PYODIDE_FILES) from the site at
 * `base`: a siteFileSource whose `filesForFrame()` the first frame waits for; a later one (a restart,
 * Retry) gets them only if they have come, else null: a download still waited for (a host that
 * stalled) must not hold it too.
 */
export function pyodideFileSource(base, options = {}) {
  const source = siteFileSource(base, HANDED_PYODIDE_FILES, options);
  let files = null;
  const filesForFrame = () => {
    if (files === null) {
      files = firstLoadWaits(source.allFiles());
    }
    return files();
  };
  return { currentCopies: source.currentCopies, filesForFrame, storedCopiesOfDownloads: source.storedCopiesOfDownloads };
}

let pageSource = null;

function pageFileSource(base) {
  if (pageSource === null) {
    pageSource = pyodideFileSource(base);
  }
  return pageSource;
}

/** This page's pyodideFileSource's currentCopies (the first call's `base` counts). */
export function currentPyodideCopies(base = document.baseURI) {
  return pageFileSource(base).currentCopies();
}

/** This page's pyodideFileSource's filesForFrame (the first call's `base` counts). */
export function pyodideFilesForFrame(base = document.baseURI) {
  return pageFileSource(base).filesForFrame();
}

/** This page's pyodideFileSource's storedCopiesOfDownloads (the first call's `base` counts). */
export function pyodideStoredCopiesOfDownloads(base = document.baseURI) {
  return pageFileSource(base).storedCopiesOfDownloads();
}

/** [[path, Blob]] of the response `answer` gives (typedBlob), or [] when it gives null or fails. */
function blobEntry(path, answer) {
  return answer
    .then((response) => (response ? response.blob() : null))
    .then((blob) => (blob ? [[path, typedBlob(path, blob)]] : []), () => []);
}

/**
 * Calls `answer()` once, on the first window message from `iframe`'s frame whose data has `key` true
 * (an ask of its parent); any other message, or one from another window, is left alone.
 */
export function onFirstAsk(iframe, key, win, answer) {
  win.addEventListener('message', function listen(event) {
    // A frame removed since it asked (a restart, another Python) has no window: both are null then.
    if (!event.source || event.source !== iframe.contentWindow || !event.data || event.data[key] !== true) {
      return;
    }
    win.removeEventListener('message', listen);
    answer();
  });
}

/**
 * Answers the first time `iframe`'s frame asks `win` for Pyodide's big files (askParentForPyodideFiles
 * in frame/handed-pyodide-files.js): at once with the promise to answer, then with what `files()` gives
 * once it is there (called on the ask, so that the download waits until the frame wants them and
 * leaves the editor's start alone). The promise carries a port on which the frame has this page fetch
 * the files of the package `index` (package-files.js: packageIndexOf), so that they come from this
 * page's cache, keeping them in `store` (package-store.js) for when the index cannot be reached.
 * Files it downloaded for the frame are handed again once `storedCopies()` has their stored copies
 * (siteFileSource's storedCopiesOfDownloads), so that the frame and its worker let go of the Blobs
 * held in memory.
 */
export function answerPyodideFilesAsk(iframe, win, { files, index = null, store = packageStore(), storedCopies = () => Promise.resolve({}) }) {
  onFirstAsk(iframe, ASK_FOR_PYODIDE_FILES, win, () => {
    const packages = packageFetchesPort(index, win.location.origin, store);
    // To any origin: the frame's is opaque. These are the site's public files, nothing else.
    iframe.contentWindow.postMessage({ [PYODIDE_FILES_PROMISE]: true, [PACKAGE_INDEX]: index }, '*', [packages]);
    files().then((given) => {
      // To any origin: the frame's is opaque. These are the site's public files, nothing else.
      if (iframe.contentWindow) iframe.contentWindow.postMessage({ [PYODIDE_FILES_ANSWER]: given }, '*');
      return given ? storedCopies() : {};
    }).then((copies) => {
      if (Object.keys(copies).length > 0 && iframe.contentWindow) {
        iframe.contentWindow.postMessage({ [PYODIDE_FILES_STORED]: copies }, '*');
      }
    });
  });
}

/**
 * What the editor does for its served frame, done by a page of another site for the frame of the
 * site at `siteUrl` it made (embed.js): hands it Pyodide's big files and fetches the package index's
 * files for it (`packageIndex`, absolute), so that they come from this page's cache at the next
 * visit, where the frame's opaque origin has none. A file this page cannot fetch (a
 * Content-Security-Policy without the site in `connect-src`) the frame fetches itself. Only the
 * browser's HTTP cache keeps them: nothing is written into the embedding site's own storage.
 */
export function answerEmbeddedFrame(iframe, siteUrl, packageIndex, win = window) {
  answerPyodideFilesAsk(iframe, win, { files: () => pyodideFilesForFrame(siteUrl), index: packageIndex, store: packageStore(null) });
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The srcdoc of a handed frame: the report's element and the boot script, which waits for the files. */
export function handedFrameDocument(theme, settingsHash) {
  const boot = `(${bootHandedFrame.toString()})(${[String(settingsHash), FRAME_MODULES, FRAME_STARTER, FRAME_STYLES]
    .map((argument) => JSON.stringify(argument)).join(', ')});`
    .replace(/<\/script/gi, '<\\/script');
  return `<!DOCTYPE html><html lang="en" data-theme="${escapeAttribute(theme || 'auto')}"><head><meta charset="utf-8">`
    + `<title>Jodide report</title></head><body><main id="report" class="report"></main>`
    + `<script>${boot}</script></body></html>`;
}
