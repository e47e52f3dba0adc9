// The eval frame's side of Python in a worker (bundled as python-worker-support.js; evalframe.html
// puts it on window.jodidePythonWorker): the shared-memory helpers of python-worker-support.js,
// starting the worker, worker-dom's frame host (Python in the worker reads and changes the frame's
// DOM and globals synchronously through coincident), and the `jodide` global of js chunks.
//
//   const worker = startPythonWorker('http://host/');   // a classic worker from a blob: URL
//   domRoundTrips();                                    // synchronous calls the worker made so far
//   await jodide.python.get('total');                   // in a js chunk: a copy of a Python global

import './worker-dom/random-uuid.js';
import coincident from 'coincident/main';
import { createFrameHost } from './worker-dom/frame-host.js';
import { TAKE_BUFFER_CALL, WORKER_CALLS } from './worker-dom/wire.js';
import { copyPythonValue, takeHandedOver } from './python-values.js';
import { installJodideGlobal, workerModePyodide } from './jodide-global.js';
import {
  ANSWER as HANDED_FILES, askParentForPyodideFiles, firstLoadWaits, STORED as STORED_FILES, takeStoredCopies,
} from './handed-pyodide-files.js';
import { hashParameter } from './hash-parameters.js';
import { fetchPackagesThroughPage, handPackageFetchesToWorker, offerOfPackageFetches } from './package-fetches.js';
import { isIsolated } from './python-worker-support.js';
import { workerScriptUrls } from './worker-scripts.js';

export * from './python-worker-support.js';
export { answerFetchesFromHandedFiles, askParentForPyodideFiles } from './handed-pyodide-files.js';
export { fetchPackagesThroughPage } from './package-fetches.js';

const { Worker: ChannelWorker } = coincident({ transfer: false });
let activeHost = null;
let activeWorker = null;

// A Python worker ends with its frame: a worker busy in a loop or waiting in Atomics.wait must not
// outlive the page (a reload, a kernel restart that replaces the frame, leaving the notebook).
addEventListener('pagehide', () => {
  if (activeWorker) activeWorker.terminate();
  activeWorker = null;
});

// Python on the frame's main thread (the default): jodide.python.get reads window.pyodide.
function installMainThreadGlobal() {
  installJodideGlobal(window, (name) => {
    if (!window.pyodide || !window.pyodide.globals) throw new Error('Python is still loading');
    return copyPythonValue(window.pyodide.globals, name);
  });
}
installMainThreadGlobal();

/** The worker started before the frame's program had loaded, until that program adopts it. */
let early = null;

/** Pyodide's files for the next worker (firstLoadWaits): none until startEarly asked the editor page. */
let filesForWorker = () => Promise.resolve(null);

/** The editor page's offer to fetch the package index's files (package-fetches.js), or null. */
let packageOffer = Promise.resolve(null);

/**
 * Called by evalframe.html as soon as this module has loaded, before the frame's larger modules and
 * its Java program: asks the page that framed it (the editor, or embed.js's page) for Pyodide's big
 * files (window.jodidePyodideFiles) and the package index's (package-fetches.js) and,
 * where the frame will run Python in a worker (isolated, and not `#python=main`: PythonPlacement's
 * rule), starts that worker now, so that it loads its scripts and Pyodide's while the frame loads its
 * own. startPythonWorker then adopts it; discardEarlyWorker ends it where the program decides otherwise.
 * Returns the page's offer to fetch the package index's files once it has come or is known not to
 * (a promise of {port, index} or null): the frame's program, which fetches the index's lock file as
 * it starts, starts after it (evalframe.html), so that the lock file comes through the page's cache.
 */
