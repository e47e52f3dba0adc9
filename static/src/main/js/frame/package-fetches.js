// Fetches of the package index's files where Python runs in the report frame (its window, or its
// Python worker), answered by the editor page from its cache (page/package-files.js tells why: the
// frame's opaque origin gets no HTTP cache from one visit to the next). The page offers a port with
// its promise of Pyodide's files; a fetch of a file under the package index it names goes to the
// page, and when the page could not fetch it, or when there is no offer (a page that is not Jodide's
// editor, an embedding page), to the network as before. Nothing else is touched.
//
//   // in the frame, at once (startEarly in python-worker-frame.js):
//   const offer = offerOfPackageFetches(window, window.jodidePyodideFiles);
//   fetchPackagesThroughPage(window, offer);                  // Python on the frame's thread
//   handPackageFetchesToWorker(worker, offer);                // its Python worker, which calls:
//   fetchPackagesThroughPage(self, offerFromFrame);

import { PACKAGE_INDEX } from '../page/package-files.js';
import { fromOrigin, PROMISE } from './handed-pyodide-files.js';

/** The key of the frame's message that gives its Python worker the page's offer (or null). */
export const PACKAGE_FETCHES = 'jodidePackageFetches';

/**
 * In the frame: resolves to {port, index}, the port the window that framed it gave with its promise
 * of Pyodide's files, and the package index whose files it fetches; or to null once `files` (the
 * frame's promise of those files: askParentForPyodideFiles, asked of `parentOrigin`) has settled
 * without such an offer.
 */
export function offerOfPackageFetches(win, files, parentOrigin = win.location.origin) {
  return new Promise((resolve) => {
    function take(event) {
      if (event.source !== win.parent || !fromOrigin(event, parentOrigin) || event.data === null || typeof event.data !== 'object'
          || !(PROMISE in event.data) || typeof event.data[PACKAGE_INDEX] !== 'string' || !event.ports || !event.ports[0]) {
        return;
      }
      win.removeEventListener('message', take);
      resolve({ port: event.ports[0], index: event.data[PACKAGE_INDEX] });
    }
    win.addEventListener('message', take);
    Promise.resolve(files).then(() => {
      win.removeEventListener('message', take);
      resolve(null);
    });
  });
}

/**
 * Gives `worker` the page's offer (`offer`, a promise of {port, index} or null) as a port of its own
 * that this frame passes on to the page's: a message {[PACKAGE_FETCHES]: {index} or null}.
 */
export function handPackageFetchesToWorker(worker, offer) {
  Promise.resolve(offer).then((page) => {
    if (!page) {
      worker.postMessage({ [PACKAGE_FETCHES]: null });
      return;
    }
    const relay = new MessageChannel();
    relay.port1.onmessage = (event) => page.port.postMessage(event.data, [...event.ports]);
    worker.postMessage({ [PACKAGE_FETCHES]: { index: page.index } }, [relay.port2]);
  });
}

/**
 * Wraps `scope.fetch` so that a GET of a file under the offered package index (`offer`: {port, index},
 * a promise of it, or null) is asked of the page and answered from the Blob it gives; anything else, a
 * fetch made before a promised offer came, and a file the page could not give go to `scope`'s own
 * fetch. An offer given as it is (a handed frame's) counts from the first fetch on, whose first may
 * be the index's lock file as the frame's program starts. A fetch's AbortSignal is kept: aborted, the
 * fetch rejects with its reason while the page still waits.
 */
export function fetchPackagesThroughPage(scope, offer) {
  const ownFetch = scope.fetch.bind(scope);
  let page = offer && typeof offer.then !== 'function' ? offer : null;
  Promise.resolve(offer).then((given) => { page = given; });
  scope.fetch = function fetchPackagesThroughPage(input, init) {
    const ask = page && packageAsk(scope, input, init, page.index);
    if (!ask) {
      return ownFetch(input, init);
    }
    return askPage(page.port, ask, signalOf(input, init)).then((answer) => (answer && answer.blob instanceof Blob
      ? new Response(answer.blob, {
        status: 200,
        headers: { 'Content-Type': answer.blob.type || 'application/octet-stream', 'Content-Length': String(answer.blob.size) },
      })
      : ownFetch(input, init)));
  };
}

/** {url, integrity} of a GET of a file under `index`, or null for any other request. */
function packageAsk(scope, input, init, index) {
  const request = typeof Request !== 'undefined' && input instanceof Request ? input : null;
  const method = String((init && init.method) || (request && request.method) || 'GET').toUpperCase();
  if (method !== 'GET') {
    return null;
  }
  let url;
  try {
    url = new URL(request ? request.url : String(input), scope.location && scope.location.href);
  } catch {
    return null;
  }
  if (!url.href.startsWith(index)) {
    return null;
  }
  return { url: url.href, integrity: String((init && init.integrity) || (request && request.integrity) || '') };
}

/** The AbortSignal of a fetch (the kernel gives one to the lock file's, its deadline), or null. */
function signalOf(input, init) {
  return (init && init.signal) || (typeof Request !== 'undefined' && input instanceof Request && input.signal) || null;
}

/** The page's answer to `ask`; rejects, as fetch does, with the reason `signal` is aborted for. */
function askPage(port, ask, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) {
      reject(signal.reason);
      return;
    }
    const reply = new MessageChannel();
    const abandon = () => {
      reply.port1.close();
      reject(signal.reason);
    };
    if (signal) {
      signal.addEventListener('abort', abandon, { once: true });
    }
    reply.port1.onmessage = (event) => {
      if (signal) {
        signal.removeEventListener('abort', abandon);
      }
      reply.port1.close();
      resolve(event.data);
    };
    port.postMessage(ask, [reply.port2]);
  });
}
