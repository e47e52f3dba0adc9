// The page's side of frame/site-modules.js: reads a module the report's frame asks for (one of
// LAZY_SITE_MODULES, Mermaid) from the site and hands it over as a Blob. Read as the frame's other
// files are (handed-frame.js, siteFileSource): the service worker's stored copy when it is the host's
// version or the host cannot be reached, else downloaded, and then stored, so that a notebook that
// drew a diagram once draws it offline.
//
//   answerSiteModuleAsks(iframe);   // once per frame, as it is made (page/eval-frame.js)

import { siteFileSource } from './handed-frame.js';
import { ASK, COMING, LAZY_SITE_MODULES } from '../frame/site-modules.js';

/** The sources read so far, by site folder and path: each module is read once per page. */
const PAGE_SOURCES = new Map();

function moduleFile(base, path, sources, options) {
  const key = `${new URL('.', base).href}\n${path}`;
  if (!sources.has(key)) sources.set(key, siteFileSource(base, [path], options));
  const source = sources.get(key);
  return source.allFiles().then((files) => {
    if (files[path]) {
      source.storedCopiesOfDownloads();
      return files[path];
    }
    // Read again at the next ask: the host may answer then.
    sources.delete(key);
    return null;
  });
}

/**
 * Answers the asks of `iframe`'s frame (messages to `win` from its window with an ASK and a port):
 * COMING at once, then {blob}, or {failed: why} for a path that is not a lazy module or a file that
 * could not be read (the frame then imports it from the site's URL itself). Messages from any other
 * window, or without a port, are left alone. `options`: siteFileSource's, and `sources`, where what was
 * read is kept (the page's own by default).
 */
export function answerSiteModuleAsks(iframe, win = window, base = win.document.baseURI, { sources = PAGE_SOURCES, ...options } = {}) {
  win.addEventListener('message', (event) => {
    // A frame removed since it asked (a restart, another Python) has no window: both are null then.
    if (!event.source || event.source !== iframe.contentWindow || !event.data || typeof event.data[ASK] !== 'string') return;
    const [port] = event.ports;
    if (!port) return;
    const path = event.data[ASK];
    if (!LAZY_SITE_MODULES.includes(path)) {
      port.postMessage({ failed: `${path} is not a module the page hands its frame` });
      return;
    }
    port.postMessage(COMING);
    moduleFile(base, path, sources, options).then((blob) => {
      port.postMessage(blob ? { blob } : { failed: `${path} could not be read from the site` });
    }, (error) => port.postMessage({ failed: `${path}: ${error && error.message ? error.message : error}` }));
  });
}