export function startEarly(win = window) {
  // A frame that runs MicroPython (python=micropython) loads nothing of Pyodide.
  const micropython = hashParameter('python') === 'micropython';
  // An embedding page (embed.js, #embedded=1) is of another site than this frame's: its answer is
  // taken whatever its origin, as the frame takes its channel from it (EvalFrameMain).
  const parentOrigin = hashParameter('embedded') === '1' ? '*' : win.location.origin;
  win.jodidePyodideFiles = micropython ? Promise.resolve(null) : askParentForPyodideFiles(win, { parentOrigin });
  filesForWorker = firstLoadWaits(win.jodidePyodideFiles);
  // Files the page downloaded for this frame come again later as its service worker's stored copies:
  // this frame and its worker hold those instead, letting go of the ones held in memory.
  takeStoredCopies(win, win.jodidePyodideFiles, (copies) => {
    const worker = early !== null ? early.worker : activeWorker;
    if (worker) worker.postMessage({ [STORED_FILES]: copies });
  }, { parentOrigin });
  // Packages come from the framing page's cache, for Python here and in its worker.
  packageOffer = offerOfPackageFetches(win, win.jodidePyodideFiles, parentOrigin);
  fetchPackagesThroughPage(win, packageOffer);
  if (isIsolated() && hashParameter('python') !== 'main' && !micropython) {
    const siteUrl = new URL('.', win.document.baseURI).href;
    early = { siteUrl, worker: startPythonWorker(siteUrl) };
  }
  return packageOffer;
}

/** Ends the early worker nobody adopted (Python runs on the frame's thread after all). */
export function discardEarlyWorker() {
  if (early === null) return;
  early.worker.terminate();
  early = null;
  activeHost = null;
  activeWorker = null;
  window.pyodide = undefined;
  installMainThreadGlobal();
}

/**
 * Starts the Python worker: a classic worker from a blob: URL, the only kind an opaque-origin
 * (sandboxed) frame may start that is still cross-origin isolated, with coincident's channel to
 * this frame. Its script imports Pyodide's ES module, python-worker-remote.js and pyodide-support.js
 * (becomes `self.jodidePyodideSupport`, as in the frame) and the worker program (TeaVM's
 * python-worker.js), each from the copy the editor page handed this frame or else by its absolute
 * URL (worker-scripts.js), makes relative URLs resolve against this frame's base URL
 * (relative-urls.js), connects to the frame, then calls the program's main. Messages that arrive before main listens are held and handed over in
 * `self.jodideHeldMessages`. From now on `window.pyodide` says how to reach Python instead.
 */
