// The eval frame: the sandboxed iframe that shows the report and runs notebook code. The first
// one is made at navigation by index.html (startEarlyEvalFrame), before the editor's large
// bundles have loaded, so that Python downloads and starts in parallel with the editor; the
// application adopts it (adoptEarlyEvalFrame) and makes the later ones itself (a restart).
//
//   startEarlyEvalFrame(document.getElementById('report-pane'), 'dark');
//   ...
//   const early = adoptEarlyEvalFrame();   // {iframe, messages: [{data, origin}]} or null

import { forwardedSettings } from './url-settings.js';
import { PACKAGE_INDEX, packageFetchesPort, packageIndexOf } from './package-files.js';
import {
  answerPyodideFilesAsk, currentPyodideCopies, FrameDelivery, frameDelivery, handedFrameDocument, handedFrameFiles, pyodideFilesForFrame,
  pyodideStoredCopiesOfDownloads, handedFrameStoredCopies, HANDED_FILES_STORED,
} from './handed-frame.js';
import { answerFrameScriptsAsk, frameScripts, HANDED_SCRIPTS_SETTING } from './frame-scripts.js';
import { answerSiteModuleAsks } from './site-modules.js';

/**
 * spec of the eval frame: scripts and, as in Iodide, alert/confirm/prompt; no same-origin, so an
 * opaque origin without the editor's storage. The server sends the same sandbox as the frame
 * page's CSP, so the frame is opaque however it is framed.
 */
export const EVAL_FRAME_SANDBOX = 'allow-scripts allow-modals';

/**
 * What the report's code may ask of the browser beyond the sandbox (the frame's `allow`): an
 * output's "copy" button writes the clipboard, a map, chart or video goes fullscreen. Each needs a
 * click of the user's in the report, as on any page.
 */
export const EVAL_FRAME_FEATURES = 'clipboard-write; fullscreen';

/**
 * Makes an eval frame in `container`. Its settings carry the page's theme (the frame paints in it
 * before it loads anything) and the kernel settings of the page's URL; no origin: the frame
 * trusts only window.parent, whatever its origin.
 *
 * How it gets the site's files is decided once per page (frameDelivery in handed-frame.js): where the
 * host answers the frame's requests (CORS headers, online), it loads `evalframe.html` by its URL, as
 * `./jodide serve` serves it; elsewhere (a plain static host, offline) it is a srcdoc frame to which
 * this page hands the files. Either way it is sandboxed the same, and it sends `FrameReady` when its
 * scripts have run; whenEvalFrameLoaded tells when it had all it needs to.
 */
export function createEvalFrame(container, theme, search = location.search) {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', EVAL_FRAME_SANDBOX);
  iframe.setAttribute('allow', EVAL_FRAME_FEATURES);
  iframe.setAttribute('title', 'Report');
  iframe.setAttribute('id', 'eval-frame');
  container.appendChild(iframe);
  const settings = `#theme=${encodeURIComponent(theme || 'auto')}${forwardedSettings(search)}`;
  const packageIndex = packageIndexOf(search, document.baseURI);
  // A frame that runs MicroPython asks for none of Pyodide's files (python-worker-frame.js: startEarly).
  const loadsPyodide = new URLSearchParams(search).get('python') !== 'micropython';
  // Modules the frame imports when it needs them (Mermaid: frame/site-modules.js), either way.
  answerSiteModuleAsks(iframe, window, document.baseURI);
  frameDelivery().then((way) => (way === FrameDelivery.SERVED ? loadServedFrame(iframe, settings, packageIndex, loadsPyodide)
    : loadHandedFrame(iframe, theme, settings, packageIndex, !loadsPyodide)));
  return iframe;
}

/**
 * The frame loads evalframe.html from the site itself; its modules (frame-scripts.js), the files of
 * `packageIndex` (the one its settings name: package-files.js) and Pyodide's big files
 * (handed-frame.js), whose stored copies it checks at once when the frame `loadsPyodide`, it gets
 * through this page, which has them from its cache.
 */
