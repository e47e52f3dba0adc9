// The served eval frame's own modules and its Python worker's scripts, or MicroPython's files, handed
// to it by the editor page from the page's cache. The frame has an opaque origin, which Chromium gives
// a fresh network partition on every visit: the modules evalframe.html imports (~700 KB: the report
// libraries, the frame's TeaVM program, its JavaScript runtime), the worker's (~250 KB) and
// MicroPython's (~550 KB) were downloaded again on every visit. The editor page is of the site's
// origin, so its reads go through the service worker and the HTTP cache (the stored copy after a
// HEAD, or a 304); it reads them as it makes the frame (the current stored copies, the rest
// downloaded), so that they are ready when the frame asks, and posts them as Blobs.
//
//   // in the editor page, as it makes a served frame (page/eval-frame.js)
//   const scripts = frameScripts(document.baseURI, { worker: true });
//   scripts.allFiles();                           // read now: stored copies that are current, the rest downloaded
//   answerFrameScriptsAsk(iframe, scripts.allFiles, window, scripts.storedCopiesOfDownloads);   // given when
//   // the frame asks; once the service worker has stored the downloads, kept as its copies
//   iframe.src = `evalframe.html${settings}${HANDED_SCRIPTS_SETTING}`;
//   // in the frame (evalframe.html, inline: it runs before any module is there), when its hash says
//   // so: post {jodideWantsFrameScripts: true} to the parent, take {jodideFrameScripts: {path: Blob}}
//   // from it, import each module from its blob: URL, and any the page could not give by its URL;
//   // keep them as window.jodideHandedScripts for the worker's (frame/worker-scripts.js).
//
// evalframe.html holds its own copy of the module list and of the message keys (it cannot import
// this file before it has its modules); frame-scripts.test.js checks that they agree.

import { onFirstAsk, siteFileSource } from './handed-frame.js';
import { WORKER_SCRIPTS } from '../frame/worker-scripts.js';
import { MICROPYTHON_FILES } from '../frame/micropython-loader.js';
import { FRAME_MODULES } from '../frame/frame-modules.js';

/** The frame's ask and the page's answer, as window messages: objects, so never taken for protocol text. */
export const ASK = 'jodideWantsFrameScripts';
export const ANSWER = 'jodideFrameScripts';

/** What the editor adds to a served frame's settings (its URL's hash) when it will answer the frame's ask. */
export const HANDED_SCRIPTS_SETTING = '&scripts=page';

/**
 * The scripts a frame that loads Pyodide hands on to its Python worker (frame/worker-scripts.js), those
 * of them it has not among its own modules.
 */
export const WORKER_ONLY_SCRIPTS = Object.freeze(WORKER_SCRIPTS.filter((path) => !FRAME_MODULES.includes(path)));

/**
 * The frame's modules of the site at `base`, with `worker` its Python worker's scripts and with
 * `micropython` MicroPython's files (frame/micropython-loader.js): a siteFileSource (handed-frame.js)
 * whose `currentCopies()` checks the service worker's stored copies (a HEAD each, no download) and
 * whose `allFiles()` gives them all as {path: Blob}, the others read from the network (through the
 * HTTP cache); a file that could not be read is left out (the frame, its worker or MicroPython's
 * loader fetches it by its URL). Never rejects.
 */
export function frameScriptSource(base, {
  worker = true, micropython = false, caches = globalThis.caches, fetch = globalThis.fetch,
} = {}) {
  const paths = [...FRAME_MODULES, ...(worker ? WORKER_ONLY_SCRIPTS : []), ...(micropython ? MICROPYTHON_FILES : [])];
  return siteFileSource(base, paths, { caches, fetch });
}

/** This page's frameScriptSources, by the files they read (`worker`, `micropython`), and the site they read from. */
const pageSources = new Map();
let pageBase = null;

/**
 * This page's frameScriptSource for frames with `worker` and `micropython` (the first call's `base`
 * counts), made once per choice of Python and kept for the frames a restart makes. The Kernel menu
 * may switch a page from MicroPython to Pyodide: that frame's worker scripts are read then (with the
 * frame's modules again, through the stored copies or the HTTP cache), where one source per page had
 * left them out and the worker fetched them from the frame's opaque origin, past every cache (offline:
 * not at all).
 */
export function frameScripts(base = document.baseURI, { worker = true, micropython = false } = {}) {
  const key = `${worker}/${micropython}`;
  if (!pageSources.has(key)) {
    pageBase = pageBase || base;
    pageSources.set(key, frameScriptSource(pageBase, { worker, micropython }));
  }
  return pageSources.get(key);
}

/**
 * Answers `iframe`'s frame's first ask for its modules with what `scripts()` gives (a promise of
 * {path: Blob}; called on the ask), then calls `keepStoredCopies()`: the source's
 * storedCopiesOfDownloads, which once the service worker has stored the files puts its copies in
 * place of those downloaded, in the object kept for the frames a restart makes (a download's bytes
 * are held in the browser's memory for as long as a Blob of them lives). Only an ask from that frame
 * counts.
 */
export function answerFrameScriptsAsk(iframe, scripts, win = window, keepStoredCopies = () => {}) {
  onFirstAsk(iframe, ASK, win, () => {
    scripts().then((given) => {
      // To any origin: the frame's is opaque. These are the site's public files, nothing else.
      if (iframe.contentWindow) iframe.contentWindow.postMessage({ [ANSWER]: given }, '*');
      keepStoredCopies();
    });
  });
}