export function startPythonWorker(siteUrl) {
  if (early !== null && early.siteUrl === siteUrl) {
    const adopted = early.worker;
    early = null;
    return adopted;
  }
  discardEarlyWorker();
  // Its scripts from the copies the editor page handed this frame, where it did (worker-scripts.js).
  const scripts = workerScriptUrls(String(siteUrl), window.jodideHandedScripts);
  const base = JSON.stringify(String(window.document.baseURI));
  const boot = `(${bootWorker.toString()})(${JSON.stringify(String(siteUrl))}, ${JSON.stringify(scripts)}, ${base});`;
  const url = URL.createObjectURL(new Blob([boot], { type: 'text/javascript' }));
  let worker;
  try {
    worker = new ChannelWorker(url, { type: 'classic' });
  } finally {
    // The worker has fetched its script once it starts; the URL may go (it would leak otherwise).
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  const host = createFrameHost({
    scope: window,
    // A Python handler that raises rejects this promise: the frame reports it as an uncaught error.
    callWorker: (id, args) => worker.proxy[WORKER_CALLS.callback](id, args),
  });
  for (const [name, fn] of Object.entries(host.calls)) worker.proxy[name] = fn;
  activeHost = host;
  activeWorker = worker;
  // Pyodide's big files, once the editor page has handed them to this frame (handed-pyodide-files.js):
  // the worker answers its fetches of them from these Blobs, or from the network when there are none.
  // Only the first worker waits for them; a later one (Retry, a restart) gets them if they have come.
  filesForWorker().then((files) => worker.postMessage({ [HANDED_FILES]: files }));
  // Its fetches of the package index's files go to the editor page, which has them in its cache.
  handPackageFetchesToWorker(worker, packageOffer);
  window.pyodide = workerModePyodide();
  // Large buffers come by transfer just before the answer that names them (python-values.js).
  const handedOver = new Map();
  worker.proxy[TAKE_BUFFER_CALL] = (id, view) => { handedOver.set(id, view); };
  installJodideGlobal(window, (name) => Promise.resolve(worker.proxy[WORKER_CALLS.pythonGet](name))
    .then((answer) => takeHandedOver(answer, handedOver)));
  return worker;
}

/** How many synchronous calls (round trips) the current Python worker made into this frame. */
export function domRoundTrips() {
  return activeHost ? activeHost.roundTrips() : 0;
}

/** The worker's boot script (its source text becomes the blob; it must not use anything from this module's scope). */
function bootWorker(siteUrl, scripts, frameBaseUrl) {
  const held = [];
  const hold = (event) => held.push(event);
  // The frame posts Pyodide's big files (or null) whenever the editor page has handed them over, and
  // the page's offer to fetch the package index's files (package-fetches.js: a port, or null): each
  // of these listeners takes its message, whenever it comes, and keeps it from the others.
  const taken = (key) => new Promise((resolve) => {
    self.addEventListener('message', function take(event) {
      if (event.data !== null && typeof event.data === 'object' && key in event.data) {
        event.stopImmediatePropagation();
        self.removeEventListener('message', take);
        resolve(event);
      }
    });
  });
  const handedFiles = taken('jodidePyodideFiles').then((event) => event.data.jodidePyodideFiles);
  // The same files again, read from the disk (the service worker's stored copies of what the editor
  // page downloaded: handed-pyodide-files.js, STORED), taken in place so that those in memory can go.
  taken('jodidePyodideFilesStored').then((event) => handedFiles.then((files) => {
    const copies = event.data.jodidePyodideFilesStored;
    if (files && copies && typeof copies === 'object') Object.assign(files, copies);
  }));
  const packageFetches = taken('jodidePackageFetches').then((event) => {
    const offer = event.data.jodidePackageFetches;
    return offer && event.ports[0] ? { port: event.ports[0], index: offer.index } : null;
  });
  // Every other message that comes before the modules below have loaded is held here: coincident's
  // worker module takes the first message that reaches it as its channel (an array) and throws on
  // anything else, and the frame's Start may come while the modules still load (the worker starts
  // before the frame's program does: startEarly).
  let modulesLoaded = false;
  self.addEventListener('message', (event) => {
    if (!modulesLoaded) {
      event.stopImmediatePropagation();
      held.push(event);
    }
  });
  // Pyodide 314 refuses classic workers by probing importScripts; it loads with import() here.
  self.importScripts = undefined;
  Promise.all([
    import(scripts['pyodide/pyodide.mjs']),
    import(scripts['python-worker-remote.js']),
    import(scripts['pyodide-support.js']),
    import(scripts['python-worker.js']),
  ]).then(([pyodide, remote, pyodideSupport, program]) => {
    // Loading Pyodide and the kernel's Python, as in the frame (pyodide-loader's JavaScript).
    self.jodidePyodideSupport = pyodideSupport;
    remote.answerFetchesFromHandedFiles(self, siteUrl, handedFiles);
    remote.fetchPackagesThroughPage(self, packageFetches);
    // Relative URLs (pyfetch, open_url, js.fetch) mean what they mean in the frame, not the blob: URL's.
    remote.resolveRelativeUrls(self, frameBaseUrl);
    // Pyodide's Wasm compiles as soon as the editor page has handed it over, beside the snapshot, and
    // its module script is imported from there too (or from the site when the page has none), now
    // rather than when loadPyodide asks for it.
    pyodideSupport.precompileHandedWasm(siteUrl, handedFiles);
    pyodideSupport.handModuleScript(siteUrl, handedFiles, { early: true });
    // Its memory snapshot is downloaded and decompressed before the frame says to load Python.
    pyodideSupport.prefetchSnapshot(siteUrl + pyodideSupport.SNAPSHOT_PATH);
    // coincident's first message (its channel, an array) came before its module listened: hand it over.
    modulesLoaded = true;
    for (const event of held.splice(0)) {
      if (Array.isArray(event.data)) {
        self.dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }));
      } else {
        held.push(event);
      }
    }
    self.onmessage = hold;
    return remote.connectToFrame(self).then(({ jsGlobals }) => {
      // Pyodide's `js` module: the worker's globals, else the frame's window (worker-dom).
      self.loadPyodide = (config) => pyodide.loadPyodide(Object.assign({}, config, { jsglobals: jsGlobals }))
        .then(remote.pythonLoaded);
      self.jodideWorkerSupport = remote;
      self.jodideHeldMessages = held;
      self.onmessage = null;
      program.main([]);
    });
  }).catch((failure) => {
    // Thrown from a task of its own, so the frame hears it as the worker's error event.
    setTimeout(() => { throw new Error('the Python worker could not load its scripts: ' + (failure && failure.message || failure)); });
  });
}
