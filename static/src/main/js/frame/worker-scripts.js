// The Python worker's scripts, which its boot imports (python-worker-frame.js: bootWorker), and where
// it imports each from: the blob: URL of the copy the editor page handed this frame
// (page/frame-scripts.js, kept by evalframe.html as window.jodideHandedScripts), else the site's URL.
//
//   const urls = workerScriptUrls(siteUrl, window.jodideHandedScripts);   // {path: url}, one per path
//   keepOnlyWorkerScripts(window.jodideHandedScripts);  // evalframe.html, once its modules are imported

/** The worker's scripts, as site paths, in the order its boot imports them. */
export const WORKER_SCRIPTS = Object.freeze([
  'pyodide/pyodide.mjs', 'python-worker-remote.js', 'pyodide-support.js', 'python-worker.js',
]);

const blobUrls = new WeakMap();

/**
 * Leaves in `handed` (window.jodideHandedScripts, {path: Blob}) only the worker's scripts: the frame's
 * own modules are imported once, and a copy kept here would keep its bytes for the frame's life.
 */
export function keepOnlyWorkerScripts(handed) {
  for (const path of Object.keys(handed)) {
    if (!WORKER_SCRIPTS.includes(path)) delete handed[path];
  }
}

/**
 * {path: url} for each of WORKER_SCRIPTS: a blob: URL of the handed copy (`handed`, {path: Blob} or
 * nothing), made once per Blob and kept for the workers a restart makes, else `siteUrl` + path.
 */
export function workerScriptUrls(siteUrl, handed, createObjectUrl = (blob) => URL.createObjectURL(blob)) {
  return Object.fromEntries(WORKER_SCRIPTS.map((path) => {
    const blob = handed && handed[path];
    if (!(blob instanceof Blob)) {
      return [path, siteUrl + path];
    }
    if (!blobUrls.has(blob)) {
      blobUrls.set(blob, createObjectUrl(blob));
    }
    return [path, blobUrls.get(blob)];
  }));
}
