// The Python worker's JavaScript (bundled as python-worker-remote.js, imported by the worker's boot
// script, see python-worker-frame.js): the shared-memory helpers of python-worker-support.js and the
// worker side of worker-dom, which gives Python synchronous access to the eval frame's DOM and
// globals through coincident.
//
//   const { jsGlobals } = await connectToFrame(self);   // before Pyodide loads
//   loadPyodide({ ..., jsglobals: jsGlobals });           // `from js import document` is the frame's

import './worker-dom/random-uuid.js';
import coincident from 'coincident/worker';
import { createWorkerProxies } from './worker-dom/worker-proxies.js';
import { copyPythonValue, handOverLargeBuffer } from './python-values.js';
import { TAKE_BUFFER_CALL, WORKER_CALLS } from './worker-dom/wire.js';
import { flushToFrame } from './python-worker-support.js';

export * from './python-worker-support.js';
export { answerFetchesFromHandedFiles } from './handed-pyodide-files.js';
export { fetchPackagesThroughPage } from './package-fetches.js';
export { resolveRelativeUrls } from './relative-urls.js';
// The protocol's JSON strings done by the engine (org.jodide.ui.dom.EngineJsonStrings), as in the frame.
export { quoteJson, unquoteJson, joinParts } from '../page/json-strings.js';

/** The worker's Pyodide, once loaded (see pythonLoaded). */
let python = null;

/** Tells this module the worker's Pyodide (the boot script's loadPyodide calls it). */
export function pythonLoaded(pyodide) {
  python = pyodide;
  return pyodide;
}

/**
 * Opens the synchronous channel to the frame (coincident) and answers the frame's calls into the
 * worker: event callbacks into Python, and `jodide.python.get(name)` from js chunks.
 */
export async function connectToFrame(scope = self) {
  // transfer: a call may end with transfer(buffer), which moves the buffer instead of copying it.
  const { proxy, sync, transfer } = await coincident({ transfer: true });
  if (!sync) throw new Error('the frame cannot share memory with the Python worker (no SharedArrayBuffer)');
  // A call into the frame waits for its answer: the messages posted before it go first.
  const remote = createWorkerProxies(proxy, { beforeCall: flushToFrame });
  proxy[WORKER_CALLS.callback] = (id, args) => { remote.invokeCallback(id, args); };
  proxy[WORKER_CALLS.pythonGet] = (name) => {
    if (!python) throw new Error('Python is still loading');
    return handOverLargeBuffer(copyPythonValue(python.globals, name),
      (id, view) => proxy[TAKE_BUFFER_CALL](id, view, transfer(view.buffer)));
  };
  return { jsGlobals: remote.jsGlobals(scope) };
}
