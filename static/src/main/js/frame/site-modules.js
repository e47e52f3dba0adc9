// Site modules the report's frame imports only when something needs them (LAZY_SITE_MODULES: Mermaid,
// for a markdown block that draws a diagram), asked of the page that made the frame. That page is of
// the site's origin: its fetch goes through the site's service worker and the HTTP cache, and it can
// read the site wherever the frame can (a handed frame, page/handed-frame.js, has no address to load
// from; a served one gets no HTTP cache of its own). The page answers on a port at once that it will
// (COMING), then with the module's Blob or why it has none (page/site-modules.js). A page that does
// not answer in time (embed.js's page may not) leaves the frame to import the module from the site's
// URL itself, as a frame of evalframe.html can.
//
//   const mermaid = await importSiteModule('mermaid.js');   // the module's namespace

import { hashParameter } from './hash-parameters.js';

/** The modules a frame may ask its page for, as site paths. */
export const LAZY_SITE_MODULES = Object.freeze(['mermaid.js']);

/** The frame's ask (window message data: {[ASK]: path}, with a port to answer on). */
export const ASK = 'jodideWantsSiteModule';

/** The page's first answer on the port: it is reading the module (then {blob} or {failed}). */
export const COMING = 'coming';

/** How long the frame waits for the page to say it is coming before it imports by URL, in ms. */
export const COMING_DEADLINE_MS = 3000;

/**
 * The origin the frame's parent must have: any for a frame embed.js made on another site's page
 * (#embedded=1) or a frame without an address of its own (srcdoc: its location's origin is opaque),
 * else the site's (the origin of the frame's address).
 */
export function parentOriginOf(win) {
  if (hashParameter('embedded', win.jodideFrameHash ?? win.location.hash) === '1') return '*';
  const origin = win.location.origin;
  return origin && origin !== 'null' ? origin : '*';
}

/**
 * The Blob of `path` from the page that made the frame `win` (see above), or null when it has none
 * for the frame or did not say it would answer within `comingDeadlineMs`.
 */
export function askParentForModule(path, win, { parentOrigin = parentOriginOf(win), comingDeadlineMs = COMING_DEADLINE_MS } = {}) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const give = (blob) => {
      clearTimeout(deadline);
      channel.port1.close();
      resolve(blob);
    };
    const deadline = setTimeout(() => give(null), comingDeadlineMs);
    channel.port1.onmessage = (event) => {
      const answer = event.data;
      if (answer === COMING) {
        clearTimeout(deadline);
      } else if (answer && answer.blob instanceof Blob) {
        give(answer.blob);
      } else {
        give(null);
      }
    };
    win.parent.postMessage({ [ASK]: path }, parentOrigin, [channel.port2]);
  });
}

const imported = new Map();

/**
 * The namespace of the site's module `path` (one of LAZY_SITE_MODULES), imported once per frame: from
 * the Blob its page gives (askParentForModule), else from the site's URL. Rejects, naming the module,
 * when neither can be imported; a later call tries again.
 */
export function importSiteModule(path, { win = window, ask = askParentForModule, importModule = (url) => import(url) } = {}) {
  if (!LAZY_SITE_MODULES.includes(path)) {
    return Promise.reject(new Error(`${path} is not a module the report's frame imports later`));
  }
  if (!imported.has(path)) {
    const siteUrl = new URL(path, win.document.baseURI).href;
    const module = ask(path, win).then((blob) => importModule(blob ? win.URL.createObjectURL(blob) : siteUrl))
      .catch((error) => {
        imported.delete(path);
        throw new Error(`${path} did not load: ${error && error.message ? error.message : error}`, { cause: error });
      });
    imported.set(path, module);
  }
  return imported.get(path);
}
