// Pyodide's module script (pyodide.asm.mjs: Emscripten's JavaScript, 1.25 MB) imported from the Blob
// the editor page handed over (frame/handed-pyodide-files.js) instead of from the site: the frame
// and its worker have an opaque origin, hence no HTTP cache of their own, and downloaded it again at
// every visit. loadPyodide takes the imported module's factory (its `createPyodideModule` option)
// and then imports nothing itself.
//
//   // where Pyodide will load, once the page's files may come:
//   handModuleScript(siteUrl, handedFiles, { early: true });   // the worker: import at once
//   handModuleScript(siteUrl, handedFiles);                    // the frame: on the first load
//   // where Pyodide loads (PyodideApi.load):
//   const pyodide = await usingHandedModuleScript(loadPyodide)(config);

/** Pyodide's module script under its indexURL. */
const MODULE_SCRIPT_FILE = 'pyodide.asm.mjs';

/** The same script, as a site path (Pyodide's indexURL is the site's `pyodide/`). */
export const MODULE_SCRIPT_PATH = `pyodide/${MODULE_SCRIPT_FILE}`;

/** By the script's site URL: {factory(): a promise of createPyodideModule or null, settled, value}. */
const scripts = new Map();

/**
 * Notes where the module script of the site at `siteUrl` comes from: the Blob of MODULE_SCRIPT_PATH
 * in `handed` (a promise of {path: Blob} or null), imported from a blob: URL, else the site's URL, as
 * Pyodide would import it. `early` imports it now (the worker, which loads nothing else meanwhile);
 * otherwise on the first load that asks (the frame, whose Python may run in its worker instead).
 */
export function handModuleScript(siteUrl, handed, { early = false, importModule = (url) => import(url) } = {}) {
  let imported = null;
  const entry = { settled: false, value: null };
  entry.factory = () => {
    if (imported === null) {
      imported = Promise.resolve(handed).then((files) => {
        const blob = files && files[MODULE_SCRIPT_PATH];
        const url = blob ? URL.createObjectURL(blob) : siteUrl + MODULE_SCRIPT_PATH;
        return Promise.resolve(importModule(url))
          .then((module) => (module && typeof module.default === 'function' ? module.default : null), () => null)
          .finally(() => { if (blob) URL.revokeObjectURL(url); });
      }).then((factory) => {
        entry.settled = true;
        entry.value = factory;
        return factory;
      });
    }
    return imported;
  };
  scripts.set(siteUrl + MODULE_SCRIPT_PATH, entry);
  if (early) entry.factory();
}

/**
 * `loadPyodide` made to take the module script handModuleScript noted for its config's indexURL, as
 * its `createPyodideModule`, which Pyodide calls where it would have imported the script: the first
 * load waits there for it; a later one (a Retry, Python loaded again) takes it only if it has come,
 * so that a download the page still waits for (a host that stalled) cannot hold that load too. A
 * script that did not import from its Blob is imported from the site, as Pyodide would, whose
 * error then is the load's.
 */
export function usingHandedModuleScript(loadPyodide, importModule = (url) => import(url)) {
  return (config) => {
    const entry = scripts.get(`${config.indexURL}${MODULE_SCRIPT_FILE}`);
    const first = entry !== undefined && !entry.asked;
    if (entry === undefined || !(first || entry.settled)) {
      return loadPyodide(config);
    }
    entry.asked = true;
    const createPyodideModule = (settings) => entry.factory().then((factory) => (factory
      ? factory(settings)
      : Promise.resolve(importModule(`${config.indexURL}${MODULE_SCRIPT_FILE}`)).then((module) => module.default(settings))));
    return loadPyodide({ ...config, createPyodideModule });
  };
}
