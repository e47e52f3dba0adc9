// The package index's files (wheels, the index's lock file) fetched for the report frame's Python by
// the editor page, so that the browser's HTTP cache keeps them between visits. The frame has an
// opaque origin, which Chromium gives a fresh network partition on every visit: a package the frame
// or its Python worker fetches itself is downloaded again at every visit (NumPy's wheel is ~3 MB,
// pandas' ~7 MB), where a page of the site's origin finds it in its cache (the official index's files
// are versioned, a new Pyodide being a new folder, so a browser may keep them; a host that sends
// validators answers 304).
//
// The page gives the frame a MessagePort with its promise of Pyodide's files (handed-frame.js,
// answerPyodideFilesAsk); each ask is {url, integrity} with a port to reply on, and gets {blob}, or
// {failed: reason}, on which the asker fetches the file itself (its error is the one it reports).
// The page fetches only what the frame could fetch itself, from where Python is told packages are:
// GETs of http(s) URLs under the package index this page forwards to the frame, of another origin
// than the site's, without credentials, in CORS mode, with the integrity Pyodide asks for. It keeps
// each file it fetched in Cache Storage (package-store.js), whose copy answers when the index cannot
// be reached: a package loaded once loads offline.
//
//   const index = packageIndexOf(location.search, document.baseURI);
//   const port = packageFetchesPort(index, location.origin);                // answerPackageFetches on its other end
//   frame.postMessage({ ..., [PACKAGE_INDEX]: index }, '*', [port]);   // frame/package-fetches.js takes it

import { packageStore } from './package-store.js';

/** The key, in the message that gives the frame the port, of the index whose files the port fetches. */
export const PACKAGE_INDEX = 'jodidePackageIndex';

/** Pyodide's version, as static/package-lock.json installs it (package-files.test.js checks). */
export const PYODIDE_VERSION = '314.0.7';

/** Where the official packages of PYODIDE_VERSION are (PyodideOptions.OFFICIAL_PACKAGE_INDEX). */
export const OFFICIAL_PACKAGE_INDEX = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;

/**
 * The package index Python uses for a page with the query `search`: its `packageIndex`, absolute
 * against `base` and ending with '/' (as the frame makes it: EvalFrameMain.options), else the official one.
 */
export function packageIndexOf(search, base) {
  return absolutePackageIndex(new URLSearchParams(search).get('packageIndex'), base);
}

/**
 * The package index `given` (a URL, relative to `base`; null or empty for the official one) as Python
 * uses it: absolute and ending with '/', else the official one.
 */
export function absolutePackageIndex(given, base) {
  if (!given) {
    return OFFICIAL_PACKAGE_INDEX;
  }
  try {
    return new URL(given.endsWith('/') ? given : `${given}/`, base).href;
  } catch {
    return OFFICIAL_PACKAGE_INDEX;
  }
}

/**
 * The URL the frame may have the page fetch for `ask`, or null: an http(s) URL under `index`, of
 * another origin than `siteOrigin`, naming no user.
 */
export function packageFileUrl(ask, index, siteOrigin) {
  if (!ask || typeof ask.url !== 'string') {
    return null;
  }
  let url;
  try {
    url = new URL(ask.url);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin === siteOrigin
      || url.username || url.password || !url.href.startsWith(index)) {
    return null;
  }
  return url.href;
}

/**
 * Answers the asks that come on `port` (see above) with `fetchFile` (the page's fetch), keeping each
 * file fetched in `store` (package-store.js), whose copy answers when the fetch fails. An ask
 * without a reply port is ignored.
 */
export function answerPackageFetches(port, index, siteOrigin, fetchFile = (url, init) => fetch(url, init), store = packageStore()) {
  port.onmessage = (event) => {
    const reply = event.ports && event.ports[0];
    if (!reply) {
      return;
    }
    const url = packageFileUrl(event.data, index, siteOrigin);
    const answered = url === null
      ? Promise.resolve({ failed: `not a file of the package index ${index}` })
      : fetchFileAsBlob(fetchFile, url, event.data.integrity, store);
    answered.then((answer) => {
      reply.postMessage(answer);
      reply.close();
    });
  };
}

/**
 * A port on which a frame has this page fetch the files of `index` (answerPackageFetches, with the
 * page's fetch), keeping them in `store`: the port a served frame gets with the promise of Pyodide's
 * files and a handed frame with its files.
 */
export function packageFetchesPort(index, siteOrigin, store = packageStore()) {
  const channel = new MessageChannel();
  answerPackageFetches(channel.port1, index, siteOrigin, undefined, store);
  return channel.port2;
}

function fetchFileAsBlob(fetchFile, url, integrity, store) {
  const init = { credentials: 'omit', mode: 'cors' };
  if (typeof integrity === 'string' && integrity) {
    init.integrity = integrity;
  }
  return Promise.resolve()
    .then(() => fetchFile(url, init))
    .then((response) => (response.ok
      ? response.blob().then((blob) => {
        store.keep(url, response, blob);
        return { blob };
      })
      : { failed: `HTTP ${response.status}` }))
    .catch((error) => store.copy(url).then((copy) => (copy ? { blob: copy } : { failed: String((error && error.message) || error) })));
}
