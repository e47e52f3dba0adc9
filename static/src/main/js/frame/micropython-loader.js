// Loads micropython-support.js (MicroPython as the report's Python, src/main/js/micropython) only in a
// frame whose notebook or page chose MicroPython (python=micropython): the others never fetch it.

import { handedFileUrls } from './handed-file-urls.js';
import { installJodideGlobal } from './jodide-global.js';
import { MICROPYTHON_DIR, PORT_FILES } from '../micropython/port-files.js';

/**
 * MicroPython's files, as site paths: the module that starts it, the port's module script and its
 * Wasm. The editor page hands them with the frame's modules to a frame it makes for MicroPython
 * (page/frame-scripts.js): downloaded from the frame's opaque origin, they came again on every visit,
 * one after the other once the frame's program had started.
 */
export const MICROPYTHON_FILES = Object.freeze(['micropython-support.js', ...PORT_FILES.map((name) => MICROPYTHON_DIR + name)]);

/**
 * Loads MicroPython from the copies the page handed (`handed`, {path: Blob}), else from the site (the
 * frame's base URL's folder), and calls `ready(kernel)` or `failed(message)`; the kernel is
 * micropython/index.js's.
 */
export function loadMicroPython(ready, failed, handed = window.jodideHandedScripts) {
  const site = new URL('.', document.baseURI).href;
  const urls = handedFileUrls(site, MICROPYTHON_FILES, handed);
  // A URL computed at run time, which the bundler leaves to the browser (a literal it would bundle).
  // js chunks read MicroPython's globals with `await jodide.python.get(name)`, as they do Pyodide's.
  const readable = (kernel) => {
    installJodideGlobal(window, (name) => kernel.get(name));
    ready(kernel);
  };
  import(urls['micropython-support.js']).then((support) => support.loadMicroPythonKernel(site, readable, failed, urls),
    (failure) => failed(`MicroPython could not load (micropython-support.js): ${failure && failure.message ? failure.message : failure}`));
}
