// pyodide-support.js: the JavaScript side of pyodide-loader (org.jodide.pyodide), loaded into the
// eval frame and into the Python worker as globalThis.jodidePyodideSupport (evalframe.html, and
// the worker's boot script in frame/python-worker-support.js). The Java side binds each function
// with a one-expression @JSBody.

export { fetchJson, installKernel, KERNEL_DIR, KERNEL_PACKAGE } from './kernel-files.js';
export { callAndRelease, callAsync, callNow } from './python-calls.js';
export { onFatal } from './fatal.js';
export { iodideFacingPyodide } from './iodide-pyimport.js';
export { listHome, readHome, removeDataFile, writeDataFile } from './data-files.js';
export { withDeadline } from './package-loading.js';
export { countDownloads, watchWasmCompile } from './load-watch.js';
export { printedLines } from './printed-lines.js';
export { precompileHandedWasm, usingPrecompiledWasm } from './precompiled-wasm.js';
export { handModuleScript, usingHandedModuleScript } from './module-script.js';
export { emscriptenLanguage, fetchSnapshot, loadPython, prefetchSnapshot, renewProcessState, SNAPSHOT_PATH } from './snapshot.js';
