// Loads micropython-support.js (MicroPython as the report's Python, src/main/js/micropython) only in a
// frame whose notebook or page chose MicroPython (python=micropython): the others never fetch it.

/**
 * Loads MicroPython from the site (the frame's base URL's folder) and calls `ready(kernel)` or
 * `failed(message)`; the kernel is micropython/index.js's.
 */
export function loadMicroPython(ready, failed) {
  const site = new URL('.', document.baseURI).href;
  // A URL computed at run time, which the bundler leaves to the browser (a literal it would bundle).
  import(new URL('micropython-support.js', site).href).then((support) => support.loadMicroPythonKernel(site, ready, failed),
    (failure) => failed(`MicroPython could not load (micropython-support.js): ${failure && failure.message ? failure.message : failure}`));
}
