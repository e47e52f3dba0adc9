// The Python worker's scripts, which its boot imports (python-worker-frame.js: bootWorker), and where
// it imports each from: the blob: URL of the copy the editor page handed this frame
// (page/frame-scripts.js, kept by evalframe.html as window.jodideHandedScripts), else the site's URL.
//
//   const urls = workerScriptUrls(siteUrl, window.jodideHandedScripts);   // {path: url}, one per path

import { handedFileUrls } from './handed-file-urls.js';

/** The worker's scripts, as site paths, in the order its boot imports them. */
export const WORKER_SCRIPTS = Object.freeze([
  'pyodide/pyodide.mjs', 'python-worker-remote.js', 'pyodide-support.js', 'python-worker.js',
]);

/**
 * {path: url} for each of WORKER_SCRIPTS: a blob: URL of the handed copy (`handed`, {path: Blob} or
 * nothing), made once per Blob and kept for the workers a restart makes, else `siteUrl` + path.
 */
export function workerScriptUrls(siteUrl, handed, createObjectUrl) {
  return handedFileUrls(siteUrl, WORKER_SCRIPTS, handed, createObjectUrl);
}
