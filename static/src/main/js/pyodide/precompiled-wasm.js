// Pyodide's WebAssembly compiled as soon as its bytes are in memory, beside the snapshot's
// decompression, instead of when Pyodide asks for it. Pyodide starts compiling only once its
// module script has run and the snapshot is there (loadPyodide waits for `_loadSnapshot` before it
// instantiates), so on a visit where the editor page hands the frame its files at once the compile
// followed ~0.4 s of decompressing and setting up that it need not wait for.
//
//   // the Python worker, as it boots, once the editor page's files may come:
//   precompileHandedWasm(siteUrl, handedFiles);
//   // where Pyodide loads (loadPython's loadPyodide):
//   const pyodide = await usingPrecompiledWasm(loadPyodide)(config);

/** Pyodide's WebAssembly binary under its indexURL. */
const WASM_FILE = 'pyodide.asm.wasm';

/** The same binary, as a site path (Pyodide's indexURL is the site's `pyodide/`). */
export const WASM_PATH = `pyodide/${WASM_FILE}`;

/** Compilations begun ahead of loadPyodide, by the binary's URL: promises of a Module, or null. */
const compiled = new Map();

/**
 * Once `handed` (a promise of {path: Blob} or null: handed-pyodide-files.js) gives the Blob of
 * WASM_PATH, compiles it (streaming, as Pyodide would); the next loadPyodide of the site at
 * `siteUrl` instantiates this module. Without that Blob nothing is compiled: Pyodide downloads and compiles
 * the binary itself, so nothing is downloaded twice. A binary that does not compile is left to
 * Pyodide too, which compiles it again and reports why (the load's compile watch, load-watch.js).
 */
export function precompileHandedWasm(siteUrl, handed, wasm = globalThis.WebAssembly) {
  compiled.set(siteUrl + WASM_PATH, Promise.resolve(handed).then((files) => {
    const blob = files && files[WASM_PATH];
    return blob ? wasm.compileStreaming(new Response(blob, { headers: { 'Content-Type': 'application/wasm' } })) : null;
  }).catch(() => null));
}

/**
 * `loadPyodide` (Pyodide's, or one that calls it) made to instantiate the module
 * precompileHandedWasm began for its config's binary, when there is one: while it loads,
 * `WebAssembly.instantiateStreaming` instantiates that module and lets go of the response Pyodide
 * fetched (the same Blob, which the download's progress counted whole: load-watch.js) unread;
 * without a module, or when it did not compile, Pyodide's own response is compiled as before. The
 * module stays for a later load (one without the snapshot, a Retry).
 */
export function usingPrecompiledWasm(loadPyodide, wasm = globalThis.WebAssembly) {
  return async (config) => {
    const module = compiled.get(`${config.indexURL}${WASM_FILE}`);
    if (!module) {
      return loadPyodide(config);
    }
    const streaming = wasm.instantiateStreaming;
    wasm.instantiateStreaming = (source, imports) => module.then((precompiled) => {
      if (!precompiled) {
        return streaming.call(wasm, source, imports);
      }
      letGo(source);
      return wasm.instantiate(precompiled, imports).then((instance) => ({ module: precompiled, instance }));
    });
    try {
      return await loadPyodide(config);
    } finally {
      wasm.instantiateStreaming = streaming;
    }
  };
}

/**
 * Cancels the body of the response `source` gives (a Response, or a promise of one), unread: Pyodide
 * keeps that promise for as long as Python lives (its instantiateWasm function holds it), and an
 * unread body holds what it would read, here a handed Blob of 9 MB kept in the browser's memory
 * on a first visit (chrome://blob-internals), which nothing else holds once the editor page has
 * handed the frame its stored copy (handed-pyodide-files.js: STORED).
 */
function letGo(source) {
  Promise.resolve(source).then((response) => {
    if (response && response.body && !response.bodyUsed) return response.body.cancel();
    return undefined;
  }).catch(() => {});
}