function loadServedFrame(iframe, settings, packageIndex, loadsPyodide) {
  // The page is cross-origin isolated (COOP/COEP); this lets the frame be isolated too, so that it
  // has SharedArrayBuffer for Python in a worker (Stop, input()). It also needs COEP itself.
  iframe.setAttribute('allow', `${EVAL_FRAME_FEATURES}; cross-origin-isolated`);
  iframe.addEventListener('load', () => markLoaded(iframe), { once: true });
  // Pyodide's big files and the packages from this page's cache (the frame has none of its own):
  // handed-pyodide-files.js, package-fetches.js. Which stored copies are current is known by the
  // time the frame asks (nothing is downloaded before it does), where it will ask.
  if (loadsPyodide) currentPyodideCopies();
  answerPyodideFilesAsk(iframe, window, {
    files: () => pyodideFilesForFrame(), index: packageIndex, storedCopies: () => pyodideStoredCopiesOfDownloads(),
  });
  // Its own modules and its worker's scripts, or MicroPython's files, too (frame-scripts.js), read
  // now, while the frame's process starts: the stored copies that are current, the others
  // downloaded. Read when the frame asked, they waited for the page's own start, which holds the main
  // thread (CodeMirror, the application) when the ask comes: a first visit's frame got its modules
  // ~100-350 ms later.
  const scripts = frameScripts(document.baseURI, { worker: loadsPyodide, micropython: !loadsPyodide });
  scripts.allFiles();
  answerFrameScriptsAsk(iframe, scripts.allFiles, window, scripts.storedCopiesOfDownloads);
  iframe.setAttribute('src', `evalframe.html${settings}${HANDED_SCRIPTS_SETTING}`);
}

/**
 * A srcdoc frame to which this page posts the site's files once it has them and the frame's boot
 * script listens, with a port on which the frame has this page fetch the files of `packageIndex`
 * (package-files.js), as a served frame does. Not isolated (it runs Python on its own thread; Stop
 * restarts): its worker would need the files handed too.
 */
function loadHandedFrame(iframe, theme, settings, packageIndex, micropython) {
  iframe.dataset.delivery = FrameDelivery.HANDED;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.setAttribute('srcdoc', handedFrameDocument(theme, settings));
  Promise.all([handedFrameFiles(document.baseURI, { micropython }), loaded]).then(([files]) => {
    const packages = packageFetchesPort(packageIndex, window.location.origin);
    const given = { base: new URL('.', document.baseURI).href, files, [PACKAGE_INDEX]: packageIndex };
    // To any origin: the frame's is opaque. These are the site's public files, nothing else.
    iframe.contentWindow.postMessage({ jodideFrameFiles: given }, '*', [packages]);
    // The files downloaded for it again, once the service worker has stored them (read from the disk).
    handedFrameStoredCopies(document.baseURI, { micropython }).then((copies) => {
      if (Object.keys(copies).length > 0 && iframe.contentWindow) {
        iframe.contentWindow.postMessage({ [HANDED_FILES_STORED]: copies }, '*');
      }
    });
  }, (error) => {
    console.error(`Jodide: the report's files could not be read: ${error.message}`);
  }).finally(() => markLoaded(iframe));
}

function markLoaded(iframe) {
  // Noted for whenEvalFrameLoaded: the application may adopt a frame that has loaded already.
  iframe.dataset.loaded = 'true';
  iframe.dispatchEvent(new Event(EVAL_FRAME_LOADED));
}

/** The event a frame made by createEvalFrame gets once it has loaded (see whenEvalFrameLoaded). */
export const EVAL_FRAME_LOADED = 'jodide-frame-loaded';

/**
 * Calls `callback` once `iframe` (made by createEvalFrame) has loaded: its document and scripts
 * have run, or failed to load (a handed frame: once it was given its files, or they could not be
 * read). At once (in a task) when it has loaded already.
 */
export function whenEvalFrameLoaded(iframe, callback) {
  if (iframe.dataset.loaded === 'true') {
    setTimeout(callback, 0);
    return;
  }
  iframe.addEventListener(EVAL_FRAME_LOADED, () => callback(), { once: true });
}

let early = null;

/**
 * Makes the first eval frame now, and keeps the window messages it sends (its FrameReady) until
 * the application adopts it.
 */
export function startEarlyEvalFrame(container, theme, search = location.search) {
  if (early !== null || container === null) {
    return;
  }
  const iframe = createEvalFrame(container, theme, search);
  const messages = [];
  const keep = (event) => {
    if (event.source === iframe.contentWindow && typeof event.data === 'string') {
      messages.push({ data: event.data, origin: event.origin });
    }
  };
  window.addEventListener('message', keep);
  early = { iframe, messages, stop: () => window.removeEventListener('message', keep) };
}

/**
 * The frame made by startEarlyEvalFrame with the messages it sent so far, once; null when there is
 * none (or it was adopted already). From then on its messages go to the application's own listener,
 * which must be listening before it adopts the frame.
 */
export function adoptEarlyEvalFrame() {
  const adopted = early;
  early = null;
  if (adopted === null) {
    return null;
  }
  adopted.stop();
  return { iframe: adopted.iframe, messages: adopted.messages };
}
