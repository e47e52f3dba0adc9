// The eval frame: the sandboxed iframe that shows the report and runs notebook code. The first
// one is made at navigation by index.html (startEarlyEvalFrame), before the editor's large
// bundles have loaded, so that Python downloads and starts in parallel with the editor; the
// application adopts it (adoptEarlyEvalFrame) and makes the later ones itself (a restart).
//
//   startEarlyEvalFrame(document.getElementById('report-pane'), 'dark');
//   ...
//   const early = adoptEarlyEvalFrame();   // {iframe, messages: [{data, origin}]} or null

import { forwardedSettings } from './url-settings.js';

/**
 * spec of the eval frame: scripts and, as in Iodide, alert/confirm/prompt; no same-origin, so an
 * opaque origin without the editor's storage. The server sends the same sandbox as the frame
 * page's CSP, so the frame is opaque however it is framed.
 */
export const EVAL_FRAME_SANDBOX = 'allow-scripts allow-modals';

/**
 * Makes an eval frame in `container`. Its URL carries the page's theme (evalframe.html paints in
 * it before it loads anything) and the kernel settings of the page's URL; no origin: the frame
 * trusts only window.parent, whatever its origin.
 */
export function createEvalFrame(container, theme, search = location.search) {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', EVAL_FRAME_SANDBOX);
  iframe.setAttribute('title', 'Report');
  // The page is cross-origin isolated (COOP/COEP); this lets the frame be isolated too, so that it
  // has SharedArrayBuffer for Python in a worker (Stop, input()). It also needs COEP itself.
  iframe.setAttribute('allow', 'cross-origin-isolated');
  iframe.setAttribute('id', 'eval-frame');
  iframe.setAttribute('src', `evalframe.html#theme=${encodeURIComponent(theme || 'auto')}${forwardedSettings(search)}`);
  // Noted for whenEvalFrameLoaded: the application may adopt a frame that has loaded already.
  iframe.addEventListener('load', () => { iframe.dataset.loaded = 'true'; }, { once: true });
  container.appendChild(iframe);
  return iframe;
}

/**
 * Calls `callback` once `iframe` (made by createEvalFrame) has loaded: its document and scripts
 * have run, or failed to load. At once (in a task) when it has loaded already.
 */
export function whenEvalFrameLoaded(iframe, callback) {
  if (iframe.dataset.loaded === 'true') {
    setTimeout(callback, 0);
    return;
  }
  iframe.addEventListener('load', () => callback(), { once: true });
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
    if (event.source === iframe.contentWindow) {
      messages.push({ data: typeof event.data === 'string' ? event.data : null, origin: event.origin });
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
