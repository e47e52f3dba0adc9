// Pyodide's big files, handed to the served eval frame by the editor page. The frame has an opaque
// origin, which Chromium gives a fresh network partition on every visit: whatever it fetches itself
// is downloaded again each time (no HTTP cache; the site's service worker does not serve it either).
// The editor page is of the site's origin, so its fetches go through the service worker and the HTTP
// cache (a revisit asks the host with validators and gets 304); it fetches these files at navigation
// and hands them over as Blobs when the frame asks. The frame answers its own and its worker's
// fetches of them from the Blobs; anything else, or every file when the page had none to give (it
// could not read them), is fetched as before.
//
//   // in the frame, at once (evalframe.html)
//   window.jodidePyodideFiles = askParentForPyodideFiles(window);   // Promise of {path: Blob} or null
//   // where Pyodide loads (the frame, or its worker once the frame posts it the files)
//   answerFetchesFromHandedFiles(self, siteUrl, handedFiles);
//   // in the editor page (page/eval-frame.js): answerPyodideFilesAsk(iframe, window, { files: () => pyodideFilesForFrame(), index })

import { SNAPSHOT_PATH } from '../pyodide/snapshot.js';
import { WASM_PATH } from '../pyodide/precompiled-wasm.js';
import { MODULE_SCRIPT_PATH } from '../pyodide/module-script.js';

/**
 * The files handed over, as site paths: those of Pyodide's start that its loader fetches, the lock
 * file and the kernel's Python that the frame's program fetches, and Pyodide's module script, which
 * the worker imports from its Blob (pyodide/module-script.js).
 */
export const HANDED_PYODIDE_FILES = Object.freeze([
  WASM_PATH, 'pyodide/python_stdlib.zip', SNAPSHOT_PATH, MODULE_SCRIPT_PATH, 'pyodide/pyodide-lock.json',
  'pyodide/jodide-kernel.json',
]);

/**
 * The frame's ask, the page's promise to answer (at once) and its answer (once it has the files), as
 * window messages: objects, so never taken for protocol text.
 */
export const ASK = 'jodideWantsPyodideFiles';
export const PROMISE = 'jodidePyodideFilesComing';
export const ANSWER = 'jodidePyodideFiles';
/**
 * The page's later message with the service worker's stored copies of files it downloaded for the
 * frame ({path: Blob}): the same files, read from the disk instead of held in the browser's memory.
 */
export const STORED = 'jodidePyodideFilesStored';

/** How long the frame waits for the page's promise to answer before it fetches the files itself, in ms. */
export const PROMISE_DEADLINE_MS = 5000;

/**
 * In the frame: asks the window that framed it for the files, and resolves to `{path: Blob}`, or
 * null when the page had none to give or did not promise them within PROMISE_DEADLINE_MS (a page
 * that is not Jodide's editor). Only messages from that window with `parentOrigin` count: the site's
 * origin (the origin of the frame's own address), or '*' for a frame that takes its channel from
 * whatever page framed it (`#embedded=1`: embed.js on a page of another site).
 */
export function askParentForPyodideFiles(win, { deadlineMs = PROMISE_DEADLINE_MS, parentOrigin = win.location.origin } = {}) {
  return new Promise((resolve) => {
    const give = (files) => {
      win.removeEventListener('message', take);
      clearTimeout(deadline);
      resolve(files);
    };
    const deadline = setTimeout(() => give(null), deadlineMs);
    function take(event) {
      if (event.source !== win.parent || !fromOrigin(event, parentOrigin) || event.data === null || typeof event.data !== 'object') {
        return;
      }
      if (PROMISE in event.data) {
        clearTimeout(deadline);
      } else if (ANSWER in event.data) {
        give(event.data[ANSWER] || null);
      }
    }
    win.addEventListener('message', take);
    win.parent.postMessage({ [ASK]: true }, parentOrigin);
  });
}

/**
 * In the frame: takes the stored copies the page hands later (STORED) into the object of files the
 * frame was handed (`files`, a promise of {path: Blob} or null), in place, so that whoever holds
 * that object (a restart's worker, Python on the frame's thread) reads them from the disk and the
 * Blobs held in memory can go; `forward(copies)` passes them on (to the Python worker, which holds
 * its own copy of the object and does the same in its boot: python-worker-frame.js). Only messages from the parent with
 * `parentOrigin` count, as for the files themselves.
 */
export function takeStoredCopies(win, files, forward = () => {}, { parentOrigin = win.location.origin } = {}) {
  win.addEventListener('message', (event) => {
    if (event.source !== win.parent || !fromOrigin(event, parentOrigin) || event.data === null
        || typeof event.data !== 'object' || !(STORED in event.data)) {
      return;
    }
    const copies = event.data[STORED];
    Promise.resolve(files).then((given) => {
      if (given && copies && typeof copies === 'object') {
        Object.assign(given, copies);
        forward(copies);
      }
    });
  });
}

/** Whether `event` came from `origin` ('*': from any). */
export function fromOrigin(event, origin) {
  return origin === '*' || event.origin === origin;
}

/**
 * `files` (a promise of {path: Blob} or null) as each load of Python waits for them: the first call
 * gives the promise itself; a later one (Python loaded again: Retry, a restarted worker, a new frame)
 * gives them if they have come and null at once otherwise, so that a download still waited for (a
 * host that stalled) cannot hold that load too.
 */
export function firstLoadWaits(files) {
  let arrived = false;
  let given = null;
  const settled = Promise.resolve(files).then((value) => {
    arrived = true;
    given = value;
    return value;
  });
  let first = true;
  return () => {
    if (first) {
      first = false;
      return settled;
    }
    return Promise.resolve(arrived ? given : null);
  };
}

const CONTENT_TYPES = Object.freeze({ wasm: 'application/wasm', mjs: 'text/javascript', json: 'application/json' });

function contentType(path) {
  return CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1)] || 'application/octet-stream';
}

/**
 * Wraps `scope.fetch` so that a request for one of the handed files (by its URL under `siteUrl`)
 * waits for `handed` (a promise of {path: Blob} or null) and is answered from its Blob, with the
 * type Wasm streaming compilation needs; without that Blob it goes to the network. Only the first
 * request of a file waits: a later one (Python loaded again: Retry, a restart) takes the Blob if it
 * has come and goes to the network otherwise, so that a download the page still waits for (a host
 * that stalled) cannot hold it too. Other requests go to the network at once.
 */
export function answerFetchesFromHandedFiles(scope, siteUrl, handed) {
  const siteFetch = scope.fetch.bind(scope);
  const pathOf = new Map(HANDED_PYODIDE_FILES.map((path) => [new URL(path, siteUrl).href, path]));
  const filesFor = new Map(HANDED_PYODIDE_FILES.map((path) => [path, firstLoadWaits(handed)]));
  scope.fetch = function fetchHandedFirst(input, init) {
    const address = input instanceof Request ? input.url : String(input);
    const url = new URL(address, siteUrl);
    const path = pathOf.get(url.origin + url.pathname);
    if (path === undefined) {
      return siteFetch(input, init);
    }
    return filesFor.get(path)().then((files) => {
      const blob = files && files[path];
      return blob
        ? new Response(blob, { status: 200, headers: { 'Content-Type': contentType(path), 'Content-Length': String(blob.size) } })
        : siteFetch(input, init);
    });
  };
}
